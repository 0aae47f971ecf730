// DifferencesModel's item-model side: tree structure, data for the view, check boxes.
#include "change_presentation_p.h"
#include "differences_model.h"
#include "plan/renames.h"
#include "schema/schema.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace burrow::ui {

using namespace Qt::Literals::StringLiterals;
using diff::Change;
using diff::ChangeType;

namespace {
constexpr quintptr TopLevel = 0; // a child's internal id is its group's row + 1
}

QModelIndex DifferencesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_groups.size()) ? createIndex(row, column, TopLevel) : QModelIndex();
    const Group *g = groupOf(parent);
    if (!g || parent.column() != 0 || row >= g->count)
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex DifferencesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, TopLevel);
}

int DifferencesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    const Group *g = groupOf(parent);
    return g && parent.column() == 0 ? g->count : 0;
}

int DifferencesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool DifferencesModel::isTableRow(const QModelIndex &index) const
{
    return groupOf(index) != nullptr;
}

const DifferencesModel::Group *DifferencesModel::groupOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() != TopLevel)
        return nullptr;
    return &m_groups[index.row()];
}

const DifferencesModel::Entry *DifferencesModel::entryOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == TopLevel)
        return nullptr;
    return &m_entries[m_groups[index.internalId() - 1].first + index.row()];
}

bool DifferencesModel::matches(int row, const QModelIndex &parent, const QString &needle) const
{
    const auto has = [&](const QString &s) {
        return schema::dottedName(s).contains(needle, Qt::CaseInsensitive);
    };
    if (!parent.isValid())
        return has(m_groups[row].table);
    const Change &c = m_entries[m_groups[parent.row()].first + row].change;
    return has(c.table) || has(c.name) || has(c.newName) || has(c.detail);
}

Qt::ItemFlags DifferencesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (const Group *g = groupOf(index)) {
        if (index.column() == ObjectColumn && g->checkable > 0)
            flags |= Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate;
    } else if (const Entry *e = entryOf(index)) {
        flags |= Qt::ItemNeverHasChildren;
        if (index.column() == ObjectColumn && e->checkable)
            flags |= Qt::ItemIsUserCheckable;
    }
    return index.isValid() ? flags : Qt::NoItemFlags;
}

QVariant DifferencesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList titles{u"Object"_s, u"Change"_s, u"Detail"_s, u"Rows"_s};
    return titles.value(section);
}

QVariant DifferencesModel::data(const QModelIndex &index, int role) const
{
    if (const Group *g = groupOf(index))
        return groupData(*g, index.column(), role);
    if (const Entry *e = entryOf(index))
        return entryData(*e, index.column(), role);
    return {};
}

QVariant DifferencesModel::groupData(const Group &g, int column, int role) const
{
    const DifferenceIcons &icons = DifferenceIcons::get();
    const Entry *own = g.own >= 0 ? &m_entries[g.own] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return groupText(g, column);
    case Qt::ToolTipRole:
        return column == DetailColumn && own ? own->change.detail : groupText(g, column);
    case Qt::DecorationRole:
        if (column == ObjectColumn)
            return icons.forObject(g.kind);
        if (column == ChangeColumn)
            return g.identical ? icons.identical
                               : icons.forType(own ? own->change.type : ChangeType::Changed);
        if (column == RowsColumn && own && (own->destructive || own->rows >= 0))
            return icons.warning;
        return {};
    case Qt::CheckStateRole:
        return column == ObjectColumn && g.checkable > 0 ? QVariant(groupState(g)) : QVariant();
    case Qt::FontRole:
        return g.identical ? QVariant() : QVariant(m_bold);
    case Qt::ForegroundRole:
        return g.identical ? QVariant(QGuiApplication::palette().color(QPalette::PlaceholderText))
                           : QVariant();
    case TableRole:
        return g.table;
    case ChangeRole:
        return own ? QVariant::fromValue(own->change) : QVariant();
    case DestructiveRole:
        return own && own->destructive;
    }
    return {};
}

QVariant DifferencesModel::groupText(const Group &g, int column) const
{
    const Entry *own = g.own >= 0 ? &m_entries[g.own] : nullptr;
    switch (column) {
    case ObjectColumn:
        return schema::dottedName(g.table); // another schema's: `core.users`
    case ChangeColumn:
        return g.identical ? u"identical"_s
                           : changeTypeText(own ? own->change.type : ChangeType::Changed);
    case DetailColumn:
        return g.identical    ? QString()
               : g.count == 1 ? u"1 difference"_s
                              : u"%1 differences"_s.arg(g.count);
    case RowsColumn:
        return own && own->rows >= 0 ? QLocale().toString(own->rows) : QString();
    }
    return {};
}

QVariant DifferencesModel::entryData(const Entry &e, int column, int role) const
{
    const DifferenceIcons &icons = DifferenceIcons::get();
    switch (role) {
    case Qt::DisplayRole:
        return entryText(e, column);
    case Qt::ToolTipRole:
        if (column == ChangeColumn)
            return changeTypeExplanation(e.change);
        if (column == RowsColumn)
            return e.warning.isEmpty() && e.destructive
                       ? u"Loses data: left out of the migration unless ticked."_s
                       : e.warning;
        if (column == ObjectColumn)
            return QString(diff::objectNoun(e.change.object) + u' ' + objectText(e.change));
        return e.change.detail;
    case Qt::DecorationRole:
        if (column == ObjectColumn)
            return icons.forObject(e.change.object);
        if (column == ChangeColumn)
            return icons.forType(e.change.type);
        if (column == RowsColumn && (e.destructive || e.rows >= 0))
            return icons.warning;
        return {};
    case Qt::CheckStateRole:
        if (column != ObjectColumn || !e.checkable)
            return {};
        return e.checked ? Qt::Checked : Qt::Unchecked;
    case TableRole:
        return e.change.table;
    case ChangeRole:
        return QVariant::fromValue(e.change);
    case DestructiveRole:
        return e.destructive;
    }
    return {};
}

QVariant DifferencesModel::entryText(const Entry &e, int column) const
{
    switch (column) {
    case ObjectColumn:
        return objectText(e.change);
    case ChangeColumn:
        return changeTypeText(e.change);
    case DetailColumn:
        return e.change.detail.simplified(); // one line: rows have a uniform height
    case RowsColumn:
        return e.rows >= 0 ? QLocale().toString(e.rows) : QString();
    }
    return {};
}

} // namespace burrow::ui
