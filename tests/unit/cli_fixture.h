#pragma once

// The CliDiff fixture: runs the real burrow-cli in a scratch folder and checks that errors
// leave everything as it was. Shared by cli_diff_test.cpp and cli_bad_input_test.cpp.
#include "test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <gtest/gtest.h>

#include <sqlite3.h>

namespace burrow::test::cli {

using burrow::test::CliRun;

inline const QByteArray kLiveSql =
    "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL);\n"
    "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n"
    "CREATE TABLE legacy_import (payload BLOB);\n";

// Matches kLiveSql except: book gains price, legacy_import is not in the model.
inline const QByteArray kModelSql = "-- the application's schema\n"
                                    "CREATE TABLE book (\n"
                                    "    id INTEGER PRIMARY KEY,\n"
                                    "    title TEXT NOT NULL,\n"
                                    "    price NUMERIC\n"
                                    ");\n"
                                    "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n";

inline const QByteArray kSameAsLiveSql = kLiveSql;

/// Every file and folder under `root` (relative path → SHA-256 of the content, or "<dir>").
inline QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> entries;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        QByteArray content = QByteArrayLiteral("<dir>");
        if (!info.isDir()) {
            QFile f(path);
            content =
                f.open(QIODevice::ReadOnly)
                    ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()
                    : QByteArrayLiteral("<unreadable>");
        }
        entries.insert(QDir(root).relativeFilePath(path), content);
    }
    return entries;
}

inline std::string listing(const QMap<QString, QByteArray> &entries)
{
    QString out;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        out += it.key() + u' ' + QString::fromLatin1(it.value().left(12)) + u'\n';
    return out.toStdString();
}

/// The primary result code SQLite itself gives when reading the schema of `path` read-only.
inline int sqliteSchemaReadCode(const QString &path)
{
    sqlite3 *db = nullptr;
    int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &statement, nullptr);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(statement);
            rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return rc & 0xff;
}

inline void overwrite(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    ASSERT_TRUE(f.seek(offset));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

class CliDiff : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(QDir().mkpath(data()));
        ASSERT_TRUE(QDir().mkpath(cwd()));
    }

    /// Where databases, models and workspaces live.
    QString data(const QString &relative = {}) const
    {
        return relative.isEmpty() ? m_dir.path(QStringLiteral("data"))
                                  : m_dir.path(QStringLiteral("data/") + relative);
    }
    /// An empty folder the CLI runs in, so nothing resolves against the data folder by accident.
    QString cwd() const { return m_dir.path(QStringLiteral("cwd")); }

    QString database(const QString &relative, const QByteArray &sql) const
    {
        const QString path = data(relative);
        EXPECT_TRUE(QDir().mkpath(QFileInfo(path).path()));
        test::createDatabase(path, sql);
        return path;
    }
    QString file(const QString &relative, const QByteArray &content) const
    {
        const QString path = data(relative);
        EXPECT_TRUE(QDir().mkpath(QFileInfo(path).path()));
        return m_dir.write(QStringLiteral("data/") + relative, content);
    }

    CliRun diff(const QStringList &arguments) const
    {
        return test::runCli(QStringList{QStringLiteral("diff")} + arguments, cwd());
    }
    CliRun diff(const QString &db, const QString &model, const QStringList &more = {}) const
    {
        return diff(
            QStringList{QStringLiteral("--db"), u"sqlite:" + db, QStringLiteral("--model"), model} +
            more);
    }

    QMap<QString, QByteArray> everything() const { return snapshot(m_dir.path()); }

    /// Runs the CLI expecting an error: exit 2, one non-empty line on stderr naming each of
    /// `mentions`, nothing on stdout, and no file created, modified or removed anywhere.
    void expectCleanError(const QStringList &arguments, const QStringList &mentions) const
    {
        const QMap<QString, QByteArray> before = everything();
        const CliRun run = test::runCli(arguments, cwd());
        EXPECT_EQ(run.exitCode, 2) << run.err.toStdString();
        EXPECT_EQ(run.out.toStdString(), "");
        EXPECT_TRUE(run.err.endsWith(u'\n')) << run.err.toStdString();
        EXPECT_EQ(run.err.count(u'\n'), 1) << "stderr is not one line:\n" << run.err.toStdString();
        EXPECT_FALSE(run.err.trimmed().isEmpty());
        for (const QString &mention : mentions)
            EXPECT_TRUE(run.err.contains(mention))
                << "stderr does not mention " << mention.toStdString() << ":\n"
                << run.err.toStdString();
        EXPECT_EQ(listing(everything()), listing(before));
    }

    void expectCleanDiffError(const QString &db, const QString &model,
                              const QStringList &mentions) const
    {
        expectCleanError({QStringLiteral("diff"), QStringLiteral("--db"), u"sqlite:" + db,
                          QStringLiteral("--model"), model},
                         mentions);
    }

private:
    test::TempDir m_dir;
};

} // namespace burrow::test::cli
