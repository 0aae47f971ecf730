#include "migration_plan.h"

#include <algorithm>

namespace burrow::plan {

bool MigrationPlan::irreversible() const
{
    return std::any_of(steps.begin(), steps.end(),
                       [](const PlanStep &s) { return s.irreversible; });
}

bool MigrationPlan::destructive() const
{
    return std::any_of(steps.begin(), steps.end(), [](const PlanStep &s) { return s.destructive; });
}

} // namespace burrow::plan
