#include "sql_editor.h"

#include "sql_apis.h"
#include "sql_completion.h"
#include "sql_lexer.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>

namespace burrow::ui {
namespace {

constexpr int kLineNumberMargin = 0;
constexpr int kSymbolMargin = 1;

int digitCount(int number)
{
    return int(QString::number(number).size());
}

} // namespace

SqlEditor::SqlEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new SqlLexer(this))
{
    setUtf8(true);
    setUpEditing();
    setUpMargins();
    setLexer(m_lexer);
    // After setLexer(): it resets every style, the margins' included, to the lexer's.
    applyFont();
    setUpCompletion();
    applyColors();
    connect(this, &QsciScintilla::linesChanged, this, &SqlEditor::updateLineNumberWidth);
}

SqlEditor::~SqlEditor()
{
    // The completion source is the lexer's child and is deleted after the lexer's destructor
    // ran, while its worker thread may still be asking the lexer things: stop it first.
    m_apis->cancelPreparation();
}

void SqlEditor::setUpEditing()
{
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setIndentationWidth(4);
    setTabIndents(true);
    setBackspaceUnindents(true);
    setAutoIndent(true);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setAnnotationDisplay(AnnotationIndented);
    // Scintilla's default scroll width is a fixed 2000 pixels, which shows a horizontal
    // scroll bar under a few short lines; let it follow the longest line instead.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);
}

void SqlEditor::setUpMargins()
{
    setMarginType(kLineNumberMargin, NumberMargin);
    setMarginLineNumbers(kLineNumberMargin, true);
    setMarginType(kSymbolMargin, SymbolMargin);
    // Only the error symbol goes into a margin: background markers shown in a margin would
    // no longer tint their line.
    setMarginMarkerMask(kLineNumberMargin, 0);
    setMarginMarkerMask(kSymbolMargin, 1 << ErrorMarker);
    markerDefine(Circle, ErrorMarker);
    markerDefine(Background, ErrorLineMarker);
    markerDefine(Background, ChangedLineMarker);
    indicatorDefine(FullBoxIndicator, ChangedWordsIndicator);
    setIndicatorDrawUnder(true, ChangedWordsIndicator);
    updateSymbolMargin();
}

void SqlEditor::setUpCompletion()
{
    m_apis = new SqlApis(m_lexer);
    setAutoCompletionSource(AcsAll);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionUseSingle(AcusNever);
    auto *complete = new QAction(tr("Complete"), this);
    complete->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    complete->setShortcutContext(Qt::WidgetShortcut);
    connect(complete, &QAction::triggered, this, &QsciScintilla::autoCompleteFromAll);
    addAction(complete);
    setCompletionNames({}, {});
}

void SqlEditor::setCompletionNames(const QStringList &tables,
                                   const QHash<QString, QStringList> &columnsByTable)
{
    m_words = ui::completionWords(tables, columnsByTable);
    // A preparation still running would otherwise win: prepare() ignores calls while busy.
    m_apis->cancelPreparation();
    // A cancelled worker may have posted its "finished" event already; QsciAPIs would take
    // it for the next worker's and dereference the worker it no longer has.
    QCoreApplication::removePostedEvents(m_apis);
    m_apis->clear();
    for (const QString &word : std::as_const(m_words))
        m_apis->add(word);
    m_apis->prepare();
}

void SqlEditor::markError(int line, const QString &message)
{
    // A line past the end (the text changed since the error) still gets a visible mark.
    line = qBound(0, line, qMax(0, lines() - 1));
    markerAdd(line, ErrorMarker);
    markerAdd(line, ErrorLineMarker);
    if (!message.isEmpty())
        annotate(line, message, m_errorStyle);
    updateSymbolMargin();
}

void SqlEditor::clearErrors()
{
    markerDeleteAll(ErrorMarker);
    markerDeleteAll(ErrorLineMarker);
    clearAnnotations();
    updateSymbolMargin();
}

QList<int> SqlEditor::errorLines() const
{
    QList<int> found;
    for (int line = markerFindNext(0, 1u << ErrorMarker); line >= 0;
         line = markerFindNext(line + 1, 1u << ErrorMarker))
        found.append(line);
    return found;
}

void SqlEditor::setDiffTone(DiffTone tone)
{
    m_tone = tone;
    applyDiffColors(editorColors(palette()));
}

void SqlEditor::highlightLine(int line)
{
    markerAdd(line, ChangedLineMarker);
}

void SqlEditor::highlightRange(int line, int index, int length)
{
    fillIndicatorRange(line, index, line, index + length, ChangedWordsIndicator);
}

void SqlEditor::clearHighlights()
{
    markerDeleteAll(ChangedLineMarker);
    const int last = qMax(0, lines() - 1);
    clearIndicatorRange(0, 0, last, lineLength(last), ChangedWordsIndicator);
}

