// The model cache: a schema stored and read back field for field, entries that are damaged or
// stale never used, and on the servers a second compare of an unchanged model that finds the same
// differences without loading it again, until something the model depends on changes.
#include "diff/compare.h"
#include "diff/report.h"
#include "model/model_cache.h"
#include "qt_printing.h"
#include "schema/schema_stream.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// A schema with every kind of object and no field left at its default.
schema::Schema everyField()
{
    schema::Column column{u"price"_s,
                          u"numeric(8,2)"_s,
                          u"NUMERIC(8,2)"_s,
                          true,
                          schema::Expression{u"0"_s, u"0c"_s},
                          u"C"_s,
                          2,
                          true,
                          schema::Generated::Stored,
                          {u"a+b"_s, u"a + b"_s},
                          u"the price"_s,
                          u"serial"_s};
    schema::Table table;
    table.name = u"book"_s;
    table.columns = {column};
    table.primaryKey = schema::PrimaryKey{u"book_pkey"_s, {u"id"_s}, u"pk"_s};
    table.uniques = {{u"book_isbn"_s, {u"isbn"_s, u"ed"_s}, u"unique"_s}};
    table.checks = {{u"book_price"_s, {u"price > 0"_s, u"(price > 0)"_s}, u"chk"_s, u"price"_s}};
    table.foreignKeys = {{u"book_author"_s,
                          {u"author_id"_s},
                          u"author"_s,
                          {u"id"_s},
                          schema::ReferentialAction::Cascade,
                          schema::ReferentialAction::SetNull,
                          schema::Deferral::InitiallyDeferred,
                          u"fk"_s}};
    table.indexes = {{u"book_title"_s,
                      true,
                      {{u""_s,
                        {u"lower(title)"_s, u"lower(title)c"_s},
                        schema::SortOrder::Descending,
                        u"de_DE"_s}},
                      {u"price > 1"_s, u"(price > 1)"_s},
                      u"CREATE INDEX …"_s,
                      u"ix"_s}};
    table.triggers = {{u"book_touch"_s, {u"CREATE TRIGGER …"_s, u"create trigger"_s}, u"tg"_s}};
    table.withoutRowid = table.strict = true;
    table.sql = u"CREATE TABLE book (…)"_s;
    table.comment = u"books"_s;
    table.collation = u"utf8mb4_bin"_s;
    schema::Schema schema;
    schema.tables = {table};
    schema.views = {{u"cheap"_s, {u"CREATE VIEW cheap"_s, u"cv"_s}, table.triggers, u"vw"_s}};
    schema.enums = {{u"mood"_s, {u"sad"_s, u"ok"_s}, u"en"_s}};
    schema.domains = {{u"positive"_s, u"integer"_s, true, schema::Expression{u"1"_s, u"1"_s},
                       u"C"_s, table.checks, u"dom"_s}};
    schema.sequences = {{u"seq"_s, u"bigint"_s, 5, 2, -3, 99, 4, true, u"book"_s, u"id"_s}};
    schema.events = {{u"nightly"_s,
                      u"EVERY 1 DAY"_s,
                      u"2030-01-01 00:00:00"_s,
                      u"2031-01-01 00:00:00"_s,
                      true,
                      u"DISABLE"_s,
                      u"ev"_s,
                      {u"DELETE FROM log"_s, u"delete from log"_s},
                      u"app@%"_s,
                      u"CREATE EVENT nightly …"_s}};
    schema.functions = {{u"add(integer, integer)"_s,
                         u"add"_s,
                         u"integer, integer"_s,
                         true,
                         u"a integer, b integer"_s,
                         u"integer"_s,
                         {u"CREATE FUNCTION add …"_s, u"create function add"_s},
                         u"SELECT a + b"_s,
                         u"adds"_s}};
    schema.tables[0].checks[0].notValid = true;
    schema.tables[0].foreignKeys[0].notValid = true;
    return schema;
}

