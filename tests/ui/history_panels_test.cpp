// The migrations and backups docks on the demo workspace, driven as a user would: the status of
// every migration, apply up to one, baseline, the backups with their manifests, restore.
#include "backups/backups_model.h"
#include "backups/backups_panel.h"
#include "differences/differences_model.h"
#include "differences/differences_panel.h"
#include "editor/migration_editor.h"
#include "migrations/migrations_model.h"
#include "migrations/migrations_panel.h"
#include "ui_test_support.h"
#include "window/main_window.h"
#include "window/workbench_controller.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <sqlite3.h>

using namespace burrow;
using namespace burrow::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

class HistoryPanels : public ::testing::Test {
protected:
    void SetUp() override
    {
        window.resize(1400, 900);
        window.show();
        window.controller()->setConfirm([](const QString &) { return true; });
        const auto answer = [this](const QString &title, const QString &text) {
            confirmation = title + u'\n' + text;
            return confirmAnswer;
        };
        window.migrations()->setConfirm(answer);
        window.backups()->setConfirm(answer);
        ASSERT_TRUE(window.openWorkspace(demo.path()));
        ASSERT_TRUE(idle()) << "the first comparison did not finish";
    }
    bool idle()
    {
        return uitest::waitFor(
            [this] { return !window.session()->isBusy() && window.session()->comparison(); });
    }
    MigrationsModel *migrations() { return window.migrations()->model(); }
    BackupsModel *backups() { return window.backups()->model(); }
    QString stateOf(const QString &version)
    {
        const int row = migrations()->rowOf(version);
        return row < 0 ? u"(not listed)"_s
                       : migrations()->index(row, MigrationsModel::State).data().toString();
    }
    /// A migration file creating table `t<version>`, written into the demo's folder.
    void writeMigration(const QString &version)
    {
        QFile file(demo.migrations() + u'/' + version + u"_add_t"_s + version + u".sql"_s);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("-- migrate:up\nCREATE TABLE t" + version.toUtf8() +
                   " (id INTEGER PRIMARY KEY);\n-- migrate:down\nDROP TABLE t" + version.toUtf8() +
                   ";\n");
    }
    void readStatus()
    {
        window.session()->status();
        ASSERT_TRUE(idle());
    }
    bool hasTable(const QString &name)
    {
        return !uitest::queryColumn(demo.database(),
                                    u"SELECT name FROM sqlite_master WHERE name = '"_s + name +
                                        u"'"_s)
                    .isEmpty();
    }
    /// Generates the migration for every difference and applies it; returns its version.
    QString generateAndApply()
    {
        DifferencesModel *model = window.differences()->model();
        for (int t = 0; t < model->rowCount(); ++t) {
            const QModelIndex table = model->index(t, 0);
            for (int c = 0; c < model->rowCount(table); ++c) {
                const QModelIndex index = model->index(c, 0, table);
                const auto change = index.data(DifferencesModel::ChangeRole).value<diff::Change>();
                if (change.type == diff::ChangeType::RenameSuggested)
                    model->setRenameAccepted(index, true);
                else
                    model->setData(index, Qt::Checked, Qt::CheckStateRole);
            }
        }
        window.controller()->generate();
        EXPECT_TRUE(uitest::waitFor([this] {
            return !window.session()->isBusy() && !window.migrationEditor()->text().isEmpty();
        }));
        window.controller()->apply();
        EXPECT_TRUE(idle());
        return QFileInfo(window.migrationEditor()->fileName()).fileName().section(u'_', 0, 0);
    }

    uitest::DemoWorkspace demo;
    MainWindow window;
    QString confirmation;
    bool confirmAnswer = true;
};

/// Whether the migrations panel shows the button of `action`.
bool buttonShown(MainWindow &window, QAction *action)
{
    for (const QToolButton *button : window.migrations()->findChildren<QToolButton *>()) {
        if (button->defaultAction() == action)
            return button->isVisibleTo(window.migrations());
    }
    return false;
}

