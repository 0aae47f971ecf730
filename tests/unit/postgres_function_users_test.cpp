// A PostgreSQL function that must be dropped and created again (a parameter renamed, a new
// result type) while a column default, a CHECK or an index uses it: PostgreSQL refuses the
// drop ("other objects depend on it"), so those users go first and come back after it, the
// rows kept. Through burrow-cli, up and down.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresFunctionUsers = PostgresCliFixture;

constexpr char kBefore[] =
    "CREATE FUNCTION normalized(raw text) RETURNS text LANGUAGE sql IMMUTABLE\n"
    "  AS $$ SELECT lower(trim(raw)) $$;\n"
    "CREATE TABLE tag (\n"
    "  id int PRIMARY KEY,\n"
    "  label text NOT NULL CHECK (normalized(label) <> ''),\n"
    "  slug text DEFAULT normalized('Untitled')\n"
    ");\n"
    "CREATE UNIQUE INDEX tag_label_key ON tag (normalized(label));\n";

// The parameter's new name needs the function dropped; its users stay as they are.
QByteArray renamedParameter()
{
    return QByteArray(kBefore)
        .replace("normalized(raw text)", "normalized(input text)")
        .replace("trim(raw)", "trim(input)");
}

} // namespace

TEST_F(PostgresFunctionUsers, its_default_check_and_index_step_aside_while_it_is_recreated)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    db.exec(u"INSERT INTO tag (id, label) VALUES (1, ' Red'), (2, 'blue')"_s);

    const QString migration = migrate(model(renamedParameter()));
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"DROP FUNCTION"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, label, slug FROM tag ORDER BY id"_s),
              (QStringList{u"1| Red|untitled"_s, u"2|blue|untitled"_s}));
    // The users are back (the clean diff above says so too) and work with the new function.
    EXPECT_EQ(db.rows(u"SELECT pg_get_indexdef('tag_label_key'::regclass)"_s),
              QStringList{u"CREATE UNIQUE INDEX tag_label_key ON public.tag USING btree "
                          u"(normalized(label))"_s});
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_constraint WHERE conrelid = 'tag'::regclass "
                      u"AND contype = 'c'"_s),
              QStringList{u"1"_s});
    db.exec(u"INSERT INTO tag (id, label) VALUES (5, 'green')"_s);
    EXPECT_EQ(db.rows(u"SELECT slug FROM tag WHERE id = 5"_s), QStringList{u"untitled"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0) << migration.toStdString();
}

namespace {

// Statements as the runner splits them (function bodies hold `;`).
// The generated column calls the function; the constraints, index, comment, view and foreign
// key around the column go when PostgreSQL drops it.
constexpr char kGenerated[] =
    "CREATE FUNCTION normalized(raw text) RETURNS text LANGUAGE sql IMMUTABLE\n"
    "  AS $$ SELECT lower(trim(raw)) $$;\n"
    "CREATE TABLE tag (\n"
    "  id int PRIMARY KEY,\n"
    "  label text NOT NULL,\n"
    "  slug text GENERATED ALWAYS AS (normalized(label)) STORED CONSTRAINT tag_slug_key UNIQUE,\n"
    "  note text,\n"
    "  CONSTRAINT tag_slug_check CHECK (slug <> '')\n"
    ");\n"
    "CREATE INDEX tag_slug_prefix ON tag (left(slug, 2));\n"
    "COMMENT ON COLUMN tag.slug IS 'derived from label';\n"
    "CREATE VIEW tag_slugs AS SELECT id, slug FROM tag;\n"
    "CREATE TABLE tag_alias (alias text PRIMARY KEY, slug text REFERENCES tag (slug));\n"
    "CREATE POLICY tag_slugged ON tag USING (slug IS NOT NULL);\n";

// A new parameter name and a body that also trims dashes: ' Red' stays 'red', '-blue-' does not.
QByteArray trimsDashes(const char *before)
{
    return QByteArray(before)
        .replace("normalized(raw text)", "normalized(input text)")
        .replace("lower(trim(raw))", "lower(btrim(input, ' -'))");
}

} // namespace

