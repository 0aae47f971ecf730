// burrow-cli diff and plan on a real MariaDB server, end to end through the executable.
#include "server_support.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QUrl>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QString readText(const QString &path)
{
    return QString::fromUtf8(readBytes(path));
}

/// The statements between `-- migrate:up` and `-- migrate:down`.
QString upStatements(const QString &migration)
{
    const qsizetype up = migration.indexOf(u"-- migrate:up");
    const qsizetype down = migration.indexOf(u"-- migrate:down");
    const qsizetype body = migration.indexOf(u'\n', up) + 1;
    return migration.mid(body, down - body);
}

/// The password a URL carries.
QString passwordOf(const QString &url)
{
    return QUrl(url).password();
}

class MysqlCli : public ::testing::Test {
protected:
    CliRun diff(const QString &url, const QString &model) const
    {
        return runCli({u"diff"_s, u"--db"_s, url, u"--model"_s, model});
    }
    CliRun plan(const QString &url, const QString &model) const
    {
        return runCli({u"plan"_s, u"--db"_s, url, u"--model"_s, model, u"--migrations"_s,
                       dir.path(u"migrations"_s), u"--allow-destructive"_s});
    }
    QString onlyMigration() const
    {
        const QDir migrations(dir.path(u"migrations"_s));
        const QStringList files = migrations.entryList({u"*.sql"_s}, QDir::Files);
        EXPECT_EQ(files.size(), 1) << files.join(u", ").toStdString();
        return files.isEmpty() ? QString() : readText(migrations.filePath(files.first()));
    }

    /// After the migration `up` ran: the database matches the model.
    void expectConverged(const QString &url, const QString &model, const QString &up) const
    {
        const CliRun after = diff(url, model);
        EXPECT_EQ(after.exitCode, 0)
            << after.out.toStdString() << after.err.toStdString() << "\nmigration:\n"
            << up.toStdString();
        EXPECT_TRUE(after.out.contains(u"No differences"_s)) << after.out.toStdString();
    }

    TempDir dir;
};

TEST_F(MysqlCli, legacy_database_differs_then_one_migration_brings_it_to_no_differences)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(readText(testDataPath(u"mysql/legacy.sql"_s)));
    const QString model = testDataPath(u"mysql/model.sql"_s);

    const CliRun before = diff(db.url(), model);
    EXPECT_EQ(before.exitCode, 1) << before.err.toStdString();
    for (const QString &expected :
         {u"+ column price"_s, u"- column legacy_flag"_s, u"- table old_stuff"_s,
          u"+ table genre"_s, u"+ view cheap_books"_s, u"- column nickname"_s})
        EXPECT_TRUE(before.out.contains(expected)) << expected.toStdString() << " missing in\n"
                                                   << before.out.toStdString();

    const CliRun planned = plan(db.url(), model);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    EXPECT_FALSE(planned.err.contains(u"could not count"_s)) << planned.err.toStdString();
    const QString up = upStatements(onlyMigration());
    // Every change to one table is one ALTER TABLE.
    EXPECT_EQ(up.count(u"ALTER TABLE `book`"_s), 1) << up.toStdString();
    EXPECT_EQ(up.count(u"ALTER TABLE `author`"_s), 1) << up.toStdString();
    EXPECT_FALSE(up.contains(u"CREATE INDEX `idx_title_author`"_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"DROP TABLE `old_stuff`"_s)) << up.toStdString();

    db.exec(up);
    expectConverged(db.url(), model, up);
}

TEST_F(MysqlCli, changed_keys_and_checks_converge_after_one_migration)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(readText(testDataPath(u"mysql/constraints_live.sql"_s)));
    const QString model = testDataPath(u"mysql/constraints_model.sql"_s);
    ASSERT_EQ(diff(db.url(), model).exitCode, 1);
    const CliRun planned = plan(db.url(), model);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const QString up = upStatements(onlyMigration());
    // The foreign key re-created under its own name is the one second ALTER TABLE.
    EXPECT_EQ(up.count(u"ALTER TABLE `child`"_s), 2) << up.toStdString();
    EXPECT_EQ(up.count(u"ALTER TABLE `other`"_s), 1) << up.toStdString();
    db.exec(up);
    expectConverged(db.url(), model, up);
}

