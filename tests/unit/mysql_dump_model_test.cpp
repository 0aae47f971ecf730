// mariadb-dump's output as a model, as a user makes one from a reference database: the mysql
// client's DELIMITER lines around triggers and routines, and a sequence default qualified with
// the reference database's name.
#include "cli_migrations.h"
#include "dialect/mysql/mysql_lexer.h"
#include "dialect/mysql/mysql_tools.h"
#include "qt_printing.h"
#include "sql/splitter.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using MariadbDumpModel = OneEngineCliTest<Backend::MariaDB>;

constexpr char kReference[] =
    "CREATE SEQUENCE ticket_no START WITH 10;"
    "CREATE TABLE ticket (id INT PRIMARY KEY DEFAULT (NEXT VALUE FOR ticket_no), note TEXT);"
    "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(20));"
    "CREATE TRIGGER ticket_in AFTER INSERT ON ticket FOR EACH ROW "
    "INSERT INTO audit (msg) VALUES ('in');"
    "CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2";

} // namespace

// The dump of a database is its model: no differences with itself; applied to an empty
// database, the migration builds the same schema.
TEST_F(MariadbDumpModel, a_dump_is_a_model_that_matches_its_database_and_builds_it)
{
    TestDatabase reference(Backend::MariaDB);
    reference.exec(QString::fromUtf8(kReference));
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(reference.url());
    ASSERT_TRUE(url.ok());
    const QString dump = dir.path(u"reference.sql"_s);
    const Status dumped = dialect::mysql::dumpDatabase(*url, dump);
    ASSERT_TRUE(dumped.ok()) << dumped.error().toString().toStdString();
    const QString text = QString::fromUtf8(readBytes(dump));
    ASSERT_TRUE(text.contains(u"DELIMITER ;;"_s)) << text.toStdString();

    const CliRun itself = runCli({u"diff"_s, u"--db"_s, reference.url(), u"--model"_s, dump});
    EXPECT_EQ(itself.exitCode, 0) << itself.out.toStdString() << itself.err.toStdString();

    cli.migrate(dump);
    db.exec(u"INSERT INTO ticket (note) VALUES ('a')"_s);
    EXPECT_EQ(db.rows(u"SELECT id FROM ticket"_s), QStringList{u"10"_s});
    EXPECT_EQ(db.rows(u"SELECT msg FROM audit"_s), QStringList{u"in"_s});
    EXPECT_EQ(db.rows(u"SELECT twice(21)"_s), QStringList{u"42"_s});
}

// DELIMITER changes what ends a statement until the next DELIMITER line; semicolons inside
// then split nothing, and the DELIMITER lines are no statements.
TEST(MariadbDumpLines, delimiter_lines_change_what_ends_a_statement)
{
    const Result<QList<sql::Statement>> statements = sql::splitStatements(
        u"CREATE TABLE t (id INT);\n"
        "DELIMITER //\n"
        "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT '//'; END //\n"
        "DELIMITER ;;\n"
        "/*!50003 CREATE*/ /*!50003 TRIGGER g AFTER INSERT ON t FOR EACH ROW SET @x = 1 */;;\n"
        "delimiter ;\n"
        "CREATE TABLE u (id INT);\n"_s,
        u"dump.sql"_s, dialect::mysql::lexerOptions());
    ASSERT_TRUE(statements.ok()) << statements.error().toString().toStdString();
    ASSERT_EQ(statements->size(), 4);
    EXPECT_EQ(statements->at(1).text, u"CREATE PROCEDURE p() BEGIN SELECT 1; SELECT '//'; END"_s);
    EXPECT_EQ(statements->at(1).line, 3);
    EXPECT_EQ(
        statements->at(2).text,
        u"/*!50003 CREATE*/ /*!50003 TRIGGER g AFTER INSERT ON t FOR EACH ROW SET @x = 1 */"_s);
    EXPECT_EQ(statements->at(3).text, u"CREATE TABLE u (id INT)"_s);
}
