// MariaDB views, triggers and routines run as their DEFINER. Created again by the migration
// without one, they would run as the migration's account instead (often an administrator's: a
// view or routine of the application's would then read what the application may not). Those the
// migration creates again name the definer they had, up and down; those the migration's own
// account defined get no clause. Definers are not compared.
#include "cli_migrations.h"
#include "dialect/mysql/mysql_definer.h"

using namespace burrow;
using namespace burrow::dialect::mysql;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

TEST(MysqlDefinerClause, goes_after_create_or_replace_and_a_views_algorithm)
{
    const QString app = u"app@%"_s;
    EXPECT_EQ(withDefiner(u"CREATE VIEW `v` AS select 1"_s, app),
              u"CREATE DEFINER=`app`@`%` VIEW `v` AS select 1"_s);
    EXPECT_EQ(
        withDefiner(u"CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v AS select 1"_s, app),
        u"CREATE ALGORITHM=MERGE DEFINER=`app`@`%` SQL SECURITY INVOKER VIEW v AS select 1"_s);
    EXPECT_EQ(withDefiner(u"CREATE OR REPLACE FUNCTION `f`() RETURNS int RETURN 1"_s, app),
              u"CREATE OR REPLACE DEFINER=`app`@`%` FUNCTION `f`() RETURNS int RETURN 1"_s);
    EXPECT_EQ(withDefiner(u"create trigger tr before insert on t for each row set @a = 1"_s,
                          u"we@b@localhost"_s),
              u"create DEFINER=`we@b`@`localhost` trigger tr before insert on t for each row "
              u"set @a = 1"_s);
    EXPECT_EQ(withDefiner(u"CREATE VIEW v AS select 1"_s, u"auditor"_s),
              u"CREATE DEFINER=`auditor` VIEW v AS select 1"_s);
}

TEST(MysqlDefinerClause, leaves_a_typed_definer_or_none_as_it_is)
{
    const QString typed = u"CREATE DEFINER = CURRENT_USER TRIGGER tr BEFORE INSERT ON t "
                          u"FOR EACH ROW SET @a = 1"_s;
    EXPECT_EQ(withDefiner(typed, u"app@%"_s), typed);
    EXPECT_EQ(withDefiner(u"CREATE VIEW v AS select 1"_s, QString()),
              u"CREATE VIEW v AS select 1"_s);
}

class MariadbDefiners : public OneEngineCliTest<Backend::MariaDB> {
protected:
    void SetUp() override
    {
        OneEngineCliTest::SetUp();
        if (IsSkipped())
            return;
        // Accounts are the server's, shared by the tests: created once.
        db.exec(u"CREATE USER IF NOT EXISTS 'burrow_app'@'%'"_s);
        db.exec(
            u"GRANT SELECT, INSERT, UPDATE, DELETE, EXECUTE, TRIGGER ON *.* TO 'burrow_app'@'%'"_s);
    }
    /// "name|definer" of each view, trigger and routine, sorted.
    QStringList definers()
    {
        return db.rows(
            u"SELECT CONCAT(TABLE_NAME, '|', DEFINER) FROM information_schema.VIEWS "
            u"WHERE TABLE_SCHEMA = DATABASE() UNION ALL SELECT CONCAT(TRIGGER_NAME, '|', DEFINER) "
            u"FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() UNION ALL "
            u"SELECT CONCAT(ROUTINE_NAME, '|', DEFINER) FROM information_schema.ROUTINES "
            u"WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1"_s);
    }
};

const QByteArray kTable = "CREATE TABLE book (id INT PRIMARY KEY, pages INT, stamp INT);\n";

TEST_F(MariadbDefiners, views_triggers_and_routines_created_again_keep_their_definer)
{
    db.exec(u"CREATE TABLE book (id INT PRIMARY KEY, pages INT, stamp INT)"_s);
    db.exec(
        u"CREATE DEFINER='burrow_app'@'%' VIEW thick AS SELECT id FROM book WHERE pages > 500"_s);
    db.exec(u"CREATE DEFINER='burrow_app'@'%' TRIGGER stamped BEFORE INSERT ON book "
            u"FOR EACH ROW SET NEW.stamp = 1"_s);
    db.exec(u"CREATE DEFINER='burrow_app'@'%' FUNCTION longest() RETURNS INT READS SQL DATA "
            u"RETURN (SELECT MAX(pages) FROM book)"_s);
    db.exec(u"CREATE VIEW mine AS SELECT id FROM book"_s); // the migration's account's own
    const QStringList before = definers();
    ASSERT_EQ(before.size(), 4);
    ASSERT_TRUE(before.contains(u"longest|burrow_app@%"_s)) << before.join(u' ').toStdString();
    const QString was = cli.model(kTable + "CREATE VIEW thick AS SELECT id FROM book WHERE "
                                           "pages > 500;\n"
                                           "CREATE TRIGGER stamped BEFORE INSERT ON book FOR "
                                           "EACH ROW SET NEW.stamp = 1;\n"
                                           "CREATE FUNCTION longest() RETURNS INT READS SQL DATA "
                                           "RETURN (SELECT MAX(pages) FROM book);\n"
                                           "CREATE VIEW mine AS SELECT id FROM book;\n",
                                  u"before.sql"_s);
    ASSERT_EQ(cli.diff(was).exitCode, 0) << "definers are not compared";
    // Every one of them changes: each is created again.
    const QString model = cli.model(kTable + "CREATE VIEW thick AS SELECT id FROM book WHERE "
                                             "pages > 900;\n"
                                             "CREATE TRIGGER stamped BEFORE INSERT ON book FOR "
                                             "EACH ROW SET NEW.stamp = 2;\n"
                                             "CREATE FUNCTION longest() RETURNS INT READS SQL "
                                             "DATA RETURN (SELECT MAX(pages) + 0 FROM book);\n"
                                             "CREATE VIEW mine AS SELECT id, pages FROM book;\n");

    const QString migration = cli.migrate(model);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"CREATE OR REPLACE DEFINER=`burrow_app`@`%` VIEW `thick`"_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"CREATE OR REPLACE VIEW `mine`"_s)) << up.toStdString();
    EXPECT_EQ(definers(), before) << migration.toStdString();
    db.exec(u"INSERT INTO book (id, pages) VALUES (1, 950)"_s);
    EXPECT_EQ(db.rows(u"SELECT CONCAT(longest(), '|', stamp) FROM thick JOIN book USING (id)"_s),
              QStringList{u"950|2"_s});

    cli.migrateAndUndo(was, model);
    EXPECT_EQ(definers(), before);
}

} // namespace
