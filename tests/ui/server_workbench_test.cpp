// The workbench on the PostgreSQL and MariaDB servers of ./dev test, with no GUI change: a
// workspace whose burrow.json holds no password asks for it (no keychain answers here, as on
// CI), then the whole path runs: differences, generate, preview, apply with a backup, "No
// differences". The password lands nowhere but in memory.
#include "connection/password_store.h"
#include "differences/differences_model.h"
#include "differences/differences_panel.h"
#include "differences/differences_summary.h"
#include "editor/migration_editor.h"
#include "log/log_panel.h"
#include "modal_test_support.h"
#include "preview/preview_panel.h"
#include "server_support.h"
#include "ui_test_support.h"
#include "window/main_window.h"
#include "window/workbench_controller.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QSettings>
#include <QUrl>

#include <gtest/gtest.h>

#include <algorithm>

using namespace burrow;
using namespace burrow::ui;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kModel = u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(100),\n"
                       "                     email VARCHAR(200));\n"
                       "CREATE INDEX author_name ON author (name);\n"_s;

/// BURROW_DB_PASSWORD unset for the test's life: the password must come from the window.
class NoPasswordVariable {
public:
    NoPasswordVariable()
        : m_saved(qgetenv("BURROW_DB_PASSWORD"))
    {
        qunsetenv("BURROW_DB_PASSWORD");
    }
    ~NoPasswordVariable()
    {
        if (!m_saved.isEmpty())
            qputenv("BURROW_DB_PASSWORD", m_saved);
    }

private:
    QByteArray m_saved;
};

/// Whether any file under `folder` contains `text`.
bool filesHold(const QString &folder, const QString &text)
{
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
            return true;
    }
    return false;
}

bool settingsHold(const QString &text)
{
    QSettings settings;
    for (const QString &key : settings.allKeys()) {
        if (settings.value(key).toString().contains(text))
            return true;
    }
    return false;
}

class ServerWorkbench : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(100));"
                "INSERT INTO author (id, name) VALUES (1, 'Ann'), (2, 'Bob')"_s);
        password = QUrl(db.url()).password(QUrl::FullyDecoded);
        ASSERT_FALSE(password.isEmpty());
        ASSERT_TRUE(writeWorkspace());
        window.resize(1400, 860);
        window.show();
        window.controller()->setConfirm([](const QString &) { return true; });
    }
    /// burrow.json (saveWorkspace drops the URL's password), the model, a migrations folder.
    Status writeWorkspace()
    {
        QFile model(folder.filePath(u"model.sql"_s));
        if (!model.open(QIODevice::WriteOnly) || model.write(kModel.toUtf8()) < 0)
            return Error{Error::Code::Unreadable, u"cannot write the model"_s, model.fileName()};
        model.close();
        workspace::Workspace ws{
            folder.path(), db.url(), {model.fileName()}, folder.filePath(u"migrations"_s), {}};
        QDir().mkpath(ws.migrations);
        return workspace::saveWorkspace(ws);
    }
    /// Opens the workspace, answering the password prompt with `typed` (nothing: cancel).
    void openAnswering(std::optional<QString> typed)
    {
        bool asked = false;
        uitest::whenModalOpens<QInputDialog>([&asked, typed](QInputDialog *prompt) {
            asked = prompt->objectName() == u"passwordPrompt";
            if (typed) {
                prompt->setTextValue(*typed);
                prompt->accept();
            }
        });
        ASSERT_TRUE(window.openWorkspace(folder.path()));
        ASSERT_TRUE(idle());
        EXPECT_TRUE(asked) << "no password prompt appeared";
    }
    bool idle()
    {
        return uitest::waitFor([this] {
            return !window.session()->isBusy() &&
                   (window.session()->comparison() || !window.banner().isEmpty());
        });
    }
    /// Generate: true once the migration is in the editor.
    bool generated()
    {
        window.controller()->generate();
        return uitest::waitFor([this] {
            return !window.session()->isBusy() && !window.migrationEditor()->text().isEmpty();
        });
    }
    void previewLeavesNoDifferences()
    {
        window.controller()->preview();
        ASSERT_TRUE(uitest::waitFor([this] { return !window.session()->isBusy(); }));
        EXPECT_TRUE(window.preview()->verdict().contains(u"No differences would remain"))
            << window.preview()->verdict().toStdString() << window.banner().toStdString();
    }
    /// The window, saved as build/screenshots/NAME.png.
    bool screenshot(const QString &name)
    {
        const QString shots = QStringLiteral(BURROW_BUILD_DIR "/screenshots");
        return QDir().mkpath(shots) && window.grab().save(shots + u'/' + name + u".png"_s);
    }
    QStringList tables()
    {
        QStringList names;
        DifferencesModel *model = window.differences()->model();
        for (int t = 0; t < model->rowCount(); ++t)
            names.append(model->index(t, 0).data(DifferencesModel::TableRole).toString());
        return names;
    }

    TestDatabase db{GetParam()};
    NoPasswordVariable noVariable;
    QTemporaryDir folder;
    QString password;
    MainWindow window;
};

