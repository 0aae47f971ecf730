#pragma once

// Helpers for the reliability tests: burrow-cli as a separate process that can be watched,
// paused and killed; a large database whose migration is a long table rebuild; the state of a
// database as exact values; a small disk that fills up. Everything through SQLite's C API or
// the real CLI, never through the code under test.
#include "test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <iostream>
#include <memory>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/resource.h>

namespace burrow::test {

/// burrow-cli running as a child process: its stderr can be awaited line by line, and it can be
/// signalled (SIGSTOP, SIGKILL) while it runs. `setup` runs in the child between fork and exec.
class CliProcess {
public:
    using ChildSetup = std::function<void()>;

    explicit CliProcess(const QStringList &arguments, const QString &workingDirectory = {},
                        const ChildSetup &setup = {})
    {
        if (!workingDirectory.isEmpty())
            m_process.setWorkingDirectory(workingDirectory);
        if (setup)
            m_process.setChildProcessModifier(setup);
        // waitForReadyRead() wakes on stderr, where the CLI prints its progress.
        m_process.setReadChannel(QProcess::StandardError);
        m_process.start(QStringLiteral(BURROW_CLI), arguments);
        EXPECT_TRUE(m_process.waitForStarted(10000)) << m_process.errorString().toStdString();
    }
    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(pid(), SIGCONT); // a paused child would not die before its SIGKILL is seen
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    CliProcess(const CliProcess &) = delete;
    CliProcess &operator=(const CliProcess &) = delete;

    qint64 pid() const { return m_process.processId(); }
    void signal(int number) const { ::kill(pid_t(pid()), number); }

    /// Waits until stderr contains `text`; false when the process ends or time runs out first.
    bool waitForError(const QString &text, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        const QByteArray wanted = text.toUtf8();
        while (!m_err.contains(wanted)) {
            const int left = timeoutMs - int(timer.elapsed());
            if (left <= 0 || m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(std::min(left, 50));
            m_err += m_process.readAllStandardError();
        }
        return true;
    }

    /// Waits for the end (killing it after `timeoutMs`); exit code -1 when a signal ended it.
    CliRun finish(int timeoutMs = 120000)
    {
        if (!m_process.waitForFinished(timeoutMs)) {
            ADD_FAILURE() << "burrow-cli did not finish within " << timeoutMs << " ms";
            signal(SIGCONT);
            m_process.kill();
            m_process.waitForFinished(10000);
        }
        m_err += m_process.readAllStandardError();
        return {m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1,
                QString::fromUtf8(m_process.readAllStandardOutput()), QString::fromUtf8(m_err)};
    }

private:
    QProcess m_process;
    QByteArray m_err;
};

/// Whether the process is stopped (SIGSTOP), from the state letter in /proc/PID/stat.
inline bool isStopped(qint64 pid)
{
    const QByteArray stat = readBytes(u"/proc/" + QString::number(pid) + u"/stat");
    const qsizetype afterName = stat.lastIndexOf(") ");
    return afterName >= 0 && stat.size() > afterName + 2 && stat.at(afterName + 2) == 'T';
}

/// The arguments of `burrow-cli apply` on a SQLite file.
inline QStringList applyArguments(const QString &database, const QString &migrations,
                                  const QStringList &more = {})
{
    return QStringList{QStringLiteral("apply"), QStringLiteral("--db"), u"sqlite:" + database,
                       QStringLiteral("--migrations"), migrations} +
           more;
}

/// An open sqlite3 handle through SQLite's own C API.
class SqliteFile {
public:
    explicit SqliteFile(const QString &path)
    {
        EXPECT_EQ(sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE,
                                  nullptr),
                  SQLITE_OK)
            << path.toStdString();
    }
    ~SqliteFile() { sqlite3_close(m_db); }
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;

    /// Runs `sql`; the SQLite result code.
    int exec(const QByteArray &sql) const
    {
        return sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, nullptr);
    }
    /// Every row of `sql`, its columns joined by '|'; "error: …" as the only row on failure.
    QStringList rows(const QByteArray &sql) const
    {
        QStringList out;
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &statement, nullptr) != SQLITE_OK)
            return {u"error: " + QString::fromUtf8(sqlite3_errmsg(m_db))};
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            QStringList columns;
            for (int i = 0; i < sqlite3_column_count(statement); ++i)
                columns.append(QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(statement, i))));
            out.append(columns.join(u'|'));
        }
        if (rc != SQLITE_DONE)
            out = QStringList{u"error: " + QString::fromUtf8(sqlite3_errmsg(m_db))};
        sqlite3_finalize(statement);
        return out;
    }
    /// SHA-256 of every row of `sql`, each value with its storage class.
    QByteArray hash(const QByteArray &sql, qint64 *rowCount) const
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        sqlite3_stmt *statement = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(m_db, sql.constData(), -1, &statement, nullptr), SQLITE_OK)
            << sqlite3_errmsg(m_db);
        *rowCount = 0;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            ++*rowCount;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                const char type = char('0' + sqlite3_column_type(statement, i));
                const auto *bytes = static_cast<const char *>(sqlite3_column_blob(statement, i));
                const int size = sqlite3_column_bytes(statement, i);
                hash.addData(QByteArrayView(&type, 1));
                hash.addData(QByteArray(QByteArray::number(size) + ':'));
                hash.addData(QByteArrayView(bytes, bytes ? size : 0));
            }
        }
        sqlite3_finalize(statement);
        return hash.result().toHex();
    }

