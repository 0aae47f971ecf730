// The whole path as a user walks it, on the offscreen platform: open the demo, see its
// differences, generate, preview, apply with a backup, see "No differences"; restore brings
// the differences back. And a picture of the window, to look at.
#include "dialect/sqlite/sqlite_backup.h"
#include "differences/differences_filter.h"
#include "differences/differences_model.h"
#include "differences/differences_panel.h"
#include "editor/migration_editor.h"
#include "editor_test_support.h"
#include "preview/preview_panel.h"
#include "preview/statements_model.h"
#include "session/workspace_session.h"
#include "ui_test_support.h"
#include "window/main_window.h"
#include "window/workbench_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

class Workbench : public ::testing::Test {
protected:
    void SetUp() override
    {
        window.resize(1400, 860);
        window.show();
        window.controller()->setConfirm([this](const QString &text) {
            confirmation = text;
            return true;
        });
        ASSERT_TRUE(window.openWorkspace(demo.path()));
        ASSERT_TRUE(idle()) << "the first comparison did not finish";
    }
    bool idle()
    {
        return uitest::waitFor(
            [this] { return !window.session()->isBusy() && window.session()->comparison(); });
    }
    DifferencesModel *model() { return window.differences()->model(); }
    /// Every change row of the tree, with its index.
    QList<QPair<QModelIndex, diff::Change>> changeRows()
    {
        QList<QPair<QModelIndex, diff::Change>> rows;
        for (int t = 0; t < model()->rowCount(); ++t) {
            const QModelIndex table = model()->index(t, 0);
            for (int c = 0; c < model()->rowCount(table); ++c) {
                const QModelIndex index = model()->index(c, 0, table);
                rows.append(
                    {index, index.data(DifferencesModel::ChangeRole).value<diff::Change>()});
            }
        }
        return rows;
    }
    QStringList tables()
    {
        QStringList names;
        for (int t = 0; t < model()->rowCount(); ++t)
            names.append(model()->index(t, 0).data(DifferencesModel::TableRole).toString());
        return names;
    }
    /// Ticks every difference, destructive ones included, and accepts the rename suggestions.
    void checkEverything()
    {
        for (const auto &[index, change] : changeRows()) {
            if (change.type == diff::ChangeType::RenameSuggested)
                model()->setRenameAccepted(index, true);
            else
                model()->setData(index, Qt::Checked, Qt::CheckStateRole);
        }
    }
    void generateAndWait()
    {
        window.controller()->generate();
        ASSERT_TRUE(uitest::waitFor([this] {
            return !window.session()->isBusy() && !window.migrationEditor()->text().isEmpty();
        }));
    }

    uitest::DemoWorkspace demo;
    MainWindow window;
    QString confirmation;
};

TEST_F(Workbench, the_demo_shows_its_drift_grouped_by_table)
{
    const QStringList names = tables();
    for (const QString &table : {u"author"_s, u"book"_s, u"loan"_s, u"review"_s, u"tag"_s})
        EXPECT_TRUE(names.contains(table)) << table.toStdString();
    EXPECT_FALSE(names.contains(u"tmp_import_2019"_s)) << "ignored by the workspace";
    bool renameSuggested = false;
    for (const auto &[index, change] : changeRows()) {
        if (change.type == diff::ChangeType::RenameSuggested && change.name == u"borrower_name")
            renameSuggested = true;
        if (change.type == diff::ChangeType::Removed && change.name == u"review") {
            EXPECT_EQ(index.data(Qt::CheckStateRole).toInt(), Qt::Unchecked)
                << "destructive changes start unchecked";
        }
    }
    EXPECT_TRUE(renameSuggested);
}

TEST_F(Workbench, a_comparison_cancelled_is_abandoned_at_once_and_the_previous_one_stays)
{
    QStringList log;
    QObject::connect(window.session(), &WorkspaceSession::logged,
                     [&log](const QString &line) { log.append(line); });
    QSignalSpy compared(window.session(), &WorkspaceSession::compared);
    window.session()->compare();
    ASSERT_TRUE(window.session()->isBusy());
    window.session()->cancel();
    EXPECT_FALSE(window.session()->isBusy());
    EXPECT_TRUE(log.contains(u"Comparison cancelled; the previous result stays."_s))
        << log.join(u"\n").toStdString();
    QTest::qWait(1500); // the abandoned comparison finishes in the background, unseen
    EXPECT_EQ(compared.count(), 0);
    EXPECT_NE(window.session()->comparison(), nullptr);
    window.session()->compare(); // and the next one runs as usual
    EXPECT_TRUE(uitest::waitFor([&] { return compared.count() == 1; }));
}

