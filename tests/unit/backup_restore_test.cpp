// Listing the backups of a migrations folder and restoring one with a safety copy: the core
// functions behind the workbench's backups panel and `burrow-cli restore`.
#include "backup/backup_list.h"
#include "backup/restore.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::backup;
using namespace Qt::Literals::StringLiterals;

namespace {

class BackupCatalog : public ::testing::Test {
protected:
    QString database() const { return dir.path(u"db.sqlite3"_s); }
    QString migrations() const { return dir.path(u"migrations"_s); }
    dialect::DatabaseUrl url() const
    {
        return *dialect::parseDatabaseUrl(u"sqlite:"_s + database());
    }
    /// A verified backup of the database as it is now, like apply takes.
    QString backUp(const QString &version)
    {
        EXPECT_TRUE(QDir().mkpath(migrations()));
        Result<BackupFolder> folder = createBackupFolder(migrations(), {version}, url().display());
        EXPECT_TRUE(folder);
        EXPECT_TRUE(addFile(*folder, database(), u"before.sqlite3"_s));
        EXPECT_TRUE(writeManifest(*folder));
        return folder->path;
    }

    test::TempDir dir;
};

TEST_F(BackupCatalog, lists_every_backup_newest_first_and_says_which_does_not_verify)
{
    test::createDatabase(database(), "CREATE TABLE a (id INTEGER);");
    EXPECT_TRUE(listBackups(migrations()).isEmpty()) << "no backups folder yet";
    const QString older = backUp(u"0002"_s);
    QThread::msleep(1100); // folder names and manifests have one-second resolution
    const QString newer = backUp(u"0003"_s);
    QFile damaged(newer + u"/before.sqlite3"_s);
    ASSERT_TRUE(damaged.open(QIODevice::Append));
    damaged.write("x");
    damaged.close();

    const QList<BackupListing> list = listBackups(migrations());
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list[0].path, newer);
    EXPECT_EQ(list[1].path, older);
    ASSERT_TRUE(list[0].manifest);
    EXPECT_EQ(list[0].manifest->versions, QStringList{u"0003"_s});
    EXPECT_TRUE(list[0].problem) << "its file changed after the backup";
    EXPECT_FALSE(list[1].problem);
}

TEST_F(BackupCatalog, restore_replaces_the_database_and_keeps_a_verified_safety_copy)
{
    test::createDatabase(database(), "CREATE TABLE a (id INTEGER);");
    const QString backup = backUp(u"0002"_s);
    const QByteArray before = test::fileHash(database());
    test::createDatabase(dir.path(u"other.sqlite3"_s), "CREATE TABLE b (id INTEGER);");
    QFile::remove(database());
    QFile::copy(dir.path(u"other.sqlite3"_s), database());

    Result<Restored> restored = restoreBackup(backup, url());
    ASSERT_TRUE(restored) << restored.error().toString().toStdString();
    EXPECT_EQ(test::fileHash(database()), before);
    ASSERT_FALSE(restored->safetyFolder.isEmpty());
    EXPECT_EQ(QFileInfo(restored->safetyFolder).absolutePath(), QFileInfo(backup).absolutePath());
    EXPECT_TRUE(verifyBackupFolder(restored->safetyFolder));
    EXPECT_EQ(
        test::introspectFile(restored->safetyFolder + u"/database.sqlite3"_s).tables.value(0).name,
        u"b"_s);
}

TEST_F(BackupCatalog, a_damaged_backup_is_refused_and_the_database_kept)
{
    test::createDatabase(database(), "CREATE TABLE a (id INTEGER);");
    const QString backup = backUp(u"0002"_s);
    QFile::remove(backup + u"/before.sqlite3"_s);
    const QByteArray before = test::fileHash(database());
    EXPECT_FALSE(restoreBackup(backup, url()));
    EXPECT_EQ(test::fileHash(database()), before);
    EXPECT_EQ(QDir(QFileInfo(backup).absolutePath()).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
              QStringList{QFileInfo(backup).fileName()})
        << "no safety folder left behind";
}

} // namespace
