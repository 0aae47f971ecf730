// MariaDB partitioning: read from information_schema.PARTITIONS, compared as the engine
// normalized it, applied with ALTER TABLE … PARTITION BY (ADD or REORGANIZE PARTITION where only
// some partitions change) and REMOVE PARTITIONING, rows kept.
// Models may write it as mysqldump does, in an executable comment (/*!50100 … */).
#include "cli_migrations.h"
#include "dialect/mysql/mysql_lexer.h"
#include "sql/splitter.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kUnpartitioned = "CREATE TABLE visit (id int NOT NULL, day date NOT NULL, "
                                  "PRIMARY KEY (id, day));\n";
const QByteArray kByYear = "CREATE TABLE visit (id int NOT NULL, day date NOT NULL, "
                           "PRIMARY KEY (id, day))\n"
                           "/*!50100 PARTITION BY RANGE (year(day))\n"
                           "(PARTITION p2024 VALUES LESS THAN (2025),\n"
                           " PARTITION pmax VALUES LESS THAN MAXVALUE) */;\n";

class MysqlPartitions : public ::testing::Test {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }
    QStringList partitions()
    {
        return db.rows(u"SELECT PARTITION_NAME FROM information_schema.PARTITIONS WHERE "
                       u"TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'visit' AND PARTITION_NAME "
                       u"IS NOT NULL ORDER BY PARTITION_ORDINAL_POSITION"_s);
    }

    TestDatabase db{Backend::MariaDB};
    TempDir dir;
    CliMigrations cli{db, dir};
};

TEST_F(MysqlPartitions, partitioning_is_added_and_removed_and_the_rows_stay)
{
    db.exec(QString::fromUtf8(kUnpartitioned).trimmed().chopped(1) +
            u";INSERT INTO visit VALUES (1, '2024-05-01'), (2, '2026-01-02')"_s);
    const CliRun differences = cli.diff(cli.model(kByYear));
    EXPECT_EQ(differences.exitCode, 1) << CliMigrations::shown(differences);
    EXPECT_TRUE(differences.out.contains(u"partitioning"_s)) << CliMigrations::shown(differences);

    const QString added = cli.migrate(cli.model(kByYear));
    EXPECT_TRUE(upSection(added).contains(u"PARTITION BY RANGE"_s)) << added.toStdString();
    EXPECT_EQ(partitions(), (QStringList{u"p2024"_s, u"pmax"_s}));

    const QString removed = cli.migrate(cli.model(kUnpartitioned));
    EXPECT_TRUE(upSection(removed).contains(u"REMOVE PARTITIONING"_s)) << removed.toStdString();
    EXPECT_TRUE(downSection(removed).contains(u"PARTITION BY RANGE"_s)) << removed.toStdString();
    EXPECT_TRUE(partitions().isEmpty());
    EXPECT_EQ(db.rows(u"SELECT id FROM visit ORDER BY id"_s), (QStringList{u"1"_s, u"2"_s}));
}

// Adding next year's partition must not copy every row of a large table: REORGANIZE of only
// the partitions whose span is cut up (here the catch-all at the end), ADD PARTITION when
// appended.
TEST_F(MysqlPartitions, a_split_partition_is_reorganized_alone)
{
    db.exec(QString::fromUtf8(kByYear).remove(u"/*!50100 "_s).remove(u" */"_s).chopped(2) +
            u";INSERT INTO visit VALUES (1, '2024-05-01'), (2, '2025-03-01'), (3, '2030-01-01')"_s);
    QByteArray split = kByYear;
    split.replace(" PARTITION pmax", " PARTITION p2025 VALUES LESS THAN (2026),\n PARTITION pmax");
    const QString splitting = cli.migrateAndUndo(cli.model(split), cli.model(kByYear, u"b.sql"_s));
    EXPECT_TRUE(upSection(splitting).contains(
        u"ALTER TABLE `visit` REORGANIZE PARTITION `pmax` INTO\n(PARTITION `p2025`"_s))
        << splitting.toStdString();
    EXPECT_TRUE(downSection(splitting).contains(u"REORGANIZE PARTITION `p2025`, `pmax` INTO"_s))
        << splitting.toStdString();
    EXPECT_EQ(partitions(), (QStringList{u"p2024"_s, u"pmax"_s}));
    EXPECT_EQ(db.rows(u"SELECT id FROM visit ORDER BY id"_s),
              (QStringList{u"1"_s, u"2"_s, u"3"_s}));
}

