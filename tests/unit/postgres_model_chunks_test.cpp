// Models too large for one transaction on PostgreSQL: loaded in chunks of statements, each
// committed in a scratch schema of the loader's own, which is always removed afterwards (after a
// loader died, by the next load).
#include "dialect/postgres/postgres_model_loader.h"
#include "dialect/postgres/postgres_model_reach_p.h"
#include "dialect/postgres/postgres_names.h"
#include "dialect/postgres/postgres_session.h"
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::schema;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Loads `sql` (written to model.sql) on the server of `db`, `chunk` statements per transaction.
Result<Schema> loadInChunks(const TestDatabase &db, const QByteArray &sql, int chunk)
{
    TempDir dir;
    const QString file = dir.write(u"model.sql"_s, sql);
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
    EXPECT_TRUE(url.ok());
    Result<model::ModelScript> script =
        model::readModelFiles({file}, dialect::postgres::lexerOptions());
    if (!script)
        return script.error();
    return dialect::postgres::loadModelSchema(*url, *script, {chunk});
}

QStringList schemas(TestDatabase &db)
{
    return db.rows(u"SELECT nspname FROM pg_namespace ORDER BY nspname"_s);
}

QStringList relationsEverywhere(TestDatabase &db)
{
    return db.rows(u"SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
                   u"ON n.oid = c.relnamespace WHERE n.nspname NOT IN "
                   u"('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1"_s);
}

/// `count` tables t1…tN, each with an index and a foreign key to the one before, one
/// statement per line.
QByteArray chainOfTables(int count)
{
    QByteArray sql = "CREATE TABLE t1 (id int PRIMARY KEY, note text);\n";
    for (int i = 2; i <= count; ++i)
        sql += "CREATE TABLE t" + QByteArray::number(i) + " (id int PRIMARY KEY, up int " +
               "REFERENCES t" + QByteArray::number(i - 1) + ", note text UNIQUE);\n";
    return sql;
}

QStringList tableNames(const Schema &schema)
{
    QStringList names;
    for (const Table &table : schema.tables)
        names.append(table.name);
    names.sort();
    return names;
}

} // namespace

TEST(PostgresModelChunks, a_model_of_many_chunks_is_read_back_whole_and_leaves_nothing_behind)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE live_one (id int)"_s);
    const QStringList schemasBefore = schemas(db);
    const QStringList relationsBefore = relationsEverywhere(db);
    const Result<Schema> model =
        loadInChunks(db,
                     chainOfTables(10) + "CREATE VIEW first_notes AS SELECT note FROM t1;\n"
                                         "CREATE INDEX t10_note_id ON t10 (note, id);\n",
                     3);
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    QStringList expected;
    for (int i = 1; i <= 10; ++i)
        expected.append(u"t"_s + QString::number(i));
    expected.sort();
    EXPECT_EQ(tableNames(*model), expected);
    const Table *last = findTable(*model, u"t10"_s, Qt::CaseSensitive);
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->foreignKeys.value(0).referencedTable, u"t9"_s);
    EXPECT_EQ(last->indexes.size(), 1);
    EXPECT_EQ(model->views.size(), 1);
    EXPECT_EQ(schemas(db), schemasBefore);
    EXPECT_EQ(relationsEverywhere(db), relationsBefore);
}

TEST(PostgresModelChunks, a_failing_statement_in_a_later_chunk_names_its_line_and_leaves_nothing)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const QStringList schemasBefore = schemas(db);
    const Result<Schema> model = loadInChunks(
        db, chainOfTables(7) + "CREATE TABLE broken (\n  id int REFERENCES nowhere\n);\n", 2);
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().code, Error::Code::Model);
    EXPECT_TRUE(model.error().file.endsWith(u"model.sql")) << model.error().file.toStdString();
    EXPECT_EQ(model.error().line, 8);
    EXPECT_EQ(model.error().message, u"relation \"nowhere\" does not exist"_s);
    EXPECT_EQ(schemas(db), schemasBefore);
    EXPECT_EQ(relationsEverywhere(db), QStringList());
}