model::ModelScript scriptOf(const QStringList &statements)
{
    model::ModelScript script;
    for (const QString &text : statements)
        script.statements.append({text, u"model.sql"_s, 1});
    return script;
}

QStringList entriesIn(const QString &folder)
{
    return QDir(folder).entryList({u"*.schema"_s}, QDir::Files);
}

TEST(SchemaStream, every_field_survives_the_round_trip)
{
    const schema::Schema original = everyField();
    const QByteArray bytes = schema::toBytes(original);
    const std::optional<schema::Schema> read = schema::schemaFromBytes(bytes);
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(schema::toBytes(*read), bytes);
    const schema::Table &table = read->tables.at(0);
    EXPECT_EQ(table.columns.at(0).numbering, u"serial"_s);
    EXPECT_EQ(table.columns.at(0).defaultValue->canonical, u"0c"_s);
    EXPECT_EQ(table.columns.at(0).generated, schema::Generated::Stored);
    EXPECT_EQ(table.checks.at(0).column, u"price"_s);
    EXPECT_EQ(table.foreignKeys.at(0).onUpdate, schema::ReferentialAction::SetNull);
    EXPECT_EQ(table.foreignKeys.at(0).deferral, schema::Deferral::InitiallyDeferred);
    EXPECT_EQ(table.indexes.at(0).parts.at(0).order, schema::SortOrder::Descending);
    EXPECT_EQ(table.indexes.at(0).where.canonical, u"(price > 1)"_s);
    EXPECT_EQ(table.collation, u"utf8mb4_bin"_s);
    EXPECT_TRUE(table.strict);
    EXPECT_EQ(read->views.at(0).triggers.at(0).comment, u"tg"_s);
    EXPECT_EQ(read->domains.at(0).checks.at(0).expression.text, u"price > 0"_s);
    EXPECT_EQ(read->sequences.at(0).minValue, -3);
    EXPECT_EQ(read->sequences.at(0).ownedByColumn, u"id"_s);
    EXPECT_TRUE(table.checks.at(0).notValid);
    EXPECT_TRUE(table.foreignKeys.at(0).notValid);
    EXPECT_EQ(read->events.at(0).definer, u"app@%"_s);
    EXPECT_EQ(read->events.at(0).body.canonical, u"delete from log"_s);
    EXPECT_TRUE(read->events.at(0).preserve);
    EXPECT_EQ(read->functions.at(0).argumentTypes, u"integer, integer"_s);
    EXPECT_TRUE(read->functions.at(0).procedure);
    EXPECT_EQ(read->functions.at(0).body, u"SELECT a + b"_s);
}

TEST(SchemaStream, a_partition_and_a_materialized_view_index_survive_the_round_trip)
{
    schema::Schema original = everyField();
    original.tables[0].partitionOf = u"logs"_s;
    original.tables[0].partitionBound = u"FOR VALUES IN (1)"_s;
    original.views[0].indexes = original.tables[0].indexes;
    const std::optional<schema::Schema> read = schema::schemaFromBytes(schema::toBytes(original));
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(read->tables.at(0).partitionOf, u"logs"_s);
    EXPECT_EQ(read->tables.at(0).partitionBound, u"FOR VALUES IN (1)"_s);
    ASSERT_EQ(read->views.at(0).indexes.size(), 1);
    EXPECT_EQ(read->views.at(0).indexes.at(0).where.canonical, u"(price > 1)"_s);
}

TEST(SchemaStream, truncated_or_damaged_bytes_are_no_schema)
{
    const QByteArray bytes = schema::toBytes(everyField());
    EXPECT_FALSE(schema::schemaFromBytes(bytes.left(bytes.size() - 3)).has_value());
    EXPECT_FALSE(schema::schemaFromBytes(bytes + "x").has_value());
    EXPECT_FALSE(schema::schemaFromBytes("not a schema").has_value());
    QByteArray huge = bytes;
    huge[4] = '\x7f'; // the table count's high byte: billions of tables, never allocated
    EXPECT_FALSE(schema::schemaFromBytes(huge).has_value());
}

