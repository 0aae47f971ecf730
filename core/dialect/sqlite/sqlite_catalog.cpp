#include "sqlite_catalog.h"

#include "../../sql/canonical.h"
#include "../connection.h"
#include "sqlite_ddl_parser.h"
#include "sqlite_lexer.h"

#include <QHash>
#include <QSqlQuery>

namespace burrow::dialect::sqlite {
namespace {

using namespace schema;

// One query per object kind for the whole database, never one per table. The joins visit
// sqlite_schema in rowid order and each pragma in its own order (cid, id/seq, seqno), which the
// builder relies on; an ORDER BY would only add a sort.
const QString kObjectsQuery = QStringLiteral(
    "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid");
const QString kTableOptionsQuery = QStringLiteral(
    "SELECT name, wr, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'");
const QString kColumnsQuery =
    QStringLiteral("SELECT m.name, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden "
                   "FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS c "
                   "WHERE m.type = 'table'");
const QString kForeignKeysQuery = QStringLiteral(
    "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
    "FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS f "
    "WHERE m.type = 'table'");
const QString kIndexesQuery = QStringLiteral(
    "SELECT m.name, l.name, l.\"unique\", l.origin, x.cid, x.name, x.\"desc\", x.coll "
    "FROM sqlite_schema AS m JOIN pragma_index_list(m.name) AS l "
    "JOIN pragma_index_xinfo(l.name) AS x "
    "WHERE m.type = 'table' AND x.key = 1");

QString folded(const QString &name)
{
    return name.toLower();
}

Expression expression(const QString &text)
{
    return {text, sql::canonicalize(text, lexerOptions())};
}

// SQLite compares with BINARY unless told otherwise; spelling it out is no difference.
QString normalizedCollation(const QString &collation)
{
    const QString upper = collation.toUpper();
    return upper == u"BINARY" ? QString() : upper;
}

ReferentialAction referentialAction(const QString &text)
{
    const QString upper = text.toUpper();
    if (upper == u"CASCADE")
        return ReferentialAction::Cascade;
    if (upper == u"SET NULL")
        return ReferentialAction::SetNull;
    if (upper == u"SET DEFAULT")
        return ReferentialAction::SetDefault;
    if (upper == u"RESTRICT")
        return ReferentialAction::Restrict;
    return ReferentialAction::NoAction;
}

/// Builds the schema row by row; tables are found by folded name.
class CatalogBuilder {
public:
    Status read(const QSqlDatabase &db)
    {
        for (auto [sql, reader] : {std::pair{&kObjectsQuery, &CatalogBuilder::readObject},
                                   std::pair{&kTableOptionsQuery, &CatalogBuilder::readOptions},
                                   std::pair{&kColumnsQuery, &CatalogBuilder::readColumn},
                                   std::pair{&kForeignKeysQuery, &CatalogBuilder::readForeignKey},
                                   std::pair{&kIndexesQuery, &CatalogBuilder::readIndexPart}}) {
            Result<QSqlQuery> query = runQuery(db, *sql);
            if (!query)
                return query.error();
            while (query->next())
                (this->*reader)(*query);
        }
        return Ok{};
    }

    Schema finish()
    {
        for (auto &[tableName, trigger] : m_triggers) {
            if (Table *owner = table(tableName))
                owner->triggers.append(std::move(trigger));
            else if (View *view = viewNamed(tableName))
                view->triggers.append(std::move(trigger));
        }
        for (qsizetype i = 0; i < m_schema.tables.size(); ++i)
            completeFromCreateText(m_schema.tables[i], m_parsed[i]);
        return std::move(m_schema);
    }

private:
    View *viewNamed(const QString &name)
    {
        for (View &v : m_schema.views) {
            if (v.name.compare(name, Qt::CaseInsensitive) == 0)
                return &v;
        }
        return nullptr;
    }

    Table *table(const QString &name)
    {
        const auto it = m_tableIndex.constFind(folded(name));
        return it == m_tableIndex.cend() ? nullptr : &m_schema.tables[*it];
    }

