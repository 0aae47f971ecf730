#pragma once

#include "change_metatype.h"
#include "diff/change.h"
#include "plan/lint.h"
#include "schema/schema.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace burrow::ui {

class DifferencesFilter;
class DifferencesModel;
class DifferencesSummary;

/// The Differences panel: a summary bar, a filter box and the tree of differences with their
/// check boxes, or "No differences" when the database matches the models, or why nothing was
/// compared.
class DifferencesPanel : public QWidget {
    Q_OBJECT
public:
    /// Up to this many tables, the tree opens expanded.
    static constexpr int ExpandLimit = 300;

    explicit DifferencesPanel(QWidget *parent = nullptr);

    /// Shorthands for model()->setChanges() and model()->setSchemas().
    void setChanges(const QList<diff::Change> &changes,
                    const QList<plan::LintWarning> &warnings = {});
    void setSchemas(const schema::Schema &live, const schema::Schema &model);
    /// What the model creates that Burrow neither compares nor migrates (Comparison::notCompared):
    /// named where "No differences" would stand, which alone would hide them. Call before
    /// setChanges().
    void setUncompared(const QStringList &objects) { m_uncompared = objects; }
    /// Empties the tree and says `why` (the comparison failed, say) where "No differences" would
    /// stand, until the next setChanges(): an empty tree must not read as "matches".
    void showNotCompared(const QString &why);

    DifferencesModel *model() const { return m_model; }
    DifferencesFilter *filter() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    DifferencesSummary *summary() const { return m_summary; }
    /// Whether "No differences" (or why nothing was compared) shows in place of the tree.
    bool showsEmptyState() const;
    QString emptyStateText() const;

public Q_SLOTS:
    /// Puts the keyboard focus in the filter box (Ctrl+F inside the panel).
    void focusFilter();

Q_SIGNALS:
    /// The current row moved to a change (or to a table with its own change: added, removed).
    void currentChangeChanged(const burrow::diff::Change &change);
    /// The current row moved to another table or view (empty when nothing is current).
    void currentTableChanged(const QString &table);
    /// A check box changed: the model's uncheckedChanges() or acceptedRenames() may differ.
    void checkedChangesChanged();

private:
    void buildLayout();
    QWidget *buildEmptyState();
    void configureView();
    void onModelReset();
    void onFilterTextChanged(const QString &text);
    void onCurrentChanged(const QModelIndex &current);
    void showContextMenu(const QPoint &pos);
    void expandIfSmall();
    void updatePage();

    DifferencesModel *m_model;
    DifferencesFilter *m_filter;
    DifferencesSummary *m_summary;
    QLineEdit *m_filterEdit;
    QCheckBox *m_showIdentical;
    QStackedWidget *m_pages;
    QTreeView *m_view;
    QLabel *m_emptyIcon = nullptr; // "identical": hidden when nothing was compared
    QLabel *m_emptyText = nullptr;
    QString m_currentTable;
    QString m_notCompared; // why there is no comparison; empty once there is one
    QStringList m_uncompared;
};

} // namespace burrow::ui
