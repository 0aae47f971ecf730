// PostgreSQL extended statistics (CREATE STATISTICS) end to end through burrow-cli: read with
// their kinds (only where not all of them), columns and expressions, sample size and comment;
// created after their table's columns, dropped before the columns they cover change.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresStatistics = PostgresCliFixture;

constexpr char kOrders[] =
    "CREATE TABLE orders (id int PRIMARY KEY, city text, zip text, total numeric);\n"
    "CREATE STATISTICS orders_place (ndistinct, dependencies) ON city, zip FROM orders;\n"
    "COMMENT ON STATISTICS orders_place IS 'zip decides city';\n"
    "CREATE STATISTICS orders_all ON city, zip, total FROM orders;\n"
    "CREATE STATISTICS orders_city (mcv) ON lower(city), zip FROM orders;\n"
    "ALTER STATISTICS orders_city SET STATISTICS 500;\n";

QStringList statisticsNames(TestDatabase &db)
{
    return db.rows(u"SELECT stxname FROM pg_statistic_ext ORDER BY stxname"_s);
}

} // namespace

TEST_F(PostgresStatistics, statistics_are_read_with_their_kinds_target_and_comment)
{
    db.exec(QString::fromUtf8(kOrders));
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.tables.size(), 1);
    QStringList definitions;
    for (const schema::Trigger &s : live.tables[0].triggers) {
        EXPECT_EQ(s.kind, schema::TriggerKind::Statistics);
        definitions.append(s.definition.text);
        if (s.name == u"orders_place") {
            EXPECT_EQ(s.comment, u"zip decides city"_s);
        }
        if (s.name == u"orders_city") {
            EXPECT_EQ(s.firing, u"SET STATISTICS 500"_s);
        }
    }
    EXPECT_EQ(
        definitions,
        (QStringList{
            u"CREATE STATISTICS orders_all ON city, zip, total FROM orders"_s,
            u"CREATE STATISTICS orders_city (mcv) ON zip, lower(city) FROM orders"_s,
            u"CREATE STATISTICS orders_place (ndistinct, dependencies) ON city, zip FROM orders"_s}));
}

TEST_F(PostgresStatistics, new_statistics_are_created_and_the_down_section_drops_them)
{
    db.exec(u"CREATE TABLE orders (id int PRIMARY KEY, city text, zip text, total numeric)"_s);
    const QString path = model(kOrders);
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    EXPECT_TRUE(json.out.contains(u"\"statistics_added\""_s)) << json.out.toStdString();
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"ALTER STATISTICS \"orders_city\" SET STATISTICS 500"_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"COMMENT ON STATISTICS \"orders_place\" IS E'zip decides city'"_s))
        << up.toStdString();
    EXPECT_EQ(statisticsNames(db),
              (QStringList{u"orders_all"_s, u"orders_city"_s, u"orders_place"_s}));

    db.execEach(downStatements(migration));
    EXPECT_TRUE(statisticsNames(db).isEmpty());
}

TEST_F(PostgresStatistics, statistics_on_a_dropped_column_go_first_and_the_others_come_back)
{
    db.exec(QString::fromUtf8(kOrders));
    const QString up = upSection(migrate(
        model("CREATE TABLE orders (id int PRIMARY KEY, city text, zip bigint);\n"
              "CREATE STATISTICS orders_place (ndistinct, dependencies) ON city, zip FROM orders;\n"
              "COMMENT ON STATISTICS orders_place IS 'zip decides city';\n"),
        true));
    const qsizetype dropped = up.indexOf(u"DROP STATISTICS \"orders_all\""_s);
    const qsizetype column = up.indexOf(u"DROP COLUMN \"total\""_s);
    EXPECT_GE(dropped, 0) << up.toStdString();
    EXPECT_LT(dropped, column) << up.toStdString();
    EXPECT_LT(column, up.indexOf(u"CREATE STATISTICS orders_place"_s)) << up.toStdString();
    EXPECT_EQ(statisticsNames(db), QStringList{u"orders_place"_s});
}

TEST_F(PostgresStatistics, statistics_on_a_table_of_another_schema_are_created_in_that_schema)
{
    db.exec(u"CREATE TABLE keep (id int)"_s);
    const QString path =
        model("CREATE TABLE keep (id int);\n"
              "CREATE SCHEMA app;\n"
              "CREATE TABLE app.orders (id int PRIMARY KEY, city text, zip text);\n"
              "CREATE STATISTICS app.orders_place ON city, zip FROM app.orders;\n");
    const QString up = upSection(migrate(path));
    EXPECT_TRUE(up.contains(u"CREATE STATISTICS app.orders_place ON city, zip FROM app.orders"_s))
        << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT stxnamespace::regnamespace::text || '.' || stxname "
                      u"FROM pg_statistic_ext"_s),
              QStringList{u"app.orders_place"_s});
}

// A changed sample size reads as the statistics target it is, not as a trigger's firing.
TEST_F(PostgresStatistics, a_changed_target_is_shown_as_the_statistics_target)
{
    db.exec(QString::fromUtf8(kOrders));
    db.exec(u"ALTER STATISTICS orders_city SET STATISTICS 50"_s);
    const CliRun changed = diff(model(kOrders));
    EXPECT_EQ(changed.exitCode, 1) << changed.out.toStdString();
    EXPECT_TRUE(changed.out.contains(u"statistics target 50 → 500"_s)) << changed.out.toStdString();
    EXPECT_FALSE(changed.out.contains(u"firing"_s)) << changed.out.toStdString();
}
