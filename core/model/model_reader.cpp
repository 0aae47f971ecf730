#include "model_reader.h"

#include "python_helper.h"

#include <QFileInfo>
#include <QJsonArray>

namespace burrow::model {
namespace {

Result<QJsonObject> runOrmHelper(const ModelSource &source, const ModelContext &context)
{
    PythonHelperRun run{context.python, {}, {}, QDir::currentPath(), source.text};
    if (source.kind == SourceKind::Django) {
        const QFileInfo manage(source.location);
        if (!manage.isFile())
            return Error{Error::Code::NotFound,
                         QStringLiteral("the Django manage.py is not there"),
                         source.text,
                         0,
                         {},
                         QStringLiteral("write django:PATH/TO/manage.py")};
        run.helper = QStringLiteral("django_models.py");
        run.workingDirectory = manage.absolutePath();
        run.arguments = {manage.absoluteFilePath(), context.ormBackend,
                         source.query.queryItemValue(QStringLiteral("settings")),
                         source.query.queryItemValue(QStringLiteral("apps"))};
    } else {
        run.helper = QStringLiteral("sqlalchemy_models.py");
        run.arguments = {source.location, context.ormBackend};
        run.arguments += source.query.allQueryItemValues(QStringLiteral("path"));
    }
    return runPythonHelper(run);
}

/// The DDL an ORM renders for the target engine, each statement naming the source.
Result<ModelScript> readOrmSource(const ModelSource &source, const ModelContext &context)
{
    Result<QJsonObject> output = runOrmHelper(source, context);
    if (!output)
        return output.error();
    ModelScript script;
    script.files.append(source.text);
    for (const QJsonValue &statement : output->value(u"statements").toArray())
        script.statements.append({statement.toString(), source.text, 0});
    for (const QJsonValue &table : output->value(u"ignore").toArray())
        script.ignore.append(table.toString());
    return script;
}

void append(ModelScript &to, ModelScript &&part)
{
    to.statements += std::move(part.statements);
    to.files += std::move(part.files);
    to.ignore += std::move(part.ignore);
}

} // namespace

Result<QList<ModelSource>> parseModelSources(const QStringList &entries)
{
    QList<ModelSource> sources;
    for (const QString &entry : entries) {
        Result<ModelSource> source = parseModelSource(entry);
        if (!source)
            return source.error();
        sources.append(*source);
    }
    return sources;
}

Result<ModelScript> readModelSources(const QList<ModelSource> &sources, const ModelContext &context)
{
    if (sources.isEmpty())
        return readModelFiles({}, context.lexer, context.allowEmpty); // says what to pass
    ModelScript script;
    for (const ModelSource &source : sources) {
        Result<ModelScript> part =
            source.kind == SourceKind::DdlFiles
                ? readModelFiles({source.location}, context.lexer, /*allowEmpty=*/true)
                : readOrmSource(source, context);
        if (!part)
            return part.error();
        append(script, std::move(*part));
    }
    if (script.statements.isEmpty() && !context.allowEmpty)
        return emptyModelError(script.files);
    return script;
}

} // namespace burrow::model
