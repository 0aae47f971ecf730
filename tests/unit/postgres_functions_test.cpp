// PostgreSQL functions and procedures, end to end through burrow-cli: read from pg_catalog
// (overloads apart, comments, extension members left out), compared by the engine's own
// definition, created before what calls them, replaced in place where PostgreSQL allows it,
// dropped (destructive) after what used them, and undone by the down section.
#include "dialect/postgres/postgres_names.h"
#include "postgres_cli_fixture.h"
#include "sql/splitter.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresFunctions = PostgresCliFixture;

constexpr char kAdd[] = "CREATE FUNCTION add(a integer, b integer) RETURNS integer\n"
                        "  LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;\n";
// A model without tables is refused (it would drop them all): these models keep this one.
constexpr char kTable[] = "CREATE TABLE keep (x int);\n";

const schema::Function *findFunction(const schema::Schema &s, const QString &identity)
{
    for (const schema::Function &f : s.functions) {
        if (f.name == identity)
            return &f;
    }
    return nullptr;
}

} // namespace

TEST_F(PostgresFunctions, overloads_procedures_and_comments_are_read_but_extension_functions_not)
{
    db.execEach({QString::fromUtf8(kAdd),
                 u"CREATE FUNCTION add(a text, b text) RETURNS text LANGUAGE sql "
                 u"AS $$ SELECT a || b $$"_s,
                 u"CREATE PROCEDURE tidy() LANGUAGE sql AS $$ SELECT 1 $$"_s,
                 u"COMMENT ON FUNCTION add(text, text) IS 'joins'"_s,
                 u"CREATE EXTENSION fuzzystrmatch"_s});
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.functions.size(), 3) << "soundex() and the other members of the extension "
                                           "are the extension's business";
    const schema::Function *numbers = findFunction(live, u"add(integer, integer)"_s);
    const schema::Function *texts = findFunction(live, u"add(text, text)"_s);
    const schema::Function *tidy = findFunction(live, u"tidy()"_s);
    ASSERT_TRUE(numbers && texts && tidy);
    EXPECT_EQ(numbers->routineName, u"add"_s);
    EXPECT_EQ(numbers->arguments, u"a integer, b integer"_s);
    EXPECT_EQ(numbers->result, u"integer"_s);
    EXPECT_TRUE(numbers->definition.text.startsWith(u"CREATE OR REPLACE FUNCTION add(a integer"_s))
        << numbers->definition.text.toStdString();
    EXPECT_EQ(texts->comment, u"joins"_s);
    EXPECT_TRUE(numbers->comment.isEmpty());
    EXPECT_TRUE(tidy->procedure);
}

TEST_F(PostgresFunctions, a_model_spelled_differently_outside_the_body_is_no_difference)
{
    db.execEach({QString::fromUtf8(kAdd), QString::fromUtf8(kTable)});
    // Another layout, keyword case, int4 for integer, the schema named: the same function.
    const QString path = model("CREATE TABLE keep (x int);\n"
                               "create or replace function public.add(a int4, b int4)\n"
                               "returns int4 immutable language SQL\n"
                               "as $$ SELECT a + b $$;\n");
    const CliRun same = diff(path);
    EXPECT_EQ(same.exitCode, 0) << same.out.toStdString() << same.err.toStdString();
}

TEST_F(PostgresFunctions, added_removed_and_changed_functions_are_reported_by_their_identity)
{
    db.execEach({QString::fromUtf8(kAdd), QString::fromUtf8(kTable),
                 u"CREATE FUNCTION gone() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"_s,
                 u"CREATE FUNCTION noted() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"_s});
    const QString path =
        model("CREATE TABLE keep (x int);\n"
              "CREATE FUNCTION add(a integer, b integer) RETURNS integer\n"
              "  LANGUAGE sql IMMUTABLE AS $$ SELECT b + a $$;\n"
              "CREATE FUNCTION add(a text) RETURNS text LANGUAGE sql\n"
              "  AS $$ SELECT a $$;\n"
              "CREATE FUNCTION noted() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
              "COMMENT ON FUNCTION noted() IS 'one';\n");
    const CliRun text = diff(path);
    EXPECT_EQ(text.exitCode, 1);
    for (const QString &expected :
         {u"~ function add(integer, integer)  definition differs (body or options)"_s,
          u"+ function add(text)  FUNCTION add(a text) RETURNS text"_s,
          u"- function gone()  FUNCTION gone() RETURNS integer"_s,
          u"~ function noted()  comment none → one"_s})
        EXPECT_TRUE(text.out.contains(expected)) << expected.toStdString() << " in\n"
                                                 << text.out.toStdString();
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    for (const QString &kind :
         {u"\"function_added\""_s, u"\"function_removed\""_s, u"\"function_changed\""_s})
        EXPECT_TRUE(json.out.contains(kind)) << json.out.toStdString();
}

