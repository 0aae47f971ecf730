// A nullable column that the model makes NOT NULL with a default: every engine's migration
// gives the rows that hold NULL the default first, as the plan's warning says, instead of
// failing on them (or, on MariaDB, turning them into the type's zero). Planned and applied
// through the real burrow-cli.
#include "cli_migrations.h"
#include "qt_printing.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using NotNullFill = EngineCliTest;

TEST_P(NotNullFill, rows_holding_null_take_the_new_default_and_the_others_keep_their_values)
{
    db.execEach({u"CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY, owner VARCHAR(20), "
                 u"hours INTEGER)"_s,
                 u"INSERT INTO task VALUES (1, 'ann', 3), (2, NULL, NULL), (3, 'bob', NULL)"_s});
    // hours also changes its type: the default is given in the new one.
    const QString model = cli.model(
        "CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY,\n"
        "  owner VARCHAR(20) NOT NULL DEFAULT 'nobody', hours BIGINT NOT NULL DEFAULT 0);\n");
    const CliRun planned = cli.plan(model);
    ASSERT_EQ(planned.exitCode, 0) << CliMigrations::shown(planned);
    EXPECT_TRUE(planned.err.contains(u"1 row of task holds NULL in task.owner (filled with the "
                                     u"default"_s))
        << CliMigrations::shown(planned);

    const CliRun applied = cli.apply();
    ASSERT_EQ(applied.exitCode, 0)
        << CliMigrations::shown(applied) << cli.lastMigration().toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, owner, hours FROM task ORDER BY id"_s),
              (QStringList{u"1|ann|3"_s, u"2|nobody|0"_s, u"3|bob|0"_s}));
    const CliRun after = cli.diff(model);
    EXPECT_EQ(after.exitCode, 0) << CliMigrations::shown(after);
}

TEST_P(NotNullFill, without_a_default_the_apply_stops_and_changes_nothing)
{
    db.execEach({u"CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY, owner VARCHAR(20))"_s,
                 u"INSERT INTO task VALUES (1, 'ann'), (2, NULL)"_s});
    const QString model = cli.model("CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY, "
                                    "owner VARCHAR(20) NOT NULL);\n");
    ASSERT_EQ(cli.plan(model).exitCode, 0);
    const CliRun applied = cli.apply();
    EXPECT_NE(applied.exitCode, 0) << CliMigrations::shown(applied);
    EXPECT_EQ(db.rows(u"SELECT id, owner FROM task ORDER BY id"_s),
              (QStringList{u"1|ann"_s, u"2|NULL"_s}));
}

INSTANTIATE_TEST_SUITE_P(Engines, NotNullFill, allBackends(), backendParamName);

class MariaDbNotNullFill : public NotNullFill {};

// The fill is an UPDATE: a column that ON UPDATE sets to the time must keep its value.
TEST_P(MariaDbNotNullFill, a_column_updated_on_its_own_keeps_its_value)
{
    db.execEach({u"CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY, owner VARCHAR(20), "
                 u"touched TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP "
                 u"ON UPDATE CURRENT_TIMESTAMP)"_s,
                 u"INSERT INTO task VALUES (1, NULL, '2001-02-03 04:05:06')"_s});
    const QString model = cli.model(
        "CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY,\n"
        "  owner VARCHAR(20) NOT NULL DEFAULT 'nobody',\n"
        "  touched TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);\n");
    cli.migrate(model);
    EXPECT_EQ(db.rows(u"SELECT owner, CAST(touched AS CHAR) FROM task"_s),
              QStringList{u"nobody|2001-02-03 04:05:06"_s});
}

INSTANTIATE_TEST_SUITE_P(Engines, MariaDbNotNullFill, ::testing::Values(Backend::MariaDB),
                         backendParamName);

} // namespace
