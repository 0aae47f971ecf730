// PostgreSQL's CLUSTER ON (the index a plain CLUSTER orders the table's rows by, as pg_dump
// keeps it): read from pg_index, compared with the model's, set after the indexes, set again
// when that index is built anew (the new one is not marked), and undone by the down.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresClusterIndex : public OneEngineCliTest<Backend::PostgreSQL> {
protected:
    /// `table|index marked for CLUSTER` of each table, by name.
    QStringList marked()
    {
        return db.rows(u"SELECT c.relname || '|' || coalesce((SELECT x.indexrelid::regclass::text "
                       "FROM pg_index x WHERE x.indrelid = c.oid AND x.indisclustered), '') "
                       "FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND "
                       "c.relkind = 'r' AND c.relname <> 'burrow_migrations' ORDER BY c.relname"_s);
    }
};

TEST_F(PostgresClusterIndex, cluster_indexes_converge_and_the_down_brings_the_old_ones_back)
{
    const QByteArray live = "CREATE TABLE a (id int PRIMARY KEY, k int);\n"
                            "CREATE INDEX a_k ON a (k);\n"
                            "CREATE TABLE b (id int PRIMARY KEY);\n"
                            "ALTER TABLE b CLUSTER ON b_pkey;\n"
                            "CREATE TABLE c (id int PRIMARY KEY, k int);\n"
                            "CREATE INDEX c_k ON c (k);\n"
                            "ALTER TABLE c CLUSTER ON c_k;\n";
    db.exec(QString::fromUtf8(live).trimmed().chopped(1));
    const QString before = cli.model(live, u"before.sql"_s);
    // c's index is built anew (INCLUDE): the mark must follow it. n is a new table.
    const QString model = cli.model("CREATE TABLE a (id int PRIMARY KEY, k int);\n"
                                    "CREATE INDEX a_k ON a (k);\n"
                                    "ALTER TABLE a CLUSTER ON a_k;\n"
                                    "CREATE TABLE b (id int PRIMARY KEY);\n"
                                    "CREATE TABLE c (id int PRIMARY KEY, k int);\n"
                                    "CREATE INDEX c_k ON c (k) INCLUDE (id);\n"
                                    "ALTER TABLE c CLUSTER ON c_k;\n"
                                    "CREATE TABLE n (id int PRIMARY KEY);\n"
                                    "ALTER TABLE n CLUSTER ON n_pkey;\n");
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    for (const QString &line : {u"cluster on none → a_k"_s, u"cluster on b_pkey → none"_s})
        EXPECT_TRUE(differs.out.contains(line)) << line.toStdString() << "\n"
                                                << CliMigrations::shown(differs);

    const QString migration = cli.migrate(model);
    EXPECT_EQ(marked(), (QStringList{u"a|a_k"_s, u"b|"_s, u"c|c_k"_s, u"n|n_pkey"_s}))
        << migration.toStdString();
    EXPECT_TRUE(upSection(migration).contains(u"ALTER TABLE \"b\" SET WITHOUT CLUSTER"_s))
        << migration.toStdString();

    db.exec(downSection(migration));
    EXPECT_EQ(cli.diff(before).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(marked(), (QStringList{u"a|"_s, u"b|b_pkey"_s, u"c|c_k"_s}));
}

} // namespace
