// The migration editor: the file it saves to, what it writes, what it refuses to overwrite,
// its modified state, and errors marked at their line.
#include "editor/migration_editor.h"
#include "editor/migration_save.h"
#include "editor_test_support.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kMigration = u"-- Books: the year is a number now.\n"
                           "-- migrate:up\n"
                           "ALTER TABLE book ADD COLUMN isbn TEXT;\n"
                           "CREATE INDEX book_author ON book(author_id);\n"
                           "\n"
                           "-- migrate:down\n"
                           "DROP INDEX book_author;\n"
                           "ALTER TABLE book DROP COLUMN isbn;\n"_s;

void writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// An editor on a migrations folder that already holds versions 0001 and 0002.
struct Fixture {
    QTemporaryDir dir;
    MigrationEditor editor;

    Fixture()
    {
        writeFile(dir.filePath(u"0001_init.sql"_s), u"-- migrate:up\n"_s);
        writeFile(dir.filePath(u"0002_author.sql"_s), u"-- migrate:up\n"_s);
        editor.setMigrationsFolder(dir.path());
        editor.setName(u"Alter book"_s);
        editor.setText(kMigration);
    }
};

} // namespace

TEST(MigrationEditor, the_file_name_continues_the_folders_numbering)
{
    Fixture f;
    EXPECT_EQ(f.editor.fileName(), f.dir.filePath(u"0003_alter_book.sql"_s));
}

TEST(MigrationEditor, save_writes_exactly_the_text_to_that_file)
{
    Fixture f;
    QSignalSpy saved(&f.editor, &MigrationEditor::saved);
    ASSERT_TRUE(f.editor.save().ok());
    EXPECT_EQ(readFile(f.dir.filePath(u"0003_alter_book.sql"_s)), kMigration);
    ASSERT_EQ(saved.size(), 1);
    EXPECT_EQ(saved.first().first().toString(), f.dir.filePath(u"0003_alter_book.sql"_s));
}

TEST(MigrationEditor, saving_again_rewrites_the_same_file)
{
    Fixture f;
    ASSERT_TRUE(f.editor.save().ok());
    f.editor.editor()->append(u"-- more\n"_s);
    ASSERT_TRUE(f.editor.save().ok());
    EXPECT_EQ(readFile(f.dir.filePath(u"0003_alter_book.sql"_s)), kMigration + u"-- more\n"_s);
    EXPECT_FALSE(QFile::exists(f.dir.filePath(u"0004_alter_book.sql"_s)));
}

TEST(MigrationEditor, save_refuses_to_overwrite_a_file_changed_by_someone_else)
{
    Fixture f;
    ASSERT_TRUE(f.editor.save().ok());
    const QString path = f.editor.fileName();
    writeFile(path, u"-- migrate:up\nSELECT 'theirs';\n"_s);
    f.editor.editor()->append(u"-- mine\n"_s);
    const Status status = f.editor.save();
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, Error::Code::Conflict);
    EXPECT_EQ(readFile(path), u"-- migrate:up\nSELECT 'theirs';\n"_s);
    EXPECT_TRUE(f.editor.isModified());
}

TEST(MigrationEditor, writing_over_a_different_existing_file_is_a_conflict)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"0001_x.sql"_s);
    writeFile(path, u"old"_s);
    const Status status = writeMigrationText(path, u"new"_s, std::nullopt);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, Error::Code::Conflict);
    EXPECT_EQ(readFile(path), u"old"_s);
    EXPECT_TRUE(writeMigrationText(path, u"old"_s, std::nullopt).ok());
    EXPECT_TRUE(writeMigrationText(path, u"new"_s, u"old"_s).ok());
    EXPECT_EQ(readFile(path), u"new"_s);
}

TEST(MigrationEditor, an_unnamed_migration_cannot_be_saved)
{
    Fixture f;
    f.editor.setName(QString());
    EXPECT_TRUE(f.editor.fileName().isEmpty());
    EXPECT_FALSE(f.editor.save().ok());
    EXPECT_EQ(QDir(f.dir.path()).entryList(QDir::Files).size(), 2);
}

