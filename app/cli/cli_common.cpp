#include "cli_common.h"

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

QCommandLineOption workspaceOption()
{
    return {QStringLiteral("workspace"),
            QStringLiteral("Workspace folder whose burrow.json supplies defaults."),
            QStringLiteral("DIR")};
}

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
        out() << parser.helpText();
        exitCode = Success;
        return false;
    }
    return true;
}

} // namespace burrow::cli
