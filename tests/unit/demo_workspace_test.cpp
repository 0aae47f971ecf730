// The demo workspace: built fresh from the source tree, with the drift a new user should see.
#include "diff/compare.h"
#include "diff/report.h"
#include "migration/history.h"
#include "plan_support.h"
#include "test_support.h"
#include "workspace/demo_workspace.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using namespace Qt::Literals::StringLiterals;

namespace {

workspace::DemoSource sourceTree()
{
    const QString demo = QStringLiteral(BURROW_TEST_DATA "/../../resources/demo");
    return {demo + u"/legacy.sql"_s, demo + u"/models"_s,
            QStringLiteral(BURROW_TEST_DATA "/../../migrations")};
}

QStringList kindsAndNames(const QList<diff::Change> &changes)
{
    QStringList out;
    for (const diff::Change &c : changes)
        out.append(diff::kindName(c) + u' ' + c.table + u'.' + c.name);
    return out;
}

TEST(DemoWorkspace, is_a_legacy_database_with_its_example_migration_recorded_and_visible_drift)
{
    test::TempDir dir;
    Result<workspace::Workspace> demo = workspace::createDemoWorkspace(sourceTree(), dir.path());
    ASSERT_TRUE(demo) << demo.error().toString().toStdString();
    const QString database = dir.path(u"legacy.sqlite3"_s);
    EXPECT_EQ(test::queryColumn(database, u"SELECT version || ':' || status FROM "
                                          "burrow_migrations"_s),
              QStringList{u"0001:baseline"_s});
    for (const QString &table : {u"author"_s, u"book"_s, u"loan"_s, u"review"_s})
        EXPECT_NE(test::queryColumn(database, u"SELECT count(*) FROM "_s + table),
                  QStringList{u"0"_s})
            << table.toStdString();
    Result<diff::Comparison> comparison = diff::compareWithModel(
        {u"sqlite:"_s + database, demo->models, demo->ignore, false, QDir(demo->directory)});
    ASSERT_TRUE(comparison) << comparison.error().toString().toStdString();
    const QStringList changes = kindsAndNames(comparison->changes);
    for (const QString &expected :
         {u"column_rename_suggested loan.borrower_name"_s, u"table_removed review.review"_s,
          u"index_added book.book_author"_s, u"column_changed book.year"_s,
          u"foreign_key_added loan.(book_id)"_s})
        EXPECT_TRUE(changes.contains(expected)) << expected.toStdString() << " not in:\n"
                                                << changes.join(u'\n').toStdString();
}

TEST(DemoWorkspace, refuses_a_folder_that_holds_a_workspace_already)
{
    test::TempDir dir;
    ASSERT_TRUE(workspace::createDemoWorkspace(sourceTree(), dir.path()));
    Result<workspace::Workspace> again = workspace::createDemoWorkspace(sourceTree(), dir.path());
    ASSERT_FALSE(again);
    EXPECT_TRUE(again.error().message.contains(u"workspace exists"));
}

} // namespace
