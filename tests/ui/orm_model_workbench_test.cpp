// A workspace whose models live in a SQLAlchemy module: the window compares with them through the
// workspace's own Python, and a project that fails to import shows its traceback's tail under the
// one error line, as it was printed.
#include "differences/differences_panel.h"
#include "ui_test_support.h"
#include "window/main_window.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sqlite3.h>

using namespace burrow;
using namespace burrow::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kModels = QStringLiteral(BURROW_SOURCE_DIR "/tests/data/sqlalchemy_models");

class OrmModelWorkbench : public ::testing::Test {
protected:
    /// A workspace around a SQLite database with one legacy table, whose model is `model`.
    QString workspaceWith(const QString &model)
    {
        sqlite3 *db = nullptr;
        const QByteArray file = dir.filePath(u"app.db"_s).toUtf8();
        EXPECT_EQ(sqlite3_open(file.constData(), &db), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(db, "CREATE TABLE legacy (id INTEGER PRIMARY KEY)", nullptr, nullptr,
                               nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
        QFile json(dir.filePath(u"burrow.json"_s));
        EXPECT_TRUE(json.open(QIODevice::WriteOnly));
        json.write(u"{\"database\": \"sqlite:app.db\", \"models\": [\"%1\"], "
                   u"\"migrations\": \"migrations\", \"python\": \"/usr/bin/python3\"}"_s.arg(model)
                       .toUtf8());
        return dir.path();
    }
    bool settled()
    {
        return uitest::waitFor([this] { return !window.session()->isBusy(); });
    }

    QTemporaryDir dir;
    MainWindow window;
};

} // namespace

TEST_F(OrmModelWorkbench, compares_with_the_models_of_a_sqlalchemy_module)
{
    window.show();
    ASSERT_TRUE(
        window.openWorkspace(workspaceWith(u"sqlalchemy:shop.models:Base?path="_s + kModels)).ok());
    ASSERT_TRUE(settled());
    const diff::Comparison *comparison = window.session()->comparison();
    ASSERT_NE(comparison, nullptr) << window.banner().toStdString();
    QStringList modelTables;
    for (const schema::Table &table : comparison->model.tables)
        modelTables.append(table.name);
    EXPECT_TRUE(modelTables.contains(u"customer"_s)) << modelTables.join(u", ").toStdString();
    EXPECT_FALSE(comparison->changes.isEmpty()) << "the legacy table matches no model";
}

TEST_F(OrmModelWorkbench, a_failing_project_shows_its_traceback_tail_under_the_error_line)
{
    window.show();
    ASSERT_TRUE(
        window.openWorkspace(workspaceWith(u"sqlalchemy:broken_models:Base?path="_s + kModels))
            .ok());
    ASSERT_TRUE(settled());
    const QString banner = window.banner();
    EXPECT_EQ(window.session()->comparison(), nullptr);
    auto *differences = window.findChild<DifferencesPanel *>();
    ASSERT_NE(differences, nullptr);
    EXPECT_TRUE(differences->showsEmptyState());
    EXPECT_TRUE(differences->emptyStateText().startsWith(u"Not compared"_s))
        << "a failed comparison read as 'the database matches the models'";
    const qsizetype pre = banner.indexOf(u"<pre"_s);
    ASSERT_GT(pre, 0) << banner.toStdString();
    EXPECT_TRUE(banner.left(pre).contains(u"RuntimeError: SHOP_SETTINGS is not configured"_s))
        << banner.toStdString();
    EXPECT_TRUE(banner.mid(pre).contains(u"broken_models.py&quot;, line 5, in load_settings"_s))
        << banner.toStdString();
    const QString shots = QStringLiteral(BURROW_BUILD_DIR "/screenshots");
    QDir().mkpath(shots);
    EXPECT_TRUE(window.grab().save(shots + u"/orm_model_error.png"_s));
}
