#include "postgres_catalog.h"

#include "postgres_catalog_codes_p.h"
#include "postgres_catalog_queries_p.h"
#include "postgres_expressions.h"
#include "postgres_model_text.h"
#include "postgres_names.h"
#include "postgres_numbering.h"
#include "postgres_object_sql.h"
#include "postgres_table_options.h"

#include <QHash>
#include <QJsonArray>

namespace burrow::dialect::postgres {
namespace {

using namespace schema;
using namespace catalog;

/// Builds the schema row by row; tables are found by oid, trigger owners by name.
class CatalogBuilder {
public:
    Status read(Session &session)
    {
        using Reader = void (CatalogBuilder::*)(const QSqlQuery &);
        const std::pair<const QString *, Reader> steps[] = {
            {&queries::tables(), &CatalogBuilder::readTable},
            {&queries::columns(), &CatalogBuilder::readColumn},
            {&queries::constraints(), &CatalogBuilder::readConstraint},
            {&queries::views(), &CatalogBuilder::readView}, // before indexes: matviews have some
            {&queries::indexes(), &CatalogBuilder::readIndex},
            {&queries::triggers(), &CatalogBuilder::readTrigger},
            {&queries::types(), &CatalogBuilder::readType},
            {&queries::sequences(), &CatalogBuilder::readSequence},
            {&queries::functions(), &CatalogBuilder::readFunction},
            {&queries::policies(), &CatalogBuilder::readPolicy},
            {&queries::collations(), &CatalogBuilder::readCollation},
            {&queries::textSearch(), &CatalogBuilder::readTextSearch},
            {&queries::uncompared(), &CatalogBuilder::readUncompared},
        };
        for (const auto &[sql, reader] : steps) {
            Result<QSqlQuery> query = session.run(*sql);
            if (!query)
                return query.error();
            while (query->next())
                (this->*reader)(*query);
        }
        return Ok{};
    }

    Schema finish()
    {
        for (auto &[owner, trigger] : m_triggers) {
            if (const auto t = m_tableByName.constFind(owner); t != m_tableByName.cend())
                m_schema.tables[*t].triggers.append(std::move(trigger));
            else if (const auto v = m_viewByName.constFind(owner); v != m_viewByName.cend())
                m_schema.views[*v].triggers.append(std::move(trigger));
        }
        return std::move(m_schema);
    }

private:
    Table *table(const QSqlQuery &row)
    {
        const auto it = m_tableByOid.constFind(row.value(0).toLongLong());
        return it == m_tableByOid.cend() ? nullptr : &m_schema.tables[*it];
    }

    static void readReplicaIdentity(Table &t, const QString &kind, const QString &index)
    {
        if (kind == u"f")
            t.replicaIdentity = QStringLiteral("FULL");
        else if (kind == u"n" || (kind == u"i" && index.isEmpty())) // its index dropped: none
            t.replicaIdentity = QStringLiteral("NOTHING");
        else if (kind == u"i") {
            t.replicaIdentity = QStringLiteral("USING INDEX");
            t.replicaIdentityIndex = index;
        }
    }

    void readTable(const QSqlQuery &row)
    {
        Table t;
        t.name = nameIn(row, 1, 6);
        t.comment = row.value(2).toString();
        t.rowSecurity = row.value(3).toBool();
        t.forceRowSecurity = row.value(4).toBool();
        if (const QString key = row.value(5).toString(); !key.isEmpty())
            t.partitioning = u"PARTITION BY " + key; // `RANGE (created_at)`
        if (!row.value(7).isNull())
            t.partitionOf = nameIn(row, 7, 9);
        t.partitionBound = row.value(8).toString();
        t.options = tableOptions(row.value(10).toBool(), row.value(11).toString());
        for (const QJsonValue &parent : jsonArray(row.value(12))) {
            const QJsonArray pair = parent.toArray();
            t.inherits.append(qualifiedName(pair.at(0).toString(), pair.at(1).toString()));
        }
        readReplicaIdentity(t, row.value(13).toString(), row.value(14).toString());
        t.clusterIndex = row.value(15).toString();
        m_tableByOid.insert(row.value(0).toLongLong(), m_schema.tables.size());
        m_tableByName.insert(t.name, m_schema.tables.size());
        m_schema.tables.append(std::move(t));
    }

