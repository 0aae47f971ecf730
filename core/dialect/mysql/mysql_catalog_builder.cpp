#include "mysql_catalog_builder_p.h"
#include "mysql_connection.h"
#include "mysql_events.h"
#include "mysql_lexer.h"
#include "mysql_normalize.h"
#include "mysql_periods.h"
#include "mysql_routines.h"
#include "mysql_sequences.h"
#include "mysql_sql_mode.h"
#include "mysql_table_options.h"
#include "mysql_table_sql.h"

namespace burrow::dialect::mysql {

using namespace schema;

namespace {

QString foreignKeyKey(const QString &table, const QString &constraint)
{
    return table + u'\x1f' + constraint;
}

/// The `on update …` clause of an EXTRA value, empty when there is none.
QString onUpdateClause(const QString &extra)
{
    const qsizetype at = extra.indexOf(u"on update ", 0, Qt::CaseInsensitive);
    return at < 0 ? QString() : extra.mid(at).trimmed();
}

/// MariaDB names a sequence in a default with its database (`nextval(`db`.`s`)`): the live and
/// the model's scratch database compare equal without it. A quoted literal is left as it is.
QVariant defaultInOwnDatabase(const QVariant &value, const QString &database)
{
    if (value.isNull() || value.toString().startsWith(u'\''))
        return value;
    return withoutSchemaPrefix(value.toString(), database);
}

Generated generatedKind(const QString &extra)
{
    if (extra.contains(u"VIRTUAL GENERATED", Qt::CaseInsensitive))
        return Generated::Virtual;
    if (extra.contains(u"STORED GENERATED", Qt::CaseInsensitive))
        return Generated::Stored;
    return Generated::No;
}

} // namespace

Table *CatalogBuilder::table(const QString &name)
{
    const auto it = m_tableIndex.constFind(name);
    return it == m_tableIndex.cend() ? nullptr : &m_schema.tables[*it];
}

void CatalogBuilder::readTable(const QSqlQuery &row)
{
    const QString name = text(row, 0);
    if (text(row, 4) == u"SEQUENCE") {
        m_sequenceNames.append(name);
        return;
    }
    m_tableIndex.insert(name, m_schema.tables.size());
    m_tableCollation.insert(name, text(row, 1));
    Table t;
    t.name = name;
    t.comment = text(row, 2);
    t.collation = text(row, 1);
    t.options = declaredTableOptions(text(row, 3), text(row, 5));
    t.systemVersioned = text(row, 4) == u"SYSTEM VERSIONED";
    m_schema.tables.append(t);
}

void CatalogBuilder::readColumn(const QSqlQuery &row)
{
    Table *t = table(text(row, 0));
    if (!t)
        return; // a view's column
    const QString extra = text(row, 5);
    Column column;
    column.name = text(row, 1);
    // ON UPDATE has no field of its own: it travels with the type, so that it is compared and
    // written back with it.
    // MariaDB writes a compressed column's attribute as `/*M!100301 COMPRESSED*/`: opened, a
    // comment that a lexer skips becomes part of the type compared.
    const QString type = withExecutableCommentsUnwrapped(text(row, 2));
    const QString onUpdate = onUpdateClause(extra);
    column.type = onUpdate.isEmpty() ? type : type + u' ' + onUpdate;
    column.typeKey = typeKey(column.type);
    column.notNull = text(row, 3) == u"NO";
    column.generated = generatedKind(extra);
    if (column.generated == Generated::No)
        column.defaultValue = columnDefault(defaultInOwnDatabase(row.value(4), m_database));
    else
        column.generatedExpression = expression(text(row, 6));
    column.autoIncrement = extra.contains(u"auto_increment", Qt::CaseInsensitive);
    column.invisible = extra.contains(u"INVISIBLE", Qt::CaseInsensitive);
    column.unversioned = extra.contains(u"WITHOUT SYSTEM VERSIONING", Qt::CaseInsensitive);
    const QString collation = text(row, 7);
    if (!collation.isEmpty() && collation != m_tableCollation.value(t->name))
        column.collation = collation;
    column.comment = text(row, 8);
    t->columns.append(column);
}

void CatalogBuilder::addPrimaryKeyColumn(Table &t, const QString &column)
{
    if (!t.primaryKey)
        t.primaryKey = PrimaryKey{};
    t.primaryKey->columns.append(column);
    for (Column &c : t.columns) {
        if (c.name == column)
            c.primaryKeyPosition = int(t.primaryKey->columns.size());
    }
}

void CatalogBuilder::readIndexPart(const QSqlQuery &row)
{
    Table *t = table(text(row, 0));
    if (!t)
        return;
    const QString indexName = text(row, 1);
    const QString column = text(row, 3);
    if (indexName == u"PRIMARY") {
        addPrimaryKeyColumn(*t, column);
        t->primaryKey->comment = text(row, 7);
        return;
    }
    QList<RawIndex> &indexes = m_indexes[t->name];
    if (indexes.isEmpty() || indexes.last().index.name != indexName) {
        RawIndex raw;
        raw.index.name = indexName;
        raw.index.unique = row.value(2).toInt() == 0;
        raw.type = text(row, 6).toUpper();
        raw.index.comment = text(row, 7);
        raw.index.options = ignoredOption(text(row, 8) == u"YES");
        indexes.append(raw);
    }
    RawIndex &raw = indexes.last();
    IndexPart part;
    // A SPATIAL key reports SUB_PART 32 (its MBR's size), yet takes no prefix length.
    if (row.value(4).isNull() || raw.type == u"SPATIAL") {
        part.column = column;
    } else { // a prefix: `name`(10)
        part.expression = expression(quoteIdentifier(column) + u'(' + text(row, 4) + u')');
        raw.plainColumns = false;
    }
    if (text(row, 5) == u"D") {
        part.order = SortOrder::Descending;
        raw.plainColumns = false;
    }
    raw.index.parts.append(part);
}

void CatalogBuilder::readForeignKeyPart(const QSqlQuery &row)
{
    Table *t = table(text(row, 0));
    if (!t)
        return;
    const QString key = foreignKeyKey(t->name, text(row, 1));
    auto it = m_foreignKeyIndex.constFind(key);
    if (it == m_foreignKeyIndex.cend()) {
        ForeignKey fk;
        fk.name = text(row, 1);
        fk.referencedTable = text(row, 3);
        fk.onUpdate = referentialAction(text(row, 5));
        fk.onDelete = referentialAction(text(row, 6));
        it = m_foreignKeyIndex.insert(key, t->foreignKeys.size());
        t->foreignKeys.append(fk);
    }
    ForeignKey &fk = t->foreignKeys[*it];
    fk.columns.append(text(row, 2));
    fk.referencedColumns.append(text(row, 4));
}

void CatalogBuilder::readCheck(const QSqlQuery &row)
{
    Table *t = table(text(row, 0));
    if (!t)
        return;
    const bool columnLevel = text(row, 3).compare(u"Column", Qt::CaseInsensitive) == 0;
    CheckConstraint check{text(row, 1), expression(text(row, 2))};
    check.column = columnLevel ? text(row, 1) : QString();
    t->checks.append(check);
}

void CatalogBuilder::readView(const QSqlQuery &row)
{
    const QString name = text(row, 0);
    // Spelled only when not the default: who the view runs as matters to what it may read.
    const QString algorithm = text(row, 3);
    const QString security = text(row, 4);
    QString sql =
        u"CREATE " +
        (algorithm.isEmpty() || algorithm == u"UNDEFINED" ? QString()
                                                          : u"ALGORITHM=" + algorithm + u' ') +
        (security == u"INVOKER" ? QStringLiteral("SQL SECURITY INVOKER ") : QString()) + u"VIEW " +
        quoteIdentifier(name) + u" AS " + withoutSchemaPrefix(text(row, 1), m_database);
    const QString checkOption = text(row, 2);
    if (!checkOption.isEmpty() && checkOption != u"NONE")
        sql += u" WITH " + checkOption + u" CHECK OPTION";
    View view{name, expression(sql), {}};
    view.definer = text(row, 5);
    m_schema.views.append(view);
}

void CatalogBuilder::readTrigger(const QSqlQuery &row)
{
    Table *t = table(text(row, 0));
    if (!t)
        return;
    const QString name = text(row, 1);
    const QString sql = u"CREATE TRIGGER " + quoteIdentifier(name) + u' ' + text(row, 2) + u' ' +
                        text(row, 3) + u" ON " + quoteIdentifier(t->name) + u" FOR EACH ROW " +
                        text(row, 4);
    Trigger trigger{name, expression(sql)};
    trigger.definer = text(row, 5);
    trigger.moment = text(row, 2) + u' ' + text(row, 3);
    trigger.sqlMode = sqlModeOf(text(row, 6), text(row, 7));
    t->triggers.append(trigger);
}

void CatalogBuilder::readEvent(const QSqlQuery &row)
{
    m_schema.events.append(eventFromRow(row));
}

void CatalogBuilder::readRoutine(const QSqlQuery &row)
{
    m_schema.functions.append(routineFromRow(row));
}

void CatalogBuilder::readSequence(const QSqlQuery &row)
{
    m_schema.sequences.append(sequenceFromRow(row, m_sequenceNames));
}

// A unique BTREE index on whole columns is what UNIQUE declares: a constraint. Everything else
// (prefixes, descending parts, FULLTEXT, non-unique, IGNORED) stays an index.
void CatalogBuilder::classifyIndexes(Table &t, const QList<RawIndex> &indexes)
{
    for (const RawIndex &raw : indexes) {
        const bool special = raw.type == u"FULLTEXT" || raw.type == u"SPATIAL";
        if (raw.index.unique && raw.plainColumns && !special && !isIgnored(raw.index)) {
            UniqueConstraint unique{raw.index.name, {}, raw.index.comment};
            for (const IndexPart &part : raw.index.parts)
                unique.columns.append(part.column);
            unique.withoutOverlaps = raw.withoutOverlaps;
            t.uniques.append(unique);
            continue;
        }
        Index index = raw.index;
        index.sql = createIndexSql(t.name, index, special ? raw.type : QString());
        t.indexes.append(index);
    }
}

// MariaDB appends the ROW END column of a table with explicit period columns to its primary and
// unique keys itself (a row's versions share the key): the keys are compared as declared.
void CatalogBuilder::leaveOutRowEnd(Table &t)
{
    const auto rowEnd = std::find_if(t.columns.begin(), t.columns.end(), [](const Column &c) {
        return periodBoundary(c) == u"ROW END";
    });
    if (!t.systemVersioned || rowEnd == t.columns.end())
        return;
    if (t.primaryKey && t.primaryKey->columns.size() > 1 &&
        t.primaryKey->columns.last() == rowEnd->name) {
        t.primaryKey->columns.removeLast();
        rowEnd->primaryKeyPosition = 0;
    }
    for (RawIndex &raw : m_indexes[t.name]) {
        if (raw.index.unique && raw.index.parts.size() > 1 &&
            raw.index.parts.last().column == rowEnd->name)
            raw.index.parts.removeLast();
    }
}

QStringList CatalogBuilder::periodCandidates() const
{
    QStringList out;
    for (const Table &t : m_schema.tables) {
        if (std::any_of(t.checks.begin(), t.checks.end(), mayBePeriodCheck))
            out.append(t.name);
    }
    return out;
}

// The period's CHECK is the engine's, hidden from SHOW CREATE TABLE: it goes. A key using the
// period lists the period's end and start columns after its own: they go too.
void CatalogBuilder::readPeriod(const QString &name, const QString &createTable)
{
    Table *t = table(name);
    const PeriodDeclaration declared = periodDeclaration(createTable);
    if (!t || declared.period.name.isEmpty())
        return;
    t->period = declared.period;
    const QString hiddenCheck =
        quoteIdentifier(declared.period.start) + u" < " + quoteIdentifier(declared.period.end);
    t->checks.removeIf([&](const CheckConstraint &c) {
        return c.column.isEmpty() && !declared.checks.contains(c.name) &&
               c.expression.text.trimmed() == hiddenCheck;
    });
    const QStringList boundaries{declared.period.end, declared.period.start};
    const auto endsWithBoundaries = [&boundaries](const QStringList &columns) {
        return columns.size() > 2 && columns.sliced(columns.size() - 2) == boundaries;
    };
    for (const QString &key : declared.withoutOverlaps) {
        if (key == u"PRIMARY" && t->primaryKey && endsWithBoundaries(t->primaryKey->columns)) {
            t->primaryKey->columns.resize(t->primaryKey->columns.size() - 2);
            t->primaryKey->withoutOverlaps = declared.period.name;
            for (Column &c : t->columns) {
                if (boundaries.contains(c.name))
                    c.primaryKeyPosition = 0;
            }
            continue;
        }
        for (RawIndex &raw : m_indexes[t->name]) {
            if (raw.index.name != key)
                continue;
            QStringList columns;
            for (const IndexPart &part : raw.index.parts)
                columns.append(part.column);
            if (endsWithBoundaries(columns)) {
                raw.index.parts.resize(raw.index.parts.size() - 2);
                raw.withoutOverlaps = declared.period.name;
            }
        }
    }
}

Schema CatalogBuilder::finish()
{
    for (Table &t : m_schema.tables) {
        leaveOutRowEnd(t);
        classifyIndexes(t, m_indexes.value(t.name));
        t.partitioning = m_partitions.clauseOf(t.name);
    }
    return std::move(m_schema);
}

} // namespace burrow::dialect::mysql
