#include "renames.h"

#include "../sql/token_stream.h"
#include "expression_renames_p.h"

#include <algorithm>
#include <optional>

namespace burrow::plan {
namespace {

using schema::Schema;
using schema::Table;

bool sameName(const QString &a, const QString &b, Qt::CaseSensitivity cs)
{
    return a.compare(b, cs) == 0;
}

/// A name as the user would type it in a --rename argument: quoted unless plain; another
/// schema's table as `schema.table`.
QString quoted(const QString &name)
{
    if (!schema::schemaPart(name).isEmpty())
        return quoted(schema::schemaPart(name)) + u'.' + quoted(schema::localPart(name));
    const auto plain = [](QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'$'; };
    if (!name.isEmpty() && std::all_of(name.begin(), name.end(), plain))
        return name;
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
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

Error argumentError(const QString &text, const QString &reason)
{
    return Error{.code = Error::Code::InvalidArgument,
                 .message =
                     u"invalid rename \"" + text + u"\": " + reason +
                     u"; expected table=new_table, table.column=new_column or table=schema.table",
                 .hint = QStringLiteral("double-quote names that contain dots, equals signs or "
                                        "quotes: \"my.table\".\"a=b\"=new_name")};
}

/// A --rename argument cut at '.' and '=' outside double quotes.
struct SplitArgument {
    QStringList names;  // unquoted
    QString separators; // the '.' and '=' between them
};

Result<SplitArgument> splitArgument(const QString &text)
{
    SplitArgument split{{QString()}, {}};
    bool wasQuoted = false; // the current name was quoted: a separator must follow
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'.' || c == u'=') {
            split.names.append(QString());
            split.separators += c;
            wasQuoted = false;
        } else if (c == u'"' && !wasQuoted && split.names.last().isEmpty()) {
            const QStringView rest = QStringView(text).mid(i); // the lexer undoes "" escapes
            const sql::Token quote = sql::tokenize(rest, sql::LexerOptions()).constFirst();
            if (quote.unterminated)
                return argumentError(text, QStringLiteral("a quote is not closed"));
            split.names.last() = sql::identifierName(rest, quote);
            i += quote.length - 1;
            wasQuoted = true;
        } else if (c == u'"' || wasQuoted) {
            return argumentError(text, QStringLiteral("quote whole names, not parts of them"));
        } else {
            split.names.last() += c;
        }
    }
    return split;
}

/// The old name in a `@renamed from=old` comment, or empty when the comment is something else.
QString annotatedOldName(QStringView comment, const sql::LexerOptions &options)
{
    // Past "--", "/*" or "#"; a closing "*/" lexes as symbols after the name.
    const QStringView body = comment.mid(comment.startsWith(u'#') ? 1 : 2);
    const QList<sql::Token> t = sql::significantTokens(body, options);
    const bool annotation = t.size() >= 4 && t[0].text(body) == u"@renamed" &&
                            sql::isKeyword(body, t[1], u"from") && t[2].text(body) == u"=" &&
                            t[3].kind != sql::TokenKind::Symbol && !t[3].unterminated;
    return annotation ? sql::identifierName(body, t[3]) : QString();
}

/// Finds the annotations of one CREATE TABLE statement: on its header, and after its columns.
class CreateTableReader {
public:
    CreateTableReader(QStringView source, const sql::LexerOptions &options)
        : m_src(source)
        , m_options(options)
        , m_tokens(source, options)
        , m_all(sql::tokenize(source, options))
    {
    }

