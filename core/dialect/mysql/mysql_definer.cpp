#include "mysql_definer.h"

#include "../../sql/token_stream.h"
#include "mysql_connection.h"
#include "mysql_lexer.h"

namespace burrow::dialect::mysql {

QString definerClause(const QString &definer)
{
    if (definer.isEmpty())
        return {};
    const qsizetype at = definer.lastIndexOf(u'@');
    if (at < 0)
        return u"DEFINER=" + quoteIdentifier(definer) + u' ';
    return u"DEFINER=" + quoteIdentifier(definer.left(at)) + u'@' +
           quoteIdentifier(definer.mid(at + 1)) + u' ';
}

QString withDefiner(const QString &createSql, const QString &definer)
{
    if (definer.isEmpty())
        return createSql;
    sql::TokenStream ts(createSql, lexerOptions());
    if (!ts.acceptKeyword(u"CREATE"))
        return createSql;
    (void)(ts.acceptKeyword(u"OR") && ts.acceptKeyword(u"REPLACE"));
    if (ts.acceptKeyword(u"ALGORITHM")) { // a view's: it comes before the definer
        (void)ts.acceptSymbol(u"=");
        ts.seek(ts.position() + 1);
    }
    if (ts.atEnd() || ts.peekKeyword(u"DEFINER"))
        return createSql;
    QString sql = createSql;
    return sql.insert(ts.peek().begin, definerClause(definer));
}

} // namespace burrow::dialect::mysql
