// DifferencesModel's check boxes: what goes into the migration, which renames are accepted.
#include "differences_model.h"
#include "plan/renames.h"

namespace burrow::ui {

using diff::Change;
using diff::ChangeType;

Qt::CheckState DifferencesModel::groupState(const Group &g) const
{
    if (g.checked == 0)
        return Qt::Unchecked;
    return g.checked == g.checkable ? Qt::Checked : Qt::PartiallyChecked;
}

bool DifferencesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != ObjectColumn ||
        !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    const auto state = static_cast<Qt::CheckState>(value.toInt());
    if (state == Qt::PartiallyChecked)
        return false; // a table's partial state follows from its changes only
    if (isTableRow(index))
        setGroupChecked(index.row(), state == Qt::Checked);
    else if (!setEntryChecked(m_groups[index.internalId() - 1].first + index.row(),
                              state == Qt::Checked))
        return true;
    Q_EMIT checkedChangesChanged();
    return true;
}

bool DifferencesModel::setEntryChecked(int entry, bool checked)
{
    Entry &e = m_entries[entry];
    if (e.checked == checked)
        return false;
    e.checked = checked;
    Group &g = m_groups[e.group];
    const QModelIndex groupIndex = index(e.group, ObjectColumn);
    const QModelIndex entryIndex = index(entry - g.first, ObjectColumn, groupIndex);
    Q_EMIT dataChanged(entryIndex, entryIndex, {Qt::CheckStateRole});
    if (e.change.type != ChangeType::RenameSuggested) {
        g.checked += checked ? 1 : -1;
        Q_EMIT dataChanged(groupIndex, groupIndex, {Qt::CheckStateRole});
    }
    return true;
}

void DifferencesModel::setGroupChecked(int group, bool checked)
{
    Group &g = m_groups[group];
    for (int i = g.first; i < g.first + g.count; ++i) {
        Entry &e = m_entries[i];
        if (e.checkable && e.change.type != ChangeType::RenameSuggested)
            e.checked = checked;
    }
    g.checked = checked ? g.checkable : 0;
    const QModelIndex groupIndex = index(group, ObjectColumn);
    Q_EMIT dataChanged(groupIndex, groupIndex, {Qt::CheckStateRole});
    if (g.count > 0)
        Q_EMIT dataChanged(index(0, ObjectColumn, groupIndex),
                           index(g.count - 1, ObjectColumn, groupIndex), {Qt::CheckStateRole});
}

bool DifferencesModel::setRenameAccepted(const QModelIndex &index, bool accepted)
{
    const Entry *e = entryOf(index);
    if (!e || !e->checkable || e->change.type != ChangeType::RenameSuggested)
        return false;
    if (setEntryChecked(int(e - m_entries.data()), accepted))
        Q_EMIT checkedChangesChanged();
    return true;
}

QList<Change> DifferencesModel::uncheckedChanges() const
{
    QList<Change> out;
    for (const Entry &e : m_entries) {
        if (!e.checked && e.change.type != ChangeType::RenameSuggested)
            out.append(e.change);
    }
    return out;
}

QList<plan::Rename> DifferencesModel::acceptedRenames() const
{
    QList<Change> accepted;
    for (const Entry &e : m_entries) {
        if (e.checked && e.checkable && e.change.type == ChangeType::RenameSuggested)
            accepted.append(e.change);
    }
    return plan::suggestedRenames(accepted);
}

} // namespace burrow::ui
