// burrow: the workbench. `burrow [WORKSPACE_DIR]`, `burrow --workspace DIR`, `burrow --demo [DIR]`.
#include "window/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QIcon>
#include <QStandardPaths>

namespace {

QString freshDemoFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo-" +
           QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
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
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QStringLiteral("A workspace folder (with burrow.json)."),
                                 QStringLiteral("[DIR]"));
    parser.process(app);

    burrow::ui::MainWindow window;
    window.show();
    // Errors show in the window's banner.
    if (parser.isSet(demo))
        (void)window.openDemo(parser.isSet(demoDir) ? parser.value(demoDir) : freshDemoFolder());
    else if (parser.isSet(workspace))
        (void)window.openWorkspace(parser.value(workspace));
    else if (!parser.positionalArguments().isEmpty())
        (void)window.openWorkspace(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
