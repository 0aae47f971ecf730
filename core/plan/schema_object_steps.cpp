// The plan's phases for sequences, enum types and domains: objects of the schema that tables
// use (a column typed by an enum, a default calling nextval), so they come before the tables
// and go after them. Only PostgreSQL has them; elsewhere the lists are empty. And events
// (MariaDB/MySQL), which use tables only when they run: they go first and come last.
#include "../diff/describe.h"
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {
namespace {

using diff::Change;
using diff::ChangeType;
using diff::displayName;
using diff::ObjectKind;
using diff::objectNoun;
using namespace schema;
using namespace Qt::Literals::StringLiterals;

bool sameOwner(const Sequence &a, const Sequence &b)
{
    return a.ownedByTable == b.ownedByTable && a.ownedByColumn == b.ownedByColumn;
}

Sequence withoutOwner(Sequence s)
{
    s.ownedByTable.clear();
    s.ownedByColumn.clear();
    return s;
}

} // namespace

QList<Change> StepBuilder::objectChanges(ObjectKind kind, const QString &name) const
{
    QList<Change> out;
    for (const Change &c : m_objectChanges) {
        if (c.object == kind && c.table.compare(name, m_cs) == 0)
            out.append(c);
    }
    return out;
}

bool StepBuilder::enumRecreated(const EnumType &live) const
{
    const EnumType *target = findNamed(m_target.enums, live.name, m_cs);
    return target && target->labels != live.labels && !labelsOnlyAdded(live, *target);
}

QList<TypeUser> StepBuilder::columnsOfType(const QString &type) const
{
    QList<TypeUser> users;
    for (const Table &live : m_live.tables) {
        const Table &t = liveForAlteration(live.name); // without what was set aside or dropped
        const QSet<QString> keyNames = m_deps.mentions(t.partitioning);
        for (const Column &c : t.columns) {
            if (columnUsesType(c, type, m_r.quote(type)))
                users.append({t.name, c, keyNames.contains(key(c.name))});
        }
    }
    return users;
}

EnumUsers StepBuilder::enumUsers(const EnumType &live) const
{
    EnumUsers users{columnsOfType(live.name), {}};
    for (const Domain &d : m_live.domains) {
        if (typeIsOrArrayOf(d.type, live.name, m_r.quote(live.name)))
            users.domains.append({liveDomainForAlteration(d), columnsOfType(d.name)});
    }
    return users;
}

void StepBuilder::recreateDomainsWith(const QSet<QString> &enums)
{
    const QSet<QString> functions = recreatedFunctions();
    for (const EnumType &e : m_live.enums) {
        if (!enums.contains(key(e.name)))
            continue;
        for (const Domain &d : m_live.domains) {
            if (!typeIsOrArrayOf(d.type, e.name, m_r.quote(e.name)))
                continue;
            // The model's domain suits the new type; the live one may name labels it lacks.
            const Domain *target = findNamed(m_target.domains, d.name, m_cs);
            const bool sameBase =
                target && target->type == d.type && target->collation == d.collation;
            m_domainsRecreated.insert(key(d.name), sameBase
                                                       ? withoutReadersOf(*target, functions)
                                                       : withoutReadersOf(d, functions + enums));
        }
    }
}

void StepBuilder::touchEnumUsers()
{
    for (const EnumType &e : m_live.enums) {
        if (!enumRecreated(e))
            continue;
        // Converting the columns fails while a view reads them: those views are recreated.
        const EnumUsers users = enumUsers(e);
        for (const TypeUser &user : users.columns)
            m_touched.insert(key(user.table));
        for (const EnumUsers::Domain &domain : users.domains) {
            for (const TypeUser &user : domain.columns)
                m_touched.insert(key(user.table));
        }
    }
}

void StepBuilder::createSequences()
{
    for (const Sequence &s : m_target.sequences) {
        const Sequence *live = findNamed(m_live.sequences, s.name, m_cs);
        const QList<Change> changes = objectChanges(ObjectKind::Sequence, s.name);
        if (!live) {
            add(u"create sequence " + displayName(s.name), m_r.createSequence(s),
                m_r.dropSequence(s), changes);
            continue;
        }
        if (changes.isEmpty())
            continue;
        // The old owner lets go first: dropping its column would drop the sequence with it.
        QStringList sql = m_r.alterSequence(*live, s);
        QStringList reverse = m_r.alterSequence(s, *live);
        if (!sameOwner(*live, s) && !live->ownedByTable.isEmpty()) {
            sql += m_r.ownSequence(withoutOwner(s));
            reverse += m_r.ownSequence(*live);
        }
        add(u"alter sequence " + displayName(s.name), sql, reverse, changes);
    }
}

QList<const Domain *> StepBuilder::domainsBaseFirst(const QList<Domain> &domains) const
{
    const auto basedOn = [this](const Domain &d, const Domain &base) {
        QString type = d.type;
        while (type.endsWith(u"[]"))
            type.chop(2);
        return type.compare(base.name, m_cs) == 0 || type == m_r.quote(base.name);
    };
    return dependenciesFirst(domains, basedOn);
}

void StepBuilder::createTypes()
{
    for (const EnumType &e : m_target.enums) {
        if (!findNamed(m_live.enums, e.name, m_cs))
            add(u"create type " + displayName(e.name), m_r.createEnum(e), m_r.dropEnum(e),
                objectChanges(ObjectKind::Enum, e.name));
    }
    alterEnums();
    createRanges(false);
    createComposites(false);
    createFunctions(FunctionPhase::BeforeTables); // after the types they take, before the domains
                                                  // that call them
    createRanges(true);
    for (const Domain *target : domainsBaseFirst(m_target.domains)) {
        const Domain &d = *target;
        const Domain *found = findNamed(m_live.domains, d.name, m_cs);
        const Domain *live = found ? &liveDomainForAlteration(*found) : nullptr;
        const QList<Change> changes = objectChanges(ObjectKind::Domain, d.name);
        if (!live)
            add(u"create domain " + displayName(d.name), m_r.createDomain(d), m_r.dropDomain(d),
                changes);
        else if (!changes.isEmpty() || live != found) // or it must get its function users back
            add(u"alter domain " + displayName(d.name), m_r.alterDomain(*live, d),
                m_r.alterDomain(d, *live), changes);
    }
    createComposites(true);
}

// A range naming a function of its own (SUBTYPE_DIFF, CANONICAL) comes after the functions
// and before the domains; any other before the composite types and functions that may take it.
static bool namesFunction(const RangeType &range)
{
    return range.definition.contains(u"SUBTYPE_DIFF = ") ||
           range.definition.contains(u"CANONICAL = ");
}

void StepBuilder::createRanges(bool namingFunction)
{
    for (const RangeType &r : m_target.ranges) {
        if (namesFunction(r) != namingFunction)
            continue;
        createOrAlter(ObjectKind::Range, u"type"_s, r, findNamed(m_live.ranges, r.name, m_cs),
                      &SqlRenderer::createRange, &SqlRenderer::dropRange, &SqlRenderer::alterRange);
    }
}

void StepBuilder::dropRanges(bool namingFunction)
{
    for (const RangeType &r : m_live.ranges) {
        if (namesFunction(r) == namingFunction && !findNamed(m_target.ranges, r.name, m_cs))
            add(u"drop type " + displayName(r.name), m_r.dropRange(r), m_r.createRange(r),
                objectChanges(ObjectKind::Range, r.name));
    }
}

void StepBuilder::alterEnums()
{
    for (const EnumType &e : m_target.enums) {
        const EnumType *live = findNamed(m_live.enums, e.name, m_cs);
        if (!live || (live->labels == e.labels && live->comment == e.comment))
            continue;
        const EnumUsers users = enumUsers(*live);
        // Added labels cannot be taken back (PostgreSQL never removes one in place): the
        // reverse recreates the type, which fails only on rows that use the new labels.
        add(u"alter type " + displayName(e.name), m_r.alterEnum(*live, e, users),
            m_r.alterEnum(e, *live, users), objectChanges(ObjectKind::Enum, e.name));
    }
}

void StepBuilder::ownSequences()
{
    for (const Sequence &s : m_target.sequences) {
        const Sequence *live = findNamed(m_live.sequences, s.name, m_cs);
        if (s.ownedByTable.isEmpty() || (live && sameOwner(*live, s)))
            continue;
        add(u"own sequence " + displayName(s.name) + u" by " + displayName(s.ownedByTable) + u'.' +
                displayName(s.ownedByColumn),
            m_r.ownSequence(s), m_r.ownSequence(live ? *live : withoutOwner(s)), {});
    }
}

void StepBuilder::dropSequences()
{
    for (const Sequence &s : m_live.sequences) {
        if (!findNamed(m_target.sequences, s.name, m_cs))
            add(u"drop sequence " + displayName(s.name), m_r.dropSequence(s),
                m_r.createSequence(s) + m_r.ownSequence(s),
                objectChanges(ObjectKind::Sequence, s.name));
    }
}

// Before the domains, types and tables whose text they compare; dropped after them. One that
// changes is dropped and created again (PostgreSQL cannot alter one), which the engine
// refuses while a column uses it: the migration stops there.
void StepBuilder::createCollations()
{
    for (const Collation &c : m_target.collations) {
        const Collation *live = findNamed(m_live.collations, c.name, m_cs);
        const QList<Change> changes = objectChanges(ObjectKind::Collation, c.name);
        if (!live)
            add(u"create collation " + displayName(c.name), m_r.createCollation(c),
                m_r.dropCollation(c), changes);
        else if (!changes.isEmpty())
            add(u"replace collation " + displayName(c.name),
                m_r.dropCollation(*live) + m_r.createCollation(c),
                m_r.dropCollation(c) + m_r.createCollation(*live), changes);
    }
}

// After the collations, before the functions, tables and indexes that name them (to_tsvector's
// configuration); a dictionary before the configurations mapping to it. Dropped in reverse.
void StepBuilder::createTextSearch()
{
    for (bool dictionary : {true, false}) {
        const ObjectKind kind =
            dictionary ? ObjectKind::TextSearchDictionary : ObjectKind::TextSearchConfiguration;
        const QList<TextSearch> &live =
            dictionary ? m_live.textSearchDictionaries : m_live.textSearchConfigurations;
        for (const TextSearch &t :
             dictionary ? m_target.textSearchDictionaries : m_target.textSearchConfigurations)
            createOrAlter(
                kind, objectNoun(kind), t, findNamed(live, t.name, m_cs),
                [=](const SqlRenderer &r, const TextSearch &o) {
                    return r.createTextSearch(o, dictionary);
                },
                [=](const SqlRenderer &r, const TextSearch &o) {
                    return r.dropTextSearch(o, dictionary);
                },
                [=](const SqlRenderer &r, const TextSearch &from, const TextSearch &to) {
                    return r.alterTextSearch(from, to, dictionary);
                });
    }
}

void StepBuilder::dropTextSearch()
{
    for (bool dictionary : {false, true}) {
        const ObjectKind kind =
            dictionary ? ObjectKind::TextSearchDictionary : ObjectKind::TextSearchConfiguration;
        const QList<TextSearch> &wanted =
            dictionary ? m_target.textSearchDictionaries : m_target.textSearchConfigurations;
        for (const TextSearch &t :
             dictionary ? m_live.textSearchDictionaries : m_live.textSearchConfigurations) {
            if (!findNamed(wanted, t.name, m_cs))
                add(u"drop " + objectNoun(kind) + u' ' + displayName(t.name),
                    m_r.dropTextSearch(t, dictionary), m_r.createTextSearch(t, dictionary),
                    objectChanges(kind, t.name));
        }
    }
}

void StepBuilder::dropCollations()
{
    for (const Collation &c : m_live.collations) {
        if (!findNamed(m_target.collations, c.name, m_cs))
            add(u"drop collation " + displayName(c.name), m_r.dropCollation(c),
                m_r.createCollation(c), objectChanges(ObjectKind::Collation, c.name));
    }
}

void StepBuilder::createExtensions()
{
    for (const Extension &e : m_target.extensions) {
        if (!findNamed(m_live.extensions, e.name, m_cs))
            add(u"create extension " + displayName(e.name), m_r.createExtension(e),
                m_r.dropExtension(e), objectChanges(ObjectKind::Extension, e.name));
    }
}

void StepBuilder::dropExtensions()
{
    for (const Extension &e : m_live.extensions) {
        if (!findNamed(m_target.extensions, e.name, m_cs))
            add(u"drop extension " + displayName(e.name), m_r.dropExtension(e),
                m_r.createExtension(e), objectChanges(ObjectKind::Extension, e.name));
    }
}

// Created before anything that lives in them; dropped after (DROP SCHEMA without CASCADE:
// what the model does not manage there stops it).
void StepBuilder::createNamespaces()
{
    for (const Namespace &n : m_target.namespaces) {
        if (!findNamed(m_live.namespaces, n.name, m_cs))
            add(u"create schema " + displayName(n.name), m_r.createNamespace(n),
                m_r.dropNamespace(n), objectChanges(ObjectKind::Namespace, n.name));
    }
}

void StepBuilder::dropNamespaces()
{
    for (const Namespace &n : m_live.namespaces) {
        if (!findNamed(m_target.namespaces, n.name, m_cs))
            add(u"drop schema " + displayName(n.name), m_r.dropNamespace(n), m_r.createNamespace(n),
                objectChanges(ObjectKind::Namespace, n.name));
    }
}

void StepBuilder::dropEvents()
{
    for (const Event &e : m_live.events) {
        if (!findNamed(m_target.events, e.name, m_cs))
            add(u"drop event " + displayName(e.name), m_r.dropEvent(e), m_r.createEvent(e),
                objectChanges(ObjectKind::Event, e.name));
    }
}

void StepBuilder::createEvents()
{
    for (const Event &e : m_target.events)
        createOrAlter(ObjectKind::Event, u"event"_s, e, findNamed(m_live.events, e.name, m_cs),
                      &SqlRenderer::createEvent, &SqlRenderer::dropEvent, &SqlRenderer::alterEvent);
}

void StepBuilder::dropTypes()
{
    dropComposites(true);
    // Domains first: one may be based on an enum that goes too; a domain before its base.
    QList<const Domain *> domains = domainsBaseFirst(m_live.domains);
    std::reverse(domains.begin(), domains.end());
    for (const Domain *live : domains) {
        const Domain &d = *live;
        if (!findNamed(m_target.domains, d.name, m_cs))
            add(u"drop domain " + displayName(d.name), m_r.dropDomain(d), m_r.createDomain(d),
                objectChanges(ObjectKind::Domain, d.name));
    }
    dropRanges(true);
    dropFunctions(); // after the domains and tables that call them, before the types they take
    dropComposites(false);
    dropRanges(false);
    for (const EnumType &e : m_live.enums) {
        if (!findNamed(m_target.enums, e.name, m_cs))
            add(u"drop type " + displayName(e.name), m_r.dropEnum(e), m_r.createEnum(e),
                objectChanges(ObjectKind::Enum, e.name));
    }
}

} // namespace burrow::plan
