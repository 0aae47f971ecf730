// MariaDB's trigger order: a table's triggers of one moment (BEFORE INSERT…) fire in the order
// they were created in, or as FOLLOWS / PRECEDES place them. That order is compared. The triggers a
// migration creates are created in the target's firing order, each placed against the one before it
// (the first before the first kept): a model's own PRECEDES naming a trigger still to come does not
// fail, and a trigger created again keeps its place instead of firing last.
#include "cli_migrations.h"
#include "dialect/mysql/mysql_trigger_sql.h"
#include "qt_printing.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kTables = "CREATE TABLE item (id INT PRIMARY KEY, note VARCHAR(20));\n"
                           "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, "
                           "msg VARCHAR(20));\n";

// `early` names `late`, which the model lists first: created in firing order, `early` would name
// a trigger that does not exist yet, and the migration would fail.
const QByteArray kOrdered = "CREATE TRIGGER late AFTER INSERT ON item FOR EACH ROW\n"
                            "  INSERT INTO audit (msg) VALUES ('late');\n"
                            "CREATE TRIGGER early AFTER INSERT ON item FOR EACH ROW PRECEDES late\n"
                            "  INSERT INTO audit (msg) VALUES ('early');\n";

using MariadbTriggerOrder = OneEngineCliTest<Backend::MariaDB>;

TEST(MysqlTriggerPlacement, replaces_the_statements_own_place_or_drops_it)
{
    using burrow::dialect::mysql::placedTriggerSql;
    const QString typed = u"CREATE TRIGGER a AFTER INSERT ON item FOR EACH ROW PRECEDES `b` "
                          u"INSERT INTO audit (msg) VALUES ('for each row')"_s;
    EXPECT_EQ(placedTriggerSql(typed, {u"c"_s, {}}),
              u"CREATE TRIGGER a AFTER INSERT ON item FOR EACH ROW FOLLOWS `c` "
              u"INSERT INTO audit (msg) VALUES ('for each row')"_s);
    EXPECT_EQ(placedTriggerSql(typed, {}), u"CREATE TRIGGER a AFTER INSERT ON item FOR EACH ROW "
                                           u"INSERT INTO audit (msg) VALUES ('for each row')"_s);
    EXPECT_EQ(placedTriggerSql(u"create trigger a before update on item for each row set @n = 1"_s,
                               {{}, u"b`x"_s}),
              u"create trigger a before update on item for each row PRECEDES `b``x` set @n = 1"_s);
}

TEST(MysqlReplaceReader, takes_or_replace_after_create_unless_it_cannot)
{
    using burrow::dialect::mysql::createOrReplaceSql;
    EXPECT_EQ(createOrReplaceSql(u"CREATE ALGORITHM=MERGE DEFINER=`a`@`%` SQL SECURITY INVOKER "
                                 u"VIEW `v` AS select 1"_s),
              u"CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`a`@`%` SQL SECURITY INVOKER VIEW `v` "
              u"AS select 1"_s);
    EXPECT_EQ(createOrReplaceSql(u"create trigger t before insert on x for each row set @n = 1"_s),
              u"create OR REPLACE trigger t before insert on x for each row set @n = 1"_s);
    EXPECT_FALSE(createOrReplaceSql(u"CREATE TRIGGER IF NOT EXISTS t BEFORE INSERT ON x FOR EACH "
                                    u"ROW SET @n = 1"_s));
    EXPECT_FALSE(createOrReplaceSql(u"CREATE OR REPLACE VIEW v AS SELECT 1"_s));
    EXPECT_FALSE(createOrReplaceSql(u"SET SESSION sql_mode = 'ANSI_QUOTES'"_s));
}