private:
    sqlite3 *m_db = nullptr;
};

/// A database's user-visible state as exact values: the schema, and the row count and a
/// content hash (rows in rowid order) of every table; Burrow's history table left out.
struct DatabaseState {
    QStringList schema;
    QMap<QString, qint64> rows;
    QMap<QString, QByteArray> hashes;

    bool operator==(const DatabaseState &) const = default;
    std::string describe() const
    {
        QString text = schema.join(u'\n') + u'\n';
        for (auto it = rows.cbegin(); it != rows.cend(); ++it)
            text += it.key() + u": " + QString::number(it.value()) + u" rows, " +
                    QString::fromLatin1(hashes.value(it.key()).left(16)) + u'\n';
        return text.toStdString();
    }
};

inline DatabaseState databaseState(const QString &path)
{
    const SqliteFile db(path);
    DatabaseState state;
    state.schema = db.rows("SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM "
                           "sqlite_schema WHERE name <> 'burrow_migrations' ORDER BY type, name");
    const QStringList tables =
        db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                "'sqlite\\_%' ESCAPE '\\' AND name <> 'burrow_migrations' ORDER BY name");
    for (const QString &table : tables) {
        QString quoted = table;
        quoted.replace(u'"', QStringLiteral("\"\""));
        qint64 count = 0;
        state.hashes[table] =
            db.hash("SELECT * FROM \"" + quoted.toUtf8() + "\" ORDER BY rowid", &count);
        state.rows[table] = count;
    }
    return state;
}

/// `PRAGMA integrity_check` ("ok" when sound).
inline QString integrityCheck(const QString &path)
{
    return SqliteFile(path).rows("PRAGMA integrity_check").join(u'\n');
}

/// The rows of `PRAGMA foreign_key_check` (empty when every reference holds).
inline QStringList foreignKeyViolations(const QString &path)
{
    return SqliteFile(path).rows("PRAGMA foreign_key_check");
}

/// `version:status` of every history row; empty without the history table.
inline QStringList historyRows(const QString &path)
{
    const SqliteFile db(path);
    if (db.rows("SELECT 1 FROM sqlite_schema WHERE name = 'burrow_migrations'").isEmpty())
        return {};
    return db.rows("SELECT version || ':' || status FROM burrow_migrations ORDER BY version");
}

/// A database whose `parent` table has `parents` rows (score as text, an index on name) and
/// whose `child` table holds a row for every third parent (ON DELETE CASCADE, indexed).
inline void createLargeDatabase(const QString &path, int parents)
{
    const QByteArray n = QByteArray::number(parents);
    createDatabase(path,
                   "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score TEXT);\n"
                   "CREATE INDEX parent_name ON parent(name);\n"
                   "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL\n"
                   "    REFERENCES parent(id) ON DELETE CASCADE, label TEXT);\n"
                   "CREATE INDEX child_parent ON child(parent_id);\n"
                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                       n +
                       ")\n"
                       "INSERT INTO parent SELECT i, 'name-' || (i * 7919 % " +
                       n +
                       "), CAST(i % 1000 AS TEXT) FROM n;\n"
                       "INSERT INTO child SELECT id / 3, id, 'label ' || id FROM parent\n"
                       "    WHERE id % 3 = 0;\n");
}

/// The model for createLargeDatabase(): score becomes INTEGER NOT NULL with a CHECK, which
/// SQLite can only do by rebuilding the table (the 12-step procedure).
inline const QByteArray kLargeModelSql =
    "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL,\n"
    "    score INTEGER NOT NULL CHECK (score >= 0));\n"
    "CREATE INDEX parent_name ON parent(name);\n"
    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL\n"
    "    REFERENCES parent(id) ON DELETE CASCADE, label TEXT);\n"
    "CREATE INDEX child_parent ON child(parent_id);\n";

/// The file planLargeRebuild() writes.
inline const QString kLargeRebuildFile = QStringLiteral("0001_rebuild_parent.sql");

