#include "sql/lexer.h"

#include <gtest/gtest.h>

using namespace burrow::sql;
using namespace Qt::StringLiterals;

namespace {

QStringList kinds(QStringView sql, const LexerOptions &options = {})
{
    QStringList out;
    for (const Token &t : significantTokens(sql, options))
        out.append(t.text(sql).toString());
    return out;
}

LexerOptions sqliteLike()
{
    LexerOptions o;
    o.backtickIdentifiers = o.bracketIdentifiers = o.caseInsensitiveIdentifiers = true;
    return o;
}

} // namespace

TEST(Lexer, comments_and_whitespace_are_not_significant)
{
    EXPECT_EQ(kinds(u"SELECT -- note\n 1 /* block */ + 2"),
              (QStringList{u"SELECT"_s, u"1"_s, u"+"_s, u"2"_s}));
}

TEST(Lexer, quotes_keep_semicolons_and_dashes_inside_one_token)
{
    const QStringList tokens = kinds(u"'a;--b' \"c;d\" `e` [f g]", sqliteLike());
    EXPECT_EQ(tokens, (QStringList{u"'a;--b'"_s, u"\"c;d\""_s, u"`e`"_s, u"[f g]"_s}));
}

TEST(Lexer, doubled_quotes_stay_inside_the_literal)
{
    const QString sql = QStringLiteral("'it''s' \"say \"\"hi\"\"\"");
    const QList<Token> tokens = significantTokens(sql, {});
    ASSERT_EQ(tokens.size(), 2);
    EXPECT_EQ(identifierName(sql, tokens[1]), u"say \"hi\"");
}

TEST(Lexer, unterminated_string_is_flagged_with_its_line)
{
    const QString sql = QStringLiteral("SELECT 1;\nSELECT 'oops");
    const QList<Token> tokens = significantTokens(sql, {});
    ASSERT_FALSE(tokens.isEmpty());
    EXPECT_TRUE(tokens.last().unterminated);
    EXPECT_EQ(tokens.last().line, 2);
}

TEST(Lexer, blob_literal_is_one_string_token)
{
    const QString sql = QStringLiteral("x'00ff'");
    const QList<Token> tokens = significantTokens(sql, {});
    ASSERT_EQ(tokens.size(), 1);
    EXPECT_EQ(tokens[0].kind, TokenKind::String);
}

TEST(Lexer, dollar_quotes_only_where_the_dialect_has_them)
{
    LexerOptions pg;
    pg.dollarQuotedStrings = true;
    EXPECT_EQ(kinds(u"$$a;b$$", pg).size(), 1);
    EXPECT_GT(kinds(u"$$a;b$$").size(), 1);
}
