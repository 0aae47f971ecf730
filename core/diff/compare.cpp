#include "compare.h"

#include "../dialect/dialect.h"
#include "differ.h"
#include "ignore_rules.h"

namespace burrow::diff {

Result<Comparison> compareWithModel(const CompareRequest &request)
{
    if (request.database.isEmpty() && !request.url)
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("no database given"),
                     {},
                     0,
                     {},
                     QStringLiteral("pass --db URL or set \"database\" in burrow.json")};
    Result<dialect::DatabaseUrl> url =
        request.url ? *request.url : dialect::parseDatabaseUrl(request.database, request.base);
    if (!url)
        return url.error();
    Result<std::unique_ptr<dialect::Dialect>> engine = dialect::dialectFor(*url);
    if (!engine)
        return engine.error();
    const dialect::Dialect &d = **engine;
    Result<model::ModelScript> script =
        model::readModelFiles(request.models, d.lexerOptions(), request.allowEmptyModel);
    if (!script)
        return script.error();
    Result<schema::Schema> live = d.introspect(*url);
    if (!live)
        return live.error();
    Result<schema::Schema> model = d.loadModel(*script);
    if (!model)
        return model.error();
    if (model->tables.isEmpty() && model->views.isEmpty() && !request.allowEmptyModel)
        return Error{
            Error::Code::Model,
            QStringLiteral("the model defines no tables or views"),
            script->files.join(u", "),
            0,
            {},
            QStringLiteral("an empty model would mean dropping every table; check --model, or "
                           "pass --allow-empty-model if that is what you want")};
    const Qt::CaseSensitivity cs = d.caseSensitiveNames() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const IgnoreRules rules(d.internalTableGlobs() + request.ignore, cs);
    Comparison result{
        *url, rules.apply(std::move(*live)), rules.apply(std::move(*model)), {}, *script};
    result.changes = diffSchemas(result.live, result.model, DiffOptions{cs});
    return result;
}

} // namespace burrow::diff
