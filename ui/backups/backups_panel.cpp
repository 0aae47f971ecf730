#include "backups_panel.h"

#include "backups_model.h"
#include "diff/report.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace burrow::ui {
namespace {

enum FileColumn { FileName, FileSize, FileSha256 };

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

QString milliseconds(qint64 ms)
{
    return QLocale().toString(ms) + u" ms";
}

} // namespace

BackupsPanel::BackupsPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new BackupsModel(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_details(new QLabel(this))
    , m_files(new QTreeWidget(this))
    , m_restore(new QAction(QIcon(QStringLiteral(":/icons/restore.svg")), tr("Restore…"), this))
    , m_openFolder(new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open folder"), this))
{
    m_restore->setToolTip(tr("Replace the database with this backup (the current database is "
                             "backed up first)"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setColumnWidth(BackupsModel::Time, 165);
    m_view->setColumnWidth(BackupsModel::Versions, 170);
    m_view->setColumnWidth(BackupsModel::Source, 200);
    m_view->setColumnWidth(BackupsModel::Size, 80);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_files->setHeaderLabels({tr("File"), tr("Size"), tr("SHA-256")});
    m_files->setRootIsDecorated(false);
    m_files->setUniformRowHeights(true);
    m_files->setColumnWidth(FileName, 170);
    m_files->setColumnWidth(FileSize, 70);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(buttonFor(m_restore, this));
    buttons->addWidget(buttonFor(m_openFolder, this));
    auto *detailsPane = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_details);
    detailsLayout->addWidget(m_files, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_restore, &QAction::triggered, this, &BackupsPanel::restore);
    connect(m_openFolder, &QAction::triggered, this, &BackupsPanel::openFolder);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu;
        menu.addActions({m_restore, m_openFolder});
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BackupsPanel::showDetails);
    connect(session, &WorkspaceSession::backupsListed, this, &BackupsPanel::showBackups);
    connect(session, &WorkspaceSession::taskChanged, this, &BackupsPanel::updateActions);
    connect(session, &WorkspaceSession::restored, this, &BackupsPanel::onRestored);
    showDetails();
}

QString BackupsPanel::details() const
{
    return m_details->text();
}

QString BackupsPanel::summary() const
{
    return m_summary->text();
}

void BackupsPanel::showBackups(const QList<backup::BackupListing> &backups)
{
    const int row = currentRow();
    const QString selected = row >= 0 ? m_model->backup(row).path : QString();
    m_model->setBackups(backups);
    m_summary->setText(tr("%1 in %2")
                           .arg(diff::counted(backups.size(), tr("backup")),
                                QDir::toNativeSeparators(
                                    backup::backupsFolderOf(m_session->workspace().migrations))));
    if (selected.isEmpty() || !select(selected)) {
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0)); // the newest
    }
    showDetails();
}

bool BackupsPanel::select(const QString &path)
{
    const int row = m_model->rowOf(path);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    return true;
}

int BackupsPanel::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void BackupsPanel::showDetails()
{
    m_files->clear();
    const int row = currentRow();
    if (row < 0) {
        m_details->setText(m_model->rowCount() == 0
                               ? tr("No backups yet: every apply writes one before it changes "
                                    "the database.")
                               : QString());
        return updateActions();
    }
    const backup::BackupListing &b = m_model->backup(row);
    QStringList lines{u"<b>" + QFileInfo(b.path).fileName().toHtmlEscaped() + u"</b>"};
    if (b.manifest) {
        const backup::Manifest &m = *b.manifest;
        lines << tr("%1 of %2, written and verified in %3")
                     .arg(BackupsModel::versionsText(b).toHtmlEscaped(), m.source.toHtmlEscaped(),
                          milliseconds(m.backupMs));
        if (m.applyMs >= 0)
            lines << tr("the apply after it took %1").arg(milliseconds(m.applyMs));
        for (const backup::BackupFile &f : m.files) {
            auto *item = new QTreeWidgetItem(
                m_files, {f.name, QLocale().formattedDataSize(f.bytes), f.sha256});
            item->setTextAlignment(FileSize, Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(FileSha256, f.sha256);
        }
    }
    if (b.problem)
        lines << u"<span style=\"color:#c0392b\">" + b.problem->toString().toHtmlEscaped() +
                     u"</span>";
    m_details->setText(lines.join(u"<br>"));
    updateActions();
}

void BackupsPanel::updateActions()
{
    const int row = currentRow();
    const bool idle = m_session->isOpen() && !m_session->isBusy();
    m_restore->setEnabled(idle && row >= 0 && !m_model->backup(row).problem);
    m_openFolder->setEnabled(row >= 0);
}

QString BackupsPanel::confirmationText(int row) const
{
    const backup::BackupListing &b = m_model->backup(row);
    const QString backups = QDir::toNativeSeparators(QFileInfo(b.path).absolutePath());
    return tr("Restore %1 from the backup taken %2 (%3)?\n\n"
              "1. The current database is backed up first, into a new pre-restore folder "
              "in %4.\n"
              "2. Then it is replaced by the backup's copy.\n\n"
              "Changes made since the backup disappear from the database (they stay in the "
              "safety copy); migrations applied since then become pending again.")
        .arg(m_session->workspace().database,
             QLocale().toString(b.createdAt.toLocalTime(), QLocale::ShortFormat),
             BackupsModel::versionsText(b), backups);
}

void BackupsPanel::restore()
{
    const int row = currentRow();
    if (row < 0 || !m_restore->isEnabled())
        return;
    if (m_confirm && !m_confirm(tr("Restore backup"), confirmationText(row)))
        return;
    m_session->restore(m_model->backup(row).path);
}

void BackupsPanel::openFolder()
{
    const int row = currentRow();
    if (row >= 0)
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_model->backup(row).path));
}

void BackupsPanel::onRestored(const backup::Restored &restored)
{
    QString html = tr("Restored the database from %1.")
                       .arg(QDir::toNativeSeparators(restored.backupFile).toHtmlEscaped());
    if (!restored.safetyFolder.isEmpty())
        html += u' ' + tr("The replaced database is saved in <a href=\"%1\">%2</a>.")
                           .arg(QUrl::fromLocalFile(restored.safetyFolder).toString(),
                                QDir::toNativeSeparators(restored.safetyFolder).toHtmlEscaped());
    Q_EMIT notice(html, true);
}

} // namespace burrow::ui
