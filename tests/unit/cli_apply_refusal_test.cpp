// burrow-cli apply refusing to run: an applied migration edited or missing its file, a backups
// folder it cannot write. Each gives its clear error, runs nothing and changes nothing.
#include "process_support.h"
#include "read_only_folder.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kBooks = "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);\n"
                          "INSERT INTO book VALUES (1, 'Dune');\n";
const QByteArray kAddPrice = "-- migrate:up\nALTER TABLE book ADD COLUMN price NUMERIC;\n"
                             "-- migrate:down\nALTER TABLE book DROP COLUMN price;\n";
const QByteArray kAddIsbn = "-- migrate:up\nALTER TABLE book ADD COLUMN isbn TEXT;\n"
                            "-- migrate:down\nALTER TABLE book DROP COLUMN isbn;\n";

class ReliabilityRefusal : public ::testing::Test {
protected:
    void SetUp() override
    {
        createDatabase(db, kBooks);
        ASSERT_TRUE(QDir().mkpath(migrations));
    }
    QString write(const QString &name, const QByteArray &text) const
    {
        return dir.write(u"migrations/"_s + name, text);
    }
    CliRun apply() const { return runCli(applyArguments(db, migrations)); }
    /// 0001 applied through the CLI, then 0002 added as pending.
    void applyFirstThenAddSecond()
    {
        write(u"0001_price.sql"_s, kAddPrice);
        const CliRun first = apply();
        ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
        write(u"0002_isbn.sql"_s, kAddIsbn);
        before = fileHash(db);
        backupsBefore = backupFolders(migrations);
    }
    /// Apply refuses with exit 2 and an error naming each of `mentions`; nothing changed.
    void expectRefused(const QStringList &mentions)
    {
        const CliRun r = apply();
        EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
        for (const QString &mention : mentions)
            EXPECT_TRUE(r.err.contains(mention)) << "no \"" << mention.toStdString() << "\" in:\n"
                                                 << r.err.toStdString();
        EXPECT_FALSE(r.err.contains(u"applying"_s)) << r.err.toStdString();
        EXPECT_EQ(fileHash(db), before);
        EXPECT_EQ(backupFolders(migrations), backupsBefore);
    }

    TempDir dir;
    QString db = dir.path(u"app.sqlite3"_s);
    QString migrations = dir.path(u"migrations"_s);
    QByteArray before;
    QStringList backupsBefore;
};

TEST_F(ReliabilityRefusal, an_applied_migration_edited_since_stops_apply_naming_it)
{
    applyFirstThenAddSecond();
    write(u"0001_price.sql"_s, QByteArray(kAddPrice).replace("NUMERIC", "TEXT"));
    expectRefused({u"0001_price.sql"_s, u"migration 0001 was edited after it was applied"_s,
                   u"new migration"_s});
    EXPECT_EQ(historyRows(db), QStringList{u"0001:applied"_s});
}

TEST_F(ReliabilityRefusal, an_applied_migration_without_its_file_stops_apply_naming_it)
{
    applyFirstThenAddSecond();
    ASSERT_TRUE(QFile::remove(migrations + u"/0001_price.sql"_s));
    expectRefused(
        {u"migration 0001 (price) was applied but its file is missing"_s, u"restore the file"_s});
    EXPECT_EQ(historyRows(db), QStringList{u"0001:applied"_s});
}

TEST_F(ReliabilityRefusal, an_unwritable_backups_folder_stops_apply_before_anything_runs)
{
    write(u"0001_price.sql"_s, kAddPrice);
    const ReadOnlyFolder readOnly(migrations + u"/backups"_s);
    if (readOnly.canWrite())
        GTEST_SKIP() << "cannot make a folder read-only here";
    before = fileHash(db);
    expectRefused({migrations + u"/backups"_s, u"cannot create the backup folder"_s});
    EXPECT_EQ(historyRows(db), QStringList{});
}

} // namespace