// MariaDB cannot MODIFY a column from VIRTUAL to STORED, to VIRTUAL, or from plain to generated:
// such a column is dropped and added again, its indexes with it, and a virtual column that
// becomes plain keeps the values it showed.
TEST_F(MysqlCli, a_change_of_generated_column_kind_converges_and_keeps_values_and_indexes)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE g (id INT PRIMARY KEY, b INT, v INT AS (b * 2) VIRTUAL,"
            "  s INT AS (b * 3) STORED, w INT AS (b + 1) VIRTUAL, p INT, KEY g_w (w));"
            "INSERT INTO g (id, b, p) VALUES (1, 5, 7), (2, 6, 8)"_s);
    const QString model =
        dir.write(u"model.sql"_s, "CREATE TABLE g (id INT PRIMARY KEY, b INT, v INT,\n"
                                  "  s INT AS (b * 3) VIRTUAL, w INT AS (b + 1) STORED,\n"
                                  "  p INT AS (b - 1) STORED, KEY g_w (w));\n");
    ASSERT_EQ(diff(db.url(), model).exitCode, 1);
    const CliRun planned = plan(db.url(), model);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const QString up = upStatements(onlyMigration());
    EXPECT_EQ(up.count(u"ALTER TABLE `g`"_s), 1) << up.toStdString();
    db.exec(up);
    expectConverged(db.url(), model, up);
    EXPECT_EQ(db.rows(u"SELECT id, v, s, w, p FROM g ORDER BY id"_s),
              (QStringList{u"1|10|15|6|4"_s, u"2|12|18|7|5"_s}));
    EXPECT_EQ(db.rows(u"SELECT COUNT(*) FROM information_schema.STATISTICS "
                      "WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'g_w'"_s),
              QStringList{u"1"_s});
}

// MariaDB refuses to change a column a foreign key uses ("Cannot change column 'id': used in a
// foreign key constraint"), even with foreign_key_checks off: widening ids to BIGINT, or a new
// composite primary key, drops the key first and adds it back with the referencing table.
TEST_F(MysqlCli, widening_a_referenced_key_lifts_the_foreign_key_and_converges_with_the_rows)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE parent (id INT PRIMARY KEY, n VARCHAR(10));"
            "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT,"
            "  CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));"
            "INSERT INTO parent VALUES (1, 'a'), (2, 'b');"
            "INSERT INTO child VALUES (10, 1), (11, 2)"_s);
    const QString model =
        dir.write(u"model.sql"_s,
                  "CREATE TABLE parent (id BIGINT PRIMARY KEY, n VARCHAR(10));\n"
                  "CREATE TABLE child (id INT PRIMARY KEY, parent_id BIGINT,\n"
                  "  CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));\n");
    const CliRun planned = plan(db.url(), model);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const QString up = upStatements(onlyMigration());
    EXPECT_LT(up.indexOf(u"DROP FOREIGN KEY `child_parent`"_s),
              up.indexOf(u"ALTER TABLE `parent`"_s))
        << up.toStdString();
    EXPECT_EQ(up.count(u"ALTER TABLE `parent`"_s), 1) << up.toStdString();
    const CliRun applied =
        runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, dir.path(u"migrations"_s)});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString() << "\nmigration:\n"
                                   << up.toStdString();
    expectConverged(db.url(), model, up);
    EXPECT_EQ(db.rows(u"SELECT c.id, p.n FROM child c JOIN parent p ON p.id = c.parent_id "
                      "ORDER BY c.id"_s),
              (QStringList{u"10|a"_s, u"11|b"_s}));
    EXPECT_EQ(db.rows(u"SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                      "DATABASE() AND TABLE_NAME = 'child' AND COLUMN_NAME = 'parent_id'"_s),
              QStringList{u"bigint"_s});
}

