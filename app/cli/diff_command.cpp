#include "diff_command.h"

#include "cli_common.h"
#include "diff/compare.h"
#include "diff/report.h"
#include "workspace/workspace.h"

namespace burrow::cli {
namespace {

struct DiffOptions {
    QCommandLineOption workspace = workspaceOption();
    QCommandLineOption db{QStringLiteral("db"), QStringLiteral("Database URL (sqlite:PATH, …)."),
                          QStringLiteral("URL")};
    QCommandLineOption model{
        QStringLiteral("model"),
        QStringLiteral("Model definitions: a .sql file or a folder of them (repeatable)."),
        QStringLiteral("PATH")};
    QCommandLineOption ignore{QStringLiteral("ignore"),
                              QStringLiteral("Leave out tables matching this glob (repeatable)."),
                              QStringLiteral("GLOB")};
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("Output: text (default) or json."),
                              QStringLiteral("FORMAT"), QStringLiteral("text")};
};

Result<diff::CompareRequest> requestFrom(const QCommandLineParser &parser, const DiffOptions &o)
{
    diff::CompareRequest request;
    if (parser.isSet(o.workspace)) {
        Result<workspace::Workspace> ws = workspace::loadWorkspace(parser.value(o.workspace));
        if (!ws)
            return ws.error();
        request.database = ws->database;
        request.models = ws->models;
        request.ignore = ws->ignore;
    }
    if (parser.isSet(o.db))
        request.database = parser.value(o.db);
    if (parser.isSet(o.model))
        request.models = parser.values(o.model);
    request.ignore += parser.values(o.ignore);
    return request;
}

} // namespace

int runDiff(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show how a database's schema differs from the model definitions.\n"
                       "Exit status: 0 no differences, 1 differences, 2 error."));
    const DiffOptions o;
    parser.addOptions({o.workspace, o.db, o.model, o.ignore, o.format});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QString format = parser.value(o.format);
    if (format != u"text" && format != u"json")
        return fail(u"unknown --format " + format, QStringLiteral("use text or json"));
    if (!parser.positionalArguments().isEmpty())
        return fail(u"unexpected argument " + parser.positionalArguments().first(),
                    QStringLiteral("model paths go after --model"));
    Result<diff::CompareRequest> request = requestFrom(parser, o);
    if (!request)
        return fail(request.error());
    Result<diff::Comparison> comparison = diff::compareWithModel(*request);
    if (!comparison)
        return fail(comparison.error());
    const QList<diff::Change> &changes = comparison->changes;
    out() << (format == u"json" ? diff::formatJson(changes) : diff::formatText(changes));
    out().flush();
    return changes.isEmpty() ? Success : Differences;
}

} // namespace burrow::cli
