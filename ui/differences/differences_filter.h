#pragma once

#include <QSortFilterProxyModel>

namespace burrow::ui {

class DifferencesModel;

/// Narrows the differences tree to the rows whose table, name or detail contains a text
/// (case-insensitive); the tables of matching changes stay, so the tree keeps its shape.
class DifferencesFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DifferencesFilter(QObject *parent = nullptr);

    /// The model must be a DifferencesModel (or null).
    void setSourceModel(QAbstractItemModel *model) override;
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    DifferencesModel *m_model = nullptr;
    QString m_text;
};

} // namespace burrow::ui
