// The side-by-side definitions: changed lines and words, placeholders, scrolling together,
// and the definition text taken from a schema.
#include "editor/definition_compare.h"
#include "editor/definition_text.h"
#include "editor_test_support.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTest>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kLiveBook = u"CREATE TABLE book (\n"
                          "    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                          "    title TEXT NOT NULL,\n"
                          "    author_id INTEGER REFERENCES author(id),\n"
                          "    year TEXT,\n"
                          "    legacy_flag INTEGER\n"
                          ");\n\n"
                          "CREATE INDEX book_title ON book(title);"_s;
const QString kModelBook = u"CREATE TABLE book (\n"
                           "    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                           "    title TEXT NOT NULL COLLATE NOCASE,\n"
                           "    author_id INTEGER REFERENCES author(id) ON DELETE CASCADE,\n"
                           "    year INTEGER,\n"
                           "    isbn TEXT UNIQUE\n"
                           ");\n\n"
                           "CREATE INDEX book_title ON book(title COLLATE NOCASE);\n"
                           "CREATE INDEX book_author ON book(author_id);"_s;

QList<int> changedLines(const SqlEditor *editor)
{
    QList<int> found;
    for (int line = 0; line < editor->lines(); ++line) {
        if (editor->markersAtLine(line) & (1u << SqlEditor::ChangedLineMarker))
            found.append(line);
    }
    return found;
}

bool wordMarked(SqlEditor *editor, int line, int index)
{
    const long position = editor->positionFromLineIndex(line, index);
    return editor->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT,
                                 SqlEditor::ChangedWordsIndicator, position) != 0;
}

// The color a screenshot shows at the right end of `line` in `editor` (past the text).
QColor lineEndColor(const QImage &image, const QWidget &shot, SqlEditor *editor, int line)
{
    const long position = editor->positionFromLineIndex(line, 0);
    const int y =
        int(editor->SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0L, position)) +
        editor->textHeight(line) / 2;
    const QPoint at = editor->viewport()->mapTo(&shot, QPoint(editor->viewport()->width() - 4, y));
    return image.pixelColor(at * image.devicePixelRatio());
}

QString numbered(int count, int from = 0)
{
    QStringList lines;
    for (int i = from; i < from + count; ++i)
        lines.append(u"line %1"_s.arg(i));
    return lines.join(u'\n');
}

} // namespace

TEST(DefinitionCompare, changed_lines_are_marked_in_both_panes)
{
    DefinitionCompare compare;
    compare.setDefinitions(kLiveBook, kModelBook);
    EXPECT_EQ(changedLines(compare.liveEditor()), QList<int>({2, 3, 4, 5, 8}));
    EXPECT_EQ(changedLines(compare.modelEditor()), QList<int>({2, 3, 4, 5, 8, 9}));
}

TEST(DefinitionCompare, changed_words_are_marked_within_changed_lines)
{
    DefinitionCompare compare;
    compare.setDefinitions(kLiveBook, kModelBook);
    // "    year TEXT," against "    year INTEGER,": the type only.
    EXPECT_TRUE(wordMarked(compare.liveEditor(), 4, 9));
    EXPECT_FALSE(wordMarked(compare.liveEditor(), 4, 5));
    EXPECT_TRUE(wordMarked(compare.modelEditor(), 4, 9));
    EXPECT_FALSE(wordMarked(compare.modelEditor(), 0, 0));
}

TEST(DefinitionCompare, identical_definitions_mark_nothing)
{
    DefinitionCompare compare;
    compare.setDefinitions(kLiveBook, kLiveBook + u"   \n\n"_s);
    EXPECT_TRUE(changedLines(compare.liveEditor()).isEmpty());
    EXPECT_TRUE(changedLines(compare.modelEditor()).isEmpty());
    EXPECT_EQ(compare.modelEditor()->text(), kLiveBook);
}

TEST(DefinitionCompare, new_definitions_replace_the_old_marks)
{
    DefinitionCompare compare;
    compare.setDefinitions(kLiveBook, kModelBook);
    compare.setDefinitions(u"a\nb"_s, u"a\nc"_s);
    EXPECT_EQ(changedLines(compare.liveEditor()), QList<int>{1});
    EXPECT_FALSE(wordMarked(compare.liveEditor(), 0, 0));
}

TEST(DefinitionCompare, a_side_without_the_object_shows_a_placeholder)
{
    DefinitionCompare compare;
    compare.setDefinitions(QString(), kModelBook);
    EXPECT_TRUE(compare.liveMissing());
    EXPECT_FALSE(compare.modelMissing());
    compare.setDefinitions(kLiveBook, QString());
    EXPECT_FALSE(compare.liveMissing());
    EXPECT_TRUE(compare.modelMissing());
}

