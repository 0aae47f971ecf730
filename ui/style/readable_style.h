#pragma once

#include <QProxyStyle>

namespace burrow::ui {

/// Fusion with check boxes that stay visible in a dark palette. Fusion outlines an indicator
/// with the window colour darkened, which vanishes against a dark base: the unchecked boxes of
/// the differences tree (destructive changes start unchecked) would look like no box at all.
/// Other styles (Breeze, …) draw their own indicators and are left alone.
class ReadableStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

/// Wraps the application's style in ReadableStyle when it is Fusion.
void useReadableStyle();

} // namespace burrow::ui
