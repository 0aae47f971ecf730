// The differ's comparisons of indexes, triggers (rules, statistics), views and table options.
#include "describe.h"
#include "differ_p.h"
#include "schema_objects_differ_p.h"
#include "table_options_differ_p.h"

namespace burrow::diff::detail {

using namespace schema;

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
    d.flag(live.invalid && !model.invalid, QStringLiteral("invalid"),
           QStringLiteral("INVALID (a failed build left it unusable): built again"));
    if (d.any())
        record(ObjectKind::Index, ChangeType::Changed, table, model.name, d.details.join(u"; "),
               d.attributes);
}

QHash<QString, QString> Differ::firesAfter(const QList<Trigger> &triggers,
                                           const QSet<QString> &both) const
{
    QHash<QString, QString> lastOfMoment;
    QHash<QString, QString> after;
    for (const Trigger &t : triggers) {
        if (t.moment.isEmpty() || !both.contains(key(t.name)))
            continue;
        after.insert(key(t.name), lastOfMoment.value(t.moment));
        lastOfMoment.insert(t.moment, t.name);
    }
    return after;
}

// Triggers of one moment fire in their order (MariaDB/MySQL): a trigger both sides have that
// fires after another one of those differs. Those only one side has do not count.
void Differ::compareTriggers(const QString &owner, const QList<Trigger> &live,
                             const QList<Trigger> &model)
{
    const auto pairs = pairUp(live, model, [this](const Trigger &t) -> QString {
        return QString::number(int(t.kind)) + u' ' + key(t.name);
    });
    QSet<QString> both;
    for (const Pair<Trigger> &p : pairs) {
        if (p.live && p.model)
            both.insert(key(p.model->name));
    }
    const QHash<QString, QString> liveAfter = firesAfter(live, both);
    const QHash<QString, QString> modelAfter = firesAfter(model, both);
    const auto place = [](const QString &after) {
        return after.isEmpty() ? QStringLiteral("first") : u"after " + after;
    };
    for (const Pair<Trigger> &p : pairs) {
        const QString k = key(p.model ? p.model->name : p.live->name);
        AttributeDiff order;
        order.compare(key(liveAfter.value(k)) != key(modelAfter.value(k)), QStringLiteral("order"),
                      place(liveAfter.value(k)), place(modelAfter.value(k)));
        if (!p.live)
            record(triggerKind(*p.model), ChangeType::Added, owner, p.model->name,
                   oneLine(p.model->definition.text));
        else if (!p.model)
            record(triggerKind(*p.live), ChangeType::Removed, owner, p.live->name,
                   oneLine(p.live->definition.text));
        else
            compareDefinitions(triggerKind(*p.model), owner, p.model->name, *p.live, *p.model,
                               order);
    }
}

// Views and triggers: their whole definition (too long to show twice), whether a trigger fires,
// and their comment.
template<typename T>
void Differ::compareDefinitions(ObjectKind kind, const QString &owner, const QString &name,
                                const T &live, const T &model, AttributeDiff d)
{
    d.flag(live.definition != model.definition, QStringLiteral("definition"),
           QStringLiteral("definition differs"));
    if constexpr (std::is_same_v<T, Trigger>) {
        // A statistics object keeps its target (`SET STATISTICS 50`) where a trigger keeps
        // whether it fires.
        const bool statistics = model.kind == TriggerKind::Statistics;
        const auto firing = [statistics](const Trigger &t) {
            if (statistics)
                return t.firing.isEmpty() ? QStringLiteral("default") : t.firing.section(u' ', -1);
            return t.firing.isEmpty() ? QStringLiteral("enabled") : t.firing;
        };
        d.compare(live.firing != model.firing,
                  statistics ? QStringLiteral("statistics target") : QStringLiteral("firing"),
                  firing(live), firing(model));
        compareSqlModes(d, live.sqlMode, model.sqlMode);
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

} // namespace burrow::diff::detail
