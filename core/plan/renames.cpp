#include "renames.h"

#include "../sql/token_stream.h"

#include <algorithm>
#include <optional>

namespace burrow::plan {
namespace {

using schema::Column;
using schema::Schema;
using schema::Table;

bool sameName(const QString &a, const QString &b, Qt::CaseSensitivity cs)
{
    return a.compare(b, cs) == 0;
}

/// A name as the user would type it in a --rename argument: quoted unless plain.
QString quoted(const QString &name)
{
    const bool plain = !name.isEmpty() && std::all_of(name.begin(), name.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'_' || c == u'$';
    });
    if (plain)
        return name;
    QString escaped = name;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString qualified(const QString &table, const QString &column)
{
    return quoted(table) + u'.' + quoted(column);
}

/// The rename as a --rename argument, for messages.
QString describe(const Rename &r)
{
    return (r.isColumn() ? qualified(r.table, r.column) : quoted(r.table)) + u'=' +
           quoted(r.newName);
}

// --- parseRenameArgument -------------------------------------------------------------------------

Error argumentError(const QString &text, const QString &reason)
{
    return Error{Error::Code::InvalidArgument,
                 u"invalid rename \"" + text + u"\": " + reason +
                     u"; expected table=new_table or table.column=new_column",
                 {},
                 0,
                 {},
                 QStringLiteral("double-quote names that contain dots, equals signs or quotes: "
                                "\"my.table\".\"a=b\"=new_name")};
}

/// One name of a --rename argument and the separator that ended it ('.', '=' or null at the end).
struct Piece {
    QString name;
    QChar separator;
};

void skipSpaces(const QString &text, qsizetype &pos)
{
    while (pos < text.size() && text[pos].isSpace())
        ++pos;
}

/// Reads a double-quoted name at `pos` (just past the opening quote); "" stands for one quote.
std::optional<QString> readQuoted(const QString &text, qsizetype &pos)
{
    QString name;
    for (; pos < text.size(); ++pos) {
        if (text[pos] != u'"') {
            name += text[pos];
        } else if (pos + 1 < text.size() && text[pos + 1] == u'"') {
            name += u'"';
            ++pos;
        } else {
            ++pos;
            return name;
        }
    }
    return std::nullopt;
}

/// Reads one name, quoted or bare (bare names are trimmed), up to the next separator.
Result<QString> readPiece(const QString &text, qsizetype &pos)
{
    skipSpaces(text, pos);
    if (pos < text.size() && text[pos] == u'"') {
        ++pos;
        const std::optional<QString> name = readQuoted(text, pos);
        if (!name)
            return argumentError(text, QStringLiteral("a quote is not closed"));
        skipSpaces(text, pos);
        if (pos < text.size() && text[pos] != u'.' && text[pos] != u'=')
            return argumentError(text, QStringLiteral("text follows a closing quote"));
        return *name;
    }
    const qsizetype begin = pos;
    while (pos < text.size() && text[pos] != u'.' && text[pos] != u'=' && text[pos] != u'"')
        ++pos;
    if (pos < text.size() && text[pos] == u'"')
        return argumentError(text, QStringLiteral("a quote inside an unquoted name"));
    return text.mid(begin, pos - begin).trimmed();
}

/// Splits the argument at '.' and '=' outside double quotes.
Result<QList<Piece>> splitArgument(const QString &text)
{
    QList<Piece> pieces;
    qsizetype pos = 0;
    while (true) {
        Result<QString> name = readPiece(text, pos);
        if (!name)
            return name.error();
        const QChar separator = pos < text.size() ? text[pos++] : QChar();
        pieces.append({*name, separator});
        if (separator.isNull())
            return pieces;
    }
}

// --- renamesFromAnnotations ----------------------------------------------------------------------

/// The old name in a `@renamed from=old` comment, or empty when the comment is something else.
QString annotatedOldName(QStringView comment, const sql::LexerOptions &options)
{
    QStringView body = comment;
    if (body.startsWith(u"/*"))
        body = body.mid(2).chopped(body.endsWith(u"*/") && body.size() >= 4 ? 2 : 0);
    else if (body.startsWith(u"--"))
        body = body.mid(2);
    else if (body.startsWith(u'#'))
        body = body.mid(1);
    body = body.trimmed();
    static constexpr QStringView marker = u"@renamed";
    if (!body.startsWith(marker) || (body.size() > marker.size() && !body[marker.size()].isSpace()))
        return {};
    body = body.mid(marker.size());
    const QList<sql::Token> tokens = sql::significantTokens(body, options);
    if (tokens.size() < 3 || !sql::isKeyword(body, tokens[0], u"from") ||
        tokens[1].text(body) != u"=" || tokens[2].kind == sql::TokenKind::Symbol)
        return {};
    return sql::identifierName(body, tokens[2]);
}

/// Finds the annotations of one CREATE TABLE statement: on its header, and after its columns.
class CreateTableReader {
public:
    CreateTableReader(QStringView source, const sql::LexerOptions &options)
        : m_src(source)
        , m_options(options)
        , m_tokens(source, options)
    {
        for (const sql::Token &token : sql::tokenize(source, options)) {
            if (token.kind == sql::TokenKind::Comment)
                m_comments.append(token);
        }
    }

