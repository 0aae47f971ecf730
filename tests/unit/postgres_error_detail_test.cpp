// PostgreSQL's DETAIL says what its message only hints at; a failed apply carries it: the view
// (in a schema Burrow does not migrate) that reads the column, the duplicated key.
#include "cli_migrations.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresErrorDetail = OneEngineCliTest<Backend::PostgreSQL>;

TEST_F(PostgresErrorDetail, a_column_another_schemas_view_reads_names_that_view)
{
    db.execEach({u"CREATE TABLE item (id int PRIMARY KEY, price int)"_s, u"CREATE SCHEMA report"_s,
                 u"CREATE VIEW report.prices AS SELECT id, price FROM public.item"_s});
    ASSERT_EQ(
        cli.plan(cli.model("CREATE TABLE item (id int PRIMARY KEY, price bigint);\n")).exitCode, 0);
    const CliRun applied = cli.apply();
    EXPECT_EQ(applied.exitCode, 1) << CliMigrations::shown(applied);
    EXPECT_TRUE(applied.err.contains(u"cannot alter type of a column used by a view or rule: "
                                     u"rule _RETURN on view report.prices depends on column "
                                     u"\"price\""_s))
        << applied.err.toStdString();
}

TEST_F(PostgresErrorDetail, a_unique_index_over_duplicates_names_the_duplicated_key)
{
    db.execEach({u"CREATE TABLE member (id int PRIMARY KEY, email text)"_s,
                 u"INSERT INTO member VALUES (1, 'a@x'), (2, 'a@x')"_s});
    ASSERT_EQ(cli.plan(cli.model("CREATE TABLE member (id int PRIMARY KEY, email text);\n"
                                 "CREATE UNIQUE INDEX member_email ON member (email);\n"))
                  .exitCode,
              0);
    const CliRun applied = cli.apply();
    EXPECT_EQ(applied.exitCode, 1) << CliMigrations::shown(applied);
    EXPECT_TRUE(applied.err.contains(u"Key (email)=(a@x) is duplicated"_s))
        << applied.err.toStdString();
    EXPECT_FALSE(applied.err.contains(u"DETAIL"_s)) << applied.err.toStdString();
}

} // namespace
