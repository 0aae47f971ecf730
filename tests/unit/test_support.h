#pragma once

#include "schema/schema.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace burrow::test {

/// Sets (or, with no value, clears) an environment variable for one test, and restores it.
class ScopedEnvironmentVariable {
public:
    ScopedEnvironmentVariable(const char *name, const QByteArray *value);
    ScopedEnvironmentVariable(const char *name, const QByteArray &value)
        : ScopedEnvironmentVariable(name, &value)
    {
    }
    ~ScopedEnvironmentVariable();
    ScopedEnvironmentVariable(const ScopedEnvironmentVariable &) = delete;
    ScopedEnvironmentVariable &operator=(const ScopedEnvironmentVariable &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_previous;
};

/// A migration file's up section: everything before `-- migrate:down`.
inline QString upSection(const QString &migration)
{
    return migration.section(QStringLiteral("-- migrate:down"), 0, 0);
}

/// A migration file's down section, without the marker's line (and its options).
inline QString downSection(const QString &migration)
{
    return migration.section(QStringLiteral("-- migrate:down"), 1).section(u'\n', 1);
}

/// A scratch folder that disappears with the test.
class TempDir {
public:
    QString path(const QString &name = {}) const;
    /// Writes `content` (UTF-8) to `name` inside the folder and returns its path.
    QString write(const QString &name, const QByteArray &content) const;

private:
    QTemporaryDir m_dir;
};

/// Builds a SQLite database file by running `sql` through SQLite's own C API (not Burrow's code),
/// so tests never depend on what they test to set up.
void createDatabase(const QString &path, const QByteArray &sql);

/// The live schema of a database built from `sql`.
schema::Schema introspectSql(const QByteArray &sql);

/// The live schema of the database file at `path`, without SQLite's own tables.
schema::Schema introspectFile(const QString &path);

/// The model schema Burrow loads from `sql`.
schema::Schema loadModelSql(const QByteArray &sql);

/// SHA-256 of a file's bytes, to prove it was not modified.
QByteArray fileHash(const QString &path);

/// Runs build/bin/burrow-cli with `arguments`.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};
CliRun runCli(const QStringList &arguments, const QString &workingDirectory = {});

QString testDataPath(const QString &relative);

/// The names of the golden diff cases (tests/data/diff/<case>/), sorted.
QStringList goldenCaseNames();

/// A file's bytes, or nothing when it can't be read.
QByteArray readBytes(const QString &path);

} // namespace burrow::test
