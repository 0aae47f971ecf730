#pragma once

#include "differences_model.h"

#include <QWidget>

class QLabel;

namespace burrow::ui {

/// The bar above the differences tree: "4 tables differ · 3 added · 2 removed · 6 changed ·
/// 1 rename suggested", each count with its icon; counts of zero are left out.
class DifferencesSummary : public QWidget {
    Q_OBJECT
public:
    explicit DifferencesSummary(QWidget *parent = nullptr);

    void setCounts(const DifferencesModel::Counts &counts);
    /// The text as shown, without the icons ("4 tables differ · 3 added").
    QString text() const;

private:
    struct Item {
        QLabel *icon = nullptr;
        QLabel *text = nullptr;
        QLabel *separator = nullptr; // before the item; null for the first
    };
    Item addItem(const QIcon &icon, bool separated);
    static void show(const Item &item, int count, const QString &text);

    Item m_tables, m_added, m_removed, m_changed, m_renames;
};

} // namespace burrow::ui