TEST_F(HistoryPanels, the_demo_lists_its_example_migration_as_baseline)
{
    for (QAction *settle :
         {window.migrations()->continueAction(), window.migrations()->finishedByHandAction(),
          window.migrations()->undoneByHandAction()})
        EXPECT_FALSE(buttonShown(window, settle))
            << "nothing stopped: " << settle->text().toStdString();
    EXPECT_TRUE(buttonShown(window, window.migrations()->openFileAction()));
    ASSERT_EQ(migrations()->rowCount(), 1);
    EXPECT_EQ(stateOf(u"0001"_s), u"baseline"_s);
    const QModelIndex name = migrations()->index(0, MigrationsModel::Name);
    EXPECT_EQ(name.data().toString(), u"reading_list_2019"_s);
    const QString tip = name.data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(u"0001_reading_list_2019.sql"_s)) << tip.toStdString();
    EXPECT_TRUE(tip.contains(migrations()->status(0).entry->checksum)) << tip.toStdString();
    EXPECT_EQ(backups()->rowCount(), 0);
    EXPECT_TRUE(window.backups()->details().contains(u"No backups yet"_s));
}

TEST_F(HistoryPanels, an_applied_migration_shows_with_its_duration_and_its_backup_manifest)
{
    const QString version = generateAndApply();
    ASSERT_EQ(migrations()->rowCount(), 2);
    EXPECT_EQ(stateOf(version), u"applied"_s);
    const int row = migrations()->rowOf(version);
    EXPECT_TRUE(QRegularExpression(u"^\\d+ ms$"_s)
                    .match(migrations()->index(row, MigrationsModel::Duration).data().toString())
                    .hasMatch());
    EXPECT_FALSE(migrations()->index(row, MigrationsModel::AppliedBy).data().toString().isEmpty());

    ASSERT_EQ(backups()->rowCount(), 1);
    EXPECT_TRUE(window.backups()->summary().startsWith(u"1 backup in "_s))
        << window.backups()->summary().toStdString();
    EXPECT_EQ(backups()->index(0, BackupsModel::Versions).data().toString(),
              u"before "_s + version);
    EXPECT_EQ(backups()->index(0, BackupsModel::State).data().toString(), u"complete"_s);
    ASSERT_TRUE(window.backups()->select(backups()->backup(0).path));
    QStringList files;
    for (int i = 0; i < window.backups()->files()->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = window.backups()->files()->topLevelItem(i);
        files.append(item->text(0));
        EXPECT_TRUE(QRegularExpression(u"^[0-9a-f]{64}$"_s).match(item->text(2)).hasMatch());
        EXPECT_FALSE(item->text(1).isEmpty()) << "its size";
    }
    EXPECT_TRUE(files.contains(u"before.sqlite3"_s)) << files.join(u' ').toStdString();
    EXPECT_TRUE(files.contains(u"after.sqlite3"_s)) << files.join(u' ').toStdString();
    EXPECT_TRUE(window.backups()->details().contains(u"legacy.sqlite3"_s))
        << window.backups()->details().toStdString();
}

TEST_F(HistoryPanels, modified_and_missing_files_show_as_such)
{
    writeMigration(u"0002"_s);
    window.session()->apply();
    ASSERT_TRUE(idle());
    ASSERT_EQ(stateOf(u"0002"_s), u"applied"_s);
    QFile first(migrations()->status(0).entry->path);
    ASSERT_TRUE(first.open(QIODevice::Append));
    first.write("CREATE INDEX edited ON book (title);\n");
    first.close();
    ASSERT_TRUE(QFile::remove(migrations()->status(1).entry->path));
    readStatus();
    EXPECT_EQ(stateOf(u"0001"_s), u"modified since applied"_s);
    EXPECT_EQ(stateOf(u"0002"_s), u"applied, file missing"_s);
    window.migrations()->select(u"0002"_s);
    EXPECT_FALSE(window.migrations()->openFileAction()->isEnabled()) << "there is no file";
}

TEST_F(HistoryPanels, apply_up_to_here_applies_exactly_up_to_the_chosen_version)
{
    for (const QString &version : {u"0002"_s, u"0003"_s, u"0004"_s})
        writeMigration(version);
    readStatus();
    ASSERT_TRUE(window.migrations()->select(u"0003"_s));
    ASSERT_TRUE(window.migrations()->applyUpToAction()->isEnabled());
    window.migrations()->applyUpToAction()->trigger();
    ASSERT_TRUE(idle());
    EXPECT_TRUE(confirmation.contains(u"0002_add_t0002"_s) &&
                confirmation.contains(u"0003_add_t0003"_s))
        << confirmation.toStdString();
    EXPECT_FALSE(confirmation.contains(u"0004"_s)) << confirmation.toStdString();
    EXPECT_TRUE(hasTable(u"t0002"_s));
    EXPECT_TRUE(hasTable(u"t0003"_s));
    EXPECT_FALSE(hasTable(u"t0004"_s));
    EXPECT_EQ(stateOf(u"0003"_s), u"applied"_s);
    EXPECT_EQ(stateOf(u"0004"_s), u"pending"_s);
    EXPECT_EQ(backups()->rowCount(), 1) << "the apply backed up first";
}

