// A PostgreSQL view or function that the migration drops and creates again would belong to the
// role the migration runs as: the application's role, which owned it, would lose its access
// (an owner's privileges are not grants), and a view owned by a superuser skips the row-level
// security of the tables it reads. Such objects get their owner back, up and down; those the
// migration's own role owns get no statement. Owners are not compared.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresOwners : public PostgresCliFixture {
protected:
    void SetUp() override
    {
        PostgresCliFixture::SetUp();
        // Roles are the server's, shared by the tests: created once (refused after).
        db.tryExec(u"CREATE ROLE burrow_app"_s);
    }
    /// "name|owner" of each view, materialized view and routine, sorted.
    QStringList owners()
    {
        return db.rows(u"SELECT relname || '|' || pg_get_userbyid(relowner) FROM pg_class "
                       u"WHERE relkind IN ('v', 'm') AND relnamespace = 'public'::regnamespace "
                       u"UNION ALL SELECT proname || '|' || pg_get_userbyid(proowner) FROM pg_proc "
                       u"WHERE pronamespace = 'public'::regnamespace ORDER BY 1"_s);
    }
};

constexpr char kBefore[] =
    "CREATE TABLE book (id int PRIMARY KEY, title varchar(50), pages int);\n"
    "CREATE VIEW titles AS SELECT id, title FROM book;\n"
    "CREATE MATERIALIZED VIEW thick AS SELECT id, pages FROM book WHERE pages > 500;\n"
    "CREATE VIEW mine AS SELECT id FROM book;\n"
    "CREATE FUNCTION longest() RETURNS int LANGUAGE sql STABLE\n"
    "  BEGIN ATOMIC SELECT max(pages) FROM book; END;\n";

} // namespace

TEST_F(PostgresOwners, views_and_functions_created_again_get_their_owner_back)
{
    load(kBefore);
    db.exec(u"ALTER VIEW titles OWNER TO burrow_app;"
            u"ALTER MATERIALIZED VIEW thick OWNER TO burrow_app;"
            u"ALTER FUNCTION longest() OWNER TO burrow_app"_s);
    const QStringList before = owners();
    ASSERT_EQ(before, (QStringList{u"longest|burrow_app"_s, u"mine|postgres"_s,
                                   u"thick|burrow_app"_s, u"titles|burrow_app"_s}));
    // Both columns change type: every view and the function are created again.
    const QByteArray after =
        QByteArray(kBefore).replace("title varchar(50), pages int", "title text, pages bigint");

    const QString migration = migrate(model(after));
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"DROP FUNCTION \"longest\"()"_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER VIEW \"titles\" OWNER TO burrow_app"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"ALTER VIEW \"mine\" OWNER"_s)) << up.toStdString();
    EXPECT_EQ(owners(), before) << migration.toStdString();

    db.execEach(downStatements(migration));
    EXPECT_EQ(owners(), before) << migration.toStdString();
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0);
}