TEST(PostgresModelChunks, a_later_chunk_creating_a_table_in_another_schema_is_refused_and_undone)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const QStringList schemasBefore = schemas(db);
    const Result<Schema> model =
        loadInChunks(db, chainOfTables(4) + "CREATE TABLE public.book (id int);\n", 2);
    ASSERT_FALSE(model.ok());
    EXPECT_TRUE(model.error().message.contains(u"\"public\".\"book\""))
        << model.error().toString().toStdString();
    EXPECT_EQ(schemas(db), schemasBefore);
    EXPECT_EQ(relationsEverywhere(db), QStringList());
}

// A loader killed (Ctrl-C, kill, lost connection) after committing a chunk leaves its schema,
// unlocked once its session is gone: the next load on the database removes it, but never the
// schema of a loader that is still running (whose session holds the lock).
TEST(PostgresModelChunks, the_next_load_removes_the_schema_of_a_dead_loader_but_not_a_live_one)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    const QString dead = u"burrow_model_00000000000000d1"_s;
    const QString live = u"burrow_model_00000000000000a1"_s;
    db.exec(u"CREATE SCHEMA "_s + dead + u";CREATE TABLE "_s + dead + u".a (id int PRIMARY KEY)"_s);
    db.exec(u"CREATE TABLE "_s + dead + u".b (id int REFERENCES "_s + dead + u".a (id))"_s);
    db.exec(u"CREATE SCHEMA "_s + live + u";CREATE TABLE "_s + live + u".a (id int)"_s);
    ServerSession liveLoader(db);
    liveLoader.exec(u"SELECT pg_advisory_lock(x'00000000000000a1'::bigint)"_s);

    const Result<Schema> model = loadInChunks(db, "CREATE TABLE c (id int);\n", 100);
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_EQ(tableNames(*model), QStringList{u"c"_s});
    EXPECT_EQ(db.rows(u"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'burrow%'"_s),
              QStringList{live});
    EXPECT_EQ(relationsEverywhere(db), QStringList{live + u".a"_s});
}

// The schema of an installed extension is searched too (its types must resolve), so an
// unqualified name may reach the live schema: such a load is never committed, however small
// its chunks, and whatever it did there is undone.
TEST(PostgresModelChunks, a_model_using_an_installed_extension_loads_in_one_transaction)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE EXTENSION citext;CREATE TABLE keep (id int);INSERT INTO keep VALUES (1)"_s);
    const Result<Schema> model = loadInChunks(db,
                                              "CREATE EXTENSION citext;\n"
                                              "CREATE TABLE person (email citext);\n"
                                              "DELETE FROM keep;\nDROP TABLE keep;\n" +
                                                  chainOfTables(5),
                                              2);
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_EQ(model->tables.size(), 6);
    EXPECT_EQ(db.rows(u"SELECT id FROM keep"_s), QStringList{u"1"_s});
    EXPECT_EQ(relationsEverywhere(db), QStringList{u"public.keep"_s});
}

// The committed scratch schema goes 100 tables per transaction, fewer when the lock table is
// full. A server with a tiny lock table is not at hand (the test servers are shared), so this
// database's own event trigger answers "out of shared memory" (SQLSTATE 53200, what a full lock
// table raises) to any DROP of more than 30 of the loader's tables: 100 → 50 → 25 per DROP.
TEST(PostgresModelChunks, a_full_lock_table_while_dropping_the_scratch_schema_drops_fewer_at_once)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.execEach(
        {u"CREATE TABLE drop_log (n serial, tables int)"_s,
         u"CREATE FUNCTION small_lock_table() RETURNS event_trigger LANGUAGE plpgsql AS $$ "
         "DECLARE dropped int; BEGIN "
         "SELECT count(*) INTO dropped FROM pg_event_trigger_dropped_objects() "
         "WHERE object_type = 'table' AND schema_name LIKE 'burrow_model_%'; "
         "IF dropped > 30 THEN RAISE EXCEPTION 'out of shared memory' USING ERRCODE = '53200'; "
         "END IF; "
         "IF dropped > 0 THEN INSERT INTO public.drop_log (tables) VALUES (dropped); END IF; "
         "END $$"_s,
         u"CREATE EVENT TRIGGER small_lock_table ON sql_drop "
         "EXECUTE FUNCTION small_lock_table()"_s});
    // Chunks of 50: the first two (100 tables) are committed, the last is rolled back.
    const Result<Schema> model = loadInChunks(db, chainOfTables(150), 50);
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_EQ(model->tables.size(), 150);
    EXPECT_EQ(db.rows(u"SELECT tables FROM drop_log ORDER BY n"_s),
              (QStringList{u"25"_s, u"25"_s, u"25"_s, u"25"_s}));
    EXPECT_EQ(db.rows(u"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'burrow%'"_s),
              QStringList{});
}