TEST(ModelCacheStore, an_entry_is_found_by_its_key_and_a_damaged_one_goes)
{
    TempDir dir;
    const model::ModelCache cache(dir.path(u"models"_s));
    const QByteArray key = model::ModelCache::keyOf(u"PostgreSQL"_s, u"v15"_s,
                                                    scriptOf({u"CREATE TABLE t (a int)"_s}));
    EXPECT_FALSE(cache.find(key).has_value());
    cache.store(key, everyField());
    const std::optional<schema::Schema> found = cache.find(key);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(schema::toBytes(*found), schema::toBytes(everyField()));

    QFile entry(cache.entryPath(key));
    ASSERT_TRUE(entry.open(QIODevice::WriteOnly | QIODevice::Truncate));
    entry.write("damaged");
    entry.close();
    EXPECT_FALSE(cache.find(key).has_value());
    EXPECT_FALSE(QFile::exists(cache.entryPath(key)));
}

TEST(ModelCacheStore, the_key_covers_statements_engine_and_context)
{
    const model::ModelScript script = scriptOf({u"CREATE TABLE t (a int)"_s});
    const QByteArray key = model::ModelCache::keyOf(u"PostgreSQL"_s, u"v15"_s, script);
    EXPECT_EQ(model::ModelCache::keyOf(u"PostgreSQL"_s, u"v15"_s, script), key);
    EXPECT_NE(model::ModelCache::keyOf(u"MySQL"_s, u"v15"_s, script), key);
    EXPECT_NE(model::ModelCache::keyOf(u"PostgreSQL"_s, u"v16"_s, script), key);
    EXPECT_NE(model::ModelCache::keyOf(u"PostgreSQL"_s, u"v15"_s,
                                       scriptOf({u"CREATE TABLE t (a bigint)"_s})),
              key);
    // Statement boundaries count: two statements are not their concatenation.
    EXPECT_NE(model::ModelCache::keyOf(u"PostgreSQL"_s, u"v15"_s, scriptOf({u"ab"_s})),
              model::ModelCache::keyOf(u"PostgreSQL"_s, u"v15"_s, scriptOf({u"a"_s, u"b"_s})));
}

TEST(ModelCacheStore, only_the_most_recently_used_entries_are_kept)
{
    TempDir dir;
    const model::ModelCache cache(dir.path(u"models"_s));
    for (int i = 0; i < 40; ++i)
        cache.store(model::ModelCache::keyOf(u"e"_s, QString::number(i), {}), {});
    EXPECT_EQ(entriesIn(dir.path(u"models"_s)).size(), 32);
}

TEST(ModelCacheStore, a_cache_without_a_folder_keeps_nothing)
{
    const model::ModelCache cache{QString()};
    const QByteArray key = model::ModelCache::keyOf(u"e"_s, u"c"_s, {});
    cache.store(key, everyField());
    EXPECT_FALSE(cache.enabled());
    EXPECT_FALSE(cache.find(key).has_value());
}

TEST(ModelCacheStore, the_environment_names_the_folder_or_turns_it_off)
{
    const ScopedEnvironmentVariable folder("BURROW_CACHE_DIR", "/srv/cache");
    {
        const ScopedEnvironmentVariable on("BURROW_MODEL_CACHE", "on");
        EXPECT_EQ(model::modelCacheFolderFromEnvironment(), u"/srv/cache/models"_s);
    }
    const ScopedEnvironmentVariable off("BURROW_MODEL_CACHE", "OFF");
    EXPECT_EQ(model::modelCacheFolderFromEnvironment(), QString());
}

// ---------------------------------------------------------------- on the servers

QStringList liveOf(Backend backend)
{
    if (backend == Backend::PostgreSQL)
        return {u"CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL)"_s};
    return {u"CREATE TABLE author (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100))"_s};
}