    void read(QList<Rename> &tableRenames, QList<Rename> &columnRenames)
    {
        if (!readHeader())
            return;
        const auto items = m_tokens.parenItems(m_open);
        const qsizetype close = m_tokens.afterParens(m_open) - 1;
        const qsizetype closeBegin =
            close < m_tokens.size() ? m_tokens.at(close).begin : m_src.size();
        const qsizetype firstColumn =
            items.isEmpty() ? closeBegin : m_tokens.at(items.first().first).begin;
        const QString oldTable = headerAnnotation(firstColumn);
        if (!oldTable.isEmpty())
            tableRenames.append({oldTable, {}, m_table});
        const QString liveTable = oldTable.isEmpty() ? m_table : oldTable;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items[i].first >= items[i].second || isTableConstraint(items[i].first))
                continue;
            const sql::Token &last = m_tokens.at(items[i].second - 1);
            const qsizetype limit =
                i + 1 < items.size() ? m_tokens.at(items[i + 1].first).begin : closeBegin;
            const QString oldColumn = annotationOnLine(last.begin + last.length, limit);
            if (!oldColumn.isEmpty())
                columnRenames.append({liveTable, oldColumn,
                                      sql::identifierName(m_src, m_tokens.at(items[i].first))});
        }
    }

private:
    /// CREATE [TEMP] TABLE [IF NOT EXISTS] name (: remembers the name and the "(".
    bool readHeader()
    {
        if (!m_tokens.acceptKeyword(u"CREATE"))
            return false;
        while (m_tokens.acceptKeyword(u"TEMP") || m_tokens.acceptKeyword(u"TEMPORARY") ||
               m_tokens.acceptKeyword(u"UNLOGGED"))
            ;
        if (!m_tokens.acceptKeyword(u"TABLE"))
            return false;
        if (m_tokens.peekKeyword(u"IF") && m_tokens.peekKeyword(u"NOT", 1) &&
            m_tokens.peekKeyword(u"EXISTS", 2))
            m_tokens.seek(m_tokens.position() + 3);
        m_table = m_tokens.takeName();
        m_open = m_tokens.position();
        return !m_table.isEmpty() && m_tokens.isSymbolAt(m_open, u"(");
    }

    /// An annotation before the first column, on the header's lines (not a line of its own
    /// after the "(").
    QString headerAnnotation(qsizetype firstColumn) const
    {
        const sql::Token &open = m_tokens.at(m_open);
        for (const sql::Token &comment : m_comments) {
            if (comment.begin >= firstColumn)
                break;
            if (comment.begin < open.begin || sameLine(open.begin, comment.begin)) {
                const QString name = annotatedOldName(comment.text(m_src), m_options);
                if (!name.isEmpty())
                    return name;
            }
        }
        return {};
    }

    /// An annotation in [from, limit) on the line where `from` is.
    QString annotationOnLine(qsizetype from, qsizetype limit) const
    {
        for (const sql::Token &comment : m_comments) {
            if (comment.begin < from || comment.begin >= limit || !sameLine(from, comment.begin))
                continue;
            const QString name = annotatedOldName(comment.text(m_src), m_options);
            if (!name.isEmpty())
                return name;
        }
        return {};
    }

    bool sameLine(qsizetype from, qsizetype to) const
    {
        return !m_src.mid(from, to - from).contains(u'\n');
    }

    bool isTableConstraint(qsizetype index) const
    {
        static constexpr QStringView keywords[] = {u"CONSTRAINT", u"PRIMARY", u"UNIQUE", u"CHECK",
                                                   u"FOREIGN"};
        return std::any_of(std::begin(keywords), std::end(keywords),
                           [&](QStringView k) { return m_tokens.isKeywordAt(index, k); });
    }

    QStringView m_src;
    const sql::LexerOptions &m_options;
    sql::TokenStream m_tokens;
    QList<sql::Token> m_comments;
    QString m_table;
    qsizetype m_open = 0;
};

// --- validateRenames -----------------------------------------------------------------------------

