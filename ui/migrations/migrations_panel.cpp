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
    // A tool button ignores whether its action is visible: the panel's hidden ones stay hidden.
    QObject::connect(action, &QAction::changed, button,
                     [button, action] { button->setVisible(action->isVisible()); });
    button->setVisible(action->isVisible());
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
    , m_continue(new QAction(QIcon(QStringLiteral(":/icons/continue.svg")), tr("Continue…"), this))
    , m_finishedByHand(
          new QAction(QIcon(QStringLiteral(":/icons/apply.svg")), tr("Finished by hand…"), this))
    , m_undoneByHand(
          new QAction(QIcon(QStringLiteral(":/icons/new.svg")), tr("Undone, run again…"), this))
{
    m_continue->setToolTip(tr("Once what stopped this migration is fixed: back up, run the "
                              "statements after those that ran, then the pending migrations"));
    m_finishedByHand->setToolTip(tr("You completed this migration by hand: record it as applied"));
    m_undoneByHand->setToolTip(tr("You undid what this migration ran: make it pending, so that "
                                  "the next apply runs it from the start"));
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
    m_view->setColumnWidth(MigrationsModel::State, 240); // "stopped part-way (2 statements ran)"
    m_view->setColumnWidth(MigrationsModel::AppliedAt, 175);
    m_view->setColumnWidth(MigrationsModel::Duration, 80);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    for (QAction *action :
         {m_continue, m_finishedByHand, m_undoneByHand, m_applyUpTo, m_baseline, m_openFile})
        buttons->addWidget(buttonFor(action, this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_applyUpTo, &QAction::triggered, this, &MigrationsPanel::applyUpTo);
    connect(m_baseline, &QAction::triggered, this, &MigrationsPanel::baseline);
    connect(m_openFile, &QAction::triggered, this, &MigrationsPanel::openFile);
    connect(m_continue, &QAction::triggered, this, &MigrationsPanel::continueStopped);
    connect(m_finishedByHand, &QAction::triggered, this,
            [this] { resolve(migration::Resolution::Applied); });
    connect(m_undoneByHand, &QAction::triggered, this,
            [this] { resolve(migration::Resolution::Pending); });
    connect(m_view, &QTreeView::doubleClicked, this, &MigrationsPanel::openFile);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu;
        for (QAction *action : {m_continue, m_finishedByHand, m_undoneByHand}) {
            if (action->isVisible())
                menu.addAction(action);
        }
        menu.addActions({m_applyUpTo, m_baseline, m_openFile});
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MigrationsPanel::updateActions);
    connect(session, &WorkspaceSession::statusRead, this, &MigrationsPanel::showStatus);
    connect(session, &WorkspaceSession::taskChanged, this, &MigrationsPanel::updateActions);
    connect(session, &WorkspaceSession::baselined, this, &MigrationsPanel::onBaselined);
    connect(session, &WorkspaceSession::resolved, this, &MigrationsPanel::onResolved);
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
    pointAtStopped(status);
}

void MigrationsPanel::pointAtStopped(const QList<migration::MigrationStatus> &status)
{
    const auto stopped = std::find_if(status.cbegin(), status.cend(), [](const auto &s) {
        return s.state == MigrationState::Failed;
    });
    const QString version = stopped == status.cend() ? QString() : stopped->version;
    if (!version.isEmpty() && version != m_stoppedFound) {
        select(version);
        Q_EMIT stoppedMigrationFound(version);
    }
    m_stoppedFound = version;
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
    // Shown only where there is something to settle: a migration that stopped part-way.
    const bool stopped = row >= 0 && m_model->status(row).state == MigrationState::Failed &&
                         m_model->status(row).entry.has_value();
    for (QAction *action : {m_continue, m_finishedByHand, m_undoneByHand}) {
        action->setVisible(stopped);
        action->setEnabled(idle && stopped);
    }
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

void MigrationsPanel::continueStopped()
{
    const int row = currentRow();
    if (row < 0 || !m_continue->isEnabled())
        return;
    const migration::MigrationStatus &s = m_model->status(row);
    const int ran = s.applied->statementsRan();
    const qsizetype total = s.entry->file.up.statements.size();
    const QString next =
        ran < total ? s.entry->file.up.statements[ran].text.simplified().left(200) : QString();
    const QString text =
        tr("Continue %1 at statement %2 of %3?\n\n%4 ran before it stopped. Go on only once "
           "what stopped it is fixed (the file may change after those). It goes on with:\n\n"
           "  %5\n\nA verified backup goes to %6 first; the pending migrations after it run "
           "too.")
            .arg(s.version + u'_' + s.name)
            .arg(ran + 1)
            .arg(total)
            .arg(diff::counted(ran, tr("statement")), next,
                 QDir::toNativeSeparators(m_session->workspace().migrations + u"/backups/"));
    const QString interrupted =
        s.applied->status == u"running"
            ? tr("\n\nIts apply ended without recording how (it was killed?): check that "
                 "statement %1 did not run already, or it runs a second time.")
                  .arg(ran + 1)
            : QString();
    if (m_confirm && !m_confirm(tr("Continue %1").arg(s.version), text + interrupted))
        return;
    m_session->continueStopped();
}

void MigrationsPanel::resolve(migration::Resolution how)
{
    const int row = currentRow();
    const bool applied = how == migration::Resolution::Applied;
    if (row < 0 || !(applied ? m_finishedByHand : m_undoneByHand)->isEnabled())
        return;
    const migration::MigrationStatus &s = m_model->status(row);
    const QString name = s.version + u'_' + s.name;
    const QString ran = diff::counted(s.applied->statementsRan(), tr("statement"));
    const QString text =
        applied ? tr("Record %1 as applied?\n\nIt stopped part-way (%2 ran). Do this only when "
                     "you have run the rest of it by hand: the next apply then goes on with the "
                     "migrations after it. Restoring the backup taken before that apply is the "
                     "other way back.")
                      .arg(name, ran)
                : tr("Make %1 pending again?\n\nIt stopped part-way (%2 ran). Do this only when "
                     "you have undone what it ran by hand: the next apply runs it again from "
                     "its first statement.")
                      .arg(name, ran);
    if (m_confirm && !m_confirm(applied ? tr("Finished by hand") : tr("Undone, run again"), text))
        return;
    m_session->resolve(*s.entry, how);
}

void MigrationsPanel::onResolved(const QString &version, migration::Resolution how)
{
    Q_EMIT notice(
        how == migration::Resolution::Applied
            ? tr("Recorded %1 as applied, finished by hand.").arg(version)
            : tr("%1 is pending again: the next apply runs it from the start.").arg(version),
        true);
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