    void readObject(const QSqlQuery &row)
    {
        const QString type = row.value(0).toString();
        const QString name = row.value(1).toString();
        const QString sql = row.value(3).toString();
        if (type == u"table") {
            m_tableIndex.insert(folded(name), m_schema.tables.size());
            m_schema.tables.append(Table{name, {}, {}, {}, {}, {}, {}, {}, false, false, sql});
            m_parsed.append(parseCreateTable(sql, lexerOptions()));
        } else if (type == u"view") {
            m_schema.views.append(View{name, expression(sql)});
        } else if (type == u"trigger") {
            m_triggers.append({row.value(2).toString(), Trigger{name, expression(sql)}});
        } else if (type == u"index") {
            m_indexSql.insert(folded(name), sql);
        }
    }

    void readOptions(const QSqlQuery &row)
    {
        if (Table *t = table(row.value(0).toString())) {
            t->withoutRowid = row.value(1).toBool();
            t->strict = row.value(2).toBool();
        }
    }

    void readColumn(const QSqlQuery &row)
    {
        Table *t = table(row.value(0).toString());
        if (!t)
            return;
        Column column;
        column.name = row.value(1).toString();
        column.type = sql::normalizeTypeSpelling(row.value(2).toString(), lexerOptions());
        column.typeKey = column.type;
        column.notNull = row.value(3).toBool();
        if (!row.value(4).isNull())
            column.defaultValue = expression(row.value(4).toString());
        column.primaryKeyPosition = row.value(5).toInt();
        const int hidden = row.value(6).toInt();
        column.generated = hidden == 2   ? Generated::Virtual
                           : hidden == 3 ? Generated::Stored
                                         : Generated::No;
        t->columns.append(column);
    }

    void readForeignKey(const QSqlQuery &row)
    {
        Table *t = table(row.value(0).toString());
        if (!t)
            return;
        const int id = row.value(1).toInt();
        if (t->foreignKeys.isEmpty() || m_lastForeignKeyId != id || m_lastForeignKeyTable != t) {
            ForeignKey fk;
            fk.referencedTable = row.value(2).toString();
            fk.onUpdate = referentialAction(row.value(5).toString());
            fk.onDelete = referentialAction(row.value(6).toString());
            t->foreignKeys.append(fk);
            m_lastForeignKeyId = id;
            m_lastForeignKeyTable = t;
        }
        ForeignKey &fk = t->foreignKeys.last();
        fk.columns.append(row.value(3).toString());
        if (!row.value(4).isNull())
            fk.referencedColumns.append(row.value(4).toString());
    }

    void readIndexPart(const QSqlQuery &row)
    {
        Table *t = table(row.value(0).toString());
        if (!t)
            return;
        const QString indexName = row.value(1).toString();
        const QString origin = row.value(3).toString();
        IndexPart part;
        part.column = row.value(4).toInt() >= 0 ? row.value(5).toString() : QString();
        part.order = row.value(6).toBool() ? SortOrder::Descending : SortOrder::Ascending;
        part.collation = normalizedCollation(row.value(7).toString());
        if (origin == u"u")
            addToUnique(*t, indexName, part.column);
        else if (origin == u"c")
            addToIndex(*t, indexName, row.value(2).toBool(), part);
    }

    void addToUnique(Table &t, const QString &indexName, const QString &column)
    {
        if (m_currentIndex != indexName || t.uniques.isEmpty()) {
            t.uniques.append(UniqueConstraint{});
            m_currentIndex = indexName;
        }
        t.uniques.last().columns.append(column);
    }

