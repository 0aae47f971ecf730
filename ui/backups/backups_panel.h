#pragma once

#include "session/workspace_session.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QTreeView;
class QTreeWidget;

namespace burrow::ui {

class BackupsModel;

/// The backups dock: every backup of the workspace (the model), the selected one's manifest
/// (its files with sizes and SHA-256), "Restore…" after a confirmation that says what will
/// happen, and "Open folder". Refreshes whenever the session lists the backups.
class BackupsPanel : public QWidget {
    Q_OBJECT
public:
    /// Asks the user to confirm what `text` describes; true to go on.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;

    explicit BackupsPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    /// Tests answer the confirmation themselves; the window asks with a message box.
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    BackupsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    /// The selected backup's files: name, size, SHA-256.
    QTreeWidget *files() const { return m_files; }
    /// The selected backup's summary above its files.
    QString details() const;
    /// The line above the list: how many backups, and where.
    QString summary() const;
    QAction *restoreAction() const { return m_restore; }
    /// Selects the backup folder `path`; false when it is not listed.
    bool select(const QString &path);

Q_SIGNALS:
    /// A message for the window's banner: what happened, and whether it went well.
    void notice(const QString &html, bool good);

private:
    void showBackups(const QList<backup::BackupListing> &backups);
    void showDetails();
    void updateActions();
    int currentRow() const;
    QString confirmationText(int row) const;
    void restore();
    void openFolder();
    void onRestored(const backup::Restored &restored);

    WorkspaceSession *m_session;
    BackupsModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QLabel *m_details;
    QTreeWidget *m_files;
    QAction *m_restore;
    QAction *m_openFolder;
    Confirm m_confirm;
};

} // namespace burrow::ui
