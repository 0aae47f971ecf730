#pragma once

#include "migration/history.h"

#include <QAbstractTableModel>

namespace burrow::ui {

/// Every migration of the workspace, one row each: version, name, state (icon and text:
/// applied, baseline, pending, modified, missing), when it was applied, how long it took, by
/// whom. Tooltips name the file and its checksum.
class MigrationsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Version, Name, State, AppliedAt, Duration, AppliedBy, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 1, // migration::MigrationState as int
        NumberRole,                   // the version's number (what apply and baseline take)
        PathRole,                     // the file, empty when Missing
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setStatus(const QList<migration::MigrationStatus> &status);
    const migration::MigrationStatus &status(int row) const { return m_rows[row]; }
    /// The row of `version` ("0002"), or -1.
    int rowOf(const QString &version) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// What the State column says for `status`.
    static QString stateText(const migration::MigrationStatus &status);

private:
    QVariant display(const migration::MigrationStatus &s, int column) const;
    QString toolTip(const migration::MigrationStatus &s) const;

    QList<migration::MigrationStatus> m_rows;
};

} // namespace burrow::ui
