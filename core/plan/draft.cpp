#include "draft.h"

#include "../dialect/dialect.h"
#include "migration_writer.h"
#include "online.h"
#include "planner.h"
#include "renames.h"

namespace burrow::plan {
namespace {

/// The draft's main migration and, with online options, its follow-up: both planned from
/// `live` (renames applied in `renamed`) to `draft.target`, through the main migration's end.
Status splitOnline(MigrationDraft &draft, const schema::Schema &live, const schema::Schema &renamed,
                   const OnlineOptions &online, const SqlRenderer &renderer, Qt::CaseSensitivity cs)
{
    const schema::Schema middle = online.concurrentIndexes
                                      ? withoutOnlineIndexChanges(renamed, draft.target, cs)
                                      : draft.target;
    // The target already keeps what was left out or skipped: the rest is all wanted.
    Result<MigrationPlan> up = planMigration(
        live, middle, {true, draft.up.renames, cs, {}, {false, online.notValidConstraints}},
        renderer);
    if (!up)
        return up.error();
    up->leftOut = draft.up.leftOut;
    up->skipped = draft.up.skipped;
    up->suggestions = draft.up.suggestions;
    Result<MigrationPlan> down =
        planMigration(middle, live, {true, invertRenames(draft.up.renames), cs}, renderer);
    if (!down)
        return down.error();
    const OnlineOptions indexesOnly{online.concurrentIndexes, false};
    Result<MigrationPlan> followUp =
        planMigration(middle, draft.target, {true, {}, cs, {}, indexesOnly}, renderer);
    Result<MigrationPlan> followUpDown =
        planMigration(draft.target, middle, {true, {}, cs, {}, indexesOnly}, renderer);
    if (!followUp || !followUpDown)
        return !followUp ? followUp.error() : followUpDown.error();
    followUp->steps += up->validations;
    draft.up = std::move(*up);
    draft.down = std::move(*down);
    draft.followUp = std::move(*followUp);
    draft.followUpDown = std::move(*followUpDown);
    return Ok{};
}

} // namespace

Result<MigrationDraft> draftMigration(const diff::Comparison &comparison,
                                      const DraftRequest &request)
{
    Result<std::unique_ptr<dialect::Dialect>> engine = dialect::dialectFor(comparison.url);
    if (!engine)
        return engine.error();
    const dialect::Dialect &d = **engine;
    const SqlRenderer &renderer = d.renderer();
    if (Status supported = renderer.supportsOnline(request.online); !supported)
        return supported.error();
    const Qt::CaseSensitivity cs = d.caseSensitiveNames() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const QList<Rename> renames =
        inManagedSchemas(request.renames, comparison.live, comparison.model, cs) +
        fittingRenames(renamesFromAnnotations(comparison.script, d.lexerOptions()), comparison.live,
                       comparison.model, cs);
    Result<MigrationPlan> up =
        planMigration(comparison.live, comparison.model,
                      {request.allowDestructive, renames, cs, request.skip}, renderer);
    if (!up)
        return up.error();
    MigrationDraft draft;
    draft.up = std::move(*up);
    const schema::Schema renamed = withLeftParentsMembers(
        applyRenames(comparison.live, draft.up.renames, cs, renameReaders(renderer)),
        comparison.model, cs);
    draft.target = targetSchema(renamed, comparison.model, draft.up.leftOut + draft.up.skipped, cs);
    Result<MigrationPlan> down = planMigration(
        draft.target, comparison.live, {true, invertRenames(draft.up.renames), cs}, renderer);
    if (!down)
        return down.error();
    draft.down = std::move(*down);
    if (!draft.up.isEmpty()) {
        Result<std::unique_ptr<dialect::ScopedConnection>> db = d.openForReading(comparison.url);
        if (!db)
            return db.error();
        // Linted whole: a follow-up's unique index over duplicates is warned about too. A table
        // leaving a parent has the parent's columns already: they are not new.
        Result<QList<LintWarning>> warnings =
            lintPlan(draft.up, withLeftParentsMembers(comparison.live, comparison.model, cs),
                     draft.target, (*db)->database(), renderer);
        if (!warnings)
            return warnings.error();
        draft.warnings = refusalsIn(draft.up, renderer) + std::move(*warnings);
    }
    if (request.online.any() && !draft.up.isEmpty()) {
        if (Status split =
                splitOnline(draft, comparison.live, renamed, request.online, renderer, cs);
            !split)
            return split.error();
    }
    for (const QString &object : comparison.notCompared)
        draft.warnings.append(
            {LintWarning::Severity::DataDependent, {}, diff::notComparedWarning(object), 0});
    const MigrationFileInfo info{request.source, draft.warnings};
    draft.text = migrationFileText(draft.up, draft.down, info, renderer);
    if (!draft.followUp.isEmpty())
        draft.followUpText =
            onlineMigrationFileText(draft.followUp, draft.followUpDown, info, renderer);
    return draft;
}

} // namespace burrow::plan
