// What PostgreSQL keeps for a column beside its type: a storage other than the type's
// (`SET STORAGE EXTERNAL`), a compression method (`COMPRESSION lz4`), a statistics target
// (`SET STATISTICS 500`) and attribute options (`SET (n_distinct = 12)`). Read from pg_attribute,
// compared, set on new tables and columns, set again after a type change (which takes storage and
// compression back to the defaults), and undone by the down, back to the type's own storage.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresColumnOptions : public OneEngineCliTest<Backend::PostgreSQL> {
protected:
    /// `table.column|storage|compression|statistics` of each user column, by table and column.
    QStringList columns()
    {
        return db.rows(u"SELECT c.relname || '.' || a.attname || '|' || a.attstorage::text || "
                       "'|' || a.attcompression::text || '|' || a.attstattarget FROM pg_attribute "
                       "a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = "
                       "'public'::regnamespace AND c.relkind = 'r' AND c.relname <> "
                       "'burrow_migrations' AND a.attnum > 0 AND NOT a.attisdropped "
                       "ORDER BY c.relname, a.attnum"_s);
    }
};

TEST_F(PostgresColumnOptions, storage_compression_and_statistics_converge_and_come_back)
{
    const QByteArray live = "CREATE TABLE t (id int PRIMARY KEY, a text, b text COMPRESSION lz4, "
                            "c int, d varchar(10));\n"
                            "ALTER TABLE t ALTER COLUMN c SET STATISTICS 300;\n"
                            "ALTER TABLE t ALTER COLUMN d SET STORAGE EXTERNAL;\n";
    db.exec(QString::fromUtf8(live).trimmed().chopped(1));
    db.exec(u"INSERT INTO t VALUES (1, 'x', 'y', 2, 'z')"_s);
    const QString before = cli.model(live, u"before.sql"_s);
    // d changes type as well: the type change alone would take its storage back to EXTENDED.
    const QString model = cli.model(
        "CREATE TABLE t (id int PRIMARY KEY, a text COMPRESSION lz4, b text, c int, d text);\n"
        "ALTER TABLE t ALTER COLUMN a SET STORAGE EXTERNAL;\n"
        "ALTER TABLE t ALTER COLUMN d SET STORAGE EXTERNAL;\n"
        "ALTER TABLE t ALTER COLUMN id SET STATISTICS 1000;\n"
        "CREATE TABLE n (id int, j jsonb COMPRESSION lz4);\n"
        "ALTER TABLE n ALTER COLUMN j SET STORAGE MAIN, ALTER COLUMN id SET STATISTICS 50;\n");
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    for (const QString &line :
         {u"options none → STORAGE EXTERNAL COMPRESSION lz4"_s, u"options COMPRESSION lz4 → none"_s,
          u"options STATISTICS 300 → none"_s})
        EXPECT_TRUE(differs.out.contains(line)) << line.toStdString() << "\n"
                                                << CliMigrations::shown(differs);

    const QString migration = cli.migrate(model);
    EXPECT_EQ(columns(),
              (QStringList{u"n.id|p||50"_s, u"n.j|m|l|-1"_s, u"t.id|p||1000"_s, u"t.a|e|l|-1"_s,
                           u"t.b|x||-1"_s, u"t.c|p||-1"_s, u"t.d|e||-1"_s}))
        << migration.toStdString();

    // The down, applied as a migration of its own (its DO block is one statement).
    dir.write(u"migrations/9999_back.sql"_s,
              "-- migrate:up\n" + downSection(migration).toUtf8() + "\n-- migrate:down\n");
    const CliRun undone = cli.apply();
    EXPECT_EQ(undone.exitCode, 0) << CliMigrations::shown(undone) << migration.toStdString();
    EXPECT_EQ(cli.diff(before).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(columns(), (QStringList{u"t.id|p||-1"_s, u"t.a|x||-1"_s, u"t.b|x|l|-1"_s,
                                      u"t.c|p||300"_s, u"t.d|e||-1"_s}));
    EXPECT_EQ(db.rows(u"SELECT id, a, b, c, d FROM t"_s), QStringList{u"1|x|y|2|z"_s});
}

// Attribute options (ALTER COLUMN … SET (n_distinct = …)), the planner's hints, in pg_attribute.
TEST_F(PostgresColumnOptions, attribute_options_are_set_changed_and_reset)
{
    const QString options = u"SELECT coalesce(array_to_string(attoptions, ','), '') FROM "
                            "pg_attribute WHERE attrelid = 'events'::regclass AND "
                            "attname = 'kind'"_s;
    const QString model = cli.model("CREATE TABLE events (id int PRIMARY KEY, kind text);\n"
                                    "ALTER TABLE events ALTER COLUMN kind SET (n_distinct = 12, "
                                    "n_distinct_inherited = -0.5);\n");
    cli.migrate(model);
    EXPECT_EQ(db.rows(options), QStringList{u"n_distinct=12,n_distinct_inherited=-0.5"_s});

    const QString changed =
        cli.model("CREATE TABLE events (id int PRIMARY KEY, kind text);\n"
                  "ALTER TABLE events ALTER COLUMN kind SET (n_distinct = 40);\n",
                  u"changed.sql"_s);
    const CliRun differs = cli.diff(changed);
    EXPECT_TRUE(differs.out.contains(
        u"options SET (n_distinct=12,n_distinct_inherited=-0.5) → SET (n_distinct=40)"_s))
        << CliMigrations::shown(differs);
    const QString migration = cli.migrate(changed);
    EXPECT_EQ(db.rows(options), QStringList{u"n_distinct=40"_s}) << migration.toStdString();
}

} // namespace
