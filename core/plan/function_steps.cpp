// The plan's phases for functions and procedures: created before the tables, domains, views
// and triggers that call them (a SQL body that reads a new table right after that table),
// dropped after those are gone. Only PostgreSQL has them; elsewhere the lists are empty.
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

void StepBuilder::touchFunctionUsers()
{
    for (const Function &f : m_target.functions) {
        const Function *live = findFunction(m_live.functions, f.name, m_cs);
        if (live && !objectChanges(ObjectKind::Function, f.name).isEmpty() &&
            !m_r.replacesFunctionInPlace(*live, f))
            m_touched.insert(key(f.routineName));
    }
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
            add(u"create function " + f.name, m_r.createFunction(f), m_r.dropFunction(f), changes);
        else if (!changes.isEmpty())
            add(u"replace function " + f.name, m_r.alterFunction(*live, f),
                m_r.alterFunction(f, *live), changes);
    }
}

void StepBuilder::dropFunctions()
{
    for (const Function &f : m_live.functions) {
        if (!findFunction(m_target.functions, f.name, m_cs))
            add(u"drop function " + f.name, m_r.dropFunction(f), m_r.createFunction(f),
                objectChanges(ObjectKind::Function, f.name));
    }
}

} // namespace burrow::plan
