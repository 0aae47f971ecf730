// The line and word diff behind the definition views.
#include "editor/line_diff.h"

#include <gtest/gtest.h>

using namespace burrow::ui;
using C = LineChange;
using namespace Qt::Literals::StringLiterals;

namespace {

QStringList lines(const char *text)
{
    return QString::fromUtf8(text).split(u'\n');
}

QStringList pieces(const QString &line, const QList<CharRange> &ranges)
{
    QStringList out;
    for (const CharRange &r : ranges)
        out.append(line.mid(r.start, r.length));
    return out;
}

} // namespace

TEST(LineDiff, identical_texts_have_only_same_lines)
{
    const LineDiff diff = diffLines(lines("a\nb\nc"), lines("a\nb\nc"));
    EXPECT_EQ(diff.left, QList<C>({C::Same, C::Same, C::Same}));
    EXPECT_EQ(diff.right, QList<C>({C::Same, C::Same, C::Same}));
    EXPECT_TRUE(diff.identical());
    EXPECT_EQ(diff.leftToRight, QList<int>({0, 1, 2}));
}

TEST(LineDiff, an_inserted_line_is_added_on_the_right_only)
{
    const LineDiff diff = diffLines(lines("a\nc"), lines("a\nb\nc"));
    EXPECT_EQ(diff.left, QList<C>({C::Same, C::Same}));
    EXPECT_EQ(diff.right, QList<C>({C::Same, C::Added, C::Same}));
    EXPECT_TRUE(diff.changedPairs.isEmpty());
    EXPECT_EQ(diff.leftToRight, QList<int>({0, 2}));
    EXPECT_EQ(diff.rightToLeft, QList<int>({0, 1, 1}));
}

TEST(LineDiff, a_deleted_line_is_removed_on_the_left_only)
{
    const LineDiff diff = diffLines(lines("a\nb\nc\nd"), lines("a\nc\nd"));
    EXPECT_EQ(diff.left, QList<C>({C::Same, C::Removed, C::Same, C::Same}));
    EXPECT_EQ(diff.right, QList<C>({C::Same, C::Same, C::Same}));
    EXPECT_FALSE(diff.identical());
}

TEST(LineDiff, a_replaced_line_is_changed_and_paired_with_its_replacement)
{
    const LineDiff diff =
        diffLines(lines("id\nyear TEXT,\nisbn"), lines("id\nyear INTEGER,\nisbn"));
    EXPECT_EQ(diff.left, QList<C>({C::Same, C::Changed, C::Same}));
    EXPECT_EQ(diff.right, QList<C>({C::Same, C::Changed, C::Same}));
    EXPECT_EQ(diff.changedPairs, (QList<QPair<int, int>>{{1, 1}}));
}

TEST(LineDiff, surplus_lines_of_a_replaced_run_stay_removed_or_added)
{
    const LineDiff diff = diffLines(lines("a\nx1\nx2\nx3\nz"), lines("a\ny1\nz"));
    EXPECT_EQ(diff.left, QList<C>({C::Same, C::Changed, C::Removed, C::Removed, C::Same}));
    EXPECT_EQ(diff.right, QList<C>({C::Same, C::Changed, C::Same}));
    EXPECT_EQ(diff.changedPairs, (QList<QPair<int, int>>{{1, 1}}));
    EXPECT_EQ(diff.leftToRight, QList<int>({0, 1, 2, 2, 2}));
}

TEST(LineDiff, an_empty_left_side_makes_every_right_line_added)
{
    const LineDiff diff = diffLines({}, lines("a\nb"));
    EXPECT_TRUE(diff.left.isEmpty());
    EXPECT_EQ(diff.right, QList<C>({C::Added, C::Added}));
}

TEST(LineDiff, an_empty_right_side_makes_every_left_line_removed)
{
    const LineDiff diff = diffLines(lines("a\nb"), {});
    EXPECT_EQ(diff.left, QList<C>({C::Removed, C::Removed}));
    EXPECT_TRUE(diff.right.isEmpty());
}

TEST(LineDiff, two_empty_sides_are_identical)
{
    EXPECT_TRUE(diffLines({}, {}).identical());
}

TEST(LineDiff, common_lines_in_the_middle_are_kept_between_changes)
{
    const LineDiff diff = diffLines(lines("p\nkeep\nq\nkeep2"), lines("keep\nr\nkeep2\ns"));
    EXPECT_EQ(diff.left, QList<C>({C::Removed, C::Same, C::Changed, C::Same}));
    EXPECT_EQ(diff.right, QList<C>({C::Same, C::Changed, C::Same, C::Added}));
    EXPECT_EQ(diff.changedPairs, (QList<QPair<int, int>>{{2, 1}}));
}

TEST(LineDiff, a_changed_word_is_the_only_range_on_each_side)
{
    const QString left = u"    year TEXT,"_s, right = u"    year INTEGER,"_s;
    const WordDiff diff = diffWords(left, right);
    EXPECT_EQ(pieces(left, diff.left), QStringList{u"TEXT"_s});
    EXPECT_EQ(pieces(right, diff.right), QStringList{u"INTEGER"_s});
}

TEST(LineDiff, words_added_at_the_end_are_one_range_on_the_right)
{
    const QString left = u"title TEXT NOT NULL,"_s;
    const QString right = u"title TEXT NOT NULL COLLATE NOCASE,"_s;
    const WordDiff diff = diffWords(left, right);
    EXPECT_TRUE(diff.left.isEmpty());
    EXPECT_EQ(pieces(right, diff.right), QStringList{u" COLLATE NOCASE"_s});
}

TEST(LineDiff, changes_separated_by_blanks_only_merge_into_one_range)
{
    const QString left = u"a b c d"_s, right = u"a x y d"_s;
    const WordDiff diff = diffWords(left, right);
    EXPECT_EQ(diff.left, QList<CharRange>({{2, 3}}));
    EXPECT_EQ(diff.right, QList<CharRange>({{2, 3}}));
}

TEST(LineDiff, identical_lines_have_no_changed_words)
{
    const WordDiff diff = diffWords(u"CREATE INDEX i ON t(a);"_s, u"CREATE INDEX i ON t(a);"_s);
    EXPECT_TRUE(diff.left.isEmpty());
    EXPECT_TRUE(diff.right.isEmpty());
}
