#include "external_tool.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

namespace burrow::dialect {
namespace {

/// The last few lines a tool printed on stderr: its reason, without pages of noise. They begin
/// at the error itself where it is among the last eight (psql follows "ERROR:  function g(integer)
/// does not exist" with LINE, HINT, QUERY and CONTEXT lines; the mariadb client precedes its
/// ERROR line with rulers).
QString tail(const QByteArray &stderrText)
{
    const QStringList lines = QString::fromUtf8(stderrText).trimmed().split(u'\n');
    qsizetype first = std::max<qsizetype>(0, lines.size() - 3);
    for (qsizetype i = lines.size() - 1; i >= 0 && i >= lines.size() - 8; --i) {
        if (lines[i].contains(u"ERROR") || lines[i].contains(u"FATAL")) {
            first = i;
            break;
        }
    }
    return lines.mid(first).join(u" / ");
}

/// Whether a tool's words say that the disk it writes to is full: the OS's own phrase (pg_dump,
/// psql), or the bare number (mariadb-dump's "Got errno 28 on write").
bool saysDiskFull(const QString &message)
{
    static const QRegularExpression number(u"\\b(errno|Errcode):? (" + QString::number(ENOSPC) +
                                           u'|' + QString::number(EDQUOT) + u")\\b");
    return message.contains(QString::fromLocal8Bit(std::strerror(ENOSPC))) ||
           message.contains(QString::fromLocal8Bit(std::strerror(EDQUOT))) ||
           number.match(message).hasMatch();
}

Error toolError(const ToolRun &run, const QString &what, const QString &message)
{
    const QString program = QFileInfo(run.program).fileName();
    const QString said = message.startsWith(program + u':') ? message : program + u": " + message;
    if (saysDiskFull(said))
        return Error{Error::Code::Tool,
                     what + u" failed: the disk is full (" + said + u')',
                     {},
                     0,
                     {},
                     QStringLiteral("free some disk space, then run it again")};
    return Error{Error::Code::Tool, what + u" failed: " + said, {}, 0, {}, {}};
}

} // namespace

Result<QByteArray> runTool(const ToolRun &run, const QString &what)
{
    const QString program = QStandardPaths::findExecutable(run.program);
    if (program.isEmpty())
        return Error{Error::Code::NotFound,
                     what + u" needs " + run.program + u", which is not installed",
                     {},
                     0,
                     {},
                     u"install the engine's client tools (they provide " + run.program + u')'};
    QProcess process;
    process.setProcessEnvironment(run.environment);
    if (!run.standardInputFile.isEmpty())
        process.setStandardInputFile(run.standardInputFile);
    if (!run.standardOutputFile.isEmpty())
        process.setStandardOutputFile(run.standardOutputFile);
    process.start(program, run.arguments);
    if (!process.waitForStarted(30000))
        return toolError(run, what, process.errorString());
    if (!process.waitForFinished(run.timeoutMs)) {
        process.kill();
        process.waitForFinished(10000);
        return toolError(run, what, QStringLiteral("did not finish in time"));
    }
    const QByteArray errors = process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit)
        return toolError(run, what, u"crashed: " + tail(errors));
    if (process.exitCode() != 0)
        return toolError(run, what,
                         tail(errors).isEmpty()
                             ? u"exit status " + QString::number(process.exitCode())
                             : tail(errors));
    return process.readAllStandardOutput();
}

Result<std::unique_ptr<PasswordFile>> PasswordFile::create(const QByteArray &content)
{
    auto file = std::unique_ptr<PasswordFile>(new PasswordFile());
    // QTemporaryFile creates its file 0600 and opens it exclusively.
    if (!file->m_file.open() || file->m_file.write(content) != content.size() ||
        !file->m_file.flush())
        return Error{Error::Code::Tool,
                     u"cannot write a private credentials file: " + file->m_file.errorString(),
                     file->m_file.fileName()};
    file->m_file.close();
    return file;
}

} // namespace burrow::dialect
