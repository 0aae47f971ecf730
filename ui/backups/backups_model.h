#pragma once

#include "backup/backup_list.h"

#include <QAbstractTableModel>

namespace burrow::ui {

/// The backups of the workspace, newest first, one row per folder under `<migrations>/backups/`:
/// when it was taken, the migrations it preceded, the database it is of, its size, and whether
/// its files still match the manifest (icon and text).
class BackupsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Versions, Source, Size, State, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setBackups(const QList<backup::BackupListing> &backups);
    const backup::BackupListing &backup(int row) const { return m_rows[row]; }
    /// The row of the folder `path`, or -1.
    int rowOf(const QString &path) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// What the Versions column says: the migrations, or what kind of copy it is.
    static QString versionsText(const backup::BackupListing &listing);

private:
    QVariant display(const backup::BackupListing &b, int column) const;

    QList<backup::BackupListing> m_rows;
};

} // namespace burrow::ui
