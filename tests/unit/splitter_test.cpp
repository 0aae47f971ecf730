#include "sql/splitter.h"

#include <gtest/gtest.h>

using namespace burrow::sql;
using burrow::Result;

namespace {

QList<Statement> split(const QString &script)
{
    Result<QList<Statement>> r = splitStatements(script, QStringLiteral("m.sql"), LexerOptions{});
    EXPECT_TRUE(r.ok()) << (r ? "" : r.error().toString().toStdString());
    return r ? *r : QList<Statement>{};
}

} // namespace

TEST(Splitter, splits_at_top_level_semicolons_with_lines)
{
    const QList<Statement> s =
        split(QStringLiteral("CREATE TABLE a(x);\n\n-- note\nCREATE TABLE b(y);"));
    ASSERT_EQ(s.size(), 2);
    EXPECT_EQ(s[0].text, u"CREATE TABLE a(x)");
    EXPECT_EQ(s[1].line, 4);
    EXPECT_EQ(s[1].file, u"m.sql");
}

TEST(Splitter, semicolons_in_strings_and_comments_do_not_split)
{
    const QList<Statement> s =
        split(QStringLiteral("INSERT INTO t VALUES ('a;b'); /* ; */ SELECT \";\";"));
    ASSERT_EQ(s.size(), 2);
    EXPECT_EQ(s[0].text, u"INSERT INTO t VALUES ('a;b')");
}

TEST(Splitter, trigger_body_with_case_end_is_one_statement)
{
    const QList<Statement> s =
        split(QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                             "  UPDATE a SET x = CASE WHEN new.x > 0 THEN 1 ELSE 0 END;\n"
                             "  INSERT INTO log VALUES ('END;');\n"
                             "END;\n"
                             "CREATE TABLE z(q);"));
    ASSERT_EQ(s.size(), 2);
    EXPECT_TRUE(s[0].text.endsWith(u"END"));
    EXPECT_EQ(s[1].text, u"CREATE TABLE z(q)");
    EXPECT_EQ(s[1].line, 5);
}

TEST(Splitter, last_statement_needs_no_semicolon_and_empty_ones_vanish)
{
    const QList<Statement> s = split(QStringLiteral(";;CREATE TABLE a(x);;  CREATE TABLE b(y)  "));
    ASSERT_EQ(s.size(), 2);
    EXPECT_EQ(s[1].text, u"CREATE TABLE b(y)");
}

TEST(Splitter, unterminated_quote_names_file_and_line)
{
    Result<QList<Statement>> r = splitStatements(
        QStringLiteral("CREATE TABLE a(x);\nCREATE TABLE 'b(y);"), QStringLiteral("m.sql"), {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().line, 2);
    EXPECT_EQ(r.error().file, u"m.sql");
    EXPECT_TRUE(r.error().message.contains(u"unterminated"));
}

TEST(Splitter, trigger_without_end_is_an_error)
{
    Result<QList<Statement>> r =
        splitStatements(QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;"),
                        QStringLiteral("m.sql"), {});
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.contains(u"END"));
}
