// MariaDB's IGNORED indexes (kept up to date, never chosen by the optimizer; often left so after
// testing whether an index is still needed): read, compared, created as the model has them, and
// flipped in place with ALTER INDEX … [NOT] IGNORED rather than built again.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class MariadbIgnoredIndexes : public OneEngineCliTest<Backend::MariaDB> {
protected:
    /// `table.index|IGNORED` of each index but the primary keys, by name.
    QStringList indexes()
    {
        return db.rows(u"SELECT DISTINCT CONCAT(TABLE_NAME, '.', INDEX_NAME, '|', IGNORED) FROM "
                       "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND "
                       "INDEX_NAME <> 'PRIMARY' AND TABLE_NAME <> 'burrow_migrations' "
                       "ORDER BY 1"_s);
    }
};

TEST_F(MariadbIgnoredIndexes, an_index_left_ignored_is_used_again_without_being_rebuilt)
{
    const QByteArray live = "CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT, c INT, "
                            "KEY ka (a), KEY kb (b) IGNORED, UNIQUE KEY kc (c))";
    db.exec(QString::fromUtf8(live));
    db.exec(u"INSERT INTO t VALUES (1, 2, 3, 4)"_s);
    const QString before = cli.model(live, u"before.sql"_s);
    const QString model = cli.model("CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT, c INT, "
                                    "KEY ka (a) IGNORED, KEY kb (b), UNIQUE KEY kc (c) IGNORED);\n"
                                    "CREATE TABLE n (id INT PRIMARY KEY, a INT, KEY na (a) "
                                    "IGNORED)");
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"options IGNORED → none"_s)) << CliMigrations::shown(differs);

    const QString migration = cli.migrateAndUndo(model, before);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"ALTER INDEX `ka` IGNORED"_s)) << migration.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER INDEX `kb` NOT IGNORED"_s)) << migration.toStdString();
    EXPECT_FALSE(up.contains(u"DROP INDEX `ka`"_s)) << migration.toStdString();
    EXPECT_TRUE(up.contains(u"CREATE INDEX IF NOT EXISTS `na` ON `n` (`a`) IGNORED"_s))
        << migration.toStdString();
    // The down ran last: the live indexes are back as they were.
    EXPECT_EQ(indexes(), (QStringList{u"t.ka|NO"_s, u"t.kb|YES"_s, u"t.kc|NO"_s}));
    EXPECT_EQ(db.rows(u"SELECT id, a, b, c FROM t"_s), QStringList{u"1|2|3|4"_s});
}

TEST_F(MariadbIgnoredIndexes, the_model_state_is_what_the_migration_leaves)
{
    db.exec(u"CREATE TABLE t (id INT PRIMARY KEY, a INT, KEY ka (a))"_s);
    cli.migrate(cli.model("CREATE TABLE t (id INT PRIMARY KEY, a INT, KEY ka (a) IGNORED);\n"
                          "CREATE TABLE n (id INT PRIMARY KEY, c INT, UNIQUE KEY nc (c) "
                          "IGNORED)"));
    EXPECT_EQ(indexes(), (QStringList{u"n.nc|YES"_s, u"t.ka|YES"_s}));
}

} // namespace