/// Runs `burrow-cli plan` for the large database against kLargeModelSql into `migrations`.
inline void planLargeRebuild(const TempDir &dir, const QString &database, const QString &migrations)
{
    const QString model = dir.write(QStringLiteral("large-model.sql"), kLargeModelSql);
    ASSERT_TRUE(QDir().mkpath(migrations));
    const CliRun plan =
        runCli({QStringLiteral("plan"), QStringLiteral("--db"), u"sqlite:" + database,
                QStringLiteral("--model"), model, QStringLiteral("--migrations"), migrations,
                QStringLiteral("--name"), QStringLiteral("rebuild_parent"),
                QStringLiteral("--allow-destructive")});
    ASSERT_EQ(plan.exitCode, 0) << plan.err.toStdString();
    const QString file = migrations + u'/' + kLargeRebuildFile;
    ASSERT_TRUE(readBytes(file).contains("INSERT INTO \"burrow_new_parent\""))
        << "the plan is not a table rebuild:\n"
        << readBytes(file).toStdString();
}

/// Copies `database` to `folder`/app.sqlite3 and the migration file into `folder`/migrations,
/// so that each apply runs on its own fresh copy with its own backups; the copy's path.
inline QString copyForApply(const QString &database, const QString &migration,
                            const QString &folder)
{
    EXPECT_TRUE(QDir().mkpath(folder + u"/migrations"));
    EXPECT_TRUE(QFile::copy(migration, folder + u"/migrations/" + QFileInfo(migration).fileName()));
    const QString copy = folder + u"/app.sqlite3";
    EXPECT_TRUE(QFile::copy(database, copy));
    return copy;
}

/// The folders apply wrote under `migrations`/backups.
inline QStringList backupFolders(const QString &migrations)
{
    return QDir(migrations + u"/backups").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
}

/// A disk with little room: a tmpfs mounted at `folder` holding `files` (copied in) and
/// `freeBytes` more. Where mounting is not permitted (not root), a per-process file size limit
/// (RLIMIT_FSIZE of `freeBytes`, SIGXFSZ ignored) applied to the CLI through childSetup() stands
/// in, so the test never skips; BURROW_TEST_SMALL_DISK=rlimit chooses that fallback. Unmounted
/// on destruction, also when the test fails.
class SmallDisk {
public:
    SmallDisk(const QString &folder, const QStringList &files, qint64 freeBytes)
        : m_folder(folder)
    {
        EXPECT_TRUE(QDir().mkpath(folder));
        qint64 bytes = freeBytes;
        for (const QString &file : files)
            bytes += (QFileInfo(file).size() + 4095) / 4096 * 4096;
        const bool forced = qgetenv("BURROW_TEST_SMALL_DISK") == "rlimit";
        const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0755";
        m_mounted = !forced && ::mount("tmpfs", QFile::encodeName(folder).constData(), "tmpfs", 0,
                                       options.constData()) == 0;
        const std::string refused = forced ? "BURROW_TEST_SMALL_DISK=rlimit"
                                           : "mount refused: " + std::string(std::strerror(errno));
        m_limit = m_mounted ? 0 : freeBytes;
        m_mechanism =
            m_mounted ? "a tmpfs of " + std::to_string(bytes) + " bytes at " + folder.toStdString()
                      : "RLIMIT_FSIZE of " + std::to_string(freeBytes) + " bytes per file (" +
                            refused + ')';
        for (const QString &file : files)
            EXPECT_TRUE(QFile::copy(file, folder + u'/' + QFileInfo(file).fileName()));
        std::cout << "[ small disk ] " << m_mechanism << std::endl;
    }
    ~SmallDisk()
    {
        if (!m_mounted)
            return;
        const int unmounted = ::umount2(QFile::encodeName(m_folder).constData(), MNT_DETACH);
        EXPECT_EQ(unmounted, 0) << std::strerror(errno);
    }
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    bool isTmpfs() const { return m_mounted; }
    /// What a child process runs before exec: the file size limit, when that stands in.
    CliProcess::ChildSetup childSetup() const
    {
        if (m_mounted)
            return {};
        const rlim_t limit = rlim_t(m_limit);
        return [limit] {
            ::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead
            const rlimit fsize{limit, limit};
            ::setrlimit(RLIMIT_FSIZE, &fsize);
        };
    }
    /// What the CLI's error must say: a full tmpfs is "disk is full"; a write past the size
    /// limit is an I/O error to SQLite, which still names the disk.
    QString fullMessage() const
    {
        return m_mounted ? QStringLiteral("disk is full") : QStringLiteral("disk");
    }

private:
    QString m_folder;
    bool m_mounted = false;
    qint64 m_limit = 0;
    std::string m_mechanism;
};

} // namespace burrow::test
