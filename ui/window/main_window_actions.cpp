// The window's actions, menus, toolbar and status bar, and what they do.
#include "differences/differences_panel.h"
#include "editor/migration_editor.h"
#include "main_window.h"
#include "session/session_log.h"
#include "welcome/new_workspace_dialog.h"
#include "welcome/welcome_page.h"
#include "workbench_controller.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace burrow::ui {

QAction *MainWindow::addAction(const QString &icon, const QString &text,
                               const QKeySequence &shortcut, void (MainWindow::*slot)())
{
    auto *action = new QAction(QIcon(u":/icons/" + icon + u".svg"), text, this);
    action->setObjectName(icon + u"Action"); // "saveAction": for tests and style sheets
    action->setShortcut(shortcut);
    if (!shortcut.isEmpty())
        action->setToolTip(text + u"  (" + shortcut.toString(QKeySequence::NativeText) + u')');
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void MainWindow::buildActions()
{
    m_controller->setConfirm([this](const QString &text) {
        return QMessageBox::question(this, tr("Apply migrations"), text,
                                     QMessageBox::Apply | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Apply;
    });
    m_workspaceActions = {
        addAction(QStringLiteral("refresh"), tr("&Refresh"), QKeySequence::Refresh,
                  &MainWindow::refresh),
        addAction(QStringLiteral("generate"), tr("&Generate migration"),
                  QKeySequence(Qt::CTRL | Qt::Key_G), &MainWindow::generate),
        addAction(QStringLiteral("save"), tr("&Save migration"), QKeySequence::Save,
                  &MainWindow::save),
        addAction(QStringLiteral("preview"), tr("&Preview (dry run)"),
                  QKeySequence(Qt::CTRL | Qt::Key_Return), &MainWindow::previewMigration),
        addAction(QStringLiteral("apply"), tr("&Apply…"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), &MainWindow::applyMigration),
    };
    m_cancel = addAction(QStringLiteral("cancel"), tr("&Cancel"), QKeySequence(Qt::Key_Escape),
                         &MainWindow::cancel);
    m_enterPassword = addAction(QStringLiteral("database"), tr("Database &password…"), {},
                                &MainWindow::enterPassword);
    m_enterPassword->setObjectName(QStringLiteral("enterPasswordAction"));
    buildOnlineActions();
}

void MainWindow::buildOnlineActions()
{
    const auto option = [this](const QString &name, const QString &text, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setCheckable(true);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        connect(action, &QAction::toggled, this, [this] {
            m_controller->setOnline(
                {m_onlineActions.at(0)->isChecked(), m_onlineActions.at(1)->isChecked()});
        });
        return action;
    };
    m_onlineActions = {
        option(QStringLiteral("concurrentlyAction"), tr("Build indexes &online"),
               tr("Generate builds and drops indexes of existing tables without blocking writes "
                  "(PostgreSQL: CONCURRENTLY in a follow-up migration; MariaDB: LOCK=NONE)")),
        option(QStringLiteral("notValidAction"), tr("Add constraints NOT &VALID, validate after"),
               tr("Generate adds foreign keys and checks without reading the rows under the "
                  "migration's locks, and validates them in a follow-up migration "
                  "(PostgreSQL)")),
    };
}

void MainWindow::buildMenusAndToolbar()
{
    QMenu *file = menuBar()->addMenu(tr("&Workspace"));
    auto *create =
        new QAction(QIcon(QStringLiteral(":/icons/new.svg")), tr("&New workspace…"), this);
    create->setObjectName(QStringLiteral("newWorkspaceAction"));
    create->setShortcut(QKeySequence::New);
    connect(create, &QAction::triggered, this, [this] { newWorkspace(); });
    connect(m_welcome, &WelcomePage::newWorkspaceRequested, create, &QAction::trigger);
    file->addAction(create);
    QAction *open = addAction(QStringLiteral("open"), tr("&Open workspace…"), QKeySequence::Open,
                              &MainWindow::chooseWorkspace);
    file->addAction(open);
    file->addAction(addAction(QStringLiteral("burrow"), tr("Open the &demo…"), {},
                              &MainWindow::chooseDemoFolder));
    file->addAction(m_enterPassword);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *migration = menuBar()->addMenu(tr("&Migration"));
    migration->addActions(m_workspaceActions);
    migration->addAction(m_cancel);
    migration->addSection(tr("Generate without long locks"));
    migration->addActions(m_onlineActions);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    QToolBar *toolbar = addToolBar(tr("Workbench"));
    toolbar->setObjectName(QStringLiteral("workbenchToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(open);
    toolbar->addSeparator();
    toolbar->addActions(m_workspaceActions);
    toolbar->addAction(m_cancel);
}

void MainWindow::buildStatusBar()
{
    m_taskLabel = new QLabel(tr("Ready"), this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setDefaultAction(m_cancel);
    m_cancelButton->hide();
    statusBar()->addWidget(m_taskLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
}

void MainWindow::updateActions()
{
    const bool ready = m_session->isOpen() && !m_session->isBusy();
    for (QAction *action : std::as_const(m_workspaceActions))
        action->setEnabled(ready);
    m_cancel->setEnabled(m_session->isBusy());
    m_enterPassword->setVisible(m_session->isOpen() && m_session->isServer());
    m_enterPassword->setEnabled(ready);
    for (QAction *action : std::as_const(m_onlineActions))
        action->setVisible(m_session->isOpen() && m_session->isServer());
}

void MainWindow::onTaskChanged(WorkspaceSession::Task task)
{
    static const QHash<WorkspaceSession::Task, QString> what{
        {WorkspaceSession::Task::Comparing, tr("Comparing the database with the models…")},
        {WorkspaceSession::Task::Drafting, tr("Planning the migration…")},
        {WorkspaceSession::Task::Previewing, tr("Dry run on a scratch copy…")},
        {WorkspaceSession::Task::Applying, tr("Backing up and applying…")},
        {WorkspaceSession::Task::ReadingStatus, tr("Reading the migrations' status…")},
        {WorkspaceSession::Task::Baselining, tr("Recording migrations as applied…")},
        {WorkspaceSession::Task::Resolving, tr("Settling the migration that stopped…")},
        {WorkspaceSession::Task::Restoring, tr("Saving the database, then restoring the backup…")},
        {WorkspaceSession::Task::ListingBackups, tr("Verifying the backups…")}};
    const bool busy = task != WorkspaceSession::Task::Idle;
    m_taskLabel->setText(busy ? what.value(task) : tr("Ready"));
    m_progress->setRange(0, 0); // busy until a migration says how many statements it runs
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    updateActions();
}

void MainWindow::onProgress(const migration::ProgressEvent &event)
{
    using Kind = migration::ProgressEvent::Kind;
    if (event.kind == Kind::MigrationStarted)
        m_progress->setRange(0, std::max(1, event.statements));
    if (event.kind == Kind::StatementDone)
        m_progress->setValue(event.statement);
    if (event.kind == Kind::MigrationStarted || event.kind == Kind::StatementDone)
        m_taskLabel->setText(tr("Migration %1: statement %2 of %3")
                                 .arg(event.version)
                                 .arg(event.statement)
                                 .arg(event.statements));
    if (event.kind == Kind::Stage) { // no count to show: busy until the migrations start
        m_progress->setRange(0, 0);
        m_taskLabel->setText(stageText(event));
    }
}

void MainWindow::newWorkspace(const QString &url)
{
    NewWorkspaceDialog dialog(this);
    if (!url.isEmpty())
        dialog.setDatabase(url);
    if (dialog.exec() == QDialog::Accepted)
        (void)openWorkspace(dialog.directory(), dialog.password()); // errors show in the banner
}

void MainWindow::chooseWorkspace()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open a workspace folder (with burrow.json)"), QDir::homePath());
    if (!dir.isEmpty())
        (void)openWorkspace(dir); // errors show in the banner
}

void MainWindow::chooseDemoFolder()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    (void)openDemo(base + u"/demo-" +
                   QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

void MainWindow::refresh()
{
    m_session->compare();
}

void MainWindow::generate()
{
    m_controller->generate();
}

void MainWindow::save()
{
    if (Status saved = m_controller->save(); !saved)
        showNotice(saved.error().toString().toHtmlEscaped(), false);
    else if (!m_session->isBusy())
        m_session->status(); // the Migrations panel lists the new file as pending
}

void MainWindow::previewMigration()
{
    m_controller->preview();
}

void MainWindow::applyMigration()
{
    m_controller->apply();
}

void MainWindow::cancel()
{
    m_session->cancel();
}

} // namespace burrow::ui
