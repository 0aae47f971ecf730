#include "sqlite_table_sql.h"

#include "../../sql/item_list.h"
#include "sqlite_lexer.h"

#include <algorithm>

namespace burrow::dialect::sqlite {
namespace {

using namespace schema;
using sql::Token;
using sql::TokenKind;

bool isAnyKeyword(QStringView source, const Token &token, std::initializer_list<QStringView> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&](QStringView word) { return sql::isKeyword(source, token, word); });
}

// A fragment that ends in a `--` comment would swallow what follows it on the line.
QString fragment(const QString &text)
{
    const QList<Token> tokens = sql::tokenize(text, lexerOptions());
    const bool lineComment = !tokens.isEmpty() && tokens.last().kind == TokenKind::Comment &&
                             tokens.last().text(text).startsWith(u"--");
    return lineComment ? text + u'\n' : text;
}

QString parenthesized(const QString &text)
{
    return u'(' + fragment(text) + u')';
}

bool isLiteral(QStringView text)
{
    const QList<Token> tokens = sql::significantTokens(text, lexerOptions());
    if (tokens.size() == 2 && tokens[0].kind == TokenKind::Symbol)
        return (tokens[0].text(text) == u"-" || tokens[0].text(text) == u"+") &&
               tokens[1].kind == TokenKind::Number;
    if (tokens.size() != 1 || tokens[0].unterminated)
        return false;
    switch (tokens[0].kind) {
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::QuotedIdentifier: // `DEFAULT "x"`: SQLite keeps a bare name as a string
    case TokenKind::Word:             // NULL, TRUE, CURRENT_DATE … or a bare name, as above
        return true;
    default:
        return false;
    }
}

// SQLite stores declared types unquoted: quote the ones that would not read back as a type.
QString typeName(const QString &type)
{
    for (const Token &token : sql::significantTokens(type, lexerOptions())) {
        const QStringView text = token.text(type);
        const bool plainWord =
            token.kind == TokenKind::Word &&
            !isAnyKeyword(type, token,
                          {u"CONSTRAINT", u"PRIMARY", u"NOT", u"NULL", u"UNIQUE", u"CHECK",
                           u"DEFAULT", u"COLLATE", u"REFERENCES", u"GENERATED", u"AS"});
        const bool typeSymbol =
            token.kind == TokenKind::Symbol &&
            (text == u"(" || text == u")" || text == u"," || text == u"-" || text == u"+");
        if (!plainWord && !typeSymbol && token.kind != TokenKind::Number)
            return quoteIdentifier(type);
    }
    return type;
}

QString constraintName(const QString &name)
{
    return name.isEmpty() ? QString() : u"CONSTRAINT " + quoteIdentifier(name) + u' ';
}

QString nameList(const QStringList &names)
{
    return sql::parenthesized(names, [](const QString &item) { return quoteIdentifier(item); });
}

// The key's columns in key order: from the key itself, or else from the columns' positions.
QStringList keyColumns(const Table &table)
{
    if (table.primaryKey && !table.primaryKey->columns.isEmpty())
        return table.primaryKey->columns;
    QList<const Column *> keyed;
    for (const Column &column : table.columns) {
        if (column.primaryKeyPosition > 0)
            keyed.append(&column);
    }
    std::sort(keyed.begin(), keyed.end(), [](const Column *a, const Column *b) {
        return a->primaryKeyPosition < b->primaryKeyPosition;
    });
    QStringList names;
    for (const Column *column : keyed)
        names.append(column->name);
    return names;
}

// AUTOINCREMENT exists only as `INTEGER PRIMARY KEY AUTOINCREMENT` on the column itself.
bool hasInlineKey(const Table &table, const Column &column)
{
    const QStringList key = keyColumns(table);
    return column.autoIncrement && key.size() == 1 &&
           key.first().compare(column.name, Qt::CaseInsensitive) == 0;
}

QString columnDefinition(const Table &table, const Column &column)
{
    QStringList parts{quoteIdentifier(column.name)};
    if (!column.type.isEmpty())
        parts.append(typeName(column.type));
    if (hasInlineKey(table, column))
        parts.append(constraintName(table.primaryKey ? table.primaryKey->name : QString()) +
                     u"PRIMARY KEY AUTOINCREMENT");
    if (column.notNull)
        parts.append(QStringLiteral("NOT NULL"));
    if (column.defaultValue)
        parts.append(u"DEFAULT " + defaultClause(*column.defaultValue));
    if (!column.collation.isEmpty())
        parts.append(u"COLLATE " + quoteIdentifier(column.collation));
    if (column.generated != Generated::No)
        parts.append(u"GENERATED ALWAYS AS " + parenthesized(column.generatedExpression.text) +
                     (column.generated == Generated::Stored ? u" STORED" : u" VIRTUAL"));
    return parts.join(u' ');
}

