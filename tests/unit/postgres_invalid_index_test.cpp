// A CREATE INDEX CONCURRENTLY that fails leaves an INVALID index behind: it neither serves
// queries nor enforces uniqueness, yet its definition is the model's. The comparison says so,
// and the plan builds it again.
#include "cli_migrations.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresInvalidIndex = OneEngineCliTest<Backend::PostgreSQL>;

TEST_F(PostgresInvalidIndex, a_failed_concurrent_build_shows_and_is_built_again)
{
    const QByteArray model = "CREATE TABLE member (id int PRIMARY KEY, email text);\n"
                             "CREATE UNIQUE INDEX member_email ON member (email);\n";
    db.execEach({u"CREATE TABLE member (id int PRIMARY KEY, email text)"_s,
                 u"INSERT INTO member VALUES (1, 'a'), (2, 'a'), (3, 'b')"_s});
    EXPECT_FALSE(db.tryExec(u"CREATE UNIQUE INDEX CONCURRENTLY member_email ON member (email)"_s));
    ASSERT_EQ(db.rows(u"SELECT indisvalid FROM pg_index WHERE indexrelid = "
                      u"'member_email'::regclass"_s),
              QStringList{u"false"_s});

    const QString path = cli.model(model);
    const CliRun diff = cli.diff(path);
    EXPECT_EQ(diff.exitCode, 1) << CliMigrations::shown(diff);
    EXPECT_TRUE(diff.out.contains(u"index member_email  INVALID"_s)) << diff.out.toStdString();

    db.exec(u"DELETE FROM member WHERE id = 2"_s);
    const QString migration = cli.migrate(path, {u"--concurrently"_s});
    EXPECT_TRUE(migration.contains(u"DROP INDEX CONCURRENTLY \"member_email\""_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT indisvalid FROM pg_index WHERE indexrelid = "
                      u"'member_email'::regclass"_s),
              QStringList{u"true"_s});
    EXPECT_FALSE(db.tryExec(u"INSERT INTO member VALUES (4, 'a')"_s)) << "uniqueness holds";
}

} // namespace
