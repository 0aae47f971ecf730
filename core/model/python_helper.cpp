#include "python_helper.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>

#include <algorithm>

namespace burrow::model {
namespace {

constexpr int kStartTimeoutMs = 10'000;
constexpr int kRunTimeoutMs = 300'000; // Django's set-up imports the whole project
constexpr qsizetype kTracebackLines = 12;

/// A message the helper itself raises (a wrong attribute, no settings) ends in this prefix.
const QString kHelperPrefix = QStringLiteral("burrow: ");

QString interpreterOf(const PythonHelperRun &run)
{
    return run.python.isEmpty() ? QStringLiteral("python3") : run.python;
}

Error helperError(const PythonHelperRun &run, const QString &message, const QString &hint = {})
{
    return Error{Error::Code::Model, message, run.source, 0, {}, hint};
}

/// The last `count` lines of a traceback, without the frames of Python's import machinery.
QStringList lastLines(const QByteArray &output, qsizetype count)
{
    QStringList lines = QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
    lines.removeIf([](const QString &line) { return line.contains(u"File \"<frozen "); });
    return lines.mid(std::max<qsizetype>(0, lines.size() - count));
}

/// The project's failure: its last stderr line as the message, the traceback's tail below it.
Error projectFailure(const PythonHelperRun &run, const QByteArray &stderrBytes)
{
    const QStringList tail = lastLines(stderrBytes, kTracebackLines);
    QString last = tail.isEmpty() ? QStringLiteral("no error output") : tail.last().trimmed();
    if (last.startsWith(kHelperPrefix)) // the helper's own message needs no traceback
        return helperError(run, last.mid(kHelperPrefix.size()));
    Error error = helperError(run, u"the project's Python failed: " + last,
                              u"fix the project, or choose its interpreter with --python or "
                              u"the workspace's \"python\" (now " +
                                  interpreterOf(run) + u')');
    for (const QString &line : tail)
        error.details += u"  | " + line + u'\n';
    error.details.chop(1);
    return error;
}

Result<QByteArray> helperScript(const QString &name)
{
    QFile file(u":/burrow/python/" + name);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Internal, QStringLiteral("the Python helper is missing"), name};
    return file.readAll();
}

} // namespace

Result<QJsonObject> runPythonHelper(const PythonHelperRun &run)
{
    Result<QByteArray> script = helperScript(run.helper);
    if (!script)
        return script.error();
    QProcess process;
    process.setWorkingDirectory(run.workingDirectory);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.start(interpreterOf(run), QStringList{QStringLiteral("-")} + run.arguments);
    if (!process.waitForStarted(kStartTimeoutMs))
        return helperError(run, u"cannot run the Python interpreter '" + interpreterOf(run) + u'\'',
                           QStringLiteral("install python3, or pass --python PATH (or set "
                                          "\"python\" in burrow.json)"));
    process.write(*script);
    process.closeWriteChannel();
    if (!process.waitForFinished(kRunTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return helperError(run, QStringLiteral("the project's Python did not finish in 5 minutes"));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return projectFailure(run, process.readAllStandardError());
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    if (!document.isObject())
        return helperError(run, u"the Python helper printed no model: " + parseError.errorString(),
                           QStringLiteral("does the project print to stdout when imported?"));
    return document.object();
}

} // namespace burrow::model
