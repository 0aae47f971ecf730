#pragma once

#include <QPlainTextEdit>

namespace burrow::ui {

/// Everything Burrow did, one timestamped line each: comparisons, every statement it ran with
/// its time and rows, applies and their backups. Read-only, bounded, selectable.
class LogPanel : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit LogPanel(QWidget *parent = nullptr);

    void append(const QString &line);
    /// A few lines high: the workbench above gets the room.
    QSize sizeHint() const override { return {800, 120}; }
};

} // namespace burrow::ui
