// How SQLite alters a table: native ALTER TABLE within its rules, the 12-step rebuild otherwise
// (https://www.sqlite.org/lang_altertable.html#otheralter).
#include "../../diff/differ.h"
#include "sqlite_lexer.h"
#include "sqlite_renderer.h"
#include "sqlite_table_sql.h"

namespace burrow::dialect::sqlite {
namespace {

using namespace schema;
using diff::Change;
using diff::ChangeType;
using diff::ObjectKind;

bool mentions(const QString &sql, const QString &name)
{
    for (const sql::Token &t : sql::significantTokens(sql, lexerOptions())) {
        if ((t.kind == sql::TokenKind::Word || t.kind == sql::TokenKind::QuotedIdentifier) &&
            sql::identifierName(sql, t).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool containsName(const QStringList &names, const QString &name)
{
    return names.contains(name, Qt::CaseInsensitive);
}

const ForeignKey *singleColumnForeignKey(const Table &table, const QString &column)
{
    for (const ForeignKey &fk : table.foreignKeys) {
        if (fk.columns.size() == 1 && fk.columns.first().compare(column, Qt::CaseInsensitive) == 0)
            return &fk;
    }
    return nullptr;
}

bool isNullOrAbsent(const std::optional<Expression> &value)
{
    return !value || value->canonical.compare(u"NULL", Qt::CaseInsensitive) == 0;
}

/// ADD COLUMN's rules: no key, no UNIQUE, no STORED generation, a constant default (not
/// parenthesized, not CURRENT_*), NOT NULL only with a non-NULL default, REFERENCES only with
/// a NULL default.
bool canAdd(const Column &column, const Table &target)
{
    if (column.primaryKeyPosition != 0 || column.generated == Generated::Stored)
        return false;
    for (const UniqueConstraint &u : target.uniques) {
        if (containsName(u.columns, column.name))
            return false;
    }
    if (column.defaultValue) {
        const QString clause = defaultClause(*column.defaultValue);
        if (clause.startsWith(u'(') || clause.startsWith(u"CURRENT_", Qt::CaseInsensitive))
            return false;
    }
    if (column.notNull && isNullOrAbsent(column.defaultValue))
        return false;
    return !singleColumnForeignKey(target, column.name) || isNullOrAbsent(column.defaultValue);
}

/// DROP COLUMN's rules: nothing else in the table may use the column.
bool canDrop(const Column &column, const Table &live, const Table &target)
{
    if (column.primaryKeyPosition != 0)
        return false;
    for (const UniqueConstraint &u : live.uniques) {
        if (containsName(u.columns, column.name))
            return false;
    }
    for (const ForeignKey &fk : live.foreignKeys) {
        if (containsName(fk.columns, column.name))
            return false;
    }
    for (const CheckConstraint &c : live.checks) {
        if (mentions(c.expression.text, column.name))
            return false;
    }
    for (const Column &other : live.columns) {
        if (other.generated != Generated::No &&
            mentions(other.generatedExpression.text, column.name))
            return false;
    }
    for (const Index &i : target.indexes) {
        if (mentions(createIndexSql(target.name, i), column.name))
            return false;
    }
    return true;
}

/// The expression that fills a target column from the live table's row.
QString sourceExpression(const Column &from, const Column &to)
{
    const QString name = quoteIdentifier(from.name);
    if (defaultFillsNulls(from, to))
        return u"COALESCE(" + name + u", " + defaultClause(*to.defaultValue) + u')';
    return name;
}

bool hasRowidAlias(const Table &table)
{
    return table.primaryKey && table.primaryKey->columns.size() == 1 && [&] {
        const Column *c = findColumn(table, table.primaryKey->columns.first(), Qt::CaseInsensitive);
        return c && c->type.compare(u"INTEGER", Qt::CaseInsensitive) == 0;
    }();
}

/// Rowid tables keep their rowids (nothing else may refer to them, but users do).
bool copiesRowid(const Table &live, const Table &target)
{
    if (live.withoutRowid || target.withoutRowid || hasRowidAlias(target))
        return false;
    for (const QString &reserved :
         {QStringLiteral("rowid"), QStringLiteral("oid"), QStringLiteral("_rowid_")}) {
        if (findColumn(live, reserved, Qt::CaseInsensitive) ||
            findColumn(target, reserved, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

QString copyRowsSql(const Table &live, const Table &target, const QString &scratch)
{
    QStringList into, from;
    if (copiesRowid(live, target))
        into << QStringLiteral("rowid"), from << QStringLiteral("rowid");
    for (const Column &to : target.columns) {
        const Column *source = findColumn(live, to.name, Qt::CaseInsensitive);
        if (!source || to.generated != Generated::No)
            continue; // new columns take their default; generated ones compute themselves
        into.append(quoteIdentifier(to.name));
        from.append(sourceExpression(*source, to));
    }
    return u"INSERT INTO " + quoteIdentifier(scratch) + u" (" + into.join(u", ") + u")\n  SELECT " +
           from.join(u", ") + u" FROM " + quoteIdentifier(live.name);
}

bool hasAutoIncrement(const Table &table)
{
    return std::any_of(table.columns.begin(), table.columns.end(),
                       [](const Column &c) { return c.autoIncrement; });
}

/// The counter survives the rebuild: ids of deleted rows are never handed out again.
QStringList carrySequenceSql(const Table &live, const QString &scratch)
{
    const QString from = quoteString(live.name);
    const QString to = quoteString(scratch);
    return {u"DELETE FROM sqlite_sequence WHERE name = " + to,
            u"INSERT INTO sqlite_sequence (name, seq) SELECT " + to +
                u", max(seq, coalesce((SELECT max(rowid) FROM " + quoteIdentifier(scratch) +
                u"), 0)) FROM sqlite_sequence WHERE name = " + from};
}

} // namespace

QStringList rebuildTableSql(const Table &live, const Table &target)
{
    const QString scratch = u"burrow_new_" + target.name;
    QStringList sql{createTableSql(target, scratch), copyRowsSql(live, target, scratch)};
    if (hasAutoIncrement(live) && hasAutoIncrement(target))
        sql += carrySequenceSql(live, scratch);
    sql << u"DROP TABLE " + quoteIdentifier(live.name)
        << u"ALTER TABLE " + quoteIdentifier(scratch) + u" RENAME TO " +
               quoteIdentifier(target.name);
    for (const Index &index : target.indexes)
        sql.append(createIndexSql(target.name, index));
    return sql;
}

namespace {

/// The table without its indexes and without the foreign keys that ADD COLUMN writes inline
/// (those of new columns), for comparing what else changed.
Table comparable(const Table &table, const Table &live)
{
    Table out = table;
    out.indexes.clear();
    out.triggers.clear();
    out.foreignKeys.removeIf([&](const ForeignKey &fk) {
        return fk.columns.size() == 1 && !findColumn(live, fk.columns.first(), Qt::CaseInsensitive);
    });
    return out;
}

} // namespace

std::optional<QStringList> nativeAlterSql(const Table &live, const Table &target)
{
    const Schema before{{comparable(live, live)}, {}};
    const Schema after{{comparable(target, live)}, {}};
    QStringList sql;
    const QString table = quoteIdentifier(target.name);
    for (const Change &c : diff::diffSchemas(before, after)) {
        if (c.type == ChangeType::RenameSuggested)
            continue;
        if (c.object != ObjectKind::Column || c.type == ChangeType::Changed)
            return std::nullopt;
        if (c.type == ChangeType::Added) {
            const Column &column = *findColumn(target, c.name, Qt::CaseInsensitive);
            if (!canAdd(column, target))
                return std::nullopt;
            sql.append(u"ALTER TABLE " + table + u" ADD COLUMN " +
                       columnDefinitionSql(column, singleColumnForeignKey(target, column.name)));
        } else {
            const Column &column = *findColumn(live, c.name, Qt::CaseInsensitive);
            if (!canDrop(column, live, target))
                return std::nullopt;
            sql.append(u"ALTER TABLE " + table + u" DROP COLUMN " + quoteIdentifier(column.name));
        }
    }
    return sql;
}

} // namespace burrow::dialect::sqlite
