#pragma once

#include "session/workspace_session.h"

#include <QObject>

#include <functional>

class QTabWidget;

namespace burrow::ui {

class DefinitionCompare;
class DifferencesPanel;
class LogPanel;
class MigrationEditor;
class PreviewPanel;

/// The panels the controller connects (the window owns them).
struct WorkbenchPanels {
    DifferencesPanel *differences = nullptr;
    QTabWidget *tabs = nullptr; // definitions, migration, preview
    DefinitionCompare *definitions = nullptr;
    MigrationEditor *editor = nullptr;
    PreviewPanel *preview = nullptr;
    LogPanel *log = nullptr;
};

/// Connects the session with the panels: a comparison fills the tree, the selected table its
/// definitions, "Generate" drafts from the checked rows into the editor, "Preview" dry-runs the
/// editor's text, "Apply" saves it, confirms, backs up and applies. Errors point at their line.
class WorkbenchController : public QObject {
    Q_OBJECT
public:
    /// Asks the user to confirm an apply described by `text`; true to go on.
    using Confirm = std::function<bool(const QString &text)>;

    WorkbenchController(WorkspaceSession *session, const WorkbenchPanels &panels,
                        QObject *parent = nullptr);

    /// Tests answer the confirmation themselves; the window asks with a message box.
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    /// What Generate does without long locks (plan --concurrently / --not-valid): the work
    /// moves to a follow-up migration that the editor shows and saves beside the main one.
    void setOnline(const plan::OnlineOptions &online) { m_online = online; }
    const plan::OnlineOptions &online() const { return m_online; }

    void generate();
    void preview();
    void apply();
    Status save();

Q_SIGNALS:
    /// A message for the window's banner: what happened, and whether it went well.
    void notice(const QString &html, bool good);

private:
    /// Nothing generates, previews or applies past a migration that stopped part-way: says so,
    /// then true.
    bool refusedWhileStopped(const QString &what);
    void onCompared();
    void onDrafted(const plan::MigrationDraft &draft);
    void onFailed(WorkspaceSession::Task task, const Error &error);
    void onApplied(const migration::ApplyResult &result);
    void showDefinitions(const QString &table);
    QString confirmationText() const;

    WorkspaceSession *m_session;
    WorkbenchPanels m_panels;
    Confirm m_confirm;
    std::optional<plan::MigrationDraft> m_draft;
    plan::OnlineOptions m_online;
    /// The last migration that failed could not be rolled back: what ran before it stays.
    bool m_failureKeptChanges = false;
};

} // namespace burrow::ui
