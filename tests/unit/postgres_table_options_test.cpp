// PostgreSQL tables' persistence and storage parameters: an UNLOGGED table (whose rows a crash
// empties) and WITH (fillfactor=…) read from pg_class, compared with the model's, created as
// the model has them, changed in place (SET LOGGED, SET (…), RESET (…)) and undone by the down.
// So are the TOAST table's parameters (toast.…), and an index's access method, INCLUDE columns
// and storage parameters.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresTableOptions : public OneEngineCliTest<Backend::PostgreSQL> {
protected:
    /// `name|persistence|reloptions` of each table, by name.
    QStringList tables()
    {
        return db.rows(u"SELECT relname || '|' || relpersistence::text || '|' || "
                       "coalesce(array_to_string(reloptions, ','), '') FROM pg_class WHERE "
                       "relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> "
                       "'burrow_migrations' ORDER BY relname"_s);
    }
};

TEST_F(PostgresTableOptions, persistence_and_storage_parameters_converge_and_come_back)
{
    const QByteArray live = "CREATE UNLOGGED TABLE cache (id int PRIMARY KEY);\n"
                            "CREATE TABLE orders (id int PRIMARY KEY) WITH (fillfactor = 70, "
                            "autovacuum_enabled = false);\n";
    db.exec(QString::fromUtf8(live).trimmed().chopped(1));
    db.exec(u"INSERT INTO cache VALUES (1); INSERT INTO orders VALUES (2)"_s);
    const QString before = cli.model(live, u"before.sql"_s);
    const QString model = cli.model("CREATE TABLE cache (id int PRIMARY KEY);\n"
                                    "CREATE TABLE orders (id int PRIMARY KEY) "
                                    "WITH (fillfactor = 90);\n");
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"options UNLOGGED → none"_s))
        << CliMigrations::shown(differs);

    const QString migration = cli.migrate(model);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"ALTER TABLE \"cache\" SET LOGGED;"_s)) << migration.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER TABLE \"orders\" SET (fillfactor=90);"_s))
        << migration.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER TABLE \"orders\" RESET (autovacuum_enabled);"_s))
        << migration.toStdString();
    EXPECT_EQ(tables(), (QStringList{u"cache|p|"_s, u"orders|p|fillfactor=90"_s}));

    db.exec(downSection(migration));
    EXPECT_EQ(cli.diff(before).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(tables(),
              (QStringList{u"cache|u|"_s, u"orders|p|autovacuum_enabled=false,fillfactor=70"_s}));
    EXPECT_EQ(db.rows(u"SELECT id FROM cache UNION ALL SELECT id FROM orders"_s),
              (QStringList{u"1"_s, u"2"_s}));
}

TEST_F(PostgresTableOptions, a_new_table_is_created_unlogged_with_its_storage_parameters)
{
    cli.migrate(cli.model("CREATE UNLOGGED TABLE sessions (id int PRIMARY KEY) "
                          "WITH (fillfactor = 50);\n"));
    EXPECT_EQ(tables(), QStringList{u"sessions|u|fillfactor=50"_s});
}

// The TOAST table's parameters (toast.autovacuum_enabled) live on another pg_class row; they
// are the table's own as CREATE and ALTER TABLE write them.
TEST_F(PostgresTableOptions, toast_parameters_are_compared_created_and_reset)
{
    const QString model = cli.model("CREATE TABLE docs (id int PRIMARY KEY, body text) "
                                    "WITH (toast.autovacuum_enabled = false);\n");
    cli.migrate(model);
    const QString toastOptions =
        u"SELECT coalesce(array_to_string(t.reloptions, ','), '') FROM pg_class c JOIN pg_class t "
        "ON t.oid = c.reltoastrelid WHERE c.relname = 'docs'"_s;
    EXPECT_EQ(db.rows(toastOptions), QStringList{u"autovacuum_enabled=false"_s});

    const QString plain =
        cli.model("CREATE TABLE docs (id int PRIMARY KEY, body text);\n", u"plain.sql"_s);
    const CliRun differs = cli.diff(plain);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"toast.autovacuum_enabled=false"_s))
        << CliMigrations::shown(differs);
    const QString migration = cli.migrate(plain);
    EXPECT_EQ(db.rows(toastOptions), QStringList{QString()}) << migration.toStdString();
}

TEST_F(PostgresTableOptions, an_index_method_include_list_or_storage_parameter_change_rebuilds_it)
{
    const QByteArray live = "CREATE TABLE t (id int PRIMARY KEY, v text, n int);\n"
                            "CREATE INDEX t_v ON t USING hash (v);\n"
                            "CREATE INDEX t_n ON t (n) INCLUDE (v);\n"
                            "CREATE INDEX t_id ON t (id) WITH (fillfactor = 70);\n";
    db.exec(QString::fromUtf8(live).trimmed().chopped(1));
    const QString before = cli.model(live, u"before.sql"_s);
    const QString model = cli.model("CREATE TABLE t (id int PRIMARY KEY, v text, n int);\n"
                                    "CREATE INDEX t_v ON t (v);\n"
                                    "CREATE INDEX t_n ON t (n) INCLUDE (v, id);\n"
                                    "CREATE INDEX t_id ON t (id) WITH (fillfactor = 90);\n");
    const CliRun differs = cli.diff(model);
    for (const QString &line : {u"index t_v   options USING hash → USING btree"_s,
                                u"options USING btree INCLUDE (v) → USING btree INCLUDE (v, id)"_s,
                                u"WITH (fillfactor=70) → USING btree WITH (fillfactor=90)"_s})
        EXPECT_TRUE(differs.out.contains(line)) << line.toStdString() << "\n"
                                                << CliMigrations::shown(differs);
    cli.migrateAndUndo(model, before);
    EXPECT_EQ(
        db.rows(u"SELECT indexdef FROM pg_indexes WHERE tablename = 't' AND indexname "
                "<> 't_pkey' ORDER BY indexname"_s),
        (QStringList{u"CREATE INDEX t_id ON public.t USING btree (id) WITH (fillfactor='70')"_s,
                     u"CREATE INDEX t_n ON public.t USING btree (n) INCLUDE (v)"_s,
                     u"CREATE INDEX t_v ON public.t USING hash (v)"_s}));
}

} // namespace
