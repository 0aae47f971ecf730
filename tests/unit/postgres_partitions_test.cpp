// PostgreSQL partitions as tables of their own (CREATE TABLE … PARTITION OF parent FOR VALUES …
// / DEFAULT) and indexes on materialized views, end to end through burrow-cli: read from
// pg_catalog without what a partition inherits from its parent, compared with a model loaded in
// a scratch schema, created after their parent, dropped only with --allow-destructive, moved to
// another bound without losing rows, and undone by the down section.
#include "postgres_cli_fixture.h"

#include <QDir>

#include <gtest/gtest.h>

#include <cstring>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresPartitions = PostgresCliFixture;

// A parent with a key, a CHECK, an index and a trigger: its partitions get clones of each.
constexpr char kLogs[] = "CREATE TABLE logs (id bigint NOT NULL, created_at timestamp NOT NULL,\n"
                         "  CONSTRAINT positive CHECK (id > 0), PRIMARY KEY (id, created_at))\n"
                         "  PARTITION BY RANGE (created_at);\n"
                         "CREATE INDEX logs_id ON logs (id);\n";
constexpr char kJanuary[] = "CREATE TABLE logs_2024_01 PARTITION OF logs\n"
                            "  FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');\n";
constexpr char kFebruary[] = "CREATE TABLE logs_2024_02 PARTITION OF logs\n"
                             "  FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');\n";

QString text(const char *source)
{
    return QString::fromUtf8(source);
}

// The partitions of `parent` with their bounds, as the engine has them.
QStringList partitionsOf(TestDatabase &db, const QString &parent)
{
    return db.rows(u"SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) "
                   u"FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                   u"WHERE i.inhparent = '"_s +
                   parent + u"'::regclass ORDER BY 1"_s);
}

} // namespace

TEST_F(PostgresPartitions, partitions_are_read_with_parent_and_bound_and_only_what_is_their_own)
{
    db.execEach({text(kLogs), text(kJanuary),
                 u"CREATE TABLE logs_rest PARTITION OF logs (CONSTRAINT small CHECK (id < 100)) "
                 u"DEFAULT"_s,
                 u"CREATE INDEX logs_rest_created ON logs_rest (created_at)"_s,
                 u"CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql "
                 u"AS $$ BEGIN RETURN NEW; END $$"_s,
                 u"CREATE TRIGGER stamp BEFORE INSERT ON logs FOR EACH ROW EXECUTE FUNCTION "
                 u"noop()"_s});
    const schema::Schema live = introspect(db);
    const schema::Table *logs = schema::findTable(live, u"logs"_s, Qt::CaseSensitive);
    const schema::Table *january = schema::findTable(live, u"logs_2024_01"_s, Qt::CaseSensitive);
    const schema::Table *rest = schema::findTable(live, u"logs_rest"_s, Qt::CaseSensitive);
    ASSERT_TRUE(logs && january && rest);
    EXPECT_TRUE(logs->partitionOf.isEmpty());
    EXPECT_EQ(logs->columns.size(), 2);
    EXPECT_EQ(january->partitionOf, u"logs"_s);
    EXPECT_EQ(january->partitionBound,
              u"FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00')"_s);
    EXPECT_EQ(rest->partitionBound, u"DEFAULT"_s);
    // Columns, key, CHECK, index and trigger cloned from the parent are the parent's.
    EXPECT_TRUE(january->columns.isEmpty());
    EXPECT_FALSE(january->primaryKey.has_value());
    EXPECT_TRUE(january->checks.isEmpty());
    EXPECT_TRUE(january->indexes.isEmpty());
    EXPECT_TRUE(january->triggers.isEmpty());
    // What the default partition has of its own stays.
    ASSERT_EQ(rest->checks.size(), 1);
    EXPECT_EQ(rest->checks.first().name, u"small"_s);
    ASSERT_EQ(rest->indexes.size(), 1);
    EXPECT_EQ(rest->indexes.first().name, u"logs_rest_created"_s);
}

