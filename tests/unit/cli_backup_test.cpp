// burrow-cli backup and restore as a user runs them: what they write, say and refuse.
#include "backup/backup_folder.h"
#include "cli_fixture.h"
#include "dialect/sqlite/sqlite_backup.h"
#include "plan_support.h"
#include "qt_printing.h"
#include "read_only_folder.h"

#include <QProcess>

using namespace burrow;
using namespace burrow::test::cli;
using namespace Qt::Literals::StringLiterals;

namespace {

const QFile::Permissions k0700 = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
const QFile::Permissions k0600 = QFile::ReadOwner | QFile::WriteOwner;
const QFile::Permissions kModeBits = k0700 | QFile::ReadGroup | QFile::WriteGroup |
                                     QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                                     QFile::ExeOther;

const QByteArray kBooks = "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);\n"
                          "INSERT INTO book (title) VALUES ('Dune'), ('Emma'), ('Ulysses');\n";

QFile::Permissions modeOf(const QString &path)
{
    return QFileInfo(path).permissions() & kModeBits;
}

using test::ReadOnlyFolder;

class CliBackup : public CliDiff {
protected:
    void SetUp() override
    {
        CliDiff::SetUp();
        db = database(u"app.sqlite3"_s, kBooks);
    }
    CliRun run(const QStringList &arguments) const { return test::runCli(arguments, cwd()); }
    QStringList backupArgs(const QString &out) const
    {
        return {u"backup"_s, u"--db"_s, u"sqlite:"_s + db, u"--out"_s, out};
    }
    QStringList restoreArgs(const QString &from, bool yes = true) const
    {
        QStringList args{u"restore"_s, u"--db"_s, u"sqlite:"_s + db, u"--from"_s, from};
        if (yes)
            args.append(u"--yes"_s);
        return args;
    }
    QString backedUp() const
    {
        const QString out = data(u"backup"_s);
        const CliRun r = run(backupArgs(out));
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return out;
    }
    QStringList titles(const QString &file) const
    {
        return test::queryColumn(file, u"SELECT title FROM book ORDER BY id"_s);
    }
    void addBook() const { test::createDatabase(db, "INSERT INTO book (title) VALUES ('Later');"); }
    QStringList safetyFolders(const QString &in) const
    {
        return QDir(in).entryList({u"pre-restore-*"_s}, QDir::Dirs);
    }

    QString db;
};

TEST_F(CliBackup, backup_writes_a_verified_folder_and_prints_its_path)
{
    const QString out = data(u"backups/today"_s);
    const CliRun r = run(backupArgs(out));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, QDir::toNativeSeparators(out) + u'\n');
    EXPECT_EQ(QDir(out).entryList(QDir::Files, QDir::Name),
              (QStringList{u"database.sqlite3"_s, u"manifest.json"_s}));
    EXPECT_EQ(modeOf(out), k0700);
    EXPECT_EQ(modeOf(out + u"/database.sqlite3"), k0600);
    EXPECT_EQ(modeOf(out + u"/manifest.json"), k0600);
    EXPECT_EQ(titles(out + u"/database.sqlite3"), titles(db));
    Result<backup::Manifest> manifest = backup::verifyBackupFolder(out);
    ASSERT_TRUE(manifest);
    EXPECT_EQ(manifest->source, u"sqlite:"_s + db);
}

TEST_F(CliBackup, backup_takes_the_database_from_the_workspace)
{
    file(u"burrow.json"_s, R"({"database": "sqlite:app.sqlite3"})");
    const QString out = data(u"from-workspace"_s);
    const CliRun r = run({u"backup"_s, u"--workspace"_s, data(), u"--out"_s, out});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(titles(out + u"/database.sqlite3"), titles(db));
}

TEST_F(CliBackup, backup_into_a_folder_with_files_is_refused)
{
    const QString out = data(u"busy"_s);
    file(u"busy/notes.txt"_s, "mine");
    expectCleanError(backupArgs(out), {out, u"not empty"_s});
}

TEST_F(CliBackup, backup_of_a_missing_database_leaves_no_folder)
{
    const QString absent = data(u"absent.sqlite3"_s);
    expectCleanError(
        {u"backup"_s, u"--db"_s, u"sqlite:"_s + absent, u"--out"_s, data(u"new/nested/backup"_s)},
        {absent, u"not found"_s});
}

TEST_F(CliBackup, backup_of_an_unreachable_server_fails_and_leaves_no_folder)
{
    const QString out = data(u"backup"_s);
    expectCleanError(
        {u"backup"_s, u"--db"_s, u"postgresql://app@127.0.0.1:1/app"_s, u"--out"_s, out},
        {u"127.0.0.1:1"_s});
    EXPECT_FALSE(QFileInfo::exists(out));
}

