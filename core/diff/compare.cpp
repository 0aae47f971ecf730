#include "compare.h"

#include "../dialect/dialect.h"
#include "../migration/migration_directory.h"
#include "../model/model_cache.h"
#include "../model/model_reader.h"
#include "differ.h"
#include "ignore_rules.h"

#include <QFileInfo>
#include <QSet>

#include <future>

namespace burrow::diff {
namespace {

Error referenceError(const model::ModelSource &source, const QString &message, const QString &hint)
{
    return Error{Error::Code::InvalidArgument, message, source.text, 0, {}, hint};
}

/// The model of a reference database: its schema, read-only, by its own engine's dialect, which
/// must be the target's (two engines' types and defaults do not compare).
Result<schema::Schema> referenceSchema(const model::ModelSource &source,
                                       const dialect::Dialect &target, const QDir &base)
{
    Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(source.location, base);
    if (!url)
        return url.error();
    if (url->engine != target.engine())
        return referenceError(source,
                              u"the reference database is " + dialect::engineName(url->engine) +
                                  u", the database to compare is " +
                                  dialect::engineName(target.engine()),
                              QStringLiteral("compare with a reference database of the same "
                                             "engine, or with model definitions"));
    Result<std::unique_ptr<dialect::Dialect>> own = dialect::dialectFor(*url);
    if (!own)
        return own.error();
    return (*own)->introspect(*url);
}

/// The one reference database among the sources, if any; it cannot be mixed with others.
Result<const model::ModelSource *> referenceSource(const QList<model::ModelSource> &sources)
{
    for (const model::ModelSource &source : sources) {
        if (source.kind != model::SourceKind::Database)
            continue;
        if (sources.size() > 1)
            return referenceError(source,
                                  QStringLiteral("a reference database cannot be combined with "
                                                 "other model sources"),
                                  QStringLiteral("pass the reference database as the only "
                                                 "--model"));
        return &source;
    }
    return static_cast<const model::ModelSource *>(nullptr);
}

/// The model as read: the statements of DDL and ORM sources, or a reference database.
struct ModelInput {
    model::ModelScript script; // for a reference database: no statements, its URL as the file
    std::optional<model::ModelSource> reference;
};

Result<ModelInput> readModel(const CompareRequest &request, const dialect::Dialect &d)
{
    Result<QList<model::ModelSource>> sources = model::parseModelSources(request.models);
    if (!sources)
        return sources.error();
    Result<const model::ModelSource *> reference = referenceSource(*sources);
    if (!reference)
        return reference.error();
    if (*reference)
        return ModelInput{{{}, {(*reference)->text}, {}}, **reference};
    Result<model::ModelScript> script = model::readModelSources(
        *sources, {d.lexerOptions(), d.ormBackendName(), request.python, request.allowEmptyModel});
    if (!script)
        return script.error();
    return ModelInput{std::move(*script), std::nullopt};
}

/// The model as the engine normalizes it, from the cache when the engine has loaded the same
/// statements under the same conditions before.
Result<schema::Schema> loadThroughCache(const model::ModelScript &script, const dialect::Dialect &d,
                                        const model::ModelCache &cache)
{
    if (!cache.enabled())
        return d.loadModel(script);
    Result<QString> context = d.modelContext();
    if (!context)
        return context.error();
    if (context->isEmpty())
        return d.loadModel(script);
    const QByteArray key =
        model::ModelCache::keyOf(dialect::engineName(d.engine()), *context, script);
    if (std::optional<schema::Schema> cached = cache.find(key))
        return std::move(*cached);
    Result<schema::Schema> model = d.loadModel(script);
    if (model)
        cache.store(key, *model);
    return model;
}

Result<schema::Schema> loadModel(const ModelInput &input, const dialect::Dialect &d,
                                 const CompareRequest &request)
{
    if (input.reference)
        return referenceSchema(*input.reference, d, request.base);
    return loadThroughCache(input.script, d, model::ModelCache(request.modelCache));
}

QStringList namespaceNames(const schema::Schema &schema)
{
    QStringList names;
    for (const schema::Namespace &n : schema.namespaces)
        names.append(n.name);
    return names;
}

/// `names` with those of `more` it lacks, sorted.
QStringList united(QStringList names, const QStringList &more)
{
    for (const QString &name : more) {
        if (!names.contains(name))
            names.append(name);
    }
    names.sort();
    return names;
}

/// The schemas besides the URL's that the migrations of `folder` create, where the engine
/// compares other schemas (PostgreSQL; none elsewhere). One the model no longer creates is still
/// read: Burrow made it, so what it holds is the model's to keep or drop. Schemas created by
/// hand stay out of view.
Result<QStringList> schemasMigrationsCreate(const QString &folder, const dialect::Dialect &d)
{
    if (folder.isEmpty() || !QFileInfo(folder).isDir() ||
        !d.schemasComparedWith(model::ModelScript{}))
        return QStringList();
    Result<QList<migration::MigrationEntry>> entries =
        migration::readMigrationDirectory(folder, d.lexerOptions());
    if (!entries)
        return entries.error();
    // One script, in the order they ran: a later migration may rename what an earlier created.
    model::ModelScript ups;
    for (const migration::MigrationEntry &entry : *entries)
        ups.statements += entry.file.up.statements;
    return d.schemasComparedWith(ups).value_or(QStringList());
}

struct BothSchemas {
    schema::Schema live;
    schema::Schema model;
};

/// The model, and the live schema with the schemas the model and the migrations create
/// (PostgreSQL). Where the engine tells those before the model loads, the live schema is read
/// meanwhile, on a thread and connection of its own (PostgreSQL's catalog reads wait for no DDL:
/// a cold diff of 1,000 tables gains about the time of the read).
Result<BothSchemas> readBoth(const ModelInput &input, const dialect::Dialect &d,
                             const CompareRequest &request, dialect::DatabaseUrl &url)
{
    Result<QStringList> former = schemasMigrationsCreate(request.migrations, d);
    if (!former)
        return former.error();
    std::optional<QStringList> expected;
    if (!input.reference)
        expected = d.schemasComparedWith(input.script);
    std::future<Result<schema::Schema>> early;
    if (expected) {
        url.otherSchemas = united(*expected, *former);
        early = std::async(std::launch::async, [&d, url] { return d.introspect(url); });
    }
    Result<schema::Schema> model = loadModel(input, d, request);
    std::optional<Result<schema::Schema>> live;
    if (early.valid())
        live = early.get();
    if (!model)
        return model.error();
    const QStringList read = url.otherSchemas;
    url.otherSchemas = united(namespaceNames(*model), *former);
    if (!live || read != url.otherSchemas) // none read yet, or not those the model created
        live = d.introspect(url);
    if (!*live)
        return live->error();
    return BothSchemas{std::move(**live), std::move(*model)};
}

/// The tables whose parts `changes` touch: a migration may create their triggers again.
QSet<QString> changedTables(const QList<Change> &changes)
{
    QSet<QString> tables;
    for (const Change &change : changes) {
        if (!isSchemaLevel(change.object))
            tables.insert(change.table);
    }
    return tables;
}

} // namespace

QString notComparedWarning(const QString &object)
{
    return u"the model creates " + object +
           u", which Burrow neither compares nor migrates: no migration creates it; create it "
           u"in the database by hand";
}

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
    Result<ModelInput> input = readModel(request, d);
    if (!input)
        return input.error();
    const model::ModelScript &script = input->script;
    Result<BothSchemas> both = readBoth(*input, d, request, *url);
    if (!both)
        return both.error();
    if (both->model.tables.isEmpty() && both->model.views.isEmpty() && !request.allowEmptyModel)
        return Error{
            Error::Code::Model,
            QStringLiteral("the model defines no tables or views"),
            script.files.join(u", "),
            0,
            {},
            QStringLiteral("an empty model would mean dropping every table; check --model, or "
                           "pass --allow-empty-model if that is what you want")};
    const Qt::CaseSensitivity cs = d.caseSensitiveNames() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const IgnoreRules rules(d.internalTableGlobs() + script.ignore + request.ignore, cs);
    Comparison result{*url,
                      rules.applyToLive(std::move(both->live), both->model, cs),
                      rules.apply(std::move(both->model)),
                      {},
                      script};
    result.changes = diffSchemas(result.live, result.model, DiffOptions{cs});
    d.spellTriggersAsTyped(result.url, result.live, changedTables(result.changes));
    result.ownSchema = d.ownSchema();
    for (const QString &object : result.model.uncompared) {
        if (!result.live.uncompared.contains(object))
            result.notCompared.append(object);
    }
    return result;
}

} // namespace burrow::diff
