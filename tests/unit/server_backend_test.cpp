// The test servers are up and a fresh database per test works on every backend: the ground the
// engine-parameterized tests stand on.
#include "server_support.h"

using namespace burrow::test;

namespace {

class ServerBackend : public ::testing::TestWithParam<Backend> {};

TEST_P(ServerBackend, a_fresh_database_takes_a_table_and_its_rows_and_is_gone_afterwards)
{
    QString name;
    {
        TestDatabase db(GetParam());
        BURROW_REQUIRE_BACKEND(db);
        name = db.name();
        db.exec(QStringLiteral("CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(50));"
                               "INSERT INTO book VALUES (1, 'Dune');"
                               "INSERT INTO book VALUES (2, 'Emma')"));
        EXPECT_EQ(db.rows(QStringLiteral("SELECT id, title FROM book ORDER BY id")),
                  (QStringList{QStringLiteral("1|Dune"), QStringLiteral("2|Emma")}));
    }
    if (GetParam() == Backend::SQLite)
        return;
    TestDatabase other(GetParam());
    const QString list = GetParam() == Backend::PostgreSQL
                             ? QStringLiteral("SELECT datname FROM pg_database")
                             : QStringLiteral("SHOW DATABASES");
    EXPECT_FALSE(other.rows(list).contains(name)) << name.toStdString() << " was not dropped";
}

INSTANTIATE_TEST_SUITE_P(Engines, ServerBackend, allBackends(), backendParamName);

} // namespace