TEST_F(PostgresPartitions, a_foreign_key_to_a_partitioned_table_is_read_once)
{
    // The engine keeps a clone of the key per partition on the referencing table.
    db.execEach({text(kLogs), text(kJanuary), text(kFebruary),
                 u"CREATE TABLE entry (log_id bigint, at timestamp, "
                 u"FOREIGN KEY (log_id, at) REFERENCES logs)"_s});
    const schema::Schema live = introspect(db);
    const schema::Table *entry = schema::findTable(live, u"entry"_s, Qt::CaseSensitive);
    ASSERT_TRUE(entry);
    ASSERT_EQ(entry->foreignKeys.size(), 1);
    EXPECT_EQ(entry->foreignKeys.first().referencedTable, u"logs"_s);
    const CliRun same = diff(model(QByteArray(kLogs) + kJanuary + kFebruary +
                                   "CREATE TABLE entry (log_id bigint, at timestamp,\n"
                                   "  FOREIGN KEY (log_id, at) REFERENCES logs);\n"));
    EXPECT_EQ(same.exitCode, 0) << same.out.toStdString() << same.err.toStdString();
}

TEST_F(PostgresPartitions, the_same_partitions_in_the_model_are_no_difference)
{
    db.execEach({text(kLogs), text(kJanuary),
                 u"CREATE TABLE logs_rest PARTITION OF logs (CONSTRAINT small CHECK (id < 100)) "
                 u"DEFAULT"_s});
    // Bounds written otherwise (a date for a timestamp), the schema named.
    const QString path =
        model(QByteArray(kLogs) +
              "create table public.logs_2024_01 partition of public.logs\n"
              "  for values from ('2024-01-01 00:00') to ('2024-02-01 00:00:00');\n"
              "CREATE TABLE logs_rest PARTITION OF logs (CONSTRAINT small CHECK (id < 100))\n"
              "  DEFAULT;\n");
    const CliRun same = diff(path);
    EXPECT_EQ(same.exitCode, 0) << same.out.toStdString() << same.err.toStdString();
}

TEST_F(PostgresPartitions, added_removed_and_moved_partitions_are_reported)
{
    db.execEach({text(kLogs), text(kJanuary), text(kFebruary)});
    const QString path =
        model(QByteArray(kLogs) + "CREATE TABLE logs_2024_01 PARTITION OF logs\n"
                                  "  FOR VALUES FROM ('2023-12-01') TO ('2024-02-01');\n"
                                  "CREATE TABLE logs_rest PARTITION OF logs DEFAULT;\n");
    const CliRun text = diff(path);
    EXPECT_EQ(text.exitCode, 1) << text.err.toStdString();
    for (const QString &expected :
         {u"+ table logs_rest"_s, u"partition of logs DEFAULT"_s, u"- table logs_2024_02"_s,
          u"partition bound FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00') "
          u"→ FOR VALUES FROM ('2023-12-01 00:00:00') TO ('2024-02-01 00:00:00')"_s})
        EXPECT_TRUE(text.out.contains(expected)) << expected.toStdString() << " in\n"
                                                 << text.out.toStdString();
    // Only the partitions differ: nothing of what they inherit.
    EXPECT_FALSE(text.out.contains(u"column"_s)) << text.out.toStdString();
    EXPECT_FALSE(text.out.contains(u"index"_s)) << text.out.toStdString();
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    for (const QString &kind : {u"\"table_added\""_s, u"\"table_removed\""_s,
                                u"\"table_options_changed\""_s, u"\"partition bound\""_s})
        EXPECT_TRUE(json.out.contains(kind)) << json.out.toStdString();
}

