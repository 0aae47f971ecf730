// The SQL editor: completion names, error marks, palette-derived colors, editing settings.
#include "editor/sql_editor.h"
#include "editor_test_support.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace burrow::ui;
using burrow::uitest::darkPalette;
using burrow::uitest::lightPalette;
using namespace Qt::Literals::StringLiterals;

namespace {

// What the prepared completion source offers for a partly typed word, asked the way
// QsciScintilla asks it (the word as typed); QsciAPIs puts a space after each entry.
QStringList offered(SqlEditor &editor, const QString &typed)
{
    QStringList list;
    editor.completionApis()->updateAutoCompletionList({typed}, list);
    for (QString &entry : list)
        entry = entry.trimmed();
    return list;
}

void prepareNames(SqlEditor &editor, const QStringList &tables,
                  const QHash<QString, QStringList> &columns)
{
    QSignalSpy prepared(editor.completionApis(), &QsciAPIs::apiPreparationFinished);
    editor.setCompletionNames(tables, columns);
    ASSERT_TRUE(prepared.wait(10000));
}

// The WCAG contrast ratio of two colors (1 to 21; 4.5 is the floor for body text).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

TEST(SqlEditor, completion_offers_table_and_column_names_and_keywords)
{
    SqlEditor editor;
    prepareNames(editor, {u"book"_s, u"author"_s},
                 {{u"book"_s, {u"title"_s, u"isbn"_s}}, {u"author"_s, {u"name"_s}}});
    EXPECT_TRUE(offered(editor, u"boo"_s).contains(u"book"_s));
    EXPECT_TRUE(offered(editor, u"tit"_s).contains(u"title"_s));
    EXPECT_TRUE(offered(editor, u"na"_s).contains(u"name"_s));
    EXPECT_TRUE(offered(editor, u"sel"_s).contains(u"SELECT"_s));
    EXPECT_TRUE(offered(editor, u"BOO"_s).contains(u"book"_s));
    EXPECT_TRUE(editor.completionWords().contains(u"isbn"_s));
}

TEST(SqlEditor, new_completion_names_replace_the_old_ones)
{
    SqlEditor editor;
    prepareNames(editor, {u"legacy_table"_s}, {});
    prepareNames(editor, {u"loan"_s}, {{u"loan"_s, {u"borrower"_s}}});
    EXPECT_FALSE(offered(editor, u"leg"_s).contains(u"legacy_table"_s));
    EXPECT_TRUE(offered(editor, u"bor"_s).contains(u"borrower"_s));
}

TEST(SqlEditor, completion_starts_from_the_second_character)
{
    SqlEditor editor;
    EXPECT_EQ(editor.autoCompletionThreshold(), 2);
    EXPECT_FALSE(editor.autoCompletionCaseSensitivity());
}

TEST(SqlEditor, markError_puts_the_marker_and_message_on_that_line)
{
    SqlEditor editor;
    editor.setText(u"-- migrate:up\nCREATE TABLE t (a);\nALTER TABLE t ADD b;\n"_s);
    editor.markError(2, u"no such column"_s);
    const unsigned error = 1u << SqlEditor::ErrorMarker;
    EXPECT_TRUE(editor.markersAtLine(2) & error);
    EXPECT_FALSE(editor.markersAtLine(1) & error);
    EXPECT_EQ(editor.annotation(2), u"no such column"_s);
    EXPECT_EQ(editor.errorLines(), QList<int>{2});
}

TEST(SqlEditor, clearErrors_removes_markers_and_messages)
{
    SqlEditor editor;
    editor.setText(u"a\nb\nc"_s);
    editor.markError(1, u"boom"_s);
    editor.clearErrors();
    EXPECT_EQ(editor.markersAtLine(1), 0u);
    EXPECT_TRUE(editor.annotation(1).isEmpty());
    EXPECT_TRUE(editor.errorLines().isEmpty());
}

TEST(SqlEditor, keywords_and_text_stay_readable_in_light_and_dark_palettes)
{
    for (const QPalette &palette : {lightPalette(), darkPalette()}) {
        SqlEditor editor;
        editor.setPalette(palette);
        const auto *lexer = editor.lexer();
        const QColor paper = lexer->paper(QsciLexerSQL::Keyword);
        EXPECT_EQ(paper, palette.color(QPalette::Base));
        for (int style : {QsciLexerSQL::Default, QsciLexerSQL::Keyword, QsciLexerSQL::CommentLine,
                          QsciLexerSQL::SingleQuotedString, QsciLexerSQL::Number})
            EXPECT_GE(contrast(lexer->color(style), paper), 4.5)
                << "style " << style << " on " << paper.name().toStdString();
    }
}

TEST(SqlEditor, a_palette_change_recolors_the_editor)
{
    SqlEditor editor;
    editor.setPalette(lightPalette());
    editor.setPalette(darkPalette());
    EXPECT_LT(editor.lexer()->paper(QsciLexerSQL::Default).lightness(), 128);
    EXPECT_GT(editor.lexer()->color(QsciLexerSQL::Keyword).lightness(), 128);
}

TEST(SqlEditor, the_line_number_margin_grows_with_the_line_count)
{
    SqlEditor editor;
    editor.setText(u"a\nb"_s);
    const int narrow = editor.marginWidth(0);
    editor.setText(QString(u"x\n"_s).repeated(12000));
    EXPECT_GT(editor.marginWidth(0), narrow);
}

TEST(SqlEditor, tab_indents_with_four_spaces)
{
    SqlEditor editor;
    editor.setText(QString());
    QTest::keyClick(&editor, Qt::Key_Tab);
    EXPECT_EQ(editor.text(), u"    "_s);
}

TEST(SqlEditor, a_new_line_keeps_the_indentation)
{
    SqlEditor editor;
    editor.setText(u"    a"_s);
    editor.setCursorPosition(0, 5);
    QTest::keyClick(&editor, Qt::Key_Return);
    EXPECT_EQ(editor.text(), u"    a\n    "_s);
}

TEST(SqlEditor, read_only_refuses_typing)
{
    SqlEditor editor;
    editor.setText(u"CREATE TABLE t (a);"_s);
    editor.setReadOnly(true);
    QTest::keyClicks(&editor, u"x"_s);
    EXPECT_EQ(editor.text(), u"CREATE TABLE t (a);"_s);
}

TEST(SqlEditor, ctrl_space_completes_a_single_typed_character)
{
    SqlEditor editor;
    prepareNames(editor, {u"book"_s}, {});
    editor.show();
    editor.activateWindow();
    editor.setFocus();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&editor));
    QTest::keyClicks(&editor, u"b"_s);
    EXPECT_FALSE(editor.isListActive()); // below the two-character threshold
    QTest::keyClick(&editor, Qt::Key_Space, Qt::ControlModifier);
    EXPECT_TRUE(burrow::uitest::waitFor([&] { return editor.isListActive(); }, 3000));
}
