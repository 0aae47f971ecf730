#include "migration/migration_file.h"
#include "qt_printing.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::migration;

namespace {

const QString kPath = QStringLiteral("migrations/20240101_add_price.sql");

MigrationFile parse(const QString &text)
{
    Result<MigrationFile> r = parseMigration(text, kPath, sql::LexerOptions{});
    EXPECT_TRUE(r.ok()) << (r ? "" : r.error().toString().toStdString());
    return r ? *r : MigrationFile{};
}

Error parseError(const QString &text)
{
    Result<MigrationFile> r = parseMigration(text, kPath, sql::LexerOptions{});
    EXPECT_FALSE(r.ok());
    return r ? Error{} : r.error();
}

QStringList texts(const Section &section)
{
    QStringList out;
    for (const sql::Statement &statement : section.statements)
        out.append(statement.text);
    return out;
}

} // namespace

TEST(MigrationFile, dbmate_sections_split_into_statements)
{
    const MigrationFile file = parse(QStringLiteral("-- migrate:up\n"
                                                    "ALTER TABLE book ADD COLUMN price NUMERIC;\n"
                                                    "CREATE INDEX book_price ON book(price);\n"
                                                    "-- migrate:down\n"
                                                    "ALTER TABLE book DROP COLUMN price;\n"));
    EXPECT_EQ(file.path, kPath);
    EXPECT_EQ(texts(file.up),
              QStringList({QStringLiteral("ALTER TABLE book ADD COLUMN price NUMERIC"),
                           QStringLiteral("CREATE INDEX book_price ON book(price)")}));
    EXPECT_EQ(texts(file.down),
              QStringList({QStringLiteral("ALTER TABLE book DROP COLUMN price")}));
    EXPECT_TRUE(file.up.present && file.down.present);
    EXPECT_TRUE(file.up.transaction && file.down.transaction);
    EXPECT_EQ(file.up.statements[1].file, kPath);
}

TEST(MigrationFile, trigger_body_with_semicolons_stays_one_statement)
{
    const MigrationFile file =
        parse(QStringLiteral("-- migrate:up\n"
                             "CREATE TRIGGER stamp AFTER UPDATE ON book BEGIN\n"
                             "  UPDATE book SET updated = 1 WHERE id = new.id;\n"
                             "  INSERT INTO log VALUES ('-- migrate:down;');\n"
                             "END;\n"
                             "-- migrate:down\n"
                             "DROP TRIGGER stamp;\n"));
    ASSERT_EQ(file.up.statements.size(), 1);
    EXPECT_TRUE(file.up.statements[0].text.endsWith(u"END"));
    EXPECT_EQ(texts(file.down), QStringList({QStringLiteral("DROP TRIGGER stamp")}));
}

TEST(MigrationFile, down_section_statements_carry_file_lines)
{
    const MigrationFile file = parse(QStringLiteral("-- Adds prices.\n"    // 1
                                                    "\n"                   // 2
                                                    "-- migrate:up\n"      // 3
                                                    "CREATE TABLE a(x);\n" // 4
                                                    "\n"                   // 5
                                                    "CREATE TABLE b(y);\n" // 6
                                                    "-- migrate:down\n"    // 7
                                                    "\n"                   // 8
                                                    "DROP TABLE b;\n"      // 9
                                                    "-- b first\n"         // 10
                                                    "DROP TABLE a;\n"));   // 11
    ASSERT_EQ(file.up.statements.size(), 2);
    EXPECT_EQ(file.up.statements[0].line, 4);
    EXPECT_EQ(file.up.statements[1].line, 6);
    ASSERT_EQ(file.down.statements.size(), 2);
    EXPECT_EQ(file.down.statements[0].line, 9);
    EXPECT_EQ(file.down.statements[1].line, 11);
}

TEST(MigrationFile, leading_comments_form_the_description)
{
    const MigrationFile file = parse(QStringLiteral("-- Adds a price to books.\n"
                                                    "--   Prices are in cents.\n"
                                                    "\n"
                                                    "-- migrate:up\n"
                                                    "-- not part of the description\n"
                                                    "CREATE TABLE a(x);\n"));
    EXPECT_EQ(file.description, QStringLiteral("Adds a price to books.\n  Prices are in cents."));
    EXPECT_FALSE(file.down.present);
    EXPECT_TRUE(file.down.statements.isEmpty());
}

