#include "postgres_catalog_queries_p.h"

#include <QStringList>

namespace burrow::dialect::postgres::queries {
namespace {

// A live database's user-made objects; in the transaction loading a model (it wrote, so it has
// an id), only those it made.
constexpr QStringView kMadeHere =
    u"x.oid >= 16384 AND (pg_catalog.txid_current_if_assigned() IS NULL OR x.xmin::text = "
    u"(pg_catalog.txid_current_if_assigned() % 4294967296)::text)";

QString inManagedSchema(QStringView catalog, QStringView namespaceColumn, QStringView also = {})
{
    return objectRows(catalog, QString(u"x." + namespaceColumn +
                                       u" IN (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE " +
                                       QStringView(u"" MANAGED("n.nspname")) + u')' + also));
}

QString uncomparedQuery()
{
    QStringList parts{
        inManagedSchema(u"pg_operator", u"oprnamespace"),
        inManagedSchema(u"pg_opclass", u"opcnamespace"),
        inManagedSchema(u"pg_opfamily", u"opfnamespace"),
        inManagedSchema(u"pg_conversion", u"connamespace"),
        inManagedSchema(u"pg_ts_parser", u"prsnamespace"),
        inManagedSchema(u"pg_ts_template", u"tmplnamespace"),
        inManagedSchema(u"pg_class", u"relnamespace", u" AND x.relkind = 'f'"),
    };
    for (QStringView catalog : kDatabaseWideCatalogs)
        parts.append(objectRows(catalog, kMadeHere));
    return u"SELECT o.type || ' ' || pg_catalog.replace(o.identity, "
           u"pg_catalog.quote_ident(pg_catalog.current_schema()) || '.', '') FROM (" +
           parts.join(u" UNION ALL ") +
           u") w(classid, objid, objsubid), "
           u"LATERAL pg_catalog.pg_identify_object(w.classid, w.objid, w.objsubid) o "
           u"WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = w.classid "
           u"AND d.objid = w.objid AND d.deptype = 'e') ORDER BY 1";
}

} // namespace

QString objectRows(QStringView catalog, QStringView condition)
{
    return u"SELECT 'pg_catalog." + catalog + u"'::pg_catalog.regclass, x.oid, 0 FROM pg_catalog." +
           catalog + u" x WHERE " + condition;
}

const QString &uncompared()
{
    static const QString sql = uncomparedQuery();
    return sql;
}

} // namespace burrow::dialect::postgres::queries
