// PostgreSQL's spelling of enum types, sequences, domains and comments, and how a section that
// adds enum labels is wrapped, without a server.
#include "dialect/postgres/postgres_object_sql.h"
#include "dialect/postgres/postgres_section.h"
#include "qt_printing.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::schema;
using namespace burrow::dialect::postgres;
using namespace Qt::Literals::StringLiterals;

TEST(PostgresObjectSql, new_labels_go_after_their_predecessor_or_before_the_first)
{
    const EnumType live{u"Mood"_s, {u"sad"_s, u"happy"_s}};
    const EnumType target{u"Mood"_s, {u"meh"_s, u"sad"_s, u"it's ok"_s, u"happy"_s}};
    EXPECT_EQ(alterEnumSql(live, target, {}),
              (QStringList{u"ALTER TYPE \"Mood\" ADD VALUE E'meh' BEFORE E'sad'"_s,
                           u"ALTER TYPE \"Mood\" ADD VALUE E'it''s ok' AFTER E'sad'"_s}));
}

TEST(PostgresObjectSql, removed_labels_recreate_the_type_and_convert_its_columns_through_text)
{
    const EnumType live{u"mood"_s, {u"sad"_s, u"ok"_s}};
    const EnumType target{u"mood"_s, {u"ok"_s}};
    Column column;
    column.name = u"past"_s;
    column.type = column.typeKey = u"mood[]"_s;
    column.defaultValue = Expression{u"'{ok}'::mood[]"_s, u"'{ok}'::mood[]"_s};
    EXPECT_EQ(alterEnumSql(live, target, plan::EnumUsers{{{u"t"_s, column}}, {}}),
              (QStringList{
                  u"ALTER TYPE \"mood\" RENAME TO \"mood__burrow_old\""_s,
                  u"CREATE TYPE \"mood\" AS ENUM (E'ok')"_s,
                  takeOverTypeSql(u"TYPE"_s, u"mood__burrow_old"_s, u"mood"_s),
                  u"ALTER TABLE \"t\" ALTER COLUMN \"past\" DROP DEFAULT"_s,
                  u"ALTER TABLE \"t\" ALTER COLUMN \"past\" TYPE mood[] USING "
                  u"\"past\"::text[]::mood[]"_s,
                  u"ALTER TABLE \"t\" ALTER COLUMN \"past\" SET DEFAULT '{ok}'::mood[]"_s,
                  u"DROP TYPE \"mood__burrow_old\""_s,
              }));
}

TEST(PostgresObjectSql, sequences_spell_every_option_and_their_owner_apart)
{
    Sequence s{u"n"_s, u"integer"_s, 10, 2, 1, 2147483647, 1, true, u"t"_s, u"c"_s};
    EXPECT_EQ(createSequenceSql(s), u"CREATE SEQUENCE \"n\" AS integer INCREMENT BY 2 MINVALUE 1 "
                                    u"MAXVALUE 2147483647 START WITH 10 CACHE 1 CYCLE"_s);
    EXPECT_EQ(ownSequenceSql(s), u"ALTER SEQUENCE \"n\" OWNED BY \"t\".\"c\""_s);
    s.ownedByTable.clear();
    EXPECT_EQ(ownSequenceSql(s), u"ALTER SEQUENCE \"n\" OWNED BY NONE"_s);
    EXPECT_EQ(alterSequenceSql(s, s), QStringList{});
}

TEST(PostgresObjectSql, an_empty_comment_is_null)
{
    EXPECT_EQ(columnCommentSql(u"t"_s, u"c"_s, {}), u"COMMENT ON COLUMN \"t\".\"c\" IS NULL"_s);
    EXPECT_EQ(tableCommentSql(u"t"_s, u"x"_s), u"COMMENT ON TABLE \"t\" IS E'x'"_s);
}

TEST(PostgresSection, labels_nobody_uses_yet_stay_in_the_one_transaction)
{
    const QStringList statements{u"\n-- alter type mood\nALTER TYPE \"mood\" ADD VALUE E'ok'"_s,
                                 u"ALTER TABLE \"t\" ADD COLUMN \"a\" text DEFAULT 'x'"_s};
    const plan::SectionText section = sectionWithEnumLabels(statements);
    EXPECT_TRUE(section.transaction);
    EXPECT_EQ(section.statements, statements);
}

TEST(PostgresSection, a_label_used_by_a_later_statement_commits_before_it)
{
    const QStringList statements{u"CREATE TABLE \"x\" (a int)"_s,
                                 u"ALTER TYPE \"mood\" ADD VALUE E'it''s' AFTER E'sad'"_s,
                                 u"ALTER TABLE \"t\" ADD COLUMN \"m\" mood DEFAULT 'it''s'"_s};
    const plan::SectionText section = sectionWithEnumLabels(statements);
    EXPECT_FALSE(section.transaction);
    EXPECT_EQ(section.statements, (QStringList{u"BEGIN"_s, statements[1], u"COMMIT"_s, u"BEGIN"_s,
                                               statements[0], statements[2], u"COMMIT"_s}));
}