// Code that runs while the model loads (DO, a function called by a query) does what the guard
// cannot read: a DO block dropping a live table in a chunk that commits would drop it for real.
// Such a model loads in one transaction, never committed, however small its chunks.
TEST(PostgresModelChunks, a_model_running_code_loads_in_one_transaction_never_committed)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE victim (id int);INSERT INTO victim VALUES (1)"_s);
    const Result<Schema> model = loadInChunks(
        db,
        chainOfTables(2) + "CREATE FUNCTION wipe() RETURNS int LANGUAGE sql AS\n"
                           "  $$ DELETE FROM public.victim RETURNING 1 $$;\n"
                           "SELECT wipe();\n"
                           "DO $$ BEGIN EXECUTE 'DROP TABLE public.victim'; END $$;\n"
                           "CREATE TABLE t3 (id int PRIMARY KEY, up int REFERENCES t2);\n"
                           "CREATE TABLE t4 (id int PRIMARY KEY, up int REFERENCES t3);\n",
        2);
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_EQ(tableNames(*model), (QStringList{u"t1"_s, u"t2"_s, u"t3"_s, u"t4"_s}));
    EXPECT_EQ(db.rows(u"SELECT id FROM victim"_s), QStringList{u"1"_s});
    EXPECT_EQ(relationsEverywhere(db), QStringList{u"public.victim"_s});
}

namespace {

QStringList sharedObjects(TestDatabase &db)
{
    return db.rows(
        u"SELECT 'publication ' || pubname FROM pg_publication UNION ALL "
        u"SELECT 'server ' || srvname FROM pg_foreign_server UNION ALL "
        u"SELECT 'event trigger ' || evtname FROM pg_event_trigger UNION ALL "
        u"SELECT 'cast ' || castsource::regtype || ' AS ' || casttarget::regtype FROM pg_cast "
        u"WHERE oid >= 16384 UNION ALL SELECT 'default acl ' || defaclacl::text FROM "
        u"pg_default_acl "
        u"UNION ALL SELECT 'schema public ' || coalesce(nspacl::text, '') || ' ' || "
        u"coalesce(obj_description(oid, 'pg_namespace'), '') FROM pg_namespace "
        u"WHERE nspname = 'public' ORDER BY 1"_s);
}

} // namespace

// What the whole database shares (a publication, a foreign server, a cast, an event trigger,
// the compared schema's privileges and comment, default privileges) outlives the scratch schema:
// committed with a chunk, a diff would change the live database for good (GRANT ALL ON SCHEMA
// public TO PUBLIC, as pg_dump writes it, would widen who may create there). Such a model loads
// in one transaction never committed; the schema's own settings are not even run.
TEST(PostgresModelChunks, a_model_creating_what_the_database_shares_leaves_none_of_it_behind)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE EXTENSION IF NOT EXISTS postgres_fdw;"
            u"REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
            u"COMMENT ON SCHEMA public IS 'kept'"_s);
    const QStringList before = sharedObjects(db);
    const Result<Schema> model = loadInChunks(
        db,
        chainOfTables(2) + "GRANT ALL ON SCHEMA public TO PUBLIC;\n"
                           "COMMENT ON SCHEMA public IS 'changed';\n"
                           "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES "
                           "TO PUBLIC;\n"
                           "CREATE PUBLICATION leak_pub FOR TABLE t1;\n"
                           "CREATE SERVER leak_srv FOREIGN DATA WRAPPER postgres_fdw;\n"
                           "CREATE CAST (int4 AS text) WITH INOUT;\n"
                           "CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS\n"
                           "  $$ BEGIN END $$;\n"
                           "CREATE EVENT TRIGGER leak_ev ON ddl_command_end EXECUTE FUNCTION "
                           "on_ddl();\n"
                           "CREATE TABLE t3 (id int PRIMARY KEY, up int REFERENCES t2);\n"
                           "CREATE TABLE t4 (id int PRIMARY KEY, up int REFERENCES t3);\n",
        2);
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_EQ(tableNames(*model), (QStringList{u"t1"_s, u"t2"_s, u"t3"_s, u"t4"_s}));
    EXPECT_EQ(sharedObjects(db).join(u'\n').toStdString(), before.join(u'\n').toStdString());
    EXPECT_TRUE(before.last().endsWith(u" kept"_s)) << before.join(u'\n').toStdString();
}

