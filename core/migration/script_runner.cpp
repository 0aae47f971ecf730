#include "script_runner.h"

#include "../dialect/connection.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QVariant>

namespace burrow::migration {
namespace {

using sql::Statement;
using sql::Token;
using sql::TokenKind;

constexpr int kShownOrphans = 10;

bool isSymbol(QStringView text, const Token &token, QStringView symbol)
{
    return token.kind == TokenKind::Symbol && token.text(text) == symbol;
}

bool isName(const Token &token)
{
    return token.kind == TokenKind::Word || token.kind == TokenKind::QuotedIdentifier ||
           token.kind == TokenKind::String;
}

// `PRAGMA [schema.]foreign_key_check [(table)]`, any case, any quoting of the names.
bool isForeignKeyCheck(QStringView text)
{
    const QList<Token> t = sql::significantTokens(text, {});
    if (t.isEmpty() || !sql::isKeyword(text, t[0], u"PRAGMA"))
        return false;
    qsizetype i = 1;
    if (t.size() > i + 2 && isName(t[i]) && isSymbol(text, t[i + 1], u"."))
        i += 2;
    if (t.size() <= i || !sql::isKeyword(text, t[i], u"foreign_key_check"))
        return false;
    ++i;
    if (t.size() == i)
        return true;
    return t.size() == i + 3 && isSymbol(text, t[i], u"(") && isName(t[i + 1]) &&
           isSymbol(text, t[i + 2], u")");
}

bool isDmlVerb(QStringView text, const Token &token)
{
    for (QStringView verb : {u"INSERT", u"UPDATE", u"DELETE", u"REPLACE", u"MERGE"}) {
        if (sql::isKeyword(text, token, verb))
            return true;
    }
    return false;
}

// SQLite reports the last DML's count after DDL too, so only a statement whose main verb is DML
// (after any WITH clause) has a row count worth showing.
bool isDml(QStringView text)
{
    int depth = 0;
    bool withClause = false;
    for (const Token &token : sql::significantTokens(text, {})) {
        if (isSymbol(text, token, u"("))
            ++depth;
        else if (isSymbol(text, token, u")"))
            --depth;
        if (depth > 0 || token.kind != TokenKind::Word)
            continue;
        if (!withClause && sql::isKeyword(text, token, u"WITH")) {
            withClause = true;
            continue;
        }
        // The first word decides; after WITH, the first top-level verb (CTE names are skipped).
        const bool verb = isDmlVerb(text, token) || sql::isKeyword(text, token, u"SELECT") ||
                          sql::isKeyword(text, token, u"VALUES");
        if (!withClause || verb)
            return isDmlVerb(text, token);
    }
    return false;
}

Error statementError(Error error, const Statement &statement)
{
    error.statement = statement.text;
    error.file = statement.file;
    // The engine may point at a line of a statement that spans several.
    error.line = error.code == Error::Code::Sql
                     ? dialect::lineOfEngineError(statement.line, error.message)
                     : statement.line;
    return error;
}

QString orphanText(const QSqlQuery &query)
{
    const QVariant rowid = query.value(1);
    const QString row = rowid.isNull() ? QStringLiteral("a row") : u"row " + rowid.toString();
    return row + u" of " + query.value(0).toString() + u" references missing " +
           query.value(2).toString();
}

// foreign_key_check succeeds as a query; any row it returns is a broken reference.
Status checkNoOrphans(QSqlQuery &query, const Statement &statement)
{
    QStringList shown;
    int count = 0;
    for (; query.next(); ++count) {
        if (count < kShownOrphans)
            shown.append(orphanText(query));
    }
    if (count == 0)
        return Ok{};
    QString message =
        QString::number(count) +
        QStringView(count == 1 ? u" row breaks a foreign key: " : u" rows break foreign keys: ") +
        shown.join(u", ");
    if (count > kShownOrphans)
        message += u", and " + QString::number(count - kShownOrphans) + u" more";
    return statementError(
        Error{Error::Code::Sql,
              message,
              {},
              0,
              {},
              QStringLiteral("fix or delete the rows that reference missing parents")},
        statement);
}

qint64 rowsAffected(QSqlQuery &query, const Statement &statement)
{
    if (!isDml(statement.text))
        return -1;
    while (query.isSelect() && query.next()) {
        // RETURNING rows: the count is only final once they have all been read
    }
    return query.numRowsAffected();
}

Result<StatementOutcome> runOne(const QSqlDatabase &db, const Statement &statement, int index)
{
    QElapsedTimer timer;
    timer.start();
    Result<QSqlQuery> query = dialect::runQuery(db, statement.text);
    if (!query)
        return statementError(query.error(), statement);
    if (isForeignKeyCheck(statement.text)) {
        if (Status clean = checkNoOrphans(*query, statement); !clean)
            return clean.error();
    }
    StatementOutcome outcome;
    outcome.index = index;
    outcome.rowsAffected = rowsAffected(*query, statement);
    outcome.elapsedUs = timer.nsecsElapsed() / 1000;
    return outcome;
}

Error cancelled(const QList<Statement> &statements, qsizetype next)
{
    return statementError(Error{Error::Code::Cancelled, u"cancelled before statement " +
                                                            QString::number(next + 1) + u" of " +
                                                            QString::number(statements.size())},
                          statements[next]);
}

} // namespace

Result<QList<StatementOutcome>>
runStatements(const QSqlDatabase &db, const QList<sql::Statement> &statements,
              const std::function<bool(const StatementOutcome &)> &onStatement)
{
    QList<StatementOutcome> outcomes;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        Result<StatementOutcome> outcome = runOne(db, statements[i], int(i));
        if (!outcome)
            return outcome.error();
        outcomes.append(*outcome);
        // Cancelling after the last statement has nothing left to stop: the run completed.
        if (onStatement && !onStatement(*outcome) && i + 1 < statements.size())
            return cancelled(statements, i + 1);
    }
    return outcomes;
}

} // namespace burrow::migration
