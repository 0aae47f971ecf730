// MySQL/MariaDB SQL spelling, without a server: quoting, one ALTER TABLE per table, narrowing.
#include "dialect/mysql/mysql_renderer.h"
#include "dialect/mysql/mysql_table_options.h"
#include "dialect/mysql/mysql_type_width.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::schema;
using namespace Qt::Literals::StringLiterals;

namespace {

Column column(const QString &name, const QString &type)
{
    Column c;
    c.name = name;
    c.type = type;
    c.typeKey = type.toUpper();
    return c;
}

Expression expr(const QString &text)
{
    return {text, text};
}

Table bookTable()
{
    Table t;
    t.name = u"book"_s;
    t.columns = {column(u"id"_s, u"int"_s), column(u"title"_s, u"varchar(50)"_s),
                 column(u"old"_s, u"int"_s)};
    t.columns[0].notNull = true;
    t.columns[0].primaryKeyPosition = 1;
    t.primaryKey = PrimaryKey{{}, {u"id"_s}};
    t.indexes = {Index{u"idx_title"_s, false, {IndexPart{u"title"_s, {}, {}, {}}}, {}, {}}};
    return t;
}

const dialect::mysql::MysqlRenderer renderer;

TEST(MysqlRenderer, quotes_identifiers_with_backticks_doubling_inner_ones)
{
    EXPECT_EQ(renderer.quote(u"plain"_s), u"`plain`");
    EXPECT_EQ(renderer.quote(u"we`ird \"name\""_s), u"`we``ird \"name\"`");
    EXPECT_EQ(renderer.renameTable(u"a`"_s, u"b"_s), QStringList{u"RENAME TABLE `a``` TO `b`"_s});
    EXPECT_EQ(renderer.renameColumn(u"t"_s, u"x"_s, u"y"_s),
              QStringList{u"ALTER TABLE `t` RENAME COLUMN `x` TO `y`"_s});
}

TEST(MysqlRenderer, all_changes_to_one_table_make_one_alter_table)
{
    const Table live = bookTable();
    Table target = live;
    target.columns.removeLast();                               // drop old
    target.columns[1] = column(u"title"_s, u"varchar(100)"_s); // modify title
    target.columns.append(column(u"price"_s, u"decimal(10,2)"_s));
    target.columns.last().defaultValue = expr(u"0"_s);
    target.checks = {CheckConstraint{{}, expr(u"`price` >= 0"_s)}};
    target.foreignKeys = {ForeignKey{{}, {u"id"_s}, u"author"_s, {u"id"_s}}};
    target.indexes = {Index{u"idx_price"_s, true, {IndexPart{u"price"_s, {}, {}, {}}}, {}, {}}};
    const plan::TableAlteration alteration = renderer.alterTable(live, target);
    ASSERT_EQ(alteration.sql.size(), 1) << alteration.sql.join(u";\n").toStdString();
    const QString sql = alteration.sql.first();
    EXPECT_TRUE(sql.startsWith(u"ALTER TABLE `book`\n")) << sql.toStdString();
    for (const QString &clause :
         {u"DROP INDEX `idx_title`"_s, u"DROP COLUMN `old`"_s,
          u"MODIFY COLUMN `title` varchar(100) NULL"_s,
          u"ADD COLUMN `price` decimal(10,2) NULL DEFAULT 0"_s, u"CHECK (`price` >= 0)"_s,
          u"ADD CONSTRAINT `book_id_fk` FOREIGN KEY (`id`) REFERENCES `author` (`id`)"_s,
          u"ADD UNIQUE INDEX `idx_price` (`price`)"_s})
        EXPECT_TRUE(sql.contains(clause)) << clause.toStdString() << " missing in\n"
                                          << sql.toStdString();
    EXPECT_TRUE(alteration.carriesIndexes) << "indexes are folded in: no separate index steps";
    EXPECT_FALSE(alteration.rebuild) << "an ALTER TABLE keeps the table, its views and triggers";
}

TEST(MysqlRenderer, an_alter_without_index_changes_leaves_indexes_to_the_planner)
{
    const Table live = bookTable();
    Table target = live;
    target.columns[1].notNull = true;
    const plan::TableAlteration alteration = renderer.alterTable(live, target);
    EXPECT_EQ(alteration.sql,
              QStringList{u"ALTER TABLE `book`\n  MODIFY COLUMN `title` varchar(50) NOT NULL"_s});
    EXPECT_FALSE(alteration.rebuild);
}

TEST(MysqlRenderer, a_foreign_key_readded_under_its_name_takes_a_second_alter)
{
    Table live = bookTable();
    live.foreignKeys = {ForeignKey{u"fk"_s, {u"id"_s}, u"author"_s, {u"id"_s}}};
    Table target = live;
    target.foreignKeys[0].onDelete = ReferentialAction::Cascade;
    const plan::TableAlteration alteration = renderer.alterTable(live, target);
    ASSERT_EQ(alteration.sql.size(), 2) << alteration.sql.join(u";\n").toStdString();
    EXPECT_EQ(alteration.sql[0], u"ALTER TABLE `book`\n  DROP FOREIGN KEY `fk`");
    EXPECT_TRUE(alteration.sql[1].contains(u"ADD CONSTRAINT `fk` FOREIGN KEY"));
}

TEST(MysqlRenderer, the_down_direction_drops_what_the_up_direction_added_unnamed)
{
    Table without = bookTable();
    Table with = without;
    with.foreignKeys = {ForeignKey{{}, {u"id"_s}, u"author"_s, {u"id"_s}}};
    with.checks = {CheckConstraint{{}, expr(u"`id` > 0"_s)}};
    const QString up = renderer.alterTable(without, with).sql.join(u'\n');
    const QString down = renderer.alterTable(with, without).sql.join(u'\n');
    EXPECT_TRUE(up.contains(u"ADD CONSTRAINT `book_id_fk` FOREIGN KEY")) << up.toStdString();
    EXPECT_TRUE(down.contains(u"DROP FOREIGN KEY `book_id_fk`")) << down.toStdString();
    const qsizetype at = up.indexOf(u"`book_chk_");
    ASSERT_GE(at, 0) << up.toStdString();
    const QString checkName = up.mid(at, up.indexOf(u'`', at + 1) - at + 1);
    EXPECT_TRUE(down.contains(u"DROP CONSTRAINT " + checkName)) << down.toStdString();
}

TEST(MysqlRenderer,
     an_unnamed_key_and_check_take_the_engines_names_where_the_table_leaves_them_free)
{
    Table without = bookTable();
    Table with = without;
    with.foreignKeys = {ForeignKey{{}, {u"id"_s}, u"author"_s, {u"id"_s}}};
    with.foreignKeys[0].engineName = u"book_ibfk_1"_s;
    with.checks = {CheckConstraint{{}, expr(u"`id` > 0"_s)}};
    with.checks[0].engineName = u"CONSTRAINT_1"_s;
    QString up = renderer.alterTable(without, with).sql.join(u'\n');
    QString down = renderer.alterTable(with, without).sql.join(u'\n');
    EXPECT_TRUE(up.contains(u"ADD CONSTRAINT `book_ibfk_1` FOREIGN KEY")) << up.toStdString();
    EXPECT_TRUE(up.contains(u"ADD CONSTRAINT `CONSTRAINT_1` CHECK")) << up.toStdString();
    EXPECT_TRUE(down.contains(u"DROP FOREIGN KEY `book_ibfk_1`")) << down.toStdString();
    EXPECT_TRUE(down.contains(u"DROP CONSTRAINT `CONSTRAINT_1`")) << down.toStdString();

    // Names the table already uses (in any case) are not taken twice, in either direction.
    without.foreignKeys = {ForeignKey{u"BOOK_IBFK_1"_s, {u"old"_s}, u"author"_s, {u"id"_s}}};
    without.checks = {CheckConstraint{u"constraint_1"_s, expr(u"`old` > 0"_s)}};
    with.foreignKeys.append(without.foreignKeys[0]);
    with.checks.append(without.checks[0]);
    up = renderer.alterTable(without, with).sql.join(u'\n');
    down = renderer.alterTable(with, without).sql.join(u'\n');
    EXPECT_TRUE(up.contains(u"ADD CONSTRAINT `book_id_fk` FOREIGN KEY")) << up.toStdString();
    EXPECT_TRUE(down.contains(u"DROP FOREIGN KEY `book_id_fk`")) << down.toStdString();
    EXPECT_TRUE(up.contains(u"ADD CONSTRAINT `book_chk_")) << up.toStdString();
    EXPECT_TRUE(down.contains(u"DROP CONSTRAINT `book_chk_")) << down.toStdString();
    EXPECT_FALSE(up.contains(u"DROP")) << up.toStdString();
}

TEST(MysqlRenderer, table_options_are_set_and_set_back_to_their_defaults)
{
    Table live = bookTable();
    live.options = u"ROW_FORMAT=DYNAMIC"_s;
    Table target = live;
    target.options = u"KEY_BLOCK_SIZE=8"_s;
    EXPECT_TRUE(renderer.createTable(live).first().endsWith(u") ROW_FORMAT=DYNAMIC"_s))
        << renderer.createTable(live).first().toStdString();
    EXPECT_EQ(renderer.alterTable(live, target).sql,
              QStringList{u"ALTER TABLE `book`\n  KEY_BLOCK_SIZE=8,\n  ROW_FORMAT=DEFAULT"_s});
    EXPECT_EQ(dialect::mysql::declaredTableOptions(
                  u"stats_persistent=1 partitioned row_format=Dynamic key_block_size=8"_s),
              u"KEY_BLOCK_SIZE=8 ROW_FORMAT=DYNAMIC STATS_PERSISTENT=1"_s);
}

TEST(MysqlRenderer, a_column_definition_keeps_collation_generation_and_on_update)
{
    Table t;
    t.name = u"t"_s;
    t.columns = {column(u"code"_s, u"char(3)"_s), column(u"twice"_s, u"int(11)"_s),
                 column(u"at"_s, u"timestamp on update current_timestamp()"_s)};
    t.columns[0].collation = u"utf8mb4_bin"_s;
    t.columns[1].generated = Generated::Stored;
    t.columns[1].generatedExpression = expr(u"`id` * 2"_s);
    t.columns[2].notNull = true;
    t.columns[2].defaultValue = expr(u"current_timestamp()"_s);
    EXPECT_EQ(renderer.createTable(t).first(),
              u"CREATE TABLE `t` (\n"
              "  `code` char(3) COLLATE utf8mb4_bin NULL,\n"
              "  `twice` int(11) AS (`id` * 2) STORED,\n"
              "  `at` timestamp NOT NULL DEFAULT current_timestamp() on update "
              "current_timestamp()\n)"_s);
}

TEST(MysqlRenderer, narrowing_type_changes_are_recognized)
{
    using dialect::mysql::narrows;
    EXPECT_TRUE(narrows(u"VARCHAR(100)"_s, u"VARCHAR(10)"_s));
    EXPECT_FALSE(narrows(u"VARCHAR(10)"_s, u"VARCHAR(100)"_s));
    EXPECT_TRUE(narrows(u"BIGINT"_s, u"INT"_s));
    EXPECT_FALSE(narrows(u"INT"_s, u"BIGINT"_s));
    EXPECT_TRUE(narrows(u"INT UNSIGNED"_s, u"INT"_s));
    EXPECT_TRUE(narrows(u"TEXT"_s, u"VARCHAR(255)"_s));
    EXPECT_FALSE(narrows(u"VARCHAR(255)"_s, u"TEXT"_s));
    EXPECT_TRUE(narrows(u"DECIMAL(10,2)"_s, u"DECIMAL(8,2)"_s));
    EXPECT_TRUE(narrows(u"ENUM('a','b')"_s, u"ENUM('a')"_s));
    EXPECT_FALSE(narrows(u"ENUM('a')"_s, u"ENUM('a','b')"_s));
    EXPECT_TRUE(narrows(u"VARCHAR(20)"_s, u"INT"_s));
    EXPECT_TRUE(narrows(u"DATETIME"_s, u"DATE"_s));
}

TEST(MysqlRenderer, a_prefix_part_keys_on_the_left_of_its_column)
{
    EXPECT_EQ(renderer.indexedValue(expr(u"`body`(10)"_s)), u"LEFT(`body`, 10)"_s);
    EXPECT_EQ(renderer.indexedValue(expr(u"lower(`name`)"_s)), u"(lower(`name`))"_s);
}

TEST(MysqlRenderer, sections_run_without_a_transaction)
{
    const plan::SectionText section = renderer.wrapSection({u"DROP TABLE `t`"_s}, true, {});
    EXPECT_FALSE(section.transaction);
    EXPECT_EQ(section.statements, QStringList{u"DROP TABLE `t`"_s});
}

} // namespace
