// PostgreSQL's REPLICA IDENTITY (what logical replication sends to find an updated or deleted
// row): read from pg_class and pg_index, compared with the model's, set after the indexes it may
// name, set again when that index or unique constraint is built anew (the new one does not
// carry it), and undone by the down.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresReplicaIdentity : public OneEngineCliTest<Backend::PostgreSQL> {
protected:
    /// `table|relreplident|index flagged as the identity` of each table, by name.
    QStringList identities()
    {
        return db.rows(u"SELECT c.relname || '|' || c.relreplident::text || '|' || "
                       "coalesce((SELECT x.indexrelid::regclass::text FROM pg_index x "
                       "WHERE x.indrelid = c.oid AND x.indisreplident), '') FROM pg_class c "
                       "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND "
                       "c.relname <> 'burrow_migrations' ORDER BY c.relname"_s);
    }
};

TEST_F(PostgresReplicaIdentity, identities_converge_and_the_down_brings_the_old_ones_back)
{
    const QByteArray live =
        "CREATE TABLE a (id int PRIMARY KEY, k int NOT NULL);\n"
        "CREATE UNIQUE INDEX a_k ON a (k);\n"
        "CREATE TABLE b (id int PRIMARY KEY);\n"
        "ALTER TABLE b REPLICA IDENTITY FULL;\n"
        "CREATE TABLE c (id int PRIMARY KEY, k int NOT NULL);\n"
        "CREATE UNIQUE INDEX c_k ON c (k);\n"
        "ALTER TABLE c REPLICA IDENTITY USING INDEX c_k;\n"
        "CREATE TABLE e (id int PRIMARY KEY, k int NOT NULL CONSTRAINT e_k UNIQUE);\n"
        "ALTER TABLE e REPLICA IDENTITY USING INDEX e_k;\n";
    db.exec(QString::fromUtf8(live).trimmed().chopped(1));
    const QString before = cli.model(live, u"before.sql"_s);
    // c's index and e's unique constraint are built anew: the identity must follow them.
    const QString model = cli.model("CREATE TABLE a (id int PRIMARY KEY, k int NOT NULL);\n"
                                    "CREATE UNIQUE INDEX a_k ON a (k);\n"
                                    "ALTER TABLE a REPLICA IDENTITY USING INDEX a_k;\n"
                                    "CREATE TABLE b (id int PRIMARY KEY);\n"
                                    "CREATE TABLE c (id int PRIMARY KEY, k int NOT NULL);\n"
                                    "CREATE UNIQUE INDEX c_k ON c (k) INCLUDE (id);\n"
                                    "ALTER TABLE c REPLICA IDENTITY USING INDEX c_k;\n"
                                    "CREATE TABLE e (id int PRIMARY KEY, k int NOT NULL, "
                                    "CONSTRAINT e_k UNIQUE (k, id));\n"
                                    "ALTER TABLE e REPLICA IDENTITY USING INDEX e_k;\n"
                                    "CREATE TABLE n (id int, v text);\n"
                                    "ALTER TABLE n REPLICA IDENTITY NOTHING;\n");
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    for (const QString &line :
         {u"replica identity DEFAULT → USING INDEX a_k"_s, u"replica identity FULL → DEFAULT"_s})
        EXPECT_TRUE(differs.out.contains(line)) << line.toStdString() << "\n"
                                                << CliMigrations::shown(differs);

    const QString migration = cli.migrate(model);
    EXPECT_EQ(identities(),
              (QStringList{u"a|i|a_k"_s, u"b|d|"_s, u"c|i|c_k"_s, u"e|i|e_k"_s, u"n|n|"_s}))
        << migration.toStdString();

    db.exec(downSection(migration));
    EXPECT_EQ(cli.diff(before).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(identities(), (QStringList{u"a|d|"_s, u"b|f|"_s, u"c|i|c_k"_s, u"e|i|e_k"_s}))
        << migration.toStdString();
}

TEST_F(PostgresReplicaIdentity, an_identity_whose_index_was_dropped_reads_as_nothing)
{
    // PostgreSQL keeps relreplident 'i' but, with the index gone, sends no key at all.
    db.exec(u"CREATE TABLE t (id int PRIMARY KEY, k int NOT NULL);"
            u"CREATE UNIQUE INDEX t_k ON t (k);"
            u"ALTER TABLE t REPLICA IDENTITY USING INDEX t_k;"
            u"DROP INDEX t_k"_s);
    const QString model = cli.model("CREATE TABLE t (id int PRIMARY KEY, k int NOT NULL);\n");
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1);
    EXPECT_TRUE(differs.out.contains(u"replica identity NOTHING → DEFAULT"_s))
        << CliMigrations::shown(differs);
    cli.migrate(model);
    EXPECT_EQ(identities(), QStringList{u"t|d|"_s});
}

} // namespace
