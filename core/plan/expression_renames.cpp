// A column named in a table's own expressions is a bare or quoted word that is not a
// function's name (followed by "("), a part of a qualified name ("a.b") or a type (after
// "::"). The new name keeps the old one's quoting; a bare one stays bare when it needs none.
#include "expression_renames_p.h"

#include <QRegularExpression>

#include <algorithm>

namespace burrow::plan {
namespace {

using namespace schema;

QString spelled(const QString &name, QChar quote, const sql::LexerOptions &lexer)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (quote.isNull()) {
        if (plain.match(name).hasMatch())
            return name;
        quote = lexer.doubleQuotedIdentifiers ? u'"' : u'`';
    }
    const QChar close = quote == u'[' ? u']' : quote;
    QString escaped = name;
    escaped.replace(close, QString(2, close));
    return quote + escaped + close;
}

/// Whether the word at `i` of an index's definition names something else than a column: the
/// index or table after INDEX/ON, the access method, a collation, a storage parameter (`x=`).
bool namesOtherThanColumn(QStringView text, const QList<sql::Token> &tokens, qsizetype i)
{
    static constexpr QStringView before[] = {u"INDEX",   u"ON",           u"ONLY",  u"USING",
                                             u"COLLATE", u"CONCURRENTLY", u"EXISTS"};
    if (i + 1 < tokens.size() && tokens[i + 1].kind == sql::TokenKind::Symbol &&
        tokens[i + 1].text(text) == u"=")
        return true;
    return i > 0 && std::any_of(std::begin(before), std::end(before), [&](QStringView keyword) {
               return sql::isKeyword(text, tokens[i - 1], keyword);
           });
}

/// What the words renamed in a text name.
enum class Names { Columns, IndexColumns, Tables };

/// A column is a bare word (not `a.b`); a table may be qualified by its schema or qualify a
/// column. Neither is a function's name (before "(") nor a type (after "::").
bool skipped(QStringView before, QStringView after, Names names)
{
    if (after == u"(" || before == u"::")
        return true;
    return names != Names::Tables && (after == u"." || before == u".");
}

/// The symbol at `i` of `tokens`, or nothing where another kind of token or none is.
QStringView symbolAt(QStringView text, const QList<sql::Token> &tokens, qsizetype i)
{
    return i >= 0 && i < tokens.size() && tokens[i].kind == sql::TokenKind::Symbol
               ? tokens[i].text(text)
               : QStringView();
}

/// Whether `t` is a bare or quoted word naming `name`.
bool namesAt(const QString &text, const sql::Token &t, const QString &name, Qt::CaseSensitivity cs)
{
    return (t.kind == sql::TokenKind::Word || t.kind == sql::TokenKind::QuotedIdentifier) &&
           sql::identifierName(text, t).compare(name, cs) == 0;
}

QString renamedIn(const QString &text, const QString &from, const QString &to,
                  Qt::CaseSensitivity cs, const sql::LexerOptions &lexer, Names names)
{
    const QList<sql::Token> tokens = sql::significantTokens(text, lexer);
    const auto symbol = [&](qsizetype i) { return symbolAt(text, tokens, i); };
    QString out = text;
    for (qsizetype i = tokens.size() - 1; i >= 0; --i) { // from the end: offsets stay valid
        const sql::Token &t = tokens[i];
        if (!namesAt(text, t, from, cs))
            continue;
        if (skipped(symbol(i - 1), symbol(i + 1), names) ||
            (names == Names::IndexColumns && namesOtherThanColumn(text, tokens, i)))
            continue;
        const QChar quote = t.kind == sql::TokenKind::Word ? QChar() : text[t.begin];
        out.replace(t.begin, t.length, spelled(to, quote, lexer));
    }
    return out;
}

void renameIn(Expression &e, const QString &from, const QString &to, Qt::CaseSensitivity cs,
              const sql::LexerOptions &lexer, Names names)
{
    e.text = renamedIn(e.text, from, to, cs, lexer, names);
    e.canonical = renamedIn(e.canonical, from, to, cs, lexer, names);
}

/// `name` qualified by `schema` as the engine prints a table outside the search path, or alone
/// for the connection's schema.
QString spelledQualified(const QString &schema, const QString &name, const sql::LexerOptions &lexer)
{
    const QString local = spelled(name, QChar(), lexer);
    return schema.isEmpty() ? local : spelled(schema, QChar(), lexer) + u'.' + local;
}

/// `text` with the references to table `from` (qualified: schema␟name) naming it in the schema
/// of `to`, keeping its local name: `FROM orders` → `FROM sales.orders` and back. A column's
/// qualifier (`orders.id`) is the table's alias and stays; a function's name (before "(") or a
/// type (after "::") is something else.
QString movedIn(const QString &text, const QString &from, const QString &to, Qt::CaseSensitivity cs,
                const sql::LexerOptions &lexer)
{
    const QString fromSchema = schemaPart(from);
    const QString name = localPart(from);
    const QList<sql::Token> tokens = sql::significantTokens(text, lexer);
    const auto symbol = [&](qsizetype i) { return symbolAt(text, tokens, i); };
    const auto names = [&](qsizetype i, const QString &wanted) {
        return i >= 0 && namesAt(text, tokens[i], wanted, cs);
    };
    QString out = text;
    for (qsizetype i = tokens.size() - 1; i >= 0; --i) { // from the end: offsets stay valid
        if (!names(i, name) || symbol(i + 1) == u"." || symbol(i + 1) == u"(")
            continue;
        const bool qualified = symbol(i - 1) == u".";
        if (fromSchema.isEmpty() ? qualified || symbol(i - 1) == u"::"
                                 : !qualified || !names(i - 2, fromSchema) ||
                                       symbol(i - 3) == u"." || symbol(i - 3) == u"::")
            continue;
        const qsizetype begin = qualified ? tokens[i - 2].begin : tokens[i].begin;
        out.replace(begin, tokens[i].begin + tokens[i].length - begin,
                    spelledQualified(schemaPart(to), name, lexer));
    }
    return out;
}

} // namespace

