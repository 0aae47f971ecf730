#include "attribute_diff_p.h"
#include "describe.h"
#include "schema_objects_differ_p.h"

#include <QHash>

namespace burrow::diff {
namespace {

using namespace schema;

using Pair = std::pair<const ExclusionConstraint *, const ExclusionConstraint *>; // live, model

/// Pairs `live` and `model` by `key`: model order first (matched or model-only), then the rest
/// of live. Matched pairs go to `pairs`, the others to `liveLeft` / `modelLeft`.
template<typename KeyFn>
void pairUp(const QList<const ExclusionConstraint *> &live,
            const QList<const ExclusionConstraint *> &model, KeyFn key, QList<Pair> &pairs,
            QList<const ExclusionConstraint *> &liveLeft,
            QList<const ExclusionConstraint *> &modelLeft)
{
    QHash<QString, QList<const ExclusionConstraint *>> liveByKey;
    for (const ExclusionConstraint *x : live)
        liveByKey[key(*x)].append(x);
    for (const ExclusionConstraint *x : model) {
        QList<const ExclusionConstraint *> &candidates = liveByKey[key(*x)];
        if (candidates.isEmpty())
            modelLeft.append(x);
        else
            pairs.append(Pair{candidates.takeFirst(), x});
    }
    for (const ExclusionConstraint *x : live) {
        if (liveByKey[key(*x)].contains(x))
            liveLeft.append(x);
    }
}

QList<const ExclusionConstraint *> pointers(const QList<ExclusionConstraint> &items)
{
    QList<const ExclusionConstraint *> out;
    for (const ExclusionConstraint &item : items)
        out.append(&item);
    return out;
}

Change change(ChangeType type, const QString &table, const ExclusionConstraint &x,
              const QString &detail, const QStringList &attributes = {})
{
    const QString definition = oneLine(x.definition.text);
    return Change{ObjectKind::Exclusion,
                  type,
                  table,
                  x.name.isEmpty() ? definition : x.name,
                  {},
                  attributes,
                  detail,
                  x.name.isEmpty()};
}

} // namespace

QList<Change> diffExclusions(const Table &live, const Table &model, Qt::CaseSensitivity cs)
{
    auto nameKey = [cs](const ExclusionConstraint &x) {
        return x.name.isEmpty() ? u'\x1f' + x.definition.canonical
                                : (cs == Qt::CaseSensitive ? x.name : x.name.toLower());
    };
    QList<Pair> pairs;
    QList<const ExclusionConstraint *> liveLeft, modelLeft, liveRest, modelRest;
    pairUp(pointers(live.exclusions), pointers(model.exclusions), nameKey, pairs, liveLeft,
           modelLeft);
    // What the names did not pair, the definitions may: the same constraint renamed.
    pairUp(
        liveLeft, modelLeft, [](const ExclusionConstraint &x) { return x.definition.canonical; },
        pairs, liveRest, modelRest);
    QList<Change> out;
    for (const ExclusionConstraint *x : modelRest)
        out.append(change(ChangeType::Added, model.name, *x, oneLine(x->definition.text)));
    for (const ExclusionConstraint *x : liveRest)
        out.append(change(ChangeType::Removed, model.name, *x, oneLine(x->definition.text)));
    for (const auto &[from, to] : pairs) {
        AttributeDiff d;
        d.compare(from->definition != to->definition, QStringLiteral("definition"),
                  oneLine(from->definition.text), oneLine(to->definition.text));
        d.compare(!from->name.isEmpty() && !to->name.isEmpty() &&
                      from->name.compare(to->name, cs) != 0,
                  QStringLiteral("name"), from->name, to->name);
        d.compare(from->comment != to->comment, QStringLiteral("comment"), from->comment,
                  to->comment);
        if (d.any())
            out.append(
                change(ChangeType::Changed, model.name, *to, d.details.join(u"; "), d.attributes));
    }
    return out;
}

} // namespace burrow::diff
