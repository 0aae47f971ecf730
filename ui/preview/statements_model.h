#pragma once

#include "migration/runner.h"

#include <QAbstractTableModel>

namespace burrow::ui {

/// The statements a dry run or an apply ran, one row each: migration, statement, rows, time.
class StatementsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Migration, Statement, Rows, Time, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void clear();
    /// Adds the statement of a StatementDone event; other events are ignored.
    void add(const migration::ProgressEvent &event);
    qint64 totalElapsedUs() const { return m_totalUs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        QString migration;
        QString sql; // simplified to one line
        qint64 rows = -1;
        qint64 elapsedUs = 0;
    };
    QList<Row> m_rows;
    qint64 m_totalUs = 0;
};

} // namespace burrow::ui
