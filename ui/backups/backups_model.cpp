#include "backups_model.h"

#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>

namespace burrow::ui {

void BackupsModel::setBackups(const QList<backup::BackupListing> &backups)
{
    beginResetModel();
    m_rows = backups;
    endResetModel();
}

int BackupsModel::rowOf(const QString &path) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].path == path)
            return row;
    return -1;
}

int BackupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BackupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BackupsModel::versionsText(const backup::BackupListing &b)
{
    if (b.manifest && !b.manifest->versions.isEmpty())
        return tr("before %1").arg(b.manifest->versions.join(u", "));
    if (QFileInfo(b.path).fileName().startsWith(u"pre-restore-"))
        return tr("replaced by a restore");
    return tr("stand-alone");
}

QVariant BackupsModel::display(const backup::BackupListing &b, int column) const
{
    switch (column) {
    case Time:
        return QLocale().toString(b.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Versions:
        return versionsText(b);
    case Source:
        return b.manifest ? b.manifest->source : QString();
    case Size: {
        if (!b.manifest)
            return {};
        qint64 bytes = 0;
        for (const backup::BackupFile &f : b.manifest->files)
            bytes += f.bytes;
        return QLocale().formattedDataSize(bytes);
    }
    case State:
        // Sizes only: checksums are verified when the backup is restored.
        return !b.problem ? tr("complete") : b.manifest ? tr("damaged") : tr("no manifest");
    }
    return {};
}

QVariant BackupsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const backup::BackupListing &b = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(b, index.column());
    case Qt::DecorationRole:
        if (index.column() == State)
            return QIcon(b.problem ? QStringLiteral(":/icons/warning.svg")
                                   : QStringLiteral(":/icons/apply.svg"));
        return index.column() == Time ? QVariant(QIcon(QStringLiteral(":/icons/backup.svg")))
                                      : QVariant();
    case Qt::ToolTipRole:
        return QString(QDir::toNativeSeparators(b.path) +
                       (b.problem ? u"\n" + b.problem->toString() : QString()));
    case Qt::TextAlignmentRole:
        return index.column() == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case PathRole:
        return b.path;
    }
    return {};
}

QVariant BackupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Taken");
    case Versions:
        return tr("Migrations");
    case Source:
        return tr("Database");
    case Size:
        return tr("Size");
    case State:
        return tr("State");
    }
    return {};
}

} // namespace burrow::ui
