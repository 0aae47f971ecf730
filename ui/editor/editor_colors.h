#pragma once

#include <QColor>
#include <QPalette>

namespace burrow::ui {

/// The colors of an SQL editor, derived from a widget palette so that the text stays readable
/// in light and dark themes alike.
struct EditorColors {
    bool dark = false; // the palette's base is dark: syntax colors are the light variants
    QColor paper;
    QColor text;
    QColor keyword;
    QColor string;
    QColor number;
    QColor comment;
    QColor quotedIdentifier;
    QColor marginPaper;
    QColor marginText;
    QColor currentLine; // translucent
    QColor selection;
    QColor selectedText;
    QColor braceMatch;
    QColor error;        // the error marker and the annotation's text
    QColor errorPaper;   // the annotation's background
    QColor removedLine;  // diff: a line only in (or changed in) the live definition
    QColor removedWords; // diff: the changed words within such a line
    QColor addedLine;    // diff: a line only in (or changed in) the model definition
    QColor addedWords;
};

/// The editor colors for `palette`.
EditorColors editorColors(const QPalette &palette);

/// `over` laid on `base` with the given opacity (0..1).
QColor blend(const QColor &base, const QColor &over, qreal opacity);

} // namespace burrow::ui
