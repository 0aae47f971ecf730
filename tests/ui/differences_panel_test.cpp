// The Differences panel: summary, empty state, filter box, selection signals, check boxes.
#include "diff/compare.h"
#include "differences/differences_filter.h"
#include "differences/differences_model.h"
#include "differences/differences_panel.h"
#include "differences/differences_summary.h"
#include "differences_test_support.h"
#include "plan/draft.h"
#include "ui_test_support.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <gtest/gtest.h>

namespace {

using namespace burrow;
using namespace burrow::uitest;
using namespace Qt::Literals::StringLiterals;
using burrow::ui::DifferencesModel;
using burrow::ui::DifferencesPanel;
using diff::ChangeType;
using diff::ObjectKind;
using Tester = QAbstractItemModelTester;

QList<diff::Change> demoLikeChanges()
{
    return {
        columnAdded(u"author"_s, u"country"_s),
        columnChanged(u"book"_s, u"year"_s),
        columnRemoved(u"book"_s, u"legacy_flag"_s),
        change(ObjectKind::Index, ChangeType::Added, u"book"_s, u"book_author"_s),
        change(ObjectKind::Table, ChangeType::Removed, u"tmp_import_2019"_s, u"tmp_import_2019"_s),
        renameSuggested(ObjectKind::Column, u"loan"_s, u"borrower"_s, u"borrower_name"_s),
    };
}

// A shown, active panel: focus and shortcuts work as they do for a user.
struct ShownPanel {
    DifferencesPanel panel;
    ShownPanel()
    {
        panel.resize(900, 500);
        panel.show();
        QApplication::setActiveWindow(&panel);
        EXPECT_TRUE(QTest::qWaitForWindowActive(&panel));
    }
};

TEST(DifferencesPanel, shows_the_empty_state_when_nothing_differs)
{
    DifferencesPanel panel;
    panel.setChanges({});
    EXPECT_TRUE(panel.showsEmptyState());
    EXPECT_FALSE(panel.view()->isVisibleTo(&panel));
    const QString shots = QStringLiteral(BURROW_BUILD_DIR) + u"/screenshots"_s;
    QDir().mkpath(shots);
    panel.resize(600, 300);
    panel.grab().save(shots + u"/differences_panel_empty.png"_s);

    panel.setChanges(demoLikeChanges());
    EXPECT_FALSE(panel.showsEmptyState());
    EXPECT_TRUE(panel.view()->isVisibleTo(&panel));

    panel.setChanges({});
    EXPECT_TRUE(panel.showsEmptyState());
}

TEST(DifferencesPanel, summarizes_the_counts)
{
    DifferencesPanel panel;
    panel.setChanges(demoLikeChanges());
    EXPECT_EQ(panel.summary()->text(),
              u"4 tables differ · 2 added · 2 removed · 1 changed · 1 rename suggested"_s);

    panel.setChanges(
        {change(ObjectKind::View, ChangeType::Added, u"v"_s, u"v"_s), columnAdded(u"t"_s, u"c"_s)});
    EXPECT_EQ(panel.summary()->text(), u"1 table and 1 view differ · 2 added"_s);

    // Types, functions and schemas are counted as what they are, not as tables.
    panel.setChanges(
        {change(ObjectKind::Enum, ChangeType::Added, u"mood"_s, u"mood"_s),
         change(ObjectKind::Function, ChangeType::Changed, u"f(integer)"_s, u"f(integer)"_s),
         change(ObjectKind::Function, ChangeType::Added, u"g()"_s, u"g()"_s),
         change(ObjectKind::Namespace, ChangeType::Added, u"core"_s, u"core"_s)});
    EXPECT_EQ(panel.summary()->text(),
              u"1 enum type, 2 functions and 1 schema differ · 3 added · 1 changed"_s);
    panel.setChanges({change(ObjectKind::Function, ChangeType::Removed, u"g()"_s, u"g()"_s)});
    EXPECT_EQ(panel.summary()->text(), u"1 function differs · 1 removed"_s);
}

TEST(DifferencesPanel, filter_box_narrows_the_tree_and_says_when_nothing_matches)
{
    DifferencesPanel panel;
    Tester tester(panel.filter(), Tester::FailureReportingMode::Fatal);
    panel.setChanges(demoLikeChanges());
    EXPECT_EQ(panel.filterEdit()->placeholderText(), u"Filter differences (Ctrl+F)"_s);
    EXPECT_TRUE(panel.filterEdit()->isClearButtonEnabled());

    panel.filterEdit()->setText(u"flag"_s);
    ASSERT_EQ(panel.filter()->rowCount(), 1);
    const QModelIndex book = panel.filter()->index(0, 0);
    EXPECT_EQ(book.data().toString(), u"book"_s);
    EXPECT_TRUE(panel.view()->isExpanded(book));

    panel.filterEdit()->setText(u"no such thing"_s);
    EXPECT_TRUE(panel.showsEmptyState());
    panel.filterEdit()->clear();
    EXPECT_FALSE(panel.showsEmptyState());
    EXPECT_EQ(panel.filter()->rowCount(), 4);
}

TEST(DifferencesPanel, opens_expanded_up_to_the_limit)
{
    DifferencesPanel panel;
    panel.setChanges(demoLikeChanges());
    for (int row = 0; row < panel.filter()->rowCount(); ++row)
        EXPECT_TRUE(panel.view()->isExpanded(panel.filter()->index(row, 0))) << row;

    QList<diff::Change> many;
    for (int t = 0; t <= DifferencesPanel::ExpandLimit; ++t)
        many.append(columnAdded(u"t%1"_s.arg(t), u"c"_s));
    panel.setChanges(many);
    EXPECT_FALSE(panel.view()->isExpanded(panel.filter()->index(0, 0)));
}

TEST(DifferencesPanel, ctrl_f_focuses_the_filter_box)
{
    ShownPanel shown;
    shown.panel.setChanges(demoLikeChanges());
    shown.panel.view()->setFocus();
    ASSERT_TRUE(QTest::qWaitFor([&] { return shown.panel.view()->hasFocus(); }));

    QTest::keyClick(shown.panel.view(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(shown.panel.filterEdit()->hasFocus());
}

TEST(DifferencesPanel, reports_the_current_change_and_table)
{
    DifferencesPanel panel;
    panel.setChanges(demoLikeChanges());
    QSignalSpy changes(&panel, &DifferencesPanel::currentChangeChanged);
    QSignalSpy tables(&panel, &DifferencesPanel::currentTableChanged);
    const QModelIndex book = panel.filter()->index(1, 0);
    ASSERT_EQ(book.data().toString(), u"book"_s);

    panel.view()->setCurrentIndex(panel.filter()->index(0, 0, book));
    ASSERT_EQ(changes.count(), 1);
    EXPECT_EQ(changes.at(0).at(0).value<diff::Change>(), columnChanged(u"book"_s, u"year"_s));
    ASSERT_EQ(tables.count(), 1);
    EXPECT_EQ(tables.at(0).at(0).toString(), u"book"_s);

    panel.view()->setCurrentIndex(panel.filter()->index(1, 0, book)); // same table
    EXPECT_EQ(changes.count(), 2);
    EXPECT_EQ(tables.count(), 1);
}

TEST(DifferencesPanel, clicking_a_check_box_reports_the_checked_changes)
{
    ShownPanel shown;
    DifferencesPanel &panel = shown.panel;
    panel.setChanges(demoLikeChanges());
    QSignalSpy checked(&panel, &DifferencesPanel::checkedChangesChanged);
    const QModelIndex author = panel.filter()->index(0, 0);
    const QModelIndex country = panel.filter()->index(0, 0, author);
    panel.view()->scrollTo(country);
    const QRect cell = panel.view()->visualRect(country);
    ASSERT_TRUE(cell.isValid());

    // The check box sits at the cell's left, after the indentation the rect already skips.
    const QPoint box(cell.left() + cell.height() / 2 + 2, cell.center().y());
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, box);
    EXPECT_EQ(checked.count(), 1);
    EXPECT_EQ(panel.model()->uncheckedChanges().count(columnAdded(u"author"_s, u"country"_s)), 1);
}

TEST(DifferencesPanel, shows_the_demo_differences_and_renders_them)
{
    DemoWorkspace demo;
    const workspace::Workspace &w = demo.workspace();
    Result<diff::Comparison> comparison =
        diff::compareWithModel({w.database, w.models, w.ignore, false, QDir(w.directory)});
    ASSERT_TRUE(comparison) << comparison.error().toString().toStdString();
    Result<plan::MigrationDraft> draft = plan::draftMigration(*comparison, {{}, true});
    ASSERT_TRUE(draft) << draft.error().toString().toStdString();
    DifferencesPanel panel;
    panel.resize(1000, 560);
    panel.setChanges(comparison->changes, draft->warnings);
    panel.setSchemas(comparison->live, comparison->model);

    const QModelIndexList legacy =
        panel.filter()->match(panel.filter()->index(0, 0), Qt::DisplayRole, u"legacy_flag"_s, 1,
                              Qt::MatchExactly | Qt::MatchRecursive);
    ASSERT_EQ(legacy.size(), 1);
    EXPECT_EQ(legacy.first().data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
    EXPECT_EQ(legacy.first().siblingAtColumn(DifferencesModel::RowsColumn).data().toString(),
              u"2"_s);     // two rows hold a value (lint)
    QStringList unchecked; // what loses data starts unticked
    for (const diff::Change &c : panel.model()->uncheckedChanges())
        unchecked.append(c.table + u'.' + c.name);
    EXPECT_EQ(unchecked, (QStringList{u"book.year"_s, u"book.legacy_flag"_s,
                                      u"loan.borrower_name"_s, u"review.review"_s}));

    const QString shots = QStringLiteral(BURROW_BUILD_DIR) + u"/screenshots"_s;
    ASSERT_TRUE(QDir().mkpath(shots));
    panel.show();
    EXPECT_TRUE(panel.grab().save(shots + u"/differences_panel.png"_s));
}

} // namespace