TEST_F(PostgresPartitions, a_new_parent_and_partitions_are_created_in_order_and_take_rows)
{
    db.exec(u"CREATE TABLE other (id int)"_s);
    // February is created before its parent and attached to it after: the catalog lists it
    // first, and the plan must still create the parent first.
    const QString path = model(
        QByteArray("CREATE TABLE other (id int);\n"
                   "CREATE TABLE logs_2024_02 (id bigint NOT NULL,\n"
                   "  created_at timestamp NOT NULL, CONSTRAINT positive CHECK (id > 0));\n") +
        kLogs + kJanuary +
        "ALTER TABLE logs ATTACH PARTITION logs_2024_02\n"
        "  FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');\n"
        "CREATE TABLE orders (id bigint, region text NOT NULL)\n"
        "  PARTITION BY LIST (region);\n"
        "CREATE TABLE orders_us PARTITION OF orders\n"
        "  FOR VALUES IN ('US', 'CA', 'MX');\n");
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    const qsizetype parent = up.indexOf(u"CREATE TABLE \"logs\" ("_s);
    EXPECT_GE(parent, 0) << up.toStdString();
    EXPECT_LT(parent, up.indexOf(u"CREATE TABLE \"logs_2024_02\" PARTITION OF \"logs\"\n"
                                 u"FOR VALUES FROM ('2024-02-01 00:00:00') TO "
                                 u"('2024-03-01 00:00:00')"_s))
        << up.toStdString();
    // The parent's index is not created again on each partition.
    EXPECT_EQ(up.count(u"CREATE INDEX"_s), 1) << up.toStdString();
    EXPECT_EQ(
        partitionsOf(db, u"logs"_s),
        (QStringList{
            u"logs_2024_01 FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00')"_s,
            u"logs_2024_02 FOR VALUES FROM ('2024-02-01 00:00:00') TO ('2024-03-01 00:00:00')"_s}));
    db.execEach({u"INSERT INTO logs VALUES (1, '2024-02-03'), (2, '2024-01-09')"_s,
                 u"INSERT INTO orders VALUES (1, 'CA')"_s});
    EXPECT_EQ(db.rows(u"SELECT id FROM logs_2024_02"_s), QStringList{u"1"_s});
    EXPECT_EQ(db.rows(u"SELECT id FROM orders_us"_s), QStringList{u"1"_s});
    db.exec(u"DELETE FROM logs; DELETE FROM orders"_s);
    db.execEach(downStatements(migration));
    EXPECT_EQ(
        db.rows(u"SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') "
                u"AND relnamespace = 'public'::regnamespace AND relname <> 'burrow_migrations'"_s),
        QStringList{u"other"_s});
}

TEST_F(PostgresPartitions, a_partition_is_added_to_an_existing_parent_and_the_down_drops_it)
{
    db.execEach({text(kLogs), text(kJanuary)});
    const QString migration = migrate(model(QByteArray(kLogs) + kJanuary + kFebruary));
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"CREATE TABLE \"logs_2024_02\" PARTITION OF \"logs\""_s))
        << up.toStdString();
    EXPECT_FALSE(up.contains(u"ALTER TABLE"_s)) << up.toStdString();
    EXPECT_EQ(partitionsOf(db, u"logs"_s).size(), 2);
    EXPECT_TRUE(downSection(migration).contains(u"DROP TABLE \"logs_2024_02\""_s))
        << migration.toStdString();
    db.execEach(downStatements(migration));
    EXPECT_EQ(partitionsOf(db, u"logs"_s),
              QStringList{u"logs_2024_01 FOR VALUES FROM ('2024-01-01 00:00:00') TO "
                          u"('2024-02-01 00:00:00')"_s});
}

TEST_F(PostgresPartitions, dropping_a_partition_needs_allow_destructive_and_the_down_recreates_it)
{
    db.execEach({text(kLogs), text(kJanuary), text(kFebruary),
                 u"CREATE INDEX february_created ON logs_2024_02 (created_at)"_s,
                 u"INSERT INTO logs VALUES (1, '2024-02-03')"_s});
    const QString path = model(QByteArray(kLogs) + kJanuary);
    const CliRun refused = plan(path);
    EXPECT_TRUE(refused.err.contains(u"left out (destructive)"_s)) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"logs_2024_02"_s)) << refused.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM logs"_s), QStringList{u"1"_s});
    QDir(migrations()).removeRecursively();

    const QString migration = migrate(path, true);
    EXPECT_TRUE(upSection(migration).contains(u"DROP TABLE \"logs_2024_02\""_s))
        << migration.toStdString();
    EXPECT_EQ(partitionsOf(db, u"logs"_s).size(), 1);
    db.execEach(downStatements(migration));
    EXPECT_EQ(partitionsOf(db, u"logs"_s).size(), 2);
    EXPECT_EQ(
        db.rows(u"SELECT indexname FROM pg_indexes WHERE tablename = 'logs_2024_02' "
                u"ORDER BY 1"_s),
        (QStringList{u"february_created"_s, u"logs_2024_02_id_idx"_s, u"logs_2024_02_pkey"_s}));
}