    void addToIndex(Table &t, const QString &indexName, bool unique, const IndexPart &part)
    {
        if (m_currentIndex != indexName || t.indexes.isEmpty()) {
            const QString sql = m_indexSql.value(folded(indexName));
            t.indexes.append(Index{indexName, unique, {}, {}, sql});
            m_currentIndex = indexName;
            m_parsedIndex = parseCreateIndex(sql, lexerOptions());
            if (!m_parsedIndex.where.isEmpty())
                t.indexes.last().where = expression(m_parsedIndex.where);
        }
        Index &index = t.indexes.last();
        IndexPart completed = part;
        if (completed.column.isEmpty())
            completed.expression =
                expression(m_parsedIndex.partExpressions.value(index.parts.size()));
        index.parts.append(completed);
    }

    static void completeFromCreateText(Table &t, const ParsedTable &parsed);

    Schema m_schema;
    QList<ParsedTable> m_parsed; // parallel to m_schema.tables
    QHash<QString, qsizetype> m_tableIndex;
    QHash<QString, QString> m_indexSql;
    QList<std::pair<QString, Trigger>> m_triggers; // (table, trigger), attached at the end
    QString m_currentIndex;
    ParsedIndex m_parsedIndex;
    int m_lastForeignKeyId = -1;
    const Table *m_lastForeignKeyTable = nullptr;
};

bool sameNames(const QStringList &a, const QStringList &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (folded(a[i]) != folded(b[i]))
            return false;
    }
    return true;
}

void completeColumns(Table &t, const ParsedTable &parsed)
{
    for (const ParsedColumn &pc : parsed.columns) {
        for (Column &column : t.columns) {
            if (folded(column.name) != folded(pc.name))
                continue;
            column.collation = normalizedCollation(pc.collation);
            column.autoIncrement = pc.autoIncrement;
            if (!pc.generatedExpression.isEmpty())
                column.generatedExpression = expression(pc.generatedExpression);
        }
    }
}

void completePrimaryKey(Table &t, const ParsedTable &parsed)
{
    QList<const Column *> keyColumns;
    for (const Column &column : t.columns) {
        if (column.primaryKeyPosition > 0)
            keyColumns.append(&column);
    }
    if (keyColumns.isEmpty())
        return;
    std::sort(keyColumns.begin(), keyColumns.end(), [](const Column *a, const Column *b) {
        return a->primaryKeyPosition < b->primaryKeyPosition;
    });
    PrimaryKey key;
    for (const Column *column : keyColumns)
        key.columns.append(column->name);
    for (const ParsedConstraint &pc : parsed.constraints) {
        if (pc.kind == ParsedConstraint::Kind::PrimaryKey)
            key.name = pc.name;
    }
    t.primaryKey = key;
}

void completeConstraints(Table &t, const ParsedTable &parsed)
{
    using Kind = ParsedConstraint::Kind;
    for (const ParsedConstraint &pc : parsed.constraints) {
        if (pc.kind == Kind::Check) {
            t.checks.append(CheckConstraint{pc.name, expression(pc.checkExpression)});
        } else if (pc.kind == Kind::Unique) {
            for (UniqueConstraint &unique : t.uniques) {
                if (unique.name.isEmpty() && sameNames(unique.columns, pc.columns))
                    unique.name = pc.name;
            }
        } else if (pc.kind == Kind::ForeignKey) {
            for (ForeignKey &fk : t.foreignKeys) {
                if (sameNames(fk.columns, pc.columns) &&
                    folded(fk.referencedTable) == folded(pc.referencedTable)) {
                    fk.name = pc.name;
                    // SQLite defers only INITIALLY DEFERRED keys; other spellings are immediate.
                    if (pc.deferral == Deferral::InitiallyDeferred)
                        fk.deferral = Deferral::InitiallyDeferred;
                }
            }
        }
    }
}

void CatalogBuilder::completeFromCreateText(Table &t, const ParsedTable &parsed)
{
    completeColumns(t, parsed);
    completePrimaryKey(t, parsed);
    completeConstraints(t, parsed);
}

} // namespace

Result<Schema> readCatalog(const QSqlDatabase &db)
{
    CatalogBuilder builder;
    if (Status status = builder.read(db); !status)
        return status.error();
    return builder.finish();
}

} // namespace burrow::dialect::sqlite
