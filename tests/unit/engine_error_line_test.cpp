// Where in a statement the engines' error messages point.
#include "dialect/connection.h"

#include <gtest/gtest.h>

using burrow::dialect::lineInStatement;

TEST(EngineErrorLine, postgresql_marks_the_line_of_its_statement)
{
    EXPECT_EQ(lineInStatement(QStringLiteral("syntax error at or near \"defualt\"\nLINE 3:   ADD "
                                             "COLUMN rank integer defualt 1;\n")),
              3);
}

TEST(EngineErrorLine, mariadb_names_it_at_the_end_of_a_syntax_error)
{
    EXPECT_EQ(lineInStatement(QStringLiteral(
                  "You have an error in your SQL syntax; check the manual that corresponds to "
                  "your MariaDB server version for the right syntax to use near 'defualt 1,\n"
                  "  ADD COLUMN x int' at line 2")),
              2);
}

TEST(EngineErrorLine, other_messages_name_no_line)
{
    EXPECT_EQ(lineInStatement(QStringLiteral("no such table: nowhere")), 0);
    EXPECT_EQ(lineInStatement(QStringLiteral("Table 'shop.nowhere' doesn't exist")), 0);
    EXPECT_EQ(lineInStatement(QStringLiteral("new row violates check constraint \"c\"")), 0);
}
