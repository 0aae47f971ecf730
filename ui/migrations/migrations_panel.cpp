#include "migrations_panel.h"

#include "diff/report.h"
#include "migrations_model.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace burrow::ui {
namespace {

using migration::MigrationState;

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

} // namespace

MigrationsPanel::MigrationsPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new MigrationsModel(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_applyUpTo(
          new QAction(QIcon(QStringLiteral(":/icons/apply.svg")), tr("Apply up to here…"), this))
    , m_baseline(new QAction(QIcon(QStringLiteral(":/icons/identical.svg")),
                             tr("Record as applied (baseline)…"), this))
    , m_openFile(new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open file"), this))
{
    m_applyUpTo->setToolTip(tr("Back up, then apply the pending migrations up to this one"));
    m_baseline->setToolTip(tr("Record the pending migrations up to this one as applied, without "
                              "running them (the database has their changes already)"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(MigrationsModel::Version, 70);
    m_view->setColumnWidth(MigrationsModel::Name, 200);
    m_view->setColumnWidth(MigrationsModel::State, 165);
    m_view->setColumnWidth(MigrationsModel::AppliedAt, 175);
    m_view->setColumnWidth(MigrationsModel::Duration, 80);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    for (QAction *action : {m_applyUpTo, m_baseline, m_openFile})
        buttons->addWidget(buttonFor(action, this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_applyUpTo, &QAction::triggered, this, &MigrationsPanel::applyUpTo);
    connect(m_baseline, &QAction::triggered, this, &MigrationsPanel::baseline);
    connect(m_openFile, &QAction::triggered, this, &MigrationsPanel::openFile);
    connect(m_view, &QTreeView::doubleClicked, this, &MigrationsPanel::openFile);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu;
        menu.addActions({m_applyUpTo, m_baseline, m_openFile});
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MigrationsPanel::updateActions);
    connect(session, &WorkspaceSession::statusRead, this, &MigrationsPanel::showStatus);
    connect(session, &WorkspaceSession::taskChanged, this, &MigrationsPanel::updateActions);
    connect(session, &WorkspaceSession::baselined, this, &MigrationsPanel::onBaselined);
    showStatus({});
}

void MigrationsPanel::showStatus(const QList<migration::MigrationStatus> &status)
{
    const int row = currentRow();
    const QString selected = row >= 0 ? m_model->status(row).version : QString();
    m_model->setStatus(status);
    if (!selected.isEmpty())
        select(selected);
    QMap<QString, int> counts;
    for (const migration::MigrationStatus &s : status)
        ++counts[MigrationsModel::stateText(s)];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QString::number(it.value()) + u' ' + it.key());
    m_summary->setText(status.isEmpty() ? tr("No migrations yet.")
                                        : diff::counted(status.size(), tr("migration")) + u": " +
                                              parts.join(u", "));
    updateActions();
}

bool MigrationsPanel::select(const QString &version)
{
    const int row = m_model->rowOf(version);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    return true;
}

int MigrationsPanel::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void MigrationsPanel::updateActions()
{
    const int row = currentRow();
    const bool pending = row >= 0 && m_model->status(row).state == MigrationState::Pending;
    const bool idle = m_session->isOpen() && !m_session->isBusy();
    m_applyUpTo->setEnabled(idle && pending);
    m_baseline->setEnabled(idle && pending);
    m_openFile->setEnabled(row >= 0 && m_model->status(row).entry.has_value());
}

QStringList MigrationsPanel::pendingUpToCurrent() const
{
    QStringList names;
    const int current = currentRow();
    for (int row = 0; row <= current; ++row) {
        const migration::MigrationStatus &s = m_model->status(row);
        if (s.state == MigrationState::Pending)
            names.append(s.version + u'_' + s.name);
    }
    return names;
}

void MigrationsPanel::applyUpTo()
{
    const int row = currentRow();
    if (row < 0 || !m_applyUpTo->isEnabled())
        return;
    const workspace::Workspace &w = m_session->workspace();
    const QString text =
        tr("Apply these migrations to %1?\n\n%2\n\nA verified backup goes to %3 first; "
           "later migrations stay pending.")
            .arg(w.database, u"  • " + pendingUpToCurrent().join(u"\n  • "),
                 QDir::toNativeSeparators(w.migrations + u"/backups/"));
    if (m_confirm && !m_confirm(tr("Apply up to %1").arg(m_model->status(row).version), text))
        return;
    m_session->apply(m_model->status(row).entry->number);
}

void MigrationsPanel::baseline()
{
    const int row = currentRow();
    if (row < 0 || !m_baseline->isEnabled())
        return;
    const QString text =
        tr("Record these migrations as applied without running them?\n\n%1\n\nDo this only when "
           "the database has their changes already (it was migrated by hand or by another tool). "
           "Nothing in the database changes but its history table.")
            .arg(u"  • " + pendingUpToCurrent().join(u"\n  • "));
    if (m_confirm && !m_confirm(tr("Record as applied (baseline)"), text))
        return;
    m_session->baseline(m_model->status(row).entry->number);
}

void MigrationsPanel::openFile()
{
    const int row = currentRow();
    if (row >= 0 && m_model->status(row).entry)
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_model->status(row).entry->path));
}

void MigrationsPanel::onBaselined(const QList<migration::MigrationEntry> &recorded)
{
    Q_EMIT notice(recorded.isEmpty()
                      ? tr("Nothing to record: those migrations are recorded already.")
                      : tr("Recorded %1 as applied without running them.")
                            .arg(diff::counted(recorded.size(), tr("migration"))),
                  true);
}

} // namespace burrow::ui
