// "New workspace…": the dialog writes a burrow.json that core reads back with the same values
// (never a password), refuses to replace one unless asked, and the window opens what it wrote.
#include "modal_test_support.h"
#include "ui_test_support.h"
#include "welcome/new_workspace_dialog.h"
#include "welcome/welcome_page.h"
#include "window/main_window.h"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

template<typename W> W *field(QWidget *dialog, const QString &name)
{
    W *widget = dialog->findChild<W *>(name);
    EXPECT_NE(widget, nullptr) << name.toStdString();
    return widget;
}

/// Fills the dialog's fields as a user would: a workspace in `folder` that uses the demo's
/// database and models.
void fill(NewWorkspaceDialog *dialog, const QString &folder, const uitest::DemoWorkspace &demo)
{
    field<QLineEdit>(dialog, u"folder"_s)->setText(folder);
    field<QLineEdit>(dialog, u"database"_s)->setText(u"sqlite:"_s + demo.database());
    field<QListWidget>(dialog, u"models"_s)->addItem(demo.workspace().models.value(0));
    field<QLineEdit>(dialog, u"ignore"_s)->setText(u"tmp_*, audit_log"_s);
}

bool okEnabled(QDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}

class NewWorkspaceTest : public ::testing::Test {
protected:
    QString folder() const { return root.filePath(u"project"_s); }
    QString jsonPath() const { return folder() + u"/burrow.json"; }

    QTemporaryDir root;
    uitest::DemoWorkspace demo;
    NewWorkspaceDialog dialog;
};

} // namespace

TEST_F(NewWorkspaceTest, writes_a_burrow_json_that_core_reads_back_with_the_same_values)
{
    fill(&dialog, folder(), demo);
    field<QLineEdit>(&dialog, u"migrations"_s)->setText(u"db/migrations"_s);
    dialog.accept();
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.message().toStdString();
    Result<workspace::Workspace> read = workspace::loadWorkspace(dialog.directory());
    ASSERT_TRUE(read.ok()) << read.error().toString().toStdString();
    EXPECT_EQ(read->directory, folder());
    EXPECT_EQ(read->database, u"sqlite:"_s + demo.database());
    EXPECT_EQ(read->models, demo.workspace().models.mid(0, 1));
    EXPECT_EQ(read->migrations, folder() + u"/db/migrations");
    EXPECT_EQ(read->ignore, (QStringList{u"tmp_*"_s, u"audit_log"_s}));
    EXPECT_TRUE(QFileInfo(read->migrations).isDir()) << "the migrations folder was not created";
}

TEST_F(NewWorkspaceTest, orm_and_reference_model_sources_and_the_python_are_kept)
{
    fill(&dialog, folder(), demo);
    auto *models = field<QListWidget>(&dialog, u"models"_s);
    models->addItem(u"django:site/manage.py?apps=shop"_s);
    models->addItem(u"sqlalchemy:app.models:Base"_s);
    models->addItem(u"postgresql://golden@db/shop"_s);
    field<QLineEdit>(&dialog, u"python"_s)->setText(u"/opt/venv/bin/python"_s);
    dialog.accept();
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.message().toStdString();
    Result<workspace::Workspace> read = workspace::loadWorkspace(dialog.directory());
    ASSERT_TRUE(read.ok()) << read.error().toString().toStdString();
    EXPECT_EQ(read->models, dialog.workspace().models);
    ASSERT_EQ(read->models.size(), 4);
    EXPECT_EQ(read->models[1], u"django:"_s + folder() + u"/site/manage.py?apps=shop"_s)
        << "a relative manage.py is the workspace folder's";
    EXPECT_TRUE(read->models[2].startsWith(u"sqlalchemy:app.models:Base"_s));
    EXPECT_EQ(read->models[3], u"postgresql://golden@db/shop"_s);
    EXPECT_EQ(read->python, u"/opt/venv/bin/python"_s);
}

TEST_F(NewWorkspaceTest, the_add_other_menu_offers_django_sqlalchemy_and_a_reference_database)
{
    for (const QString &name :
         {u"addDjangoModel"_s, u"addSqlAlchemyModel"_s, u"addReferenceModel"_s}) {
        auto *action = dialog.findChild<QAction *>(name);
        ASSERT_NE(action, nullptr) << name.toStdString();
        EXPECT_FALSE(action->text().isEmpty());
    }
}

TEST_F(NewWorkspaceTest, the_migrations_folder_defaults_to_migrations_inside_the_workspace)
{
    fill(&dialog, folder(), demo);
    EXPECT_EQ(dialog.workspace().migrations, folder() + u"/migrations");
}

TEST_F(NewWorkspaceTest, ok_waits_for_a_folder_a_database_and_models)
{
    EXPECT_FALSE(okEnabled(&dialog));
    field<QLineEdit>(&dialog, u"folder"_s)->setText(folder());
    field<QLineEdit>(&dialog, u"database"_s)->setText(u"sqlite:app.db"_s);
    EXPECT_FALSE(okEnabled(&dialog)) << "enabled without models";
    field<QListWidget>(&dialog, u"models"_s)->addItem(u"models"_s);
    EXPECT_TRUE(okEnabled(&dialog));
    field<QLineEdit>(&dialog, u"database"_s)->setText(u"oracle://scott@db/orcl"_s);
    EXPECT_FALSE(okEnabled(&dialog)) << "enabled with a URL core refuses";
    EXPECT_TRUE(dialog.message().contains(u"database")) << dialog.message().toStdString();
}

