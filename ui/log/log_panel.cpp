#include "log_panel.h"

#include <QDateTime>
#include <QFontDatabase>

namespace burrow::ui {

LogPanel::LogPanel(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(20000); // a long session must not grow without bound
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("Every statement Burrow runs appears here, with its time."));
}

void LogPanel::append(const QString &line)
{
    appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz  ")) + line);
}

} // namespace burrow::ui
