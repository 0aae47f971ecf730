#pragma once

#include <QWidget>

class QListWidget;

namespace burrow::ui {

/// The first page: create or open a workspace, open the demo, or pick a recent workspace.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    /// Re-reads the recent workspaces.
    void refresh();

Q_SIGNALS:
    void newWorkspaceRequested();
    void openWorkspaceRequested();
    void openDemoRequested();
    void recentWorkspaceChosen(const QString &directory);

private:
    QListWidget *m_recent;
};

} // namespace burrow::ui
