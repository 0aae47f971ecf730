#include "effect_lint.h"

#include "../plan/planner.h"
#include "../plan/renames.h"

namespace burrow::migration {

Result<QList<plan::LintWarning>> lintEffect(const schema::Schema &before,
                                            const schema::Schema &after, const QSqlDatabase &db,
                                            const dialect::Dialect &dialect)
{
    const Qt::CaseSensitivity cs =
        dialect.caseSensitiveNames() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const plan::SqlRenderer &renderer = dialect.renderer();
    Result<plan::MigrationPlan> literal = planMigration(before, after, {true, {}, cs}, renderer);
    if (!literal)
        return literal.error();
    if (literal->isEmpty())
        return QList<plan::LintWarning>{};
    const QList<plan::Rename> renames =
        plan::fittingRenames(plan::suggestedRenames(literal->suggestions), before, after, cs);
    Result<plan::MigrationPlan> effect =
        planMigration(before, after, {true, renames, cs}, renderer);
    if (!effect)
        return effect.error();
    return plan::lintPlan(*effect, before, after, db, renderer);
}

} // namespace burrow::migration
