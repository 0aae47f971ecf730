// burrow-cli apply when the disk fills up: under the backups, or under the database mid-rebuild.
// Each gives a clear error and loses nothing.
#include "process_support.h"

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kParents = 50000;

/// Every file under `folder`, relative to it.
QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(folder).relativeFilePath(it.next()));
    return files;
}

class ReliabilityDiskFull : public ::testing::Test {
protected:
    void SetUp() override
    {
        createLargeDatabase(db, kParents);
        planLargeRebuild(dir, db, migrations);
        migration = migrations + u'/' + kLargeRebuildFile;
        oldState = databaseState(db);
    }

    TempDir dir;
    QString db = dir.path(u"app.sqlite3"_s);
    QString migrations = dir.path(u"migrations"_s);
    QString migration;
    DatabaseState oldState;
};

TEST_F(ReliabilityDiskFull, a_full_disk_under_the_backups_stops_apply_before_anything_runs)
{
    const QByteArray before = fileHash(db);
    const SmallDisk disk(dir.path(u"small"_s), {migration}, 64 * 1024);
    const QString onDisk = dir.path(u"small"_s);
    CliProcess apply(applyArguments(db, onDisk), {}, disk.childSetup());
    const CliRun r = apply.finish();
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(disk.fullMessage())) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"before.sqlite3"_s)) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(u"applying"_s)) << r.err.toStdString();
    EXPECT_EQ(fileHash(db), before);
    EXPECT_EQ(historyRows(db), QStringList{});
    // Nothing that could pass for a backup: not even the empty folder it was started in.
    EXPECT_EQ(filesUnder(onDisk + u"/backups"_s), QStringList{});
    EXPECT_EQ(QDir(onDisk + u"/backups"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
              QStringList{});
}

TEST_F(ReliabilityDiskFull, a_disk_filling_up_during_the_rebuild_rolls_it_back)
{
    const qint64 size = QFileInfo(db).size();
    const SmallDisk disk(dir.path(u"small"_s), {db}, size * 2 / 5);
    const QString onDisk = dir.path(u"small/app.sqlite3"_s);
    CliProcess apply(applyArguments(onDisk, migrations, {u"--no-backup"_s}), {}, disk.childSetup());
    const CliRun r = apply.finish();
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"applying"_s)) << "it did not fail mid-way:\n"
                                               << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(disk.fullMessage())) << r.err.toStdString();
    // The statement that ran out of space, by file:line and text.
    const QRegularExpressionMatch named =
        QRegularExpression(kLargeRebuildFile + uR"(:(\d+): .*\(in: (.+)\)$)"_s,
                           QRegularExpression::MultilineOption)
            .match(r.err);
    ASSERT_TRUE(named.hasMatch()) << r.err.toStdString();
    const QStringList lines = QString::fromUtf8(readBytes(migration)).split(u'\n');
    const int line = named.captured(1).toInt();
    ASSERT_TRUE(line >= 1 && line <= lines.size()) << r.err.toStdString();
    EXPECT_TRUE(lines[line - 1].startsWith(named.captured(2).section(u'\n', 0, 0)))
        << "line " << line << " is " << lines[line - 1].toStdString();
    EXPECT_EQ(integrityCheck(onDisk), u"ok"_s);
    EXPECT_EQ(databaseState(onDisk), oldState);
    EXPECT_EQ(historyRows(onDisk), QStringList{});
}

} // namespace
