#include "differences_filter.h"

#include "differences_model.h"

namespace burrow::ui {

DifferencesFilter::DifferencesFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void DifferencesFilter::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<DifferencesModel *>(model);
    Q_ASSERT(m_model || !model);
    QSortFilterProxyModel::setSourceModel(model);
}

void DifferencesFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool DifferencesFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return m_text.isEmpty() || !m_model || m_model->matches(sourceRow, sourceParent, m_text);
}

} // namespace burrow::ui
