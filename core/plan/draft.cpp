#include "draft.h"

#include "../dialect/dialect.h"
#include "migration_writer.h"
#include "planner.h"
#include "renames.h"

namespace burrow::plan {
Result<MigrationDraft> draftMigration(const diff::Comparison &comparison,
                                      const DraftRequest &request)
{
    Result<std::unique_ptr<dialect::Dialect>> engine = dialect::dialectFor(comparison.url);
    if (!engine)
        return engine.error();
    const dialect::Dialect &d = **engine;
    const SqlRenderer &renderer = d.renderer();
    const Qt::CaseSensitivity cs = d.caseSensitiveNames() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const QList<Rename> renames =
        request.renames +
        fittingRenames(renamesFromAnnotations(comparison.script, d.lexerOptions()), comparison.live,
                       comparison.model, cs);
    Result<MigrationPlan> up =
        planMigration(comparison.live, comparison.model,
                      {request.allowDestructive, renames, cs, request.skip}, renderer);
    if (!up)
        return up.error();
    MigrationDraft draft;
    draft.up = std::move(*up);
    draft.target = targetSchema(applyRenames(comparison.live, draft.up.renames, cs),
                                comparison.model, draft.up.leftOut + draft.up.skipped, cs);
    Result<MigrationPlan> down = planMigration(
        draft.target, comparison.live, {true, invertRenames(draft.up.renames), cs}, renderer);
    if (!down)
        return down.error();
    draft.down = std::move(*down);
    if (!draft.up.isEmpty()) {
        Result<std::unique_ptr<dialect::ScopedConnection>> db = d.openForReading(comparison.url);
        if (!db)
            return db.error();
        Result<QList<LintWarning>> warnings =
            lintPlan(draft.up, comparison.live, draft.target, (*db)->database(), renderer);
        if (!warnings)
            return warnings.error();
        draft.warnings = std::move(*warnings);
    }
    draft.text =
        migrationFileText(draft.up, draft.down, {request.source, draft.warnings}, renderer);
    return draft;
}

} // namespace burrow::plan