    void read(QList<Rename> &tableRenames, QList<Rename> &columnRenames)
    {
        if (!readHeader())
            return;
        const auto items = m_tokens.parenItems(m_open);
        const qsizetype close = m_tokens.afterParens(m_open) - 1;
        if (!m_tokens.isSymbolAt(close, u")"))
            return;
        const qsizetype closeBegin = m_tokens.at(close).begin;
        const qsizetype firstColumn =
            items.isEmpty() ? closeBegin : m_tokens.at(items.first().first).begin;
        // On the header's lines only: a line of its own after "(" belongs to no column.
        const QString oldTable = annotation(0, firstColumn, m_tokens.at(m_open).begin);
        if (!oldTable.isEmpty())
            tableRenames.append({oldTable, {}, m_table});
        const QString liveTable = oldTable.isEmpty() ? m_table : oldTable;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items[i].first >= items[i].second || isTableConstraint(items[i].first))
                continue;
            const sql::Token &last = m_tokens.at(items[i].second - 1);
            const qsizetype limit =
                i + 1 < items.size() ? m_tokens.at(items[i + 1].first).begin : closeBegin;
            const qsizetype end = last.begin + last.length;
            const QString oldColumn = annotation(end, limit, end);
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

    /// The first annotation in a comment in [from, limit), before `anchor` or on its line.
    QString annotation(qsizetype from, qsizetype limit, qsizetype anchor) const
    {
        for (const sql::Token &token : m_all) {
            if (token.kind != sql::TokenKind::Comment || token.begin < from || token.begin >= limit)
                continue;
            if (token.begin >= anchor && m_src.mid(anchor, token.begin - anchor).contains(u'\n'))
                continue;
            QString name = annotatedOldName(token.text(m_src), m_options);
            if (!name.isEmpty())
                return name;
        }
        return {};
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
    QList<sql::Token> m_all; // with comments
    QString m_table;
    qsizetype m_open = 0;
};

Error renameError(const Rename &r, const QString &problem)
{
    return Error{.code = Error::Code::InvalidArgument,
                 .message = u"rename " + describe(r) + u": " + problem,
                 .hint = QStringLiteral("name the table (and column) as the database has them "
                                        "now, and the new name as the model has it")};
}

/// The name live table `table` has once the table renames in `renames` are done.
QString renamedTableName(const QList<Rename> &renames, const QString &table, Qt::CaseSensitivity cs)
{
    for (const Rename &r : renames) {
        if (!r.isColumn() && sameName(r.table, table, cs))
            return r.newName;
    }
    return table;
}

/// The rename's source exists in `live`, its new name in `model` and not yet in `live`.
std::optional<Error> checkRename(const Rename &r, const QList<Rename> &renames, const Schema &live,
                                 const Schema &model, Qt::CaseSensitivity cs)
{
    const Table *source = schema::findTable(live, r.table, cs);
    if (!source)
        return renameError(r, u"the database has no table " + quoted(r.table));
    const schema::Column *column =
        r.isColumn() ? schema::findColumn(*source, r.column, cs) : nullptr;
    if (r.isColumn() && !column)
        return renameError(r, u"the database has no column " + qualified(r.table, r.column));
    const QString modelTable = r.isColumn() ? renamedTableName(renames, r.table, cs) : r.newName;
    const Table *target = schema::findTable(model, modelTable, cs);
    if (!target)
        return renameError(r, u"the model has no table " + quoted(modelTable));
    if (!r.isColumn()) {
        const Table *taken = schema::findTable(live, r.newName, cs);
        if (taken && taken != source) // a case-only rename finds its own table
            return renameError(r, u"the database already has a table " + quoted(r.newName));
        return std::nullopt;
    }
    if (!schema::findColumn(*target, r.newName, cs))
        return renameError(r, u"the model has no column " + qualified(modelTable, r.newName));
    const schema::Column *taken = schema::findColumn(*source, r.newName, cs);
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

void rename(QString &name, const QString &from, const QString &to, Qt::CaseSensitivity cs)
{
    if (sameName(name, from, cs))
        name = to;
}

void rename(QStringList &names, const QString &from, const QString &to, Qt::CaseSensitivity cs)
{
    for (QString &name : names)
        rename(name, from, to, cs);
}

/// Renames a column of `table` and every mention of it within the table.
void renameColumnInTable(Table &table, const Rename &r, Qt::CaseSensitivity cs,
                         const sql::LexerOptions &lexer)
{
    renameColumnInExpressions(table, r.column, r.newName, cs, lexer);
    for (schema::Column &column : table.columns)
        rename(column.name, r.column, r.newName, cs);
    if (table.primaryKey)
        rename(table.primaryKey->columns, r.column, r.newName, cs);
    for (schema::UniqueConstraint &unique : table.uniques)
        rename(unique.columns, r.column, r.newName, cs);
    for (schema::ForeignKey &fk : table.foreignKeys) {
        rename(fk.columns, r.column, r.newName, cs);
        rename(fk.onDeleteColumns, r.column, r.newName, cs);
    }
    for (schema::Index &index : table.indexes) {
        for (schema::IndexPart &part : index.parts)
            rename(part.column, r.column, r.newName, cs); // expression parts have no column
    }
}

void applyColumnRename(Schema &schema, const Rename &r, Qt::CaseSensitivity cs,
                       const sql::LexerOptions &lexer)
{
    for (Table &table : schema.tables) {
        if (sameName(table.name, r.table, cs))
            renameColumnInTable(table, r, cs, lexer);
        for (schema::ForeignKey &fk : table.foreignKeys) { // self-references included
            if (sameName(fk.referencedTable, r.table, cs))
                rename(fk.referencedColumns, r.column, r.newName, cs);
        }
    }
}

void applyTableRename(Schema &schema, const Rename &r, Qt::CaseSensitivity cs,
                      const RenameReaders &readers)
{
    if (readers.followTableRenames)
        renameTableInReaders(schema, r.table, r.newName, cs, readers.lexer);
    for (Table &table : schema.tables) {
        rename(table.name, r.table, r.newName, cs);
        rename(table.partitionOf, r.table, r.newName, cs);
        for (QString &parent : table.inherits)
            rename(parent, r.table, r.newName, cs);
        for (schema::ForeignKey &fk : table.foreignKeys)
            rename(fk.referencedTable, r.table, r.newName, cs);
    }
}

/// `public.users`, where `public` is the connection's schema, is the table `users`.
void unqualifyConnectionSchema(QString &table, const Schema &schema, Qt::CaseSensitivity cs)
{
    if (!schema::schemaPart(table).isEmpty() && !schema::findTable(schema, table, cs) &&
        schema::findTable(schema, schema::localPart(table), cs))
        table = schema::localPart(table);
}

} // namespace

Result<Rename> parseRenameArgument(const QString &text)
{
    const Result<SplitArgument> split = splitArgument(text);
    if (!split)
        return split.error();
    const QStringList &names = split->names;
    const QString &separators = split->separators;
    if (separators.count(u'=') != 1)
        return argumentError(text, separators.contains(u'=')
                                       ? QStringLiteral("more than one \"=\" outside quotes")
                                       : QStringLiteral("no \"=\""));
    const qsizetype oldParts = separators.indexOf(u'=') + 1;
    if (oldParts > 3)
        return argumentError(text, QStringLiteral("more than two dots outside quotes"));
    const qsizetype newParts = names.size() - oldParts;
    if (newParts > 2 || (newParts == 2 && oldParts == 3))
        return argumentError(text, QStringLiteral("the new name has a dot outside quotes"));
    if (names.contains(QString()))
        return argumentError(text, QStringLiteral("a name is empty"));
    if (newParts == 2) // table=schema.table: the table moves to another schema
        return Rename{oldParts == 1 ? names[0] : schema::qualifiedName(names[0], names[1]),
                      {},
                      schema::qualifiedName(names[oldParts], names[oldParts + 1])};
    if (oldParts == 3) // schema.table.column: a column of another managed schema's table
        return Rename{schema::qualifiedName(names[0], names[1]), names[2], names[3]};
    return oldParts == 1 ? Rename{names[0], {}, names[1]} : Rename{names[0], names[1], names[2]};
}

QList<Rename> renamesFromAnnotations(const model::ModelScript &script,
                                     const sql::LexerOptions &options)
{
    QList<Rename> tables, columns;
    for (const sql::Statement &statement : script.statements)
        CreateTableReader(statement.text, options).read(tables, columns);
    return tables + columns;
}

QList<Rename> orderedRenames(const QList<Rename> &renames, Qt::CaseSensitivity cs)
{
    QList<Rename> ordered;
    for (bool columns : {false, true}) {
        for (const Rename &r : renames) {
            const bool seen = std::any_of(ordered.begin(), ordered.end(), [&](const Rename &o) {
                return sameSource(o, r, cs) && sameName(o.newName, r.newName, cs);
            });
            if (r.isColumn() == columns && !seen)
                ordered.append(r);
        }
    }
    return ordered;
}

Status validateRenames(const QList<Rename> &renames, const Schema &live, const Schema &model,
                       Qt::CaseSensitivity cs)
{
    for (qsizetype i = 0; i < renames.size(); ++i) {
        std::optional<Error> error = checkRename(renames[i], renames, live, model, cs);
        if (!error)
            error = checkConflicts(renames, i, cs);
        if (error)
            return *error;
    }
    return Ok{};
}

Schema applyRenames(const Schema &schema, const QList<Rename> &renames, Qt::CaseSensitivity cs,
                    const RenameReaders &readers)
{
    const sql::LexerOptions &lexer = readers.lexer;
    // Column renames name tables by their live names, so they go before any table rename.
    Schema renamed = schema;
    for (bool columns : {true, false}) {
        for (const Rename &r : renames) {
            if (r.isColumn() && columns)
                applyColumnRename(renamed, r, cs, lexer);
            else if (!r.isColumn() && !columns)
                applyTableRename(renamed, r, cs, readers);
        }
    }
    return renamed;
}

QList<Rename> inManagedSchemas(const QList<Rename> &renames, const Schema &live,
                               const Schema &model, Qt::CaseSensitivity cs)
{
    QList<Rename> resolved = renames;
    for (Rename &r : resolved) {
        const QString table = schema::qualifiedName(r.table, r.column);
        if (r.isColumn() && !schema::findTable(live, r.table, cs) &&
            schema::findTable(live, table, cs))
            r = Rename{table, {}, schema::qualifiedName(r.table, r.newName)};
        if (!r.isColumn()) {
            unqualifyConnectionSchema(r.table, live, cs);
            unqualifyConnectionSchema(r.newName, model, cs);
        }
    }
    return resolved;
}

QList<Rename> invertRenames(const QList<Rename> &renames)
{
    QList<Rename> inverted;
    for (auto it = renames.crbegin(); it != renames.crend(); ++it) {
        if (!it->isColumn()) {
            inverted.append({it->newName, {}, it->table});
            continue;
        }
        // Exact spelling first, then any case: there is no case rule to go by here.
        QString table = renamedTableName(renames, it->table, Qt::CaseSensitive);
        if (table == it->table)
            table = renamedTableName(renames, it->table, Qt::CaseInsensitive);
        inverted.append({table, it->newName, it->column});
    }
    return inverted;
}

QList<Rename> fittingRenames(const QList<Rename> &candidates, const Schema &live,
                             const Schema &model, Qt::CaseSensitivity cs)
{
    QList<Rename> kept;
    for (const bool columns : {false, true}) { // a column's table may be renamed too
        for (const Rename &r : candidates) {
            if (r.isColumn() == columns &&
                validateRenames(kept + QList<Rename>{r}, live, model, cs))
                kept.append(r);
        }
    }
    return kept;
}

QList<Rename> suggestedRenames(const QList<diff::Change> &suggestions)
{
    QList<Rename> renames;
    for (const diff::Change &c : suggestions) {
        if (c.type != diff::ChangeType::RenameSuggested)
            continue;
        if (c.object == diff::ObjectKind::Table)
            renames.append(Rename{c.name, {}, c.newName});
        else if (c.object == diff::ObjectKind::Column)
            renames.append(Rename{c.table, c.name, c.newName});
    }
    return renames;
}

} // namespace burrow::plan
