#include "sql/splitter.h"

#include <gtest/gtest.h>

using namespace burrow::sql;
using burrow::Result;

namespace {

QList<Statement> split(const QString &script, const LexerOptions &options = {})
{
    Result<QList<Statement>> r = splitStatements(script, QStringLiteral("m.sql"), options);
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

TEST(Splitter, mariadb_bodies_with_if_loops_and_handlers_are_one_statement_each)
{
    const QList<Statement> s = split(
        QStringLiteral("CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW begin\n"
                       "  if NEW.n is null or NEW.n = 0 then\n"
                       "    set NEW.n = IF(NEW.m > 0, 1, 2);\n"
                       "  elseif NEW.n < 0 then set NEW.n = 0;\n"
                       "  end if;\n"
                       "  CASE NEW.k WHEN 1 THEN SET NEW.k = 2; ELSE SET NEW.k = 3; END CASE;\n"
                       "end;\n"
                       "CREATE DEFINER = `root`@`%` PROCEDURE p() BEGIN\n"
                       "  DECLARE done INT DEFAULT 0;\n"
                       "  DECLARE CONTINUE HANDLER FOR NOT FOUND BEGIN SET done = 1; END;\n"
                       "  lbl: LOOP IF done THEN LEAVE lbl; END IF; END LOOP lbl;\n"
                       "  WHILE done < 3 DO SET done = done + 1; END WHILE;\n"
                       "  REPEAT SET done = done - 1; UNTIL done = 0 END REPEAT;\n"
                       "END;\n"
                       "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END;\n"
                       "CREATE TRIGGER b AFTER INSERT ON t FOR EACH ROW IF NEW.n > 1 THEN\n"
                       "  INSERT INTO log VALUES (1); END IF;\n"
                       "CREATE TABLE z(q);"),
        LexerOptions{.doubleQuotedIdentifiers = false, .backtickIdentifiers = true});
    QStringList texts;
    for (const Statement &st : s)
        texts.append(st.text);
    ASSERT_EQ(s.size(), 5) << texts.join(u"\n---\n").toStdString();
    EXPECT_TRUE(s[0].text.endsWith(u"end")) << s[0].text.toStdString();
    EXPECT_TRUE(s[1].text.endsWith(u"END")) << s[1].text.toStdString();
    EXPECT_TRUE(s[2].text.startsWith(u"CREATE EVENT")) << s[2].text.toStdString();
    EXPECT_TRUE(s[3].text.endsWith(u"END IF")) << s[3].text.toStdString();
    EXPECT_EQ(s[4].text, u"CREATE TABLE z(q)");
    EXPECT_EQ(s[4].line, 18);
}

TEST(Splitter, an_if_function_or_a_column_named_loop_opens_no_block)
{
    const QList<Statement> s = split(QStringLiteral(
        "UPDATE t SET x = IF(y, 1, 2), loop = 3;\n"
        "CREATE TRIGGER c BEFORE UPDATE ON t FOR EACH ROW SET NEW.x = IF(NEW.y, 1, 2);\n"
        "CREATE TABLE z(q);"));
    ASSERT_EQ(s.size(), 3);
    EXPECT_EQ(s[2].text, u"CREATE TABLE z(q)");
}
