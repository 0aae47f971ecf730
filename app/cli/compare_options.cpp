#include "compare_options.h"

#include "cli_common.h"
#include "model/model_cache.h"
#include "workspace/workspace.h"

namespace burrow::cli {

CompareOptions::CompareOptions()
    : workspace(workspaceOption())
    , db(QStringLiteral("db"), QStringLiteral("Database URL (sqlite:PATH, …)."),
         QStringLiteral("URL"))
    , model(QStringLiteral("model"),
            QStringLiteral("Model definitions (repeatable): a .sql file or a folder of them, "
                           "django:PATH/TO/manage.py[?settings=M&apps=a,b], "
                           "sqlalchemy:package.module:attr[?path=DIR], or a reference "
                           "database's URL."),
            QStringLiteral("SOURCE"))
    , ignore(QStringLiteral("ignore"),
             QStringLiteral("Leave out tables matching this glob (repeatable)."),
             QStringLiteral("GLOB"))
    , allowEmptyModel(QStringLiteral("allow-empty-model"),
                      QStringLiteral("Accept a model without tables (everything would go)."))
    , python(QStringLiteral("python"),
             QStringLiteral("The project's Python for django: and sqlalchemy: models "
                            "(default: python3 on PATH)."),
             QStringLiteral("PATH"))
    , noModelCache(QStringLiteral("no-model-cache"),
                   QStringLiteral("Load the model on the server even if an unchanged one was "
                                  "loaded before (also: BURROW_MODEL_CACHE=off)."))
{
}

void CompareOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({workspace, db, model, ignore, allowEmptyModel, python, noModelCache});
}

Result<diff::CompareRequest> compareRequest(const QCommandLineParser &parser,
                                            const CompareOptions &o)
{
    diff::CompareRequest request;
    if (parser.isSet(o.workspace)) {
        Result<workspace::Workspace> ws = workspace::loadWorkspace(parser.value(o.workspace));
        if (!ws)
            return ws.error();
        request.database = ws->database;
        request.models = ws->models;
        request.ignore = ws->ignore;
        request.python = ws->python;
        request.migrations = ws->migrations;
    }
    if (parser.isSet(o.db))
        request.database = parser.value(o.db);
    if (parser.isSet(o.model))
        request.models = parser.values(o.model);
    request.ignore += parser.values(o.ignore);
    request.allowEmptyModel = parser.isSet(o.allowEmptyModel);
    if (parser.isSet(o.python))
        request.python = parser.value(o.python);
    if (!parser.isSet(o.noModelCache))
        request.modelCache = model::modelCacheFolderFromEnvironment();
    return request;
}

} // namespace burrow::cli