// The check before each commit, for what the statements' reading missed: anything the
// transaction wrote that the whole database shares, or a comment on another schema's object.
TEST(PostgresModelChunks, the_check_before_a_commit_names_what_the_database_shares)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE SCHEMA other;CREATE TABLE other.book (id int)"_s);
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
    ASSERT_TRUE(url.ok());
    Result<std::unique_ptr<dialect::postgres::Session>> session =
        dialect::postgres::Session::open(*url, dialect::postgres::Access::Scratch);
    ASSERT_TRUE(session.ok()) << session.error().toString().toStdString();
    dialect::postgres::Session &s = **session;
    const auto sharedChangeAfter = [&](const QString &statement) -> QString {
        EXPECT_TRUE(s.run(u"BEGIN"_s).ok());
        EXPECT_TRUE(s.run(u"CREATE TABLE mine (id int)"_s).ok());
        EXPECT_TRUE(s.run(u"COMMENT ON COLUMN mine.id IS 'ours'"_s).ok());
        EXPECT_TRUE(s.run(statement).ok()) << statement.toStdString();
        const Status checked = dialect::postgres::checkNothingSharedChanged(s);
        EXPECT_TRUE(s.run(u"ROLLBACK"_s).ok());
        return checked ? QString() : checked.error().message;
    };
    EXPECT_EQ(sharedChangeAfter(u"COMMENT ON TABLE mine IS 'ours'"_s), QString());
    EXPECT_TRUE(sharedChangeAfter(u"CREATE PUBLICATION p FOR TABLE mine"_s)
                    .startsWith(u"the model creates or changes publication p, which the whole "
                                u"database shares"_s));
    EXPECT_TRUE(sharedChangeAfter(u"COMMENT ON TABLE other.book IS 'theirs'"_s)
                    .contains(u"table other.book"_s));
    EXPECT_TRUE(sharedChangeAfter(u"CREATE CAST (int4 AS text) WITH INOUT"_s)
                    .contains(u"cast (integer AS pg_catalog.text)"_s));
    EXPECT_EQ(sharedObjects(db).size(), 1); // only public's own row: all rolled back
}

// A policy, trigger, type or partition the model adds to another schema changes no row of
// pg_class there: each is caught as it happens, as a table there is, before a chunk could commit
// it for good (a partition of a live table would take its new rows, then go with the scratch).
TEST(PostgresModelChunks,
     a_later_chunk_adding_a_policy_type_or_partition_to_another_schema_is_refused)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE public.book (id int);"
            u"CREATE TABLE public.events (at date) PARTITION BY RANGE (at);"
            u"CREATE TABLE public.events_2026 PARTITION OF public.events "
            u"FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"_s);
    const QString policies = u"SELECT count(*) FROM pg_policy"_s;
    for (const QByteArray &outside :
         {QByteArray("CREATE POLICY mine ON public.book USING (true);\n"),
          QByteArray("CREATE TYPE public.mood AS ENUM ('ok');\n"),
          QByteArray("CREATE TABLE events_2027 PARTITION OF public.events\n"
                     "  FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');\n")}) {
        const Result<Schema> model = loadInChunks(db, chainOfTables(4) + outside, 2);
        ASSERT_FALSE(model.ok()) << outside.toStdString();
        EXPECT_TRUE(model.error().message.startsWith(u"the model creates or changes \"public\"."_s))
            << model.error().toString().toStdString();
    }
    EXPECT_EQ(db.rows(policies), QStringList{u"0"_s});
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_type WHERE typname = 'mood'"_s),
              QStringList{u"0"_s});
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_inherits"_s), QStringList{u"1"_s});
}
