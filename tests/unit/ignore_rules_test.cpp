// Ignore rules: table-name globs, the built-in history table, and their effect on a diff.
#include "diff/differ.h"
#include "diff/ignore_rules.h"
#include "qt_printing.h"
#include "schema_builders.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::diff;
using namespace burrow::test;

namespace {

const QString kBook = QStringLiteral("book");

} // namespace

TEST(IgnoreRules, globs_are_anchored_with_star_and_question_mark)
{
    const IgnoreRules rules({QStringLiteral("audit_*"), QStringLiteral("tmp?")},
                            Qt::CaseInsensitive);
    EXPECT_TRUE(rules.matches(QStringLiteral("audit_log")));
    EXPECT_TRUE(rules.matches(QStringLiteral("audit_")));
    EXPECT_FALSE(rules.matches(QStringLiteral("my_audit_log")));
    EXPECT_TRUE(rules.matches(QStringLiteral("tmp1")));
    EXPECT_FALSE(rules.matches(QStringLiteral("tmp")));
    EXPECT_FALSE(rules.matches(QStringLiteral("tmp12")));
    EXPECT_FALSE(rules.matches(QStringLiteral("xtmp1")));
}

TEST(IgnoreRules, other_characters_are_literal)
{
    const IgnoreRules rules({QStringLiteral("a.b"), QStringLiteral("[x]+")}, Qt::CaseInsensitive);
    EXPECT_TRUE(rules.matches(QStringLiteral("a.b")));
    EXPECT_FALSE(rules.matches(QStringLiteral("axb")));
    EXPECT_TRUE(rules.matches(QStringLiteral("[x]+")));
    EXPECT_FALSE(rules.matches(QStringLiteral("xx")));
}

TEST(IgnoreRules, case_follows_the_option)
{
    EXPECT_TRUE(IgnoreRules({QStringLiteral("audit_*")}, Qt::CaseInsensitive)
                    .matches(QStringLiteral("AUDIT_Log")));
    EXPECT_FALSE(IgnoreRules({QStringLiteral("audit_*")}, Qt::CaseSensitive)
                     .matches(QStringLiteral("AUDIT_Log")));
}

TEST(IgnoreRules, history_table_is_always_ignored)
{
    const IgnoreRules none({}, Qt::CaseInsensitive);
    EXPECT_TRUE(none.matches(QStringLiteral("burrow_migrations")));
    EXPECT_FALSE(none.matches(QStringLiteral("burrow_migrations_old")));
    EXPECT_FALSE(none.matches(QStringLiteral("book")));
    const Schema s = none.apply(schemaOf({table("book"), table("burrow_migrations")}));
    ASSERT_EQ(s.tables.size(), 1);
    EXPECT_EQ(s.tables[0].name, kBook);
}

TEST(IgnoreRules, apply_drops_matching_tables_and_views_only)
{
    const View kept{QStringLiteral("report"), expr("CREATE VIEW report AS SELECT 1")};
    const View dropped{QStringLiteral("tmp_view"), expr("CREATE VIEW tmp_view AS SELECT 1")};
    const IgnoreRules rules({QStringLiteral("tmp_*")}, Qt::CaseInsensitive);
    const Schema s =
        rules.apply(schemaOf({table("tmp_a"), table("book"), table("TMP_B")}, {kept, dropped}));
    ASSERT_EQ(s.tables.size(), 1);
    EXPECT_EQ(s.tables[0].name, kBook);
    ASSERT_EQ(s.views.size(), 1);
    EXPECT_EQ(s.views[0].name, u"report");
}

TEST(IgnoreRules, ignored_tables_produce_no_changes)
{
    const IgnoreRules rules({QStringLiteral("legacy_*")}, Qt::CaseInsensitive);
    const Schema live = rules.apply(schemaOf({table("legacy_x"), table("burrow_migrations")}));
    const Schema model = rules.apply(schemaOf({table("legacy_y")}));
    EXPECT_TRUE(diffSchemas(live, model).isEmpty());
}