Error renameError(const Rename &r, const QString &problem)
{
    return Error{Error::Code::InvalidArgument,
                 u"rename " + describe(r) + u": " + problem,
                 {},
                 0,
                 {},
                 QStringLiteral("a rename names the table (and column) as the database has it now "
                                "and the new name as the model has it; check spelling and quotes")};
}

/// The model's name for live table `table`: its new name when `renames` renames it.
QString modelTableName(const QList<Rename> &renames, const QString &table, Qt::CaseSensitivity cs)
{
    for (const Rename &r : renames) {
        if (!r.isColumn() && sameName(r.table, table, cs))
            return r.newName;
    }
    return table;
}

std::optional<Error> checkTableRename(const Rename &r, const Schema &live, const Schema &model,
                                      Qt::CaseSensitivity cs)
{
    const Table *source = schema::findTable(live, r.table, cs);
    if (!source)
        return renameError(r, u"the database has no table " + quoted(r.table));
    if (!schema::findTable(model, r.newName, cs))
        return renameError(r, u"the model has no table " + quoted(r.newName));
    const Table *taken = schema::findTable(live, r.newName, cs);
    if (taken && taken != source) // a case-only rename finds its own table
        return renameError(r, u"the database already has a table " + quoted(r.newName));
    return std::nullopt;
}

std::optional<Error> checkColumnRename(const Rename &r, const QList<Rename> &renames,
                                       const Schema &live, const Schema &model,
                                       Qt::CaseSensitivity cs)
{
    const Table *source = schema::findTable(live, r.table, cs);
    if (!source)
        return renameError(r, u"the database has no table " + quoted(r.table));
    const Column *column = schema::findColumn(*source, r.column, cs);
    if (!column)
        return renameError(r, u"the database has no column " + qualified(r.table, r.column));
    const QString modelName = modelTableName(renames, r.table, cs);
    const Table *target = schema::findTable(model, modelName, cs);
    if (!target)
        return renameError(r, u"the model has no table " + quoted(modelName));
    if (!schema::findColumn(*target, r.newName, cs))
        return renameError(r, u"the model has no column " + qualified(modelName, r.newName));
    const Column *taken = schema::findColumn(*source, r.newName, cs);
    if (taken && taken != column)
        return renameError(r,
                           u"the database already has a column " + qualified(r.table, r.newName));
    return std::nullopt;
}

bool sameSource(const Rename &a, const Rename &b, Qt::CaseSensitivity cs)
{
    return a.isColumn() == b.isColumn() && sameName(a.table, b.table, cs) &&
           sameName(a.column, b.column, cs);
}

/// Two renames of one object to different names, or of two objects to one name.
std::optional<Error> checkConflicts(const QList<Rename> &renames, qsizetype i,
                                    Qt::CaseSensitivity cs)
{
    const Rename &r = renames[i];
    for (qsizetype j = 0; j < i; ++j) {
        const Rename &other = renames[j];
        const bool sameTarget = sameName(other.newName, r.newName, cs);
        if (sameSource(r, other, cs) && !sameTarget)
            return renameError(r, u"it is also renamed to " + quoted(other.newName));
        const bool sameScope = other.isColumn() == r.isColumn() &&
                               (!r.isColumn() || sameName(other.table, r.table, cs));
        if (sameScope && sameTarget && !sameSource(r, other, cs))
            return renameError(r, u"the new name is already given by " + describe(other));
    }
    return std::nullopt;
}

// --- applyRenames --------------------------------------------------------------------------------

void renameIn(QStringList &names, const QString &from, const QString &to, Qt::CaseSensitivity cs)
{
    for (QString &name : names) {
        if (sameName(name, from, cs))
            name = to;
    }
}

/// Renames a column of `table` and every mention of it within the table.
void renameColumnInTable(Table &table, const Rename &r, Qt::CaseSensitivity cs)
{
    for (Column &column : table.columns) {
        if (sameName(column.name, r.column, cs))
            column.name = r.newName;
    }
    if (table.primaryKey)
        renameIn(table.primaryKey->columns, r.column, r.newName, cs);
    for (schema::UniqueConstraint &unique : table.uniques)
        renameIn(unique.columns, r.column, r.newName, cs);
    for (schema::ForeignKey &fk : table.foreignKeys)
        renameIn(fk.columns, r.column, r.newName, cs);
    for (schema::Index &index : table.indexes) {
        for (schema::IndexPart &part : index.parts) {
            if (!part.column.isEmpty() && sameName(part.column, r.column, cs))
                part.column = r.newName;
        }
    }
}

void applyColumnRename(Schema &schema, const Rename &r, Qt::CaseSensitivity cs)
{
    for (Table &table : schema.tables) {
        if (sameName(table.name, r.table, cs))
            renameColumnInTable(table, r, cs);
        for (schema::ForeignKey &fk : table.foreignKeys) { // self-references included
            if (sameName(fk.referencedTable, r.table, cs))
                renameIn(fk.referencedColumns, r.column, r.newName, cs);
        }
    }
}

