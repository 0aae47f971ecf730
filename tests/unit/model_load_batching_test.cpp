// Loading a model on a server in fewer round trips and DDL statements (MariaDB folds a table's
// CREATE INDEX statements into its CREATE TABLE; PostgreSQL sends statements in batches) reads
// back the same schema and still names the failing statement and line.
#include "dialect/mysql/mysql_index_folding.h"
#include "dialect/mysql/mysql_lexer.h"
#include "diff/compare.h"
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QList<dialect::mysql::LoadStep> fold(const QString &script)
{
    Result<QList<sql::Statement>> statements =
        sql::splitStatements(script, u"model.sql"_s, dialect::mysql::lexerOptions());
    EXPECT_TRUE(statements.ok());
    return statements ? dialect::mysql::foldIndexesIntoTables(*statements)
                      : QList<dialect::mysql::LoadStep>{};
}

TEST(MysqlIndexFolding, indexes_right_after_their_table_become_table_elements)
{
    const auto steps = fold(u"CREATE TABLE t (id INT, `a b` INT) ENGINE=InnoDB;\n"
                            "CREATE INDEX ix_a ON t (`a b`);\n"
                            "CREATE UNIQUE INDEX `ux` ON `t` (id, `a b`(3) DESC);\n"
                            "CREATE TABLE u (id INT);\n"_s);
    ASSERT_EQ(steps.size(), 2);
    EXPECT_EQ(steps[0].statement.text,
              u"CREATE TABLE t (id INT, `a b` INT,\n  INDEX ix_a (`a b`),\n"
              "  UNIQUE INDEX `ux` (id, `a b`(3) DESC)\n) ENGINE=InnoDB"_s);
    EXPECT_EQ(steps[0].statement.line, 1);
    ASSERT_EQ(steps[0].originals.size(), 3);
    EXPECT_EQ(steps[0].originals[2].line, 3);
    EXPECT_EQ(steps[1].statement.text, u"CREATE TABLE u (id INT)"_s);
    EXPECT_TRUE(steps[1].originals.isEmpty());
}

TEST(MysqlIndexFolding, anything_but_a_plain_index_on_the_same_table_right_after_stays_apart)
{
    const QStringList unfoldable{
        u"CREATE INDEX ix ON other (id)"_s,            // another table
        u"CREATE INDEX IF NOT EXISTS ix ON t (id)"_s,  // may be a no-op
        u"CREATE INDEX ix ON t (id) ALGORITHM=COPY"_s, // options a table element lacks
        u"CREATE INDEX ix USING HASH ON t (id)"_s,
        u"CREATE FULLTEXT INDEX ix ON t (name)"_s,
        u"CREATE INDEX ix ON db.t (id)"_s,
    };
    for (const QString &index : unfoldable) {
        const auto steps = fold(u"CREATE TABLE t (id INT, name TEXT);\n"_s + index + u";\n");
        EXPECT_EQ(steps.size(), 2) << index.toStdString();
    }
    for (const QString &table : {u"CREATE TABLE IF NOT EXISTS t (id INT)"_s,
                                 u"CREATE TABLE t (id INT) AS SELECT 1 AS id"_s,
                                 u"CREATE TABLE t LIKE other"_s, u"CREATE TABLE db.t (id INT)"_s}) {
        const auto steps = fold(table + u";\nCREATE INDEX ix ON t (id);\n"_s);
        EXPECT_EQ(steps.size(), 2) << table.toStdString();
    }
    const auto apart = fold(u"CREATE TABLE t (id INT);\nALTER TABLE t ADD c INT;\n"
                            "CREATE INDEX ix ON t (c);\n"_s);
    EXPECT_EQ(apart.size(), 3) << "an index after another statement is not moved before it";
}

/// Compares a live database built statement by statement with the same DDL loaded as a model.
Result<diff::Comparison> compareWithItself(TestDatabase &db, TempDir &dir, const QByteArray &sql)
{
    for (const QByteArray &statement : sql.split(';')) {
        if (!statement.trimmed().isEmpty())
            db.exec(QString::fromUtf8(statement));
    }
    diff::CompareRequest request;
    request.database = db.url();
    request.models = {dir.write(u"model.sql"_s, sql)};
    return diff::compareWithModel(request);
}

