// Which index changes `plan --concurrently` moves out of the main migration: the schema the
// main migration leads to (withoutOnlineIndexChanges), as values.
#include "plan/online.h"
#include "qt_printing.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::schema;
using namespace Qt::Literals::StringLiterals;

namespace {

Column column(const QString &name)
{
    Column c;
    c.name = name;
    c.type = c.typeKey = u"integer"_s;
    return c;
}

Index index(const QString &name, const QString &on, bool unique = false)
{
    Index i;
    i.name = name;
    i.unique = unique;
    i.parts.append(IndexPart{on, {}, SortOrder::Ascending, {}});
    return i;
}

Table table(const QString &name, const QStringList &columns, const QList<Index> &indexes = {})
{
    Table t;
    t.name = name;
    for (const QString &c : columns)
        t.columns.append(column(c));
    t.indexes = indexes;
    return t;
}

QStringList indexNames(const Schema &schema, const QString &tableName)
{
    QStringList names;
    const Table *t = findTable(schema, tableName, Qt::CaseSensitive);
    for (const Index &i : t ? t->indexes : QList<Index>{})
        names.append(i.name);
    names.sort();
    return names;
}

Schema middleOf(const Schema &live, const Schema &target)
{
    return plan::withoutOnlineIndexChanges(live, target, Qt::CaseSensitive);
}

} // namespace

TEST(OnlineSplit, indexes_added_or_dropped_on_a_kept_table_wait_for_the_follow_up)
{
    const Schema live{{table(u"book"_s, {u"id"_s, u"title"_s}, {index(u"old_idx"_s, u"id"_s)})}};
    const Schema target{
        {table(u"book"_s, {u"id"_s, u"title"_s, u"price"_s}, {index(u"title_idx"_s, u"title"_s)})}};
    // The new column comes in the main migration; both index changes wait.
    const Schema middle = middleOf(live, target);
    EXPECT_EQ(indexNames(middle, u"book"_s), QStringList{u"old_idx"_s});
    EXPECT_EQ(middle.tables.first().columns.size(), 3);
}

TEST(OnlineSplit, a_new_tables_indexes_stay_in_the_main_migration)
{
    const Schema live{{table(u"book"_s, {u"id"_s})}};
    const Schema target{{table(u"book"_s, {u"id"_s}), table(u"shelf"_s, {u"id"_s, u"name"_s},
                                                            {index(u"name_idx"_s, u"name"_s)})}};
    EXPECT_EQ(indexNames(middleOf(live, target), u"shelf"_s), QStringList{u"name_idx"_s});
}

TEST(OnlineSplit, a_table_that_drops_a_column_keeps_its_index_changes_in_the_main_migration)
{
    // The index on `legacy` goes with its column: a later DROP INDEX would find nothing.
    const Schema live{
        {table(u"book"_s, {u"id"_s, u"legacy"_s}, {index(u"legacy_idx"_s, u"legacy"_s)})}};
    const Schema target{{table(u"book"_s, {u"id"_s}, {index(u"id_idx"_s, u"id"_s)})}};
    EXPECT_EQ(indexNames(middleOf(live, target), u"book"_s), QStringList{u"id_idx"_s});
}

TEST(OnlineSplit, a_unique_index_a_new_foreign_key_references_stays_in_the_main_migration)
{
    const Schema live{{table(u"author"_s, {u"id"_s, u"code"_s}), table(u"book"_s, {u"id"_s})}};
    Table book = table(u"book"_s, {u"id"_s, u"author_code"_s});
    book.foreignKeys.append(
        ForeignKey{u"book_author_fk"_s, {u"author_code"_s}, u"author"_s, {u"code"_s}});
    const Schema target{
        {table(u"author"_s, {u"id"_s, u"code"_s},
               {index(u"code_key"_s, u"code"_s, true), index(u"id_idx"_s, u"id"_s)}),
         book}};
    EXPECT_EQ(indexNames(middleOf(live, target), u"author"_s), QStringList{u"code_key"_s});
}
