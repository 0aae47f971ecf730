#include "diff_command.h"

#include "cli_common.h"
#include "compare_options.h"
#include "diff/compare.h"
#include "diff/report.h"

namespace burrow::cli {
namespace {

struct DiffOptions {
    CompareOptions compare;
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("Output: text (default) or json."),
                              QStringLiteral("FORMAT"), QStringLiteral("text")};
    QCommandLineOption migrations{
        QStringLiteral("migrations"),
        QStringLiteral("Folder of migration files: the schemas they create are compared too "
                       "(PostgreSQL), also one the model no longer creates."),
        QStringLiteral("DIR")};
};

} // namespace

int runDiff(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show how a database's schema differs from the model definitions.\n"
                       "Exit status: 0 no differences, 1 differences, 2 error."));
    const DiffOptions o;
    o.compare.addTo(parser);
    parser.addOptions({o.format, o.migrations});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QString format = parser.value(o.format);
    if (format != u"text" && format != u"json")
        return fail(u"unknown --format " + format, QStringLiteral("use text or json"));
    if (!parser.positionalArguments().isEmpty())
        return unexpectedArgument(parser.positionalArguments().first(),
                                  QStringLiteral("model paths go after --model"));
    Result<diff::CompareRequest> request = compareRequest(parser, o.compare);
    if (!request)
        return fail(request.error());
    if (parser.isSet(o.migrations))
        request->migrations = parser.value(o.migrations);
    Result<diff::Comparison> comparison = diff::compareWithModel(*request);
    if (!comparison)
        return fail(comparison.error());
    const QList<diff::Change> &changes = comparison->changes;
    out() << (format == u"json" ? diff::formatJson(changes)
                                : diff::formatText(changes, comparison->ownSchema));
    out().flush();
    for (const QString &object : comparison->notCompared)
        err() << "burrow-cli: warning: " << diff::notComparedWarning(object) << '\n';
    return changes.isEmpty() ? Success : Differences;
}

} // namespace burrow::cli