void SqlEditor::setReadOnly(bool readOnly)
{
    QsciScintilla::setReadOnly(readOnly);
    // In a definition view the caret line would hide the diff tint of the line clicked on, and
    // a blinking caret suggests the text can be typed into.
    setCaretLineVisible(!readOnly);
    SendScintilla(SCI_SETCARETSTYLE, readOnly ? CARETSTYLE_INVISIBLE : CARETSTYLE_LINE);
    updateSymbolMargin();
}

void SqlEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
    else if (event->type() == QEvent::FontChange)
        applyFont();
}

void SqlEditor::applyFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // Some desktops configure a fixed font smaller than the interface's: match the latter.
    if (font.pointSizeF() > 0 && QWidget::font().pointSizeF() > font.pointSizeF())
        font.setPointSizeF(QWidget::font().pointSizeF());
    m_lexer->setDefaultFont(font);
    m_lexer->setFont(font, -1);
    QFont italic = font;
    italic.setItalic(true);
    for (int style : {QsciLexerSQL::Comment, QsciLexerSQL::CommentLine, QsciLexerSQL::CommentDoc})
        m_lexer->setFont(italic, style);
    setMarginsFont(font);
    m_errorStyle.setFont(font);
    m_lineNumberDigits = 0;
    updateLineNumberWidth();
}

void SqlEditor::applyColors()
{
    const EditorColors colors = editorColors(palette());
    applyLexerColors(colors);
    setMarginsBackgroundColor(colors.marginPaper);
    setMarginsForegroundColor(colors.marginText);
    setCaretForegroundColor(colors.text);
    setCaretLineBackgroundColor(colors.currentLine);
    setSelectionBackgroundColor(colors.selection);
    setSelectionForegroundColor(colors.selectedText);
    setMatchedBraceBackgroundColor(colors.braceMatch);
    setMatchedBraceForegroundColor(colors.text);
    setUnmatchedBraceForegroundColor(colors.error);
    setUnmatchedBraceBackgroundColor(colors.paper);
    applyDiffColors(colors);
    applyErrorColors(colors);
}

void SqlEditor::applyLexerColors(const EditorColors &colors)
{
    m_lexer->setDefaultPaper(colors.paper);
    m_lexer->setDefaultColor(colors.text);
    m_lexer->setPaper(colors.paper, -1);
    m_lexer->setColor(colors.text, -1);
    using L = QsciLexerSQL;
    for (int style : {L::Keyword, L::KeywordSet5, L::PlusKeyword})
        m_lexer->setColor(colors.keyword, style);
    for (int style : {L::SingleQuotedString, L::DoubleQuotedString})
        m_lexer->setColor(colors.string, style);
    for (int style : {L::Comment, L::CommentLine, L::CommentDoc, L::CommentLineHash})
        m_lexer->setColor(colors.comment, style);
    m_lexer->setColor(colors.number, L::Number);
    m_lexer->setColor(colors.quotedIdentifier, L::QuotedIdentifier);
    setPaper(colors.paper);
    setColor(colors.text);
}

void SqlEditor::applyDiffColors(const EditorColors &colors)
{
    const bool removed = m_tone == DiffTone::Removed;
    setMarkerBackgroundColor(removed ? colors.removedLine : colors.addedLine, ChangedLineMarker);
    const QColor words = removed ? colors.removedWords : colors.addedWords;
    setIndicatorForegroundColor(words, ChangedWordsIndicator);
    setIndicatorOutlineColor(words, ChangedWordsIndicator);
}

void SqlEditor::applyErrorColors(const EditorColors &colors)
{
    setMarkerBackgroundColor(colors.error, ErrorMarker);
    setMarkerForegroundColor(colors.error, ErrorMarker);
    setMarkerBackgroundColor(colors.errorPaper, ErrorLineMarker);
    m_errorStyle.setColor(colors.error);
    m_errorStyle.setPaper(colors.errorPaper);
    // Annotations keep the style they were made with: make them again in the new colors.
    for (int line : errorLines()) {
        const QString message = annotation(line);
        if (!message.isEmpty())
            annotate(line, message, m_errorStyle);
    }
}

void SqlEditor::updateLineNumberWidth()
{
    const int digits = qMax(2, digitCount(lines()));
    if (digits == m_lineNumberDigits)
        return;
    m_lineNumberDigits = digits;
    // One digit of room on each side, so the numbers do not touch the text.
    setMarginWidth(kLineNumberMargin, QString(digits + 2, u'9'));
}

void SqlEditor::updateSymbolMargin()
{
    // Editable editors keep the error column so the text does not jump when an error is
    // marked; read-only views show it only while there is an error.
    const bool show = !isReadOnly() || markerFindNext(0, 1u << ErrorMarker) >= 0;
    setMarginWidth(kSymbolMargin, show ? fontMetrics().height() + 4 : 0);
}

} // namespace burrow::ui
