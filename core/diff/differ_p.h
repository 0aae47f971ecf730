#pragma once

// The differ's internals, shared by differ.cpp (tables, columns, keys, checks) and
// differ_objects.cpp (indexes, triggers, views, options).
#include "attribute_diff_p.h"
#include "change.h"
#include "describe.h"
#include "differ.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace burrow::diff::detail {

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

inline QString defaultText(const Column &column)
{
    return column.defaultValue ? column.defaultValue->text : QString();
}

inline QString generatedText(const Column &column)
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
inline void compareValidation(AttributeDiff &d, bool liveNotValid, bool modelNotValid)
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
    /// The trigger each of `triggers` fires right after among those of its moment in `both`
    /// (by key; empty for the first). Triggers without a moment have no order.
    QHash<QString, QString> firesAfter(const QList<Trigger> &triggers,
                                       const QSet<QString> &both) const;
    template<typename T>
    void compareDefinitions(ObjectKind kind, const QString &owner, const QString &name,
                            const T &live, const T &model, AttributeDiff d = {});
    void compareUnique(const QString &table, const UniqueConstraint &live,
                       const UniqueConstraint &model);
    void compareOptions(const Table &live, const Table &model);
    void compareViews(const Schema &live, const Schema &model);

    /// Suggests a rename for each removed item whose `matchKey` one added item alone shares
    /// (and no other removed one), items named in `taken` aside; the keys of the names used.
    template<typename T, typename MatchKeyFn, typename DetailFn>
    QSet<QString> suggestMatches(const QList<Pair<T>> &pairs, ObjectKind object,
                                 const QString &table, MatchKeyFn matchKey, DetailFn detail,
                                 const QSet<QString> &taken = {});
    /// Same definition under another name, in the same schema.
    template<typename T, typename SignatureFn>
    QSet<QString> suggestRenames(const QList<Pair<T>> &pairs, ObjectKind object,
                                 const QString &table, SignatureFn signature);
    /// Tables of the same name and definition, removed from one schema and added in another;
    /// those a rename explains (`renamed`) aside.
    void suggestMoves(const QList<Pair<Table>> &pairs, const QSet<QString> &renamed);

    Qt::CaseSensitivity m_cs;
    const Schema *m_live = nullptr;  // the live schema, where a table's parents were
    const Schema *m_model = nullptr; // the model's schema, where a table's parents are
    QList<Change> m_out;
};

template<typename T, typename MatchKeyFn, typename DetailFn>
QSet<QString> Differ::suggestMatches(const QList<Pair<T>> &pairs, ObjectKind object,
                                     const QString &table, MatchKeyFn matchKey, DetailFn detail,
                                     const QSet<QString> &taken)
{
    QHash<QString, QList<const T *>> removed;
    QHash<QString, QList<const T *>> added;
    for (const Pair<T> &p : pairs) {
        const T *only = p.model ? (p.live ? nullptr : p.model) : p.live;
        if (only && !taken.contains(key(only->name)))
            (p.model ? added : removed)[matchKey(*only)].append(only);
    }
    QSet<QString> suggested;
    for (const Pair<T> &p : pairs) {
        if (p.model || taken.contains(key(p.live->name)))
            continue;
        const QString match = matchKey(*p.live);
        // Only an unambiguous one-to-one match is credible.
        if (removed.value(match).size() != 1 || added.value(match).size() != 1)
            continue;
        const T *to = added.value(match).first();
        m_out.append(Change{object,
                            ChangeType::RenameSuggested,
                            table.isEmpty() ? p.live->name : table,
                            p.live->name,
                            to->name,
                            {},
                            detail(*to)});
        suggested << key(p.live->name) << key(to->name);
    }
    return suggested;
}

template<typename T, typename SignatureFn>
QSet<QString> Differ::suggestRenames(const QList<Pair<T>> &pairs, ObjectKind object,
                                     const QString &table, SignatureFn signature)
{
    // A rename stays in its schema: moving an object to another is not one.
    return suggestMatches(
        pairs, object, table,
        [&](const T &item) -> QString { return schemaPart(item.name) + u'\x1e' + signature(item); },
        [](const T &renamed) -> QString {
            return u"same definition as " + displayName(renamed.name);
        });
}

} // namespace burrow::diff::detail
