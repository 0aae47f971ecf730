// PostgreSQL's objects besides tables and views, end to end through burrow-cli: enum types
// (labels in order), comments, stand-alone sequences, domains, collations, materialized views.
// Each test reads what the differ reports, what the plan writes, and that burrow-cli apply of
// that plan reaches the model (diff afterwards: none) with the rows intact.
#include "postgres_cli_fixture.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresSchemaObjects = PostgresCliFixture;

} // namespace

TEST_F(PostgresSchemaObjects, enum_labels_are_read_in_sort_order_not_creation_order)
{
    db.exec(u"CREATE TYPE mood AS ENUM ('sad', 'happy');"
            u"ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';"
            u"CREATE TABLE person (feeling mood DEFAULT 'ok')"_s);
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.enums.size(), 1);
    EXPECT_EQ(live.enums[0].name, u"mood"_s);
    EXPECT_EQ(live.enums[0].labels, (QStringList{u"sad"_s, u"ok"_s, u"happy"_s}));
    ASSERT_EQ(live.tables.size(), 1);
    EXPECT_EQ(live.tables[0].columns[0].type, u"mood"_s);
}

TEST_F(PostgresSchemaObjects, a_new_enum_is_created_before_its_table_and_dropped_after_it)
{
    const QString path = model("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
                               "CREATE TABLE person (name text, feeling mood DEFAULT 'ok');\n");
    const CliRun before = diff(path);
    EXPECT_EQ(before.exitCode, 1);
    EXPECT_TRUE(before.out.contains(u"enum type mood"_s)) << before.out.toStdString();
    const QString up = upSection(migrate(path));
    const qsizetype type = up.indexOf(u"CREATE TYPE \"mood\" AS ENUM (E'sad', E'ok', E'happy')"_s);
    EXPECT_GE(type, 0) << up.toStdString();
    EXPECT_LT(type, up.indexOf(u"CREATE TABLE \"person\""_s)) << up.toStdString();
    db.exec(u"INSERT INTO person (name) VALUES ('Ann')"_s);
    EXPECT_EQ(db.rows(u"SELECT name, feeling FROM person"_s), QStringList{u"Ann|ok"_s});

    const QString dropped = upSection(migrate(model("CREATE TABLE other (x int);\n"), true));
    EXPECT_LT(dropped.indexOf(u"DROP TABLE \"person\""_s), dropped.indexOf(u"DROP TYPE \"mood\""_s))
        << dropped.toStdString();
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_type WHERE typname = 'mood'"_s),
              QStringList{u"0"_s});
}

TEST_F(PostgresSchemaObjects, new_enum_labels_are_added_in_place_keeping_every_row)
{
    db.exec(u"CREATE TYPE mood AS ENUM ('sad', 'happy');"
            u"CREATE TABLE person (id int PRIMARY KEY, feeling mood);"
            u"INSERT INTO person VALUES (1, 'sad'), (2, 'happy')"_s);
    const QString path = model("CREATE TYPE mood AS ENUM ('meh', 'sad', 'ok', 'happy', 'wow');\n"
                               "CREATE TABLE person (id int PRIMARY KEY, feeling mood);\n");
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    EXPECT_TRUE(json.out.contains(u"\"enum_changed\""_s)) << json.out.toStdString();
    EXPECT_TRUE(json.out.contains(u"labels added"_s)) << json.out.toStdString();
    const QString up = upSection(migrate(path));
    for (const QString &expected : {u"ALTER TYPE \"mood\" ADD VALUE E'meh' BEFORE E'sad'"_s,
                                    u"ALTER TYPE \"mood\" ADD VALUE E'ok' AFTER E'sad'"_s,
                                    u"ALTER TYPE \"mood\" ADD VALUE E'wow' AFTER E'happy'"_s})
        EXPECT_TRUE(up.contains(expected)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"ALTER TABLE"_s)) << "never a table rewrite:\n" << up.toStdString();
    EXPECT_FALSE(up.contains(u"transaction:false"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, feeling FROM person ORDER BY id"_s),
              (QStringList{u"1|sad"_s, u"2|happy"_s}));
    EXPECT_EQ(db.rows(u"SELECT enum_range(NULL::mood)::text"_s),
              QStringList{u"{meh,sad,ok,happy,wow}"_s});
}

