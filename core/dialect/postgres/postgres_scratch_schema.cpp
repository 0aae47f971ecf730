#include "postgres_scratch_schema.h"

#include "postgres_names.h"
#include "postgres_session.h"

#include <QRandomGenerator>

namespace burrow::dialect::postgres {
namespace {

// Tables dropped per transaction: until it ends, each holds a lock on itself, its indexes, its
// TOAST table and sequences, and on the tables whose foreign keys point at it.
constexpr int kTablesPerDrop = 100;

QString nameOf(qint64 key)
{
    return u"burrow_model_" + QStringLiteral("%1").arg(quint64(key), 16, 16, QLatin1Char('0'));
}

/// The next `count` of the schema's tables as one comma-separated list of qualified names, or
/// empty when none is left.
Result<QString> nextTables(Session &session, const QString &schema, int count)
{
    Result<QSqlQuery> tables = session.run(
        u"SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', " + quoteLiteral(schema) +
        u", c.relname), ', ') FROM (SELECT relname FROM pg_catalog.pg_class WHERE relnamespace "
        u"= (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = " +
        quoteLiteral(schema) + u") AND relkind IN ('r', 'p') LIMIT " + QString::number(count) +
        u") c");
    if (!tables)
        return tables.error();
    return tables->next() ? tables->value(0).toString() : QString();
}

Status dropNamed(Session &session, const QString &schema)
{
    for (int count = kTablesPerDrop;;) {
        Result<QString> tables = nextTables(session, schema, count);
        if (!tables)
            return tables.error();
        if (tables->isEmpty())
            break;
        Result<QSqlQuery> dropped = session.run(u"DROP TABLE " + *tables + u" CASCADE");
        if (dropped)
            continue;
        // The lock table is shared: when other sessions fill it, fewer tables at a time.
        if (dropped.error().engineCode != u"53200" || count == 1)
            break; // a table that cannot go alone (an extension's) goes with the schema below
        count /= 2;
    }
    Result<QSqlQuery> dropped =
        session.run(u"DROP SCHEMA IF EXISTS " + quoteIdentifier(schema) + u" CASCADE");
    if (!dropped)
        return Error{Error::Code::Sql,
                     u"could not remove the scratch schema " + quoteIdentifier(schema) +
                         u" the model was loaded into: " + dropped.error().message,
                     {},
                     0,
                     {},
                     u"drop it by hand (DROP SCHEMA " + quoteIdentifier(schema) +
                         u" CASCADE), or leave it: the next model load on this database "
                         u"removes it",
                     dropped.error().engineCode};
    return Ok{};
}

/// Removes the scratch schemas whose loaders died: their lock is free. Best effort: a schema
/// this user may not drop stays for its owner's next load.
void dropAbandoned(Session &session)
{
    Result<QStringList> abandoned = session.column(QStringLiteral(
        "SELECT nspname FROM pg_catalog.pg_namespace "
        "WHERE nspname ~ '^burrow_model_[0-9a-f]{16}$' AND pg_catalog.pg_try_advisory_lock("
        "CASE WHEN nspname ~ '^burrow_model_[0-9a-f]{16}$' "
        "THEN ('x' || pg_catalog.substr(nspname, 14))::bit(64)::bigint END)"));
    if (!abandoned)
        return;
    for (const QString &name : *abandoned) {
        (void)dropNamed(session, name);
        (void)session.run(u"SELECT pg_catalog.pg_advisory_unlock(('x' || pg_catalog.substr(" +
                          quoteLiteral(name) + u", 14))::bit(64)::bigint)");
    }
}

} // namespace

ScratchSchema::ScratchSchema(QString name)
    : m_name(std::move(name))
{
}

Result<ScratchSchema> ScratchSchema::claim(Session &session)
{
    dropAbandoned(session);
    const auto key = qint64(QRandomGenerator::system()->generate64() >> 1);
    if (Result<QSqlQuery> locked =
            session.run(u"SELECT pg_catalog.pg_advisory_lock(" + QString::number(key) + u')');
        !locked)
        return locked.error();
    return ScratchSchema(nameOf(key));
}

Status ScratchSchema::drop(Session &session) const
{
    return dropNamed(session, m_name);
}

} // namespace burrow::dialect::postgres