TEST_F(PostgresFunctionUsers, a_generated_column_calling_it_is_computed_again_by_the_new_function)
{
    load(kGenerated);
    db.exec(u"INSERT INTO tag (id, label, note) VALUES (1, ' Red', 'warm'), (2, '-blue-', NULL);"
            u"INSERT INTO tag_alias VALUES ('crimson', 'red')"_s);

    const QString migration = migrate(model(trimsDashes(kGenerated)));
    EXPECT_TRUE(upSection(migration).contains(u"DROP FUNCTION"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, label, slug, note FROM tag ORDER BY id"_s),
              (QStringList{u"1| Red|red|warm"_s, u"2|-blue-|blue|NULL"_s}));
    EXPECT_EQ(db.rows(u"SELECT * FROM tag_slugs ORDER BY id"_s),
              (QStringList{u"1|red"_s, u"2|blue"_s}));
    EXPECT_EQ(db.rows(u"SELECT alias, slug FROM tag_alias"_s), QStringList{u"crimson|red"_s});
    EXPECT_EQ(db.rows(u"SELECT d.description FROM pg_description d JOIN pg_attribute a ON "
                      u"a.attrelid = d.objoid AND a.attnum = d.objsubid WHERE d.objoid = "
                      u"'tag'::regclass AND a.attname = 'slug'"_s),
              QStringList{u"derived from label"_s});
    EXPECT_EQ(db.rows(u"SELECT conname FROM pg_constraint WHERE conrelid IN ('tag'::regclass, "
                      u"'tag_alias'::regclass) ORDER BY conname"_s),
              (QStringList{u"tag_alias_pkey"_s, u"tag_alias_slug_fkey"_s, u"tag_pkey"_s,
                           u"tag_slug_check"_s, u"tag_slug_key"_s}));
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_indexes WHERE indexname = 'tag_slug_prefix'"_s),
              QStringList{u"1"_s});
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_policy WHERE polname = 'tag_slugged'"_s),
              QStringList{u"1"_s});
    // The column came back last: the differ pairs columns by name, so no difference remains.
    EXPECT_EQ(db.rows(u"SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute "
                      u"WHERE attrelid = 'tag'::regclass AND attnum > 0 AND NOT attisdropped"_s),
              QStringList{u"id,label,note,slug"_s});
    db.exec(u"INSERT INTO tag (id, label) VALUES (3, '--Green')"_s);
    EXPECT_EQ(db.rows(u"SELECT slug FROM tag WHERE id = 3"_s), QStringList{u"green"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(u"SELECT slug FROM tag ORDER BY id"_s),
              (QStringList{u"red"_s, u"-blue-"_s, u"--green"_s}));
    EXPECT_EQ(diff(model(kGenerated)).exitCode, 0) << migration.toStdString();
}

namespace {

// A table the model drops, whose default, CHECK, index, generated column, trigger condition and
// policy call the function; `tag` stays.
constexpr char kDroppedUser[] =
    "CREATE FUNCTION normalized(raw text) RETURNS text LANGUAGE sql IMMUTABLE\n"
    "  AS $$ SELECT lower(trim(raw)) $$;\n"
    "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql\n"
    "  AS $$ BEGIN RAISE EXCEPTION 'blank'; END $$;\n"
    "CREATE TABLE tag (id int PRIMARY KEY, label text);\n";
constexpr char kLegacy[] =
    "CREATE TABLE legacy (\n"
    "  id int PRIMARY KEY,\n"
    "  name text CHECK (normalized(name) <> ''),\n"
    "  kind text DEFAULT normalized(' Old'),\n"
    "  slug text GENERATED ALWAYS AS (normalized(name)) STORED UNIQUE\n"
    ");\n"
    "CREATE INDEX legacy_name ON legacy (normalized(name));\n"
    "CREATE INDEX legacy_slug ON legacy (slug);\n"
    "CREATE TRIGGER legacy_blank BEFORE INSERT ON legacy FOR EACH ROW\n"
    "  WHEN (normalized(NEW.name) = 'x') EXECUTE FUNCTION refuse();\n"
    "ALTER TABLE legacy ENABLE ROW LEVEL SECURITY;\n"
    "CREATE POLICY legacy_named ON legacy USING (normalized(name) <> '');\n"
    "CREATE TABLE legacy_ref (id int PRIMARY KEY, slug text REFERENCES legacy (slug));\n";

} // namespace