TEST_F(MysqlPartitions, an_appended_partition_is_added_and_merged_keeping_its_rows)
{
    QByteArray bounded = kByYear;
    bounded.replace("pmax VALUES LESS THAN MAXVALUE", "p2025 VALUES LESS THAN (2026)");
    cli.migrate(cli.model(bounded, u"b.sql"_s));
    QByteArray appended = bounded;
    appended.replace("(2026)", "(2026),\n PARTITION p2026 VALUES LESS THAN (2027)");
    const QString adding = cli.migrate(cli.model(appended));
    EXPECT_TRUE(upSection(adding).contains(
        u"ALTER TABLE `visit` ADD PARTITION (PARTITION `p2026` VALUES LESS THAN (2027))"_s))
        << adding.toStdString();
    EXPECT_EQ(partitions(), (QStringList{u"p2024"_s, u"p2025"_s, u"p2026"_s}));

    // Merging it into the one before moves its rows there: never DROP PARTITION, which
    // deletes them.
    db.exec(u"INSERT INTO visit VALUES (1, '2026-05-01')"_s);
    QByteArray merged = bounded;
    merged.replace("(2026)", "(2027)");
    const QString merging = cli.migrate(cli.model(merged, u"m.sql"_s));
    EXPECT_TRUE(upSection(merging).contains(
        u"REORGANIZE PARTITION `p2025`, `p2026` INTO\n(PARTITION `p2025` VALUES LESS THAN (2027))"_s))
        << merging.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id FROM visit PARTITION (p2025)"_s), QStringList{u"1"_s});
}

TEST_F(MysqlPartitions, hash_and_list_partitions_are_created_and_compared_as_the_engine_spells)
{
    const QByteArray model = "CREATE TABLE visit (id int NOT NULL, region int NOT NULL, "
                             "PRIMARY KEY (id, region)) PARTITION BY LIST (region) "
                             "(PARTITION eu VALUES IN (1,2), PARTITION us VALUES IN (3));\n"
                             "CREATE TABLE session (id int NOT NULL PRIMARY KEY) "
                             "PARTITION BY HASH (id) PARTITIONS 4;\n";
    cli.migrate(cli.model(model));
    EXPECT_EQ(partitions(), (QStringList{u"eu"_s, u"us"_s}));
    EXPECT_EQ(db.rows(u"SELECT COUNT(*) FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = "
                      u"DATABASE() AND TABLE_NAME = 'session'"_s),
              QStringList{u"4"_s});

    const QByteArray morePartitions = QByteArray(model).replace("PARTITIONS 4", "PARTITIONS 8");
    const CliRun differences = cli.diff(cli.model(morePartitions));
    EXPECT_EQ(differences.exitCode, 1) << CliMigrations::shown(differences);
    EXPECT_TRUE(differences.out.contains(u"PARTITIONS 8"_s)) << CliMigrations::shown(differences);
}

TEST(MysqlExecutableComments, stay_in_the_statement_and_are_read_by_the_model_guard)
{
    const auto split = [](const QString &script) {
        Result<QList<sql::Statement>> statements =
            sql::splitStatements(script, u"m.sql"_s, dialect::mysql::lexerOptions());
        QStringList texts;
        if (!statements.ok())
            return texts;
        for (const sql::Statement &s : *statements)
            texts.append(s.text);
        return texts;
    };
    EXPECT_EQ(split(u"CREATE TABLE t (a int) /*!50100 PARTITION BY HASH (a) */;\n"
                    u"/*!40101 SET NAMES utf8 */;\nCREATE TABLE u (a int) /* note */;"_s),
              (QStringList{u"CREATE TABLE t (a int) /*!50100 PARTITION BY HASH (a) */"_s,
                           u"/*!40101 SET NAMES utf8 */"_s, u"CREATE TABLE u (a int)"_s}));
    EXPECT_EQ(dialect::mysql::withExecutableCommentsOpened(u"/*!50000 DROP TABLE app.t */"_s)
                  .simplified(),
              u"DROP TABLE app.t"_s);
}

} // namespace