TEST_F(Workbench, a_sqlite_workspace_offers_no_online_options)
{
    for (const QString &name : {u"concurrentlyAction"_s, u"notValidAction"_s}) {
        const auto *action = window.findChild<QAction *>(name);
        ASSERT_NE(action, nullptr) << name.toStdString();
        EXPECT_FALSE(action->isVisible()) << name.toStdString();
    }
}

TEST_F(Workbench, generate_preview_apply_then_no_differences_and_a_backup)
{
    checkEverything();
    generateAndWait();
    const QString text = window.migrationEditor()->text();
    EXPECT_TRUE(text.contains(u"RENAME COLUMN \"borrower_name\" TO \"borrower\""_s))
        << text.toStdString();
    window.controller()->preview();
    ASSERT_TRUE(uitest::waitFor([this] { return !window.session()->isBusy(); }));
    EXPECT_TRUE(window.preview()->verdict().contains(u"No differences would remain"))
        << window.preview()->verdict().toStdString();
    EXPECT_GT(window.preview()->statements()->rowCount(), 5);
    const QString statements = QString::number(window.preview()->statements()->rowCount());
    EXPECT_TRUE(
        window.preview()->verdict().startsWith(u"1 migration, " + statements + u" statements in "))
        << window.preview()->verdict().toStdString();

    window.controller()->apply();
    ASSERT_TRUE(idle());
    EXPECT_TRUE(confirmation.contains(u"These steps remove data")) << confirmation.toStdString();
    EXPECT_TRUE(window.banner().contains(u"Backup:")) << window.banner().toStdString();
    ASSERT_TRUE(window.session()->comparison()->changes.isEmpty());
    EXPECT_TRUE(window.differences()->showsEmptyState());
    const QStringList backups =
        QDir(demo.migrations() + u"/backups"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    ASSERT_EQ(backups.size(), 1);
    const QString backup = demo.migrations() + u"/backups/"_s + backups.first();
    EXPECT_TRUE(QFileInfo::exists(backup + u"/manifest.json"_s));
    EXPECT_EQ(uitest::queryColumn(demo.database(), u"SELECT count(*) FROM loan"_s),
              QStringList{u"2"_s});

    // Restoring the backup brings the drift back (F5 shows it).
    ASSERT_TRUE(dialect::sqlite::restoreDatabase(backup + u"/before.sqlite3"_s, demo.database()));
    window.session()->compare();
    ASSERT_TRUE(idle());
    EXPECT_FALSE(window.session()->comparison()->changes.isEmpty());
    EXPECT_TRUE(tables().contains(u"review"_s));
}

TEST_F(Workbench, a_preview_leaving_differences_counts_them_in_words)
{
    checkEverything();
    for (const auto &[index, change] : changeRows()) {
        // One addition left out, so that it remains (the first: a check on a rebuilt table).
        if (change.type == diff::ChangeType::Added &&
            model()->setData(index, Qt::Unchecked, Qt::CheckStateRole))
            break;
    }
    generateAndWait();
    window.controller()->preview();
    ASSERT_TRUE(uitest::waitFor([this] { return !window.session()->isBusy(); }));
    const QString verdict = window.preview()->verdict();
    const QRegularExpressionMatch m =
        QRegularExpression(u"(\\d+) (differences?) would remain\\.$"_s).match(verdict);
    ASSERT_TRUE(m.hasMatch()) << verdict.toStdString();
    EXPECT_GT(m.captured(1).toInt(), 0);
    EXPECT_EQ(m.captured(2), m.captured(1) == u"1"_s ? u"difference"_s : u"differences"_s);
}

TEST_F(Workbench, a_failing_migration_is_marked_in_the_editor_and_changes_nothing)
{
    generateAndWait();
    window.migrationEditor()->setText(
        u"-- migrate:up\nALTER TABLE book ADD COLUMN isbn TEXT;\nUPDATE nowhere SET x = 1;\n"
        "-- migrate:down\n"_s);
    const QStringList before = uitest::queryColumn(demo.database(), u"PRAGMA table_info(book)"_s);
    window.controller()->apply();
    ASSERT_TRUE(idle());
    EXPECT_TRUE(window.banner().contains(u"no such table: nowhere"))
        << window.banner().toStdString();
    EXPECT_TRUE(window.banner().contains(u"The database was not changed by the failed migration"))
        << window.banner().toStdString();
    EXPECT_EQ(uitest::queryColumn(demo.database(), u"PRAGMA table_info(book)"_s), before);
}

// The comparison is of the database as it is: a saved migration not applied yet would be
// generated again, so Generate says so instead.
TEST_F(Workbench, a_saved_migration_not_applied_yet_is_not_generated_again)
{
    generateAndWait();
    auto *save = window.findChild<QAction *>(u"saveAction"_s);
    ASSERT_TRUE(save);
    save->trigger();
    ASSERT_TRUE(idle());
    const QString saved = window.migrationEditor()->fileName();
    ASSERT_TRUE(QFileInfo::exists(saved));
    window.controller()->generate();
    ASSERT_TRUE(idle());
    EXPECT_TRUE(window.banner().contains(QFileInfo(saved).fileName() + u" is not applied yet"))
        << window.banner().toStdString();
    EXPECT_TRUE(window.banner().contains(u"Apply it first"_s)) << window.banner().toStdString();
    EXPECT_EQ(window.migrationEditor()->fileName(), saved) << "no new draft";
}

TEST_F(Workbench, renders_the_demo_to_a_png_to_look_at)
{
    const QModelIndex book = window.differences()->filter()->mapFromSource(model()->index(1, 0));
    window.differences()->view()->setCurrentIndex(book);
    QCoreApplication::processEvents();
    const QString folder = QStringLiteral(BURROW_BUILD_DIR "/screenshots");
    QDir().mkpath(folder);
    const QImage image = window.grab().toImage();
    EXPECT_GT(image.width(), 1000);
    EXPECT_TRUE(image.save(folder + u"/workbench.png"_s));
}

/// The mean lightness (0–255) of `image`'s pixels, sampled on a grid.
int meanLightness(const QImage &image)
{
    qint64 sum = 0, count = 0;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7, ++count)
            sum += QColor(image.pixel(x, y)).lightness();
    }
    return int(sum / std::max<qint64>(count, 1));
}