// Table and column comments are read, compared, set, changed and removed; a quote and a
// backslash in one survive the round trip.
TEST_F(MysqlCli, table_and_column_comments_converge)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE pref (id INT PRIMARY KEY COMMENT 'old id',"
            "  name VARCHAR(20) COMMENT 'gone', code INT) COMMENT 'old table'"_s);
    const QString model = dir.write(
        u"model.sql"_s, "CREATE TABLE pref (id INT PRIMARY KEY COMMENT 'it''s the id',\n"
                        "  name VARCHAR(20), code INT AS (id * 2) VIRTUAL COMMENT 'a \\\\ b')\n"
                        "  COMMENT '都道府県マスター';\n");
    const CliRun before = diff(db.url(), model);
    EXPECT_EQ(before.exitCode, 1) << before.err.toStdString();
    EXPECT_TRUE(before.out.contains(u"comment"_s)) << before.out.toStdString();
    ASSERT_EQ(plan(db.url(), model).exitCode, 0);
    const QString up = upStatements(onlyMigration());
    EXPECT_EQ(up.count(u"ALTER TABLE `pref`"_s), 1) << up.toStdString();
    db.exec(up);
    expectConverged(db.url(), model, up);
    EXPECT_EQ(db.rows(u"SELECT COLUMN_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS "
                      "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'pref' "
                      "ORDER BY ORDINAL_POSITION"_s),
              (QStringList{u"id|it's the id"_s, u"name|"_s, u"code|a \\ b"_s}));
    EXPECT_EQ(db.rows(u"SELECT TABLE_COMMENT FROM information_schema.TABLES "
                      "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'pref'"_s),
              QStringList{u"都道府県マスター"_s});
}

TEST_F(MysqlCli, a_model_trigger_is_created_with_the_statement_as_the_model_spells_it)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20), seen DATETIME)"_s);
    const QByteArray trigger = "create trigger touch_users before insert on users for each row "
                               "begin\n  set NEW.seen = now();\n  set NEW.name = lower(NEW.name);\n"
                               "end";
    const QString model =
        dir.write(u"model.sql"_s,
                  "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20), seen DATETIME);\n" +
                      trigger + ";\n");
    ASSERT_EQ(plan(db.url(), model).exitCode, 0);
    const QString up = upStatements(onlyMigration());
    EXPECT_TRUE(up.contains(QString::fromUtf8(trigger))) << up.toStdString();
    const CliRun applied = runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s,
                                   dir.path(u"migrations"_s), u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    // What SHOW CREATE TRIGGER and mariadb-dump show: the model's own statement.
    const QStringList shown = db.rows(u"SHOW CREATE TRIGGER touch_users"_s);
    ASSERT_EQ(shown.size(), 1);
    EXPECT_TRUE(shown[0].contains(u"before insert on users for each row begin"_s))
        << shown[0].toStdString();
    expectConverged(db.url(), model, up);
}

TEST_F(MysqlCli, a_new_table_collation_converges_with_every_column_as_the_model_has_it)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE note (id INT PRIMARY KEY, title VARCHAR(10), body TEXT,"
            "  code VARCHAR(5) COLLATE latin1_bin) DEFAULT CHARSET = latin1"_s);
    const QString model = dir.write(
        u"model.sql"_s, "CREATE TABLE note (id INT PRIMARY KEY, title VARCHAR(10), body TEXT,\n"
                        "  code VARCHAR(5) CHARACTER SET latin1 COLLATE latin1_bin)\n"
                        "  DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci;\n");
    const CliRun before = diff(db.url(), model);
    EXPECT_EQ(before.exitCode, 1) << before.err.toStdString();
    EXPECT_TRUE(before.out.contains(u"collation"_s)) << before.out.toStdString();
    ASSERT_EQ(plan(db.url(), model).exitCode, 0);
    const QString up = upStatements(onlyMigration());
    EXPECT_EQ(up.count(u"ALTER TABLE `note`"_s), 1) << up.toStdString();
    db.exec(up);
    expectConverged(db.url(), model, up);
    EXPECT_EQ(db.rows(u"SELECT TABLE_COLLATION FROM information_schema.TABLES "
                      "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'note'"_s),
              QStringList{u"utf8mb4_general_ci"_s});
    // TEXT stays TEXT (CONVERT TO would widen it), the column's own collation stays its own.
    EXPECT_EQ(db.rows(u"SELECT COLUMN_NAME, COLUMN_TYPE, COLLATION_NAME FROM "
                      "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND "
                      "TABLE_NAME = 'note' AND COLLATION_NAME IS NOT NULL ORDER BY 1"_s),
              (QStringList{u"body|text|utf8mb4_general_ci"_s, u"code|varchar(5)|latin1_bin"_s,
                           u"title|varchar(10)|utf8mb4_general_ci"_s}));
}

