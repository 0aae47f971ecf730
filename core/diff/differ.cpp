#include "differ.h"

#include "attribute_diff_p.h"
#include "describe.h"
#include "policy_differ_p.h"
#include "schema_objects_differ_p.h"
#include "table_options_differ_p.h"

#include <QHash>

#include <algorithm>

namespace burrow::diff {
namespace {

using namespace schema;

template<typename T> struct Pair {
    const T *live = nullptr;
    const T *model = nullptr;
};

/// Matches two lists by key: model order first (matched or model-only), then live-only ones.
template<typename T, typename KeyFn>
QList<Pair<T>> pairUp(const QList<T> &live, const QList<T> &model, KeyFn key)
{
    QHash<QString, QList<const T *>> liveByKey;
    for (const T &item : live)
        liveByKey[key(item)].append(&item);
    QList<Pair<T>> pairs;
    for (const T &item : model) {
        QList<const T *> &candidates = liveByKey[key(item)];
        pairs.append(Pair<T>{candidates.isEmpty() ? nullptr : candidates.takeFirst(), &item});
    }
    for (const T &item : live) {
        if (liveByKey[key(item)].contains(&item))
            pairs.append(Pair<T>{&item, nullptr});
    }
    return pairs;
}

// Report order: by name whatever its case, the exact spelling breaking ties (where names are
// case-sensitive, `Book` and `book` are two objects).
template<typename T> void sortByName(QList<Pair<T>> &pairs)
{
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair<T> &a, const Pair<T> &b) {
        const QString &left = (a.model ? a.model : a.live)->name;
        const QString &right = (b.model ? b.model : b.live)->name;
        const int folded = left.compare(right, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : left < right;
    });
}

QString defaultText(const Column &column)
{
    return column.defaultValue ? column.defaultValue->text : QString();
}

QString generatedText(const Column &column)
{
    if (column.generated == Generated::No)
        return {};
    return u"AS (" + column.generatedExpression.text + u") " +
           (column.generated == Generated::Stored ? u"STORED" : u"VIRTUAL");
}

/// A constraint the live database holds NOT VALID differs from a model that wants it to hold.
/// A model's own NOT VALID does not ask for unchecked rows: it is a way of adding the constraint
/// (PostgreSQL ignores it in CREATE TABLE, yet keeps an ALTER TABLE … ADD … NOT VALID unchecked
/// even on the scratch schema's empty table), so it accepts the constraint either way.
void compareValidation(AttributeDiff &d, bool liveNotValid, bool modelNotValid)
{
    d.flag(liveNotValid && !modelNotValid, QStringLiteral("validated"),
           QStringLiteral("not validated (NOT VALID): existing rows were never checked"));
}

/// The differ proper; `m_out` collects changes in report order.
class Differ {
public:
    explicit Differ(Qt::CaseSensitivity cs)
        : m_cs(cs)
    {
    }

    QList<Change> run(const Schema &live, const Schema &model);

private:
    QString key(const QString &name) const
    {
        return m_cs == Qt::CaseSensitive ? name : name.toLower();
    }
    QString keys(const QStringList &names) const
    {
        QStringList out;
        for (const QString &name : names)
            out.append(key(name));
        return out.join(u'\x1f');
    }
    bool same(const QString &a, const QString &b) const { return key(a) == key(b); }

    void record(ObjectKind object, ChangeType type, const QString &table, const QString &name,
                const QString &detail, const QStringList &attributes = {})
    {
        m_out.append(Change{object, type, table, name, {}, attributes, detail});
    }
    // A constraint without a name is identified by its definition.
    void recordConstraint(ObjectKind object, ChangeType type, const QString &table,
                          const QString &name, const QString &description, const QString &detail,
                          const QStringList &attributes = {})
    {
        m_out.append(Change{object,
                            type,
                            table,
                            name.isEmpty() ? description : name,
                            {},
                            attributes,
                            detail,
                            name.isEmpty()});
    }

    QString columnSignature(const Column &c) const;
    QString tableSignature(const Table &t) const;
    QString indexPartsKey(const Index &i) const;
    QString indexSignature(const Index &i) const;

    void compareTable(const Table &live, const Table &model);
    void compareColumns(const Table &live, const Table &model);
    void compareColumn(const QString &table, const Column &live, const Column &model);
    void comparePrimaryKeys(const Table &live, const Table &model);
    void compareUniques(const Table &live, const Table &model);
    void compareChecks(const Table &live, const Table &model);
    void compareForeignKeys(const Table &live, const Table &model);
    void compareForeignKey(const QString &table, const ForeignKey &live, const ForeignKey &model);
    void compareIndexes(const QString &owner, const QList<Index> &live, const QList<Index> &model);
    void compareIndex(const QString &table, const Index &live, const Index &model);
    void compareTriggers(const QString &owner, const QList<Trigger> &live,
                         const QList<Trigger> &model);
    template<typename T>
    void compareDefinitions(ObjectKind kind, const QString &owner, const QString &name,
                            const T &live, const T &model);
    void compareUnique(const QString &table, const UniqueConstraint &live,
                       const UniqueConstraint &model);
    void compareOptions(const Table &live, const Table &model);
    void compareViews(const Schema &live, const Schema &model);