TEST_P(ServerWorkbench, asks_the_password_then_generates_previews_and_applies_with_a_backup)
{
    window.passwords()->setTimeout(3000);
    openAnswering(password);
    ASSERT_NE(window.session()->comparison(), nullptr) << window.banner().toStdString();
    EXPECT_TRUE(tables().contains(u"author"_s));
    EXPECT_FALSE(window.session()->comparison()->changes.isEmpty());

    ASSERT_TRUE(generated());
    previewLeavesNoDifferences();

    window.controller()->apply();
    ASSERT_TRUE(uitest::waitFor([this] { return !window.session()->isBusy(); }));
    EXPECT_TRUE(window.banner().contains(u"Backup:")) << window.banner().toStdString();
    ASSERT_NE(window.session()->comparison(), nullptr);
    EXPECT_TRUE(window.session()->comparison()->changes.isEmpty());
    EXPECT_TRUE(window.differences()->showsEmptyState());
    EXPECT_EQ(db.rows(u"SELECT id, name FROM author ORDER BY id"_s),
              (QStringList{u"1|Ann"_s, u"2|Bob"_s}));
    EXPECT_EQ(QDir(folder.filePath(u"migrations/backups"_s))
                  .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                  .size(),
              1);

    // Typed once, kept in memory only: not in burrow.json, the migration, the backup's
    // manifest, the settings or the log.
    EXPECT_FALSE(filesHold(folder.path(), password));
    EXPECT_FALSE(settingsHold(password));
    EXPECT_FALSE(window.findChild<LogPanel *>()->toPlainText().contains(password));
}

TEST_P(ServerWorkbench, without_a_password_says_so_and_the_menu_asks_again)
{
    window.passwords()->setTimeout(3000);
    openAnswering(std::nullopt);
    EXPECT_EQ(window.session()->comparison(), nullptr);
    EXPECT_TRUE(window.banner().contains(u"password"_s) ||
                window.banner().contains(u"access denied"_s))
        << window.banner().toStdString();

    auto *enter = window.findChild<QAction *>(u"enterPasswordAction"_s);
    ASSERT_NE(enter, nullptr);
    ASSERT_TRUE(enter->isVisible());
    uitest::whenModalOpens<QInputDialog>([this](QInputDialog *prompt) {
        prompt->setTextValue(password);
        prompt->accept();
    });
    enter->trigger();
    ASSERT_TRUE(uitest::waitFor([this] { return window.session()->comparison() != nullptr; }))
        << window.banner().toStdString();
    EXPECT_TRUE(tables().contains(u"author"_s));
}