TEST_F(PostgresFunctions, functions_come_before_the_tables_domains_and_triggers_that_call_them)
{
    // A SQL body is checked when created: the function reading `item` comes after it.
    const QString path = model(
        "CREATE FUNCTION new_code() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'c'; END $$;\n"
        "CREATE FUNCTION is_email(s text) RETURNS boolean LANGUAGE sql IMMUTABLE\n"
        "  AS $$ SELECT s LIKE '%@%' $$;\n"
        "CREATE DOMAIN email AS text CHECK (is_email(VALUE));\n"
        "CREATE TABLE item (id int PRIMARY KEY, code text DEFAULT new_code(), owner email);\n"
        "CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM "
        "item $$;\n"
        "COMMENT ON FUNCTION item_count() IS 'how many';\n"
        "CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql\n"
        "  AS $$ BEGIN NEW.code := NEW.code || '!'; RETURN NEW; END $$;\n"
        "CREATE TRIGGER item_stamp BEFORE INSERT ON item FOR EACH ROW EXECUTE FUNCTION stamp();\n"
        "CREATE PROCEDURE clear() LANGUAGE sql AS $$ DELETE FROM item $$;\n");
    const QString up = upSection(migrate(path));
    const auto at = [&up](const QString &text) {
        const qsizetype i = up.indexOf(text);
        EXPECT_GE(i, 0) << text.toStdString() << " missing from\n" << up.toStdString();
        return i;
    };
    const qsizetype table = at(u"CREATE TABLE \"item\""_s);
    EXPECT_LT(at(u"CREATE OR REPLACE FUNCTION new_code()"_s), table);
    EXPECT_LT(at(u"CREATE OR REPLACE FUNCTION is_email(s text)"_s), at(u"CREATE DOMAIN"_s));
    EXPECT_GT(at(u"CREATE OR REPLACE FUNCTION item_count()"_s), table);
    EXPECT_GT(at(u"CREATE OR REPLACE PROCEDURE clear()"_s), table);
    EXPECT_LT(at(u"CREATE OR REPLACE FUNCTION stamp()"_s), at(u"CREATE TRIGGER"_s));
    at(u"COMMENT ON FUNCTION \"item_count\"() IS E'how many'"_s);
    db.exec(u"INSERT INTO item (id, owner) VALUES (1, 'a@b')"_s);
    EXPECT_EQ(db.rows(u"SELECT code, item_count() FROM item"_s), QStringList{u"c!|1"_s});
}

TEST_F(PostgresFunctions, a_changed_trigger_function_is_replaced_in_place_keeping_its_trigger)
{
    db.execEach({u"CREATE TABLE note (body text)"_s,
                 u"CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS "
                 u"$$ BEGIN NEW.body := upper(NEW.body); RETURN NEW; END $$"_s,
                 u"CREATE TRIGGER note_shout BEFORE INSERT ON note FOR EACH ROW "
                 u"EXECUTE FUNCTION shout()"_s});
    const QString path = model(
        "CREATE TABLE note (body text);\n"
        "CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS\n"
        "  $$ BEGIN NEW.body := upper(NEW.body) || '!'; RETURN NEW; END $$;\n"
        "CREATE TRIGGER note_shout BEFORE INSERT ON note FOR EACH ROW EXECUTE FUNCTION shout();\n");
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"CREATE OR REPLACE FUNCTION shout()"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP"_s)) << "replaced in place:\n" << up.toStdString();
    db.exec(u"INSERT INTO note VALUES ('hi')"_s);
    EXPECT_EQ(db.rows(u"SELECT body FROM note"_s), QStringList{u"HI!"_s});
    // The down section puts the old body back.
    db.execEach(downStatements(migration));
    db.exec(u"INSERT INTO note VALUES ('ho')"_s);
    EXPECT_EQ(db.rows(u"SELECT body FROM note ORDER BY body"_s), (QStringList{u"HI!"_s, u"HO"_s}));
}

