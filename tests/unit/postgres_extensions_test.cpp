// PostgreSQL extensions: a model's CREATE EXTENSION loads whether or not the database has the
// extension already, a missing one is created before what uses it, and one the model lacks is
// dropped only with consent. Through the real burrow-cli on the test server.
#include "cli_migrations.h"
#include "dialect/postgres/postgres_extensions.h"

#include <QDir>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresExtensions : public ::testing::Test {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }
    QStringList extensions()
    {
        return db.rows(u"SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1"_s);
    }

    TestDatabase db{Backend::PostgreSQL};
    TempDir dir;
    CliMigrations cli{db, dir};
};

TEST_F(PostgresExtensions, a_missing_extension_is_created_before_the_table_that_uses_it)
{
    const QString model =
        cli.model("CREATE EXTENSION citext;\n"
                  "CREATE TABLE person (id int PRIMARY KEY, email citext NOT NULL);\n");
    const CliRun differences = cli.diff(model);
    EXPECT_EQ(differences.exitCode, 1) << CliMigrations::shown(differences);
    EXPECT_TRUE(differences.out.contains(u"extension citext"_s))
        << CliMigrations::shown(differences);
    EXPECT_TRUE(extensions().isEmpty()) << "the model's load left the extension installed";

    const QString migration = cli.migrate(model);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"CREATE EXTENSION IF NOT EXISTS \"citext\""_s)) << up.toStdString();
    EXPECT_LT(up.indexOf(u"CREATE EXTENSION"_s), up.indexOf(u"CREATE TABLE"_s)) << up.toStdString();
    EXPECT_TRUE(downSection(migration).contains(u"DROP EXTENSION IF EXISTS \"citext\""_s))
        << migration.toStdString();
    EXPECT_EQ(extensions(), QStringList{u"citext"_s});
}

TEST_F(PostgresExtensions, an_extension_the_database_has_loads_and_shows_no_difference)
{
    db.exec(u"CREATE EXTENSION citext;CREATE TABLE person (email citext)"_s);
    for (const QByteArray &model :
         {QByteArray("CREATE EXTENSION citext;\nCREATE TABLE person (email citext);\n"),
          QByteArray("create extension if not exists \"citext\" with schema public;\n"
                     "CREATE TABLE person (email citext);\n")}) {
        const CliRun differences = cli.diff(cli.model(model));
        EXPECT_EQ(differences.exitCode, 0)
            << CliMigrations::shown(differences) << model.toStdString();
    }
    EXPECT_EQ(extensions(), QStringList{u"citext"_s});
}

TEST_F(PostgresExtensions, an_extension_the_model_lacks_is_dropped_only_with_consent)
{
    db.exec(u"CREATE EXTENSION btree_gist;CREATE TABLE book (id int)"_s);
    const QString model = cli.model("CREATE TABLE book (id int);\n");
    const CliRun differences = cli.diff(model);
    EXPECT_EQ(differences.exitCode, 1) << CliMigrations::shown(differences);
    EXPECT_TRUE(differences.out.contains(u"btree_gist"_s)) << CliMigrations::shown(differences);

    const CliRun held = cli.plan(model);
    EXPECT_FALSE(cli.lastMigration().contains(u"DROP EXTENSION"_s)) << CliMigrations::shown(held);
    QDir(cli.migrations()).removeRecursively();
    ASSERT_TRUE(QDir().mkpath(cli.migrations()));

    const QString migration = cli.migrate(model, {u"--allow-destructive"_s});
    EXPECT_TRUE(upSection(migration).contains(u"DROP EXTENSION IF EXISTS \"btree_gist\""_s))
        << migration.toStdString();
    EXPECT_TRUE(extensions().isEmpty());
}

TEST(PostgresExtensionStatements, the_created_extension_is_read_as_postgresql_reads_it)
{
    using burrow::dialect::postgres::extensionCreatedBy;
    EXPECT_EQ(extensionCreatedBy(u"CREATE EXTENSION PgCrypto"_s), u"pgcrypto"_s);
    EXPECT_EQ(extensionCreatedBy(u"create extension if not exists \"uuid-ossp\" schema x"_s),
              u"uuid-ossp"_s);
    EXPECT_EQ(extensionCreatedBy(u"CREATE EXTENSION IF NOT EXISTS \"Odd\" CASCADE"_s), u"Odd"_s);
    EXPECT_EQ(extensionCreatedBy(u"CREATE TABLE extension (id int)"_s), QString());
    EXPECT_EQ(extensionCreatedBy(u"COMMENT ON EXTENSION citext IS 'x'"_s), QString());
}

} // namespace