    void readColumn(const QSqlQuery &row);
    void readConstraint(const QSqlQuery &row);
    void readIndex(const QSqlQuery &row);
    /// The table or materialized view whose oid is the row's first value; null when neither.
    QList<Index> *indexOwner(const QSqlQuery &row);
    void readView(const QSqlQuery &row);
    void readType(const QSqlQuery &row);
    void readSequence(const QSqlQuery &row);
    void readFunction(const QSqlQuery &row);
    void readPolicy(const QSqlQuery &row);
    void readCollation(const QSqlQuery &row)
    {
        m_schema.collations.append(Collation{
            nameIn(row, 0, 6),
            row.value(1).toString() == u"i" ? QStringLiteral("icu") : QStringLiteral("libc"),
            row.value(2).toString(), row.value(3).toString(), row.value(4).toBool(),
            row.value(5).toString()});
    }

    void readUncompared(const QSqlQuery &row)
    {
        m_schema.uncompared.append(row.value(0).toString());
    }

    void readTextSearch(const QSqlQuery &row)
    {
        TextSearch object{nameIn(row, 1, 2), row.value(3).toString(), names(row.value(4)),
                          row.value(5).toString()};
        (row.value(0).toBool() ? m_schema.textSearchDictionaries
                               : m_schema.textSearchConfigurations)
            .append(std::move(object));
    }

    void readTrigger(const QSqlQuery &row)
    {
        QString definition = row.value(2).toString();
        if (definition.endsWith(u';')) // a rule's
            definition.chop(1);
        const TriggerKind kind = triggerKind(row.value(6).toString());
        const QString firing =
            kind == TriggerKind::Statistics ? row.value(5).toString() : triggerFiring(row.value(5));
        m_triggers.append(
            {nameIn(row, 0, 4), Trigger{row.value(1).toString(), serverExpression(definition),
                                        row.value(3).toString(), firing, kind}});
    }

