#include "mysql_sequences.h"

#include "mysql_connection.h"

namespace burrow::dialect::mysql {

using schema::Sequence;

namespace {

QString settings(const Sequence &s)
{
    return u" START WITH " + QString::number(s.start) + u" MINVALUE " +
           QString::number(s.minValue) + u" MAXVALUE " + QString::number(s.maxValue) +
           u" INCREMENT BY " + QString::number(s.increment) + u" CACHE " +
           QString::number(s.cache) + (s.cycle ? u" CYCLE" : u" NOCYCLE");
}

} // namespace

QString sequenceSettingsQuery(const QString &database, const QStringList &names)
{
    QStringList selects;
    for (qsizetype i = 0; i < names.size(); ++i)
        selects += u"SELECT " + QString::number(i) +
                   u", start_value, minimum_value, maximum_value, increment, cache_size, "
                   u"cycle_option FROM " +
                   quoteIdentifier(database) + u'.' + quoteIdentifier(names[i]);
    return selects.join(u" UNION ALL ");
}

Sequence sequenceFromRow(const QSqlQuery &row, const QStringList &names)
{
    Sequence s;
    s.name = names.value(row.value(0).toInt());
    s.type = QStringLiteral("bigint"); // MariaDB 10.11's only kind (AS comes in 11.5)
    s.start = row.value(1).toLongLong();
    s.minValue = row.value(2).toLongLong();
    s.maxValue = row.value(3).toLongLong();
    s.increment = row.value(4).toLongLong();
    s.cache = row.value(5).toLongLong();
    s.cycle = row.value(6).toInt() != 0;
    return s;
}

QString createSequenceSql(const Sequence &sequence)
{
    return u"CREATE SEQUENCE " + quoteIdentifier(sequence.name) + settings(sequence);
}

QString dropSequenceSql(const Sequence &sequence)
{
    return u"DROP SEQUENCE " + quoteIdentifier(sequence.name);
}

QStringList alterSequenceSql(const Sequence &live, const Sequence &target)
{
    if (settings(live) == settings(target))
        return {};
    return {u"ALTER SEQUENCE " + quoteIdentifier(target.name) + settings(target)};
}

Status drawFromOwnSequences(const DatabaseUrl &copy, const QString &origin)
{
    Result<std::unique_ptr<ScopedConnection>> connection = openServer(copy, copy.database);
    if (!connection)
        return connection.error();
    const QSqlDatabase &db = (*connection)->database();
    Result<QSqlQuery> rows =
        runBound(db,
                 QStringLiteral("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT FROM "
                                "information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                                "AND COLUMN_DEFAULT LIKE '%nextval(%'"),
                 {copy.database});
    if (!rows)
        return rows.error();
    const QString live = quoteIdentifier(origin) + u'.';
    QStringList statements;
    while (rows->next()) {
        QString expression = rows->value(2).toString();
        if (expression.startsWith(u'\'') || !expression.contains(live))
            continue; // a string literal, or another database's sequence
        expression.replace(live, quoteIdentifier(copy.database) + u'.');
        statements += u"ALTER TABLE " + quoteIdentifier(rows->value(0).toString()) +
                      u" ALTER COLUMN " + quoteIdentifier(rows->value(1).toString()) +
                      u" SET DEFAULT (" + expression + u')';
    }
    for (const QString &statement : statements) {
        if (Result<QSqlQuery> done = runQuery(db, statement); !done)
            return done.error();
    }
    return Ok{};
}

} // namespace burrow::dialect::mysql
