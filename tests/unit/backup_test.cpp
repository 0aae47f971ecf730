// Backup folders (layout, modes, manifest, verification) and SQLite backup and restore.
#include "backup/backup_folder.h"
#include "cli_fixture.h" // overwrite()
#include "dialect/sqlite/sqlite_backup.h"
#include "plan_support.h"
#include "qt_printing.h"
#include "read_only_folder.h"

#include <QProcess>
#include <QRegularExpression>

using namespace burrow;
using namespace Qt::Literals::StringLiterals;

namespace {

const QFile::Permissions k0700 = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
const QFile::Permissions k0600 = QFile::ReadOwner | QFile::WriteOwner;

QFile::Permissions modeOf(const QString &path)
{
    return QFileInfo(path).permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
}

/// A raw SQLite connection (SQLite's C API, not Burrow's code) to play the other program.
using Connection = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
Connection connect(const QString &path)
{
    sqlite3 *db = nullptr;
    EXPECT_EQ(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    return {db, &sqlite3_close};
}
int exec(const Connection &db, const char *sql)
{
    return sqlite3_exec(db.get(), sql, nullptr, nullptr, nullptr);
}

using test::ReadOnlyFolder;

const QByteArray kBooks = "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);\n"
                          "INSERT INTO book (title) VALUES ('Dune'), ('Emma'), ('Ulysses');\n";

QString count(const QString &db)
{
    return test::queryColumn(db, u"SELECT count(*) FROM book"_s).value(0);
}

std::string text(const Error &error)
{
    return error.toString().toStdString();
}

TEST(BackupFolder, is_created_0700_in_backups_named_by_utc_time_and_last_version)
{
    test::TempDir dir;
    Result<backup::BackupFolder> folder =
        backup::createBackupFolder(dir.path(), {u"0001"_s, u"0002"_s}, u"sqlite:x.db"_s);
    ASSERT_TRUE(folder) << text(folder.error());
    const QFileInfo info(folder->path);
    EXPECT_EQ(info.absolutePath(), dir.path(u"backups"_s));
    EXPECT_TRUE(QRegularExpression(u"^\\d{8}T\\d{6}Z_0002$"_s).match(info.fileName()).hasMatch())
        << info.fileName().toStdString();
    EXPECT_EQ(modeOf(folder->path), k0700);
    EXPECT_EQ(modeOf(dir.path(u"backups"_s)), k0700);
}

TEST(BackupFolder, taken_names_get_a_numbered_suffix)
{
    test::TempDir dir;
    for (const QString &expected : {u"T_0003"_s, u"T_0003-2"_s, u"T_0003-3"_s}) {
        Result<backup::BackupFolder> folder =
            backup::createUniqueBackupFolder(dir.path(), u"T_0003"_s, {}, {});
        ASSERT_TRUE(folder) << text(folder.error());
        EXPECT_EQ(folder->path, dir.path(expected));
    }
}

TEST(BackupFolder, manifest_lists_every_file_with_its_checksum_and_verifies)
{
    test::TempDir dir;
    const QString migration = dir.write(u"0001_add_price.sql"_s, "-- migrate:up\nSELECT 1;\n");
    Result<backup::BackupFolder> folder =
        backup::createBackupFolder(dir.path(), {u"0001"_s}, u"sqlite:/data/app.db"_s);
    ASSERT_TRUE(folder);
    ASSERT_TRUE(backup::addFile(*folder, migration, u"migrations/0001_add_price.sql"_s));
    dir.write(QDir(dir.path()).relativeFilePath(folder->path) + u"/before.sqlite3", "bytes");
    ASSERT_TRUE(backup::registerFile(*folder, u"before.sqlite3"_s));
    folder->manifest.backupMs = 12;
    ASSERT_TRUE(backup::writeManifest(*folder));

    for (const QString &name :
         {u"migrations/0001_add_price.sql"_s, u"before.sqlite3"_s, u"manifest.json"_s})
        EXPECT_EQ(modeOf(folder->path + u'/' + name), k0600) << name.toStdString();
    EXPECT_EQ(modeOf(folder->path + u"/migrations"), k0700);
    QJsonObject json =
        QJsonDocument::fromJson(test::readBytes(folder->path + u"/manifest.json")).object();
    EXPECT_TRUE(json.take(u"created_at").toString().endsWith(u'Z'));
    const QJsonObject first = json.take(u"files").toArray().at(0).toObject();
    EXPECT_EQ(json, (QJsonObject{{u"source"_s, u"sqlite:/data/app.db"_s},
                                 {u"versions"_s, QJsonArray{u"0001"_s}},
                                 {u"backup_ms"_s, 12},
                                 {u"apply_ms"_s, -1},
                                 {u"burrow_version"_s, QStringLiteral(BURROW_VERSION)}}));
    EXPECT_EQ(first, (QJsonObject{{u"name"_s, u"migrations/0001_add_price.sql"_s},
                                  {u"sha256"_s, QString::fromLatin1(test::fileHash(migration))},
                                  {u"bytes"_s, QFileInfo(migration).size()}}));

    Result<backup::Manifest> verified = backup::verifyBackupFolder(folder->path);
    ASSERT_TRUE(verified) << text(verified.error());
    EXPECT_EQ(verified->files.size(), 2);
    EXPECT_EQ(verified->createdAt.toSecsSinceEpoch(),
              folder->manifest.createdAt.toSecsSinceEpoch());
}

class BackupVerification : public ::testing::Test {
protected:
    void SetUp() override
    {
        Result<backup::BackupFolder> created =
            backup::createBackupFolderAt(m_dir.path(u"backup"_s), {}, u"sqlite:x"_s);
        ASSERT_TRUE(created);
        folder = *created;
        m_dir.write(u"backup/database.sqlite3"_s, "0123456789");
        ASSERT_TRUE(backup::registerFile(folder, u"database.sqlite3"_s));
        ASSERT_TRUE(backup::writeManifest(folder));
    }
    QString file() const { return folder.path + u"/database.sqlite3"; }
    Error verificationError() const
    {
        Result<backup::Manifest> verified = backup::verifyBackupFolder(folder.path);
        EXPECT_FALSE(verified);
        return verified ? Error{} : verified.error();
    }

    test::TempDir m_dir;
    backup::BackupFolder folder;
};

TEST_F(BackupVerification, names_a_file_modified_since_the_backup)
{
    test::cli::overwrite(file(), 9, "X"); // same size, one byte differs
    const Error error = verificationError();
    EXPECT_EQ(error.code, Error::Code::Corrupt);
    EXPECT_EQ(error.file, file());
    EXPECT_TRUE(error.message.contains(u"SHA-256")) << text(error);
}

TEST_F(BackupVerification, names_a_missing_file)
{
    ASSERT_TRUE(QFile::remove(file()));
    EXPECT_EQ(verificationError().file, file());
}

TEST_F(BackupVerification, rejects_a_manifest_naming_files_outside_the_folder)
{
    folder.manifest.files.first().name = u"../database.sqlite3"_s;
    ASSERT_TRUE(backup::writeManifest(folder));
    EXPECT_TRUE(verificationError().message.contains(u"outside the backup"));
}

TEST(BackupFolder, an_unwritable_migrations_folder_fails_with_the_path_and_the_reason)
{
    test::TempDir dir;
    const ReadOnlyFolder readOnly(dir.path(u"migrations"_s));
    if (readOnly.canWrite())
        GTEST_SKIP() << "cannot make a folder read-only here";
    Result<backup::BackupFolder> folder =
        backup::createBackupFolder(dir.path(u"migrations"_s), {u"0001"_s}, {});
    ASSERT_FALSE(folder);
    EXPECT_EQ(folder.error().file, dir.path(u"migrations/backups"_s));
    EXPECT_TRUE(folder.error().message.startsWith(u"cannot create the backup folder: "));
    EXPECT_TRUE(folder.error().hint.contains(u"permissions"));
    EXPECT_FALSE(QFileInfo::exists(dir.path(u"migrations/backups"_s)));
}

// ---- SQLite backup ---------------------------------------------------------------------------

class BackupSqlite : public ::testing::Test {
protected:
    void SetUp() override { test::createDatabase(live(), kBooks); }
    QString live() const { return m_dir.path(u"live.sqlite3"_s); }
    QString path(const QString &name = {}) const { return m_dir.path(name); }

    test::TempDir m_dir;
};

TEST_F(BackupSqlite, writes_a_verified_0600_copy)
{
    const QString copy = path(u"copy.sqlite3"_s);
    const Status done = dialect::sqlite::backupDatabase(live(), copy);
    ASSERT_TRUE(done) << text(done.error());
    EXPECT_EQ(modeOf(copy), k0600);
    EXPECT_EQ(test::queryColumn(copy, u"SELECT title FROM book ORDER BY id"_s),
              (QStringList{u"Dune"_s, u"Emma"_s, u"Ulysses"_s}));
}

TEST_F(BackupSqlite, copies_committed_rows_while_others_read_and_write)
{
    const Connection reader = connect(live());
    ASSERT_EQ(exec(reader, "BEGIN; SELECT count(*) FROM book;"), SQLITE_OK);
    const Connection writer = connect(live());
    ASSERT_EQ(exec(writer, "BEGIN IMMEDIATE; INSERT INTO book (title) VALUES ('Uncommitted');"),
              SQLITE_OK);
    const QString copy = path(u"copy.sqlite3"_s);
    const Status done = dialect::sqlite::backupDatabase(live(), copy);
    ASSERT_TRUE(done) << text(done.error());
    EXPECT_EQ(count(copy), u"3"_s);
    EXPECT_EQ(exec(writer, "ROLLBACK;"), SQLITE_OK);
}

TEST_F(BackupSqlite, copies_a_wal_database_including_its_log)
{
    const QString wal = path(u"wal.sqlite3"_s);
    const Connection app = connect(wal);
    ASSERT_EQ(exec(app, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;"), SQLITE_OK);
    ASSERT_EQ(exec(app, kBooks.constData()), SQLITE_OK); // committed, still only in the -wal
    const QString copy = path(u"copy.sqlite3"_s);
    const Status done = dialect::sqlite::backupDatabase(wal, copy);
    ASSERT_TRUE(done) << text(done.error());
    EXPECT_FALSE(QFileInfo::exists(copy + u"-wal")); // the copy is one self-contained file
    EXPECT_EQ(count(copy), u"3"_s);
}

TEST_F(BackupSqlite, leaves_no_log_files_beside_a_cleanly_closed_wal_database)
{
    const QString wal = path(u"wal.sqlite3"_s);
    test::createDatabase(wal, "PRAGMA journal_mode=WAL;\n" + kBooks);
    ASSERT_FALSE(QFileInfo::exists(wal + u"-wal"));
    ASSERT_TRUE(dialect::sqlite::backupDatabase(wal, path(u"copy.sqlite3"_s)));
    EXPECT_FALSE(QFileInfo::exists(wal + u"-wal"));
    EXPECT_FALSE(QFileInfo::exists(wal + u"-shm"));
}

TEST_F(BackupSqlite, into_an_unwritable_folder_fails_clearly_and_leaves_nothing)
{
    const ReadOnlyFolder readOnly(path(u"locked"_s));
    if (readOnly.canWrite())
        GTEST_SKIP() << "cannot make a folder read-only here";
    const QString copy = path(u"locked/copy.sqlite3"_s);
    const Status done = dialect::sqlite::backupDatabase(live(), copy);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().file, copy);
    EXPECT_TRUE(done.error().message.startsWith(u"cannot create the backup file: "))
        << text(done.error());
    EXPECT_TRUE(done.error().hint.contains(u"permissions"));
    EXPECT_TRUE(QDir(path(u"locked"_s)).isEmpty());
}

TEST_F(BackupSqlite, a_file_that_is_not_a_database_leaves_no_copy)
{
    const QString junk = m_dir.write(u"junk.sqlite3"_s, QByteArray(4096, 'x'));
    const Status done = dialect::sqlite::backupDatabase(junk, path(u"copy.sqlite3"_s));
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().code, Error::Code::NotADatabase) << text(done.error());
    EXPECT_FALSE(QFileInfo::exists(path(u"copy.sqlite3"_s)));
}

// ---- SQLite restore --------------------------------------------------------------------------

class BackupRestore : public BackupSqlite {
protected:
    void SetUp() override
    {
        BackupSqlite::SetUp();
        ASSERT_TRUE(dialect::sqlite::backupDatabase(live(), backupFile()));
        exec(connect(live()), "INSERT INTO book (title) VALUES ('Later');");
        ASSERT_EQ(count(live()), u"4"_s);
    }
    QString backupFile() const { return path(u"backup.sqlite3"_s); }
    QString safety() const { return path(u"safety.sqlite3"_s); }
    Status restore() const
    {
        return dialect::sqlite::restoreDatabase(backupFile(), live(), safety());
    }
    QStringList files() const { return QDir(path()).entryList(QDir::Files, QDir::Name); }
};

TEST_F(BackupRestore, brings_the_backup_back_and_saves_the_state_it_replaced)
{
    QFile::setPermissions(live(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    const Status done = restore();
    ASSERT_TRUE(done) << text(done.error());
    EXPECT_EQ(count(live()), u"3"_s);
    EXPECT_EQ(count(safety()), u"4"_s);
    EXPECT_EQ(modeOf(safety()), k0600);
    EXPECT_EQ(modeOf(live()), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    EXPECT_EQ(files(), (QStringList{u"backup.sqlite3"_s, u"live.sqlite3"_s, u"safety.sqlite3"_s}));
}

// The other connections live in this process: the tests read the database file only once they
// are done, as closing any descriptor of a file drops the process's POSIX locks on it.
TEST_F(BackupRestore, refuses_while_another_connection_holds_a_write_lock)
{
    const Connection writer = connect(live());
    ASSERT_EQ(exec(writer, "BEGIN IMMEDIATE; INSERT INTO book (title) VALUES ('Pending');"),
              SQLITE_OK);
    const Status done = restore();
    // The writer's commit lands in the database file only if that was not replaced.
    EXPECT_EQ(exec(writer, "COMMIT;"), SQLITE_OK);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().code, Error::Code::Locked) << text(done.error());
    EXPECT_EQ(done.error().file, live());
    EXPECT_EQ(count(live()), u"5"_s);
    EXPECT_EQ(files(), (QStringList{u"backup.sqlite3"_s, u"live.sqlite3"_s}));
}

TEST_F(BackupRestore, refuses_while_another_connection_reads)
{
    const QByteArray before = test::fileHash(live());
    Status done = Ok{};
    {
        const Connection reader = connect(live());
        ASSERT_EQ(exec(reader, "BEGIN; SELECT count(*) FROM book;"), SQLITE_OK);
        done = restore();
    }
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().code, Error::Code::Locked);
    EXPECT_EQ(test::fileHash(live()), before);
}

TEST_F(BackupRestore, refuses_while_another_connection_has_a_wal_database_open)
{
    exec(connect(live()), "PRAGMA journal_mode=WAL;");
    const Connection app = connect(live());
    ASSERT_EQ(exec(app, "SELECT count(*) FROM book;"), SQLITE_OK); // idle, but holds the log
    const Status done = restore();
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().code, Error::Code::Locked);
    EXPECT_EQ(count(live()), u"4"_s);
    EXPECT_EQ(test::queryColumn(live(), u"PRAGMA journal_mode"_s).value(0), u"wal"_s);
}

TEST_F(BackupRestore, a_wal_database_keeps_wal_mode_and_no_stale_log_survives)
{
    // A WAL database as a crash leaves it: rows only in the -wal, which must not be replayed
    // onto the restored file.
    const QString crashed = path(u"crashed"_s);
    QDir().mkpath(crashed);
    {
        const Connection app = connect(live());
        ASSERT_EQ(exec(app, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;"
                            "INSERT INTO book (title) VALUES ('In the log');"),
                  SQLITE_OK);
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            ASSERT_TRUE(QFile::copy(live() + suffix, crashed + u"/db" + suffix));
    }
    const QString target = crashed + u"/db";
    const Status done = dialect::sqlite::restoreDatabase(backupFile(), target);
    ASSERT_TRUE(done) << text(done.error());
    EXPECT_FALSE(QFileInfo::exists(target + u"-wal"));
    EXPECT_EQ(count(target), u"3"_s);
    EXPECT_EQ(test::queryColumn(target, u"PRAGMA journal_mode"_s).value(0), u"wal"_s);
    EXPECT_EQ(test::queryColumn(target, u"PRAGMA integrity_check"_s).value(0), u"ok"_s);
}

TEST_F(BackupRestore, refuses_a_damaged_backup_and_leaves_the_database_alone)
{
    test::cli::overwrite(backupFile(), 0, "not a database header");
    const QByteArray before = test::fileHash(live());
    const Status done = restore();
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().file, backupFile());
    EXPECT_EQ(test::fileHash(live()), before);
    EXPECT_FALSE(QFileInfo::exists(safety()));
}

TEST_F(BackupRestore, recreates_a_database_that_is_gone)
{
    ASSERT_TRUE(QFile::remove(live()));
    const Status done = restore();
    ASSERT_TRUE(done) << text(done.error());
    EXPECT_EQ(count(live()), u"3"_s);
    EXPECT_FALSE(QFileInfo::exists(safety()));
}

} // namespace
