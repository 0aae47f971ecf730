#pragma once

#include "change_metatype.h"
#include "diff/change.h"
#include "plan/lint.h"
#include "plan/migration_plan.h"
#include "schema/schema.h"

#include <QAbstractItemModel>
#include <QFont>
#include <QList>
#include <QSet>
#include <QStringList>

#include <map>
#include <vector>

namespace burrow::ui {

/// The differences between database and models as a tree: one row per table or view that
/// differs, its changes below (columns, keys and constraints, indexes, triggers, then the
/// table-level ones). Each change carries a check box: what stays checked goes into the
/// migration; a checked rename suggestion is a rename the user accepted.
class DifferencesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { ObjectColumn, ChangeColumn, DetailColumn, RowsColumn, ColumnCount };
    enum Role {
        ChangeRole = Qt::UserRole + 1, // diff::Change: the row's change (a table's own change)
        TableRole,                     // QString: the table or view the row belongs to
        DestructiveRole,               // bool: the change loses data
    };
    /// What the summary bar shows.
    struct Counts {
        int tables = 0; // tables with differences
        int views = 0;  // views with differences
        /// Other schema-level objects with differences (types, functions, schemas…), by kind.
        std::map<diff::ObjectKind, int> others;
        int added = 0;
        int removed = 0;
        int changed = 0;
        int renames = 0; // rename suggestions
    };

    explicit DifferencesModel(QObject *parent = nullptr);

    /// Replaces everything (one model reset). Destructive changes (removed tables and columns,
    /// and those with a Destructive lint warning) and rename suggestions start unchecked.
    void setChanges(const QList<diff::Change> &changes,
                    const QList<plan::LintWarning> &warnings = {});
    /// The schemas compared, so that tables and views without differences can be listed.
    void setSchemas(const schema::Schema &live, const schema::Schema &model);
    /// Whether identical tables and views appear (greyed, without check boxes).
    void setShowIdentical(bool show);
    bool showIdentical() const { return m_showIdentical; }

    /// The changes the user unticked: the planner's `skip`.
    QList<diff::Change> uncheckedChanges() const;
    /// The rename suggestions the user ticked.
    QList<plan::Rename> acceptedRenames() const;
    /// Ticks or unticks one rename suggestion ("treat as rename"); false if it is none.
    bool setRenameAccepted(const QModelIndex &index, bool accepted);
    Counts counts() const { return m_counts; }
    bool hasChanges() const { return !m_entries.empty(); }
    bool isTableRow(const QModelIndex &index) const;
    /// Whether the row's table, name or detail contains `needle` (case-insensitive).
    bool matches(int row, const QModelIndex &parent, const QString &needle) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A check box changed: uncheckedChanges() or acceptedRenames() may differ.
    void checkedChangesChanged();

private:
    struct Entry {
        diff::Change change;
        QString warning;  // lint messages, empty when none
        qint64 rows = -1; // the lint row count, -1 when none
        int group = -1;
        bool checked = true;
        bool destructive = false;
        bool checkable = true; // false for suggestions a rename cannot express (indexes)
    };
    struct Group {
        QString table;
        /// Table, View, or the schema-level kind of what the group is (Enum, Function…).
        diff::ObjectKind kind = diff::ObjectKind::Table;
        bool identical = false;
        int first = 0; // its entries are m_entries[first, first + count)
        int count = 0;
        int checkable = 0; // entries counted in the table's tristate (not rename suggestions)
        int checked = 0;
        int own = -1; // the entry of the table's (or view's) own change, if any
    };

    void attachWarnings(const QList<plan::LintWarning> &warnings);
    void rebuildGroups();
    std::vector<Group> collectGroups();
    void orderGroups(std::vector<Group> groups);
    void indexEntries();
    void countGroup(diff::ObjectKind kind);
    void countChanges();
    const Group *groupOf(const QModelIndex &index) const;
    const Entry *entryOf(const QModelIndex &index) const;
    QVariant groupData(const Group &group, int column, int role) const;
    QVariant entryData(const Entry &entry, int column, int role) const;
    QVariant groupText(const Group &group, int column) const;
    QVariant entryText(const Entry &entry, int column) const;
    Qt::CheckState groupState(const Group &group) const;
    bool setEntryChecked(int entry, bool checked);
    void setGroupChecked(int group, bool checked);

    std::vector<Entry> m_entries;
    std::vector<Group> m_groups;
    QStringList m_identicalTables;
    QStringList m_identicalViews;
    QSet<QString> m_views; // the models' view names, to tell a view's group from a table's
    Counts m_counts;
    QFont m_bold;
    bool m_showIdentical = false;
};

} // namespace burrow::ui