QByteArray modelOf(Backend backend)
{
    if (backend == Backend::PostgreSQL)
        return "CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
               "CREATE DOMAIN positive AS integer CHECK (VALUE > 0);\n"
               "CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL UNIQUE);\n"
               "CREATE TABLE book (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
               "  author_id integer REFERENCES author (id) ON DELETE CASCADE,\n"
               "  title varchar(200) NOT NULL DEFAULT 'x', pages positive, feel mood,\n"
               "  price numeric(8, 2) CHECK (price > 0));\n"
               "CREATE INDEX book_title ON book (lower(title)) WHERE price > 1;\n"
               "CREATE VIEW cheap AS SELECT id, title FROM book WHERE price < 10;\n"
               "COMMENT ON TABLE book IS 'books';\n"
               "CREATE SEQUENCE ticket START 5;\n"
               "CREATE FUNCTION add(a integer, b integer) RETURNS integer\n"
               "  LANGUAGE sql IMMUTABLE AS 'SELECT a + b';\n"
               "COMMENT ON FUNCTION add(integer, integer) IS 'adds';\n";
    return "CREATE TABLE author (id INT AUTO_INCREMENT PRIMARY KEY,\n"
           "  name VARCHAR(100) NOT NULL UNIQUE) COMMENT 'writers';\n"
           "CREATE TABLE book (id INT PRIMARY KEY, author_id INT,\n"
           "  title VARCHAR(200) NOT NULL DEFAULT 'x', feel ENUM('sad', 'ok'),\n"
           "  price DECIMAL(8, 2) CHECK (price > 0),\n"
           "  slug VARCHAR(200) AS (LOWER(title)) STORED,\n"
           "  CONSTRAINT book_author FOREIGN KEY (author_id) REFERENCES author (id)\n"
           "    ON DELETE CASCADE, INDEX book_title (title));\n"
           "CREATE VIEW cheap AS SELECT id, title FROM book WHERE price < 10;\n"
           "CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DISABLE\n"
           "  DO DELETE FROM book WHERE price < 0;\n";
}

/// A change outside the model that its normal form depends on: a type in another schema the
/// model could use (PostgreSQL), the database's default collation its columns take (MariaDB).
void changeWhatTheModelDependsOn(TestDatabase &db)
{
    if (db.backend() == Backend::PostgreSQL)
        db.execEach({u"CREATE SCHEMA elsewhere"_s, u"CREATE DOMAIN elsewhere.code AS text"_s});
    else
        db.execEach({u"ALTER DATABASE `"_s + db.name() + u"` COLLATE utf8mb4_bin"_s});
}

