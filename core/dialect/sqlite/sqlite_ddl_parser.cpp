#include "sqlite_ddl_parser.h"

#include "../../sql/token_stream.h"

namespace burrow::dialect::sqlite {
namespace {

using Kind = ParsedConstraint::Kind;
using sql::TokenStream;

bool startsColumnConstraint(const TokenStream &ts, qsizetype i)
{
    static const QStringView keywords[] = {u"CONSTRAINT", u"PRIMARY",   u"NOT",     u"NULL",
                                           u"UNIQUE",     u"CHECK",     u"DEFAULT", u"COLLATE",
                                           u"REFERENCES", u"GENERATED", u"AS"};
    for (QStringView keyword : keywords) {
        if (ts.isKeywordAt(i, keyword))
            return true;
    }
    return false;
}

// The names in a parenthesized column list; each entry's first token (COLLATE/ASC dropped).
QStringList columnList(TokenStream &ts)
{
    QStringList names;
    if (!ts.isSymbolAt(ts.position(), u"("))
        return names;
    const qsizetype open = ts.position();
    for (const auto &[begin, end] : ts.parenItems(open))
        names.append(sql::identifierName(ts.source(), ts.at(begin)));
    ts.seek(ts.afterParens(open));
    return names;
}

QString parenthesizedText(TokenStream &ts)
{
    const qsizetype open = ts.position();
    const qsizetype after = ts.afterParens(open);
    ts.seek(after);
    return ts.sourceText(open + 1, after - 1);
}

// After REFERENCES: the target, its columns and the actions; only the deferral is kept here.
void readReferences(TokenStream &ts, qsizetype end, ParsedConstraint &fk)
{
    fk.referencedTable = ts.takeName();
    columnList(ts);
    while (ts.position() < end) {
        if (ts.acceptKeyword(u"ON") || ts.acceptKeyword(u"MATCH")) {
            ts.acceptKeyword(u"DELETE") || ts.acceptKeyword(u"UPDATE");
            const bool twoWords = ts.peekKeyword(u"SET") || ts.peekKeyword(u"NO");
            ts.seek(ts.position() + (twoWords ? 2 : 1));
        } else if (ts.acceptKeyword(u"NOT")) {
            ts.acceptKeyword(u"DEFERRABLE");
            fk.deferral = schema::Deferral::NotDeferrable;
        } else if (ts.acceptKeyword(u"DEFERRABLE")) {
            fk.deferral = schema::Deferral::InitiallyImmediate;
            if (ts.acceptKeyword(u"INITIALLY") && ts.acceptKeyword(u"DEFERRED"))
                fk.deferral = schema::Deferral::InitiallyDeferred;
        } else {
            return;
        }
    }
}

void skipConflictClause(TokenStream &ts)
{
    if (ts.peekKeyword(u"ON") && ts.peekKeyword(u"CONFLICT", 1))
        ts.seek(ts.position() + 3);
}

void skipDefault(TokenStream &ts)
{
    if (ts.isSymbolAt(ts.position(), u"(")) {
        ts.seek(ts.afterParens(ts.position()));
        return;
    }
    if (ts.isSymbolAt(ts.position(), u"-") || ts.isSymbolAt(ts.position(), u"+"))
        ts.seek(ts.position() + 1);
    ts.seek(ts.position() + 1);
}

/// Reads one column constraint at the stream's position, updating the column and table.
void readColumnConstraint(TokenStream &ts, qsizetype end, ParsedColumn &column, ParsedTable &table,
                          QString &pendingName)
{
    auto record = [&](Kind kind) -> ParsedConstraint & {
        table.constraints.append({kind, std::exchange(pendingName, {}), {column.name}, {}, {}, {}});
        return table.constraints.last();
    };
    if (ts.acceptKeyword(u"CONSTRAINT")) {
        pendingName = ts.takeName();
    } else if (ts.acceptKeyword(u"PRIMARY")) {
        ts.acceptKeyword(u"KEY");
        ts.acceptKeyword(u"ASC") || ts.acceptKeyword(u"DESC");
        skipConflictClause(ts);
        column.autoIncrement = ts.acceptKeyword(u"AUTOINCREMENT");
        record(Kind::PrimaryKey);
    } else if (ts.acceptKeyword(u"UNIQUE")) {
        skipConflictClause(ts);
        record(Kind::Unique);
    } else if (ts.acceptKeyword(u"CHECK")) {
        record(Kind::Check).checkExpression = parenthesizedText(ts);
    } else if (ts.acceptKeyword(u"DEFAULT")) {
        skipDefault(ts);
    } else if (ts.acceptKeyword(u"COLLATE")) {
        column.collation = ts.takeName();
    } else if (ts.acceptKeyword(u"REFERENCES")) {
        readReferences(ts, end, record(Kind::ForeignKey));
    } else if (ts.acceptKeyword(u"GENERATED") || ts.peekKeyword(u"AS")) {
        ts.acceptKeyword(u"ALWAYS");
        ts.acceptKeyword(u"AS");
        column.generatedExpression = parenthesizedText(ts);
    } else {
        ts.seek(ts.position() + 1); // NOT NULL, NULL, STORED, VIRTUAL, ON CONFLICT …
    }
}

void readColumn(TokenStream &ts, qsizetype end, ParsedTable &table)
{
    ParsedColumn column;
    column.name = ts.takeName();
    while (ts.position() < end && !startsColumnConstraint(ts, ts.position())) {
        const bool paren = ts.isSymbolAt(ts.position(), u"(");
        ts.seek(paren ? ts.afterParens(ts.position()) : ts.position() + 1); // the declared type
    }
    QString pendingName;
    while (ts.position() < end)
        readColumnConstraint(ts, end, column, table, pendingName);
    table.columns.append(column);
}

void readTableConstraint(TokenStream &ts, qsizetype end, ParsedTable &table)
{
    ParsedConstraint constraint;
    if (ts.acceptKeyword(u"CONSTRAINT"))
        constraint.name = ts.takeName();
    if (ts.acceptKeyword(u"PRIMARY") && ts.acceptKeyword(u"KEY")) {
        constraint.kind = Kind::PrimaryKey;
        constraint.columns = columnList(ts);
    } else if (ts.acceptKeyword(u"UNIQUE")) {
        constraint.kind = Kind::Unique;
        constraint.columns = columnList(ts);
    } else if (ts.acceptKeyword(u"CHECK")) {
        constraint.kind = Kind::Check;
        constraint.checkExpression = parenthesizedText(ts);
    } else if (ts.acceptKeyword(u"FOREIGN") && ts.acceptKeyword(u"KEY")) {
        constraint.kind = Kind::ForeignKey;
        constraint.columns = columnList(ts);
        if (ts.acceptKeyword(u"REFERENCES"))
            readReferences(ts, end, constraint);
    } else {
        return;
    }
    table.constraints.append(constraint);
}

bool startsTableConstraint(const TokenStream &ts, qsizetype i)
{
    return ts.isKeywordAt(i, u"CONSTRAINT") || ts.isKeywordAt(i, u"PRIMARY") ||
           ts.isKeywordAt(i, u"UNIQUE") || ts.isKeywordAt(i, u"CHECK") ||
           ts.isKeywordAt(i, u"FOREIGN");
}

qsizetype firstSymbol(const TokenStream &ts, QStringView symbol, qsizetype from = 0)
{
    for (qsizetype i = from; i < ts.size(); ++i) {
        if (ts.isSymbolAt(i, symbol))
            return i;
    }
    return ts.size();
}

} // namespace

ParsedTable parseCreateTable(QStringView sql, const sql::LexerOptions &options)
{
    TokenStream ts(sql, options);
    ParsedTable table;
    const qsizetype open = firstSymbol(ts, u"(");
    for (const auto &[begin, end] : ts.parenItems(open)) {
        ts.seek(begin);
        if (startsTableConstraint(ts, begin))
            readTableConstraint(ts, end, table);
        else
            readColumn(ts, end, table);
    }
    return table;
}

ParsedIndex parseCreateIndex(QStringView sql, const sql::LexerOptions &options)
{
    TokenStream ts(sql, options);
    ParsedIndex index;
    qsizetype on = 0;
    while (on < ts.size() && !ts.isKeywordAt(on, u"ON"))
        ++on;
    const qsizetype open = firstSymbol(ts, u"(", on);
    for (auto [begin, end] : ts.parenItems(open)) {
        if (ts.isKeywordAt(end - 1, u"ASC") || ts.isKeywordAt(end - 1, u"DESC"))
            --end;
        if (end - begin > 2 && ts.isKeywordAt(end - 2, u"COLLATE"))
            end -= 2;
        index.partExpressions.append(ts.sourceText(begin, end));
    }
    const qsizetype after = ts.afterParens(open);
    if (ts.isKeywordAt(after, u"WHERE"))
        index.where = ts.sourceText(after + 1, ts.size());
    return index;
}

} // namespace burrow::dialect::sqlite
