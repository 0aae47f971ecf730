// The steps of `plan --concurrently` and `plan --not-valid` (OnlineOptions): index builds the
// engine runs without blocking writes, and foreign keys and CHECKs added without reading the
// table's rows, validated after the migration.
#include "../diff/describe.h"
#include "step_builder_p.h"

#include <algorithm>

namespace burrow::plan {

using diff::Change;
using diff::ChangeType;
using diff::displayName;
using diff::ObjectKind;
using namespace schema;

QStringList StepBuilder::createIndexSql(const QString &table, const Index &index) const
{
    return m_online.concurrentIndexes ? m_r.createIndexOnline(table, index)
                                      : m_r.createIndex(table, index);
}

QStringList StepBuilder::dropIndexSql(const QString &table, const Index &index) const
{
    return m_online.concurrentIndexes ? m_r.dropIndexOnline(table, index)
                                      : m_r.dropIndex(table, index);
}

bool StepBuilder::addedNotValid(const QString &table, const Change &c) const
{
    const auto moved = m_notValid.constFind(key(table));
    if (moved == m_notValid.constEnd() ||
        (c.object != ObjectKind::ForeignKey && c.object != ObjectKind::Check))
        return false;
    const auto named = [&](const auto &constraint) {
        return constraint.name.compare(c.name, m_cs) == 0;
    };
    return std::any_of(moved->foreignKeys.begin(), moved->foreignKeys.end(), named) ||
           std::any_of(moved->checks.begin(), moved->checks.end(), named);
}

Table StepBuilder::withoutNotValidConstraints(const Table &live, const Table &target)
{
    if (!m_online.notValidConstraints)
        return target;
    const auto added = [&](ObjectKind kind, const QString &name) {
        // Only named constraints: VALIDATE CONSTRAINT needs the name.
        const QList<Change> changes =
            changesOf(live.name, kind, name, {ChangeType::Added, ChangeType::Changed});
        return !name.isEmpty() && std::any_of(changes.begin(), changes.end(),
                                              [](const Change &c) { return !onlyValidates(c); });
    };
    Table alteredTo = target;
    Table moved;
    moved.name = target.name;
    alteredTo.foreignKeys.removeIf([&](const ForeignKey &fk) {
        const bool move = added(ObjectKind::ForeignKey, fk.name);
        if (move)
            moved.foreignKeys.append(fk);
        return move;
    });
    alteredTo.checks.removeIf([&](const CheckConstraint &check) {
        const bool move = added(ObjectKind::Check, check.name);
        if (move)
            moved.checks.append(check);
        return move;
    });
    if (moved.foreignKeys.isEmpty() && moved.checks.isEmpty())
        return target;
    m_alteredTo.insert(key(target.name), alteredTo);
    m_notValid.insert(key(target.name), moved);
    return alteredTo;
}

void StepBuilder::addConstraintsNotValid()
{
    for (const Table &target : m_target.tables) {
        const auto moved = m_notValid.constFind(key(target.name));
        if (moved == m_notValid.constEnd())
            continue;
        const auto addStep = [&](ObjectKind kind, const QString &name, const QString &what,
                                 const QStringList &sql) {
            add(u"add " + what + u' ' + displayName(name) + u" to " + displayName(target.name) +
                    u" NOT VALID (validated after the migration)",
                sql, m_r.dropConstraint(target.name, name),
                changesOf(target.name, kind, name, {ChangeType::Added, ChangeType::Changed}));
            PlanStep validation{u"validate " + what + u' ' + displayName(name) + u" of " +
                                    displayName(target.name),
                                m_r.validateConstraint(target.name, name)};
            validation.dataDependent = true;
            m_validations.append(validation);
        };
        for (const ForeignKey &fk : moved->foreignKeys)
            addStep(ObjectKind::ForeignKey, fk.name, QStringLiteral("foreign key"),
                    m_r.addForeignKeyNotValid(target.name, fk));
        for (const CheckConstraint &check : moved->checks)
            addStep(ObjectKind::Check, check.name, QStringLiteral("check"),
                    m_r.addCheckNotValid(target.name, check));
    }
}

void StepBuilder::validateConstraints()
{
    for (const Table &target : m_target.tables) {
        for (const Change &c : m_tableChanges.value(key(target.name))) {
            if (!onlyValidates(c))
                continue;
            // Checking the rows changes no structure: there is nothing to undo.
            PlanStep step{u"validate " + diff::objectNoun(c.object) + u' ' + displayName(c.name) +
                              u" of " + displayName(target.name),
                          m_r.validateConstraint(target.name, c.name),
                          {},
                          {c}};
            step.dataDependent = true;
            if (step.sql.isEmpty())
                continue;
            (m_online.notValidConstraints ? m_validations : m_steps).append(step);
        }
    }
}

} // namespace burrow::plan