TEST_F(PostgresSchemaObjects, a_label_added_and_used_by_the_same_migration_is_committed_first)
{
    db.exec(u"CREATE TYPE mood AS ENUM ('sad', 'happy');"
            u"CREATE TABLE person (id int PRIMARY KEY, feeling mood);"
            u"INSERT INTO person VALUES (1, 'sad')"_s);
    // The new label is the new column's default: PostgreSQL refuses it before a commit.
    const QString path = model("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
                               "CREATE TABLE person (id int PRIMARY KEY, feeling mood,\n"
                               "  usual mood NOT NULL DEFAULT 'ok');\n");
    const QString up = upSection(migrate(path));
    EXPECT_TRUE(up.contains(u"-- migrate:up transaction:false"_s)) << up.toStdString();
    EXPECT_LT(up.indexOf(u"ADD VALUE E'ok'"_s), up.indexOf(u"COMMIT"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, feeling, usual FROM person"_s), QStringList{u"1|sad|ok"_s});
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM burrow_migrations"_s), QStringList{u"1"_s});
}

TEST_F(PostgresSchemaObjects, removing_an_enum_label_is_destructive_and_recreates_the_type)
{
    db.exec(u"CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"
            u"CREATE TABLE person (id int PRIMARY KEY, feeling mood DEFAULT 'sad', "
            u"past mood[]);"
            u"INSERT INTO person VALUES (1, 'sad', '{ok,sad}'), (2, 'happy', NULL);"
            u"CREATE VIEW glad AS SELECT id FROM person WHERE feeling = 'happy'"_s);
    const QString path =
        model("CREATE TYPE mood AS ENUM ('happy', 'sad', 'ok2');\n"
              "CREATE TABLE person (id int PRIMARY KEY, feeling mood DEFAULT 'sad', "
              "past mood[]);\n"
              "CREATE VIEW glad AS SELECT id FROM person WHERE feeling = 'happy';\n");
    const CliRun refused = plan(path);
    EXPECT_TRUE(refused.err.contains(u"left out (destructive)"_s)) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"enum type mood"_s)) << refused.err.toStdString();
    // Without consent only the new label goes in: the rows keep theirs.
    const QString kept = QString::fromUtf8(readBytes(refused.out.trimmed()));
    EXPECT_TRUE(upSection(kept).contains(u"ADD VALUE E'ok2' AFTER E'sad'"_s)) << kept.toStdString();
    EXPECT_FALSE(upSection(kept).contains(u"RENAME TO"_s)) << kept.toStdString();
    QDir(migrations()).removeRecursively();
    // 'ok' is still used by a row: converting it fails, and nothing changes.
    const CliRun allowed = plan(path, true);
    ASSERT_EQ(allowed.exitCode, 0) << allowed.err.toStdString();
    const CliRun failed = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    EXPECT_NE(failed.exitCode, 0);
    EXPECT_EQ(db.rows(u"SELECT enum_range(NULL::mood)::text"_s), QStringList{u"{sad,ok,happy}"_s});
    QDir(migrations()).removeRecursively();
    db.exec(u"UPDATE person SET past = '{sad}'"_s);
    const QString up = upSection(migrate(path, true));
    EXPECT_TRUE(up.contains(u"ALTER TYPE \"mood\" RENAME TO \"mood__burrow_old\""_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"USING \"past\"::text[]::mood[]"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, feeling, past FROM person ORDER BY id"_s),
              (QStringList{u"1|sad|{sad}"_s, u"2|happy|{sad}"_s}));
    EXPECT_EQ(db.rows(u"SELECT id FROM glad"_s), QStringList{u"2"_s});
}

TEST_F(PostgresSchemaObjects, table_and_column_comments_are_compared_set_and_removed)
{
    db.exec(u"CREATE TABLE book (id int, title text);"
            u"COMMENT ON COLUMN book.id IS 'old words'"_s);
    const QString path = model("CREATE TABLE book (id int, title text);\n"
                               "COMMENT ON TABLE book IS 'Books we own';\n"
                               "COMMENT ON COLUMN book.title IS 'it''s the title';\n"
                               "CREATE TABLE shelf (n int);\n"
                               "COMMENT ON COLUMN shelf.n IS 'number';\n");
    const CliRun before = diff(path);
    EXPECT_TRUE(before.out.contains(u"comment old words → none"_s)) << before.out.toStdString();
    const QString up = upSection(migrate(path));
    for (const QString &expected : {u"COMMENT ON TABLE \"book\" IS E'Books we own'"_s,
                                    u"COMMENT ON COLUMN \"book\".\"id\" IS NULL"_s,
                                    u"COMMENT ON COLUMN \"book\".\"title\" IS E'it''s the title'"_s,
                                    u"COMMENT ON COLUMN \"shelf\".\"n\" IS E'number'"_s})
        EXPECT_TRUE(up.contains(expected)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT obj_description('book'::regclass, 'pg_class')"_s),
              QStringList{u"Books we own"_s});
}

TEST_F(PostgresSchemaObjects, stand_alone_sequences_are_managed_apart_from_serial_and_identity)
{
    db.exec(u"CREATE SEQUENCE old_seq;"
            u"CREATE TABLE t (id serial PRIMARY KEY, n bigint, "
            u"k int GENERATED ALWAYS AS IDENTITY);"
            u"INSERT INTO t (n) VALUES (7)"_s);
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.sequences.size(), 1) << "serial and identity sequences are their columns'";
    EXPECT_EQ(live.sequences[0].name, u"old_seq"_s);
    // Owned by a column whose default does not call it: a serial column is both at once.
    const QString path = model("CREATE SEQUENCE counter AS integer START 100 INCREMENT 5;\n"
                               "CREATE TABLE t (id serial PRIMARY KEY,\n"
                               "  n bigint DEFAULT nextval('counter'),\n"
                               "  k int GENERATED ALWAYS AS IDENTITY, holder int);\n"
                               "ALTER SEQUENCE counter OWNED BY t.holder;\n");
    const CliRun before = diff(path);
    EXPECT_TRUE(before.out.contains(u"+ sequence counter"_s)) << before.out.toStdString();
    EXPECT_TRUE(before.out.contains(u"- sequence old_seq"_s)) << before.out.toStdString();
    EXPECT_FALSE(before.out.contains(u"t_id_seq"_s)) << before.out.toStdString();
    // Dropping old_seq loses its counter: only with consent.
    const CliRun unasked = plan(path);
    EXPECT_TRUE(unasked.err.contains(u"left out (destructive): sequence old_seq"_s))
        << unasked.err.toStdString();
    QDir(migrations()).removeRecursively();
    const QString up = upSection(migrate(path, true));
    EXPECT_LT(up.indexOf(u"CREATE SEQUENCE \"counter\" AS integer INCREMENT BY 5"_s),
              up.indexOf(u"SET DEFAULT nextval"_s))
        << up.toStdString();
    EXPECT_LT(up.indexOf(u"ADD COLUMN \"holder\""_s),
              up.indexOf(u"ALTER SEQUENCE \"counter\" OWNED BY \"t\".\"holder\""_s))
        << up.toStdString();
    db.exec(u"INSERT INTO t (n) VALUES (DEFAULT)"_s);
    EXPECT_EQ(db.rows(u"SELECT n FROM t ORDER BY id"_s), (QStringList{u"7"_s, u"100"_s}));
    EXPECT_EQ(db.rows(u"SELECT pg_get_serial_sequence('t', 'holder')"_s),
              QStringList{u"public.counter"_s});

    // Changing its options alters it in place: the counter goes on where it was.
    migrate(model("CREATE SEQUENCE counter AS bigint START 100 INCREMENT 10 CYCLE;\n"
                  "CREATE TABLE t (id serial PRIMARY KEY,\n"
                  "  n bigint DEFAULT nextval('counter'),\n"
                  "  k int GENERATED ALWAYS AS IDENTITY, holder int);\n"));
    db.exec(u"INSERT INTO t (n) VALUES (DEFAULT)"_s);
    EXPECT_EQ(db.rows(u"SELECT max(n) FROM t"_s), QStringList{u"110"_s});
    EXPECT_EQ(db.rows(u"SELECT pg_get_serial_sequence('t', 'holder') IS NULL"_s),
              QStringList{u"true"_s});
}