TEST_F(PostgresPartitions, a_default_partition_takes_the_rows_no_other_bound_takes)
{
    db.execEach({text(kLogs), text(kJanuary)});
    const QString migration = migrate(model(QByteArray(kLogs) + kJanuary +
                                            "CREATE TABLE logs_rest PARTITION OF logs\n"
                                            "  (CONSTRAINT small CHECK (id < 100)) DEFAULT;\n"));
    EXPECT_TRUE(upSection(migration).contains(
        u"CREATE TABLE \"logs_rest\" PARTITION OF \"logs\" (\n  CONSTRAINT \"small\" CHECK "
        u"((id < 100))\n)\nDEFAULT"_s))
        << migration.toStdString();
    db.exec(u"INSERT INTO logs VALUES (7, '2030-05-05'), (8, '2024-01-02')"_s);
    EXPECT_EQ(db.rows(u"SELECT id FROM logs_rest"_s), QStringList{u"7"_s});
    db.exec(u"DELETE FROM logs"_s);
    db.execEach(downStatements(migration));
    EXPECT_EQ(partitionsOf(db, u"logs"_s).size(), 1);
}

TEST_F(PostgresPartitions, a_changed_bound_detaches_and_attaches_keeping_the_rows)
{
    db.execEach({text(kLogs), text(kJanuary), u"INSERT INTO logs VALUES (1, '2024-01-05')"_s});
    const QString migration =
        migrate(model(QByteArray(kLogs) + "CREATE TABLE logs_2024_01 PARTITION OF logs\n"
                                          "  FOR VALUES FROM ('2023-12-01') TO ('2024-02-01');\n"));
    const QString up = upSection(migration);
    const qsizetype detach =
        up.indexOf(u"ALTER TABLE \"logs\" DETACH PARTITION \"logs_2024_01\""_s);
    EXPECT_GE(detach, 0) << up.toStdString();
    EXPECT_LT(detach,
              up.indexOf(u"ALTER TABLE \"logs\" ATTACH PARTITION \"logs_2024_01\" FOR "
                         u"VALUES FROM ('2023-12-01 00:00:00') TO ('2024-02-01 00:00:00')"_s))
        << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id FROM logs_2024_01"_s), QStringList{u"1"_s});
    db.execEach(downStatements(migration));
    EXPECT_EQ(partitionsOf(db, u"logs"_s),
              QStringList{u"logs_2024_01 FOR VALUES FROM ('2024-01-01 00:00:00') TO "
                          u"('2024-02-01 00:00:00')"_s});
    EXPECT_EQ(db.rows(u"SELECT id FROM logs"_s), QStringList{u"1"_s});
}

TEST_F(PostgresPartitions, a_table_of_its_own_becomes_a_partition_by_attach_keeping_its_rows)
{
    db.execEach({text(kLogs),
                 u"CREATE TABLE logs_old (id bigint NOT NULL, created_at timestamp NOT NULL, "
                 u"CONSTRAINT positive CHECK (id > 0))"_s,
                 u"INSERT INTO logs_old VALUES (1, '2023-05-01')"_s});
    const QString migration =
        migrate(model(QByteArray(kLogs) + "CREATE TABLE logs_old PARTITION OF logs\n"
                                          "  FOR VALUES FROM (MINVALUE) TO ('2024-01-01');\n"));
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"ALTER TABLE \"logs\" ATTACH PARTITION \"logs_old\" FOR VALUES FROM "
                            u"(MINVALUE) TO ('2024-01-01 00:00:00')"_s))
        << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id FROM logs"_s), QStringList{u"1"_s});
    db.execEach(downStatements(migration));
    EXPECT_TRUE(partitionsOf(db, u"logs"_s).isEmpty());
    EXPECT_EQ(db.rows(u"SELECT id FROM logs_old"_s), QStringList{u"1"_s});
}

