// Views, and the functions whose bodies read views. PostgreSQL checks a SQL function's body as
// it is created (the views it reads must exist) and a SQL-standard body holds the views it reads
// (they cannot be dropped under it): such functions go and come with the views, ordered with
// them by what each reads, a reader after what it reads.
#include "../diff/describe.h"
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {
namespace {

using diff::ChangeType;
using diff::displayName;
using diff::ObjectKind;
using namespace schema;
using namespace Qt::Literals::StringLiterals;

QList<const Readable *> pointersTo(const QList<Readable> &items)
{
    QList<const Readable *> pointers;
    for (const Readable &item : items)
        pointers.append(&item);
    return pointers;
}

} // namespace

bool StepBuilder::isViewReader(const Function &live) const
{
    return std::any_of(m_viewReaders.begin(), m_viewReaders.end(),
                       [&](const Function *f) { return f->name.compare(live.name, m_cs) == 0; });
}

bool StepBuilder::findViewReaders()
{
    QSet<QString> gone = m_viewsToDrop;
    for (const Function *f : m_viewReaders)
        gone.insert(key(f->routineName));
    bool found = false;
    for (const Function &f : m_live.functions) {
        if (isViewReader(f) || !m_r.bodyBindsCalls(f) || gone.contains(key(f.routineName)) ||
            !m_deps.mentionsAny(f.definition.text, gone))
            continue;
        m_viewReaders.append(&f);
        m_boundFunctions.removeIf([&](const Function *bound) { return bound == &f; });
        m_touched.insert(key(f.routineName)); // the views, triggers and policies calling it
        found = true;
    }
    return found;
}

QSet<QString> StepBuilder::functionsWithViews() const
{
    return grownFunctionKeys(
        {}, [this](const Function &f, const QSet<QString> &mentioned, const QSet<QString> &with) {
            const Function *live = findNamed(m_live.functions, f.name, m_cs);
            return (live && isViewReader(*live)) ||
                   (m_r.bodyCheckedAtCreation(f) &&
                    (mentioned.intersects(m_viewsToCreate) || mentioned.intersects(with)));
        });
}

void StepBuilder::dropViews()
{
    QList<Readable> items;
    for (const View &v : m_live.views) {
        if (m_viewsToDrop.contains(key(v.name)))
            items.append({v.name, v.definition.text, &v, nullptr});
    }
    for (const Function *f : m_viewReaders)
        items.append({f->routineName, f->definition.text, nullptr, f});
    QList<const Readable *> ordered = m_deps.readFirst(pointersTo(items));
    std::reverse(ordered.begin(), ordered.end()); // readers go first
    for (const Readable *item : ordered) {
        if (item->function)
            dropViewReader(*item->function);
        else
            dropView(*item->view);
    }
}

void StepBuilder::dropView(const View &v)
{
    QStringList recreate = m_r.createView(v) + v.grants;
    for (const Index &i : v.indexes)
        recreate += m_r.createIndex(v.name, i);
    for (const Trigger &t : v.triggers)
        recreate += m_r.createTrigger(v.name, t);
    add(u"drop view " + displayName(v.name), m_r.dropView(v), recreate,
        changesOf(v.name, ObjectKind::View, v.name, {ChangeType::Removed}));
}

void StepBuilder::dropViewReader(const Function &f)
{
    const bool kept = findNamed(m_target.functions, f.name, m_cs);
    add(routineTitle(u"drop"_s, f) + u" (its body reads a view dropped below)", m_r.dropFunction(f),
        m_r.createFunction(f) + f.grants,
        kept ? QList<diff::Change>{} : objectChanges(ObjectKind::Function, f.name));
}

void StepBuilder::createViews()
{
    QList<Readable> items;
    for (const View &v : m_target.views) {
        if (m_viewsToCreate.contains(key(v.name)))
            items.append({v.name, v.definition.text, &v, nullptr});
    }
    for (const Function &f : m_target.functions) {
        if (m_functionsWithViews.contains(key(f.routineName)))
            items.append({f.routineName, functionText(f), nullptr, &f});
    }
    for (const Readable *item : m_deps.readFirst(pointersTo(items))) {
        if (item->function)
            createOrReplaceFunction(*item->function);
        else
            createView(*item->view);
    }
}

void StepBuilder::createView(const View &v)
{
    QStringList sql = m_r.createView(v);
    const View *live = findNamed(m_live.views, v.name, m_cs);
    const bool late = live && m_viewsDroppedLate.contains(key(v.name));
    if (late)
        sql = m_r.replaceReader(m_r.dropView(*live), sql);
    if (live) // its privileges went with it
        sql += live->grants;
    for (const Index &i : v.indexes) // a materialized view's, gone when it was dropped
        sql += m_r.createIndex(v.name, i);
    add((late ? u"replace view "_s : u"create view "_s) + displayName(v.name), sql, m_r.dropView(v),
        changesOf(v.name, ObjectKind::View, v.name, {ChangeType::Added, ChangeType::Changed}) +
            changesOf(v.name, ObjectKind::Index, {}, {ChangeType::Added, ChangeType::Changed}));
}

} // namespace burrow::plan
