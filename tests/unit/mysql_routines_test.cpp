// MariaDB stored functions and procedures: read with their parameters and characteristics,
// compared (a changed body, a new routine, one the model drops), created and replaced in place
// (CREATE OR REPLACE), and taken back by the down section. Dropping one needs consent.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class MariadbRoutines : public OneEngineCliTest<Backend::MariaDB> {
protected:
    /// `name|type|body` of each routine, by name.
    QStringList routines()
    {
        return db.rows(u"SELECT CONCAT(ROUTINE_NAME, '|', ROUTINE_TYPE, '|', ROUTINE_DEFINITION) "
                       "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() "
                       "ORDER BY ROUTINE_NAME"_s);
    }
};

const QByteArray kTable = "CREATE TABLE t (id INT PRIMARY KEY, v INT);\n";

TEST_F(MariadbRoutines, bodies_and_new_routines_are_compared_replaced_and_taken_back)
{
    const QByteArray live = kTable + "CREATE FUNCTION plus(x INT) RETURNS INT DETERMINISTIC "
                                     "RETURN x + 1;\n";
    db.exec(u"CREATE TABLE t (id INT PRIMARY KEY, v INT)"_s);
    db.exec(u"CREATE FUNCTION plus(x INT) RETURNS INT DETERMINISTIC RETURN x + 1"_s);
    const QString before = cli.model(live, u"before.sql"_s);
    const QString model = cli.model(
        kTable + "CREATE FUNCTION plus(x INT) RETURNS INT DETERMINISTIC RETURN x + 2;\n"
                 "CREATE PROCEDURE settle(IN x INT, OUT n INT) SQL SECURITY INVOKER\n"
                 "BEGIN\n  UPDATE t SET v = x WHERE v IS NULL;\n  SELECT COUNT(*) INTO n FROM t;\n"
                 "END;\n");
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"function plus"_s)) << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"PROCEDURE settle(IN `x` int(11), OUT `n` int(11))"_s))
        << CliMigrations::shown(differs);

    const QString migration = cli.migrateAndUndo(model, before);
    EXPECT_TRUE(upSection(migration).contains(u"CREATE OR REPLACE FUNCTION `plus`"_s))
        << migration.toStdString();
    EXPECT_TRUE(downSection(migration).contains(u"DROP PROCEDURE IF EXISTS `settle`"_s))
        << migration.toStdString();
    // The down ran last: the function is back as it was, the procedure gone.
    EXPECT_EQ(routines(), QStringList{u"plus|FUNCTION|RETURN x + 1"_s});
    EXPECT_EQ(db.rows(u"SELECT plus(1)"_s), QStringList{u"2"_s});
}

TEST_F(MariadbRoutines, the_model_state_is_what_the_migration_leaves)
{
    db.exec(u"CREATE TABLE t (id INT PRIMARY KEY, v INT)"_s);
    db.exec(u"INSERT INTO t VALUES (1, NULL), (2, 5)"_s);
    cli.migrate(cli.model(kTable + "CREATE PROCEDURE settle(IN x INT)\n"
                                   "BEGIN\n  UPDATE t SET v = x WHERE v IS NULL;\nEND;\n"));
    db.exec(u"CALL settle(7)"_s);
    EXPECT_EQ(db.rows(u"SELECT v FROM t ORDER BY id"_s), (QStringList{u"7"_s, u"5"_s}));
}

TEST_F(MariadbRoutines, a_routine_the_model_drops_goes_only_with_consent)
{
    db.exec(u"CREATE TABLE t (id INT PRIMARY KEY, v INT)"_s);
    db.exec(u"CREATE FUNCTION plus(x INT) RETURNS INT DETERMINISTIC RETURN x + 1"_s);
    const QString model = cli.model(kTable);
    const CliRun planned = cli.plan(model);
    EXPECT_TRUE(planned.err.contains(u"left out (destructive): function plus"_s))
        << CliMigrations::shown(planned);
    cli.migrate(model, {u"--allow-destructive"_s});
    EXPECT_TRUE(routines().isEmpty());
}

} // namespace
