#include "../../sql/canonical.h"
#include "../../sql/token_stream.h"
#include "postgres_catalog_queries_p.h"
#include "postgres_model_reach_p.h"
#include "postgres_names.h"
#include "postgres_session.h"

#include <algorithm>

namespace burrow::dialect::postgres {
namespace {

using sql::TokenStream;

/// CREATE [OR REPLACE] [TRUSTED] [PROCEDURAL] of a kind that no schema holds.
bool createsShared(const TokenStream &ts)
{
    if (!ts.isKeywordAt(0, u"CREATE"))
        return false;
    qsizetype i = 1;
    if (ts.isKeywordAt(i, u"OR") && ts.isKeywordAt(i + 1, u"REPLACE"))
        i += 2;
    while (ts.isAnyKeywordAt(i, {u"TRUSTED", u"PROCEDURAL"}))
        ++i;
    return ts.isAnyKeywordAt(
               i, {u"LANGUAGE", u"PUBLICATION", u"SERVER", u"CAST", u"TRANSFORM", u"EXTENSION"}) ||
           (ts.isKeywordAt(i, u"EVENT") && ts.isKeywordAt(i + 1, u"TRIGGER")) ||
           (ts.isKeywordAt(i, u"FOREIGN") && ts.isKeywordAt(i + 1, u"DATA")) ||
           (ts.isKeywordAt(i, u"ACCESS") && ts.isKeywordAt(i + 1, u"METHOD"));
}

/// The index just past the ON of a GRANT, REVOKE, COMMENT or SECURITY LABEL; -1 for others.
qsizetype afterOn(const TokenStream &ts)
{
    if (!ts.isAnyKeywordAt(0, {u"GRANT", u"REVOKE", u"COMMENT", u"SECURITY"}))
        return -1;
    for (qsizetype i = 1; i < ts.size(); ++i) {
        if (ts.isKeywordAt(i, u"ON"))
            return i + 1;
    }
    return -1;
}

/// Whether the object after ON is of a kind no schema holds (FOREIGN TABLE is a relation).
bool namesSharedKind(const TokenStream &ts, qsizetype i)
{
    if (ts.isKeywordAt(i, u"FOREIGN"))
        return !ts.isKeywordAt(i + 1, u"TABLE");
    return ts.isAnyKeywordAt(i, {u"SCHEMA", u"DATABASE", u"EXTENSION", u"PUBLICATION", u"SERVER",
                                 u"LANGUAGE", u"PROCEDURAL", u"EVENT", u"CAST", u"ACCESS", u"LARGE",
                                 u"TRANSFORM", u"SUBSCRIPTION", u"ROLE", u"TABLESPACE", u"ALL"});
}

bool hasQualifiedName(const TokenStream &ts, qsizetype from)
{
    for (qsizetype i = from; i + 2 < ts.size(); ++i) {
        if (ts.isQualifiedNameAt(i))
            return true;
    }
    return false;
}

/// The names of the list starting at `i` (`a, "B", c`), as PostgreSQL folds them.
QStringList namesFrom(const TokenStream &ts, qsizetype i)
{
    QStringList names;
    for (; ts.isNameAt(i); i += 2) {
        const QString name = sql::identifierName(ts.source(), ts.at(i));
        names.append(ts.at(i).kind == sql::TokenKind::Word ? name.toLower() : name);
        if (!ts.isSymbolAt(i + 1, u","))
            break;
    }
    return names;
}

/// ALTER DEFAULT PRIVILEGES … IN SCHEMA a, b …: the schemas named; empty for the whole database.
QStringList defaultPrivilegeSchemas(const TokenStream &ts)
{
    for (qsizetype i = 3; i + 1 < ts.size(); ++i) {
        if (ts.isKeywordAt(i, u"IN") && ts.isKeywordAt(i + 1, u"SCHEMA"))
            return namesFrom(ts, i + 2);
    }
    return {};
}

bool altersDefaultPrivileges(const TokenStream &ts)
{
    return ts.isKeywordAt(0, u"ALTER") && ts.isKeywordAt(1, u"DEFAULT") &&
           ts.isKeywordAt(2, u"PRIVILEGES");
}

bool onlyNames(const QStringList &names, const QString &schema)
{
    return !names.isEmpty() &&
           std::all_of(names.cbegin(), names.cend(), [&](const QString &n) { return n == schema; });
}

// The row versions the open transaction wrote (xmin is its 32-bit id).
constexpr QStringView kWrittenNow =
    u"x.xmin::text = (pg_catalog.txid_current() % 4294967296)::text";

/// `schema, name` of the rows of `catalog` the transaction wrote outside the current schema,
/// pg_catalog and temporary schemas; `namespaceOf` is the SQL of the row's schema oid.
QString writtenOutside(QStringView catalog, QStringView name, QStringView namespaceOf,
                       QStringView also = {})
{
    return u"SELECT n.nspname, " + name + u"::text FROM pg_catalog." + catalog +
           u" x JOIN pg_catalog.pg_namespace n ON n.oid = " + namespaceOf + u" WHERE " +
           kWrittenNow + u" AND n.nspname <> pg_catalog.current_schema() " +
           u"AND n.nspname NOT IN ('pg_catalog', 'pg_toast') " +
           u"AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE "
           u"'pg\\_toast\\_temp\\_%'" +
           also;
}

QString relationNamespace(QStringView relation)
{
    return u"(SELECT r.relnamespace FROM pg_catalog.pg_class r WHERE r.oid = x." + relation + u')';
}

QString writtenOutsideQuery()
{
    const QStringList parts{
        writtenOutside(u"pg_class", u"x.relname", u"x.relnamespace",
                       u" AND x.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'i', 'I', 'c')"),
        writtenOutside(u"pg_proc", u"x.proname", u"x.pronamespace"),
        writtenOutside(u"pg_type", u"x.typname", u"x.typnamespace"),
        writtenOutside(u"pg_collation", u"x.collname", u"x.collnamespace"),
        writtenOutside(u"pg_operator", u"x.oprname", u"x.oprnamespace"),
        writtenOutside(u"pg_opclass", u"x.opcname", u"x.opcnamespace"),
        writtenOutside(u"pg_opfamily", u"x.opfname", u"x.opfnamespace"),
        writtenOutside(u"pg_conversion", u"x.conname", u"x.connamespace"),
        writtenOutside(u"pg_ts_dict", u"x.dictname", u"x.dictnamespace"),
        writtenOutside(u"pg_ts_config", u"x.cfgname", u"x.cfgnamespace"),
        writtenOutside(u"pg_statistic_ext", u"x.stxname", u"x.stxnamespace"),
        writtenOutside(u"pg_constraint", u"x.conname", u"x.connamespace"),
        writtenOutside(u"pg_trigger", u"x.tgname", relationNamespace(u"tgrelid"),
                       u" AND NOT x.tgisinternal"),
        writtenOutside(u"pg_policy", u"x.polname", relationNamespace(u"polrelid")),
        writtenOutside(u"pg_rewrite", u"x.rulename", relationNamespace(u"ev_class")),
        // A partition or child of another schema's table: committed, the live table's new rows
        // could go to a partition that is dropped with the scratch schema.
        writtenOutside(u"pg_inherits",
                       u"(SELECT r.relname FROM pg_catalog.pg_class r WHERE r.oid = x.inhparent)",
                       relationNamespace(u"inhparent")),
    };
    return parts.join(u" UNION ALL ") + u" LIMIT 1";
}

/// The rows of `catalog` the transaction wrote, for pg_identify_object.
QString writtenShared(QStringView catalog, QStringView also = {})
{
    return queries::objectRows(catalog, QString(kWrittenNow + also));
}

/// Comments and security labels are rows of their own: the object they describe may be anywhere.
QString writtenDescriptions(QStringView catalog)
{
    return u"SELECT x.classoid, x.objoid, x.objsubid FROM pg_catalog." + catalog + u" x WHERE " +
           kWrittenNow;
}

QString sharedChangesQuery()
{
    QStringList parts{
        writtenShared(u"pg_user_mapping"),
        writtenShared(u"pg_extension"),
        writtenShared(u"pg_default_acl"),
        writtenShared(u"pg_namespace", u" AND x.nspname <> pg_catalog.current_schema()"),
        writtenShared(u"pg_database", u" AND x.datname = pg_catalog.current_database()"),
        u"SELECT 'pg_catalog.pg_largeobject'::regclass, x.oid, 0 FROM "
        u"pg_catalog.pg_largeobject_metadata x WHERE " +
            kWrittenNow,
        writtenDescriptions(u"pg_description"),
        writtenDescriptions(u"pg_seclabel"),
    };
    for (QStringView catalog : queries::kDatabaseWideCatalogs)
        parts.append(writtenShared(catalog));
    return u"SELECT o.type || ' ' || o.identity FROM (" + parts.join(u" UNION ALL ") +
           u") w(classid, objid, objsubid), LATERAL pg_catalog.pg_identify_object(w.classid, "
           u"w.objid, w.objsubid) o WHERE o.schema IS DISTINCT FROM pg_catalog.current_schema() "
           u"LIMIT 1";
}

bool runsCode(const TokenStream &ts)
{
    if (ts.isAnyKeywordAt(0, {u"DO", u"CALL", u"EXECUTE", u"SELECT", u"WITH", u"VALUES", u"TABLE",
                              u"INSERT", u"UPDATE", u"DELETE", u"MERGE", u"COPY", u"REFRESH",
                              u"EXPLAIN"})) // EXPLAIN ANALYZE runs its statement
        return true;
    if (!ts.isKeywordAt(0, u"CREATE"))
        return false;
    bool table = false;
    for (qsizetype i = 1; i < ts.size(); ++i) {
        if (i < 5 && ts.isKeywordAt(i, u"MATERIALIZED"))
            return true;
        table = table || (i < 5 && ts.isKeywordAt(i, u"TABLE"));
        if (table && (ts.isKeywordAt(i, u"SELECT") || ts.isKeywordAt(i, u"EXECUTE") ||
                      (ts.isKeywordAt(i, u"VALUES") && !ts.isKeywordAt(i - 1, u"FOR"))))
            return true; // CREATE TABLE … AS (not a partition bound, FOR VALUES)
    }
    return false;
}

bool changesShared(const TokenStream &ts)
{
    if (createsShared(ts) || altersDefaultPrivileges(ts))
        return true;
    const qsizetype target = afterOn(ts);
    return target > 0 && (namesSharedKind(ts, target) || hasQualifiedName(ts, target));
}

/// Runs `sql`: Ok when it finds no row, else the error `found` makes of the first.
template<typename Found> Status failingOnRow(Session &session, const QString &sql, Found found)
{
    Result<QSqlQuery> query = session.run(sql);
    if (!query)
        return query.error();
    return query->next() ? Status(found(*query)) : Status(Ok{});
}

} // namespace

bool runsCodeWhileLoading(const sql::Statement &statement)
{
    return runsCode(TokenStream(statement.text, lexerOptions()));
}

bool changesSharedObjects(const sql::Statement &statement)
{
    return changesShared(TokenStream(statement.text, lexerOptions()));
}

bool mustLoadUncommitted(const sql::Statement &statement)
{
    const TokenStream ts(statement.text, lexerOptions());
    return runsCode(ts) || changesShared(ts);
}

QStringList takeUncomparedStatements(QList<sql::Statement> &statements)
{
    QStringList objects;
    statements.removeIf([&](const sql::Statement &statement) {
        const QString object = uncomparedObjectOf(statement);
        if (!object.isEmpty() && !objects.contains(object))
            objects.append(object);
        return !object.isEmpty();
    });
    return objects;
}

QString uncomparedObjectOf(const sql::Statement &statement)
{
    // Called for every model statement: most name neither and need no lexing.
    if (!statement.text.contains(u"PUBLICATION", Qt::CaseInsensitive) &&
        !statement.text.contains(u"EVENT", Qt::CaseInsensitive))
        return {};
    const TokenStream ts(statement.text, lexerOptions());
    qsizetype i = 1;
    if (ts.isKeywordAt(0, u"COMMENT") || ts.isKeywordAt(0, u"SECURITY"))
        i = afterOn(ts);
    else if (!ts.isKeywordAt(0, u"CREATE") && !ts.isKeywordAt(0, u"ALTER"))
        return {};
    QString kind;
    if (ts.isKeywordAt(i, u"PUBLICATION"))
        kind = QStringLiteral("publication");
    else if (ts.isKeywordAt(i, u"EVENT") && ts.isKeywordAt(i + 1, u"TRIGGER"))
        kind = QStringLiteral("event trigger");
    const qsizetype at = i + (kind == u"event trigger" ? 2 : 1);
    if (kind.isEmpty() || !ts.isNameAt(at))
        return {};
    const QString name = namesFrom(ts, at).value(0);
    return kind + u' ' + (sql::isPlainIdentifier(name) ? name : sql::doubleQuoted(name));
}

bool setsOwnSchemaSettings(const sql::Statement &statement, const QString &schema)
{
    // Called for every model statement: most name no schema and need no lexing.
    if (!statement.text.contains(u"SCHEMA", Qt::CaseInsensitive))
        return false;
    const TokenStream ts(statement.text, lexerOptions());
    if (altersDefaultPrivileges(ts))
        return onlyNames(defaultPrivilegeSchemas(ts), schema);
    const qsizetype target = afterOn(ts);
    return target > 0 && ts.isKeywordAt(target, u"SCHEMA") &&
           onlyNames(namesFrom(ts, target + 1), schema);
}

Status checkNothingOutside(Session &session)
{
    static const QString sql = writtenOutsideQuery();
    return failingOnRow(session, sql, [&](const QSqlQuery &row) {
        return Error{Error::Code::Model,
                     u"the model creates or changes " + quoteIdentifier(row.value(0).toString()) +
                         u'.' + quoteIdentifier(row.value(1).toString()) +
                         u" outside the scratch schema it is loaded into",
                     {},
                     0,
                     {},
                     u"write the model's names without a schema: Burrow compares them with "
                     u"schema \"" +
                         schemaOf(session.url()) + u'"'};
    });
}

Status checkNothingSharedChanged(Session &session)
{
    static const QString sql = sharedChangesQuery();
    return failingOnRow(session, sql, [](const QSqlQuery &row) {
        return Error{Error::Code::Model,
                     u"the model creates or changes " + row.value(0).toString() +
                         u", which the whole database shares, in a part of the model that "
                         u"Burrow would have to commit",
                     {},
                     0,
                     {},
                     QStringLiteral("remove the statement from the model: Burrow does not "
                                    "compare such objects, and loading a model must not change "
                                    "the live database")};
    });
}

} // namespace burrow::dialect::postgres