TEST(ServerWorkbenchBadInput, an_unreachable_server_is_one_clear_line_at_once)
{
    NoPasswordVariable noVariable;
    QTemporaryDir folder;
    workspace::Workspace ws{folder.path(),
                            u"postgresql://app@127.0.0.1:1/shop"_s,
                            {folder.filePath(u"model.sql"_s)},
                            folder.filePath(u"migrations"_s),
                            {}};
    QFile model(ws.models.first());
    ASSERT_TRUE(model.open(QIODevice::WriteOnly));
    model.write("CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
    model.close();
    ASSERT_TRUE(workspace::saveWorkspace(ws));

    MainWindow window;
    window.show();
    window.passwords()->setTimeout(3000);
    uitest::whenModalOpens<QInputDialog>([](QInputDialog *prompt) {
        prompt->setTextValue(u"secret-never-shown"_s);
        prompt->accept();
    });
    QElapsedTimer timer;
    timer.start();
    ASSERT_TRUE(window.openWorkspace(folder.path()));
    ASSERT_TRUE(uitest::waitFor([&] { return !window.banner().isEmpty(); }, 20000));
    EXPECT_LT(timer.elapsed(), 15000);
    EXPECT_TRUE(window.banner().contains(u"127.0.0.1:1"_s)) << window.banner().toStdString();
    EXPECT_FALSE(window.banner().contains(u"secret-never-shown"_s));
    EXPECT_EQ(window.session()->comparison(), nullptr);
    EXPECT_FALSE(window.session()->isBusy());
}

using OnlineServerWorkbench = ServerWorkbench;

// Migration → Build indexes online: the model's new index is built CONCURRENTLY in a follow-up
// file that the editor shows below the main migration and saves with the next version.
TEST_P(OnlineServerWorkbench, builds_the_new_index_in_a_follow_up_saved_and_applied_after_it)
{
    window.passwords()->setTimeout(3000);
    openAnswering(password);
    ASSERT_NE(window.session()->comparison(), nullptr) << window.banner().toStdString();
    auto *online = window.findChild<QAction *>(u"concurrentlyAction"_s);
    ASSERT_NE(online, nullptr);
    EXPECT_TRUE(online->isVisible());
    online->setChecked(true);

    window.controller()->generate();
    MigrationEditor *editor = window.migrationEditor();
    ASSERT_TRUE(uitest::waitFor([&] {
        return !window.session()->isBusy() && !editor->text().isEmpty();
    })) << window.banner().toStdString();
    EXPECT_TRUE(editor->text().contains(u"email"_s)) << editor->text().toStdString();
    EXPECT_FALSE(editor->text().contains(u"CREATE INDEX"_s)) << editor->text().toStdString();
    EXPECT_TRUE(editor->followUpText().contains(u"CREATE INDEX CONCURRENTLY"_s))
        << editor->followUpText().toStdString();
    EXPECT_TRUE(editor->findChild<QWidget *>(u"followUp"_s)->isVisible());
    EXPECT_TRUE(screenshot(u"online_follow_up"_s));

    window.controller()->apply();
    ASSERT_TRUE(uitest::waitFor([this] { return !window.session()->isBusy(); }));
    EXPECT_TRUE(window.banner().contains(u"Applied 2 migration"_s))
        << window.banner().toStdString();
    ASSERT_NE(window.session()->comparison(), nullptr);
    EXPECT_TRUE(window.session()->comparison()->changes.isEmpty());
    const QStringList files =
        QDir(folder.filePath(u"migrations"_s)).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    ASSERT_EQ(files.size(), 2) << files.join(u' ').toStdString();
    EXPECT_TRUE(files.at(1).startsWith(u"0002_"_s)) << files.at(1).toStdString();
    EXPECT_TRUE(files.at(1).endsWith(u"_concurrently.sql"_s)) << files.at(1).toStdString();
    EXPECT_EQ(QFileInfo(editor->followUpFileName()).fileName(), files.at(1));
    EXPECT_EQ(db.rows(u"SELECT indexname FROM pg_indexes WHERE indexname = 'author_name'"_s),
              QStringList{u"author_name"_s});
}

TEST_P(OnlineServerWorkbench, with_only_an_index_to_build_the_follow_up_is_the_migration)
{
    db.exec(u"ALTER TABLE author ADD COLUMN email VARCHAR(200)"_s);
    window.passwords()->setTimeout(3000);
    openAnswering(password);
    ASSERT_NE(window.session()->comparison(), nullptr) << window.banner().toStdString();
    window.findChild<QAction *>(u"concurrentlyAction"_s)->setChecked(true);

    window.controller()->generate();
    MigrationEditor *editor = window.migrationEditor();
    ASSERT_TRUE(uitest::waitFor([&] {
        return !window.session()->isBusy() && !editor->text().isEmpty();
    })) << window.banner().toStdString();
    EXPECT_TRUE(editor->text().contains(u"CREATE INDEX CONCURRENTLY"_s))
        << editor->text().toStdString();
    EXPECT_TRUE(editor->name().endsWith(u"_concurrently"_s)) << editor->name().toStdString();
    EXPECT_TRUE(editor->followUpText().isEmpty());
    EXPECT_FALSE(editor->findChild<QWidget *>(u"followUp"_s)->isVisible());
}

using SchemasServerWorkbench = ServerWorkbench;

// A model with a schema of its own: its tables are listed as core.book, generated with the
// schema first, previewed on a scratch copy and applied.
TEST_P(SchemasServerWorkbench, a_model_creating_a_schema_is_shown_previewed_and_applied)
{
    QFile model(folder.filePath(u"model.sql"_s));
    ASSERT_TRUE(model.open(QIODevice::WriteOnly | QIODevice::Truncate));
    model.write(kModel.toUtf8() + "CREATE SCHEMA core;\n"
                                  "CREATE TABLE core.book (id int PRIMARY KEY, title text,\n"
                                  "  author_id int REFERENCES public.author (id));\n");
    model.close();
    window.passwords()->setTimeout(3000);
    openAnswering(password);
    ASSERT_NE(window.session()->comparison(), nullptr) << window.banner().toStdString();
    DifferencesModel *differences = window.differences()->model();
    QStringList shown;
    for (int t = 0; t < differences->rowCount(); ++t)
        shown.append(differences->index(t, 0).data().toString());
    EXPECT_TRUE(shown.contains(u"core.book"_s)) << shown.join(u", ").toStdString();
    EXPECT_TRUE(
        window.differences()->summary()->text().startsWith(u"2 tables and 1 schema differ"_s))
        << window.differences()->summary()->text().toStdString();

    ASSERT_TRUE(generated());
    const QString text = window.migrationEditor()->text();
    EXPECT_LT(text.indexOf(u"CREATE SCHEMA \"core\""_s), text.indexOf(u"CREATE TABLE"_s))
        << text.toStdString();
    previewLeavesNoDifferences();
    EXPECT_TRUE(screenshot(u"schema_of_its_own"_s));

    window.controller()->apply();
    ASSERT_TRUE(uitest::waitFor([this] { return !window.session()->isBusy(); }));
    ASSERT_NE(window.session()->comparison(), nullptr) << window.banner().toStdString();
    EXPECT_TRUE(window.session()->comparison()->changes.isEmpty());
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM core.book"_s), QStringList{u"0"_s});
}

using ObjectsServerWorkbench = ServerWorkbench;

// PostgreSQL's less common objects (a range type, a rule, extended statistics, an aggregate)
// are listed under what owns them, generated, previewed and applied like any other.
TEST_P(ObjectsServerWorkbench, range_types_rules_statistics_and_aggregates_are_listed_and_applied)
{
    QFile model(folder.filePath(u"model.sql"_s));
    ASSERT_TRUE(model.open(QIODevice::WriteOnly | QIODevice::Truncate));
    model.write(kModel.toUtf8() +
                "CREATE TYPE namerange AS RANGE (subtype = text);\n"
                "ALTER TABLE author ADD COLUMN initials namerange;\n"
                "CREATE RULE keep_authors AS ON DELETE TO author DO INSTEAD NOTHING;\n"
                "CREATE STATISTICS author_names ON name, email FROM author;\n"
                "CREATE AGGREGATE longest(text) (SFUNC = text_larger, STYPE = text);\n");
    model.close();
    window.passwords()->setTimeout(3000);
    openAnswering(password);
    ASSERT_NE(window.session()->comparison(), nullptr) << window.banner().toStdString();
    QStringList shown;
    DifferencesModel *differences = window.differences()->model();
    for (int t = 0; t < differences->rowCount(); ++t) {
        const QModelIndex owner = differences->index(t, 0);
        shown.append(owner.data().toString());
        for (int c = 0; c < differences->rowCount(owner); ++c)
            shown.append(differences->index(c, 0, owner).data().toString());
    }
    for (const QString &name : {u"namerange"_s, u"keep_authors"_s, u"author_names"_s})
        EXPECT_TRUE(shown.contains(name))
            << name.toStdString() << ": " << shown.join(u", ").toStdString();
    EXPECT_TRUE(std::any_of(shown.cbegin(), shown.cend(), [](const QString &s) {
        return s.startsWith(u"longest");
    })) << shown.join(u", ").toStdString();

    ASSERT_TRUE(generated());
    previewLeavesNoDifferences();
    EXPECT_TRUE(screenshot(u"postgres_objects"_s));

    window.controller()->apply();
    ASSERT_TRUE(uitest::waitFor([this] { return !window.session()->isBusy(); }));
    ASSERT_NE(window.session()->comparison(), nullptr) << window.banner().toStdString();
    EXPECT_TRUE(window.session()->comparison()->changes.isEmpty()) << window.banner().toStdString();
    db.exec(u"DELETE FROM author"_s);
    EXPECT_EQ(db.rows(u"SELECT longest(name) FROM author"_s), QStringList{u"Bob"_s})
        << "the rule kept the rows";
}

// A model whose only addition is of a kind Burrow does not compare (a publication) must not
// read "the database matches the models": the empty tree names it, and so does the log.
TEST_P(ObjectsServerWorkbench, what_the_model_creates_but_burrow_does_not_compare_is_named)
{
    QFile model(folder.filePath(u"model.sql"_s));
    ASSERT_TRUE(model.open(QIODevice::WriteOnly | QIODevice::Truncate));
    model.write("CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(100));\n"
                "CREATE PUBLICATION authors_feed FOR TABLE author;\n");
    model.close();
    window.passwords()->setTimeout(3000);
    openAnswering(password);
    ASSERT_NE(window.session()->comparison(), nullptr) << window.banner().toStdString();
    EXPECT_TRUE(window.differences()->showsEmptyState());
    const QString text = window.differences()->emptyStateText();
    EXPECT_TRUE(text.contains(u"publication authors_feed"_s)) << text.toStdString();
    EXPECT_FALSE(text.contains(u"matches"_s)) << text.toStdString();
    EXPECT_TRUE(screenshot(u"postgres_uncompared"_s));
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_publication"_s), QStringList{u"0"_s});
}

INSTANTIATE_TEST_SUITE_P(PostgreSQL, ObjectsServerWorkbench, ::testing::Values(Backend::PostgreSQL),
                         backendParamName);
INSTANTIATE_TEST_SUITE_P(PostgreSQL, OnlineServerWorkbench, ::testing::Values(Backend::PostgreSQL),
                         backendParamName);
INSTANTIATE_TEST_SUITE_P(PostgreSQL, SchemasServerWorkbench, ::testing::Values(Backend::PostgreSQL),
                         backendParamName);

INSTANTIATE_TEST_SUITE_P(Servers, ServerWorkbench,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

} // namespace