void renameColumnInExpressions(Table &table, const QString &from, const QString &to,
                               Qt::CaseSensitivity cs, const sql::LexerOptions &lexer)
{
    const auto rename = [&](Expression &e) { renameIn(e, from, to, cs, lexer, Names::Columns); };
    for (Column &c : table.columns) {
        if (c.generated != Generated::No)
            rename(c.generatedExpression);
    }
    for (CheckConstraint &check : table.checks)
        rename(check.expression);
    for (Index &index : table.indexes) {
        // The engine's own text (PostgreSQL: key and INCLUDE columns, predicate) builds the
        // index and tells a rename from a new one.
        index.sql = renamedIn(index.sql, from, to, cs, lexer, Names::IndexColumns);
        index.options = renamedIn(index.options, from, to, cs, lexer, Names::IndexColumns);
        rename(index.where);
        for (IndexPart &part : index.parts)
            rename(part.expression);
    }
}

void renameTableInReaders(Schema &schema, const QString &from, const QString &to,
                          Qt::CaseSensitivity cs, const sql::LexerOptions &lexer)
{
    const bool moves = schemaPart(from).compare(schemaPart(to), cs) != 0;
    const bool renames = localPart(from).compare(localPart(to), cs) != 0;
    const auto rename = [&](Expression &e) {
        if (moves) {
            e.text = movedIn(e.text, from, to, cs, lexer);
            e.canonical = movedIn(e.canonical, from, to, cs, lexer);
        }
        if (renames) // the alias changes with the name: `orders.id` → `sales_orders.id` too
            renameIn(e, localPart(from), localPart(to), cs, lexer, Names::Tables);
    };
    for (View &view : schema.views) {
        rename(view.definition);
        for (Trigger &trigger : view.triggers)
            rename(trigger.definition);
    }
    for (Table &table : schema.tables) {
        for (Trigger &trigger : table.triggers)
            rename(trigger.definition);
    }
}

} // namespace burrow::plan