TEST_F(MysqlCli, a_columns_own_check_stays_in_the_column_when_the_column_changes_or_is_added)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    // JSON is LONGTEXT with a CHECK (json_valid(…)) of the column's own.
    db.exec(u"CREATE TABLE doc (id INT PRIMARY KEY, data JSON)"_s);
    const QString model =
        dir.write(u"model.sql"_s, "CREATE TABLE doc (id INT PRIMARY KEY, data JSON DEFAULT '[]',\n"
                                  "  size INT CHECK (size >= 0), extra JSON);\n");
    ASSERT_EQ(plan(db.url(), model).exitCode, 0);
    const QString up = upStatements(onlyMigration());
    EXPECT_EQ(up.count(u"ALTER TABLE `doc`"_s), 1) << up.toStdString();
    db.exec(up);
    expectConverged(db.url(), model, up);
    EXPECT_EQ(db.rows(u"SELECT CONSTRAINT_NAME, LEVEL FROM information_schema.CHECK_CONSTRAINTS "
                      "WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'doc' "
                      "ORDER BY 1"_s),
              (QStringList{u"data|Column"_s, u"extra|Column"_s, u"size|Column"_s}));
}

// A column's own CHECK goes with the column's MODIFY (DROP CONSTRAINT cannot remove it), also on
// the way back, where the model's check is unnamed; a table's CHECK named like its column is
// dropped as a constraint.
TEST_F(MysqlCli, checks_are_dropped_where_the_server_keeps_them_both_ways)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    const QByteArray before = "CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(8,2));\n"
                              "CREATE TABLE line (qty INT, CONSTRAINT qty CHECK (qty > 0));\n";
    db.exec(QString::fromUtf8(before));
    const QString model =
        dir.write(u"model.sql"_s, "CREATE TABLE orders (id INT PRIMARY KEY,\n"
                                  "  total DECIMAL(10,2) NOT NULL CHECK (total >= 0));\n"
                                  "CREATE TABLE line (qty BIGINT);\n");
    ASSERT_EQ(plan(db.url(), model).exitCode, 0);
    const QString migration = onlyMigration();
    const QString up = upStatements(migration);
    db.exec(up);
    expectConverged(db.url(), model, up);
    db.exec(migration.mid(migration.indexOf(u"-- migrate:down")));
    expectConverged(db.url(), dir.write(u"before.sql"_s, before), migration);
}

TEST_F(MysqlCli, an_unnamed_foreign_key_with_a_new_action_keeps_the_name_the_server_gave_it)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE users (id BIGINT PRIMARY KEY);"
            "CREATE TABLE posts (id INT PRIMARY KEY, user_id BIGINT,"
            "  FOREIGN KEY (user_id) REFERENCES users (id))"_s);
    const QString model = dir.write(
        u"model.sql"_s, "CREATE TABLE users (id BIGINT PRIMARY KEY);\n"
                        "CREATE TABLE posts (id INT PRIMARY KEY, user_id BIGINT,\n"
                        "  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);\n");
    ASSERT_EQ(plan(db.url(), model).exitCode, 0);
    const QString migration = onlyMigration();
    const QString up = upStatements(migration);
    db.exec(up);
    // The index InnoDB made for the key keeps its name too: nothing is left to rename.
    expectConverged(db.url(), model, up);
    const QString keys = u"SELECT CONSTRAINT_NAME, DELETE_RULE FROM "
                         "information_schema.REFERENTIAL_CONSTRAINTS "
                         "WHERE CONSTRAINT_SCHEMA = DATABASE()"_s;
    EXPECT_EQ(db.rows(keys), QStringList{u"posts_ibfk_1|CASCADE"_s}) << up.toStdString();
    db.exec(migration.mid(migration.indexOf(u"-- migrate:down")));
    EXPECT_EQ(db.rows(keys), QStringList{u"posts_ibfk_1|RESTRICT"_s}) << migration.toStdString();
}