TEST(MigrationEditor, a_name_without_letters_cannot_be_saved)
{
    Fixture f;
    f.editor.setName(u"???"_s);
    EXPECT_TRUE(f.editor.fileName().isEmpty());
    EXPECT_FALSE(f.editor.save().ok());
    EXPECT_EQ(QDir(f.dir.path()).entryList(QDir::Files).size(), 2);
}

TEST(MigrationEditor, isModified_resets_after_save_and_returns_with_an_edit)
{
    Fixture f;
    QSignalSpy changed(&f.editor, &MigrationEditor::modificationChanged);
    EXPECT_TRUE(f.editor.isModified());
    ASSERT_TRUE(f.editor.save().ok());
    EXPECT_FALSE(f.editor.isModified());
    ASSERT_EQ(changed.size(), 1);
    EXPECT_FALSE(changed.last().first().toBool());
    f.editor.editor()->insert(u"-- edited\n"_s);
    EXPECT_TRUE(f.editor.isModified());
    EXPECT_TRUE(changed.last().first().toBool());
}

TEST(MigrationEditor, an_empty_new_migration_is_not_modified)
{
    MigrationEditor editor;
    EXPECT_FALSE(editor.isModified());
    editor.setText(u"SELECT 1;"_s);
    EXPECT_TRUE(editor.isModified());
}

TEST(MigrationEditor, showError_marks_the_errors_file_line)
{
    Fixture f;
    Error error{Error::Code::Sql, u"no such column: author_id"_s, f.editor.fileName(), 4};
    f.editor.showError(error);
    EXPECT_EQ(f.editor.editor()->errorLines(), QList<int>{3});
    EXPECT_TRUE(f.editor.editor()->annotation(3).contains(u"no such column"_s));
    int line = -1, index = -1;
    f.editor.editor()->getCursorPosition(&line, &index);
    EXPECT_EQ(line, 3);
}

TEST(MigrationEditor, showError_without_a_line_finds_the_statement)
{
    Fixture f;
    Error error{Error::Code::Sql, u"no such index"_s};
    error.statement = u"DROP INDEX book_author;"_s;
    f.editor.showError(error);
    EXPECT_EQ(f.editor.editor()->errorLines(), QList<int>{6});
}

TEST(MigrationEditor, ctrl_s_saves)
{
    Fixture f;
    f.editor.show();
    f.editor.activateWindow();
    f.editor.editor()->setFocus();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&f.editor));
    QTest::keySequence(f.editor.editor(), QKeySequence::Save);
    EXPECT_EQ(readFile(f.dir.filePath(u"0003_alter_book.sql"_s)), kMigration);
    EXPECT_EQ(f.editor.saveAction()->shortcutContext(), Qt::WidgetWithChildrenShortcut);
}

TEST(MigrationEditor, renders_an_error_line_tinted_in_light_and_dark_palettes)
{
    for (const auto &[name, palette] : {std::pair{u"light"_s, uitest::lightPalette()},
                                        std::pair{u"dark"_s, uitest::darkPalette()}}) {
        const uitest::ScopedAppPalette applied(palette);
        Fixture f;
        f.editor.resize(900, 380);
        f.editor.setCompletionNames({u"book"_s}, {{u"book"_s, {u"author_id"_s}}});
        f.editor.showError({Error::Code::Sql, u"no such column: author_id"_s, {}, 4});
        f.editor.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&f.editor));
        ASSERT_TRUE(uitest::saveScreenshot(f.editor, u"migration_editor_"_s + name));
        SqlEditor *sql = f.editor.editor();
        const QImage image = f.editor.grab().toImage();
        const int y = int(sql->SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0L,
                                             sql->positionFromLineIndex(3, 0))) +
                      sql->textHeight(3) / 2;
        const QPoint at =
            sql->viewport()->mapTo(&f.editor, QPoint(sql->viewport()->width() - 4, y));
        const QColor tint = image.pixelColor(at * image.devicePixelRatio());
        EXPECT_NE(tint, palette.color(QPalette::Base)) << qPrintable(name);
        EXPECT_GT(tint.red(), tint.green()) << qPrintable(name);
    }
}
