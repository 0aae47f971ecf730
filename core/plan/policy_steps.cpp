// The plan's phases for row-level security (PostgreSQL): policies dropped before the tables,
// columns and functions they read change, created (or altered in place) after all of those, and
// each table's ENABLE/FORCE ROW LEVEL SECURITY set with them. Elsewhere the lists are empty.
#include "../diff/describe.h"
#include "step_builder_p.h"

namespace burrow::plan {
namespace {

using diff::Change;
using diff::ChangeType;
using diff::displayName;
using diff::ObjectKind;
using namespace schema;

QString policyText(const Policy &policy)
{
    return policy.usingExpression.text + u' ' + policy.withCheck.text;
}

QString policySummary(const QString &verb, const QString &table, const Policy &policy)
{
    return verb + u" policy " + displayName(policy.name) + u" on " + displayName(table);
}

} // namespace

QString StepBuilder::policyId(const QString &table, const QString &policy) const
{
    return key(table) + u'\x1f' + key(policy);
}

bool StepBuilder::policyAlteredInPlace(const QString &table, const Policy &live) const
{
    const Table *target = m_targetTables.find(table);
    const Policy *wanted = target ? findNamed(target->policies, live.name, m_cs) : nullptr;
    return wanted &&
           !changesOf(table, ObjectKind::Policy, live.name, {ChangeType::Changed}).isEmpty() &&
           !m_r.alterPolicy(table, live, *wanted).isEmpty();
}

void StepBuilder::collectPolicyWork()
{
    QSet<QString> readers = m_touched;
    readers.unite(m_viewsToDrop);
    const QSet<QString> recreatedFunctions = this->recreatedFunctions();
    for (const Table &live : m_live.tables) {
        if (!m_targetTables.find(live.name)) {
            // Its policies go with it, but those calling a recreated function go first.
            for (const Policy &p : live.policies) {
                if (m_deps.mentionsAny(policyText(p), recreatedFunctions))
                    m_policiesToDrop.insert(policyId(live.name, p.name));
            }
            continue;
        }
        // Columns that change or go: the engine refuses while a policy reads them.
        QSet<QString> columns = m_generatedSetAside.value(key(live.name));
        for (const Change &c : changesOf(live.name, ObjectKind::Column, QString(),
                                         {ChangeType::Changed, ChangeType::Removed}))
            columns.insert(key(c.name));
        for (const Policy &p : live.policies) {
            const bool changed = !changesOf(live.name, ObjectKind::Policy, p.name,
                                            {ChangeType::Removed, ChangeType::Changed})
                                      .isEmpty();
            const bool reads =
                readsTouched(policyText(p), readers) || m_deps.mentionsAny(policyText(p), columns);
            if (reads || (changed && !policyAlteredInPlace(live.name, p)))
                m_policiesToDrop.insert(policyId(live.name, p.name));
        }
    }
    for (const Table &target : m_target.tables) {
        const bool isNew = !m_liveTables.find(target.name);
        for (const Policy &p : target.policies) {
            const QString id = policyId(target.name, p.name);
            const bool added =
                !changesOf(target.name, ObjectKind::Policy, p.name, {ChangeType::Added}).isEmpty();
            if (isNew || added || m_policiesToDrop.contains(id))
                m_policiesToCreate.insert(id);
        }
    }
}

void StepBuilder::dropPolicies()
{
    for (const Table &live : m_live.tables) {
        for (const Policy &p : live.policies) {
            if (!m_policiesToDrop.contains(policyId(live.name, p.name)))
                continue;
            const QString before = nameBeforeRenames(live.name);
            add(policySummary(QStringLiteral("drop"), before, p), m_r.dropPolicy(before, p),
                m_r.createPolicy(before, p),
                changesOf(live.name, ObjectKind::Policy, p.name, {ChangeType::Removed}));
        }
    }
}

void StepBuilder::setRowSecurity()
{
    for (const Table &target : m_target.tables) {
        const Table *live = m_liveTables.find(target.name);
        const Table before = live ? *live : Table{};
        add(u"set row level security on " + displayName(target.name),
            m_r.setRowSecurity(target.name, before, target),
            m_r.setRowSecurity(target.name, target, before),
            changesOf(target.name, ObjectKind::RowSecurity, QString(), {ChangeType::Changed}));
    }
}

void StepBuilder::createPolicies()
{
    for (const Table &target : m_target.tables) {
        const Table *live = m_liveTables.find(target.name);
        for (const Policy &p : target.policies) {
            const QList<Change> changes = changesOf(target.name, ObjectKind::Policy, p.name,
                                                    {ChangeType::Added, ChangeType::Changed});
            if (m_policiesToCreate.contains(policyId(target.name, p.name))) {
                add(policySummary(QStringLiteral("create"), target.name, p),
                    m_r.createPolicy(target.name, p), m_r.dropPolicy(target.name, p), changes);
                continue;
            }
            const Policy *was = live ? findNamed(live->policies, p.name, m_cs) : nullptr;
            if (!was || changes.isEmpty())
                continue;
            // ALTER POLICY cannot take a clause away: the way back may need drop and create.
            QStringList back = m_r.alterPolicy(target.name, p, *was);
            if (back.isEmpty())
                back = m_r.dropPolicy(target.name, p) + m_r.createPolicy(target.name, *was);
            add(policySummary(QStringLiteral("alter"), target.name, p),
                m_r.alterPolicy(target.name, *was, p), back, changes);
        }
    }
}

} // namespace burrow::plan
