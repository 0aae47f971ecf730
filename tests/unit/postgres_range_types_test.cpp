// PostgreSQL range types (CREATE TYPE … AS RANGE) end to end through burrow-cli: read from the
// catalog with their parameters (their constructor functions are not the user's functions),
// created before the functions and tables that use them and after the function they name,
// dropped in reverse; the down section brings the database back.
#include "postgres_cli_fixture.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresRangeTypes = PostgresCliFixture;

constexpr char kDiffFunction[] =
    "CREATE FUNCTION time_diff(x time, y time) RETURNS float8 IMMUTABLE STRICT LANGUAGE sql\n"
    "  AS 'SELECT EXTRACT(EPOCH FROM (x - y))';\n";

// A plain range, one naming its difference function, a function taking a range, and a table
// using both (an exclusion constraint and a multirange too).
const QByteArray kBookings = QByteArray("CREATE TYPE timerange AS RANGE (subtype = time);\n") +
                             kDiffFunction +
                             "CREATE TYPE slotrange AS RANGE (subtype = time,\n"
                             "  subtype_diff = time_diff, multirange_type_name = slots);\n"
                             "COMMENT ON TYPE slotrange IS 'bookable slots';\n"
                             "CREATE FUNCTION span(r timerange) RETURNS interval IMMUTABLE\n"
                             "  LANGUAGE sql AS 'SELECT upper(r) - lower(r)';\n"
                             "CREATE TABLE booking (id int PRIMARY KEY, opening timerange,\n"
                             "  slot slotrange, free slots, EXCLUDE USING gist (slot WITH &&));\n";

} // namespace

TEST_F(PostgresRangeTypes, ranges_are_read_with_their_parameters_and_not_their_constructors)
{
    db.exec(
        QString::fromUtf8(QByteArray(kDiffFunction) +
                          "CREATE TYPE timerange AS RANGE (subtype = time);"
                          "CREATE TYPE slotrange AS RANGE (subtype = time,"
                          "  subtype_diff = time_diff, multirange_type_name = slots);"
                          "CREATE TYPE textrange AS RANGE (subtype = text, collation = \"C\")"));
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.ranges.size(), 3);
    EXPECT_EQ(live.ranges[0].name, u"timerange"_s);
    EXPECT_EQ(live.ranges[0].definition,
              u"SUBTYPE = time without time zone, MULTIRANGE_TYPE_NAME = timemultirange"_s);
    EXPECT_EQ(live.ranges[1].definition, u"SUBTYPE = time without time zone, SUBTYPE_DIFF = "
                                         u"time_diff, MULTIRANGE_TYPE_NAME = slots"_s);
    EXPECT_TRUE(live.ranges[2].definition.contains(u"COLLATION = \"C\""_s))
        << live.ranges[2].definition.toStdString();
    ASSERT_EQ(live.functions.size(), 1) << "the ranges' constructors are the engine's";
    EXPECT_EQ(live.functions[0].routineName, u"time_diff"_s);
}

TEST_F(PostgresRangeTypes, new_ranges_come_before_their_users_and_the_down_section_drops_them)
{
    db.exec(u"CREATE TABLE booking (id int PRIMARY KEY)"_s);
    const QString path = model(kBookings);
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    EXPECT_TRUE(json.out.contains(u"\"range_type_added\""_s)) << json.out.toStdString();
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    const qsizetype plain = up.indexOf(u"CREATE TYPE \"timerange\" AS RANGE"_s);
    const qsizetype function = up.indexOf(u"CREATE OR REPLACE FUNCTION time_diff("_s);
    const qsizetype named = up.indexOf(u"CREATE TYPE \"slotrange\" AS RANGE"_s);
    EXPECT_GE(plain, 0) << up.toStdString();
    EXPECT_LT(plain, up.indexOf(u"CREATE OR REPLACE FUNCTION span("_s)) << up.toStdString();
    EXPECT_LT(function, named) << up.toStdString();
    EXPECT_LT(named, up.indexOf(u"ADD COLUMN \"slot\""_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"COMMENT ON TYPE \"slotrange\" IS E'bookable slots'"_s));
    db.exec(
        u"INSERT INTO booking VALUES (1, '[09:00,17:00)', '[10:00,11:00)', '{[12:00,13:00)}')"_s);
    EXPECT_EQ(db.rows(u"SELECT span(opening) FROM booking"_s), QStringList{u"08:00:00"_s});
    EXPECT_FALSE(db.tryExec(u"INSERT INTO booking VALUES (2, NULL, '[10:30,12:00)', NULL)"_s))
        << "the exclusion constraint on the new range holds";

    db.execEach(downStatements(migration));
    const schema::Schema back = introspect(db);
    EXPECT_TRUE(back.ranges.isEmpty());
    EXPECT_TRUE(back.functions.isEmpty());
}

TEST_F(PostgresRangeTypes, a_changed_range_is_recreated_and_a_new_comment_set_in_place)
{
    db.exec(u"CREATE TYPE numspan AS RANGE (subtype = int4);"
            u"CREATE TYPE daysrange AS RANGE (subtype = date);"
            u"CREATE TABLE t (id int PRIMARY KEY)"_s);
    const QString path = model("CREATE TABLE t (id int PRIMARY KEY);\n"
                               "CREATE TYPE numspan AS RANGE (subtype = numeric);\n"
                               "CREATE TYPE daysrange AS RANGE (subtype = date);\n"
                               "COMMENT ON TYPE daysrange IS 'holidays';\n");
    const QString up = upSection(migrate(path));
    EXPECT_TRUE(up.contains(u"DROP TYPE \"numspan\";\nCREATE TYPE \"numspan\" AS RANGE (SUBTYPE "
                            u"= numeric, MULTIRANGE_TYPE_NAME = numspan_multirange)"_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"COMMENT ON TYPE \"daysrange\" IS E'holidays'"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP TYPE \"daysrange\""_s)) << up.toStdString();
}

TEST_F(PostgresRangeTypes, a_range_the_model_drops_goes_after_its_columns_and_before_its_function)
{
    db.exec(QString::fromUtf8(kBookings));
    const QString up =
        upSection(migrate(model("CREATE TABLE booking (id int PRIMARY KEY);\n"), true));
    const qsizetype column = up.indexOf(u"DROP COLUMN \"slot\""_s);
    const qsizetype range = up.indexOf(u"DROP TYPE \"slotrange\""_s);
    EXPECT_GE(column, 0) << up.toStdString();
    EXPECT_LT(column, range) << up.toStdString();
    EXPECT_LT(range, up.indexOf(u"DROP FUNCTION \"time_diff\""_s)) << up.toStdString();
    EXPECT_LT(up.indexOf(u"DROP FUNCTION \"span\""_s), up.indexOf(u"DROP TYPE \"timerange\""_s))
        << up.toStdString();
    EXPECT_TRUE(introspect(db).ranges.isEmpty());
}
