#include "editor_colors.h"

namespace burrow::ui {
namespace {

// Syntax hues tuned for contrast on white and on a near-black base respectively (the pairs
// follow the common light/dark editor themes, so users find them familiar).
struct Hues {
    QColor keyword, string, number, comment, quotedIdentifier;
};

Hues huesFor(bool dark)
{
    if (dark)
        return {QColor(0x56, 0x9c, 0xd6), QColor(0xce, 0x91, 0x78), QColor(0xb5, 0xce, 0xa8),
                QColor(0x6a, 0x99, 0x55), QColor(0x9c, 0xdc, 0xfe)};
    return {QColor(0x00, 0x33, 0xb3), QColor(0x06, 0x7d, 0x17), QColor(0x17, 0x50, 0xeb),
            QColor(0x70, 0x70, 0x70), QColor(0x87, 0x10, 0x94)};
}

const QColor kRed(0xe0, 0x40, 0x40);
const QColor kGreen(0x30, 0xb0, 0x40);

} // namespace

QColor blend(const QColor &base, const QColor &over, qreal opacity)
{
    const auto mix = [opacity](float a, float b) { return a + (b - a) * float(opacity); };
    return QColor::fromRgbF(mix(base.redF(), over.redF()), mix(base.greenF(), over.greenF()),
                            mix(base.blueF(), over.blueF()));
}

EditorColors editorColors(const QPalette &palette)
{
    EditorColors c;
    c.paper = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.dark = c.paper.lightness() < 128;
    const Hues hues = huesFor(c.dark);
    c.keyword = hues.keyword;
    c.string = hues.string;
    c.number = hues.number;
    c.comment = hues.comment;
    c.quotedIdentifier = hues.quotedIdentifier;
    c.marginPaper = blend(c.paper, c.text, 0.05);
    c.marginText = blend(c.paper, c.text, 0.5);
    // Translucent, so that an error or diff tint on the caret's line still shows through.
    c.currentLine = c.text;
    c.currentLine.setAlpha(c.dark ? 22 : 14);
    c.selection = palette.color(QPalette::Highlight);
    c.selectedText = palette.color(QPalette::HighlightedText);
    c.braceMatch = blend(c.paper, c.selection, 0.35);
    // Tints are blends into the base rather than fixed colors: the same hue reads as a pale
    // wash on white and as a muted one on black, and the text on it keeps its contrast.
    c.error = c.dark ? QColor(0xf4, 0x87, 0x71) : QColor(0xc0, 0x20, 0x20);
    c.errorPaper = blend(c.paper, kRed, 0.15);
    c.removedLine = blend(c.paper, kRed, c.dark ? 0.22 : 0.14);
    c.removedWords = blend(c.paper, kRed, c.dark ? 0.45 : 0.32);
    c.addedLine = blend(c.paper, kGreen, c.dark ? 0.22 : 0.14);
    c.addedWords = blend(c.paper, kGreen, c.dark ? 0.45 : 0.32);
    return c;
}

} // namespace burrow::ui