TEST_F(Workbench, follows_a_switch_to_the_dark_palette_and_renders_it_to_a_png)
{
    generateAndWait(); // the migration tab: the largest editor in view
    const int light = meanLightness(window.grab().toImage());
    uitest::ScopedAppPalette dark(uitest::darkPalette());
    QCoreApplication::processEvents();
    const QImage image = window.grab().toImage();
    const QString folder = QStringLiteral(BURROW_BUILD_DIR "/screenshots");
    QDir().mkpath(folder);
    EXPECT_TRUE(image.save(folder + u"/workbench_dark.png"_s));
    // Every panel follows the palette: the window as a whole turns dark, not just its frame.
    EXPECT_GT(light, 180);
    EXPECT_LT(meanLightness(image), 90);
}

TEST(WorkbenchBadInput, a_corrupt_database_gives_a_clear_message_and_stays_untouched)
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"app.sqlite3"_s);
    QFile garbage(database);
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    QDir(dir.path()).mkpath(u"models"_s);
    QFile model(dir.filePath(u"models/m.sql"_s));
    ASSERT_TRUE(model.open(QIODevice::WriteOnly));
    model.write("CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
    model.close();
    QFile json(dir.filePath(u"burrow.json"_s));
    ASSERT_TRUE(json.open(QIODevice::WriteOnly));
    json.write(R"({"database": "sqlite:app.sqlite3", "models": ["models"]})");
    json.close();

    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openWorkspace(dir.path()));
    ASSERT_TRUE(uitest::waitFor([&] { return !window.session()->isBusy(); }));
    EXPECT_TRUE(window.banner().contains(u"not a SQLite database"))
        << window.banner().toStdString();
    EXPECT_EQ(window.session()->comparison(), nullptr);
    QFile after(database);
    ASSERT_TRUE(after.open(QIODevice::ReadOnly));
    EXPECT_EQ(after.readAll(), QByteArray(8192, 'x'));
}

} // namespace
