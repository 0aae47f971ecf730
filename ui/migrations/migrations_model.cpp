#include "migrations_model.h"

#include "diff/report.h"

#include <QDir>
#include <QIcon>
#include <QLocale>

namespace burrow::ui {
namespace {

using migration::MigrationState;

bool isBaseline(const migration::MigrationStatus &s)
{
    return s.applied && s.applied->status == u"baseline";
}

QString iconName(const migration::MigrationStatus &s)
{
    switch (s.state) {
    case MigrationState::Applied:
        return isBaseline(s) ? QStringLiteral("identical") : QStringLiteral("apply");
    case MigrationState::Pending:
        return QStringLiteral("new");
    case MigrationState::Modified:
        return QStringLiteral("warning");
    case MigrationState::Missing:
        return QStringLiteral("removed");
    case MigrationState::Failed:
        return QStringLiteral("warning");
    }
    return {};
}

} // namespace

void MigrationsModel::setStatus(const QList<migration::MigrationStatus> &status)
{
    beginResetModel();
    m_rows = status;
    endResetModel();
}

int MigrationsModel::rowOf(const QString &version) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].version == version)
            return row;
    return -1;
}

int MigrationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MigrationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MigrationsModel::stateText(const migration::MigrationStatus &s)
{
    switch (s.state) {
    case MigrationState::Applied:
        if (s.applied && s.applied->status == u"resolved")
            return tr("finished by hand");
        return isBaseline(s) ? tr("baseline") : tr("applied");
    case MigrationState::Pending:
        return tr("pending");
    case MigrationState::Modified:
        return tr("modified since applied");
    case MigrationState::Missing:
        return tr("applied, file missing");
    case MigrationState::Failed:
        return tr("stopped part-way (%1 ran)")
            .arg(diff::counted(s.applied->statementsRan(), QStringLiteral("statement")));
    }
    return {};
}

QVariant MigrationsModel::display(const migration::MigrationStatus &s, int column) const
{
    const migration::AppliedMigration *row = s.applied ? &*s.applied : nullptr;
    switch (column) {
    case Version:
        return s.version;
    case Name:
        return s.name;
    case State:
        return stateText(s);
    case AppliedAt:
        return row ? QVariant(
                         QLocale().toString(row->startedAt.toLocalTime(), QLocale::ShortFormat))
                   : QVariant();
    case Duration:
        if (!row)
            return {};
        if (isBaseline(s))
            return tr("not run");
        return row->finishedAt.isValid() ? QVariant(tr("%1 ms").arg(row->durationMs))
                                         : QVariant(tr("unfinished"));
    case AppliedBy:
        return row ? QVariant(row->appliedBy) : QVariant();
    }
    return {};
}

QString MigrationsModel::toolTip(const migration::MigrationStatus &s) const
{
    QStringList lines;
    if (s.entry)
        lines << QDir::toNativeSeparators(s.entry->path)
              << tr("Checksum: %1").arg(s.entry->checksum);
    else
        lines << tr("The file of this recorded migration is gone.");
    if (s.state == MigrationState::Modified)
        lines << tr("Recorded checksum: %1 — the file was edited after it was applied.")
                     .arg(s.applied->checksum);
    if (s.state == MigrationState::Missing)
        lines << tr("Recorded checksum: %1").arg(s.applied->checksum);
    return lines.join(u'\n');
}

QVariant MigrationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const migration::MigrationStatus &s = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(s, index.column());
    case Qt::DecorationRole:
        return index.column() == State ? QVariant(QIcon(u":/icons/" + iconName(s) + u".svg"))
                                       : QVariant();
    case Qt::ToolTipRole:
        return toolTip(s);
    case Qt::TextAlignmentRole:
        return index.column() == Duration ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant();
    case StateRole:
        return int(s.state);
    case NumberRole:
        return s.entry ? QVariant(s.entry->number) : QVariant(s.version.toULongLong());
    case PathRole:
        return s.entry ? s.entry->path : QString();
    }
    return {};
}

QVariant MigrationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Version:
        return tr("Version");
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case AppliedAt:
        return tr("Applied at");
    case Duration:
        return tr("Duration");
    case AppliedBy:
        return tr("Applied by");
    }
    return {};
}

} // namespace burrow::ui