TEST_F(MysqlCli, a_dropped_tables_key_on_a_changed_column_goes_before_the_column_changes)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE users (id INT PRIMARY KEY);"
            "CREATE TABLE taggings (user_id INT NOT NULL, tag TEXT NOT NULL,"
            "  CONSTRAINT taggings_user_fk FOREIGN KEY (user_id) REFERENCES users (id))"_s);
    // users.id goes while taggings, which references it, goes too: MariaDB refuses to drop a
    // referenced column even with foreign_key_checks off, so the key must go first.
    const QString model =
        dir.write(u"model.sql"_s, "CREATE TABLE users (user_id INT PRIMARY KEY, name TEXT);\n");
    ASSERT_EQ(plan(db.url(), model).exitCode, 0);
    const QString up = upStatements(onlyMigration());
    const qsizetype keyDropped = up.indexOf(u"DROP FOREIGN KEY `taggings_user_fk`"_s);
    EXPECT_GE(keyDropped, 0) << up.toStdString();
    EXPECT_LT(keyDropped, up.indexOf(u"DROP COLUMN `id`"_s)) << up.toStdString();
    db.exec(up);
    expectConverged(db.url(), model, up);
}

TEST_F(MysqlCli, a_spatial_index_is_added_without_a_prefix_length)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE place (id INT PRIMARY KEY)"_s);
    const QString model = dir.write(
        u"model.sql"_s, "CREATE TABLE place (id INT PRIMARY KEY, location POINT NOT NULL,\n"
                        "  SPATIAL INDEX place_location (location));\n");
    ASSERT_EQ(plan(db.url(), model).exitCode, 0);
    const QString up = upStatements(onlyMigration());
    EXPECT_TRUE(up.contains(u"SPATIAL INDEX `place_location` (`location`)"_s)) << up.toStdString();
    db.exec(up);
    expectConverged(db.url(), model, up);
}

TEST_F(MysqlCli, the_same_schema_spelled_differently_has_no_differences)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE item (id INT(11) NOT NULL, qty INTEGER DEFAULT '0', "
            "active BOOL DEFAULT 1, code varchar(10) NOT NULL DEFAULT 'x', "
            "big BIGINT(20) UNSIGNED, price NUMERIC(8,2) DEFAULT 1.5, "
            "made TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, "
            "PRIMARY KEY (id), UNIQUE KEY uq_code (code))"_s);
    const QString model =
        dir.write(u"model.sql"_s, "create table `item` (\n"
                                  "  `id` int primary key,\n"
                                  "  qty int default 0,\n"
                                  "  active tinyint(1) default '1',\n"
                                  "  code VARCHAR(10) not null default 'x' unique,\n"
                                  "  big bigint unsigned,\n"
                                  "  price decimal(8,2) default '1.50',\n"
                                  "  made timestamp not null default now() on update now()\n"
                                  ") # MySQL comments too\n");
    const CliRun run = diff(db.url(), model);
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(u"No differences"_s)) << run.out.toStdString();
}

TEST_F(MysqlCli, burrows_history_table_is_not_a_difference)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE burrow_migrations (version VARCHAR(32) PRIMARY KEY);"
            "CREATE TABLE t (id INT)"_s);
    const CliRun run = diff(db.url(), dir.write(u"model.sql"_s, "CREATE TABLE t (id INT);\n"));
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
}