TEST_F(NewWorkspaceTest, a_password_typed_into_the_url_is_not_written)
{
    fill(&dialog, folder(), demo);
    field<QLineEdit>(&dialog, u"database"_s)->setText(u"postgresql://app:typed-pw@db/shop"_s);
    dialog.accept();
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.message().toStdString();
    QFile file(jsonPath());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    EXPECT_FALSE(json.contains("typed-pw")) << json.constData();
    EXPECT_TRUE(json.contains("postgresql://app@db/shop")) << json.constData();
}

TEST_F(NewWorkspaceTest, an_existing_burrow_json_is_replaced_only_when_asked)
{
    ASSERT_TRUE(QDir().mkpath(folder()));
    QFile existing(jsonPath());
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.write(R"({"database": "sqlite:keep.db"})");
    existing.close();
    fill(&dialog, folder(), demo);
    auto *replace = field<QCheckBox>(&dialog, u"replaceExisting"_s);
    EXPECT_FALSE(replace->isHidden()) << "the dialog did not say a burrow.json is there";
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(dialog.message().contains(u"burrow.json")) << dialog.message().toStdString();
    EXPECT_TRUE(workspace::loadWorkspace(folder())->database.endsWith(u"keep.db"));
    replace->setChecked(true);
    dialog.accept();
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.message().toStdString();
    EXPECT_EQ(workspace::loadWorkspace(folder())->database, u"sqlite:"_s + demo.database());
}

TEST_F(NewWorkspaceTest, the_window_action_writes_the_workspace_and_opens_it)
{
    MainWindow window;
    window.show();
    auto *action = window.findChild<QAction *>(u"newWorkspaceAction"_s);
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(QKeySequence::New));
    uitest::whenModalOpens<NewWorkspaceDialog>([this](NewWorkspaceDialog *shown) {
        fill(shown, folder(), demo);
        field<QLineEdit>(shown, u"migrations"_s)->setText(demo.migrations());
        shown->accept();
    });
    action->trigger();
    ASSERT_TRUE(window.session()->isOpen()) << window.banner().toStdString();
    EXPECT_EQ(window.session()->workspace().directory, folder());
    ASSERT_TRUE(uitest::waitFor([&window] {
        return !window.session()->isBusy() && window.session()->comparison();
    })) << "the comparison did not finish";
    EXPECT_FALSE(window.session()->comparison()->changes.isEmpty())
        << "the demo's differences did not show";
}

TEST_F(NewWorkspaceTest, a_database_named_on_the_command_line_starts_the_new_workspace)
{
    MainWindow window;
    window.show();
    QString shownDatabase, shownFolder;
    uitest::whenModalOpens<NewWorkspaceDialog>([&](NewWorkspaceDialog *shown) {
        shownDatabase = field<QLineEdit>(shown, u"database"_s)->text();
        shownFolder = field<QLineEdit>(shown, u"folder"_s)->text();
        // The demo's folder holds a burrow.json already: this workspace goes elsewhere.
        field<QLineEdit>(shown, u"folder"_s)->setText(folder());
        field<QListWidget>(shown, u"models"_s)->addItem(demo.workspace().models.value(0));
        shown->accept();
    });
    window.newWorkspace(u"sqlite:"_s + demo.database());
    EXPECT_EQ(shownDatabase, u"sqlite:"_s + demo.database());
    EXPECT_EQ(shownFolder, QFileInfo(demo.database()).absolutePath())
        << "a SQLite file's folder is the workspace's default";
    ASSERT_TRUE(window.session()->isOpen()) << window.banner().toStdString();
    EXPECT_EQ(window.session()->workspace().database, u"sqlite:"_s + demo.database());
}

TEST_F(NewWorkspaceTest, the_welcome_page_button_opens_the_dialog)
{
    MainWindow window;
    window.show();
    bool opened = false;
    uitest::whenModalOpens<NewWorkspaceDialog>(
        [&opened](NewWorkspaceDialog *shown) { opened = shown->isVisible(); });
    auto *button = window.findChild<WelcomePage *>()->findChild<QPushButton *>(u"newWorkspace"_s);
    ASSERT_NE(button, nullptr);
    button->click();
    EXPECT_TRUE(opened);
    EXPECT_FALSE(window.session()->isOpen());
}

TEST_F(NewWorkspaceTest, renders_to_a_png_to_look_at)
{
    const QString folder = QStringLiteral(BURROW_BUILD_DIR "/screenshots");
    QDir().mkpath(folder);
    dialog.show();
    fill(&dialog, this->folder(), demo);
    QCoreApplication::processEvents();
    const QImage image = dialog.grab().toImage();
    EXPECT_GT(image.width(), 500);
    EXPECT_TRUE(image.save(folder + u"/new_workspace.png"_s));
}