TEST(MigrationFile, transaction_false_turns_off_the_sections_transaction)
{
    const MigrationFile file = parse(QStringLiteral("-- migrate:up transaction:false\n"
                                                    "CREATE INDEX CONCURRENTLY i ON t(x);\n"
                                                    "-- migrate:down\n"
                                                    "DROP INDEX i;\n"));
    EXPECT_FALSE(file.up.transaction);
    EXPECT_TRUE(file.down.transaction);
}

TEST(MigrationFile, goose_sections_with_statement_block_and_no_transaction)
{
    const MigrationFile file = parse(QStringLiteral("-- +goose NO TRANSACTION\n"           // 1
                                                    "-- +goose Up\n"                       // 2
                                                    "CREATE TABLE t(x);\n"                 // 3
                                                    "-- +goose StatementBegin\n"           // 4
                                                    "CREATE TRIGGER g AFTER INSERT ON t\n" // 5
                                                    "WHEN new.x > 0 BEGIN\n"               // 6
                                                    "  SELECT 1; SELECT 2;\n"              // 7
                                                    "END;\n"                               // 8
                                                    "-- +goose StatementEnd\n"             // 9
                                                    "INSERT INTO t VALUES (1);\n"          // 10
                                                    "-- +goose Down\n"                     // 11
                                                    "DROP TABLE t;\n"));                   // 12
    ASSERT_EQ(file.up.statements.size(), 3);
    EXPECT_TRUE(file.up.statements[1].text.startsWith(u"CREATE TRIGGER g"));
    EXPECT_TRUE(file.up.statements[1].text.endsWith(u"END"));
    EXPECT_EQ(file.up.statements[1].line, 5);
    EXPECT_EQ(file.up.statements[2].line, 10);
    EXPECT_EQ(file.down.statements[0].line, 12);
    EXPECT_FALSE(file.up.transaction);
    EXPECT_FALSE(file.down.transaction);
}

TEST(MigrationFile, goose_block_is_not_split_at_inner_semicolons)
{
    const MigrationFile file = parse(QStringLiteral("-- +goose Up\n"
                                                    "-- +goose StatementBegin\n"
                                                    "CREATE FUNCTION f() RETURNS int AS '\n"
                                                    "  SELECT 1; SELECT 2;' LANGUAGE sql;\n"
                                                    "-- +goose StatementEnd\n"));
    ASSERT_EQ(file.up.statements.size(), 1);
    EXPECT_TRUE(file.up.statements[0].text.endsWith(u"LANGUAGE sql"));
    EXPECT_EQ(file.up.statements[0].line, 3);
}

TEST(MigrationFile, missing_up_marker_is_an_error)
{
    const Error e = parseError(QStringLiteral("CREATE TABLE a(x);\n"));
    EXPECT_EQ(e.code, Error::Code::Model);
    EXPECT_EQ(e.file, kPath);
    EXPECT_EQ(e.line, 1);
    EXPECT_TRUE(e.message.contains(u"migrate:up")) << e.message.toStdString();
}

TEST(MigrationFile, down_without_up_names_the_down_marker)
{
    const Error e = parseError(QStringLiteral("-- note\n-- migrate:down\nDROP TABLE a;\n"));
    EXPECT_EQ(e.code, Error::Code::Model);
    EXPECT_EQ(e.line, 2);
}

TEST(MigrationFile, marker_twice_is_an_error_at_the_second)
{
    const Error e = parseError(
        QStringLiteral("-- migrate:up\nCREATE TABLE a(x);\n-- migrate:down\n-- migrate:up\n"));
    EXPECT_EQ(e.code, Error::Code::Model);
    EXPECT_EQ(e.line, 4);
    EXPECT_TRUE(e.message.contains(u"line 1")) << e.message.toStdString();
}

TEST(MigrationFile, unknown_option_after_marker_is_an_error)
{
    const Error e = parseError(QStringLiteral("\n-- migrate:up transaction:maybe\nSELECT 1;\n"));
    EXPECT_EQ(e.code, Error::Code::InvalidArgument);
    EXPECT_EQ(e.file, kPath);
    EXPECT_EQ(e.line, 2);
    EXPECT_TRUE(e.message.contains(u"transaction:maybe")) << e.message.toStdString();
}

