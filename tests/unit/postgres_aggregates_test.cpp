// PostgreSQL aggregates (CREATE AGGREGATE) end to end through burrow-cli: read with the
// parameters they were created with (pg_get_functiondef refuses them), compared as the
// functions they are, created after the functions they name and dropped before them, replaced
// in place where PostgreSQL can.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresAggregates = PostgresCliFixture;

// The wiki's first(), a built-in state function with an initial state, a sort operator, a
// count of rows, and an ordered-set aggregate; a view using two of them.
constexpr char kAggregates[] =
    "CREATE TABLE reading (id int PRIMARY KEY, v int);\n"
    "CREATE FUNCTION first_agg(anyelement, anyelement) RETURNS anyelement\n"
    "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $1';\n"
    "CREATE AGGREGATE first(anyelement) (SFUNC = first_agg, STYPE = anyelement,\n"
    "  PARALLEL = SAFE);\n"
    "COMMENT ON AGGREGATE first(anyelement) IS 'first non-null value';\n"
    "CREATE AGGREGATE concat_all(anycompatiblearray) (SFUNC = array_cat,\n"
    "  STYPE = anycompatiblearray, INITCOND = '{}');\n"
    "CREATE AGGREGATE biggest(int) (SFUNC = int4larger, STYPE = int, SORTOP = >);\n"
    "CREATE AGGREGATE rows_seen(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0');\n"
    "CREATE AGGREGATE pct(float8 ORDER BY float8) (SFUNC = ordered_set_transition,\n"
    "  STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);\n"
    "CREATE VIEW summary AS SELECT first(v ORDER BY id) AS head, rows_seen(*) AS n FROM reading;\n";

const schema::Function *findRoutine(const schema::Schema &s, const QString &name)
{
    for (const schema::Function &f : s.functions)
        if (f.routineName == name)
            return &f;
    return nullptr;
}

} // namespace

TEST_F(PostgresAggregates, aggregates_are_read_with_their_parameters)
{
    db.exec(QString::fromUtf8(kAggregates));
    const schema::Schema live = introspect(db);
    const schema::Function *first = findRoutine(live, u"first"_s);
    ASSERT_NE(first, nullptr);
    EXPECT_TRUE(first->aggregate);
    EXPECT_EQ(first->definition.text, u"CREATE OR REPLACE AGGREGATE first(anyelement) (SFUNC = "
                                      u"first_agg, STYPE = anyelement, PARALLEL = SAFE)"_s);
    EXPECT_EQ(first->comment, u"first non-null value"_s);
    EXPECT_TRUE(first->body.isEmpty());
    const schema::Function *biggest = findRoutine(live, u"biggest"_s);
    ASSERT_NE(biggest, nullptr);
    EXPECT_TRUE(biggest->definition.text.endsWith(u"SORTOP = >)"_s))
        << biggest->definition.text.toStdString();
    const schema::Function *pct = findRoutine(live, u"pct"_s);
    ASSERT_NE(pct, nullptr);
    EXPECT_TRUE(pct->definition.text.contains(u"pct(double precision ORDER BY double precision)"_s))
        << pct->definition.text.toStdString();
    EXPECT_TRUE(pct->definition.text.contains(u"FINALFUNC_EXTRA"_s));
    const schema::Function *rows = findRoutine(live, u"rows_seen"_s);
    ASSERT_NE(rows, nullptr);
    EXPECT_TRUE(rows->definition.text.contains(u"rows_seen(*)"_s) &&
                rows->definition.text.contains(u"INITCOND = '0'"_s))
        << rows->definition.text.toStdString();
}

TEST_F(PostgresAggregates,
       new_aggregates_work_and_the_down_section_drops_them_before_their_functions)
{
    db.exec(u"CREATE TABLE reading (id int PRIMARY KEY, v int)"_s);
    const QString migration = migrate(model(kAggregates));
    const QString up = upSection(migration);
    const qsizetype function = up.indexOf(u"CREATE OR REPLACE FUNCTION first_agg("_s);
    EXPECT_GE(function, 0) << up.toStdString();
    EXPECT_LT(function, up.indexOf(u"CREATE OR REPLACE AGGREGATE first(anyelement)"_s));
    EXPECT_LT(up.indexOf(u"CREATE OR REPLACE AGGREGATE first("_s),
              up.indexOf(u"-- create view summary"_s));
    EXPECT_TRUE(
        up.contains(u"COMMENT ON ROUTINE \"first\"(anyelement) IS E'first non-null value'"_s))
        << up.toStdString();
    db.exec(u"INSERT INTO reading VALUES (1, NULL), (2, 7), (3, 9)"_s);
    EXPECT_EQ(db.rows(u"SELECT head || '/' || n FROM summary"_s), QStringList{u"7/3"_s});
    EXPECT_EQ(db.rows(u"SELECT biggest(v) FROM reading"_s), QStringList{u"9"_s});
    EXPECT_EQ(db.rows(u"SELECT pct(0.5) WITHIN GROUP (ORDER BY v) FROM reading"_s),
              QStringList{u"7"_s});

    db.execEach(downStatements(migration));
    EXPECT_TRUE(introspect(db).functions.isEmpty());
}

TEST_F(PostgresAggregates, a_changed_aggregate_is_replaced_in_place_or_recreated)
{
    db.exec(QString::fromUtf8(kAggregates));
    QByteArray wanted(kAggregates);
    wanted.replace("INITCOND = '{}'", "INITCOND = '{0}'");
    wanted.replace("biggest(int) (SFUNC = int4larger, STYPE = int,",
                   "biggest(int8) (SFUNC = int8larger, STYPE = int8,");
    const QString up = upSection(migrate(model(wanted), true));
    EXPECT_TRUE(up.contains(u"CREATE OR REPLACE AGGREGATE concat_all(anycompatiblearray) "
                            u"(SFUNC = array_cat, STYPE = anycompatiblearray, INITCOND = '{0}')"_s))
        << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP ROUTINE \"concat_all\""_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"DROP ROUTINE \"biggest\"(integer)"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT concat_all(ARRAY[1])"_s), QStringList{u"{0,1}"_s});
}
