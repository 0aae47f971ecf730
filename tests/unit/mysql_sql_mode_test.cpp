// MariaDB keeps a trigger's, routine's or event's sql_mode with its body and runs the body under
// it: under PIPES_AS_CONCAT `a || b` concatenates, under the default it is a logical OR. Created
// again by the migration's session, a body would take that session's mode instead. Each is
// created under the mode it had (the model's, where the model's mode reads the body otherwise or
// is named by the model), and a difference in how the body reads is a difference.
#include "cli_migrations.h"
#include "dialect/mysql/mysql_sql_mode.h"

using namespace burrow;
using namespace burrow::dialect::mysql;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kDefault = u"STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"_s;

TEST(MysqlSqlMode, tells_the_modes_that_change_how_a_body_reads)
{
    const schema::SqlMode ansi =
        sqlModeOf(u"PIPES_AS_CONCAT,ANSI_QUOTES,STRICT_ALL_TABLES"_s, kDefault);
    EXPECT_EQ(ansi.own, u"PIPES_AS_CONCAT,ANSI_QUOTES,STRICT_ALL_TABLES"_s);
    EXPECT_EQ(ansi.reading, u"PIPES_AS_CONCAT,ANSI_QUOTES"_s);

    const schema::SqlMode byDefault = sqlModeOf(kDefault, kDefault);
    EXPECT_FALSE(byDefault.own.has_value());
    EXPECT_EQ(byDefault.reading, QString());
    const schema::SqlMode none = sqlModeOf(QString(), kDefault);
    ASSERT_TRUE(none.own.has_value()) << "no mode at all is not the server's default";
    EXPECT_EQ(*none.own, QString());
}

TEST(MysqlSqlMode, strictness_the_model_leaves_unsaid_is_no_difference)
{
    const schema::SqlMode lax = sqlModeOf(QString(), kDefault);
    const schema::SqlMode modelDefault = sqlModeOf(kDefault, kDefault);
    const schema::SqlMode pipes = sqlModeOf(u"PIPES_AS_CONCAT"_s, kDefault);
    EXPECT_FALSE(lax.differsFrom(modelDefault));
    EXPECT_TRUE(lax.differsFrom(pipes));
    EXPECT_TRUE(pipes.differsFrom(modelDefault)) << "`||` reads otherwise";
    EXPECT_TRUE(modelDefault.differsFrom(lax)) << "a mode the model names itself";
    EXPECT_FALSE(pipes.differsFrom(pipes));
}

TEST(MysqlSqlMode, sets_the_session_mode_around_a_creation_and_puts_it_back)
{
    const QStringList create{u"CREATE TRIGGER t BEFORE INSERT ON p FOR EACH ROW SET @a = 1"_s};
    EXPECT_EQ(underSqlMode(create, sqlModeOf(kDefault, kDefault)), create);
    EXPECT_EQ(underSqlMode(create, sqlModeOf(QString(), kDefault)),
              QStringList({u"SET @burrow_sql_mode = @@SESSION.sql_mode, SESSION sql_mode = ''"_s,
                           create.constFirst(), u"SET SESSION sql_mode = @burrow_sql_mode"_s}));
}

TEST(MysqlSqlMode, quotes_a_literal_for_the_mode_that_reads_it)
{
    EXPECT_EQ(quoteLiteralUnder(u"C:\\temp's"_s, sqlModeOf(kDefault, kDefault)),
              u"'C:\\\\temp''s'"_s);
    EXPECT_EQ(quoteLiteralUnder(u"C:\\temp's"_s, sqlModeOf(u"NO_BACKSLASH_ESCAPES"_s, kDefault)),
              u"'C:\\temp''s'"_s);
}

TEST(MysqlSqlMode, under_a_default_without_backslash_escapes_every_body_names_its_mode)
{
    const QString noEscapes = u"NO_BACKSLASH_ESCAPES,"_s + kDefault;
    const schema::SqlMode byDefault = sqlModeOf(noEscapes, noEscapes);
    EXPECT_EQ(byDefault.own, noEscapes) << "the section around it runs with escapes";
    EXPECT_EQ(byDefault.reading, u"NO_BACKSLASH_ESCAPES"_s);
    EXPECT_FALSE(byDefault.differsFrom(sqlModeOf(noEscapes, noEscapes)));
}

