#include "compare_options.h"

#include "cli_common.h"
#include "workspace/workspace.h"

namespace burrow::cli {

CompareOptions::CompareOptions()
    : workspace(workspaceOption())
    , db(QStringLiteral("db"), QStringLiteral("Database URL (sqlite:PATH, …)."),
         QStringLiteral("URL"))
    , model(QStringLiteral("model"),
            QStringLiteral("Model definitions: a .sql file or a folder of them (repeatable)."),
            QStringLiteral("PATH"))
    , ignore(QStringLiteral("ignore"),
             QStringLiteral("Leave out tables matching this glob (repeatable)."),
             QStringLiteral("GLOB"))
    , allowEmptyModel(QStringLiteral("allow-empty-model"),
                      QStringLiteral("Accept a model without tables (everything would go)."))
{
}

void CompareOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({workspace, db, model, ignore, allowEmptyModel});
}

Result<diff::CompareRequest> compareRequest(const QCommandLineParser &parser,
                                            const CompareOptions &o, QString *migrations)
{
    diff::CompareRequest request;
    if (parser.isSet(o.workspace)) {
        Result<workspace::Workspace> ws = workspace::loadWorkspace(parser.value(o.workspace));
        if (!ws)
            return ws.error();
        request.database = ws->database;
        request.models = ws->models;
        request.ignore = ws->ignore;
        if (migrations)
            *migrations = ws->migrations;
    }
    if (parser.isSet(o.db))
        request.database = parser.value(o.db);
    if (parser.isSet(o.model))
        request.models = parser.values(o.model);
    request.ignore += parser.values(o.ignore);
    request.allowEmptyModel = parser.isSet(o.allowEmptyModel);
    return request;
}

} // namespace burrow::cli