// Archiving a partition: it leaves its parent for a table of its own. The index it had for
// the parent's (logs_2024_01_id_idx) would stay, as its own, and show as a difference after the
// apply; it goes with the detach, the model's own index is built, and the key stays.
TEST_F(PostgresPartitions, a_partition_leaving_for_good_keeps_only_what_its_model_has)
{
    db.execEach({text(kLogs), text(kJanuary), u"INSERT INTO logs VALUES (1, '2024-01-05')"_s});
    const QString path =
        model(QByteArray(kLogs) + "CREATE TABLE logs_2024_01 (id bigint NOT NULL, created_at "
                                  "timestamp NOT NULL,\n  CONSTRAINT positive CHECK (id > 0), "
                                  "PRIMARY KEY (id, created_at));\n"
                                  "CREATE INDEX archive_by_day ON logs_2024_01 (created_at);\n");
    const QString migration = migrate(path);
    EXPECT_TRUE(upSection(migration).contains(u"DETACH PARTITION \"logs_2024_01\""_s))
        << migration.toStdString();
    EXPECT_EQ(diff(path).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = "
                      u"'logs_2024_01'::regclass ORDER BY 1"_s),
              (QStringList{u"archive_by_day"_s, u"logs_2024_01_pkey"_s}));
    EXPECT_EQ(db.rows(u"SELECT id FROM logs_2024_01"_s), QStringList{u"1"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(partitionsOf(db, u"logs"_s),
              QStringList{u"logs_2024_01 FOR VALUES FROM ('2024-01-01 00:00:00') TO "
                          u"('2024-02-01 00:00:00')"_s});
}

TEST_F(PostgresPartitions, a_bound_its_rows_do_not_fit_fails_the_migration_and_loses_nothing)
{
    db.execEach({text(kLogs), text(kJanuary), u"INSERT INTO logs VALUES (1, '2024-01-25')"_s});
    const CliRun planned =
        plan(model(QByteArray(kLogs) + "CREATE TABLE logs_2024_01 PARTITION OF logs\n"
                                       "  FOR VALUES FROM ('2024-01-01') TO ('2024-01-15');\n"));
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    EXPECT_EQ(applied.exitCode, 1) << applied.err.toStdString();
    EXPECT_TRUE(applied.err.contains(u"logs_2024_01"_s)) << applied.err.toStdString();
    EXPECT_EQ(partitionsOf(db, u"logs"_s),
              QStringList{u"logs_2024_01 FOR VALUES FROM ('2024-01-01 00:00:00') TO "
                          u"('2024-02-01 00:00:00')"_s});
    EXPECT_EQ(db.rows(u"SELECT id FROM logs_2024_01"_s), QStringList{u"1"_s});
}

namespace {

constexpr char kPoints[] =
    "CREATE TABLE points (id bigint PRIMARY KEY, tenant_id bigint NOT NULL,\n"
    "  point_type smallint NOT NULL);\n"
    "CREATE INDEX points_idx ON points (tenant_id, point_type);\n";

QStringList viewIndexes(TestDatabase &db)
{
    return db.rows(u"SELECT indexname || ' ' || indexdef FROM pg_indexes "
                   u"WHERE tablename = 'points_view' ORDER BY 1"_s);
}

} // namespace

TEST_F(PostgresPartitions, an_index_on_a_materialized_view_is_read_created_and_undone)
{
    db.exec(text(kPoints));
    const QByteArray view = "CREATE MATERIALIZED VIEW points_view AS\n"
                            "  SELECT * FROM points WHERE id IN (SELECT max(id) FROM points\n"
                            "  GROUP BY point_type);\n";
    const QString path = model(QByteArray(kPoints) + view +
                               "CREATE INDEX points_view_idx ON points_view (tenant_id);\n");
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"CREATE MATERIALIZED VIEW \"points_view\""_s),
              up.indexOf(u"CREATE INDEX \"points_view_idx\" ON \"points_view\" USING btree "
                         u"(tenant_id)"_s))
        << up.toStdString();
    EXPECT_EQ(viewIndexes(db), QStringList{u"points_view_idx CREATE INDEX points_view_idx ON "
                                           u"public.points_view USING btree (tenant_id)"_s});
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.views.size(), 1);
    ASSERT_EQ(live.views.first().indexes.size(), 1);
    EXPECT_EQ(live.views.first().indexes.first().name, u"points_view_idx"_s);

    // A second index on the same view: created alone, the view kept.
    const QString second =
        migrate(model(QByteArray(kPoints) + view +
                      "CREATE INDEX points_view_idx ON points_view (tenant_id);\n"
                      "CREATE UNIQUE INDEX points_view_id ON points_view (id);\n"));
    EXPECT_FALSE(upSection(second).contains(u"MATERIALIZED VIEW"_s)) << second.toStdString();
    EXPECT_EQ(viewIndexes(db).size(), 2);
    // Gone from the model: dropped alone, the view kept; the down section builds it again.
    const QString third = migrate(model(
        QByteArray(kPoints) + view + "CREATE INDEX points_view_idx ON points_view (tenant_id);\n"));
    EXPECT_TRUE(upSection(third).contains(u"DROP INDEX \"points_view_id\""_s))
        << third.toStdString();
    EXPECT_FALSE(upSection(third).contains(u"MATERIALIZED VIEW"_s)) << third.toStdString();
    EXPECT_EQ(viewIndexes(db).size(), 1);
    db.execEach(downStatements(third));
    EXPECT_EQ(viewIndexes(db).size(), 2);
}

