// The plan's phases for functions and procedures: created before the tables, domains, views
// and triggers that call them (a SQL body that reads a new table right after that table),
// dropped after those are gone. Only PostgreSQL has them; elsewhere the lists are empty.
#include "../diff/describe.h"
#include "step_builder_p.h"

namespace burrow::plan {
namespace {

using diff::ObjectKind;
using namespace schema;

const Function *findFunction(const QList<Function> &functions, const QString &identity,
                             Qt::CaseSensitivity cs)
{
    for (const Function &f : functions) {
        if (f.name.compare(identity, cs) == 0)
            return &f;
    }
    return nullptr;
}

} // namespace

QSet<QString> StepBuilder::recreatedFunctions() const
{
    QSet<QString> keys;
    for (const Function &f : m_target.functions) {
        const Function *live = findFunction(m_live.functions, f.name, m_cs);
        if (live && !objectChanges(ObjectKind::Function, f.name).isEmpty() &&
            !m_r.replacesFunctionInPlace(*live, f))
            keys.insert(key(f.routineName));
    }
    return keys;
}

void StepBuilder::touchFunctionUsers()
{
    m_touched.unite(recreatedFunctions());
}

void StepBuilder::liftFunctionUsers()
{
    const QSet<QString> recreated = recreatedFunctions();
    if (recreated.isEmpty())
        return;
    const auto calls = [&](const Expression &e) { return m_deps.mentionsAny(e.text, recreated); };
    for (const Table &live : m_live.tables) {
        if (!m_targetTables.find(live.name))
            continue; // it goes after the function is recreated: not handled (yet)
        for (const Index &i : live.indexes) {
            if (calls(i.where) ||
                std::any_of(i.parts.begin(), i.parts.end(),
                            [&](const IndexPart &p) { return calls(p.expression); }))
                m_indexesToRecreate.insert(key(live.name) + u'\x1f' + key(i.name));
        }
        const Table before = liveForAlteration(live.name);
        Table without = before;
        qsizetype setAside =
            without.checks.removeIf([&](const CheckConstraint &c) { return calls(c.expression); });
        for (Column &c : without.columns) {
            if (c.defaultValue && calls(*c.defaultValue)) {
                c.defaultValue.reset();
                ++setAside;
            }
        }
        if (setAside == 0)
            continue;
        m_functionUsersSetAside.append({before, without});
        m_liftedLive.insert(key(live.name), without);
    }
}

void StepBuilder::setAsideFunctionUsers()
{
    for (const auto &[before, without] : m_functionUsersSetAside)
        add(u"set aside the defaults and checks of " + diff::displayName(before.name) +
                u" that call a function recreated below",
            m_r.alterTable(before, without).sql, m_r.alterTable(without, before).sql, {});
}

bool StepBuilder::recreatesIndex(const QString &table, const QString &index) const
{
    return m_indexesToRecreate.contains(key(table) + u'\x1f' + key(index));
}

QSet<QString> StepBuilder::newTables() const
{
    QSet<QString> created;
    for (const Table &t : m_target.tables) {
        if (!m_liveTables.find(t.name))
            created.insert(key(t.name));
    }
    return created;
}

void StepBuilder::createFunctions(bool afterNewTables)
{
    const QSet<QString> created = m_target.functions.isEmpty() ? QSet<QString>{} : newTables();
    for (const Function &f : m_target.functions) {
        if (m_deps.mentionsAny(f.body, created) != afterNewTables)
            continue;
        const Function *live = findFunction(m_live.functions, f.name, m_cs);
        const QList<diff::Change> changes = objectChanges(ObjectKind::Function, f.name);
        if (!live)
            add(u"create function " + schema::dottedName(f.name), m_r.createFunction(f),
                m_r.dropFunction(f), changes);
        else if (!changes.isEmpty())
            add(u"replace function " + schema::dottedName(f.name), m_r.alterFunction(*live, f),
                m_r.alterFunction(f, *live), changes);
    }
}

void StepBuilder::dropFunctions()
{
    for (const Function &f : m_live.functions) {
        if (!findFunction(m_target.functions, f.name, m_cs))
            add(u"drop function " + schema::dottedName(f.name), m_r.dropFunction(f),
                m_r.createFunction(f), objectChanges(ObjectKind::Function, f.name));
    }
}

} // namespace burrow::plan