    Schema m_schema;
    QHash<qint64, qsizetype> m_tableByOid;
    QHash<QString, qsizetype> m_tableByName;
    QHash<QString, qsizetype> m_viewByName;
    QHash<qint64, qsizetype> m_viewByOid;
    QList<std::pair<QString, Trigger>> m_triggers; // (owner, trigger), attached at the end
};

void CatalogBuilder::readColumn(const QSqlQuery &row)
{
    Table *t = table(row);
    if (!t)
        return;
    Column column;
    column.name = row.value(1).toString();
    column.type = column.typeKey = row.value(2).toString();
    column.notNull = row.value(3).toBool();
    const QString expression = row.value(4).toString();
    const bool identity = !row.value(5).toString().trimmed().isEmpty();
    const bool serial = row.value(8).toBool() && expression.startsWith(u"nextval(");
    column.collation = row.value(7).toString();
    column.comment = row.value(9).toString();
    column.options = row.value(11).toString();
    if (row.value(6).toString() == u"s") {
        column.generated = Generated::Stored;
        column.generatedExpression = serverExpression(expression);
    } else if (identity || serial) {
        // serial and identity both number rows by themselves: one notion, AUTOINCREMENT,
        // told apart by how.
        column.autoIncrement = true;
        column.numbering = identity ? identityNumbering(row.value(5).toString(), row.value(10))
                                    : serialNumbering();
    } else if (!row.value(4).isNull()) {
        column.defaultValue = serverExpression(expression);
    }
    t->columns.append(std::move(column));
}

void CatalogBuilder::readConstraint(const QSqlQuery &row)
{
    Table *t = table(row);
    if (!t)
        return;
    const QString name = row.value(1).toString();
    const QString type = row.value(2).toString();
    const QStringList columns = names(row.value(3));
    const QString comment = row.value(11).toString();
    const bool notValid = row.value(12).toBool(); // left NOT VALID (a failed validation, say)
    const Deferral deferred = deferral(row.value(8).toBool(), row.value(9).toBool());
    if (type == u"p") {
        t->primaryKey = PrimaryKey{name, columns, comment, deferred};
        for (Column &column : t->columns)
            column.primaryKeyPosition = int(columns.indexOf(column.name)) + 1;
    } else if (type == u"u") {
        t->uniques.append(
            UniqueConstraint{name, columns, comment, deferred, row.value(16).toBool()});
    } else if (type == u"c") {
        CheckConstraint check{name, serverExpression(row.value(10).toString()), comment};
        check.notValid = notValid;
        check.noInherit = row.value(14).toBool();
        t->checks.append(check);
    } else if (type == u"f") {
        ForeignKey fk{name,
                      columns,
                      nameIn(row, 4, 18),
                      names(row.value(5)),
                      referentialAction(row.value(6).toString()),
                      referentialAction(row.value(7).toString()),
                      deferred,
                      comment,
                      notValid};
        fk.matchFull = row.value(15).toBool();
        fk.onDeleteColumns = names(row.value(19));
        t->foreignKeys.append(fk);
    } else if (type == u"x") {
        // The scratch schema a model is loaded into must not show in what is compared.
        const QString definition =
            withoutSchemaQualifier(row.value(13).toString(), row.value(17).toString());
        t->exclusions.append(ExclusionConstraint{name, serverExpression(definition), comment});
    }
}

QList<Index> *CatalogBuilder::indexOwner(const QSqlQuery &row)
{
    if (Table *t = table(row))
        return &t->indexes;
    const auto view = m_viewByOid.constFind(row.value(0).toLongLong());
    return view == m_viewByOid.cend() ? nullptr : &m_schema.views[*view].indexes;
}

void CatalogBuilder::readIndex(const QSqlQuery &row)
{
    QList<Index> *indexes = indexOwner(row);
    if (!indexes)
        return;
    Index index;
    index.name = row.value(1).toString();
    index.unique = row.value(2).toBool();
    index.sql = row.value(3).toString();
    if (!row.value(4).isNull())
        index.where = serverExpression(row.value(4).toString());
    for (const QJsonValue &value : jsonArray(row.value(5))) {
        const QJsonArray part = value.toArray();
        IndexPart p;
        p.column = part.at(0).toString();
        if (p.column.isEmpty())
            p.expression = serverExpression(part.at(1).toString());
        p.order = part.at(2).toBool() ? SortOrder::Descending : SortOrder::Ascending;
        p.nullsOtherEnd = part.at(5).toBool() != part.at(2).toBool(); // DESC puts them first
        p.collation = part.at(3).toString();
        p.opclass = part.at(4).toString();
        index.parts.append(p);
    }
    index.comment = row.value(6).toString();
    index.nullsNotDistinct = row.value(7).toBool();
    index.options =
        indexOptions(row.value(8).toString(), row.value(9).toString(), row.value(10).toString());
    index.invalid = row.value(11).toBool();
    indexes->append(std::move(index));
}

void CatalogBuilder::readView(const QSqlQuery &row)
{
    View view;
    view.name = nameIn(row, 0, 5);
    QString body = row.value(1).toString().trimmed();
    if (body.endsWith(u';'))
        body.chop(1);
    const QString options = row.value(2).toString();
    const bool materialized = row.value(3).toString() == u"m";
    view.definition = serverExpression(
        (materialized ? u"CREATE MATERIALIZED VIEW " : u"CREATE VIEW ") +
        quoteIdentifier(view.name) + (options.isEmpty() ? QString() : u" WITH (" + options + u')') +
        u" AS\n" + body);
    view.comment = row.value(4).toString();
    if (const QString owner = row.value(9).toString(); !owner.isEmpty())
        view.grants.append((materialized ? QStringLiteral("ALTER MATERIALIZED VIEW ")
                                         : QStringLiteral("ALTER VIEW ")) +
                           quoteIdentifier(view.name) + u" OWNER TO " + owner);
    for (const QJsonValue &value : jsonArray(row.value(7))) {
        const QJsonArray grant = value.toArray();
        view.grants.append(u"GRANT " + grant.at(0).toString() + u" ON " +
                           quoteIdentifier(view.name) + u" TO " + grant.at(1).toString() +
                           (grant.at(2).toBool() ? u" WITH GRANT OPTION" : u""));
    }
    for (const QJsonValue &value : jsonArray(row.value(8))) {
        const QJsonArray comment = value.toArray();
        view.columnComments.append({comment.at(0).toString(), comment.at(1).toString()});
    }
    m_viewByName.insert(view.name, m_schema.views.size());
    m_viewByOid.insert(row.value(6).toLongLong(), m_schema.views.size());
    m_schema.views.append(std::move(view));
}

void CatalogBuilder::readType(const QSqlQuery &row)
{
    if (row.value(1).toString() == u"e") {
        m_schema.enums.append(
            EnumType{nameIn(row, 0, 9), names(row.value(2)), row.value(8).toString()});
        return;
    }
    if (row.value(1).toString() == u"r") {
        m_schema.ranges.append(
            RangeType{nameIn(row, 0, 9), row.value(11).toString(), row.value(8).toString()});
        return;
    }
    if (row.value(1).toString() == u"c") {
        CompositeType type{nameIn(row, 0, 9), {}, row.value(8).toString()};
        for (const QJsonValue &value : jsonArray(row.value(10))) {
            const QJsonArray attribute = value.toArray();
            type.attributes.append(TypeAttribute{attribute.at(0).toString(),
                                                 attribute.at(1).toString(),
                                                 attribute.at(2).toString()});
        }
        m_schema.composites.append(std::move(type));
        return;
    }
    Domain domain;
    domain.name = nameIn(row, 0, 9);
    domain.type = row.value(3).toString();
    domain.notNull = row.value(4).toBool();
    if (!row.value(5).isNull())
        domain.defaultValue = serverExpression(row.value(5).toString());
    domain.collation = row.value(6).toString();
    for (const QJsonValue &value : jsonArray(row.value(7))) {
        const QJsonArray check = value.toArray();
        domain.checks.append(
            CheckConstraint{check.at(0).toString(), serverExpression(check.at(1).toString())});
    }
    domain.comment = row.value(8).toString();
    m_schema.domains.append(std::move(domain));
}

void CatalogBuilder::readSequence(const QSqlQuery &row)
{
    Sequence s;
    s.name = nameIn(row, 0, 10);
    s.type = row.value(1).toString();
    s.start = row.value(2).toLongLong();
    s.increment = row.value(3).toLongLong();
    s.minValue = row.value(4).toLongLong();
    s.maxValue = row.value(5).toLongLong();
    s.cache = row.value(6).toLongLong();
    s.cycle = row.value(7).toBool();
    s.ownedByTable = row.value(8).isNull() ? QString() : nameIn(row, 8, 11);
    s.ownedByColumn = row.value(9).toString();
    s.comment = row.value(12).toString();
    s.unlogged = row.value(13).toBool();
    m_schema.sequences.append(std::move(s));
}

void CatalogBuilder::readFunction(const QSqlQuery &row)
{
    Function f;
    f.name = nameIn(row, 0, 10);
    f.routineName = nameIn(row, 1, 10);
    f.argumentTypes = row.value(2).toString();
    f.procedure = row.value(3).toBool();
    f.arguments = row.value(4).toString();
    f.result = row.value(5).toString();
    // Another managed schema's function keeps its schema in its definition.
    const QString definition = row.value(6).toString();
    f.definition = serverExpression((row.value(10).isNull()
                                         ? withoutOwnSchema(definition, row.value(7).toString())
                                         : definition)
                                        .trimmed());
    f.body = row.value(8).toString();
    f.comment = row.value(9).toString();
    f.aggregate = row.value(11).toBool();
    if (const QString owner = row.value(13).toString(); !owner.isEmpty())
        f.grants.append(u"ALTER " + routineSql(f) + u" OWNER TO " + owner);
    if (!row.value(12).isNull()) { // privileges of its own: PUBLIC's default EXECUTE included
        const QString routine = routineSql(f);
        f.grants.append(u"REVOKE ALL ON " + routine + u" FROM PUBLIC");
        for (const QString &grantee : names(row.value(12)))
            f.grants.append(u"GRANT EXECUTE ON " + routine + u" TO " + grantee);
    }
    m_schema.functions.append(std::move(f));
}

void CatalogBuilder::readPolicy(const QSqlQuery &row)
{
    Table *t = table(row);
    if (!t)
        return;
    Policy p;
    p.name = row.value(1).toString();
    p.permissive = row.value(2).toBool();
    p.command = policyCommand(row.value(3).toString());
    p.roles = names(row.value(4));
    p.roles.sort(); // the engine keeps them in the order written: not a difference
    if (!row.value(5).isNull())
        p.usingExpression = serverExpression(row.value(5).toString());
    if (!row.value(6).isNull())
        p.withCheck = serverExpression(row.value(6).toString());
    p.comment = row.value(7).toString();
    t->policies.append(std::move(p));
}

/// Names the other schemas to the catalog queries (their setting burrow.schemas) and lists
/// those that exist.
Result<QList<Namespace>> enterOtherSchemas(Session &session, const QStringList &otherSchemas)
{
    const QString names = otherSchemas.join(kSchemaSeparator);
    if (Result<QSqlQuery> set = session.run(u"SELECT pg_catalog.set_config('burrow.schemas', " +
                                            quoteLiteral(names) + u", false)");
        !set)
        return set.error();
    Result<QSqlQuery> existing = session.run(QStringLiteral(
        "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY "
        "(pg_catalog.string_to_array(pg_catalog.current_setting('burrow.schemas'), "
        "pg_catalog.chr(31))) AND nspname <> pg_catalog.current_schema() ORDER BY nspname"));
    if (!existing)
        return existing.error();
    QList<Namespace> namespaces;
    while (existing->next())
        namespaces.append(Namespace{existing->value(0).toString()});
    return namespaces;
}

} // namespace

Result<Schema> readCatalog(Session &session, const QStringList &otherSchemas)
{
    QList<Namespace> namespaces;
    if (!otherSchemas.isEmpty()) {
        Result<QList<Namespace>> entered = enterOtherSchemas(session, otherSchemas);
        if (!entered)
            return entered.error();
        namespaces = *entered;
    }
    CatalogBuilder builder;
    if (Status status = builder.read(session); !status)
        return status.error();
    Schema schema = builder.finish();
    schema.namespaces = namespaces;
    return schema;
}

} // namespace burrow::dialect::postgres
