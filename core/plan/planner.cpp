#include "planner.h"

#include "../diff/differ.h"
#include "dependencies_p.h"
#include "renames.h"
#include "step_builder_p.h"
#include "target_needs_p.h"

namespace burrow::plan {

using diff::Change;
using diff::ChangeType;
using namespace schema;

namespace {

// A table the user keeps (a drop left out as destructive, or skipped) still holds the name.
Error nameClashError(const NameClash &clash)
{
    return Error{Error::Code::Conflict,
                 u"table " + clash.newTable + u" takes the name " + clash.name + u", which table " +
                     clash.heldBy + u" keeps: the migration would fail creating it",
                 {},
                 0,
                 {},
                 u"rename " + clash.heldBy + u" to " + clash.newTable + u" (--rename " +
                     clash.heldBy + u'=' + clash.newTable + u"), let the plan drop " +
                     clash.heldBy + u" (--allow-destructive), or give the name up in one of them"};
}

/// The removals of `all` that `kept` names: types and schemas that what the plan keeps still
/// uses (keepWhatTargetUses), kept with it.
QList<Change> removalsKept(const QList<Change> &all, const QStringList &kept,
                           Qt::CaseSensitivity cs)
{
    using diff::ObjectKind;
    QList<Change> out;
    for (const Change &c : all) {
        const bool typeOrSchema = c.object == ObjectKind::Enum || c.object == ObjectKind::Domain ||
                                  c.object == ObjectKind::Composite ||
                                  c.object == ObjectKind::Range ||
                                  c.object == ObjectKind::Namespace;
        if (typeOrSchema && c.type == ChangeType::Removed && kept.contains(c.name, cs))
            out.append(c);
    }
    return out;
}

} // namespace

Result<MigrationPlan> planMigration(const Schema &live, const Schema &model,
                                    const PlanOptions &options, const SqlRenderer &renderer)
{
    const Qt::CaseSensitivity cs = options.names;
    MigrationPlan plan;
    plan.renames = orderedRenames(options.renames, cs);
    if (Status valid = validateRenames(plan.renames, live, model, cs); !valid)
        return valid.error();
    const Schema renamed = withLeftParentsMembers(
        applyRenames(live, plan.renames, cs, renameReaders(renderer)), model, cs);
    const DestructiveJudge judge(renamed, model, renderer, cs);
    const QList<Change> all = diff::diffSchemas(renamed, model, {cs});
    for (const Change &c : all) {
        if (c.type == ChangeType::RenameSuggested) {
            // An index the differ pairs up is renamed by the steps themselves (or built again).
            if (diff::isRenameable(c.object))
                plan.suggestions.append(c);
        } else if (options.skip.contains(c))
            plan.skipped.append(c);
        else if (!options.allowDestructive && judge.isDestructive(c))
            plan.leftOut.append(c);
    }
    const QList<Change> kept = plan.leftOut + plan.skipped;
    Schema target = targetSchema(renamed, model, kept, cs);
    if (!kept.isEmpty()) {
        // Listed with what keeps them: "plan with --allow-destructive to include" holds for
        // both, unless only skipped changes keep them.
        const QList<Change> used =
            removalsKept(all, keepWhatTargetUses(target, renamed, renderer, cs), cs);
        (plan.leftOut.isEmpty() ? plan.skipped : plan.leftOut) += used;
    }
    QList<Change> destructive;
    // Without exclusions the target is the model: its differences are known already.
    for (const Change &c : kept.isEmpty() ? all : diff::diffSchemas(renamed, target, {cs})) {
        if (c.type == ChangeType::RenameSuggested)
            continue;
        plan.changes.append(c);
        if (judge.isDestructive(c))
            destructive.append(c);
    }
    StepBuilder builder(renamed, target, plan.changes, destructive, renderer, cs);
    builder.setOnline(options.online);
    plan.steps = builder.build(plan.renames);
    if (!builder.nameClashes().isEmpty())
        return nameClashError(builder.nameClashes().constFirst());
    plan.validations = builder.validations();
    plan.rebuiltTables = builder.rebuiltTables();
    plan.foreignKeysOff = !plan.rebuiltTables.isEmpty() || builder.dropsTables();
    return plan;
}

} // namespace burrow::plan
