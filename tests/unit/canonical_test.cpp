#include "sql/canonical.h"

#include <gtest/gtest.h>

using namespace burrow::sql;

namespace {

LexerOptions sqlite()
{
    LexerOptions o;
    o.backtickIdentifiers = o.bracketIdentifiers = o.caseInsensitiveIdentifiers = true;
    return o;
}

} // namespace

TEST(Canonical, keyword_case_whitespace_and_comments_do_not_matter)
{
    EXPECT_EQ(canonicalize(u"SELECT a  FROM t -- x\n WHERE b>1", sqlite()),
              canonicalize(u"select A from T where b > 1", sqlite()));
}

TEST(Canonical, quoting_styles_of_plain_names_do_not_matter)
{
    EXPECT_EQ(canonicalize(u"\"Price\" > [qty] + `x`", sqlite()),
              canonicalize(u"price > qty + x", sqlite()));
}

TEST(Canonical, wrapping_parentheses_do_not_matter_but_inner_ones_do)
{
    EXPECT_EQ(canonicalize(u"((0))", sqlite()), canonicalize(u"0", sqlite()));
    EXPECT_NE(canonicalize(u"(a + b) * c", sqlite()), canonicalize(u"a + b * c", sqlite()));
    EXPECT_NE(canonicalize(u"(a) + (b)", sqlite()), canonicalize(u"a) + (b", sqlite()));
}

TEST(Canonical, string_literals_keep_their_case)
{
    EXPECT_NE(canonicalize(u"'Draft'", sqlite()), canonicalize(u"'draft'", sqlite()));
}

TEST(Canonical, case_sensitive_dialects_keep_quoted_case)
{
    LexerOptions pg;
    EXPECT_NE(canonicalize(u"\"Price\"", pg), canonicalize(u"price", pg));
    EXPECT_EQ(canonicalize(u"\"price\"", pg), canonicalize(u"PRICE", pg));
}

TEST(Canonical, type_spelling_is_normalized)
{
    EXPECT_EQ(normalizeTypeSpelling(u"varchar( 10 )", sqlite()), u"VARCHAR(10)");
    EXPECT_EQ(normalizeTypeSpelling(u"numeric(10 ,2)", sqlite()), u"NUMERIC(10, 2)");
    EXPECT_EQ(normalizeTypeSpelling(u"character   varying(255)", sqlite()),
              u"CHARACTER VARYING(255)");
}
