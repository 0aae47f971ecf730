// Check boxes stay visible in a dark palette: the unchecked boxes of the differences tree are
// the destructive changes, and a box that cannot be seen is a choice the user never sees.
#include "editor_test_support.h"
#include "style/readable_style.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOptionButton>

#include <gtest/gtest.h>

using namespace burrow::ui;

namespace {

/// The largest lightness difference between the indicator's pixels and the base colour.
int indicatorContrast(QStyle &style, const QPalette &palette)
{
    QImage image(40, 40, QImage::Format_RGB32);
    const QColor base = palette.color(QPalette::Base);
    image.fill(base);
    QStyleOptionButton option;
    option.palette = palette;
    option.state = QStyle::State_Enabled | QStyle::State_Off;
    option.rect = QRect(10, 10, 16, 16);
    QPainter painter(&image);
    style.drawPrimitive(QStyle::PE_IndicatorCheckBox, &option, &painter);
    painter.end();
    int contrast = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            contrast = std::max(contrast,
                                std::abs(QColor(image.pixel(x, y)).lightness() - base.lightness()));
    }
    return contrast;
}

TEST(ReadableStyle, an_unchecked_box_stands_out_from_a_dark_base)
{
    ReadableStyle readable(QStringLiteral("Fusion"));
    EXPECT_GE(indicatorContrast(readable, burrow::uitest::darkPalette()), 60);
}

TEST(ReadableStyle, leaves_the_light_palette_as_fusion_draws_it)
{
    ReadableStyle readable(QStringLiteral("Fusion"));
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette light = burrow::uitest::lightPalette();
    EXPECT_EQ(indicatorContrast(readable, light), indicatorContrast(*fusion, light));
}

} // namespace
