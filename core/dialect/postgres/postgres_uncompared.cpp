#include "postgres_catalog_queries_p.h"

#include <QStringList>

namespace burrow::dialect::postgres::queries {
namespace {

// The managed schemas, as the other catalog queries name them.
constexpr QStringView kManaged =
    u"(n.nspname = pg_catalog.current_schema() OR n.nspname = ANY (pg_catalog.string_to_array("
    u"pg_catalog.current_setting('burrow.schemas', true), pg_catalog.chr(31))))";

// A live database's user-made objects; in the transaction loading a model (it wrote, so it has
// an id), only those it made.
constexpr QStringView kMadeHere =
    u"x.oid >= 16384 AND (pg_catalog.txid_current_if_assigned() IS NULL OR x.xmin::text = "
    u"(pg_catalog.txid_current_if_assigned() % 4294967296)::text)";

QString inManagedSchema(QStringView catalog, QStringView namespaceColumn, QStringView also = {})
{
    return u"SELECT 'pg_catalog." + catalog + u"'::pg_catalog.regclass, x.oid FROM pg_catalog." +
           catalog + u" x JOIN pg_catalog.pg_namespace n ON n.oid = x." + namespaceColumn +
           u" WHERE " + kManaged + also;
}

QString madeInDatabase(QStringView catalog)
{
    return u"SELECT 'pg_catalog." + catalog + u"'::pg_catalog.regclass, x.oid FROM pg_catalog." +
           catalog + u" x WHERE " + kMadeHere;
}

QString uncomparedQuery()
{
    const QStringList parts{
        inManagedSchema(u"pg_operator", u"oprnamespace"),
        inManagedSchema(u"pg_opclass", u"opcnamespace"),
        inManagedSchema(u"pg_opfamily", u"opfnamespace"),
        inManagedSchema(u"pg_conversion", u"connamespace"),
        inManagedSchema(u"pg_ts_parser", u"prsnamespace"),
        inManagedSchema(u"pg_ts_template", u"tmplnamespace"),
        inManagedSchema(u"pg_class", u"relnamespace", u" AND x.relkind = 'f'"),
        madeInDatabase(u"pg_publication"),
        madeInDatabase(u"pg_foreign_server"),
        madeInDatabase(u"pg_foreign_data_wrapper"),
        madeInDatabase(u"pg_cast"),
        madeInDatabase(u"pg_event_trigger"),
        madeInDatabase(u"pg_language"),
        madeInDatabase(u"pg_am"),
        madeInDatabase(u"pg_transform"),
    };
    return u"SELECT o.type || ' ' || pg_catalog.replace(o.identity, "
           u"pg_catalog.quote_ident(pg_catalog.current_schema()) || '.', '') FROM (" +
           parts.join(u" UNION ALL ") +
           u") w(classid, objid), LATERAL pg_catalog.pg_identify_object(w.classid, w.objid, 0) o "
           u"WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = w.classid "
           u"AND d.objid = w.objid AND d.deptype = 'e') ORDER BY 1";
}

} // namespace

const QString &uncompared()
{
    static const QString sql = uncomparedQuery();
    return sql;
}

} // namespace burrow::dialect::postgres::queries