TEST_F(MysqlCli, hostile_identifiers_round_trip_through_plan_and_diff)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE `Mixed Case` (`Id` INT PRIMARY KEY)"_s);
    const QString model =
        dir.write(u"model.sql"_s,
                  "CREATE TABLE `Mixed Case` (`Id` INT PRIMARY KEY, `it's \"quoted\"` VARCHAR(9),\n"
                  "  `back``tick` INT DEFAULT 3, KEY `idx ``x``` (`back``tick`));\n"
                  "CREATE TABLE `mixed case` (`Id` INT);\n"
                  "CREATE VIEW `v w` AS SELECT `back``tick` FROM `Mixed Case`;\n");
    ASSERT_EQ(diff(db.url(), model).exitCode, 1);
    const CliRun planned = plan(db.url(), model);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    db.exec(upStatements(onlyMigration()));
    const CliRun after = diff(db.url(), model);
    EXPECT_EQ(after.exitCode, 0) << after.out.toStdString() << after.err.toStdString();
    const QStringList tables = db.rows(u"SHOW TABLES"_s);
    EXPECT_TRUE(tables.contains(u"Mixed Case"_s)) << tables.join(u", ").toStdString();
    EXPECT_TRUE(tables.contains(u"mixed case"_s)) << tables.join(u", ").toStdString();
}

TEST_F(MysqlCli, a_unix_socket_url_needs_no_host)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    const QString socket = db.rows(u"SELECT @@socket"_s).value(0);
    const QString user = u"burrow_socket_"_s + QString::number(QCoreApplication::applicationPid());
    db.exec(u"CREATE USER '%1'@'localhost' IDENTIFIED BY 'Socket-Pw-9';"
            "GRANT ALL ON *.* TO '%1'@'localhost';"
            "CREATE TABLE t (id INT)"_s.arg(user));
    const QString url =
        u"mariadb://%1:Socket-Pw-9@/%2?unix_socket=%3"_s.arg(user, db.name(), socket);
    const CliRun run = diff(url, dir.write(u"model.sql"_s, "CREATE TABLE t (id INT);\n"));
    db.exec(u"DROP USER '%1'@'localhost'"_s.arg(user));
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
}

// ---- connection failures: exit 2, one line, never the password -------------------------------

void expectOneLineError(const CliRun &run, const QString &password, const QString &says)
{
    EXPECT_EQ(run.exitCode, 2) << run.out.toStdString() << run.err.toStdString();
    EXPECT_EQ(run.err.trimmed().count(u'\n'), 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(says)) << run.err.toStdString();
    if (!password.isEmpty()) {
        EXPECT_FALSE(run.err.contains(password)) << run.err.toStdString();
        EXPECT_FALSE(run.out.contains(password)) << run.out.toStdString();
    }
}

TEST_F(MysqlCli, wrong_password_exits_2_with_one_line_without_the_password)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    QUrl url(db.url());
    url.setPassword(u"not-the-Password-42"_s);
    const QString model = dir.write(u"model.sql"_s, "CREATE TABLE t (id INT);\n");
    expectOneLineError(diff(url.toString(), model), u"not-the-Password-42"_s, u"access denied"_s);
}

TEST_F(MysqlCli, unknown_database_exits_2_naming_it)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    QUrl url(db.url());
    url.setPath(u"/no_such_database_here"_s);
    const QString model = dir.write(u"model.sql"_s, "CREATE TABLE t (id INT);\n");
    expectOneLineError(diff(url.toString(), model), passwordOf(db.url()),
                       u"the database 'no_such_database_here' does not exist"_s);
}

TEST_F(MysqlCli, closed_port_exits_2_saying_the_server_cannot_be_reached)
{
    const QString model = dir.write(u"model.sql"_s, "CREATE TABLE t (id INT);\n");
    // Port 1 on the loopback: nothing listens there.
    expectOneLineError(diff(u"mysql://someone:Secret-77@127.0.0.1:1/app"_s, model), u"Secret-77"_s,
                       u"cannot reach the MySQL/MariaDB server at 127.0.0.1:1"_s);
}

TEST_F(MysqlCli, unroutable_host_gives_up_after_the_connect_timeout)
{
    const QString model = dir.write(u"model.sql"_s, "CREATE TABLE t (id INT);\n");
    QElapsedTimer timer;
    timer.start();
    const CliRun run =
        diff(u"mariadb://someone:Secret-78@10.255.255.1:3306/app?connect_timeout=2"_s, model);
    expectOneLineError(run, u"Secret-78"_s, u"cannot reach the MySQL/MariaDB server"_s);
    EXPECT_LT(timer.elapsed(), 15000);
}

} // namespace