/// Rewrites a cache entry with one more table, which only a compare reading it can show.
void plantTable(const QString &entryPath)
{
    QFile file(entryPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << entryPath.toStdString();
    std::optional<schema::Schema> schema = schema::schemaFromBytes(file.readAll());
    file.close();
    ASSERT_TRUE(schema.has_value());
    schema::Table planted;
    planted.name = u"planted"_s;
    planted.columns = {schema::Column{u"id"_s, u"integer"_s, u"integer"_s}};
    schema->tables.append(planted);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(schema::toBytes(*schema));
}

bool mentionsPlanted(const Result<diff::Comparison> &comparison)
{
    return comparison && diff::formatText(comparison->changes).contains(u"planted");
}

class ModelCacheOnServer : public ::testing::TestWithParam<Backend> {
protected:
    diff::CompareRequest requestFor(const TestDatabase &db, const TempDir &dir) const
    {
        diff::CompareRequest request;
        request.database = db.url();
        request.models = {dir.write(u"model.sql"_s, modelOf(GetParam()))};
        request.modelCache = dir.path(u"cache"_s);
        return request;
    }
};

TEST_P(ModelCacheOnServer, a_second_compare_reads_the_same_model_from_the_cache)
{
    TestDatabase live(GetParam());
    BURROW_REQUIRE_BACKEND(live);
    live.execEach(liveOf(GetParam()));
    TempDir dir;
    const diff::CompareRequest request = requestFor(live, dir);

    const Result<diff::Comparison> cold = diff::compareWithModel(request);
    ASSERT_TRUE(cold) << cold.error().toString().toStdString();
    EXPECT_EQ(entriesIn(request.modelCache).size(), 1);
    const Result<diff::Comparison> warm = diff::compareWithModel(request);
    ASSERT_TRUE(warm) << warm.error().toString().toStdString();

    EXPECT_EQ(schema::toBytes(warm->model), schema::toBytes(cold->model));
    EXPECT_FALSE(cold->changes.isEmpty());
    EXPECT_EQ(warm->changes, cold->changes);
    EXPECT_EQ(entriesIn(request.modelCache).size(), 1);
}

TEST_P(ModelCacheOnServer, an_entry_is_used_until_something_the_model_depends_on_changes)
{
    TestDatabase live(GetParam());
    BURROW_REQUIRE_BACKEND(live);
    live.execEach(liveOf(GetParam()));
    TempDir dir;
    const diff::CompareRequest request = requestFor(live, dir);
    ASSERT_TRUE(diff::compareWithModel(request));
    const QStringList entries = entriesIn(request.modelCache);
    ASSERT_EQ(entries.size(), 1);
    plantTable(request.modelCache + u'/' + entries.first());

    EXPECT_TRUE(mentionsPlanted(diff::compareWithModel(request))) << "the entry was not read";
    diff::CompareRequest uncached = request;
    uncached.modelCache.clear();
    EXPECT_FALSE(mentionsPlanted(diff::compareWithModel(uncached)));

    changeWhatTheModelDependsOn(live);
    const Result<diff::Comparison> after = diff::compareWithModel(request);
    ASSERT_TRUE(after) << after.error().toString().toStdString();
    EXPECT_FALSE(mentionsPlanted(after)) << "a stale entry was used";
    EXPECT_EQ(entriesIn(request.modelCache).size(), 2);
}

TEST_P(ModelCacheOnServer, the_cli_reads_the_cache_unless_told_not_to)
{
    TestDatabase live(GetParam());
    BURROW_REQUIRE_BACKEND(live);
    live.execEach(liveOf(GetParam()));
    TempDir dir;
    const QString model = dir.write(u"model.sql"_s, modelOf(GetParam()));
    const ScopedEnvironmentVariable folder("BURROW_CACHE_DIR", dir.path(u"cache"_s).toUtf8());
    const ScopedEnvironmentVariable on("BURROW_MODEL_CACHE", "on");
    const QStringList diff{u"diff"_s, u"--db"_s, live.url(), u"--model"_s, model};
    const CliRun first = runCli(diff);
    ASSERT_EQ(first.exitCode, 1) << first.err.toStdString();
    const QStringList entries = entriesIn(dir.path(u"cache/models"_s));
    ASSERT_EQ(entries.size(), 1);
    plantTable(dir.path(u"cache/models/"_s + entries.first()));

    const CliRun cached = runCli(diff);
    EXPECT_TRUE(cached.out.contains(u"planted")) << cached.out.toStdString();
    const CliRun loaded = runCli(diff + QStringList{u"--no-model-cache"_s});
    EXPECT_FALSE(loaded.out.contains(u"planted")) << loaded.out.toStdString();
    EXPECT_EQ(loaded.exitCode, 1) << loaded.err.toStdString();
    const ScopedEnvironmentVariable off("BURROW_MODEL_CACHE", "off");
    EXPECT_FALSE(runCli(diff).out.contains(u"planted"));
}

TEST_P(ModelCacheOnServer, a_model_the_server_rejects_is_not_kept)
{
    TestDatabase live(GetParam());
    BURROW_REQUIRE_BACKEND(live);
    TempDir dir;
    diff::CompareRequest request = requestFor(live, dir);
    request.models = {dir.write(u"bad.sql"_s, "CREATE TABLE t (id no_such_type);\n")};
    const Result<diff::Comparison> failed = diff::compareWithModel(request);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().file, request.models.first());
    EXPECT_TRUE(entriesIn(request.modelCache).isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Servers, ModelCacheOnServer,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

} // namespace
