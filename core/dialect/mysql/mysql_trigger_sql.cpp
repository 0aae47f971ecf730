#include "mysql_trigger_sql.h"

#include "../../sql/token_stream.h"
#include "mysql_connection.h"
#include "mysql_lexer.h"

namespace burrow::dialect::mysql {
namespace {

/// The token index just past `FOR EACH ROW`; -1 when there is none.
qsizetype afterForEachRow(const sql::TokenStream &ts)
{
    for (qsizetype i = 0; i + 2 < ts.size(); ++i) {
        if (ts.isKeywordAt(i, u"FOR") && ts.isKeywordAt(i + 1, u"EACH") &&
            ts.isKeywordAt(i + 2, u"ROW"))
            return i + 3;
    }
    return -1;
}

QString placementClause(const plan::TriggerPlacement &placement)
{
    if (!placement.follows.isEmpty())
        return u"FOLLOWS " + quoteIdentifier(placement.follows) + u' ';
    if (!placement.precedes.isEmpty())
        return u"PRECEDES " + quoteIdentifier(placement.precedes) + u' ';
    return {};
}

} // namespace

QString placedTriggerSql(const QString &createSql, const plan::TriggerPlacement &placement)
{
    const sql::TokenStream ts(createSql, lexerOptions());
    const qsizetype body = afterForEachRow(ts);
    if (body < 0 || body >= ts.size())
        return createSql;
    QString sql = createSql;
    qsizetype at = ts.at(body).begin;
    if (ts.isAnyKeywordAt(body, {u"FOLLOWS", u"PRECEDES"}) && body + 2 < ts.size())
        sql.remove(at, ts.at(body + 2).begin - at);
    return sql.insert(at, placementClause(placement));
}

std::optional<QString> createOrReplaceSql(const QString &createSql)
{
    const sql::TokenStream ts(createSql, lexerOptions());
    if (!ts.isKeywordAt(0, u"CREATE") || ts.isKeywordAt(1, u"OR"))
        return std::nullopt;
    // The clauses before the object's keyword (ALGORITHM=…, DEFINER=…, SQL SECURITY …) hold
    // neither word as a bare keyword.
    qsizetype kind = 1;
    while (kind < ts.size() && !ts.isAnyKeywordAt(kind, {u"VIEW", u"TRIGGER"}))
        ++kind;
    if (kind >= ts.size() || ts.isKeywordAt(kind + 1, u"IF"))
        return std::nullopt;
    QString sql = createSql;
    return sql.insert(ts.at(0).begin + ts.at(0).length, QStringLiteral(" OR REPLACE"));
}

QString triggerSqlWithoutDefiner(const QString &createSql)
{
    const sql::TokenStream ts(createSql, lexerOptions());
    if (!ts.isKeywordAt(0, u"CREATE"))
        return {};
    // A definer's user and host are quoted (or plain names), never the bare keyword.
    for (qsizetype i = 1; i < ts.size(); ++i) {
        if (ts.isKeywordAt(i, u"TRIGGER"))
            return u"CREATE " + createSql.sliced(ts.at(i).begin);
    }
    return {};
}

} // namespace burrow::dialect::mysql
