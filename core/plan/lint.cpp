#include "lint.h"

#include "../dialect/connection.h"
#include "../diff/describe.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QVariant>

#include <functional>
#include <optional>

namespace burrow::plan {
namespace {

using diff::Change;
using diff::ChangeType;
using diff::displayName;
using diff::ObjectKind;
using namespace schema;
using Severity = LintWarning::Severity;

// Names compare as SQLite's do until the dialect's comparison is passed in.
constexpr Qt::CaseSensitivity kNames = Qt::CaseInsensitive;

// Aliases of the two sides of a foreign key in its orphan query.
const QString kChild = QStringLiteral("child");
const QString kParent = QStringLiteral("parent");

QString counted(qint64 n, QStringView singular, QStringView plural)
{
    return QString::number(n) + u' ' + (n == 1 ? singular : plural);
}

/// "3 rows of task hold": the subject of most messages, with the verb agreeing.
QString rowsThat(qint64 n, const QString &table, QStringView singularVerb, QStringView pluralVerb)
{
    return counted(n, u"row", u"rows") + u" of " + displayName(table) + u' ' +
           (n == 1 ? singularVerb : pluralVerb);
}

QString qualified(const QString &table, const QString &column)
{
    return displayName(table) + u'.' + displayName(column);
}

QString typeText(const Column &column)
{
    return column.type.isEmpty() ? QStringLiteral("(no declared type)") : column.type;
}

/// The constraint a change names: by name, or (anonymous) by the description the differ gave it.
template<typename T, typename DescribeFn>
const T *findConstraint(const QList<T> &items, const Change &change, DescribeFn describe)
{
    for (const T &item : items) {
        const QString name = change.anonymous ? describe(item) : item.name;
        if (item.name.isEmpty() == change.anonymous && name.compare(change.name, kNames) == 0)
            return &item;
    }
    return nullptr;
}

/// A PRIMARY KEY or UNIQUE constraint holds like the unique index on its columns.
Index indexOn(const QStringList &columns)
{
    Index index;
    for (const QString &column : columns)
        index.parts.append(IndexPart{column, {}, SortOrder::Ascending, {}});
    return index;
}

/// One counting query and what to say about a positive count.
struct Probe {
    Severity severity;
    QString what; // "the rows of book violating CHECK (price > 0)", for a failed count
    QString sql;
    std::function<QString(qint64)> message;
};

/// Runs the counting queries of one lint; see lintPlan. Built in place, by lintPlan only.
struct Linter {
    const MigrationPlan &m_plan;
    const Schema &m_live;
    const Schema &m_target;
    const QSqlDatabase &m_db;
    const SqlRenderer &m_r;
    QList<LintWarning> m_out = {};
    std::optional<Error> m_fatal = {};

    Result<QList<LintWarning>> run();

    QString q(const QString &identifier) const { return m_r.quote(identifier); }
    const Table *liveTable(const QString &table) const;
    QString liveColumnName(const QString &liveTable, const QString &column) const;
    QString rowsAs(const Table &live, const Table &target, const QString &alias) const;

    void lint(const Change &c);
    void droppedTable(const Change &c);
    void droppedLabels(const Change &c);
    void column(const Change &c, const Table &live, const Table &target);
    void droppedColumn(const Change &c, const Table &live);
    void addedColumn(const Change &c, const Table &live, const Column &column);
    void changedColumn(const Change &c, const Table &live, const Column &from, const Column &to);
    void uniqueness(const Change &c, const Table &live, const Table &target);
    void duplicates(const Change &c, const Table &live, const Table &target, const Index &index);
    void narrowedType(const Change &c, const Table &live, const Column &from, const Column &to);
    std::optional<QString> noParentRow(const ForeignKey &fk) const;
    void foreignKey(const Change &c, const Table &live, const Table &target);
    void check(const Change &c, const Table &live, const Table &target);

