// The Differences tree's model and filter: grouping, order, check boxes, renames, filtering.
#include "differences/change_presentation_p.h"
#include "differences/differences_filter.h"
#include "differences/differences_model.h"
#include "differences_test_support.h"
#include "schema/qualified_name.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using namespace burrow;
using namespace Qt::Literals::StringLiterals;
using namespace burrow::uitest;
using burrow::ui::DifferencesFilter;
using burrow::ui::DifferencesModel;
using diff::ChangeType;
using diff::ObjectKind;
using Tester = QAbstractItemModelTester;

QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out.append(model.index(row, 0, parent).data().toString());
    return out;
}

QModelIndex childNamed(const QAbstractItemModel &model, const QString &table, const QString &name)
{
    const QModelIndexList tables =
        model.match(model.index(0, 0), Qt::DisplayRole, table, 1, Qt::MatchExactly);
    if (tables.isEmpty())
        return {};
    const QModelIndexList found =
        model.match(model.index(0, 0, tables.first()), Qt::DisplayRole, name, 1, Qt::MatchExactly);
    return found.value(0);
}

Qt::CheckState checkState(const QModelIndex &index)
{
    return static_cast<Qt::CheckState>(index.data(Qt::CheckStateRole).toInt());
}

QList<diff::Change> sampleChanges()
{
    return {
        change(ObjectKind::View, ChangeType::Changed, u"books_by_author"_s, u"books_by_author"_s),
        change(ObjectKind::Index, ChangeType::Added, u"book"_s, u"book_author"_s),
        columnChanged(u"book"_s, u"year"_s),
        change(ObjectKind::TableOptions, ChangeType::Changed, u"book"_s, u"book"_s),
        change(ObjectKind::Trigger, ChangeType::Removed, u"book"_s, u"book_touch"_s),
        change(ObjectKind::ForeignKey, ChangeType::Added, u"book"_s, u"(author_id)"_s),
        columnRemoved(u"book"_s, u"legacy_flag"_s),
        columnAdded(u"Author"_s, u"country"_s),
        change(ObjectKind::Table, ChangeType::Removed, u"tmp_import"_s, u"tmp_import"_s),
    };
}

TEST(DifferencesModel, groups_by_table_with_views_last_and_orders_changes_by_kind)
{
    DifferencesModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    model.setChanges(sampleChanges());

    EXPECT_EQ(names(model),
              (QStringList{u"Author"_s, u"book"_s, u"tmp_import"_s, u"books_by_author"_s}));
    EXPECT_EQ(names(model, model.index(1, 0)),
              (QStringList{u"year"_s, u"legacy_flag"_s, u"foreign key (author_id)"_s,
                           u"book_author"_s, u"book_touch"_s, u"table options"_s}));
}

