#pragma once

// Helpers for the editor tests: light and dark palettes, and screenshots under the build folder.
#include <QApplication>
#include <QDir>
#include <QPalette>
#include <QWidget>

namespace burrow::uitest {

inline QPalette lightPalette()
{
    QPalette p(Qt::black, QColor(0xef, 0xef, 0xef), Qt::white, Qt::darkGray, Qt::gray, Qt::black,
               Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

inline QPalette darkPalette()
{
    const QColor window(0x2b, 0x2b, 0x2b), text(0xdc, 0xdc, 0xdc);
    QPalette p(text, window, QColor(0x3c, 0x3c, 0x3c), QColor(0x1a, 0x1a, 0x1a),
               QColor(0x30, 0x30, 0x30), text, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
    p.setColor(QPalette::HighlightedText, Qt::white);
    // As real dark themes do: disabled text greyed, or a disabled action looks enabled.
    const QColor disabled(0x80, 0x80, 0x80);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

/// Sets the application palette for the lifetime of the guard.
class ScopedAppPalette {
public:
    explicit ScopedAppPalette(const QPalette &palette)
        : m_old(QApplication::palette())
    {
        QApplication::setPalette(palette);
    }
    ~ScopedAppPalette() { QApplication::setPalette(m_old); }

private:
    QPalette m_old;
};

/// Saves `widget`'s rendering as BUILD/screenshots/<name>.png; returns whether it was written.
inline bool saveScreenshot(QWidget &widget, const QString &name)
{
    const QDir dir(QStringLiteral(BURROW_BUILD_DIR "/screenshots"));
    return dir.mkpath(QStringLiteral(".")) &&
           widget.grab().save(dir.filePath(name + QStringLiteral(".png")));
}

} // namespace burrow::uitest