TEST(MysqlSqlMode, a_section_holding_a_backslash_runs_with_backslash_escapes)
{
    const QStringList plain{u"ALTER TABLE `t` ADD COLUMN `a` int(11) NULL DEFAULT 'x'"_s};
    EXPECT_EQ(escapedLiteralsSection(plain), plain);
    const QStringList escaped{u"ALTER TABLE `t` COMMENT = 'C:\\\\temp'"_s};
    const QStringList wrapped = escapedLiteralsSection(escaped);
    ASSERT_EQ(wrapped.size(), 3);
    EXPECT_TRUE(
        wrapped[0].endsWith(u"SET @burrow_section_mode = @@SESSION.sql_mode, SESSION sql_mode = "
                            u"REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')"_s))
        << wrapped[0].toStdString();
    EXPECT_EQ(wrapped[1], escaped[0]);
    EXPECT_EQ(wrapped[2], u"SET SESSION sql_mode = @burrow_section_mode"_s);
}

class MariadbSqlMode : public OneEngineCliTest<Backend::MariaDB> {
protected:
    /// "name|SQL_MODE" of each trigger, routine and event, sorted.
    QStringList modes()
    {
        return db.rows(
            u"SELECT CONCAT(TRIGGER_NAME, '|', SQL_MODE) FROM information_schema.TRIGGERS "
            u"WHERE TRIGGER_SCHEMA = DATABASE() UNION ALL SELECT CONCAT(ROUTINE_NAME, '|', "
            u"SQL_MODE) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() "
            u"UNION ALL SELECT CONCAT(EVENT_NAME, '|', SQL_MODE) FROM information_schema.EVENTS "
            u"WHERE EVENT_SCHEMA = DATABASE() ORDER BY 1"_s);
    }
};

const QByteArray kPerson =
    "CREATE TABLE person (id INT PRIMARY KEY, first VARCHAR(10), last VARCHAR(10), "
    "full VARCHAR(30), age INT);\n";
// A trigger, a function and an event, each reading `||`.
const QByteArray kJoinNames =
    "CREATE TRIGGER joined BEFORE INSERT ON person FOR EACH ROW "
    "SET NEW.full = NEW.first || ' ' || NEW.last;\n"
    "CREATE FUNCTION greeting(who VARCHAR(10)) RETURNS VARCHAR(20) DETERMINISTIC "
    "RETURN 'Dear ' || who;\n"
    "CREATE EVENT initials ON SCHEDULE EVERY 1 DAY DISABLE DO "
    "UPDATE person SET full = LEFT(first, 1) || LEFT(last, 1);\n";

TEST_F(MariadbSqlMode, a_body_is_created_under_the_mode_the_model_wrote_it_for)
{
    db.execEach(QString::fromUtf8(kPerson + kJoinNames).split(u";\n"_s, Qt::SkipEmptyParts));
    const QString before = cli.model(kPerson + kJoinNames, u"before.sql"_s);
    ASSERT_EQ(cli.diff(before).exitCode, 0);
    // `||` was OR: the server's default. The model's mode makes it concatenate.
    const QString model = cli.model(kPerson + "SET sql_mode = 'PIPES_AS_CONCAT';\n" + kJoinNames);

    const CliRun diff = cli.diff(model);
    EXPECT_EQ(diff.exitCode, 1) << CliMigrations::shown(diff);
    EXPECT_EQ(diff.out.count(u"sql_mode the server's default → PIPES_AS_CONCAT"_s), 3)
        << CliMigrations::shown(diff);

    const QStringList pipes{u"greeting|PIPES_AS_CONCAT"_s, u"initials|PIPES_AS_CONCAT"_s,
                            u"joined|PIPES_AS_CONCAT"_s};
    const QString undone = cli.migrateAndUndo(model, before);
    EXPECT_EQ(modes().filter(u"PIPES_AS_CONCAT"_s), QStringList())
        << "the down section gives them the default back";

    const QString migration = cli.migrate(model);
    EXPECT_EQ(modes(), pipes);
    db.exec(u"INSERT INTO person (id, first, last) VALUES (1, 'Ada', 'Lovelace')"_s);
    EXPECT_EQ(db.rows(u"SELECT CONCAT(full, '|', greeting(first)) FROM person"_s),
              QStringList{u"Ada Lovelace|Dear Ada"_s})
        << migration.toStdString();
}