TEST_F(PostgresPartitions, a_recreated_materialized_view_gets_its_indexes_back)
{
    db.execEach({text(kPoints),
                 u"CREATE MATERIALIZED VIEW points_view AS SELECT id, tenant_id FROM points"_s,
                 u"CREATE INDEX points_view_idx ON points_view (tenant_id)"_s});
    const CliRun changed =
        diff(model(QByteArray(kPoints) +
                   "CREATE MATERIALIZED VIEW points_view AS SELECT id, tenant_id FROM points;\n"));
    EXPECT_TRUE(changed.out.contains(u"- index points_view_idx"_s)) << changed.out.toStdString();
    const CliRun json =
        diff(model(QByteArray(kPoints) +
                   "CREATE MATERIALIZED VIEW points_view AS SELECT id, tenant_id FROM points;\n"),
             {u"--format"_s, u"json"_s});
    EXPECT_TRUE(json.out.contains(u"\"index_removed\""_s)) << json.out.toStdString();

    // The view's definition changes: it is dropped and created, and its index with it.
    const QString migration =
        migrate(model(QByteArray(kPoints) +
                      "CREATE MATERIALIZED VIEW points_view AS SELECT id, tenant_id, point_type "
                      "FROM points;\n"
                      "CREATE INDEX points_view_idx ON points_view (tenant_id);\n"));
    EXPECT_EQ(viewIndexes(db).size(), 1);
    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_attribute WHERE attrelid = "
                      u"'points_view'::regclass AND attnum > 0"_s),
              QStringList{u"2"_s});
    EXPECT_EQ(viewIndexes(db).size(), 1);
}

// A parent in a schema of the model's own, with one partition beside it and one in the URL's
// schema: both created after their parent, named with their schema, and undone.
TEST_F(PostgresPartitions, partitions_across_schemas_are_created_after_their_parent_and_undone)
{
    db.exec(u"CREATE TABLE other (id int)"_s);
    const QString path =
        model("CREATE TABLE other (id int);\n"
              "CREATE SCHEMA core;\n"
              "CREATE TABLE core.logs (id bigint NOT NULL, created_at timestamp NOT NULL)\n"
              "  PARTITION BY RANGE (created_at);\n"
              "CREATE TABLE core.logs_2024 PARTITION OF core.logs\n"
              "  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n"
              "CREATE TABLE logs_rest PARTITION OF core.logs DEFAULT;\n");
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    const qsizetype parent = up.indexOf(u"CREATE TABLE \"core\".\"logs\" ("_s);
    EXPECT_GE(parent, 0) << up.toStdString();
    EXPECT_LT(parent, up.indexOf(u"CREATE TABLE \"core\".\"logs_2024\" PARTITION OF "
                                 u"\"core\".\"logs\""_s))
        << up.toStdString();
    EXPECT_LT(parent, up.indexOf(u"CREATE TABLE \"logs_rest\" PARTITION OF \"core\".\"logs\""_s))
        << up.toStdString();
    db.exec(u"INSERT INTO core.logs VALUES (1, '2024-05-01'), (2, '2030-01-01')"_s);
    EXPECT_EQ(db.rows(u"SELECT id FROM core.logs_2024 UNION ALL SELECT -id FROM logs_rest"_s),
              (QStringList{u"1"_s, u"-2"_s}));

    const CliRun shown = diff(path, {u"--format"_s, u"json"_s});
    EXPECT_EQ(shown.exitCode, 0) << shown.out.toStdString();
    db.exec(u"DELETE FROM core.logs"_s);
    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_class WHERE relname LIKE 'logs%'"_s),
              QStringList{u"0"_s});
    EXPECT_EQ(db.rows(u"SELECT to_regnamespace('core') IS NULL"_s), QStringList{u"true"_s});
}