TEST_F(PostgresSchemaObjects, an_unlogged_sequence_is_created_and_switched_as_such_in_place)
{
    db.exec(u"CREATE TABLE t (id int); CREATE SEQUENCE counter; "
            u"SELECT nextval('counter'), nextval('counter')"_s);
    const QByteArray logged = "CREATE TABLE t (id int);\nCREATE SEQUENCE counter;\n";
    const QByteArray unlogged = "CREATE TABLE t (id int);\nCREATE UNLOGGED SEQUENCE counter;\n"
                                "CREATE UNLOGGED SEQUENCE scratch;\n";
    const QString path = model(unlogged);
    const CliRun differs = diff(path);
    EXPECT_TRUE(differs.out.contains(u"~ sequence counter  UNLOGGED added"_s))
        << differs.out.toStdString();
    const QString migration = migrateAndBack(logged, unlogged);
    EXPECT_TRUE(upSection(migration).contains(u"ALTER SEQUENCE \"counter\" SET UNLOGGED"_s))
        << migration.toStdString();
    EXPECT_TRUE(upSection(migration).contains(u"CREATE UNLOGGED SEQUENCE \"scratch\""_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT relpersistence FROM pg_class WHERE relname = 'counter'"_s),
              QStringList{u"p"_s})
        << "the down ran last";
    EXPECT_EQ(db.rows(u"SELECT nextval('counter')"_s), QStringList{u"3"_s});
}

TEST_F(PostgresSchemaObjects, domains_are_created_altered_and_dropped)
{
    db.exec(u"CREATE DOMAIN price AS numeric(10,2) CHECK (VALUE >= 0);"
            u"CREATE DOMAIN gone AS text;"
            u"CREATE TABLE item (cost price)"_s);
    db.exec(u"INSERT INTO item VALUES (3.5)"_s);
    const QString path = model("CREATE DOMAIN price AS numeric(10,2) DEFAULT 1 NOT NULL\n"
                               "  CONSTRAINT price_cap CHECK (VALUE < 1000);\n"
                               "CREATE DOMAIN code AS varchar(8) CHECK (VALUE ~ '^[A-Z]+$');\n"
                               "CREATE TABLE item (cost price, sku code);\n");
    const CliRun before = diff(path);
    EXPECT_TRUE(before.out.contains(u"domain price"_s)) << before.out.toStdString();
    const QString up = upSection(migrate(path));
    EXPECT_LT(up.indexOf(u"CREATE DOMAIN \"code\""_s), up.indexOf(u"ADD COLUMN \"sku\""_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER DOMAIN \"price\" SET DEFAULT"_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"DROP DOMAIN \"gone\""_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT cost FROM item"_s), QStringList{u"3.5"_s});
}

TEST_F(PostgresSchemaObjects, materialized_views_are_created_and_dropped_as_such)
{
    db.exec(u"CREATE TABLE t (a int);"
            u"INSERT INTO t VALUES (1), (2);"
            u"CREATE MATERIALIZED VIEW old_totals AS SELECT count(*) AS n FROM t"_s);
    const QString path = model("CREATE TABLE t (a int);\n"
                               "CREATE MATERIALIZED VIEW totals AS SELECT sum(a) AS s FROM t;\n");
    const QString up = upSection(migrate(path));
    EXPECT_TRUE(up.contains(u"DROP MATERIALIZED VIEW \"old_totals\""_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"CREATE MATERIALIZED VIEW \"totals\""_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT s FROM totals"_s), QStringList{u"3"_s});
}

// A domain may be based on another: created after its base, dropped before it, whatever their
// names' order (the catalog lists them by name).
TEST_F(PostgresSchemaObjects, a_domain_based_on_another_comes_after_it_and_goes_before_it)
{
    const QString domains = model("CREATE DOMAIN z_base AS text;\n"
                                  "CREATE DOMAIN a_derived AS z_base CHECK (length(VALUE) > 0);\n"
                                  "CREATE TABLE keep (x a_derived);\n");
    const QString up = upSection(migrate(domains));
    EXPECT_LT(up.indexOf(u"CREATE DOMAIN \"z_base\""_s),
              up.indexOf(u"CREATE DOMAIN \"a_derived\""_s))
        << up.toStdString();

    const QString dropped = upSection(migrate(model("CREATE TABLE keep (x text);\n")));
    EXPECT_LT(dropped.indexOf(u"DROP DOMAIN \"a_derived\""_s),
              dropped.indexOf(u"DROP DOMAIN \"z_base\""_s))
        << dropped.toStdString();
    EXPECT_TRUE(db.rows(u"SELECT typname FROM pg_type WHERE typtype = 'd' AND typname IN "
                        u"('z_base', 'a_derived')"_s)
                    .isEmpty());
}

// A partitioned table is created with its key; changing the key of an existing table needs it
// created again with its rows copied, which the migration refuses to do silently.
// Without --allow-destructive the table and the function stay, and with them the types they use:
// dropping those failed the migration ("cannot drop type pos because other objects depend on it").
TEST_F(PostgresSchemaObjects, a_table_left_out_keeps_the_types_it_uses)
{
    db.exec(u"CREATE TYPE mood AS ENUM ('sad', 'happy');"
            u"CREATE DOMAIN feeling AS mood NOT NULL;"
            u"CREATE DOMAIN pos AS int CHECK (VALUE > 0);"
            u"CREATE TYPE unused AS ENUM ('x');"
            u"CREATE TYPE tone AS ENUM ('low');"
            u"CREATE FUNCTION louder(t tone[], n int) RETURNS SETOF tone LANGUAGE sql "
            u"AS $$ SELECT unnest(t) $$;"
            u"CREATE TABLE person (id int PRIMARY KEY, f feeling, p pos[]);"
            u"INSERT INTO person VALUES (1, 'happy', '{2}');"
            u"CREATE TABLE keep (id int PRIMARY KEY)"_s);
    const QString after = model("CREATE TABLE keep (id int PRIMARY KEY);\n");

    const CliRun planned = plan(after);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    EXPECT_TRUE(planned.err.contains(u"left out (destructive): enum type mood"_s))
        << planned.err.toStdString();
    EXPECT_TRUE(planned.err.contains(u"left out (destructive): domain pos"_s))
        << planned.err.toStdString();
    EXPECT_TRUE(planned.err.contains(u"left out (destructive): enum type tone"_s))
        << planned.err.toStdString();
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, f, p FROM person"_s), QStringList{u"1|happy|{2}"_s});
    EXPECT_EQ(db.rows(u"SELECT to_regtype('unused') IS NULL"_s), QStringList{u"true"_s});

    migrate(after, true);
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_type WHERE typname IN ('mood', 'feeling', "
                      u"'pos', 'tone')"_s),
              QStringList{u"0"_s});
}

TEST_F(PostgresSchemaObjects, a_partitioned_table_keeps_its_key_and_a_new_key_is_refused)
{
    const QString byDay = model("CREATE TABLE log (at date NOT NULL, note text) "
                                "PARTITION BY RANGE (at);\n");
    const QString up = upSection(migrate(byDay));
    EXPECT_TRUE(up.contains(u"PARTITION BY RANGE (at)"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT pg_get_partkeydef('log'::regclass)"_s),
              QStringList{u"RANGE (at)"_s});

    const QString byNote = model("CREATE TABLE log (at date NOT NULL, note text) "
                                 "PARTITION BY LIST (note);\n");
    const CliRun differences = diff(byNote);
    EXPECT_TRUE(differences.out.contains(u"partitioning"_s)) << differences.out.toStdString();
    const CliRun planned = plan(byNote);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    EXPECT_NE(applied.exitCode, 0) << applied.out.toStdString();
    EXPECT_TRUE(applied.err.contains(u"cannot change how table \"log\" is partitioned"_s))
        << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT pg_get_partkeydef('log'::regclass)"_s),
              QStringList{u"RANGE (at)"_s});
}

// A table of rows that the model partitions, with its first partition: refused the same way,
// with Burrow's own words first (the partition, created before, would fail on a table that is
// not partitioned yet and hide why), and nothing lost.
TEST_F(PostgresSchemaObjects, partitioning_a_plain_table_is_refused_before_its_new_partitions)
{
    db.exec(u"CREATE TABLE log (at date NOT NULL, note text);"
            u"INSERT INTO log VALUES ('2024-03-01', 'kept')"_s);
    const QString partitioned = model("CREATE TABLE log (at date NOT NULL, note text) "
                                      "PARTITION BY RANGE (at);\n"
                                      "CREATE TABLE log_2024 PARTITION OF log "
                                      "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n");
    ASSERT_EQ(plan(partitioned).exitCode, 0);
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    EXPECT_NE(applied.exitCode, 0) << applied.out.toStdString();
    EXPECT_TRUE(applied.err.contains(u"cannot change how table \"log\" is partitioned"_s))
        << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT relkind::text || ' ' || (SELECT note FROM log) FROM pg_class "
                      u"WHERE relname LIKE 'log%' ORDER BY relname"_s),
              QStringList{u"r kept"_s});
}

// A case-insensitive ICU collation, the common replacement for citext: created before the
// table whose column uses it (its unique key then ignores case), dropped after it.
TEST_F(PostgresSchemaObjects, a_collation_is_created_before_the_columns_using_it)
{
    const QString path =
        model("CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2',\n"
              "  deterministic = false);\n"
              "COMMENT ON COLLATION nocase IS 'ignores case';\n"
              "CREATE TABLE person (email text COLLATE nocase UNIQUE);\n");
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    EXPECT_TRUE(json.out.contains(u"\"collation_added\""_s)) << json.out.toStdString();
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    const qsizetype created = up.indexOf(u"CREATE COLLATION \"nocase\" (provider = icu, "
                                         u"locale = E'und-u-ks-level2', deterministic = false)"_s);
    EXPECT_GE(created, 0) << up.toStdString();
    EXPECT_LT(created, up.indexOf(u"CREATE TABLE \"person\""_s)) << up.toStdString();
    db.exec(u"INSERT INTO person VALUES ('ann@example.org')"_s);
    EXPECT_FALSE(db.tryExec(u"INSERT INTO person VALUES ('ANN@example.org')"_s));
    EXPECT_EQ(db.rows(u"SELECT obj_description(oid, 'pg_collation') FROM pg_collation "
                      u"WHERE collname = 'nocase'"_s),
              QStringList{u"ignores case"_s});

    // Another definition under the same name is a difference; the down section drops it last.
    const CliRun changed = diff(model("CREATE COLLATION nocase (provider = icu, locale = 'und');\n"
                                      "CREATE TABLE person (email text COLLATE nocase UNIQUE);\n"));
    EXPECT_TRUE(
        changed.out.contains(u"deterministic = false) → (provider = icu, locale = 'und')"_s))
        << changed.out.toStdString();
    const QStringList down = downStatements(migration);
    EXPECT_EQ(down.value(down.size() - 1), u"DROP COLLATION \"nocase\""_s)
        << migration.toStdString();
    db.execEach(down);
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_collation WHERE collname = 'nocase'"_s),
              QStringList{u"0"_s});
}