TEST(DefinitionCompare, scrolling_one_pane_scrolls_the_other)
{
    DefinitionCompare compare;
    compare.resize(800, 300);
    compare.show();
    compare.setDefinitions(numbered(300), numbered(300).replace(u"line 7\n"_s, u"line seven\n"_s));
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&compare));
    // The panes follow each other when Scintilla next updates its view, not synchronously.
    compare.liveEditor()->setFirstVisibleLine(120);
    EXPECT_TRUE(
        uitest::waitFor([&] { return compare.modelEditor()->firstVisibleLine() == 120; }, 3000));
    compare.modelEditor()->setFirstVisibleLine(40);
    EXPECT_TRUE(
        uitest::waitFor([&] { return compare.liveEditor()->firstVisibleLine() == 40; }, 3000));
    EXPECT_EQ(compare.modelEditor()->firstVisibleLine(), 40);
}

TEST(DefinitionCompare, scrolling_keeps_corresponding_lines_side_by_side)
{
    DefinitionCompare compare;
    compare.resize(800, 300);
    compare.show();
    // The live side has ten more lines at the top: its line 110 is the model's line 100.
    compare.setDefinitions(numbered(310, -10), numbered(300));
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&compare));
    compare.liveEditor()->setFirstVisibleLine(110);
    EXPECT_TRUE(
        uitest::waitFor([&] { return compare.modelEditor()->firstVisibleLine() == 100; }, 3000))
        << compare.modelEditor()->firstVisibleLine();
}

TEST(DefinitionCompare, definitionOf_a_table_lists_its_statements_each_ending_with_a_semicolon)
{
    schema::Schema s;
    schema::Table book;
    book.name = u"book"_s;
    book.sql = u"CREATE TABLE book (id INTEGER)"_s;
    book.indexes = {{u"book_a"_s, false, {}, {}, u"CREATE INDEX book_a ON book(a)"_s},
                    {u"auto"_s, true, {}, {}, QString()},
                    {u"book_b"_s, false, {}, {}, u"CREATE INDEX book_b ON book(b);"_s}};
    book.triggers = {
        {u"t"_s, {u"CREATE TRIGGER t AFTER INSERT ON book BEGIN SELECT 1; END"_s, {}}}};
    s.tables = {book};
    EXPECT_EQ(definitionOf(s, u"BOOK"_s),
              u"CREATE TABLE book (id INTEGER);\n\n"
              "CREATE INDEX book_a ON book(a);\nCREATE INDEX book_b ON book(b);\n\n"
              "CREATE TRIGGER t AFTER INSERT ON book BEGIN SELECT 1; END;"_s);
}

TEST(DefinitionCompare, definitionOf_a_view_and_of_a_missing_object)
{
    schema::Schema s;
    s.views = {{u"v"_s, {u"CREATE VIEW v AS SELECT 1"_s, {}}, {}}};
    EXPECT_EQ(definitionOf(s, u"v"_s), u"CREATE VIEW v AS SELECT 1;"_s);
    EXPECT_TRUE(definitionOf(s, u"nope"_s).isNull());
}

TEST(DefinitionCompare, definitionOf_a_function_is_its_create_statement_found_by_identity)
{
    schema::Schema s;
    schema::Function f;
    f.name = u"add(integer)"_s;
    f.routineName = u"add"_s;
    f.definition = {u"CREATE OR REPLACE FUNCTION add(a integer)\n RETURNS integer\n"_s, {}};
    s.functions = {f};
    EXPECT_EQ(definitionOf(s, u"add(integer)"_s),
              u"CREATE OR REPLACE FUNCTION add(a integer)\n RETURNS integer;"_s);
    EXPECT_TRUE(definitionOf(s, u"add(text)"_s).isNull());
}

TEST(DefinitionCompare, renders_changed_lines_tinted_in_light_and_dark_palettes)
{
    for (const auto &[name, palette] : {std::pair{u"light"_s, uitest::lightPalette()},
                                        std::pair{u"dark"_s, uitest::darkPalette()}}) {
        const uitest::ScopedAppPalette applied(palette);
        DefinitionCompare compare;
        compare.resize(1100, 320);
        compare.setDefinitions(kLiveBook, kModelBook);
        compare.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&compare));
        ASSERT_TRUE(uitest::saveScreenshot(compare, u"definition_compare_"_s + name));
        const QImage image = compare.grab().toImage();
        const QColor base = palette.color(QPalette::Base);
        EXPECT_EQ(lineEndColor(image, compare, compare.liveEditor(), 1), base) << qPrintable(name);
        const QColor removed = lineEndColor(image, compare, compare.liveEditor(), 4);
        const QColor added = lineEndColor(image, compare, compare.modelEditor(), 4);
        EXPECT_NE(removed, base) << qPrintable(name);
        EXPECT_GT(removed.red(), removed.green()) << qPrintable(name);
        EXPECT_GT(added.green(), added.red()) << qPrintable(name);
    }
}
