// PostgreSQL composite types (CREATE TYPE … AS (…)) end to end through burrow-cli: read from
// the catalog (not tables' row types), created before the tables that use them, attributes
// added in place, and a type whose attributes are retyped or reordered recreated with its
// columns' values converted attribute by attribute, by name; the down section brings them back.
#include "postgres_cli_fixture.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresCompositeTypes : public PostgresCliFixture {
protected:
    /// A table of one composite column, with a row.
    void createCache()
    {
        db.exec(u"CREATE TYPE pair AS (a int, b text);"
                u"CREATE TABLE cache (k text PRIMARY KEY, v pair);"
                u"INSERT INTO cache VALUES ('x', ROW(1, 'one'))"_s);
    }
};

// A type used directly (with a default of the type) and read by a view.
constexpr char kAddress[] = "CREATE TYPE address AS (street text, zip int, city text);\n"
                            "CREATE TABLE person (id int PRIMARY KEY, home address,\n"
                            "  work address DEFAULT ROW('Main St', 1, 'Town')::address);\n"
                            "CREATE VIEW towns AS SELECT id, (home).city AS city FROM person;\n";

} // namespace

TEST_F(PostgresCompositeTypes, attributes_are_read_in_order_and_table_row_types_are_not_types)
{
    db.exec(u"CREATE TYPE pair AS (b text COLLATE \"C\", a int[]);"
            u"CREATE TABLE holder (p pair)"_s);
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.composites.size(), 1);
    EXPECT_EQ(live.composites[0].name, u"pair"_s);
    ASSERT_EQ(live.composites[0].attributes.size(), 2);
    EXPECT_EQ(live.composites[0].attributes[0].name, u"b"_s);
    EXPECT_EQ(live.composites[0].attributes[0].collation, u"C"_s);
    EXPECT_EQ(live.composites[0].attributes[1].type, u"integer[]"_s);
    EXPECT_TRUE(live.composites[0].attributes[1].collation.isEmpty());
}

TEST_F(PostgresCompositeTypes, a_new_type_is_created_before_its_table_and_dropped_after_it)
{
    const QString path = model("CREATE TYPE pair AS (a int, b text);\n"
                               "CREATE TABLE cache (k text PRIMARY KEY, v pair);\n"
                               "COMMENT ON TYPE pair IS 'two things';\n");
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    EXPECT_TRUE(json.out.contains(u"\"composite_type_added\""_s)) << json.out.toStdString();
    const QString up = upSection(migrate(path));
    const qsizetype type = up.indexOf(u"CREATE TYPE \"pair\" AS (\"a\" integer, \"b\" text)"_s);
    EXPECT_GE(type, 0) << up.toStdString();
    EXPECT_LT(type, up.indexOf(u"CREATE TABLE \"cache\""_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"COMMENT ON TYPE \"pair\" IS E'two things'"_s)) << up.toStdString();
    db.exec(u"INSERT INTO cache VALUES ('x', ROW(1, 'one'))"_s);
    EXPECT_EQ(db.rows(u"SELECT (v).b FROM cache"_s), QStringList{u"one"_s});

    const QString dropped = upSection(migrate(model("CREATE TABLE other (x int);\n"), true));
    EXPECT_LT(dropped.indexOf(u"DROP TABLE \"cache\""_s), dropped.indexOf(u"DROP TYPE \"pair\""_s))
        << dropped.toStdString();
}