TEST_F(MariadbTriggerOrder, a_trigger_preceding_another_is_created_first_and_fires_first)
{
    db.exec(QString::fromUtf8(kTables));
    const QString before = cli.model(kTables, u"before.sql"_s);
    const QString migration = cli.migrateAndUndo(cli.model(kTables + kOrdered), before);
    const QString up = upSection(migration);
    const qsizetype early = up.indexOf(u"-- create trigger early"_s);
    ASSERT_GE(early, 0) << migration.toStdString();
    EXPECT_GT(up.indexOf(u"-- create trigger late"_s), early) << migration.toStdString();
    EXPECT_TRUE(up.contains(u"FOLLOWS `early`"_s)) << migration.toStdString();

    // The down dropped both: apply the model again and watch the order they fire in.
    db.exec(u"DELETE FROM audit"_s);
    cli.migrate(cli.model(kTables + kOrdered, u"again.sql"_s));
    db.exec(u"INSERT INTO item (id) VALUES (1)"_s);
    EXPECT_EQ(db.rows(u"SELECT msg FROM audit ORDER BY id"_s),
              (QStringList{u"early"_s, u"late"_s}));
}

// Three triggers of one moment; the model changes the first and the last: each is dropped and
// created again in its place, up and down.
TEST_F(MariadbTriggerOrder, triggers_created_again_keep_their_place)
{
    const auto triggers = [](const char *first, const char *last) -> QByteArray {
        return "CREATE TRIGGER t1 AFTER INSERT ON item FOR EACH ROW\n"
               "  INSERT INTO audit (msg) VALUES ('" +
               QByteArray(first) +
               "');\n"
               "CREATE TRIGGER t2 AFTER INSERT ON item FOR EACH ROW\n"
               "  INSERT INTO audit (msg) VALUES ('2');\n"
               "CREATE TRIGGER t3 AFTER INSERT ON item FOR EACH ROW\n"
               "  INSERT INTO audit (msg) VALUES ('" +
               QByteArray(last) + "');\n";
    };
    const QByteArray live = kTables + triggers("1", "3");
    db.execEach(QString::fromUtf8(live).split(u";\n"_s, Qt::SkipEmptyParts));
    const QString before = cli.model(live, u"before.sql"_s);
    const QString fired = u"SELECT GROUP_CONCAT(msg ORDER BY id SEPARATOR ' ') FROM audit"_s;

    const QString migration =
        cli.migrateAndUndo(cli.model(kTables + triggers("one", "three")), before);
    EXPECT_TRUE(upSection(migration).contains(u"PRECEDES `t2`"_s)) << migration.toStdString();
    db.exec(u"INSERT INTO item (id) VALUES (1)"_s); // the down ran last
    EXPECT_EQ(db.rows(fired), QStringList{u"1 2 3"_s}) << migration.toStdString();

    cli.migrate(cli.model(kTables + triggers("one", "three"), u"again.sql"_s));
    db.exec(u"DELETE FROM audit"_s);
    db.exec(u"INSERT INTO item (id) VALUES (2)"_s);
    EXPECT_EQ(db.rows(fired), QStringList{u"one 2 three"_s});
}

// The same triggers in another order: a difference of each trigger that moved, planned as
// triggers created again in the model's order.
TEST_F(MariadbTriggerOrder, the_firing_order_alone_is_compared_and_migrated)
{
    const QByteArray first = "CREATE TRIGGER first AFTER INSERT ON item FOR EACH ROW\n"
                             "  INSERT INTO audit (msg) VALUES ('first');\n";
    const QByteArray second = "CREATE TRIGGER second AFTER INSERT ON item FOR EACH ROW\n"
                              "  INSERT INTO audit (msg) VALUES ('second');\n";
    const QByteArray live = kTables + second + first;
    db.execEach(QString::fromUtf8(live).split(u";\n"_s, Qt::SkipEmptyParts));
    const QString before = cli.model(live, u"before.sql"_s);
    const QString model = cli.model(kTables + first + second);
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"order after second → first"_s))
        << CliMigrations::shown(differs);
    ASSERT_EQ(cli.diff(before).exitCode, 0);

    cli.migrate(model);
    db.exec(u"INSERT INTO item (id) VALUES (1)"_s);
    EXPECT_EQ(db.rows(u"SELECT msg FROM audit ORDER BY id"_s),
              (QStringList{u"first"_s, u"second"_s}));
    cli.migrate(before);
}

} // namespace
