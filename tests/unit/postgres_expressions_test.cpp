// Spellings of one function are one difference less: a live `DEFAULT now()` against a model's
// `DEFAULT CURRENT_TIMESTAMP` (PostgreSQL prints each as written) is no difference.
#include "dialect/postgres/postgres_expressions.h"
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace burrow::dialect::postgres;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresExpressions = PostgresCliFixture;

} // namespace

TEST(PostgresComparedSpelling, the_transaction_time_functions_are_current_timestamp)
{
    EXPECT_EQ(comparedSpelling(u"now()"_s), u"CURRENT_TIMESTAMP"_s);
    EXPECT_EQ(comparedSpelling(u"(pg_catalog.now() - '1 day'::interval)"_s),
              u"(CURRENT_TIMESTAMP - '1 day'::interval)"_s);
    EXPECT_EQ(comparedSpelling(u"transaction_timestamp()"_s), u"CURRENT_TIMESTAMP"_s);
    // Strings, quoted names, other schemas' functions and other calls stay as they are.
    EXPECT_EQ(comparedSpelling(u"'now()'::text"_s), u"'now()'::text"_s);
    EXPECT_EQ(comparedSpelling(u"app.now()"_s), u"app.now()"_s);
    EXPECT_EQ(comparedSpelling(u"\"now\"()"_s), u"\"now\"()"_s);
    EXPECT_EQ(comparedSpelling(u"snow(), now(1)"_s), u"snow(), now(1)"_s);
    EXPECT_EQ(serverExpression(u"now()"_s).text, u"now()"_s);
}

TEST_F(PostgresExpressions, now_and_current_timestamp_are_no_difference)
{
    db.exec(u"CREATE TABLE t (id int PRIMARY KEY, created timestamptz DEFAULT now(), "
            u"checked timestamp DEFAULT transaction_timestamp() "
            u"CHECK (checked <= now()), note text DEFAULT 'now()')"_s);
    const QString same =
        model("CREATE TABLE t (id int PRIMARY KEY, created timestamptz DEFAULT "
              "CURRENT_TIMESTAMP, checked timestamp DEFAULT CURRENT_TIMESTAMP "
              "CHECK (checked <= CURRENT_TIMESTAMP), note text DEFAULT 'now()');\n");
    const CliRun run = diff(same);
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
    // A different time still is a difference.
    const CliRun other = diff(model("CREATE TABLE t (id int PRIMARY KEY, created timestamptz "
                                    "DEFAULT clock_timestamp(), checked timestamp DEFAULT "
                                    "CURRENT_TIMESTAMP CHECK (checked <= CURRENT_TIMESTAMP), "
                                    "note text DEFAULT 'CURRENT_TIMESTAMP');\n"));
    EXPECT_EQ(other.exitCode, 1);
    EXPECT_TRUE(other.out.contains(u"clock_timestamp()"_s)) << other.out.toStdString();
    EXPECT_TRUE(other.out.contains(u"column note"_s)) << other.out.toStdString();
}