TEST_F(MariadbSqlMode, a_body_created_again_keeps_the_strictness_it_had)
{
    // An application's session without strict mode: its trigger stores 0 for a bad number
    // where a strict one would refuse the row.
    db.execEach({u"SET SESSION sql_mode = ''"_s,
                 u"CREATE TABLE person (id INT PRIMARY KEY, first VARCHAR(10), last VARCHAR(10), "
                 u"full VARCHAR(30), age INT)"_s,
                 u"CREATE TRIGGER aged BEFORE INSERT ON person FOR EACH ROW SET NEW.age = 'old'"_s,
                 u"CREATE FUNCTION adult() RETURNS INT DETERMINISTIC RETURN 18"_s,
                 u"CREATE EVENT tidy ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM person"_s});
    const QStringList lax{u"adult|"_s, u"aged|"_s, u"tidy|"_s};
    ASSERT_EQ(modes(), lax);
    const QString before = cli.model(
        kPerson + "CREATE TRIGGER aged BEFORE INSERT ON person FOR EACH ROW SET NEW.age = 'old';\n"
                  "CREATE FUNCTION adult() RETURNS INT DETERMINISTIC RETURN 18;\n"
                  "CREATE EVENT tidy ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM person;\n",
        u"before.sql"_s);
    ASSERT_EQ(cli.diff(before).exitCode, 0) << "strictness is not compared";
    const QString model = cli.model(
        kPerson +
        "CREATE TRIGGER aged BEFORE INSERT ON person FOR EACH ROW SET NEW.age = 'older';\n"
        "CREATE FUNCTION adult() RETURNS INT DETERMINISTIC RETURN 21;\n"
        "CREATE EVENT tidy ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM person "
        "WHERE age = 0;\n");

    const QString undone = cli.migrateAndUndo(model, before);
    EXPECT_EQ(modes(), lax) << "down: " << undone.toStdString();

    const QString migration = cli.migrate(model);
    EXPECT_EQ(modes(), lax) << migration.toStdString();
    EXPECT_TRUE(db.tryExec(u"INSERT INTO person (id) VALUES (1)"_s)) << "still not strict";
    EXPECT_EQ(db.rows(u"SELECT CONCAT(age, '|', adult()) FROM person"_s), QStringList{u"0|21"_s});
}

TEST_F(MariadbSqlMode, a_comment_is_spelled_for_the_mode_its_statement_runs_under)
{
    const QByteArray objects =
        "CREATE FUNCTION path() RETURNS VARCHAR(20) DETERMINISTIC COMMENT 'C:\\temp' "
        "RETURN 'C:\\temp';\n"
        "CREATE EVENT sweep ON SCHEDULE EVERY 1 DAY DISABLE COMMENT 'D:\\old' DO DELETE FROM t;\n";
    db.execEach(QStringList{u"SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'"_s,
                            u"CREATE TABLE t (id INT)"_s} +
                QString::fromUtf8(objects).split(u";\n"_s, Qt::SkipEmptyParts));
    const QString model = cli.model(
        "CREATE TABLE t (id INT);\n"
        "SET sql_mode = 'NO_BACKSLASH_ESCAPES';\n" +
        QByteArray(objects)
            .replace("RETURN 'C", "RETURN 'E")
            .replace("'D:\\old' DO DELETE FROM t;", "'D:\\new' DO DELETE FROM t WHERE id = 0;"));
    const QString migration = cli.migrate(model);
    EXPECT_EQ(
        db.rows(u"SELECT CONCAT(ROUTINE_COMMENT, '|', path()) FROM information_schema.ROUTINES "
                u"WHERE ROUTINE_SCHEMA = DATABASE() UNION ALL SELECT EVENT_COMMENT FROM "
                u"information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()"_s),
        QStringList({u"C:\\temp|E:\\temp"_s, u"D:\\new"_s}))
        << migration.toStdString();
}

} // namespace
