// burrow-bench-ui-stall: how long the workbench's event loop is ever blocked while it compares,
// generates, previews and applies a migration of many differences. Not a test; see
// bench/README.md.
//
//   burrow-bench-ui-stall [TABLES [CHANGES_PER_TABLE]]     (defaults: 500 20)
//
// Writes a workspace whose SQLite database has TABLES tables (10 rows each) and whose models
// change CHANGES_PER_TABLE things in each (half new columns, half changed types: a rebuild per
// table), opens it in the MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise), and
// runs compare → generate → preview → apply as a user would. A 5 ms watchdog timer records
// the longest gap between its ticks in each phase: the longest the window was frozen.
// Target: no stall over 50 ms.
#include "differences/differences_model.h"
#include "differences/differences_panel.h"
#include "window/main_window.h"
#include "window/workbench_controller.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <functional>
#include <sqlite3.h>

namespace {

using namespace burrow;
using namespace Qt::Literals::StringLiterals;

QString table(int t, int changes, bool model)
{
    QString sql = u"CREATE TABLE t%1 (id INTEGER PRIMARY KEY"_s.arg(t);
    const int kept = changes / 2;
    for (int c = 0; c < kept; ++c)
        sql += u", c%1 %2"_s.arg(c).arg(model ? u"TEXT"_s : u"INTEGER"_s);
    for (int c = 0; model && c < changes - kept; ++c)
        sql += u", n%1 TEXT"_s.arg(c);
    return sql + u");\n"_s;
}

bool writeWorkspace(const QString &dir, int tables, int changes)
{
    QString live, model;
    for (int t = 0; t < tables; ++t) {
        live += table(t, changes, false);
        for (int r = 0; r < 10; ++r)
            live += u"INSERT INTO t%1 (id) VALUES (%2);\n"_s.arg(t).arg(r + 1);
        model += table(t, changes, true);
    }
    sqlite3 *db = nullptr;
    const QByteArray path = (dir + u"/live.sqlite3"_s).toUtf8();
    const QByteArray script = (u"BEGIN;\n"_s + live + u"COMMIT;\n"_s).toUtf8();
    const bool built = sqlite3_open(path.constData(), &db) == SQLITE_OK &&
                       sqlite3_exec(db, script.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    QDir(dir).mkpath(u"models"_s);
    QDir(dir).mkpath(u"migrations"_s);
    QFile modelFile(dir + u"/models/model.sql"_s);
    QFile json(dir + u"/burrow.json"_s);
    return built && modelFile.open(QIODevice::WriteOnly) && modelFile.write(model.toUtf8()) > 0 &&
           json.open(QIODevice::WriteOnly) &&
           json.write(R"({"database": "sqlite:live.sqlite3", "models": ["models"]})") > 0;
}

/// The longest gap between two ticks of a 5 ms timer while `done` is false.
struct Watchdog {
    qint64 worstMs = 0;
    qint64 elapsedMs = 0;

    void run(const std::function<void()> &start, const std::function<bool()> &done)
    {
        QTimer tick;
        QElapsedTimer sinceTick, total;
        tick.setInterval(5);
        QObject::connect(&tick, &QTimer::timeout,
                         [&] { worstMs = std::max(worstMs, sinceTick.restart()); });
        total.start();
        sinceTick.start();
        tick.start();
        start();
        while (!done() && total.elapsed() < 600000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        worstMs = std::max(worstMs, sinceTick.elapsed());
        elapsedMs = total.elapsed();
    }
};

void checkEverything(ui::DifferencesModel *model)
{
    for (int t = 0; t < model->rowCount(); ++t)
        model->setData(model->index(t, 0), Qt::Checked, Qt::CheckStateRole);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int tables = argc > 1 ? QByteArray(argv[1]).toInt() : 500;
    const int changes = argc > 2 ? QByteArray(argv[2]).toInt() : 20;
    QTemporaryDir dir;
    QTextStream out(stdout);
    if (!writeWorkspace(dir.path(), tables, changes)) {
        out << "cannot write the workspace\n";
        return 2;
    }
    ui::MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.controller()->setConfirm([](const QString &) { return true; });
    ui::WorkspaceSession *session = window.session();
    auto idle = [session] { return !session->isBusy(); };
    out << "phase     wall_ms  worst_stall_ms  (target: no stall over 50 ms)\n";
    auto phase = [&](const char *name, const std::function<void()> &start,
                     const std::function<bool()> &done) {
        Watchdog dog;
        dog.run(start, done);
        out << qSetFieldWidth(9) << Qt::left << name << qSetFieldWidth(0) << ' '
            << qSetFieldWidth(7) << dog.elapsedMs << qSetFieldWidth(0) << "  " << qSetFieldWidth(14)
            << dog.worstMs << qSetFieldWidth(0) << (dog.worstMs > 50 ? "  NO" : "  ok") << Qt::endl;
    };
    phase(
        "compare", [&] { (void)window.openWorkspace(dir.path()); },
        [&] { return idle() && session->comparison(); });
    out << "          (" << session->comparison()->changes.size() << " differences)\n";
    checkEverything(window.differences()->model());
    phase(
        "generate", [&] { window.controller()->generate(); }, idle);
    phase(
        "preview", [&] { window.controller()->preview(); }, idle);
    phase(
        "apply", [&] { window.controller()->apply(); },
        [&] {
            return idle() && session->comparison() && session->comparison()->changes.isEmpty();
        });
    return 0;
}