TEST(MigrationFile, unknown_marker_and_goose_annotation_are_errors)
{
    EXPECT_EQ(parseError(QStringLiteral("-- migrate:sideways\n")).line, 1);
    const Error e = parseError(QStringLiteral("-- +goose Up\n-- +goose ENVSUB ON\n"));
    EXPECT_EQ(e.code, Error::Code::InvalidArgument);
    EXPECT_EQ(e.line, 2);
}

TEST(MigrationFile, split_error_in_down_section_carries_the_file_line)
{
    const Error e = parseError(QStringLiteral("-- migrate:up\n"
                                              "CREATE TABLE a(x);\n"
                                              "-- migrate:down\n"
                                              "DROP TABLE a;\n"
                                              "INSERT INTO a VALUES ('oops);\n"));
    EXPECT_EQ(e.file, kPath);
    EXPECT_EQ(e.line, 5);
    EXPECT_TRUE(e.message.contains(u"unterminated")) << e.message.toStdString();
}

TEST(MigrationFile, unfinished_trigger_carries_the_file_line)
{
    const Error e = parseError(QStringLiteral("-- migrate:up\n\n"
                                              "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                                              "  SELECT 1;\n"
                                              "-- migrate:down\n"));
    EXPECT_EQ(e.line, 3);
    EXPECT_TRUE(e.message.contains(u"END")) << e.message.toStdString();
}

TEST(MigrationFile, sql_before_the_up_marker_is_an_error)
{
    const Error e = parseError(QStringLiteral("-- about\nDROP TABLE a;\n-- migrate:up\n"));
    EXPECT_EQ(e.code, Error::Code::Model);
    EXPECT_EQ(e.line, 2);
}

TEST(MigrationFile, unbalanced_goose_blocks_are_errors)
{
    const Error open = parseError(
        QStringLiteral("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose Down\n"));
    EXPECT_EQ(open.code, Error::Code::Model);
    EXPECT_EQ(open.line, 4);
    EXPECT_TRUE(open.message.contains(u"line 2")) << open.message.toStdString();
    EXPECT_EQ(
        parseError(QStringLiteral("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n")).line, 2);
    EXPECT_EQ(parseError(QStringLiteral("-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n")).line,
              3);
}

TEST(MigrationFile, read_migration_file_reads_utf8_and_reports_missing_files)
{
    test::TempDir dir;
    const QString path = dir.write(QStringLiteral("1_init.sql"),
                                   "-- Café\n-- migrate:up\nCREATE TABLE \xC3\xA9t\xC3\xA9(x);\n");
    Result<MigrationFile> file = readMigrationFile(path, {});
    ASSERT_TRUE(file.ok()) << file.error().toString().toStdString();
    EXPECT_EQ(file->path, path);
    EXPECT_EQ(file->description, QString::fromUtf8("Café"));
    ASSERT_EQ(file->up.statements.size(), 1);
    EXPECT_EQ(file->up.statements[0].line, 3);
    Result<MigrationFile> missing = readMigrationFile(dir.path(QStringLiteral("none.sql")), {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Error::Code::NotFound);
}

TEST(MigrationFile, crlf_line_endings_keep_markers_and_lines)
{
    const MigrationFile file = parse(QStringLiteral(
        "-- Windows file\r\n-- migrate:up transaction:false\r\nCREATE TABLE a(x);\r\n"
        "-- migrate:down\r\n\r\nDROP TABLE a;\r\n"));
    EXPECT_EQ(file.description, u"Windows file");
    EXPECT_FALSE(file.up.transaction);
    ASSERT_EQ(file.down.statements.size(), 1);
    EXPECT_EQ(file.down.statements[0].text, u"DROP TABLE a");
    EXPECT_EQ(file.down.statements[0].line, 6);
}

TEST(MigrationFile, a_marker_line_inside_a_quoted_name_or_string_is_part_of_it)
{
    const MigrationFile file = parse(
        QStringLiteral("-- migrate:up\n"
                       "CREATE TABLE \"m\n-- migrate:down\nx\" (id INTEGER);\n"
                       "INSERT INTO \"m\n-- migrate:down\nx\" VALUES ('\n-- migrate:down\n');\n"
                       "-- migrate:down\n"
                       "DROP TABLE \"m\n-- migrate:down\nx\";\n"));
    EXPECT_EQ(file.up.statements.size(), 2);
    EXPECT_EQ(texts(file.down),
              QStringList{QStringLiteral("DROP TABLE \"m\n-- migrate:down\nx\"")});
}