TEST_F(PostgresFunctionUsers, a_table_dropped_with_it_lets_the_function_be_recreated)
{
    const QByteArray before = QByteArray(kDroppedUser) + kLegacy;
    load(before);
    db.exec(u"INSERT INTO tag VALUES (1, 'kept');"
            u"INSERT INTO legacy (id, name) VALUES (1, ' A ')"_s);

    const QString migration = migrate(model(trimsDashes(kDroppedUser)), true);
    EXPECT_TRUE(upSection(migration).contains(u"DROP FUNCTION"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT * FROM tag"_s), QStringList{u"1|kept"_s});
    EXPECT_EQ(db.rows(u"SELECT normalized('-X-')"_s), QStringList{u"x"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(before)).exitCode, 0) << migration.toStdString();
    db.exec(u"INSERT INTO legacy (id, name) VALUES (2, ' B ')"_s);
    EXPECT_EQ(db.rows(u"SELECT kind, slug FROM legacy"_s), QStringList{u"old|b"_s});
}

namespace {

// Views, a materialized view and a trigger condition of a kept table call the function.
constexpr char kReaders[] =
    "CREATE FUNCTION normalized(raw text) RETURNS text LANGUAGE sql IMMUTABLE\n"
    "  AS $$ SELECT lower(trim(raw)) $$;\n"
    "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql\n"
    "  AS $$ BEGIN RAISE EXCEPTION 'blank label'; END $$;\n"
    "CREATE TABLE tag (id int PRIMARY KEY, label text);\n"
    "CREATE VIEW tag_names AS SELECT id, normalized(label) AS name FROM tag;\n"
    "CREATE VIEW tag_first AS SELECT name FROM tag_names WHERE id = 1;\n"
    "CREATE MATERIALIZED VIEW tag_counts AS SELECT normalized(label) AS name, count(*) AS n\n"
    "  FROM tag GROUP BY 1;\n"
    "CREATE TRIGGER tag_blank BEFORE INSERT ON tag FOR EACH ROW\n"
    "  WHEN (normalized(NEW.label) = '') EXECUTE FUNCTION refuse();\n";

} // namespace

TEST_F(PostgresFunctionUsers, views_and_trigger_conditions_calling_it_are_recreated_around_it)
{
    load(kReaders);
    db.exec(u"INSERT INTO tag VALUES (1, '-Red-')"_s);

    const QString migration = migrate(model(trimsDashes(kReaders)));
    EXPECT_TRUE(upSection(migration).contains(u"DROP FUNCTION"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT * FROM tag_first"_s), QStringList{u"red"_s});
    EXPECT_EQ(db.rows(u"SELECT name, n FROM tag_counts"_s), QStringList{u"red|1"_s});
    EXPECT_EQ(db.rows(u"SELECT tgname FROM pg_trigger WHERE tgrelid = 'tag'::regclass"_s),
              QStringList{u"tag_blank"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(u"SELECT * FROM tag_first"_s), QStringList{u"-red-"_s});
    EXPECT_EQ(diff(model(kReaders)).exitCode, 0) << migration.toStdString();
}

TEST_F(PostgresFunctionUsers, a_generated_column_made_plain_keeps_its_values)
{
    constexpr char kBefore[] =
        "CREATE FUNCTION normalized(raw text) RETURNS text LANGUAGE sql IMMUTABLE\n"
        "  AS $$ SELECT lower(trim(raw)) $$;\n"
        "CREATE TABLE tag (id int PRIMARY KEY, label text,\n"
        "  slug text GENERATED ALWAYS AS (normalized(label)) STORED);\n";
    load(kBefore);
    db.exec(u"INSERT INTO tag (id, label) VALUES (1, '-Red-')"_s);

    const QString migration = migrate(
        model(trimsDashes(kBefore).replace(" GENERATED ALWAYS AS (normalized(label)) STORED", "")));
    EXPECT_EQ(db.rows(u"SELECT id, label, slug FROM tag"_s), QStringList{u"1|-Red-|-red-"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(u"SELECT slug FROM tag"_s), QStringList{u"-red-"_s});
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0) << migration.toStdString();
}

TEST_F(PostgresFunctionUsers, a_domain_calling_it_gets_its_default_and_check_back)
{
    constexpr char kBefore[] =
        "CREATE FUNCTION normalized(raw text) RETURNS text LANGUAGE sql IMMUTABLE\n"
        "  AS $$ SELECT lower(trim(raw)) $$;\n"
        "CREATE DOMAIN slug_text AS text DEFAULT normalized(' New')\n"
        "  CONSTRAINT slug_text_normal CHECK (VALUE = normalized(VALUE));\n"
        "CREATE TABLE tag (id int PRIMARY KEY, slug slug_text);\n";
    load(kBefore);
    db.exec(u"INSERT INTO tag VALUES (1, 'red')"_s);

    const QString migration = migrate(model(trimsDashes(kBefore)));
    EXPECT_TRUE(upSection(migration).contains(u"DROP FUNCTION"_s)) << migration.toStdString();
    db.exec(u"INSERT INTO tag (id) VALUES (2)"_s);
    EXPECT_EQ(db.rows(u"SELECT id, slug FROM tag ORDER BY id"_s),
              (QStringList{u"1|red"_s, u"2|new"_s}));
    EXPECT_EQ(db.rows(u"SELECT conname FROM pg_constraint WHERE contypid = 'slug_text'::regtype"_s),
              QStringList{u"slug_text_normal"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0) << migration.toStdString();
}

TEST_F(PostgresFunctionUsers, functions_whose_sql_bodies_call_it_go_before_it_and_come_back_after)
{
    constexpr char kWhisper[] =
        "CREATE FUNCTION whisper(x text) RETURNS text LANGUAGE sql IMMUTABLE\n"
        "  RETURN lower(normalized(x));\n";
    const QByteArray after =
        "CREATE FUNCTION normalized(raw text) RETURNS text LANGUAGE sql IMMUTABLE\n"
        "  AS $$ SELECT lower(trim(raw)) $$;\n"
        "CREATE FUNCTION shout(x text) RETURNS text LANGUAGE sql IMMUTABLE\n"
        "  BEGIN ATOMIC SELECT upper(normalized(x)); END;\n"
        "CREATE FUNCTION shout_twice(x text) RETURNS text LANGUAGE sql IMMUTABLE\n"
        "  RETURN shout(x) || shout(x);\n"
        "CREATE TABLE tag (id int PRIMARY KEY, loud text DEFAULT shout_twice('-a-'));\n";
    const QByteArray before = after + kWhisper;
    load(before);
    db.exec(u"INSERT INTO tag (id) VALUES (1)"_s);

    // shout and shout_twice stay as they are; whisper goes.
    const QString migration = migrate(model(trimsDashes(after.constData())), true);
    EXPECT_TRUE(upSection(migration).contains(u"DROP FUNCTION \"shout\"(text)"_s))
        << migration.toStdString();
    db.exec(u"INSERT INTO tag (id) VALUES (2)"_s);
    EXPECT_EQ(db.rows(u"SELECT id, loud FROM tag ORDER BY id"_s),
              (QStringList{u"1|-A--A-"_s, u"2|AA"_s}));

    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(u"SELECT whisper(' X ')"_s), QStringList{u"x"_s});
    EXPECT_EQ(diff(model(before)).exitCode, 0) << migration.toStdString();
}
