// burrow: the workbench. `burrow [DIR | DATABASE_FILE | URL]`, `burrow --workspace DIR`,
// `burrow --demo`.
#include "style/readable_style.h"
#include "window/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

QString freshDemoFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo-" +
           QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

/// `burrow DIR` opens a workspace folder; `burrow app.db` or `burrow URL` starts a new workspace
/// around that database.
void openArgument(burrow::ui::MainWindow &window, const QString &argument)
{
    const QFileInfo file(argument);
    if (file.isDir() || (!file.exists() && !argument.contains(u':'))) {
        (void)window.openWorkspace(argument); // errors show in the window's banner
        return;
    }
    const QString url = file.isFile() ? u"sqlite:"_s + file.absoluteFilePath() : argument;
    // After the window is up: the dialog is modal.
    QTimer::singleShot(0, &window, [&window, url] { window.newWorkspace(url); });
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    burrow::ui::useReadableStyle();
    QApplication::setOrganizationName(QStringLiteral("Burrow"));
    QApplication::setApplicationName(QStringLiteral("Burrow"));
    QApplication::setApplicationVersion(QStringLiteral(BURROW_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/burrow.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Burrow: compare a database with its models, generate, preview and "
                       "apply migrations with a backup first."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       QStringLiteral("Open the workspace folder DIR."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open a fresh copy of the demo workspace."));
    const QCommandLineOption demoDir(QStringLiteral("demo-dir"),
                                     QStringLiteral("Where --demo writes its copy."),
                                     QStringLiteral("DIR"));
    parser.addOptions({workspace, demo, demoDir});
    parser.addPositionalArgument(
        QStringLiteral("target"),
        QStringLiteral("A workspace folder (with burrow.json), or a database file or URL to "
                       "start a new workspace around."),
        QStringLiteral("[DIR|FILE|URL]"));
    parser.process(app);

    burrow::ui::MainWindow window;
    window.show();
    // Errors show in the window's banner.
    if (parser.isSet(demo))
        (void)window.openDemo(parser.isSet(demoDir) ? parser.value(demoDir) : freshDemoFolder());
    else if (parser.isSet(workspace))
        (void)window.openWorkspace(parser.value(workspace));
    else if (!parser.positionalArguments().isEmpty())
        openArgument(window, parser.positionalArguments().constFirst());
    return QApplication::exec();
}
