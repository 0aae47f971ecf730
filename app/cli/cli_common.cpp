#include "cli_common.h"

#include "dialect/database_url.h"

#include <QCoreApplication>

#include <cstdio>

namespace burrow::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const Error &error)
{
    out().flush();
    err() << "burrow-cli: error: " << error.toString() << Qt::endl;
    return UsageOrError;
}

int fail(const QString &message, const QString &hint)
{
    return fail(Error{Error::Code::InvalidArgument, message, {}, 0, {}, hint});
}

int unexpectedArgument(const QString &argument, const QString &hint)
{
    // A database URL typed without --db may hold a password: it is not echoed.
    return fail(u"unexpected argument " + dialect::withoutPassword(argument), hint);
}

QCommandLineOption workspaceOption()
{
    return {QStringLiteral("workspace"),
            QStringLiteral("Workspace folder whose burrow.json supplies defaults."),
            QStringLiteral("DIR")};
}

namespace {

// Qt's usage line names the executable's path; the user typed `burrow-cli COMMAND`.
QString usageNamingTheCommand(QString help, const QString &command)
{
    const QString executable = QCoreApplication::arguments().value(0);
    const qsizetype at = help.indexOf(executable);
    if (!executable.isEmpty() && at >= 0 && at < help.indexOf(u'\n'))
        help.replace(at, executable.size(), u"burrow-cli " + command);
    return help;
}

} // namespace

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int &exitCode)
{
    const QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help.")};
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        QString message = parser.errorText();
        if (message.endsWith(u'.')) // Qt's sentence; ours goes on with the hint
            message.chop(1);
        exitCode = fail(message, QStringLiteral("see burrow-cli ") + arguments.value(0) +
                                     QStringLiteral(" --help"));
        return false;
    }
    if (parser.isSet(help)) {
        out() << usageNamingTheCommand(parser.helpText(), arguments.value(0));
        exitCode = Success;
        return false;
    }
    return true;
}

} // namespace burrow::cli
