// The plan's steps for composite types (PostgreSQL's CREATE TYPE … AS (…)): created with the
// other types, before the tables that use them, each after the types its attributes are; those
// with a domain attribute after the domains. A type whose attributes change beyond additions
// may be recreated with its columns converted (SqlRenderer::alterComposite): views and triggers
// reading those columns are recreated around it.
#include "../diff/describe.h"
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {

using diff::displayName;
using diff::ObjectKind;
using namespace schema;

bool StepBuilder::hasAttributeOf(const CompositeType &type, const QString &typeName) const
{
    return std::any_of(type.attributes.cbegin(), type.attributes.cend(),
                       [&](const TypeAttribute &a) {
                           return typeIsOrArrayOf(a.type, typeName, m_r.quote(typeName));
                       });
}

bool StepBuilder::usesDomain(const CompositeType &type, const QList<Domain> &domains) const
{
    return std::any_of(domains.cbegin(), domains.cend(),
                       [&](const Domain &d) { return hasAttributeOf(type, d.name); });
}

QList<const CompositeType *>
StepBuilder::compositesInnerFirst(const QList<CompositeType> &types) const
{
    return dependenciesFirst(types, [this](const CompositeType &outer, const CompositeType &inner) {
        return hasAttributeOf(outer, inner.name);
    });
}

void StepBuilder::createComposites(bool afterDomains)
{
    for (const CompositeType *type : compositesInnerFirst(m_target.composites)) {
        const CompositeType &c = *type;
        if (usesDomain(c, m_target.domains) != afterDomains)
            continue;
        const CompositeType *live = findNamed(m_live.composites, c.name, m_cs);
        const QList<diff::Change> changes = objectChanges(ObjectKind::Composite, c.name);
        if (!live) {
            add(u"create type " + displayName(c.name), m_r.createComposite(c), m_r.dropComposite(c),
                changes);
        } else if (!changes.isEmpty()) {
            const QList<TypeUser> users = columnsOfType(c.name);
            add(u"alter type " + displayName(c.name), m_r.alterComposite(*live, c, users),
                m_r.alterComposite(c, *live, users), changes);
        }
    }
}

void StepBuilder::dropComposites(bool beforeDomains)
{
    QList<const CompositeType *> types = compositesInnerFirst(m_live.composites);
    std::reverse(types.begin(), types.end()); // a type before those its attributes are
    for (const CompositeType *type : types) {
        const CompositeType &c = *type;
        if (usesDomain(c, m_live.domains) != beforeDomains ||
            findNamed(m_target.composites, c.name, m_cs))
            continue;
        add(u"drop type " + displayName(c.name), m_r.dropComposite(c), m_r.createComposite(c),
            objectChanges(ObjectKind::Composite, c.name));
    }
}

bool StepBuilder::compositeOnlyGrows(const QString &name) const
{
    const QList<diff::Change> changes = objectChanges(ObjectKind::Composite, name);
    return std::none_of(changes.cbegin(), changes.cend(),
                        [](const diff::Change &c) { return c.attributes.contains(u"attributes"); });
}

void StepBuilder::touchCompositeUsers()
{
    for (const CompositeType &live : m_live.composites) {
        if (compositeOnlyGrows(live.name))
            continue;
        for (const TypeUser &user : columnsOfType(live.name))
            m_touched.insert(key(user.table));
    }
}

} // namespace burrow::plan
