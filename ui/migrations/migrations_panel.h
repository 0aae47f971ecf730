#pragma once

#include "session/workspace_session.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QTreeView;

namespace burrow::ui {

class MigrationsModel;

/// The migrations dock: every migration with its state (the model), and what can be done to
/// the selected one: apply up to it, record up to it as applied without running (baseline),
/// continue it when it stopped part-way, or settle it (finished or undone by hand), open its file.
/// Refreshes whenever the session reads the status (after every compare, apply, baseline and
/// restore).
class MigrationsPanel : public QWidget {
    Q_OBJECT
public:
    /// Asks the user to confirm what `text` describes; true to go on.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;

    explicit MigrationsPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    /// Tests answer the confirmations themselves; the window asks with a message box.
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    MigrationsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QAction *applyUpToAction() const { return m_applyUpTo; }
    QAction *baselineAction() const { return m_baseline; }
    QAction *openFileAction() const { return m_openFile; }
    QAction *continueAction() const { return m_continue; }
    QAction *finishedByHandAction() const { return m_finishedByHand; }
    QAction *undoneByHandAction() const { return m_undoneByHand; }
    /// Selects the row of `version`; false when there is none.
    bool select(const QString &version);

Q_SIGNALS:
    /// A message for the window's banner: what happened, and whether it went well.
    void notice(const QString &html, bool good);
    /// A migration stopped part-way (found on reading the status; now selected): nothing else
    /// applies until it is continued or settled here.
    void stoppedMigrationFound(const QString &version);

private:
    void showStatus(const QList<migration::MigrationStatus> &status);
    void pointAtStopped(const QList<migration::MigrationStatus> &status);
    void updateActions();
    int currentRow() const;
    /// The pending migrations up to and including the selected one ("0002_add_x").
    QStringList pendingUpToCurrent() const;
    void applyUpTo();
    void baseline();
    void openFile();
    void continueStopped();
    void resolve(migration::Resolution how);
    void onResolved(const QString &version, migration::Resolution how);
    void onBaselined(const QList<migration::MigrationEntry> &recorded);

    WorkspaceSession *m_session;
    MigrationsModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QAction *m_applyUpTo;
    QAction *m_baseline;
    QAction *m_openFile;
    QAction *m_continue;
    QAction *m_finishedByHand;
    QAction *m_undoneByHand;
    Confirm m_confirm;
    QString m_stoppedFound; // the stopped migration last pointed at, so that it is only once
};

} // namespace burrow::ui