TEST(DifferencesModel, marks_each_row_with_a_change_text_and_an_icon)
{
    DifferencesModel model;
    model.setChanges(sampleChanges());
    const QModelIndex year = childNamed(model, u"book"_s, u"year"_s);
    const QModelIndex changeCell = year.siblingAtColumn(DifferencesModel::ChangeColumn);
    EXPECT_EQ(changeCell.data().toString(), u"changed"_s);
    EXPECT_FALSE(changeCell.data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_FALSE(year.data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_EQ(year.siblingAtColumn(DifferencesModel::DetailColumn).data().toString(),
              u"type TEXT → INTEGER"_s);
    EXPECT_EQ(year.data(DifferencesModel::TableRole).toString(), u"book"_s);
    EXPECT_EQ(year.data(DifferencesModel::ChangeRole).value<diff::Change>(),
              columnChanged(u"book"_s, u"year"_s));
}

TEST(DifferencesModel, counts_tables_and_changes_for_the_summary)
{
    DifferencesModel model;
    model.setChanges(sampleChanges());
    const DifferencesModel::Counts counts = model.counts();
    EXPECT_EQ(counts.tables, 3);
    EXPECT_EQ(counts.views, 1);
    EXPECT_EQ(counts.added, 3);
    EXPECT_EQ(counts.removed, 3);
    EXPECT_EQ(counts.changed, 3);
    EXPECT_EQ(counts.renames, 0);
}

TEST(DifferencesModel, schema_objects_are_grouped_after_tables_and_views_as_what_they_are)
{
    DifferencesModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    QList<diff::Change> changes = sampleChanges();
    changes.prepend(change(ObjectKind::Enum, ChangeType::Added, u"mood"_s, u"mood"_s));
    changes.append(change(ObjectKind::Namespace, ChangeType::Added, u"core"_s, u"core"_s));
    model.setChanges(changes);

    EXPECT_EQ(names(model), (QStringList{u"Author"_s, u"book"_s, u"tmp_import"_s,
                                         u"books_by_author"_s, u"core"_s, u"mood"_s}));
    const DifferencesModel::Counts counts = model.counts();
    EXPECT_EQ(counts.tables, 3);
    EXPECT_EQ(counts.views, 1);
    EXPECT_EQ(counts.others,
              (std::map<ObjectKind, int>{{ObjectKind::Enum, 1}, {ObjectKind::Namespace, 1}}));
    const auto icon = [&](int row) {
        return model.index(row, 0).data(Qt::DecorationRole).value<QIcon>().cacheKey();
    };
    const ui::DifferenceIcons &icons = ui::DifferenceIcons::get();
    EXPECT_EQ(icon(0), icons.table.cacheKey());
    EXPECT_EQ(icon(3), icons.view.cacheKey());
    EXPECT_EQ(icon(4), icons.schema.cacheKey()); // a schema is not drawn as a table
    EXPECT_NE(icons.schema.cacheKey(), icons.table.cacheKey());
    EXPECT_FALSE(icons.schema.pixmap(16).isNull());
    EXPECT_EQ(icon(5), icons.forObject(ObjectKind::Enum).cacheKey());
}

TEST(DifferencesModel, destructive_changes_start_unchecked_with_the_warning_icon)
{
    DifferencesModel model;
    const diff::Change narrowed = columnChanged(u"book"_s, u"year"_s);
    model.setChanges(sampleChanges(), {destructiveWarning(narrowed, 42)});

    const QModelIndex removed = childNamed(model, u"book"_s, u"legacy_flag"_s);
    EXPECT_EQ(checkState(removed), Qt::Unchecked);
    EXPECT_FALSE(removed.siblingAtColumn(DifferencesModel::RowsColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
    const QModelIndex year = childNamed(model, u"book"_s, u"year"_s);
    EXPECT_EQ(checkState(year), Qt::Unchecked);
    const QModelIndex rows = year.siblingAtColumn(DifferencesModel::RowsColumn);
    EXPECT_EQ(rows.data().toString(), u"42"_s);
    EXPECT_EQ(rows.data(Qt::ToolTipRole).toString(), u"changes book.year holding 42 values"_s);
    EXPECT_EQ(checkState(childNamed(model, u"tmp_import"_s, u"tmp_import"_s)), Qt::Unchecked);
    EXPECT_EQ(checkState(childNamed(model, u"book"_s, u"book_author"_s)), Qt::Checked);
    EXPECT_EQ(model.uncheckedChanges(),
              (QList<diff::Change>{narrowed, columnRemoved(u"book"_s, u"legacy_flag"_s),
                                   sampleChanges().last()}));
}

TEST(DifferencesModel, a_change_burrow_cannot_write_starts_unchecked_and_says_why)
{
    DifferencesModel model;
    const diff::Change year = columnChanged(u"book"_s, u"year"_s);
    const QString why = u"the migration stops at alter table book: Burrow cannot …"_s;
    model.setChanges(sampleChanges(), {{plan::LintWarning::Severity::Refused, year, why, 0}});
    const QModelIndex entry = childNamed(model, u"book"_s, u"year"_s);
    EXPECT_EQ(checkState(entry), Qt::Unchecked);
    const QModelIndex rows = entry.siblingAtColumn(DifferencesModel::RowsColumn);
    EXPECT_EQ(rows.data(Qt::ToolTipRole).toString(), why);
    EXPECT_FALSE(rows.data(Qt::DecorationRole).value<QIcon>().isNull());
}

TEST(DifferencesModel, unchecking_a_change_skips_it_and_makes_its_table_partial)
{
    DifferencesModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    model.setChanges(sampleChanges());
    QSignalSpy checked(&model, &DifferencesModel::checkedChangesChanged);
    const QModelIndex author = model.index(0, 0);
    EXPECT_EQ(checkState(author), Qt::Checked);

    ASSERT_TRUE(model.setData(model.index(0, 0, author), Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_EQ(checkState(author), Qt::Unchecked);
    EXPECT_EQ(model.uncheckedChanges().count(columnAdded(u"Author"_s, u"country"_s)), 1);
    EXPECT_EQ(checked.count(), 1);

    const QModelIndex book = model.index(1, 0);
    EXPECT_EQ(checkState(book), Qt::PartiallyChecked); // legacy_flag starts unchecked
}

TEST(DifferencesModel, checking_a_table_sets_all_its_changes)
{
    DifferencesModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    model.setChanges(sampleChanges());
    const QModelIndex book = model.index(1, 0);

    ASSERT_TRUE(model.setData(book, Qt::Unchecked, Qt::CheckStateRole));
    for (int row = 0; row < model.rowCount(book); ++row)
        EXPECT_EQ(checkState(model.index(row, 0, book)), Qt::Unchecked) << row;
    EXPECT_EQ(model.uncheckedChanges().size(), 6 + 1); // book's six and tmp_import

    ASSERT_TRUE(model.setData(book, Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(checkState(book), Qt::Checked);
    EXPECT_EQ(checkState(childNamed(model, u"book"_s, u"legacy_flag"_s)), Qt::Checked);
    EXPECT_FALSE(model.setData(book, Qt::PartiallyChecked, Qt::CheckStateRole));
}

TEST(DifferencesModel, a_ticked_rename_suggestion_is_an_accepted_rename)
{
    DifferencesModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    model.setChanges({columnRemoved(u"book"_s, u"yr"_s), columnAdded(u"book"_s, u"year"_s),
                      renameSuggested(ObjectKind::Column, u"book"_s, u"yr"_s, u"year"_s),
                      renameSuggested(ObjectKind::Index, u"book"_s, u"ix_a"_s, u"ix_b"_s)});
    const QModelIndex rename = childNamed(model, u"book"_s, u"yr → year"_s);
    ASSERT_TRUE(rename.isValid());
    EXPECT_EQ(checkState(rename), Qt::Unchecked);
    EXPECT_TRUE(model.acceptedRenames().isEmpty());

    ASSERT_TRUE(model.setData(rename, Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(model.acceptedRenames(), (QList<plan::Rename>{{u"book"_s, u"yr"_s, u"year"_s}}));
    EXPECT_FALSE(model.uncheckedChanges().contains(
        rename.data(DifferencesModel::ChangeRole).value<diff::Change>()));
    ASSERT_TRUE(model.setRenameAccepted(rename, false));
    EXPECT_TRUE(model.acceptedRenames().isEmpty());
    // Indexes are renamed by the plan anyway: nothing to accept.
    const QModelIndex index = childNamed(model, u"book"_s, u"ix_a → ix_b"_s);
    EXPECT_FALSE(model.flags(index) & Qt::ItemIsUserCheckable);
    EXPECT_FALSE(model.setRenameAccepted(index, true));
    EXPECT_THAT(index.siblingAtColumn(DifferencesModel::ChangeColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .toStdString(),
                ::testing::HasSubstr("renames it in place"));
}

// A table in another schema (PostgreSQL): ticking the suggestion moves it, rows and all.
TEST(DifferencesModel, a_ticked_move_suggestion_moves_the_table_into_its_schema)
{
    DifferencesModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    const QString moved = schema::qualifiedName(u"sales"_s, u"orders"_s);
    diff::Change move = renameSuggested(ObjectKind::Table, u"orders"_s, u"orders"_s, moved);
    move.detail = u"same definition, moved to schema sales"_s;
    model.setChanges({change(ObjectKind::Table, ChangeType::Removed, u"orders"_s, u"orders"_s),
                      change(ObjectKind::Table, ChangeType::Added, moved, moved), move});
    const QModelIndex suggestion = childNamed(model, u"orders"_s, u"orders → sales.orders"_s);
    ASSERT_TRUE(suggestion.isValid()) << names(model).join(u", ").toStdString();
    EXPECT_THAT(suggestion.siblingAtColumn(DifferencesModel::ChangeColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .toStdString(),
                ::testing::HasSubstr("Same table in another schema: tick it to move it there"));
    EXPECT_EQ(suggestion.siblingAtColumn(DifferencesModel::ChangeColumn).data().toString(),
              u"move suggested"_s);
    ASSERT_TRUE(model.setData(suggestion, Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(model.acceptedRenames(), (QList<plan::Rename>{{u"orders"_s, {}, moved}}));
}

TEST(DifferencesModel, identical_tables_show_greyed_only_when_asked)
{
    schema::Schema live, target;
    live.tables = {schema::Table{u"author"_s}, schema::Table{u"book"_s}};
    target.tables = {schema::Table{u"author"_s}, schema::Table{u"book"_s}};
    DifferencesModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    model.setChanges({columnAdded(u"book"_s, u"isbn"_s)});
    model.setSchemas(live, target);
    EXPECT_EQ(names(model), QStringList{u"book"_s});

    model.setShowIdentical(true);
    EXPECT_EQ(names(model), (QStringList{u"author"_s, u"book"_s}));
    const QModelIndex author = model.index(0, 0);
    EXPECT_EQ(model.rowCount(author), 0);
    EXPECT_FALSE(model.flags(author) & Qt::ItemIsUserCheckable);
    EXPECT_EQ(author.siblingAtColumn(DifferencesModel::ChangeColumn).data().toString(),
              u"identical"_s);
}

TEST(DifferencesFilter, keeps_the_tables_of_matching_changes)
{
    DifferencesModel model;
    DifferencesFilter filter;
    filter.setSourceModel(&model);
    Tester modelTester(&model, Tester::FailureReportingMode::Fatal);
    Tester filterTester(&filter, Tester::FailureReportingMode::Fatal);
    model.setChanges(sampleChanges());

    filter.setText(u"LEGACY"_s);
    EXPECT_EQ(names(filter), QStringList{u"book"_s});
    EXPECT_EQ(names(filter, filter.index(0, 0)), QStringList{u"legacy_flag"_s});

    filter.setText(u"text → int"_s); // the detail
    EXPECT_EQ(names(filter, filter.index(0, 0)), QStringList{u"year"_s});

    filter.setText(u"author"_s); // a table's name keeps all its changes
    EXPECT_EQ(names(filter), (QStringList{u"Author"_s, u"book"_s, u"books_by_author"_s}));
    EXPECT_EQ(filter.rowCount(filter.index(0, 0)), 1);

    filter.setText({});
    EXPECT_EQ(filter.rowCount(), 4);
}

TEST(DifferencesFilter, follows_check_changes_and_resets_under_a_filter)
{
    DifferencesModel model;
    DifferencesFilter filter;
    filter.setSourceModel(&model);
    Tester filterTester(&filter, Tester::FailureReportingMode::Fatal);
    model.setChanges(sampleChanges());
    filter.setText(u"book"_s);
    const QModelIndex book = filter.index(0, 0);
    ASSERT_EQ(book.data().toString(), u"book"_s);

    ASSERT_TRUE(filter.setData(book, Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_EQ(checkState(filter.index(1, 0, book)), Qt::Unchecked);
    model.setChanges({columnAdded(u"book"_s, u"isbn"_s)});
    EXPECT_EQ(names(filter), QStringList{u"book"_s});
}

} // namespace
