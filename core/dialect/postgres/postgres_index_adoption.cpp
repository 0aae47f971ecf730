#include "postgres_index_adoption.h"

#include <algorithm>

namespace burrow::dialect::postgres {
namespace {

using namespace schema;

bool plainPart(const IndexPart &part, const QString &column)
{
    return part.column == column && part.expression.text.isEmpty() &&
           part.order == SortOrder::Ascending && !part.nullsOtherEnd && part.collation.isEmpty() &&
           part.opclass.isEmpty();
}

bool plainUniqueIndexOn(const Index &index, const QStringList &columns, bool nullsNotDistinct)
{
    if (!index.unique || !index.where.text.isEmpty() || !index.comment.isEmpty() ||
        index.options != u"USING btree" || index.nullsNotDistinct != nullsNotDistinct ||
        index.parts.size() != columns.size())
        return false;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (!plainPart(index.parts[i], columns[i]))
            return false;
    }
    return true;
}

} // namespace

const Index *adoptableIndex(const Table &live, const Table &target, const QStringList &columns,
                            bool nullsNotDistinct, const QStringList &taken)
{
    // Not on partitioned tables or partitions: PostgreSQL refuses USING INDEX there.
    if (!live.partitioning.isEmpty() || !live.partitionOf.isEmpty())
        return nullptr;
    for (const Index &index : live.indexes) {
        const bool kept = std::any_of(target.indexes.begin(), target.indexes.end(),
                                      [&](const Index &t) { return t.name == index.name; });
        if (!kept && !taken.contains(index.name) &&
            plainUniqueIndexOn(index, columns, nullsNotDistinct))
            return &index;
    }
    return nullptr;
}

} // namespace burrow::dialect::postgres