    template<typename T, typename SignatureFn>
    void suggestRenames(const QList<Pair<T>> &pairs, ObjectKind object, const QString &table,
                        SignatureFn signature);

    Qt::CaseSensitivity m_cs;
    QList<Change> m_out;
};

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

template<typename T, typename SignatureFn>
void Differ::suggestRenames(const QList<Pair<T>> &pairs, ObjectKind object, const QString &table,
                            SignatureFn signature)
{
    // A rename stays in its schema: moving an object to another is not one.
    const auto inSchema = [&](const T &item) -> QString {
        return schemaPart(item.name) + u'\x1e' + signature(item);
    };
    QHash<QString, QList<const T *>> removed;
    QHash<QString, QList<const T *>> added;
    for (const Pair<T> &p : pairs) {
        if (!p.model)
            removed[inSchema(*p.live)].append(p.live);
        else if (!p.live)
            added[inSchema(*p.model)].append(p.model);
    }
    for (const Pair<T> &p : pairs) {
        if (p.model)
            continue;
        const QString sig = inSchema(*p.live);
        // Only an unambiguous one-to-one match is a credible rename.
        if (removed[sig].size() != 1 || added.value(sig).size() != 1)
            continue;
        const T *renamed = added[sig].first();
        m_out.append(Change{object,
                            ChangeType::RenameSuggested,
                            table.isEmpty() ? p.live->name : table,
                            p.live->name,
                            renamed->name,
                            {},
                            u"same definition as " + displayName(renamed->name)});
    }
}

QList<Change> Differ::run(const Schema &live, const Schema &model)
{
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
    suggestRenames(pairs, ObjectKind::Table, {},
                   [this](const Table &t) { return tableSignature(t); });
    compareViews(live, model);
    m_out += diffSchemaObjects(live, model, m_cs);
    return m_out;
}

void Differ::compareTable(const Table &live, const Table &model)
{
    // A partition's columns are its parent's, compared there (neither side lists them).
    if (live.partitionOf.isEmpty() && model.partitionOf.isEmpty())
        compareColumns(live, model);
    // A table becoming a partition (or leaving one) keeps its constraints as it is attached
    // (detached): those its parent has become the parent's, the others are compared once it
    // has moved (by the next diff), since only then is it known which are its own.
    if (live.partitionOf.isEmpty() == model.partitionOf.isEmpty()) {
        comparePrimaryKeys(live, model);
        compareUniques(live, model);
        compareChecks(live, model);
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
    const QString before = live.primaryKey ? displayNames(live.primaryKey->columns) : QString();
    const QString after = model.primaryKey ? displayNames(model.primaryKey->columns) : QString();
    if (!live.primaryKey && model.primaryKey)
        return recordConstraint(ObjectKind::PrimaryKey, ChangeType::Added, model.name,
                                model.primaryKey->name, after, after);
    if (live.primaryKey && !model.primaryKey)
        return recordConstraint(ObjectKind::PrimaryKey, ChangeType::Removed, model.name,
                                live.primaryKey->name, before, before);
    if (!live.primaryKey)
        return;
    AttributeDiff d;
    d.compare(keys(live.primaryKey->columns) != keys(model.primaryKey->columns),
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
        const QString columns = displayNames(any.columns);
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
    if (d.any())
        recordConstraint(ObjectKind::Unique, ChangeType::Changed, table, model.name,
                         displayNames(model.columns), d.details.join(u"; "), d.attributes);
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

// The indexes of a table, or of a materialized view (`owner`).
void Differ::compareIndexes(const QString &owner, const QList<Index> &live,
                            const QList<Index> &model)
{
    const auto pairs = pairUp(live, model, [this](const Index &i) { return key(i.name); });
    for (const Pair<Index> &p : pairs) {
        if (!p.live)
            record(ObjectKind::Index, ChangeType::Added, owner, p.model->name,
                   describeIndex(*p.model));
        else if (!p.model)
            record(ObjectKind::Index, ChangeType::Removed, owner, p.live->name,
                   describeIndex(*p.live));
        else
            compareIndex(owner, *p.live, *p.model);
    }
    suggestRenames(pairs, ObjectKind::Index, owner,
                   [this](const Index &i) { return indexSignature(i); });
}

void Differ::compareIndex(const QString &table, const Index &live, const Index &model)
{
    AttributeDiff d;
    d.flag(live.unique != model.unique, QStringLiteral("unique"),
           model.unique ? QStringLiteral("UNIQUE added") : QStringLiteral("UNIQUE dropped"));
    d.flag(live.nullsNotDistinct != model.nullsNotDistinct, QStringLiteral("nulls not distinct"),
           model.nullsNotDistinct ? QStringLiteral("NULLS NOT DISTINCT added")
                                  : QStringLiteral("NULLS NOT DISTINCT dropped"));
    d.compare(indexPartsKey(live) != indexPartsKey(model), QStringLiteral("columns"),
              describeIndex(live), describeIndex(model));
    d.compare(live.where != model.where, QStringLiteral("where"), live.where.text,
              model.where.text);
    d.compare(live.options != model.options, QStringLiteral("options"), live.options,
              model.options);
    d.compare(live.comment != model.comment, QStringLiteral("comment"), live.comment,
              model.comment);
    if (d.any())
        record(ObjectKind::Index, ChangeType::Changed, table, model.name, d.details.join(u"; "),
               d.attributes);
}

void Differ::compareTriggers(const QString &owner, const QList<Trigger> &live,
                             const QList<Trigger> &model)
{
    const auto pairs = pairUp(live, model, [this](const Trigger &t) -> QString {
        return QString::number(int(t.kind)) + u' ' + key(t.name);
    });
    for (const Pair<Trigger> &p : pairs) {
        if (!p.live)
            record(triggerKind(*p.model), ChangeType::Added, owner, p.model->name,
                   oneLine(p.model->definition.text));
        else if (!p.model)
            record(triggerKind(*p.live), ChangeType::Removed, owner, p.live->name,
                   oneLine(p.live->definition.text));
        else
            compareDefinitions(triggerKind(*p.model), owner, p.model->name, *p.live, *p.model);
    }
}

// Views and triggers: their whole definition (too long to show twice), whether a trigger fires,
// and their comment.
template<typename T>
void Differ::compareDefinitions(ObjectKind kind, const QString &owner, const QString &name,
                                const T &live, const T &model)
{
    AttributeDiff d;
    d.flag(live.definition != model.definition, QStringLiteral("definition"),
           QStringLiteral("definition differs"));
    if constexpr (std::is_same_v<T, Trigger>) {
        const auto firing = [](const Trigger &t) {
            return t.firing.isEmpty() ? QStringLiteral("enabled") : t.firing;
        };
        d.compare(live.firing != model.firing, QStringLiteral("firing"), firing(live),
                  firing(model));
    }
    d.compare(live.comment != model.comment, QStringLiteral("comment"), live.comment,
              model.comment);
    if constexpr (std::is_same_v<T, View>)
        for (const ColumnCommentChange &c : columnCommentChanges(live, model))
            d.flag(true, QStringLiteral("column comment"),
                   u"comment on " + c.column + u' ' + orNone(c.from) + u" → " + orNone(c.to));
    if (d.any())
        record(kind, ChangeType::Changed, owner, name, d.details.join(u"; "), d.attributes);
}

void Differ::compareOptions(const Table &live, const Table &model)
{
    const AttributeDiff d = tableOptionsDiff(live, model, m_cs);
    if (d.any())
        record(ObjectKind::TableOptions, ChangeType::Changed, model.name, model.name,
               d.details.join(u"; "), d.attributes);
}

void Differ::compareViews(const Schema &live, const Schema &model)
{
    auto viewKey = [this](const View &v) { return key(v.name); };
    QList<Pair<View>> pairs = pairUp(live.views, model.views, viewKey);
    sortByName(pairs);
    for (const Pair<View> &p : pairs) {
        const View &any = p.model ? *p.model : *p.live;
        if (!p.live)
            record(ObjectKind::View, ChangeType::Added, any.name, any.name,
                   oneLine(any.definition.text));
        else if (!p.model)
            record(ObjectKind::View, ChangeType::Removed, any.name, any.name,
                   oneLine(any.definition.text));
        else
            compareDefinitions(ObjectKind::View, any.name, any.name, *p.live, *p.model);
        if (p.live && p.model) {
            compareIndexes(any.name, p.live->indexes, p.model->indexes);
            compareTriggers(any.name, p.live->triggers, p.model->triggers);
        }
    }
}

} // namespace

QList<Change> diffSchemas(const Schema &live, const Schema &model, const DiffOptions &options)
{
    return Differ(options.names).run(live, model);
}

} // namespace burrow::diff
