#pragma once

#include "../result.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryFile>

#include <memory>

namespace burrow::dialect {

/// A run of one of the engine's own client tools (pg_dump, mariadb-dump …).
struct ToolRun {
    QString program;
    QStringList arguments; // never a password: those go through a PasswordFile
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString standardInputFile;  // fed to stdin when set
    QString standardOutputFile; // stdout written there when set, else collected
    int timeoutMs = 24 * 3600 * 1000;
};

/// Runs the tool to its end. A missing tool, a crash or a non-zero exit is an Error naming the
/// tool and quoting the last lines it printed on stderr; `what` says what it was doing.
Result<QByteArray> runTool(const ToolRun &run, const QString &what);

/// A 0600 file holding credentials for a client tool, removed when destroyed, so that a
/// password reaches the tool without ever being on its command line or in the environment of
/// other processes.
class PasswordFile {
public:
    /// Writes `content` into a new private temporary file.
    static Result<std::unique_ptr<PasswordFile>> create(const QByteArray &content);
    QString path() const { return m_file.fileName(); }

private:
    QTemporaryFile m_file;
};

} // namespace burrow::dialect