void applyTableRename(Schema &schema, const Rename &r, Qt::CaseSensitivity cs)
{
    for (Table &table : schema.tables) {
        if (sameName(table.name, r.table, cs))
            table.name = r.newName;
        for (schema::ForeignKey &fk : table.foreignKeys) {
            if (sameName(fk.referencedTable, r.table, cs))
                fk.referencedTable = r.newName;
        }
    }
}

/// The name a column rename's table has once the table renames in `renames` are done. Exact
/// spelling wins; otherwise a case-insensitive match (invertRenames has no case rule to go by).
QString renamedTableName(const QList<Rename> &renames, const QString &table)
{
    for (Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        for (const Rename &r : renames) {
            if (!r.isColumn() && sameName(r.table, table, cs))
                return r.newName;
        }
    }
    return table;
}

} // namespace

Result<Rename> parseRenameArgument(const QString &text)
{
    Result<QList<Piece>> split = splitArgument(text);
    if (!split)
        return split.error();
    const QList<Piece> &pieces = *split;
    const auto equals = std::count_if(pieces.begin(), pieces.end(),
                                      [](const Piece &p) { return p.separator == u'='; });
    if (equals == 0)
        return argumentError(text, QStringLiteral("no \"=\""));
    if (equals > 1)
        return argumentError(text, QStringLiteral("more than one \"=\" outside quotes"));
    const qsizetype oldParts = std::find_if(pieces.begin(), pieces.end(),
                                            [](const Piece &p) { return p.separator == u'='; }) -
                               pieces.begin() + 1;
    if (oldParts > 2)
        return argumentError(text, QStringLiteral("more than one dot outside quotes"));
    if (pieces.size() - oldParts > 1)
        return argumentError(text, QStringLiteral("the new name has a dot outside quotes (a "
                                                  "rename keeps a column in its table)"));
    if (std::any_of(pieces.begin(), pieces.end(), [](const Piece &p) { return p.name.isEmpty(); }))
        return argumentError(text, QStringLiteral("a name is empty"));
    if (oldParts == 1)
        return Rename{pieces[0].name, {}, pieces[1].name};
    return Rename{pieces[0].name, pieces[1].name, pieces[2].name};
}

QList<Rename> renamesFromAnnotations(const model::ModelScript &script,
                                     const sql::LexerOptions &options)
{
    QList<Rename> tables;
    QList<Rename> columns;
    for (const sql::Statement &statement : script.statements)
        CreateTableReader(statement.text, options).read(tables, columns);
    return tables + columns;
}

QList<Rename> orderedRenames(const QList<Rename> &renames, Qt::CaseSensitivity cs)
{
    QList<Rename> ordered;
    auto add = [&](const Rename &r) {
        const bool seen = std::any_of(ordered.begin(), ordered.end(), [&](const Rename &o) {
            return sameSource(o, r, cs) && sameName(o.newName, r.newName, cs);
        });
        if (!seen)
            ordered.append(r);
    };
    for (bool columns : {false, true}) {
        for (const Rename &r : renames) {
            if (r.isColumn() == columns)
                add(r);
        }
    }
    return ordered;
}

Status validateRenames(const QList<Rename> &renames, const Schema &live, const Schema &model,
                       Qt::CaseSensitivity cs)
{
    for (qsizetype i = 0; i < renames.size(); ++i) {
        const Rename &r = renames[i];
        std::optional<Error> error = r.isColumn() ? checkColumnRename(r, renames, live, model, cs)
                                                  : checkTableRename(r, live, model, cs);
        if (!error)
            error = checkConflicts(renames, i, cs);
        if (error)
            return *error;
    }
    return Ok{};
}

Schema applyRenames(const Schema &schema, const QList<Rename> &renames, Qt::CaseSensitivity cs)
{
    // Column renames name tables by their live names, so they go before any table rename.
    Schema renamed = schema;
    for (const Rename &r : renames) {
        if (r.isColumn())
            applyColumnRename(renamed, r, cs);
    }
    for (const Rename &r : renames) {
        if (!r.isColumn())
            applyTableRename(renamed, r, cs);
    }
    return renamed;
}

QList<Rename> invertRenames(const QList<Rename> &renames)
{
    QList<Rename> inverted;
    for (auto it = renames.crbegin(); it != renames.crend(); ++it) {
        if (it->isColumn())
            inverted.append({renamedTableName(renames, it->table), it->newName, it->column});
        else
            inverted.append({it->newName, {}, it->table});
    }
    return inverted;
}

} // namespace burrow::plan