TEST_F(PostgresFunctions, a_new_result_type_drops_and_creates_the_function_around_its_view)
{
    db.execEach({u"CREATE FUNCTION twice(n integer) RETURNS integer LANGUAGE sql IMMUTABLE "
                 u"AS $$ SELECT n * 2 $$"_s,
                 u"CREATE VIEW doubled AS SELECT twice(21) AS answer"_s});
    const QString path = model("CREATE FUNCTION twice(n integer) RETURNS bigint LANGUAGE sql\n"
                               "  IMMUTABLE AS $$ SELECT n::bigint * 2 $$;\n"
                               "CREATE VIEW doubled AS SELECT twice(21) AS answer;\n");
    const QString up = upSection(migrate(path));
    const qsizetype dropView = up.indexOf(u"DROP VIEW \"doubled\""_s);
    const qsizetype dropFunction = up.indexOf(u"DROP FUNCTION \"twice\"(integer)"_s);
    EXPECT_GE(dropView, 0) << up.toStdString();
    EXPECT_LT(dropView, dropFunction) << up.toStdString();
    EXPECT_LT(dropFunction, up.indexOf(u"RETURNS bigint"_s)) << up.toStdString();
    EXPECT_LT(up.indexOf(u"RETURNS bigint"_s), up.indexOf(u"CREATE VIEW"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT pg_typeof(answer)::text, answer FROM doubled"_s),
              QStringList{u"bigint|42"_s});
}

TEST_F(PostgresFunctions, a_removed_function_is_destructive_and_dropped_after_what_used_it)
{
    db.execEach({u"CREATE FUNCTION new_code() RETURNS text LANGUAGE sql AS $$ SELECT 'c' $$"_s,
                 u"CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql "
                 u"AS $$ BEGIN RETURN NEW; END $$"_s,
                 u"CREATE TABLE item (code text DEFAULT new_code())"_s,
                 u"CREATE TABLE keep (x int)"_s,
                 u"CREATE TRIGGER keep_stamp BEFORE INSERT ON keep FOR EACH ROW "
                 u"EXECUTE FUNCTION stamp()"_s});
    const QString path = model(kTable);
    const CliRun refused = plan(path);
    EXPECT_TRUE(refused.err.contains(u"left out (destructive)"_s)) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"function stamp()"_s)) << refused.err.toStdString();
    QDir(migrations()).removeRecursively();

    const QString migration = migrate(path, true);
    const QString up = upSection(migration);
    const qsizetype dropStamp = up.indexOf(u"DROP FUNCTION \"stamp\"()"_s);
    const qsizetype dropCode = up.indexOf(u"DROP FUNCTION \"new_code\"()"_s);
    EXPECT_LT(up.indexOf(u"DROP TRIGGER \"keep_stamp\""_s), dropStamp) << up.toStdString();
    EXPECT_LT(up.indexOf(u"DROP TABLE \"item\""_s), dropCode) << up.toStdString();
    EXPECT_GE(dropCode, 0) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_proc WHERE proname IN ('stamp', 'new_code')"_s),
              QStringList{u"0"_s});
    // The down section brings them back, each function before what calls it.
    db.execEach(downStatements(migration));
    db.exec(u"INSERT INTO item DEFAULT VALUES"_s);
    EXPECT_EQ(db.rows(u"SELECT code FROM item"_s), QStringList{u"c"_s});
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_trigger WHERE tgname = 'keep_stamp'"_s),
              QStringList{u"1"_s});
}

TEST_F(PostgresFunctions, a_model_function_in_another_schema_is_refused_and_left_alone)
{
    db.execEach({u"CREATE SCHEMA other"_s,
                 u"CREATE FUNCTION other.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"_s});
    const QString path = model("CREATE TABLE keep (x int);\n"
                               "CREATE OR REPLACE FUNCTION other.f() RETURNS int LANGUAGE sql "
                               "AS $$ SELECT 2 $$;\n");
    const CliRun refused = diff(path);
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(u"\"other\".\"f\" outside the scratch schema"_s))
        << refused.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT other.f()"_s), QStringList{u"1"_s});
}
