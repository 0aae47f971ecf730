#include "readable_style.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOption>

namespace burrow::ui {
namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

void ReadableStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                  QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool checkBox =
        element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
    if (!checkBox || !isDark(option->palette))
        return;
    // A frame in the text colour, half transparent: visible on a dark base, quiet when checked.
    QColor frame = option->palette.color(QPalette::Text);
    frame.setAlphaF(option->state & State_Enabled ? 0.55 : 0.25);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(frame);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
    painter->restore();
}

void useReadableStyle()
{
    if (QApplication::style()->name().compare(QStringLiteral("fusion"), Qt::CaseInsensitive) == 0)
        QApplication::setStyle(new ReadableStyle(QStringLiteral("Fusion")));
}

} // namespace burrow::ui