QString foreignKeyDefinition(const ForeignKey &fk)
{
    QString out = constraintName(fk.name) + u"FOREIGN KEY " + nameList(fk.columns) +
                  u" REFERENCES " + quoteIdentifier(fk.referencedTable);
    if (!fk.referencedColumns.isEmpty())
        out += u' ' + nameList(fk.referencedColumns);
    if (fk.onDelete != ReferentialAction::NoAction)
        out += u" ON DELETE " + toSql(fk.onDelete);
    if (fk.onUpdate != ReferentialAction::NoAction)
        out += u" ON UPDATE " + toSql(fk.onUpdate);
    if (fk.deferral != Deferral::NotDeferrable)
        out += u' ' + toSql(fk.deferral);
    return out;
}

// An unnamed UNIQUE gets PostgreSQL's name for it (`<table>_<columns>_key`). The ORMs read
// SQLite's UNIQUE constraints by parsing the table's SQL, and Django's and SQLAlchemy's parsers
// share only the named table constraint: Django misreads an unnamed table-level UNIQUE ("a") as
// a column named UNIQUE, SQLAlchemy misses an inline UNIQUE after a type such as VARCHAR(200).
// Burrow compares UNIQUE constraints by their columns, so the name changes no comparison.
QString uniqueName(const Table &table, const UniqueConstraint &unique)
{
    return unique.name.isEmpty() ? table.name + u'_' + unique.columns.join(u'_') + u"_key"
                                 : unique.name;
}

QStringList tableConstraints(const Table &table)
{
    QStringList out;
    const QStringList key = keyColumns(table);
    const bool inlineKey = std::any_of(table.columns.begin(), table.columns.end(),
                                       [&](const Column &c) { return hasInlineKey(table, c); });
    if (!key.isEmpty() && !inlineKey)
        out.append(constraintName(table.primaryKey ? table.primaryKey->name : QString()) +
                   u"PRIMARY KEY " + nameList(key));
    for (const UniqueConstraint &unique : table.uniques)
        out.append(constraintName(uniqueName(table, unique)) + u"UNIQUE " +
                   nameList(unique.columns));
    for (const CheckConstraint &check : table.checks)
        out.append(constraintName(check.name) + u"CHECK " + parenthesized(check.expression.text));
    for (const ForeignKey &fk : table.foreignKeys)
        out.append(foreignKeyDefinition(fk));
    return out;
}

QString tableOptions(const Table &table)
{
    QStringList options;
    if (table.withoutRowid)
        options.append(QStringLiteral("WITHOUT ROWID"));
    if (table.strict)
        options.append(QStringLiteral("STRICT"));
    return options.isEmpty() ? QString() : u' ' + options.join(u", ");
}

QString indexPart(const IndexPart &part)
{
    QString text = quoteIdentifier(part.column);
    if (part.column.isEmpty()) // COLLATE binds tighter than any operator in the expression
        text = part.collation.isEmpty() ? fragment(part.expression.text)
                                        : parenthesized(part.expression.text);
    if (!part.collation.isEmpty())
        text += u" COLLATE " + quoteIdentifier(part.collation);
    if (part.order == SortOrder::Descending)
        text += u" DESC";
    return text;
}

} // namespace

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString defaultClause(const Expression &value)
{
    return isLiteral(value.text) ? fragment(value.text) : parenthesized(value.text);
}

QString createTableSql(const Table &table, const QString &name)
{
    QStringList items;
    for (const Column &column : table.columns)
        items.append(columnDefinition(table, column));
    items += tableConstraints(table);
    return u"CREATE TABLE " + quoteIdentifier(name.isEmpty() ? table.name : name) + u" (\n  " +
           items.join(u",\n  ") + u"\n)" + tableOptions(table);
}

QString createIndexSql(const QString &table, const Index &index)
{
    QStringList parts;
    for (const IndexPart &part : index.parts)
        parts.append(indexPart(part));
    QString out = (index.unique ? u"CREATE UNIQUE INDEX " : u"CREATE INDEX ") +
                  quoteIdentifier(index.name) + u" ON " + quoteIdentifier(table) + u" (" +
                  parts.join(u", ") + u')';
    if (!index.where.isEmpty())
        out += u" WHERE " + fragment(index.where.text);
    return out;
}

} // namespace burrow::dialect::sqlite

namespace burrow::dialect::sqlite {

QString quoteString(const QString &text)
{
    QString doubled = text;
    return u'\'' + doubled.replace(u'\'', QStringLiteral("''")) + u'\'';
}

QString columnDefinitionSql(const schema::Column &column,
                            const schema::ForeignKey *inlineForeignKey)
{
    QString out = columnDefinition(schema::Table{}, column);
    if (!inlineForeignKey)
        return out;
    // A column's REFERENCES clause: the table constraint without its FOREIGN KEY (columns).
    const QString constraint = foreignKeyDefinition(*inlineForeignKey);
    const qsizetype references = constraint.indexOf(u"REFERENCES ");
    const QString name = constraint.left(constraint.indexOf(u"FOREIGN KEY"));
    return out + u' ' + name + constraint.mid(references);
}

} // namespace burrow::dialect::sqlite