TEST_F(PostgresCompositeTypes, attributes_appended_are_added_in_place_keeping_the_values)
{
    createCache();
    const QString path = model("CREATE TYPE pair AS (a int, b text, c date);\n"
                               "CREATE TABLE cache (k text PRIMARY KEY, v pair);\n");
    const CliRun planned = plan(path);
    EXPECT_TRUE(planned.err.isEmpty()) << "not destructive: " << planned.err.toStdString();
    QDir(migrations()).removeRecursively();
    const QString up = upSection(migrate(path));
    EXPECT_TRUE(up.contains(u"ALTER TYPE \"pair\" ADD ATTRIBUTE \"c\" date"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"ALTER TABLE"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT v::text FROM cache"_s), QStringList{u"(1,one,)"_s});
}

TEST_F(PostgresCompositeTypes, reordered_and_retyped_attributes_convert_every_value_by_name)
{
    db.exec(QString::fromUtf8(kAddress).remove(u'\n').chopped(1));
    db.exec(u"INSERT INTO person VALUES (1, ROW('High St', 123, 'Oxford'), NULL),"
            u" (2, NULL, ROW(NULL, NULL, NULL))"_s);
    const QString path =
        model("CREATE TYPE address AS (city text, street text, zip bigint, country text);\n"
              "CREATE TABLE person (id int PRIMARY KEY, home address,\n"
              "  work address DEFAULT ROW('Town', 'Main St', 2, 'UK')::address);\n"
              "CREATE VIEW towns AS SELECT id, (home).city AS city FROM person;\n");
    const CliRun planned = plan(path);
    EXPECT_TRUE(planned.err.isEmpty()) << "nothing narrows or goes: " << planned.err.toStdString();
    QDir(migrations()).removeRecursively();
    const QString migration = migrate(path);
    EXPECT_TRUE(upSection(migration).contains(u"RENAME TO \"address__burrow_old\""_s))
        << migration.toStdString();
    // A NULL stays NULL; a row of NULLs stays a row.
    EXPECT_EQ(db.rows(u"SELECT id, home::text, work::text FROM person ORDER BY id"_s),
              (QStringList{u"1|(Oxford,\"High St\",123,)|NULL"_s, u"2|NULL|(,,,)"_s}));
    EXPECT_EQ(db.rows(u"SELECT city FROM towns WHERE id = 1"_s), QStringList{u"Oxford"_s});
    db.exec(u"INSERT INTO person (id) VALUES (3)"_s);
    EXPECT_EQ(db.rows(u"SELECT (work).country FROM person WHERE id = 3"_s), QStringList{u"UK"_s});

    db.exec(u"DELETE FROM person WHERE id = 3"_s);
    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kAddress)).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, home::text, work::text FROM person ORDER BY id"_s),
              (QStringList{u"1|(\"High St\",123,Oxford)|NULL"_s, u"2|NULL|(,,)"_s}));
}

TEST_F(PostgresCompositeTypes, dropping_an_attribute_takes_consent_and_then_happens_in_place)
{
    createCache();
    const QString path = model("CREATE TYPE pair AS (a int);\n"
                               "CREATE TABLE cache (k text PRIMARY KEY, v pair);\n");
    const CliRun refused = plan(path);
    EXPECT_TRUE(refused.err.contains(u"left out (destructive): composite type pair"_s))
        << refused.err.toStdString();
    QDir(migrations()).removeRecursively();
    const QString up = upSection(migrate(path, true));
    EXPECT_TRUE(up.contains(u"ALTER TYPE \"pair\" DROP ATTRIBUTE \"b\""_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT v::text FROM cache"_s), QStringList{u"(1)"_s});
}

// Arrays convert through text, which is positional: reordered attributes would land in the
// wrong ones. The migration stops there instead (one transaction: nothing changed).
TEST_F(PostgresCompositeTypes, an_array_column_of_a_reordered_type_stops_the_migration_whole)
{
    db.exec(u"CREATE TYPE tag AS (k text, v text);"
            u"CREATE TABLE item (id int PRIMARY KEY, tags tag[]);"
            u"INSERT INTO item VALUES (1, ARRAY[ROW('colour', 'red')::tag])"_s);
    const QString path = model("CREATE TYPE tag AS (v text, k text);\n"
                               "CREATE TABLE item (id int PRIMARY KEY, tags tag[]);\n");
    const CliRun planned = plan(path);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    EXPECT_EQ(applied.exitCode, 1);
    EXPECT_TRUE(applied.err.contains(u"cannot convert column \"item\".\"tags\""_s))
        << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT tags::text FROM item"_s), QStringList{u"{\"(colour,red)\"}"_s});

    // Retyped in place of their names, arrays convert.
    QDir(migrations()).removeRecursively();
    migrate(model("CREATE TYPE tag AS (k text, v varchar(10));\n"
                  "CREATE TABLE item (id int PRIMARY KEY, tags tag[]);\n"),
            true);
    EXPECT_EQ(db.rows(u"SELECT tags[1].v FROM item"_s), QStringList{u"red"_s});
}

TEST_F(PostgresCompositeTypes, types_come_after_the_types_and_domains_their_attributes_are)
{
    // Created in the model before them, the outer type only gets them afterwards.
    const QString path =
        model("CREATE TYPE outer_t AS (x int);\n"
              "CREATE TYPE inner_t AS (a int);\n"
              "CREATE DOMAIN positive AS int CHECK (VALUE > 0);\n"
              "ALTER TYPE outer_t ADD ATTRIBUTE i inner_t, ADD ATTRIBUTE p positive;\n"
              "CREATE TABLE t (o outer_t);\n");
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    const qsizetype outer = up.indexOf(u"CREATE TYPE \"outer_t\""_s);
    EXPECT_LT(up.indexOf(u"CREATE TYPE \"inner_t\""_s), outer) << up.toStdString();
    EXPECT_LT(up.indexOf(u"CREATE DOMAIN \"positive\""_s), outer) << up.toStdString();
    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_type WHERE typname IN "
                      u"('outer_t', 'inner_t', 'positive')"_s),
              QStringList{u"0"_s});
}
