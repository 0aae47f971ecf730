#pragma once

#include "session/workspace_session.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace burrow::ui {

class BackupsPanel;
class DefinitionCompare;
class DifferencesPanel;
class LogPanel;
class MigrationEditor;
class MigrationsPanel;
class PasswordStore;
class PreviewPanel;
class WelcomePage;
class WorkbenchController;

/// The workbench window. It only composes: the welcome page, the differences panel, the
/// definitions / migration / preview tabs, the log, migrations and backups docks, the actions with
/// their shortcuts, and the status bar; the controller connects them to the session.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the workspace folder (its burrow.json) and compares at once.
    /// Opens the workspace in `directory` and compares. A server's password comes from
    /// `password` (just typed by the user), else the keychain, else a prompt; it stays in memory.
    Status openWorkspace(const QString &directory, const QString &password = {});
    /// Asks for a new workspace (folder, models, migrations) around the database `url` (may be
    /// empty), writes its burrow.json and opens it.
    void newWorkspace(const QString &url = {});
    /// Writes a fresh copy of the demo into `directory` and opens it.
    Status openDemo(const QString &directory);

    WorkspaceSession *session() const { return m_session; }
    WorkbenchController *controller() const { return m_controller; }
    DifferencesPanel *differences() const { return m_differences; }
    MigrationEditor *migrationEditor() const { return m_editor; }
    PreviewPanel *preview() const { return m_preview; }
    MigrationsPanel *migrations() const { return m_migrations; }
    BackupsPanel *backups() const { return m_backups; }
    PasswordStore *passwords() const { return m_passwords; }
    QString banner() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildWorkbench();
    void buildHistoryDocks(QDockWidget *logDock);
    void buildActions();
    void buildOnlineActions();
    void buildMenusAndToolbar();
    void buildStatusBar();
    QAction *addAction(const QString &icon, const QString &text, const QKeySequence &shortcut,
                       void (MainWindow::*slot)());
    void showNotice(const QString &html, bool good);
    void onTaskChanged(WorkspaceSession::Task task);
    void onProgress(const migration::ProgressEvent &event);
    void updateActions();
    void chooseWorkspace();
    void chooseDemoFolder();
    void refresh();
    void generate();
    void save();
    void previewMigration();
    void applyMigration();
    void cancel();
    void restoreLayout();
    void unlockThenCompare();
    void enterPassword();

    WorkspaceSession *m_session;
    PasswordStore *m_passwords;
    QAction *m_enterPassword = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    QLabel *m_banner = nullptr;
    DifferencesPanel *m_differences = nullptr;
    QTabWidget *m_tabs = nullptr;
    DefinitionCompare *m_definitions = nullptr;
    MigrationEditor *m_editor = nullptr;
    PreviewPanel *m_preview = nullptr;
    LogPanel *m_log = nullptr;
    MigrationsPanel *m_migrations = nullptr;
    BackupsPanel *m_backups = nullptr;
    WorkbenchController *m_controller = nullptr;
    QLabel *m_taskLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QList<QAction *> m_workspaceActions; // enabled while a workspace is open and idle
    QAction *m_cancel = nullptr;
    QList<QAction *> m_onlineActions; // Generate's online options, shown for server workspaces
};

} // namespace burrow::ui
