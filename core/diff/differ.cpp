// The differ: tables, columns, keys and checks here; indexes, triggers and views in
// differ_objects.cpp; schema-level objects in schema_objects_differ.cpp.
#include "../schema/inheritance.h"
#include "describe.h"
#include "differ_p.h"
#include "policy_differ_p.h"
#include "schema_objects_differ_p.h"
#include "table_options_differ_p.h"

#include <optional>

namespace burrow::diff {
namespace detail {

using namespace schema;

QString Differ::columnSignature(const Column &c) const
{
    return QStringList{c.typeKey,
                       QString::number(c.notNull),
                       c.defaultValue ? u'=' + c.defaultValue->canonical : QString(),
                       c.collation,
                       QString::number(c.primaryKeyPosition),
                       QString::number(c.autoIncrement),
                       c.numbering,
                       QString::number(int(c.generated)),
                       c.generatedExpression.canonical,
                       QString::number(c.invisible),
                       QString::number(c.unversioned),
                       c.options}
        .join(u'\x1f');
}

QString Differ::tableSignature(const Table &t) const
{
    QStringList columns;
    for (const Column &c : t.columns)
        columns.append(key(c.name) + u'\x1e' + columnSignature(c));
    columns.sort();
    // A partition's columns are its parent's: what it is is where it belongs.
    return columns.join(u'\x1d') + u'\x1c' + key(t.partitionOf) + u'\x1f' + t.partitionBound;
}

QString Differ::indexPartsKey(const Index &i) const
{
    QStringList parts;
    for (const IndexPart &p : i.parts)
        parts << key(p.column) << p.expression.canonical << QString::number(int(p.order))
              << p.collation << p.opclass << QString::number(p.nullsOtherEnd);
    return parts.join(u'\x1f');
}

QString Differ::indexSignature(const Index &i) const
{
    return QString::number(i.unique) + QString::number(i.nullsNotDistinct) + u'\x1e' +
           i.where.canonical + u'\x1e' + indexPartsKey(i) + u'\x1e' + i.options;
}

QList<Change> Differ::run(const Schema &live, const Schema &model)
{
    m_live = &live;
    m_model = &model;
    auto tableKey = [this](const Table &t) { return key(t.name); };
    QList<Pair<Table>> pairs = pairUp(live.tables, model.tables, tableKey);
    sortByName(pairs);
    for (const Pair<Table> &p : pairs) {
        if (!p.live)
            record(ObjectKind::Table, ChangeType::Added, p.model->name, p.model->name,
                   describeTable(*p.model));
        else if (!p.model)
            record(ObjectKind::Table, ChangeType::Removed, p.live->name, p.live->name,
                   describeTable(*p.live));
        else
            compareTable(*p.live, *p.model);
    }
    suggestMoves(pairs, suggestRenames(pairs, ObjectKind::Table, {},
                                       [this](const Table &t) { return tableSignature(t); }));
    compareViews(live, model);
    m_out += diffSchemaObjects(live, model, m_cs);
    return m_out;
}

void Differ::suggestMoves(const QList<Pair<Table>> &pairs, const QSet<QString> &renamed)
{
    suggestMatches(
        pairs, ObjectKind::Table, {},
        [this](const Table &t) -> QString {
            return key(localPart(t.name)) + u'\x1e' + tableSignature(t);
        },
        [](const Table &moved) -> QString {
            const QString schema = schemaPart(moved.name);
            return schema.isEmpty()
                       ? QStringLiteral("same definition, moved to the connection's schema")
                       : u"same definition, moved to schema " + schema;
        },
        renamed);
}

void Differ::compareTable(const Table &liveTable, const Table &model)
{
    // A table joining a parent (INHERIT) keeps its columns and CHECKs that the parent has: they
    // become the parent's, so they are compared with the parent's, not dropped. One leaving a
    // parent (NO INHERIT) keeps the parent's as its own: they are compared with the model's.
    std::optional<Table> joining;
    if (joinsParent(model, liveTable, m_cs))
        joining = withJoinedParentsMembers(model, liveTable, *m_model, m_cs);
    const Table &members = joining ? *joining : model;
    std::optional<Table> leaving; // a copy only where a table inherits (rarely)
    if (!liveTable.inherits.isEmpty())
        leaving = withLeftParentsMembers(liveTable, model, *m_live, m_cs);
    const Table &live = leaving ? *leaving : liveTable;
    // A partition's columns are its parent's, compared there (neither side lists them).
    if (live.partitionOf.isEmpty() && model.partitionOf.isEmpty())
        compareColumns(live, members);
    // A table becoming a partition (or leaving one) keeps its constraints as it is attached
    // (detached): those its parent has become the parent's, the others are compared once it
    // has moved (by the next diff), since only then is it known which are its own.
    if (live.partitionOf.isEmpty() == model.partitionOf.isEmpty()) {
        comparePrimaryKeys(live, model);
        compareUniques(live, model);
        compareChecks(live, members);
        m_out += diffExclusions(live, model, m_cs);
        compareForeignKeys(live, model);
    }
    compareIndexes(model.name, live.indexes, model.indexes);
    compareTriggers(model.name, live.triggers, model.triggers);
    compareOptions(live, model);
    m_out += diffRowSecurity(live, model, m_cs);
}

void Differ::compareColumns(const Table &live, const Table &model)
{
    const auto pairs =
        pairUp(live.columns, model.columns, [this](const Column &c) { return key(c.name); });
    for (const Pair<Column> &p : pairs) {
        if (!p.live)
            record(ObjectKind::Column, ChangeType::Added, model.name, p.model->name,
                   describeColumn(*p.model));
        else if (!p.model)
            record(ObjectKind::Column, ChangeType::Removed, model.name, p.live->name,
                   describeColumn(*p.live));
        else
            compareColumn(model.name, *p.live, *p.model);
    }
    suggestRenames(pairs, ObjectKind::Column, model.name,
                   [this](const Column &c) { return columnSignature(c); });
}

void Differ::compareColumn(const QString &table, const Column &live, const Column &model)
{
    AttributeDiff d;
    d.compare(live.typeKey != model.typeKey, QStringLiteral("type"), live.type, model.type);
    d.flag(live.notNull != model.notNull, QStringLiteral("not null"),
           model.notNull ? QStringLiteral("NOT NULL added") : QStringLiteral("NOT NULL dropped"));
    d.compare(live.defaultValue.has_value() != model.defaultValue.has_value() ||
                  (live.defaultValue && *live.defaultValue != *model.defaultValue),
              QStringLiteral("default"), defaultText(live), defaultText(model));
    d.compare(live.collation != model.collation, QStringLiteral("collation"), live.collation,
              model.collation);
    d.flag(live.autoIncrement != model.autoIncrement, QStringLiteral("autoincrement"),
           model.autoIncrement ? QStringLiteral("AUTOINCREMENT added")
                               : QStringLiteral("AUTOINCREMENT dropped"));
    d.compare(live.autoIncrement && model.autoIncrement && live.numbering != model.numbering,
              QStringLiteral("numbering"), live.numbering, model.numbering);
    d.compare(live.generated != model.generated ||
                  live.generatedExpression != model.generatedExpression,
              QStringLiteral("generated"), generatedText(live), generatedText(model));
    d.compare(live.comment != model.comment, QStringLiteral("comment"), live.comment,
              model.comment);
    d.flag(live.invisible != model.invisible, QStringLiteral("invisible"),
           model.invisible ? QStringLiteral("INVISIBLE added")
                           : QStringLiteral("INVISIBLE dropped"));
    d.flag(live.unversioned != model.unversioned, QStringLiteral("versioning"),
           model.unversioned ? QStringLiteral("WITHOUT SYSTEM VERSIONING added")
                             : QStringLiteral("WITHOUT SYSTEM VERSIONING dropped"));
    d.compare(live.options != model.options, QStringLiteral("options"), live.options,
              model.options);
    if (d.any())
        record(ObjectKind::Column, ChangeType::Changed, table, model.name, d.details.join(u"; "),
               d.attributes);
}

void Differ::comparePrimaryKeys(const Table &live, const Table &model)
{
    const auto columnsOf = [](const std::optional<PrimaryKey> &key) {
        return key ? displayKeyColumns(key->columns, key->withoutOverlaps) : QString();
    };
    const QString before = columnsOf(live.primaryKey);
    const QString after = columnsOf(model.primaryKey);
    if (!live.primaryKey && model.primaryKey)
        return recordConstraint(ObjectKind::PrimaryKey, ChangeType::Added, model.name,
                                model.primaryKey->name, after, after);
    if (live.primaryKey && !model.primaryKey)
        return recordConstraint(ObjectKind::PrimaryKey, ChangeType::Removed, model.name,
                                live.primaryKey->name, before, before);
    if (!live.primaryKey)
        return;
    AttributeDiff d;
    d.compare(keys(live.primaryKey->columns) != keys(model.primaryKey->columns) ||
                  !same(live.primaryKey->withoutOverlaps, model.primaryKey->withoutOverlaps),
              QStringLiteral("columns"), before, after);
    const QString &liveName = live.primaryKey->name;
    const QString &modelName = model.primaryKey->name;
    d.compare(!liveName.isEmpty() && !modelName.isEmpty() && !same(liveName, modelName),
              QStringLiteral("name"), liveName, modelName);
    d.compare(live.primaryKey->comment != model.primaryKey->comment, QStringLiteral("comment"),
              live.primaryKey->comment, model.primaryKey->comment);
    d.compare(live.primaryKey->deferral != model.primaryKey->deferral, QStringLiteral("deferrable"),
              toSql(live.primaryKey->deferral), toSql(model.primaryKey->deferral));
    if (d.any())
        recordConstraint(ObjectKind::PrimaryKey, ChangeType::Changed, model.name, modelName, after,
                         d.details.join(u"; "), d.attributes);
}

void Differ::compareUniques(const Table &live, const Table &model)
{
    const auto pairs = pairUp(live.uniques, model.uniques,
                              [this](const UniqueConstraint &u) { return keys(u.columns); });
    for (const Pair<UniqueConstraint> &p : pairs) {
        const UniqueConstraint &any = p.model ? *p.model : *p.live;
        const QString columns = displayKeyColumns(any.columns, any.withoutOverlaps);
        if (!p.live)
            recordConstraint(ObjectKind::Unique, ChangeType::Added, model.name, any.name, columns,
                             columns);
        else if (!p.model)
            recordConstraint(ObjectKind::Unique, ChangeType::Removed, model.name, any.name, columns,
                             columns);
        else
            compareUnique(model.name, *p.live, *p.model);
    }
}

void Differ::compareUnique(const QString &table, const UniqueConstraint &live,
                           const UniqueConstraint &model)
{
    AttributeDiff d;
    d.compare(!live.name.isEmpty() && !model.name.isEmpty() && !same(live.name, model.name),
              QStringLiteral("name"), live.name, model.name);
    d.compare(live.comment != model.comment, QStringLiteral("comment"), live.comment,
              model.comment);
    d.compare(live.deferral != model.deferral, QStringLiteral("deferrable"), toSql(live.deferral),
              toSql(model.deferral));
    d.flag(live.nullsNotDistinct != model.nullsNotDistinct, QStringLiteral("nulls not distinct"),
           model.nullsNotDistinct ? QStringLiteral("NULLS NOT DISTINCT added")
                                  : QStringLiteral("NULLS NOT DISTINCT dropped"));
    d.compare(!same(live.withoutOverlaps, model.withoutOverlaps),
              QStringLiteral("without overlaps"), live.withoutOverlaps, model.withoutOverlaps);
    if (d.any())
        recordConstraint(ObjectKind::Unique, ChangeType::Changed, table, model.name,
                         displayKeyColumns(model.columns, model.withoutOverlaps),
                         d.details.join(u"; "), d.attributes);
}

void Differ::compareChecks(const Table &live, const Table &model)
{
    // Named checks pair by name (so an edited expression reads as a change), unnamed ones by
    // their expression.
    auto checkKey = [this](const CheckConstraint &c) {
        return c.name.isEmpty() ? u'\x1f' + c.expression.canonical : key(c.name);
    };
    QList<Pair<CheckConstraint>> pairs = pairUp(live.checks, model.checks, checkKey);
    QList<Pair<CheckConstraint>> byExpression;
    QList<CheckConstraint> liveLeft, modelLeft;
    for (const Pair<CheckConstraint> &p : pairs) {
        if (p.live && p.model)
            byExpression.append(p);
        else if (p.live)
            liveLeft.append(*p.live);
        else
            modelLeft.append(*p.model);
    }
    byExpression += pairUp(liveLeft, modelLeft,
                           [](const CheckConstraint &c) { return c.expression.canonical; });
    for (const Pair<CheckConstraint> &p : byExpression) {
        const CheckConstraint &any = p.model ? *p.model : *p.live;
        const QString definition = describeCheck(any);
        if (!p.live || !p.model) {
            recordConstraint(ObjectKind::Check, p.live ? ChangeType::Removed : ChangeType::Added,
                             model.name, any.name, definition, definition);
            continue;
        }
        AttributeDiff d;
        d.compare(p.live->expression != p.model->expression, QStringLiteral("expression"),
                  p.live->expression.text, p.model->expression.text);
        d.compare(!p.live->name.isEmpty() && !p.model->name.isEmpty() &&
                      !same(p.live->name, p.model->name),
                  QStringLiteral("name"), p.live->name, p.model->name);
        d.compare(p.live->comment != p.model->comment, QStringLiteral("comment"), p.live->comment,
                  p.model->comment);
        compareValidation(d, p.live->notValid, p.model->notValid);
        d.flag(p.live->noInherit != p.model->noInherit, QStringLiteral("no inherit"),
               p.model->noInherit ? QStringLiteral("NO INHERIT added")
                                  : QStringLiteral("NO INHERIT dropped"));
        if (d.any())
            recordConstraint(ObjectKind::Check, ChangeType::Changed, model.name, any.name,
                             definition, d.details.join(u"; "), d.attributes);
    }
}

void Differ::compareForeignKeys(const Table &live, const Table &model)
{
    const auto pairs = pairUp(live.foreignKeys, model.foreignKeys,
                              [this](const ForeignKey &fk) { return keys(fk.columns); });
    for (const Pair<ForeignKey> &p : pairs) {
        const ForeignKey &any = p.model ? *p.model : *p.live;
        if (!p.live || !p.model)
            recordConstraint(ObjectKind::ForeignKey,
                             p.live ? ChangeType::Removed : ChangeType::Added, model.name, any.name,
                             displayNames(any.columns), describeForeignKey(any));
        else
            compareForeignKey(model.name, *p.live, *p.model);
    }
}

void Differ::compareForeignKey(const QString &table, const ForeignKey &live,
                               const ForeignKey &model)
{
    AttributeDiff d;
    const bool targetDiffers = !same(live.referencedTable, model.referencedTable) ||
                               keys(live.referencedColumns) != keys(model.referencedColumns);
    d.compare(targetDiffers, QStringLiteral("references"),
              displayName(live.referencedTable) + displayNames(live.referencedColumns),
              displayName(model.referencedTable) + displayNames(model.referencedColumns));
    d.compare(onDeleteText(live) != onDeleteText(model), QStringLiteral("on delete"),
              onDeleteText(live), onDeleteText(model));
    d.compare(live.onUpdate != model.onUpdate, QStringLiteral("on update"), toSql(live.onUpdate),
              toSql(model.onUpdate));
    d.compare(live.deferral != model.deferral, QStringLiteral("deferrable"), toSql(live.deferral),
              toSql(model.deferral));
    d.compare(live.matchFull != model.matchFull, QStringLiteral("match"),
              live.matchFull ? QStringLiteral("MATCH FULL") : QStringLiteral("MATCH SIMPLE"),
              model.matchFull ? QStringLiteral("MATCH FULL") : QStringLiteral("MATCH SIMPLE"));
    d.compare(!live.name.isEmpty() && !model.name.isEmpty() && !same(live.name, model.name),
              QStringLiteral("name"), live.name, model.name);
    d.compare(live.comment != model.comment, QStringLiteral("comment"), live.comment,
              model.comment);
    compareValidation(d, live.notValid, model.notValid);
    if (d.any())
        recordConstraint(ObjectKind::ForeignKey, ChangeType::Changed, table, model.name,
                         displayNames(model.columns), d.details.join(u"; "), d.attributes);
}

} // namespace detail

QList<Change> diffSchemas(const schema::Schema &live, const schema::Schema &model,
                          const DiffOptions &options)
{
    return detail::Differ(options.names).run(live, model);
}

} // namespace burrow::diff
