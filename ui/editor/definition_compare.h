#pragma once

#include "line_diff.h"
#include "sql_editor.h"

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace burrow::ui {

/// Two definitions of one object side by side: the live database's on the left, the models'
/// on the right, read-only, with changed lines tinted and changed words tinted more strongly,
/// and both panes scrolling together. A side without a definition says so.
class DefinitionCompare : public QWidget {
    Q_OBJECT

public:
    explicit DefinitionCompare(QWidget *parent = nullptr);

    /// Shows `live` and `model` (as the engines store them; trailing blanks are dropped). An
    /// empty or null string means the object does not exist on that side.
    void setDefinitions(const QString &live, const QString &model);
    void clear() { setDefinitions({}, {}); }

    SqlEditor *liveEditor() const { return m_live.editor; }
    SqlEditor *modelEditor() const { return m_model.editor; }
    /// Whether the side's placeholder shows instead of its editor.
    bool liveMissing() const;
    bool modelMissing() const;

private:
    struct Pane {
        QLabel *header = nullptr;
        QStackedWidget *stack = nullptr;
        SqlEditor *editor = nullptr;
        QLabel *placeholder = nullptr;
    };

    QWidget *makePane(Pane &pane, const QString &title, SqlEditor::DiffTone tone);
    void showSide(Pane &pane, const QString &text, const QString &missingText);
    void highlight(const QStringList &live, const QStringList &model);
    void followScroll(SqlEditor *from, SqlEditor *to, const QList<int> &map);

    Pane m_live;
    Pane m_model;
    LineDiff m_diff;
    bool m_syncing = false;
};

} // namespace burrow::ui
