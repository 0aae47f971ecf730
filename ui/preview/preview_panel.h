#pragma once

#include "session/workspace_session.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTreeView;

namespace burrow::ui {

class StatementsModel;

/// What a dry run (or a real apply) did: a verdict ("No differences would remain"), the lint
/// warnings, the differences that would remain, and every statement with its rows and time.
/// Fills itself from the session's signals.
class PreviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit PreviewPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    QString verdict() const;
    const StatementsModel *statements() const { return m_statements; }

private:
    void onTaskChanged(WorkspaceSession::Task task);
    void showResult(const migration::ApplyResult &result, bool dryRun);
    void showFailure(WorkspaceSession::Task task, const Error &error);
    void setVerdict(const QString &icon, const QString &text);

    WorkspaceSession *m_session;
    StatementsModel *m_statements;
    QLabel *m_verdictIcon;
    QLabel *m_verdict;
    QListWidget *m_findings;
    QTreeView *m_view;
};

} // namespace burrow::ui
