// PostgreSQL extensions: a model's CREATE EXTENSION loads whether or not the database has the
// extension already, a missing one is created before what uses it, and one the model lacks is
// dropped only with consent. Through the real burrow-cli on the test server.
#include "dialect/postgres/postgres_extensions.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresExtensions : public ::testing::Test {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        ASSERT_TRUE(QDir().mkpath(migrations()));
    }
    QString migrations() const { return dir.path(u"migrations"_s); }
    CliRun run(const QString &command, const QByteArray &model, const QStringList &more = {})
    {
        QStringList arguments{command, u"--db"_s, db.url()};
        if (command != u"diff"_s)
            arguments += {u"--migrations"_s, migrations()};
        if (!model.isNull())
            arguments += {u"--model"_s, dir.write(u"model.sql"_s, model)};
        return runCli(arguments + more);
    }
    QString plannedMigration()
    {
        const QStringList files = QDir(migrations()).entryList({u"*.sql"_s}, QDir::Files);
        return files.isEmpty() ? QString()
                               : QString::fromUtf8(readBytes(migrations() + u'/' + files.last()));
    }
    QStringList extensions()
    {
        return db.rows(u"SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1"_s);
    }
    static std::string shown(const CliRun &r) { return QString(r.out + r.err).toStdString(); }

    TestDatabase db{Backend::PostgreSQL};
    TempDir dir;
};

TEST_F(PostgresExtensions, a_missing_extension_is_created_before_the_table_that_uses_it)
{
    const QByteArray model = "CREATE EXTENSION citext;\n"
                             "CREATE TABLE person (id int PRIMARY KEY, email citext NOT NULL);\n";
    const CliRun differences = run(u"diff"_s, model);
    EXPECT_EQ(differences.exitCode, 1) << shown(differences);
    EXPECT_TRUE(differences.out.contains(u"extension citext"_s)) << shown(differences);
    EXPECT_TRUE(extensions().isEmpty()) << "the model's load left the extension installed";

    const CliRun planned = run(u"plan"_s, model);
    ASSERT_EQ(planned.exitCode, 0) << shown(planned);
    const QString migration = plannedMigration();
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"CREATE EXTENSION IF NOT EXISTS \"citext\""_s)) << up.toStdString();
    EXPECT_LT(up.indexOf(u"CREATE EXTENSION"_s), up.indexOf(u"CREATE TABLE"_s)) << up.toStdString();
    EXPECT_TRUE(downSection(migration).contains(u"DROP EXTENSION IF EXISTS \"citext\""_s))
        << migration.toStdString();

    const CliRun applied = run(u"apply"_s, QByteArray(), {u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << shown(applied);
    EXPECT_EQ(extensions(), QStringList{u"citext"_s});
    const CliRun after = run(u"diff"_s, model);
    EXPECT_EQ(after.exitCode, 0) << shown(after);
}

TEST_F(PostgresExtensions, an_extension_the_database_has_loads_and_shows_no_difference)
{
    db.exec(u"CREATE EXTENSION citext;CREATE TABLE person (email citext)"_s);
    for (const QByteArray &model :
         {QByteArray("CREATE EXTENSION citext;\nCREATE TABLE person (email citext);\n"),
          QByteArray("create extension if not exists \"citext\" with schema public;\n"
                     "CREATE TABLE person (email citext);\n")}) {
        const CliRun differences = run(u"diff"_s, model);
        EXPECT_EQ(differences.exitCode, 0) << shown(differences) << model.toStdString();
    }
    EXPECT_EQ(extensions(), QStringList{u"citext"_s});
}

TEST_F(PostgresExtensions, an_extension_the_model_lacks_is_dropped_only_with_consent)
{
    db.exec(u"CREATE EXTENSION btree_gist;CREATE TABLE book (id int)"_s);
    const QByteArray model = "CREATE TABLE book (id int);\n";
    const CliRun differences = run(u"diff"_s, model);
    EXPECT_EQ(differences.exitCode, 1) << shown(differences);
    EXPECT_TRUE(differences.out.contains(u"btree_gist"_s)) << shown(differences);

    const CliRun held = run(u"plan"_s, model);
    EXPECT_FALSE(plannedMigration().contains(u"DROP EXTENSION"_s)) << shown(held);
    QDir(migrations()).removeRecursively();
    ASSERT_TRUE(QDir().mkpath(migrations()));

    const CliRun planned = run(u"plan"_s, model, {u"--allow-destructive"_s});
    ASSERT_EQ(planned.exitCode, 0) << shown(planned);
    EXPECT_TRUE(
        upSection(plannedMigration()).contains(u"DROP EXTENSION IF EXISTS \"btree_gist\""_s))
        << plannedMigration().toStdString();
    const CliRun applied = run(u"apply"_s, QByteArray(), {u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << shown(applied);
    EXPECT_TRUE(extensions().isEmpty());
    EXPECT_EQ(run(u"diff"_s, model).exitCode, 0);
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
