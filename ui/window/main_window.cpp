#include "main_window.h"

#include "backups/backups_panel.h"
#include "connection/password_store.h"
#include "differences/differences_panel.h"
#include "editor/definition_compare.h"
#include "editor/migration_editor.h"
#include "log/log_panel.h"
#include "migrations/migrations_panel.h"
#include "preview/preview_panel.h"
#include "welcome/recent_workspaces.h"
#include "welcome/welcome_page.h"
#include "workbench_controller.h"
#include "workspace/demo_workspace.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

namespace burrow::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new WorkspaceSession(this))
    , m_passwords(new PasswordStore(this))
{
    setWindowTitle(tr("Burrow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/burrow.svg")));
    buildWorkbench();
    buildActions();
    buildMenusAndToolbar();
    buildStatusBar();
    connect(m_session, &WorkspaceSession::taskChanged, this, &MainWindow::onTaskChanged);
    connect(m_session, &WorkspaceSession::progress, this, &MainWindow::onProgress);
    connect(m_controller, &WorkbenchController::notice, this, &MainWindow::showNotice);
    connect(m_welcome, &WelcomePage::openWorkspaceRequested, this, &MainWindow::chooseWorkspace);
    connect(m_welcome, &WelcomePage::openDemoRequested, this, &MainWindow::chooseDemoFolder);
    connect(m_welcome, &WelcomePage::recentWorkspaceChosen, this,
            [this](const QString &dir) { (void)openWorkspace(dir); }); // errors show in the banner
    restoreLayout();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildWorkbench()
{
    m_differences = new DifferencesPanel(this);
    m_definitions = new DefinitionCompare(this);
    m_editor = new MigrationEditor(this);
    m_preview = new PreviewPanel(m_session, this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_definitions, QIcon(QStringLiteral(":/icons/table.svg")), tr("Definitions"));
    m_tabs->addTab(m_editor, QIcon(QStringLiteral(":/icons/migration.svg")), tr("Migration"));
    m_tabs->addTab(m_preview, QIcon(QStringLiteral(":/icons/preview.svg")), tr("Preview"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_differences);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setOpenExternalLinks(true);
    m_banner->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    m_banner->hide();
    auto *workbench = new QWidget(this);
    auto *layout = new QVBoxLayout(workbench);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    m_welcome = new WelcomePage(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(workbench);
    setCentralWidget(m_pages);

    m_log = new LogPanel(this);
    auto *logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    m_controller = new WorkbenchController(
        m_session, {m_differences, m_tabs, m_definitions, m_editor, m_preview, m_log}, this);
    buildHistoryDocks(logDock);
}

void MainWindow::buildHistoryDocks(QDockWidget *logDock)
{
    m_migrations = new MigrationsPanel(m_session, this);
    m_backups = new BackupsPanel(m_session, this);
    const auto ask = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Ok | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Ok;
    };
    m_migrations->setConfirm(ask);
    m_backups->setConfirm(ask);
    connect(m_migrations, &MigrationsPanel::notice, this, &MainWindow::showNotice);
    connect(m_backups, &BackupsPanel::notice, this, &MainWindow::showNotice);
    const auto addDock = [this](QWidget *panel, const QString &title, const QString &name,
                                QDockWidget *tabbedWith) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(panel);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        tabifyDockWidget(tabbedWith, dock);
        return dock;
    };
    QDockWidget *migrations =
        addDock(m_migrations, tr("Migrations"), QStringLiteral("migrationsDock"), logDock);
    addDock(m_backups, tr("Backups"), QStringLiteral("backupsDock"), migrations);
    logDock->raise();
    // Where the way on is: Continue…, Finished by hand…, Undone, run again….
    connect(m_migrations, &MigrationsPanel::stoppedMigrationFound, migrations, &QDockWidget::raise);
}

QString MainWindow::banner() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void MainWindow::showNotice(const QString &html, bool good)
{
    const QString icon = good ? QStringLiteral("apply") : QStringLiteral("warning");
    m_banner->setText(u"<img src=\":/icons/" + icon + u".svg\" width=16 height=16> " + html);
    m_banner->show();
}

Status MainWindow::openWorkspace(const QString &directory, const QString &password)
{
    Result<workspace::Workspace> workspace = workspace::loadWorkspace(directory);
    if (!workspace) {
        showNotice(workspace.error().toString().toHtmlEscaped(), false);
        return workspace.error();
    }
    m_session->open(*workspace);
    if (!password.isEmpty())
        m_session->setPassword(password);
    rememberWorkspace(workspace->directory);
    setWindowTitle(tr("%1 — Burrow").arg(QDir(workspace->directory).dirName()));
    m_banner->hide();
    m_pages->setCurrentIndex(1);
    m_editor->setMigrationsFolder(workspace->migrations);
    updateActions();
    unlockThenCompare();
    return Ok{};
}

void MainWindow::unlockThenCompare()
{
    if (!m_session->needsPassword())
        return m_session->compare();
    const QString database = m_session->workspace().database;
    obtainPassword(m_passwords, this, database,
                   [self = QPointer(this), database](std::optional<QString> password) {
                       // The user may have opened another workspace while the keychain answered.
                       if (!self || self->m_session->workspace().database != database)
                           return;
                       // Without one (the prompt cancelled), the client's own files may serve:
                       // ~/.pgpass; the comparison says so if none does.
                       if (password)
                           self->m_session->setPassword(*password);
                       self->m_session->compare();
                   });
}

void MainWindow::enterPassword()
{
    if (!m_session->isOpen() || m_session->isBusy())
        return;
    if (std::optional<QString> password = askPassword(this, m_session->workspace().database)) {
        m_session->setPassword(*password);
        m_session->compare();
    }
}

Status MainWindow::openDemo(const QString &directory)
{
    Result<workspace::Workspace> demo =
        workspace::createDemoWorkspace(workspace::bundledDemo(), directory);
    if (!demo) {
        showNotice(demo.error().toString().toHtmlEscaped(), false);
        return demo.error();
    }
    return openWorkspace(demo->directory);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->cancel();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    if (restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        return;
    // First start: the docks below get a fifth of the height, the workbench the rest (left to
    // their size hints, the migrations table would take a third).
    const QList<QDockWidget *> docks{findChild<QDockWidget *>(QStringLiteral("logDock"))};
    resizeDocks(docks, {height() / 5}, Qt::Vertical);
}

} // namespace burrow::ui
