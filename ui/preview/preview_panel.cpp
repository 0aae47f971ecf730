#include "preview_panel.h"

#include "diff/report.h"
#include "statements_model.h"

#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace burrow::ui {

PreviewPanel::PreviewPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_statements(new StatementsModel(this))
    , m_verdictIcon(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_findings(new QListWidget(this))
    , m_view(new QTreeView(this))
{
    auto *verdictRow = new QHBoxLayout;
    verdictRow->addWidget(m_verdictIcon);
    verdictRow->addWidget(m_verdict, 1);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_findings->setMaximumHeight(140);
    m_findings->setVisible(false);
    m_view->setModel(m_statements);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(StatementsModel::Statement, QHeaderView::Stretch);
    m_view->setColumnWidth(StatementsModel::Migration, 220);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(verdictRow);
    layout->addWidget(m_findings);
    layout->addWidget(m_view, 1);
    setVerdict(QStringLiteral("preview"),
               tr("Preview runs the migration on a scratch copy of the database (Ctrl+Return): "
                  "every statement with its rows and time, and what would remain."));

    connect(session, &WorkspaceSession::taskChanged, this, &PreviewPanel::onTaskChanged);
    connect(session, &WorkspaceSession::progress, m_statements, &StatementsModel::add);
    connect(session, &WorkspaceSession::previewed, this,
            [this](const migration::ApplyResult &r) { showResult(r, true); });
    connect(session, &WorkspaceSession::applied, this,
            [this](const migration::ApplyResult &r) { showResult(r, false); });
    connect(session, &WorkspaceSession::failed, this, &PreviewPanel::showFailure);
}

QString PreviewPanel::verdict() const
{
    return m_verdict->text();
}

void PreviewPanel::setVerdict(const QString &icon, const QString &text)
{
    m_verdictIcon->setPixmap(QIcon(u":/icons/" + icon + u".svg").pixmap(24, 24));
    m_verdict->setText(text);
}

void PreviewPanel::onTaskChanged(WorkspaceSession::Task task)
{
    if (task != WorkspaceSession::Task::Previewing && task != WorkspaceSession::Task::Applying)
        return;
    m_statements->clear();
    m_findings->clear();
    m_findings->setVisible(false);
    setVerdict(QStringLiteral("preview"), task == WorkspaceSession::Task::Previewing
                                              ? tr("Running a dry run on a scratch copy…")
                                              : tr("Backing up, then applying…"));
}

void PreviewPanel::showResult(const migration::ApplyResult &result, bool dryRun)
{
    for (const plan::LintWarning &w : result.warnings)
        new QListWidgetItem(QIcon(QStringLiteral(":/icons/warning.svg")), w.message, m_findings);
    for (const diff::Change &c : result.remaining)
        new QListWidgetItem(QIcon(QStringLiteral(":/icons/changed.svg")),
                            tr("would remain: ") + diff::changeLine(c), m_findings);
    m_findings->setVisible(m_findings->count() > 0);
    const QString ran = diff::counted(result.applied.size(), tr("migration")) + u", " +
                        diff::counted(m_statements->rowCount(), tr("statement")) + u" in " +
                        QString::number(m_statements->totalElapsedUs() / 1000.0, 'f', 1) + u" ms" +
                        (dryRun ? tr(" on a scratch copy. ") : QStringLiteral(". "));
    if (result.applied.isEmpty())
        return setVerdict(QStringLiteral("identical"), tr("Nothing to apply: every migration is "
                                                          "applied already."));
    const bool converges = result.compared && result.remaining.isEmpty();
    const QString outcome =
        converges ? (dryRun ? tr("No differences would remain.") : tr("No differences remain."))
                  : diff::counted(result.remaining.size(), tr("difference")) +
                        (dryRun ? tr(" would remain.") : tr(" remain."));
    setVerdict(converges ? QStringLiteral("apply") : QStringLiteral("warning"), ran + outcome);
}

void PreviewPanel::showFailure(WorkspaceSession::Task task, const Error &error)
{
    if (task != WorkspaceSession::Task::Previewing && task != WorkspaceSession::Task::Applying)
        return;
    const QString what =
        task == WorkspaceSession::Task::Previewing ? tr("Preview failed: ") : tr("Apply failed: ");
    const QString safe =
        error.code == Error::Code::Cancelled ? QString() : tr(" The database was not changed.");
    setVerdict(QStringLiteral("cancel"), what + error.toString() + safe);
}

} // namespace burrow::ui
