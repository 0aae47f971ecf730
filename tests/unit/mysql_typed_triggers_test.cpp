// MariaDB keeps a trigger's statement as typed (SHOW CREATE TRIGGER, dumps), while its catalog
// tells only the parts. A migration that creates a live trigger again (its down section) writes
// the statement the user typed, not one rebuilt from the parts; the comparison stays the
// catalog's, and a trigger of another definer keeps it (mysql_definers_test).
#include "cli_migrations.h"
#include "dialect/mysql/mysql_trigger_sql.h"
#include "qt_printing.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kTables = "CREATE TABLE item (id INT PRIMARY KEY);\n"
                           "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, "
                           "msg VARCHAR(20));\n";
// Lower case, an unquoted name, a comment before the body: all lost when rebuilt from parts.
// (The server itself spells the CREATE before it, with the definer.)
const QByteArray kAsTyped = "trigger noted after insert on item for each row /* why */ "
                            "insert into audit (msg) values ('x')";
const QByteArray kTyped = "create " + kAsTyped;

using MariadbTypedTriggers = OneEngineCliTest<Backend::MariaDB>;

TEST(MysqlTriggerDefiner, is_left_out_of_the_typed_statement)
{
    using burrow::dialect::mysql::triggerSqlWithoutDefiner;
    EXPECT_EQ(triggerSqlWithoutDefiner(u"CREATE DEFINER=`a@b`@`%` trigger t after insert on x "
                                       u"for each row set @trigger = 1"_s),
              u"CREATE trigger t after insert on x for each row set @trigger = 1"_s);
    EXPECT_EQ(triggerSqlWithoutDefiner(u"create trigger t before delete on x for each row "
                                       u"set @n = 1"_s),
              u"CREATE trigger t before delete on x for each row set @n = 1"_s);
    EXPECT_TRUE(triggerSqlWithoutDefiner(u"CREATE VIEW v AS SELECT 1"_s).isEmpty());
}

TEST_F(MariadbTypedTriggers, a_changed_trigger_is_put_back_as_it_was_typed)
{
    db.exec(QString::fromUtf8(kTables));
    db.exec(QString::fromUtf8(kTyped));
    const QString before = cli.model(kTables + kTyped + ";\n", u"before.sql"_s);
    ASSERT_EQ(cli.diff(before).exitCode, 0) << "the spelling is not compared";
    const QString model = cli.model(kTables + "CREATE TRIGGER noted AFTER INSERT ON item FOR "
                                              "EACH ROW INSERT INTO audit (msg) VALUES ('y');\n");

    const QString migration = cli.migrateAndUndo(model, before);
    EXPECT_TRUE(downSection(migration).contains(QString::fromUtf8(kAsTyped)))
        << migration.toStdString();
    const QStringList shown = db.rows(u"SELECT ACTION_STATEMENT FROM information_schema.TRIGGERS "
                                      u"WHERE TRIGGER_SCHEMA = DATABASE()"_s);
    EXPECT_EQ(shown, QStringList{u"insert into audit (msg) values ('x')"_s});
}

TEST_F(MariadbTypedTriggers, a_dropped_tables_trigger_comes_back_as_it_was_typed)
{
    db.exec(QString::fromUtf8(kTables));
    db.exec(QString::fromUtf8(kTyped));
    const QString before = cli.model(kTables + kTyped + ";\n", u"before.sql"_s);
    const QString model = cli.model("CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, "
                                    "msg VARCHAR(20));\n");

    const QString migration = cli.migrateAndUndo(model, before, {u"--allow-destructive"_s});
    EXPECT_TRUE(downSection(migration).contains(QString::fromUtf8(kAsTyped)))
        << migration.toStdString();
    db.exec(u"INSERT INTO item (id) VALUES (1)"_s);
    EXPECT_EQ(db.rows(u"SELECT msg FROM audit"_s), QStringList{u"x"_s});
}

} // namespace
