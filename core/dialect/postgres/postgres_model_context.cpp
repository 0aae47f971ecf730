#include "postgres_model_context.h"

#include "postgres_names.h"
#include "postgres_session.h"

namespace burrow::dialect::postgres {
namespace {

/// Rows of `catalog` (whose namespace column is `column`) outside pg_catalog, the compared
/// schema and Burrow's scratch schemas, as `oid:xmin` text.
QString rowVersionsOutside(const QString &catalog, const QString &column, const QString &schema)
{
    return u"SELECT x.oid::text || ':' || x.xmin::text FROM pg_catalog." + catalog +
           u" x JOIN pg_catalog.pg_namespace n ON n.oid = x." + column +
           u" WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', " + quoteLiteral(schema) +
           u") AND n.nspname !~ '^(pg_toast|pg_temp_|pg_toast_temp_|burrow_model_)'";
}

QString modelContextQuery(const QString &schema)
{
    const QString outside =
        rowVersionsOutside(QStringLiteral("pg_class"), QStringLiteral("relnamespace"), schema) +
        u" UNION ALL " +
        rowVersionsOutside(QStringLiteral("pg_type"), QStringLiteral("typnamespace"), schema) +
        u" UNION ALL " +
        rowVersionsOutside(QStringLiteral("pg_proc"), QStringLiteral("pronamespace"), schema) +
        u" UNION ALL " +
        rowVersionsOutside(QStringLiteral("pg_collation"), QStringLiteral("collnamespace"), schema);
    return u"SELECT pg_catalog.concat_ws(E'\\n', pg_catalog.version(), "
           u"pg_catalog.current_setting('server_encoding'), d.datcollate, d.datctype, "
           u"(SELECT pg_catalog.string_agg(e.extname || ' ' || e.extversion, ',' ORDER BY "
           u"e.extname) FROM pg_catalog.pg_extension e), "
           u"(SELECT pg_catalog.md5(pg_catalog.string_agg(o.v, ',' ORDER BY o.v)) FROM (" +
           outside +
           u") o(v))) FROM pg_catalog.pg_database d "
           u"WHERE d.datname = pg_catalog.current_database()";
}

} // namespace

Result<QString> modelContextOf(const DatabaseUrl &url)
{
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::ReadSchema);
    if (!session)
        return session.error();
    const QString schema = schemaOf(url);
    Result<QSqlQuery> row = (*session)->run(modelContextQuery(schema));
    if (!row)
        return row.error();
    if (!row->next())
        return Error{Error::Code::Internal, QStringLiteral("the database's own row is missing")};
    return QString(u"schema " + schema + u'\n' + row->value(0).toString());
}

} // namespace burrow::dialect::postgres