// PostgreSQL cannot retype a column of a partition key: an enum losing a label there stops the
// migration with Burrow's words (what to do), not the engine's, and nothing changes. The same
// enum in a column outside the key is converted as anywhere.
TEST_F(PostgresPartitions, an_enum_label_dropped_from_a_partition_key_stops_with_what_to_do)
{
    constexpr char kEvents[] =
        "CREATE TABLE events (id int, kind kind NOT NULL, PRIMARY KEY (id, kind))\n"
        "  PARTITION BY LIST (kind);\n"
        "CREATE TABLE events_all PARTITION OF events DEFAULT;\n"
        "CREATE TABLE tasks (id int, kind kind, range kind) PARTITION BY RANGE (id);\n"
        "CREATE TABLE tasks_all PARTITION OF tasks DEFAULT;\n";
    db.execEach({u"CREATE TYPE kind AS ENUM ('a', 'b', 'gone')"_s, text(kEvents),
                 u"INSERT INTO events VALUES (1, 'a'); INSERT INTO tasks VALUES (1, 'b')"_s});
    const QString fewer = model(QByteArray("CREATE TYPE kind AS ENUM ('a', 'b');\n") + kEvents);
    const CliRun planned = plan(fewer, true);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    ASSERT_TRUE(QDir(migrations()).exists()) << planned.err.toStdString();
    // Told when planned, in the file's header too: not first when applied.
    const QString stops = u"the migration stops at alter type kind: Burrow cannot change the type "
                          u"of column \"events\".\"kind\""_s;
    EXPECT_TRUE(planned.err.contains(u"warning: "_s + stops)) << planned.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(readBytes(planned.out.trimmed())).contains(stops));
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    EXPECT_EQ(applied.exitCode, 1) << applied.out.toStdString();
    EXPECT_TRUE(applied.err.contains(u"cannot change the type of column \"events\".\"kind\""_s))
        << applied.err.toStdString();
    EXPECT_TRUE(applied.err.contains(u"partition key"_s)) << applied.err.toStdString();
    EXPECT_FALSE(applied.err.contains(u"\"tasks\""_s)) << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT enum_range(NULL::kind)::text"_s), QStringList{u"{a,b,gone}"_s});
    EXPECT_EQ(db.rows(u"SELECT kind::text FROM events UNION ALL SELECT kind::text FROM tasks"_s),
              (QStringList{u"a"_s, u"b"_s}));

    // Without the table keyed on it, the label goes and tasks keeps its row.
    ASSERT_TRUE(QDir(migrations()).removeRecursively());
    db.exec(u"DROP TABLE events"_s);
    const QByteArray tasksOnly(std::strstr(kEvents, "CREATE TABLE tasks"));
    migrate(model("CREATE TYPE kind AS ENUM ('a', 'b');\n" + tasksOnly), true);
    EXPECT_EQ(db.rows(u"SELECT enum_range(NULL::kind)::text"_s), QStringList{u"{a,b}"_s});
    EXPECT_EQ(db.rows(u"SELECT kind::text FROM tasks"_s), QStringList{u"b"_s});
}