TEST_F(CliBackup, backup_into_an_unwritable_folder_fails_and_leaves_nothing)
{
    const ReadOnlyFolder readOnly(data(u"readonly"_s));
    if (readOnly.canWrite())
        GTEST_SKIP() << "cannot make a folder read-only here";
    const QString out = data(u"readonly/backup"_s);
    expectCleanError(backupArgs(out), {out, u"cannot create the backup folder"_s});
}

TEST_F(CliBackup, restore_brings_the_data_back_and_keeps_a_safety_copy)
{
    const QString saved = backedUp();
    addBook();
    const QStringList before = titles(db);
    const CliRun r = run(restoreArgs(saved));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(titles(db), (QStringList{u"Dune"_s, u"Emma"_s, u"Ulysses"_s}));
    const QStringList safety = safetyFolders(data());
    ASSERT_EQ(safety.size(), 1);
    const QString safetyPath = data(safety.first());
    EXPECT_EQ(titles(safetyPath + u"/database.sqlite3"), before);
    EXPECT_TRUE(backup::verifyBackupFolder(safetyPath));
    EXPECT_EQ(modeOf(safetyPath), k0700);
    EXPECT_TRUE(r.out.contains(QDir::toNativeSeparators(saved + u"/database.sqlite3")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QDir::toNativeSeparators(safetyPath))) << r.out.toStdString();
}

TEST_F(CliBackup, restore_refuses_a_tampered_backup_and_leaves_the_database_unchanged)
{
    const QString saved = backedUp();
    addBook();
    const QByteArray before = test::fileHash(db);
    const QString copy = saved + u"/database.sqlite3";
    overwrite(copy, QFileInfo(copy).size() - 1, "x");
    expectCleanError(restoreArgs(saved), {copy, u"SHA-256"_s});
    EXPECT_EQ(test::fileHash(db), before);
}

// The other program runs in this test process: nothing here may read the database file while
// it holds its lock, as closing any descriptor of a file drops the process's POSIX locks on it.
TEST_F(CliBackup, restore_while_another_connection_holds_a_write_lock_changes_nothing)
{
    const QString saved = backedUp();
    QMap<QString, QByteArray> before = everything();
    sqlite3 *writer = nullptr;
    ASSERT_EQ(sqlite3_open(db.toUtf8().constData(), &writer), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(writer, "BEGIN IMMEDIATE; INSERT INTO book (title) VALUES ('New');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    const CliRun r = run(restoreArgs(saved));
    // The writer's commit lands in the database file only if that was not replaced.
    EXPECT_EQ(sqlite3_exec(writer, "COMMIT;", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(writer);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err.count(u'\n'), 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"in use by another program")) << r.err.toStdString();
    EXPECT_EQ(titles(db), (QStringList{u"Dune"_s, u"Emma"_s, u"Ulysses"_s, u"New"_s}));
    QMap<QString, QByteArray> after = everything();
    before.remove(u"data/app.sqlite3"_s);
    after.remove(u"data/app.sqlite3"_s);
    EXPECT_EQ(listing(after), listing(before)); // no safety copy, no temporary file left
}

TEST_F(CliBackup, restore_without_yes_and_without_a_terminal_refuses)
{
    const QString saved = backedUp();
    expectCleanError(restoreArgs(saved, false), {u"--yes"_s});
}

TEST_F(CliBackup, restore_takes_the_before_copy_of_an_apply_backup)
{
    ASSERT_TRUE(QDir().mkpath(data(u"migrations"_s)));
    Result<backup::BackupFolder> folder =
        backup::createBackupFolder(data(u"migrations"_s), {u"0001"_s}, u"sqlite:"_s + db);
    ASSERT_TRUE(folder);
    ASSERT_TRUE(dialect::sqlite::backupDatabase(db, folder->path + u"/before.sqlite3"));
    ASSERT_TRUE(backup::registerFile(*folder, u"before.sqlite3"_s));
    ASSERT_TRUE(backup::writeManifest(*folder));
    addBook();
    const CliRun r = run(restoreArgs(folder->path));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(titles(db).size(), 3);
    EXPECT_EQ(safetyFolders(data(u"migrations/backups"_s)).size(), 1);
}

TEST_F(CliBackup, restore_saves_beside_the_database_when_the_backups_folder_is_read_only)
{
    const QString saved = data(u"archive/backup"_s);
    ASSERT_EQ(run(backupArgs(saved)).exitCode, 0);
    const ReadOnlyFolder readOnly(data(u"archive"_s));
    if (readOnly.canWrite())
        GTEST_SKIP() << "cannot make a folder read-only here";
    addBook();
    const CliRun r = run(restoreArgs(saved));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(titles(db).size(), 3);
    ASSERT_EQ(safetyFolders(data()).size(), 1);
    EXPECT_EQ(titles(data(safetyFolders(data()).first()) + u"/database.sqlite3").size(), 4);
}

} // namespace
