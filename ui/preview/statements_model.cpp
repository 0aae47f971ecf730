#include "statements_model.h"

namespace burrow::ui {

void StatementsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_totalUs = 0;
    endResetModel();
}

void StatementsModel::add(const migration::ProgressEvent &event)
{
    if (event.kind != migration::ProgressEvent::Kind::StatementDone)
        return;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({event.version + u'_' + event.name, event.sql.simplified(),
                   event.outcome.rowsAffected, event.outcome.elapsedUs});
    m_totalUs += event.outcome.elapsedUs;
    endInsertRows();
}

int StatementsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatementsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatementsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    if (role == Qt::TextAlignmentRole && index.column() >= Rows)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Statement)
        return row.sql;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Migration:
        return row.migration;
    case Statement:
        return row.sql;
    case Rows:
        return row.rows >= 0 ? QVariant(row.rows) : QVariant(QStringLiteral("–"));
    case Time:
        return QString(QString::number(row.elapsedUs / 1000.0, 'f', 1) + u" ms");
    }
    return {};
}

QVariant StatementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Migration:
        return tr("Migration");
    case Statement:
        return tr("Statement");
    case Rows:
        return tr("Rows");
    case Time:
        return tr("Time");
    }
    return {};
}

} // namespace burrow::ui
