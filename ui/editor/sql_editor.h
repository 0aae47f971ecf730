#pragma once

#include "editor_colors.h"
#include "qscintilla.h"

#include <QHash>
#include <QStringList>

namespace burrow::ui {

/// A QScintilla editor for SQL: highlighting in the palette's light or dark variant, a
/// monospace font, line numbers, brace matching, completion of SQL keywords and of the
/// schema's table and column names, error marks, and (for definition views) diff highlights.
/// Lines are 0-based, like every QsciScintilla line.
class SqlEditor : public QsciScintilla {
    Q_OBJECT

public:
    /// Marker and indicator numbers, for reading marks back with markersAtLine().
    static constexpr int ErrorMarker = 0;       // a symbol in the margin
    static constexpr int ErrorLineMarker = 1;   // a tinted background on the error's line
    static constexpr int ChangedLineMarker = 2; // a tinted background on a changed line
    static constexpr int ChangedWordsIndicator = 9;

    /// Which side of a diff the editor shows: the tint is red for the live definition (what
    /// goes away) and green for the model's (what comes).
    enum class DiffTone { Removed, Added };

    explicit SqlEditor(QWidget *parent = nullptr);
    ~SqlEditor() override;

    /// Offers `tables` and their columns (with the SQL keywords) for completion, from the
    /// second character typed or on Ctrl+Space.
    void setCompletionNames(const QStringList &tables,
                            const QHash<QString, QStringList> &columnsByTable);
    /// The words completion offers now.
    QStringList completionWords() const { return m_words; }
    /// The completion source, prepared in the background after setCompletionNames().
    QsciAPIs *completionApis() const { return m_apis; }

    /// Marks `line` as erroneous: a symbol in the margin, a tinted line and `message` below it.
    void markError(int line, const QString &message);
    void clearErrors();
    /// The lines marked by markError(), in order.
    QList<int> errorLines() const;

    void setDiffTone(DiffTone tone);
    /// Tints the whole of `line` as changed.
    void highlightLine(int line);
    /// Tints `length` characters from `index` in `line` more strongly: the words that changed.
    void highlightRange(int line, int index, int length);
    void clearHighlights();

    void setReadOnly(bool readOnly) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // A fixed style number for the error annotation: QsciStyle's automatic numbers come from
    // one process-wide pool that many editors would exhaust.
    static constexpr int kErrorStyle = 200;

    void setUpEditing();
    void setUpMargins();
    void setUpCompletion();
    void applyFont();
    void applyColors();
    void applyLexerColors(const EditorColors &colors);
    void applyDiffColors(const EditorColors &colors);
    void applyErrorColors(const EditorColors &colors);
    void updateLineNumberWidth();
    void updateSymbolMargin();

    QsciLexerSQL *m_lexer = nullptr;
    QsciAPIs *m_apis = nullptr;
    QsciStyle m_errorStyle{kErrorStyle};
    QStringList m_words;
    DiffTone m_tone = DiffTone::Added;
    int m_lineNumberDigits = 0;
};

} // namespace burrow::ui