TEST_F(HistoryPanels, baseline_records_up_to_the_chosen_version_without_running_it)
{
    writeMigration(u"0002"_s);
    writeMigration(u"0003"_s);
    readStatus();
    ASSERT_TRUE(window.migrations()->select(u"0002"_s));
    confirmAnswer = false;
    window.migrations()->baselineAction()->trigger();
    ASSERT_TRUE(idle());
    EXPECT_EQ(stateOf(u"0002"_s), u"pending"_s) << "declined: nothing recorded";
    confirmAnswer = true;
    window.migrations()->baselineAction()->trigger();
    ASSERT_TRUE(idle());
    EXPECT_TRUE(confirmation.contains(u"without running"_s)) << confirmation.toStdString();
    EXPECT_EQ(stateOf(u"0002"_s), u"baseline"_s);
    EXPECT_EQ(stateOf(u"0003"_s), u"pending"_s);
    EXPECT_FALSE(hasTable(u"t0002"_s)) << "a baseline runs nothing";
    EXPECT_TRUE(window.banner().contains(u"Recorded 1 migration"_s))
        << window.banner().toStdString();
}

// A migration run statement by statement stops part-way: the panel says so and offers to
// settle it, which unblocks the migrations after it.
class StoppedMigration : public HistoryPanels {
protected:
    void SetUp() override
    {
        HistoryPanels::SetUp();
        QFile file(demo.migrations() + u"/0002_stops.sql"_s);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("-- migrate:up transaction:false\nCREATE TABLE t0002 (id INTEGER);\n"
                   "INSERT INTO t0002 VALUES (1);\nINSERT INTO nowhere VALUES (1);\n"
                   "-- migrate:down\n");
        file.close();
        writeMigration(u"0003"_s);
        readStatus();
        ASSERT_TRUE(window.migrations()->select(u"0002"_s));
        window.migrations()->applyUpToAction()->trigger();
        ASSERT_TRUE(idle());
        ASSERT_EQ(stateOf(u"0002"_s), u"stopped part-way (2 statements ran)"_s);
        EXPECT_TRUE(window.banner().contains(u"stays applied"_s)) << window.banner().toStdString();
        EXPECT_FALSE(window.banner().contains(u"not changed"_s)) << window.banner().toStdString();
        EXPECT_TRUE(window.banner().contains(u"Continue…"_s)) << window.banner().toStdString();
        EXPECT_FALSE(window.banner().contains(u"burrow-cli"_s))
            << "the command line's ways out, in the window: " << window.banner().toStdString();
        QCoreApplication::processEvents();
        EXPECT_FALSE(window.migrations()->visibleRegion().isEmpty())
            << "its dock comes to the front, the stopped one selected";
        ASSERT_TRUE(window.migrations()->select(u"0002"_s));
    }
    void execute(const char *sql) const
    {
        sqlite3 *db = nullptr;
        ASSERT_EQ(sqlite3_open(demo.database().toUtf8().constData(), &db), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
        sqlite3_close(db);
    }
};

TEST_F(StoppedMigration, continued_once_fixed_it_runs_the_rest_and_the_pending_ones)
{
    QAction *continued = window.migrations()->continueAction();
    ASSERT_TRUE(continued->isVisible() && continued->isEnabled());
    EXPECT_TRUE(buttonShown(window, continued));
    auto *apply = window.findChild<QAction *>(u"applyAction"_s);
    ASSERT_TRUE(apply);
    apply->trigger(); // the toolbar's Apply points at the way on
    ASSERT_TRUE(idle());
    EXPECT_TRUE(window.banner().contains(u"0002_stops stopped part-way"_s) &&
                window.banner().contains(u"Continue…"_s))
        << window.banner().toStdString();
    EXPECT_EQ(stateOf(u"0003"_s), u"pending"_s);
    window.controller()->generate(); // nor is a new one generated, nor one previewed
    ASSERT_TRUE(idle());
    EXPECT_TRUE(window.banner().contains(u"Not generated: 0002_stops stopped part-way"_s))
        << window.banner().toStdString();
    window.migrationEditor()->setName(u"by_hand"_s);
    window.migrationEditor()->setText(u"-- migrate:up\nCREATE TABLE later (id INTEGER);\n"_s);
    window.controller()->preview();
    ASSERT_TRUE(idle());
    EXPECT_TRUE(window.banner().contains(u"Not previewed: 0002_stops stopped part-way"_s))
        << window.banner().toStdString();
    execute("CREATE TABLE nowhere (id INTEGER)"); // what stopped it, fixed
    confirmAnswer = false;
    continued->trigger();
    ASSERT_TRUE(idle());
    EXPECT_EQ(stateOf(u"0002"_s), u"stopped part-way (2 statements ran)"_s) << "declined";
    EXPECT_TRUE(confirmation.contains(u"statement 3 of 3"_s) &&
                confirmation.contains(u"INSERT INTO nowhere VALUES (1)"_s))
        << confirmation.toStdString();
    confirmAnswer = true;
    continued->trigger();
    ASSERT_TRUE(idle());
    EXPECT_EQ(stateOf(u"0002"_s), u"applied"_s) << window.banner().toStdString();
    EXPECT_EQ(stateOf(u"0003"_s), u"applied"_s) << "the pending one after it ran too";
    EXPECT_EQ(uitest::queryColumn(demo.database(), u"SELECT count(*) FROM t0002"_s),
              QStringList{u"1"_s})
        << "the statements that ran before it stopped did not run again";
    EXPECT_EQ(uitest::queryColumn(demo.database(), u"SELECT id FROM nowhere"_s),
              QStringList{u"1"_s});
    EXPECT_FALSE(continued->isVisible()) << "nothing left to continue";
}

TEST_F(StoppedMigration, finished_by_hand_it_counts_as_applied)
{
    auto *dock = window.findChild<QDockWidget *>(u"migrationsDock"_s);
    ASSERT_TRUE(dock);
    dock->raise();
    window.resizeDocks({dock}, {300}, Qt::Vertical);
    QCoreApplication::processEvents();
    const QString folder = QStringLiteral(BURROW_BUILD_DIR "/screenshots");
    QDir().mkpath(folder);
    EXPECT_TRUE(window.grab().toImage().save(folder + u"/stopped_migration.png"_s));
    EXPECT_FALSE(window.migrations()->applyUpToAction()->isEnabled());
    QAction *finished = window.migrations()->finishedByHandAction();
    ASSERT_TRUE(finished->isVisible() && finished->isEnabled());
    confirmAnswer = false;
    finished->trigger();
    ASSERT_TRUE(idle());
    EXPECT_EQ(stateOf(u"0002"_s), u"stopped part-way (2 statements ran)"_s) << "declined";
    confirmAnswer = true;
    finished->trigger();
    ASSERT_TRUE(idle());
    EXPECT_TRUE(confirmation.contains(u"0002_stops"_s)) << confirmation.toStdString();
    EXPECT_EQ(stateOf(u"0002"_s), u"finished by hand"_s);
    EXPECT_FALSE(finished->isVisible()) << "nothing left to settle";
    ASSERT_TRUE(window.migrations()->select(u"0003"_s));
    window.migrations()->applyUpToAction()->trigger();
    ASSERT_TRUE(idle());
    EXPECT_EQ(stateOf(u"0003"_s), u"applied"_s);
}

TEST_F(StoppedMigration, undone_by_hand_it_is_pending_again)
{
    execute("DROP TABLE t0002"); // what ran is undone by hand
    window.migrations()->undoneByHandAction()->trigger();
    ASSERT_TRUE(idle());
    EXPECT_EQ(stateOf(u"0002"_s), u"pending"_s);
    EXPECT_TRUE(window.banner().contains(u"pending again"_s)) << window.banner().toStdString();
    EXPECT_FALSE(hasTable(u"t0002"_s));
}

TEST_F(HistoryPanels, restore_brings_the_differences_back_and_keeps_a_safety_copy)
{
    const QString version = generateAndApply();
    ASSERT_TRUE(window.session()->comparison()->changes.isEmpty());
    ASSERT_FALSE(hasTable(u"review"_s)) << "the apply dropped it";
    ASSERT_EQ(backups()->rowCount(), 1);
    const QString backup = backups()->backup(0).path;
    ASSERT_TRUE(window.backups()->select(backup));

    confirmAnswer = false;
    window.backups()->restoreAction()->trigger();
    ASSERT_TRUE(idle());
    EXPECT_FALSE(hasTable(u"review"_s)) << "declined: the database is as it was";
    EXPECT_EQ(backups()->rowCount(), 1);

    confirmAnswer = true;
    window.backups()->restoreAction()->trigger();
    ASSERT_TRUE(idle());
    EXPECT_TRUE(confirmation.contains(u"backed up first"_s) && confirmation.contains(u"replaced"_s))
        << confirmation.toStdString();
    EXPECT_TRUE(hasTable(u"review"_s));
    EXPECT_FALSE(window.session()->comparison()->changes.isEmpty()) << "the drift is back";
    EXPECT_EQ(stateOf(version), u"pending"_s);
    ASSERT_EQ(backups()->rowCount(), 2);
    const backup::BackupListing &safety = backups()->backup(0);
    EXPECT_TRUE(QFileInfo(safety.path).fileName().startsWith(u"pre-restore-"_s));
    EXPECT_EQ(backups()->index(0, BackupsModel::State).data().toString(), u"complete"_s);
    EXPECT_TRUE(uitest::queryColumn(safety.path + u"/database.sqlite3"_s,
                                    u"SELECT name FROM sqlite_master WHERE name = 'review'"_s)
                    .isEmpty())
        << "the safety copy holds the replaced, migrated database";
    EXPECT_TRUE(window.banner().contains(u"pre-restore-"_s)) << window.banner().toStdString();
}

TEST_F(HistoryPanels, history_tasks_are_refused_while_another_runs)
{
    writeMigration(u"0002"_s);
    readStatus();
    QList<WorkspaceSession::Task> tasks;
    QObject::connect(window.session(), &WorkspaceSession::taskChanged,
                     [&tasks](WorkspaceSession::Task task) { tasks.append(task); });
    window.session()->compare();
    ASSERT_TRUE(window.session()->isBusy());
    window.session()->baseline(2);
    window.session()->restore(demo.migrations() + u"/backups/none"_s);
    window.session()->apply(2);
    ASSERT_TRUE(idle());
    EXPECT_FALSE(tasks.contains(WorkspaceSession::Task::Baselining));
    EXPECT_FALSE(tasks.contains(WorkspaceSession::Task::Restoring));
    EXPECT_FALSE(tasks.contains(WorkspaceSession::Task::Applying));
    EXPECT_TRUE(tasks.contains(WorkspaceSession::Task::ReadingStatus)) << "a compare reads it";
    EXPECT_EQ(stateOf(u"0002"_s), u"pending"_s);
}

TEST_F(HistoryPanels, renders_both_docks_after_an_apply_to_a_png_to_look_at)
{
    generateAndApply();
    auto *migrationsDock = window.findChild<QDockWidget *>(u"migrationsDock"_s);
    auto *backupsDock = window.findChild<QDockWidget *>(u"backupsDock"_s);
    ASSERT_TRUE(migrationsDock && backupsDock);
    // Tabbed with the log by default; beside each other for the picture, as a user can drag them.
    window.removeDockWidget(backupsDock);
    window.addDockWidget(Qt::BottomDockWidgetArea, backupsDock, Qt::Horizontal);
    backupsDock->show();
    migrationsDock->raise();
    window.resizeDocks({migrationsDock}, {330}, Qt::Vertical);
    window.resizeDocks({migrationsDock, backupsDock}, {700, 700}, Qt::Horizontal);
    window.migrations()->select(u"0001"_s);
    QCoreApplication::processEvents();
    EXPECT_TRUE(window.tabifiedDockWidgets(backupsDock).isEmpty());
    EXPECT_FALSE(migrationsDock->visibleRegion().isEmpty());
    EXPECT_FALSE(backupsDock->visibleRegion().isEmpty());
    const QImage image = window.grab().toImage();
    const QString folder = QStringLiteral(BURROW_BUILD_DIR "/screenshots");
    QDir().mkpath(folder);
    EXPECT_TRUE(image.save(folder + u"/history_panels.png"_s));
}

} // namespace
