#include "differences_model.h"

#include "change_presentation_p.h"
#include "plan/renames.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace burrow::ui {

using diff::Change;
using diff::ChangeType;
using diff::ObjectKind;

namespace {

bool startsDestructive(const Change &c)
{
    return c.type == ChangeType::Removed &&
           (c.object == ObjectKind::Table || c.object == ObjectKind::Column ||
            c.object == ObjectKind::Function);
}

bool isOwnChange(const Change &c)
{
    return c.object == ObjectKind::Table || diff::isSchemaLevel(c.object);
}

// Tables first, then views, then the other objects of the schema (types, functions…).
int groupRank(ObjectKind kind)
{
    return kind == ObjectKind::Table ? 0 : kind == ObjectKind::View ? 1 : 2;
}

QString warningKey(const Change &c)
{
    return c.table + u'\x1f' + c.name + u'\x1f' + QString::number(int(c.object)) + u'\x1f' +
           QString::number(int(c.type));
}

} // namespace

DifferencesModel::DifferencesModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_bold.setBold(true);
}

void DifferencesModel::setChanges(const QList<Change> &changes,
                                  const QList<plan::LintWarning> &warnings)
{
    beginResetModel();
    m_entries.clear();
    m_entries.reserve(changes.size());
    for (const Change &c : changes) {
        const bool rename = c.type == ChangeType::RenameSuggested;
        Entry e{c};
        e.destructive = startsDestructive(c);
        e.checked = !rename && !e.destructive;
        e.checkable = !rename || diff::isRenameable(c.object);
        m_entries.push_back(std::move(e));
    }
    attachWarnings(warnings);
    countChanges();
    rebuildGroups();
    endResetModel();
    Q_EMIT checkedChangesChanged();
}

void DifferencesModel::attachWarnings(const QList<plan::LintWarning> &warnings)
{
    if (warnings.isEmpty())
        return;
    QMultiHash<QString, int> byKey;
    for (int i = 0; i < int(m_entries.size()); ++i)
        byKey.insert(warningKey(m_entries[i].change), i);
    for (const plan::LintWarning &w : warnings) {
        for (int i : byKey.values(warningKey(w.change))) {
            Entry &e = m_entries[i];
            if (e.change != w.change)
                continue;
            if (!e.warning.isEmpty())
                e.warning += u'\n';
            e.warning += w.message;
            e.rows = std::max(e.rows, w.rows);
            // Unchecked: a step Burrow cannot write is left out unless the user writes it.
            if (w.severity != plan::LintWarning::Severity::DataDependent) {
                e.destructive = true;
                e.checked = false;
            }
        }
    }
}

void DifferencesModel::countChanges()
{
    m_counts = {};
    for (const Entry &e : m_entries) {
        switch (e.change.type) {
        case ChangeType::Added:
            ++m_counts.added;
            break;
        case ChangeType::Removed:
            ++m_counts.removed;
            break;
        case ChangeType::Changed:
            ++m_counts.changed;
            break;
        case ChangeType::RenameSuggested:
            ++m_counts.renames;
            break;
        }
    }
}

void DifferencesModel::setSchemas(const schema::Schema &live, const schema::Schema &model)
{
    beginResetModel();
    m_identicalTables.clear();
    m_identicalViews.clear();
    m_views.clear();
    for (const schema::View &v : model.views)
        m_views.insert(v.name);
    for (const schema::Table &t : model.tables) {
        if (schema::findTable(live, t.name, Qt::CaseInsensitive))
            m_identicalTables.append(t.name);
    }
    for (const schema::View &v : model.views) {
        const bool inLive = std::any_of(live.views.cbegin(), live.views.cend(), [&](auto &l) {
            return l.name.compare(v.name, Qt::CaseInsensitive) == 0;
        });
        if (inLive)
            m_identicalViews.append(v.name);
    }
    rebuildGroups();
    endResetModel();
}

void DifferencesModel::setShowIdentical(bool show)
{
    if (show == m_showIdentical)
        return;
    beginResetModel();
    m_showIdentical = show;
    rebuildGroups();
    endResetModel();
}

void DifferencesModel::rebuildGroups()
{
    orderGroups(collectGroups());
    indexEntries();
}

// One group per table of the entries (e.group set to it), then the identical tables if shown.
std::vector<DifferencesModel::Group> DifferencesModel::collectGroups()
{
    QHash<QString, int> byTable;
    std::vector<Group> groups;
    for (Entry &e : m_entries) {
        auto it = byTable.constFind(e.change.table);
        if (it == byTable.cend()) {
            it = byTable.insert(e.change.table, int(groups.size()));
            groups.push_back(Group{e.change.table, m_views.contains(e.change.table)
                                                       ? ObjectKind::View
                                                       : ObjectKind::Table});
        }
        e.group = *it;
        if (diff::isSchemaLevel(e.change.object))
            groups[*it].kind = e.change.object;
    }
    if (m_showIdentical) {
        for (const QStringList *names : {&m_identicalTables, &m_identicalViews}) {
            for (const QString &name : *names) {
                if (!byTable.contains(name))
                    groups.push_back(Group{
                        name, names == &m_identicalViews ? ObjectKind::View : ObjectKind::Table,
                        true});
            }
        }
    }
    return groups;
}

// Tables, views, then other objects, each by name; a group's entries by kind, then as the differ
// said.
void DifferencesModel::orderGroups(std::vector<Group> groups)
{
    std::vector<int> order(groups.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Group &ga = groups[a], &gb = groups[b];
        if (groupRank(ga.kind) != groupRank(gb.kind))
            return groupRank(ga.kind) < groupRank(gb.kind);
        const int byName = ga.table.compare(gb.table, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : ga.table < gb.table;
    });
    std::vector<int> rank(groups.size());
    for (int i = 0; i < int(order.size()); ++i)
        rank[order[i]] = i;
    for (Entry &e : m_entries)
        e.group = rank[e.group];
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        if (a.group != b.group)
            return a.group < b.group;
        return kindRank(a.change.object) < kindRank(b.change.object);
    });
    m_groups.clear();
    m_groups.reserve(groups.size());
    for (int g : order)
        m_groups.push_back(std::move(groups[g]));
}

// Each group's range of entries, own change, check counts; the table and view counts.
void DifferencesModel::countGroup(ObjectKind kind)
{
    if (kind == ObjectKind::Table)
        ++m_counts.tables;
    else if (kind == ObjectKind::View)
        ++m_counts.views;
    else
        ++m_counts.others[kind];
}

void DifferencesModel::indexEntries()
{
    m_counts.tables = m_counts.views = 0;
    m_counts.others.clear();
    for (int i = 0; i < int(m_entries.size()); ++i) {
        const Entry &e = m_entries[i];
        Group &g = m_groups[e.group];
        if (g.count++ == 0) {
            g.first = i;
            countGroup(g.kind);
        }
        if (isOwnChange(e.change) && g.own < 0)
            g.own = i;
        if (e.checkable && e.change.type != ChangeType::RenameSuggested) {
            ++g.checkable;
            g.checked += e.checked;
        }
    }
}

} // namespace burrow::ui