const QByteArray kIndexedTables = "CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(20));\n"
                                  "CREATE UNIQUE INDEX ux_p_name ON p (name);\n"
                                  "CREATE TABLE c (id INT PRIMARY KEY, p_id INT, q INT,\n"
                                  "  FOREIGN KEY (p_id) REFERENCES p (id));\n"
                                  "CREATE INDEX ix_c_p ON c (p_id);\n"
                                  "CREATE INDEX ix_c_q ON c (q, id DESC);\n"
                                  "CREATE TABLE d (id INT PRIMARY KEY, c_id INT,\n"
                                  "  FOREIGN KEY (c_id) REFERENCES c (id));\n"
                                  "CREATE INDEX ix_d_q ON d (id, c_id);\n";

TEST(MariaDbModelFolding, a_folded_model_reads_back_as_the_same_schema_as_one_built_step_by_step)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    TempDir dir;
    Result<diff::Comparison> compared = compareWithItself(db, dir, kIndexedTables);
    ASSERT_TRUE(compared.ok()) << compared.error().toString().toStdString();
    EXPECT_TRUE(compared->changes.isEmpty()) << compared->changes.size() << " differences";
    const schema::Table *c = schema::findTable(compared->model, u"c"_s, Qt::CaseSensitive);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->indexes.size(), 2);
}

TEST(MariaDbModelFolding, a_failing_folded_index_is_reported_at_its_own_line)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    TempDir dir;
    diff::CompareRequest request;
    request.database = db.url();
    request.models = {dir.write(u"model.sql"_s, "CREATE TABLE a (id INT);\n"
                                                "CREATE INDEX ix_a ON a (id);\n"
                                                "CREATE INDEX ix_missing ON a (missing);\n")};
    Result<diff::Comparison> compared = diff::compareWithModel(request);
    ASSERT_FALSE(compared.ok());
    EXPECT_EQ(compared.error().code, Error::Code::Model);
    EXPECT_EQ(compared.error().line, 3) << compared.error().toString().toStdString();
    EXPECT_TRUE(compared.error().message.contains(u"missing"))
        << compared.error().toString().toStdString();
}

/// More than one batch's worth of statements (64 KiB), each table ending in a line comment. Few
/// tables, long comments: the model's locks share the server's lock table with other tests.
QByteArray manyTables(int count)
{
    const QByteArray padding(200, 'x');
    QByteArray sql;
    for (int i = 0; i < count; ++i)
        sql += "CREATE TABLE t" + QByteArray::number(i) +
               " (id int PRIMARY KEY, name text NOT NULL DEFAULT 'x', note text) -- " + padding +
               "\n;\nCREATE INDEX t" + QByteArray::number(i) + "_name ON t" +
               QByteArray::number(i) + " (name);\n";
    return sql;
}

TEST(PostgresModelBatching, a_model_of_many_batches_reads_back_every_table)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    TempDir dir;
    Result<diff::Comparison> compared = compareWithItself(db, dir, manyTables(300));
    ASSERT_TRUE(compared.ok()) << compared.error().toString().toStdString();
    EXPECT_EQ(compared->model.tables.size(), 300);
    EXPECT_TRUE(compared->changes.isEmpty()) << compared->changes.size() << " differences";
}

TEST(PostgresModelBatching, a_failure_in_a_later_batch_names_its_statement_and_line)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    TempDir dir;
    const QByteArray sql =
        manyTables(300) + "CREATE TABLE broken (\n  id int REFERENCES nowhere\n);\n";
    diff::CompareRequest request;
    request.database = db.url();
    request.models = {dir.write(u"model.sql"_s, sql)};
    Result<diff::Comparison> compared = diff::compareWithModel(request);
    ASSERT_FALSE(compared.ok());
    EXPECT_EQ(compared.error().code, Error::Code::Model);
    EXPECT_EQ(compared.error().line, sql.count('\n') - 2)
        << compared.error().toString().toStdString();
    EXPECT_EQ(compared.error().message, u"relation \"nowhere\" does not exist"_s);
}

} // namespace