    void probe(const Change &c, const Probe &p);
    void warn(Severity severity, const Change &c, const QString &message, qint64 rows)
    {
        m_out.append(LintWarning{severity, c, message, rows});
    }
};

Result<QList<LintWarning>> Linter::run()
{
    if (!m_db.isOpen())
        return Error{Error::Code::Internal, QStringLiteral("lint needs an open database")};
    for (const Change &c : m_plan.changes) {
        lint(c);
        if (m_fatal)
            return *m_fatal;
    }
    return m_out;
}

// The plan's changes use the names after its renames; the database still has the old ones.
const Table *Linter::liveTable(const QString &table) const
{
    for (const Rename &r : m_plan.renames) {
        if (!r.isColumn() && r.newName.compare(table, kNames) == 0)
            return findTable(m_live, r.table, kNames);
    }
    return findTable(m_live, table, kNames);
}

QString Linter::liveColumnName(const QString &liveTable, const QString &column) const
{
    for (const Rename &r : m_plan.renames) {
        if (r.isColumn() && r.table.compare(liveTable, kNames) == 0 &&
            r.newName.compare(column, kNames) == 0)
            return r.column;
    }
    return column;
}

/// The live rows shaped as the target table, so that target expressions (CHECK, index terms)
/// read them: renamed columns under their new names, new columns holding their default.
QString Linter::rowsAs(const Table &live, const Table &target, const QString &alias) const
{
    QStringList columns;
    for (const Column &c : target.columns) {
        const Column *source = findColumn(live, liveColumnName(live.name, c.name), kNames);
        const QString null = m_r.typedNull(c);
        const QString value = source           ? q(source->name)
                              : c.defaultValue ? u'(' + c.defaultValue->text + u')'
                                               : null;
        columns.append(value + u" AS " + q(c.name));
    }
    return u"(SELECT " + columns.join(u", ") + u" FROM " + q(live.name) + u") AS " + q(alias);
}

void Linter::lint(const Change &c)
{
    if (c.object == ObjectKind::Table && c.type == ChangeType::Removed)
        return droppedTable(c);
    if (c.object == ObjectKind::Enum && c.type == ChangeType::Changed)
        return droppedLabels(c);
    const Table *live = liveTable(c.table);
    const Table *target = findTable(m_target, c.table, kNames);
    if (!live || !target) // a new table has no rows yet
        return;
    if (c.object == ObjectKind::Column)
        column(c, *live, *target);
    else if (c.object == ObjectKind::ForeignKey)
        foreignKey(c, *live, *target);
    else if (c.object == ObjectKind::Check)
        check(c, *live, *target);
    else // primary keys, UNIQUE and indexes; nothing for the other kinds
        uniqueness(c, *live, *target);
}

/// The rows holding a label the enum type no longer has: their cast to the new type fails.
/// Columns of the type itself (arrays of it hold several labels, not counted here).
void Linter::droppedLabels(const Change &c)
{
    const EnumType *from = findNamed(m_live.enums, c.name, kNames);
    const EnumType *to = findNamed(m_target.enums, c.name, kNames);
    if (!from || !to)
        return;
    QStringList dropped; // standard string literals: enum types are PostgreSQL's
    for (const QString &label : from->labels) {
        if (!to->labels.contains(label))
            dropped.append(u'\'' + QString(label).replace(u'\'', QStringLiteral("''")) + u'\'');
    }
    if (dropped.isEmpty())
        return;
    for (const Table &table : m_live.tables) {
        for (const Column &column : table.columns) {
            if (!columnUsesType(column, from->name, q(from->name)) ||
                column.typeKey.endsWith(u"[]"))
                continue;
            const QString name = qualified(table.name, column.name);
            probe(c, {Severity::DataDependent, u"the rows of " + name + u" holding dropped labels",
                      u"SELECT COUNT(*) FROM " + q(table.name) + u" WHERE CAST(" + q(column.name) +
                          u" AS text) IN (" + dropped.join(u", ") + u')',
                      [&](qint64 n) -> QString {
                          return rowsThat(n, table.name, u"holds", u"hold") +
                                 u" a label that enum type " + displayName(c.name) + u" drops (" +
                                 dropped.join(u", ") + u") in " + name;
                      }});
        }
    }
}

void Linter::droppedTable(const Change &c)
{
    if (const Table *live = liveTable(c.name)) {
        probe(c, {Severity::Destructive, u"the rows of " + displayName(c.name),
                  u"SELECT COUNT(*) FROM " + q(live->name), [&](qint64 n) -> QString {
                      return u"drops table " + displayName(c.name) + u" holding " +
                             counted(n, u"row", u"rows");
                  }});
    }
}

void Linter::column(const Change &c, const Table &live, const Table &target)
{
    if (c.type == ChangeType::Removed)
        return droppedColumn(c, live);
    const Column *to = findColumn(target, c.name, kNames);
    if (to && c.type == ChangeType::Added)
        return addedColumn(c, live, *to);
    const Column *from = findColumn(live, liveColumnName(live.name, c.name), kNames);
    if (to && from && c.type == ChangeType::Changed)
        changedColumn(c, live, *from, *to);
}

void Linter::droppedColumn(const Change &c, const Table &live)
{
    const Column *column = findColumn(live, c.name, kNames);
    if (!column)
        return;
    const QString name = qualified(c.table, c.name);
    probe(c, {Severity::Destructive, u"the values of " + name,
              u"SELECT COUNT(" + q(column->name) + u") FROM " + q(live.name),
              [&](qint64 n) -> QString {
                  return u"drops column " + name + u" holding " +
                         counted(n, u"non-null value", u"non-null values");
              }});
}

void Linter::addedColumn(const Change &c, const Table &live, const Column &column)
{
    // A default or a generating expression gives existing rows a value.
    if (!column.notNull || column.defaultValue || column.generated != Generated::No)
        return;
    probe(c, {Severity::DataDependent, u"the rows of " + displayName(c.table),
              u"SELECT COUNT(*) FROM " + q(live.name), [&](qint64 n) -> QString {
                  return displayName(c.table) + u" has " + counted(n, u"row", u"rows") +
                         u"; new NOT NULL column " + qualified(c.table, c.name) +
                         u" has no default";
              }});
}

/// The values a narrower type cannot hold, where the dialect can tell which; else every value.
void Linter::narrowedType(const Change &c, const Table &live, const Column &from, const Column &to)
{
    const QString name = qualified(c.table, c.name);
    const QString change =
        u"changes the type of " + name + u" from " + typeText(from) + u" to " + typeText(to);
    if (const QString lost = m_r.valuesNotHeld(from, to); !lost.isEmpty()) {
        probe(c, {Severity::Destructive, u"the values of " + name + u" that do not fit",
                  u"SELECT COUNT(*) FROM " + q(live.name) + u" WHERE " + lost,
                  [&](qint64 n) -> QString {
                      return change + u": " +
                             counted(n, u"value does not fit", u"values do not fit");
                  }});
        return;
    }
    probe(c,
          {Severity::Destructive, u"the values of " + name,
           u"SELECT COUNT(" + q(from.name) + u") FROM " + q(live.name), [&](qint64 n) -> QString {
               return change + u" over " + counted(n, u"non-null value", u"non-null values");
           }});
}

void Linter::changedColumn(const Change &c, const Table &live, const Column &from, const Column &to)
{
    const QString name = qualified(c.table, c.name);
    // Which type changes narrow is the engine's knowledge (its renderer says).
    if (c.attributes.contains(u"type") && m_r.narrowsType(from, to))
        narrowedType(c, live, from, to);
    if (!c.attributes.contains(u"not null") || !to.notNull)
        return;
    // With a default the migration fills them: informational, still worth knowing.
    const QString filled = defaultFillsNulls(from, to)
                               ? u" (filled with the default " + to.defaultValue->text + u')'
                               : QString();
    probe(c, {Severity::DataDependent, u"the NULLs in " + name,
              u"SELECT COUNT(*) FROM " + q(live.name) + u" WHERE " + q(from.name) + u" IS NULL",
              [&](qint64 n) -> QString {
                  return rowsThat(n, c.table, u"holds", u"hold") + u" NULL in " + name + filled;
              }});
}

void Linter::uniqueness(const Change &c, const Table &live, const Table &target)
{
    if (c.type == ChangeType::Removed)
        return;
    if (c.object == ObjectKind::PrimaryKey && target.primaryKey &&
        (c.type == ChangeType::Added || c.attributes.contains(u"columns")))
        return duplicates(c, live, target, indexOn(target.primaryKey->columns));
    if (c.object == ObjectKind::Unique && c.type == ChangeType::Added) {
        auto describe = [](const UniqueConstraint &u) { return diff::displayNames(u.columns); };
        if (const UniqueConstraint *u = findConstraint(target.uniques, c, describe))
            duplicates(c, live, target, indexOn(u->columns));
    } else if (c.object == ObjectKind::Index) {
        // Any change to an index that ends up unique can make existing rows collide.
        const Index *index = findConstraint(target.indexes, c, [](const Index &) {
            return QString(); // indexes always have a name
        });
        if (index && index->unique)
            duplicates(c, live, target, *index);
    }
}

/// Counts the values that repeat under `index` (unique), in the target-shaped rows.
void Linter::duplicates(const Change &c, const Table &live, const Table &target, const Index &index)
{
    QStringList conditions, groups, shown;
    for (const IndexPart &part : index.parts) {
        const bool isColumn = !part.column.isEmpty();
        const QString term = isColumn ? q(part.column) : m_r.indexedValue(part.expression);
        const Column *def = isColumn ? findColumn(target, part.column, kNames) : nullptr;
        const QString collation = !part.collation.isEmpty() ? part.collation
                                  : def                     ? def->collation
                                                            : QString();
        conditions.append(term + u" IS NOT NULL"); // NULLs never collide
        groups.append(collation.isEmpty() ? term : term + u" COLLATE " + q(collation));
        shown.append(isColumn ? displayName(part.column) : part.expression.text);
    }
    if (!index.where.isEmpty())
        conditions.append(u'(' + index.where.text + u')');
    const QString sql = u"SELECT COUNT(*) FROM (SELECT 1 FROM " +
                        rowsAs(live, target, target.name) + u" WHERE " + conditions.join(u" AND ") +
                        u" GROUP BY " + groups.join(u", ") + u" HAVING COUNT(*) > 1) AS " +
                        q(QStringLiteral("duplicates"));
    const QString where = u'(' + shown.join(u", ") + u") in " + displayName(c.table);
    probe(c,
          {Severity::DataDependent, u"the duplicates of " + where, sql, [&](qint64 n) -> QString {
               return counted(n, u"duplicate value", u"duplicate values") + u" of " + where;
           }});
}

/// "NOT EXISTS (…)" over the parent's rows; empty when the parent has no rows yet (a new
/// table: every reference is an orphan); null when the key cannot be matched.
std::optional<QString> Linter::noParentRow(const ForeignKey &fk) const
{
    const Table *parentTarget = findTable(m_target, fk.referencedTable, kNames);
    const Table *parentLive = parentTarget ? liveTable(parentTarget->name) : nullptr;
    if (!parentLive)
        return QString();
    QStringList referenced = fk.referencedColumns;
    if (referenced.isEmpty() && parentTarget->primaryKey)
        referenced = parentTarget->primaryKey->columns;
    if (referenced.size() != fk.columns.size())
        return std::nullopt;
    QStringList matches;
    for (qsizetype i = 0; i < referenced.size(); ++i)
        matches.append(q(kParent) + u'.' + q(referenced[i]) + u" = " + q(kChild) + u'.' +
                       q(fk.columns[i]));
    return u"NOT EXISTS (SELECT 1 FROM " + rowsAs(*parentLive, *parentTarget, kParent) +
           u" WHERE " + matches.join(u" AND ") + u')';
}

void Linter::foreignKey(const Change &c, const Table &live, const Table &target)
{
    auto describe = [](const ForeignKey &fk) { return diff::displayNames(fk.columns); };
    const ForeignKey *fk = findConstraint(target.foreignKeys, c, describe);
    if (!fk || c.type == ChangeType::Removed)
        return;
    const QString parent = displayName(fk->referencedTable);
    const QString what = u"the rows of " + displayName(c.table) + u" referencing " + parent;
    const std::optional<QString> noParent = noParentRow(*fk);
    if (!noParent)
        return warn(Severity::DataDependent, c,
                    u"could not count " + what + u": no matching key in " + parent, 0);
    // SQL's rule: a reference with a NULL in any of its columns references nothing.
    QStringList conditions;
    for (const QString &column : fk->columns)
        conditions.append(q(kChild) + u'.' + q(column) + u" IS NOT NULL");
    if (!noParent->isEmpty())
        conditions.append(*noParent);
    probe(c, {Severity::DataDependent, what,
              u"SELECT COUNT(*) FROM " + rowsAs(live, target, kChild) + u" WHERE " +
                  conditions.join(u" AND "),
              [&](qint64 n) -> QString {
                  return rowsThat(n, c.table, u"references", u"reference") + u" no " + parent;
              }});
}

void Linter::check(const Change &c, const Table &live, const Table &target)
{
    // A changed expression, or one never validated, is checked against the rows again.
    if (c.type == ChangeType::Removed ||
        (c.type == ChangeType::Changed && !c.attributes.contains(u"expression") &&
         !c.attributes.contains(u"validated")))
        return;
    const CheckConstraint *constraint = findConstraint(target.checks, c, diff::describeCheck);
    if (!constraint)
        return;
    const QString definition = diff::describeCheck(*constraint);
    // NOT (NULL) is NULL: rows where the expression is NULL pass, as they do in SQL.
    probe(c, {Severity::DataDependent,
              u"the rows of " + displayName(c.table) + u" violating " + definition,
              u"SELECT COUNT(*) FROM " + rowsAs(live, target, target.name) + u" WHERE NOT (" +
                  constraint->expression.text + u')',
              [&](qint64 n) -> QString {
                  return rowsThat(n, c.table, u"violates", u"violate") + u' ' + definition;
              }});
}

/// The server's message without its severity and the lines pointing into the query: a warning is
/// one line of the migration file's header.
QString headline(const QString &message)
{
    QString line = message.section(u'\n', 0, 0).trimmed();
    static const QRegularExpression severity(QStringLiteral("^(ERROR|FATAL):\\s+"));
    return line.remove(severity);
}

/// Runs the probe's count and warns when it is positive. A failed query becomes a warning
/// saying why (an expression the engine cannot evaluate must not hide the other warnings),
/// unless the connection is gone.
void Linter::probe(const Change &c, const Probe &p)
{
    Result<QSqlQuery> query = dialect::runQuery(m_db, p.sql);
    if (query && query->next()) {
        if (const qint64 n = query->value(0).toLongLong(); n > 0)
            warn(p.severity, c, p.message(n), n);
        return;
    }
    Error error =
        query ? Error{Error::Code::Sql, query->lastError().text(), {}, 0, p.sql} : query.error();
    if (!m_db.isOpen())
        m_fatal = error;
    else
        warn(p.severity, c, u"could not count " + p.what + u": " + headline(error.message), 0);
}

} // namespace

Result<QList<LintWarning>> lintPlan(const MigrationPlan &plan, const Schema &live,
                                    const Schema &target, const QSqlDatabase &db,
                                    const SqlRenderer &renderer)
{
    return Linter{plan, live, target, db, renderer}.run();
}

QList<LintWarning> refusalsIn(const MigrationPlan &plan, const SqlRenderer &renderer)
{
    QList<LintWarning> refusals;
    for (const PlanStep &step : plan.steps) {
        for (const QString &statement : step.sql) {
            if (const QString message = renderer.refusalIn(statement); !message.isEmpty())
                refusals.append({LintWarning::Severity::Refused, step.changes.value(0),
                                 u"the migration stops at " + step.summary + u": " + message, 0});
        }
    }
    return refusals;
}

} // namespace burrow::plan
