// Loading model DDL on the MariaDB server: a scratch database that never outlives the load.
#include "dialect/dialect.h"
#include "server_support.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QUrl>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kScratchPattern = u"burrow\\_model\\_%"_s;

class MysqlModel : public ::testing::Test {
protected:
    Result<schema::Schema> load(const QByteArray &sql)
    {
        Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
        EXPECT_TRUE(url.ok());
        Result<std::unique_ptr<dialect::Dialect>> d = dialect::dialectFor(*url);
        EXPECT_TRUE(d.ok());
        Result<model::ModelScript> script =
            model::readModelFiles({dir.write(u"model.sql"_s, sql)}, (*d)->lexerOptions());
        EXPECT_TRUE(script.ok()) << script.error().toString().toStdString();
        return (*d)->loadModel(*script);
    }
    QStringList scratchDatabases() { return databasesLike(db, kScratchPattern); }

    TestDatabase db{Backend::MariaDB};
    TempDir dir;
};

TEST_F(MysqlModel, loads_the_model_through_the_server_and_drops_the_scratch_database)
{
    BURROW_REQUIRE_BACKEND(db);
    const QStringList before = scratchDatabases();
    Result<schema::Schema> model =
        load("CREATE TABLE child (id INT PRIMARY KEY, parent_id INT,\n"
             "  FOREIGN KEY (parent_id) REFERENCES parent (id));\n" // defined later: allowed
             "CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(10) UNIQUE);\n"
             "CREATE VIEW names AS SELECT name FROM parent;\n");
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    ASSERT_EQ(model->tables.size(), 2);
    ASSERT_EQ(model->views.size(), 1);
    const schema::Table *child = schema::findTable(*model, u"child"_s, Qt::CaseSensitive);
    ASSERT_NE(child, nullptr);
    ASSERT_EQ(child->foreignKeys.size(), 1);
    EXPECT_EQ(child->foreignKeys[0].name, u"") << "the server's made-up name is cleared";
    const schema::Table *parent = schema::findTable(*model, u"parent"_s, Qt::CaseSensitive);
    ASSERT_NE(parent, nullptr);
    ASSERT_EQ(parent->uniques.size(), 1);
    EXPECT_EQ(parent->uniques[0].name, u"");
    EXPECT_FALSE(model->views[0].definition.text.contains(u"burrow_model_"))
        << model->views[0].definition.text.toStdString();
    EXPECT_EQ(leftoverDatabases(db, kScratchPattern, before), QStringList{});
}

TEST_F(MysqlModel, a_failing_statement_names_file_and_line_and_leaves_no_scratch_database)
{
    BURROW_REQUIRE_BACKEND(db);
    const QStringList before = scratchDatabases();
    Result<schema::Schema> model = load("CREATE TABLE a (id INT);\n"
                                        "\n"
                                        "CREATE TABLE b (id INT,\n"
                                        "  broken NOT_A_TYPE);\n");
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().code, Error::Code::Model);
    EXPECT_TRUE(model.error().file.endsWith(u"model.sql")) << model.error().file.toStdString();
    EXPECT_EQ(model.error().line, 3);
    EXPECT_TRUE(model.error().message.contains(u"NOT_A_TYPE"))
        << model.error().message.toStdString();
    EXPECT_EQ(leftoverDatabases(db, kScratchPattern, before), QStringList{});
}

// A syntax error names the line the server points at, not the statement's first.
TEST_F(MysqlModel, a_syntax_error_names_the_line_in_the_statement)
{
    BURROW_REQUIRE_BACKEND(db);
    Result<schema::Schema> model = load("CREATE TABLE a (id INT);\n"
                                        "CREATE TABLE b (id INT,\n"
                                        "  name VARCHAR(10),\n"
                                        "  rank INT DEFUALT 1);\n");
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().code, Error::Code::Model);
    EXPECT_EQ(model.error().line, 4) << model.error().toString().toStdString();
}

TEST_F(MysqlModel, a_model_may_not_leave_its_scratch_database)
{
    BURROW_REQUIRE_BACKEND(db);
    Result<schema::Schema> model = load("CREATE TABLE a (id INT);\nUSE mysql;\n"
                                        "CREATE TABLE user_copy (id INT);\n");
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().line, 2);
    EXPECT_TRUE(model.error().message.contains(u"databases"))
        << model.error().message.toStdString();
}

// DDL commits at once on MariaDB: a model statement writing to `live.table` would change the
// live database for real (a schema dump's DROP TABLE IF EXISTS would drop its rows).
TEST_F(MysqlModel, a_model_writing_to_a_named_database_is_refused_before_anything_runs)
{
    BURROW_REQUIRE_BACKEND(db);
    db.execEach(
        {u"CREATE TABLE author (id INT PRIMARY KEY)"_s, u"INSERT INTO author VALUES (1)"_s});
    const QByteArray live = '`' + db.name().toUtf8() + '`';
    for (const QByteArray &statement : QList<QByteArray>{
             "DROP TABLE IF EXISTS " + live + ".author", "CREATE TABLE " + live + ".extra (id INT)",
             "INSERT INTO " + live + ".author VALUES (2)",
             "ALTER TABLE " + live + ".author ADD x INT",
             "RENAME TABLE author TO " + live + ".writer",
             "CREATE INDEX ix ON " + live + ".author (id)",
             "/*!50000 DROP TABLE " + live + ".author */"}) {
        Result<schema::Schema> model =
            load("CREATE TABLE author (id INT PRIMARY KEY);\n" + statement + ";\n");
        ASSERT_FALSE(model.ok()) << statement.toStdString();
        EXPECT_EQ(model.error().line, 2) << statement.toStdString();
        EXPECT_TRUE(model.error().message.contains(u"may not name the database"))
            << model.error().message.toStdString();
    }
    EXPECT_EQ(db.columnNames(), QStringList{u"author.id"_s});
    EXPECT_EQ(db.rows(u"SELECT id FROM author"_s), QStringList{u"1"_s});
}

// What the whole server shares (settings, users, grants, plugins, files on its host), and code
// that runs at once, would take effect for real from a plain diff: refused before anything runs.
TEST_F(MysqlModel, a_model_reaching_the_whole_server_or_running_code_is_refused)
{
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE author (id INT PRIMARY KEY)"_s);
    const QString before = db.rows(u"SELECT @@global.max_connections"_s).value(0);
    const QByteArray live = '`' + db.name().toUtf8() + '`';
    for (const QByteArray &statement : QList<QByteArray>{
             "SET GLOBAL max_connections = 7",
             "SET @@global.max_connections = 7",
             "SET sql_mode = '', GLOBAL max_connections = 7",
             "/*!40101 SET GLOBAL max_connections = 7 */",
             "CREATE USER burrow_guard_user",
             "DROP USER IF EXISTS burrow_guard_user",
             "GRANT ALL ON *.* TO burrow_guard_user",
             "SET PASSWORD FOR burrow_guard_user = PASSWORD('x')",
             "FLUSH PRIVILEGES",
             "INSTALL SONAME 'ha_blackhole'",
             "CREATE FUNCTION burrow_udf RETURNS STRING SONAME 'x.so'",
             "SELECT 1 INTO OUTFILE '/tmp/burrow_guard_out'",
             "PREPARE s FROM 'DROP TABLE " + live + ".author'",
             "EXECUTE IMMEDIATE 'DROP TABLE " + live + ".author'",
             "BEGIN NOT ATOMIC DROP TABLE " + live + ".author; END",
             "CALL mysql.p()",
             "IF 1 THEN DROP TABLE " + live + ".author; END IF",
             "SET STATEMENT max_statement_time = 60 FOR DROP TABLE " + live + ".author",
             "SET STATEMENT max_statement_time = 60 FOR SET GLOBAL max_connections = 7",
             "ANALYZE DELETE FROM " + live + ".author",
             "EXPLAIN ANALYZE UPDATE " + live + ".author SET id = 2"}) {
        Result<schema::Schema> model =
            load("CREATE TABLE author (id INT PRIMARY KEY);\n" + statement + ";\n");
        ASSERT_FALSE(model.ok()) << statement.toStdString();
        EXPECT_EQ(model.error().line, 2) << statement.toStdString();
        EXPECT_TRUE(model.error().message.contains(u"whole server") ||
                    model.error().message.contains(u"may not run code") ||
                    model.error().message.contains(u"may not name the database"))
            << statement.toStdString() << ": " << model.error().message.toStdString();
    }
    EXPECT_EQ(db.rows(u"SELECT @@global.max_connections"_s).value(0), before);
    EXPECT_EQ(db.rows(u"SELECT COUNT(*) FROM mysql.user WHERE user = 'burrow_guard_user'"_s),
              QStringList{u"0"_s});
    EXPECT_EQ(db.columnNames(), QStringList{u"author.id"_s});

    // What only a session sees stays allowed, as dumps write it; names like `user` and `role`.
    Result<schema::Schema> allowed =
        load("SET NAMES utf8mb4;\nSET sql_mode = 'ANSI_QUOTES', foreign_key_checks = 0;\n"
             "SET @global_count = 1;\nCREATE TABLE user (role INT, soname INT);\n"
             "CREATE TABLE role (id INT);\n");
    ASSERT_TRUE(allowed.ok()) << allowed.error().toString().toStdString();
    EXPECT_EQ(allowed->tables.size(), 2);
}

// A trigger or routine may name another database in its body, which loading does not run;
// rows the model inserts would run it, and write there for real: refused then.
TEST_F(MysqlModel, a_program_writing_elsewhere_is_refused_only_when_the_model_changes_rows)
{
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE audit (id INT)"_s);
    const QByteArray trigger = "CREATE TRIGGER t_audit AFTER INSERT ON t FOR EACH ROW\n"
                               "  INSERT INTO `" +
                               db.name().toUtf8() + "`.audit VALUES (NEW.id);\n";
    const QByteArray table = "CREATE TABLE t (id INT PRIMARY KEY);\n";
    Result<schema::Schema> seeded = load(table + trigger + "INSERT INTO t VALUES (1);\n");
    ASSERT_FALSE(seeded.ok());
    EXPECT_EQ(seeded.error().line, 2);
    EXPECT_TRUE(seeded.error().message.contains(u"writes to another database"))
        << seeded.error().message.toStdString();
    EXPECT_EQ(db.rows(u"SELECT COUNT(*) FROM audit"_s), QStringList{u"0"_s});

    Result<schema::Schema> schemaOnly = load(table + trigger);
    ASSERT_TRUE(schemaOnly.ok()) << schemaOnly.error().toString().toStdString();
    ASSERT_EQ(schemaOnly->tables.size(), 1);
    EXPECT_EQ(schemaOnly->tables.first().triggers.size(), 1);
}

TEST_F(MysqlModel, names_a_model_only_reads_may_name_their_database)
{
    BURROW_REQUIRE_BACKEND(db);
    Result<schema::Schema> model =
        load("CREATE TABLE author (id INT PRIMARY KEY, n INT, CHECK (author.n > 0));\n"
             "CREATE TABLE book (id INT, author_id INT, FOREIGN KEY (author_id) REFERENCES author "
             "(id));\n"
             "CREATE VIEW pairs AS SELECT a.id, b.id AS book FROM author a JOIN book b ON "
             "b.author_id = a.id;\n"
             "CREATE TRIGGER touch BEFORE INSERT ON book FOR EACH ROW SET NEW.id = NEW.id + 0;\n");
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_EQ(model->views.size(), 1);
}

TEST_F(MysqlModel, a_user_without_create_privilege_is_told_which_grant_is_missing)
{
    BURROW_REQUIRE_BACKEND(db);
    const QString user = u"burrow_limited_"_s + QString::number(QCoreApplication::applicationPid());
    const QString password = u"Limited-Pw-1"_s;
    db.exec(u"CREATE USER '%1'@'%' IDENTIFIED BY '%2';"
            "GRANT SELECT ON `%3`.* TO '%1'@'%'"_s.arg(user, password, db.name()));
    QUrl url(db.url());
    url.setUserName(user);
    url.setPassword(password);
    const CliRun run = runCli({u"diff"_s, u"--db"_s, url.toString(), u"--model"_s,
                               dir.write(u"m.sql"_s, "CREATE TABLE t (id INT);\n")});
    db.exec(u"DROP USER '%1'@'%'"_s.arg(user));
    EXPECT_EQ(run.exitCode, 2) << run.out.toStdString() << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"lacks the CREATE privilege")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"GRANT CREATE, DROP ON `burrow\\_model\\_%`.*"))
        << run.err.toStdString();
    EXPECT_FALSE(run.err.contains(password));
}

/// `count` tables t1…tN, one line each; each references the next (defined later) and has an
/// index folded into it. `broken` lists the tables whose column type does not exist.
QByteArray tablesReferencingLaterOnes(int count, const QList<int> &broken = {})
{
    QByteArray sql;
    for (int i = 1; i <= count; ++i) {
        const QByteArray n = QByteArray::number(i);
        sql += "CREATE TABLE t" + n + " (id INT PRIMARY KEY, next_id INT, c " +
               (broken.contains(i) ? "NOT_A_TYPE" : "INT") +
               ", FOREIGN KEY (next_id) REFERENCES t" + QByteArray::number(i % count + 1) +
               " (id));\n";
        sql += "CREATE INDEX ix" + n + " ON t" + n + " (c);\n";
    }
    return sql;
}

// Many tables are created over several connections at once; the model reads back the same,
// and views and triggers come after all the tables.
TEST_F(MysqlModel, many_tables_load_whole_with_their_foreign_keys_and_later_views)
{
    BURROW_REQUIRE_BACKEND(db);
    const QStringList before = scratchDatabases();
    Result<schema::Schema> model = load(tablesReferencingLaterOnes(60) +
                                        "CREATE VIEW v AS SELECT id FROM t60;\n"
                                        "CREATE TRIGGER t1_touch BEFORE INSERT ON t1 FOR EACH ROW "
                                        "SET NEW.c = 1;\n");
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    ASSERT_EQ(model->tables.size(), 60);
    for (const schema::Table &table : model->tables) {
        ASSERT_EQ(table.foreignKeys.size(), 1) << table.name.toStdString();
        const int n = table.name.mid(1).toInt();
        EXPECT_EQ(table.foreignKeys[0].referencedTable, u"t"_s + QString::number(n % 60 + 1));
        QStringList indexes;
        for (const schema::Index &index : table.indexes)
            indexes.append(index.name);
        EXPECT_TRUE(indexes.contains(u"ix"_s + QString::number(n))) << table.name.toStdString();
    }
    EXPECT_EQ(model->views.size(), 1);
    const schema::Table *first = schema::findTable(*model, u"t1"_s, Qt::CaseSensitive);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->triggers.size(), 1);
    EXPECT_EQ(leftoverDatabases(db, kScratchPattern, before), QStringList{});
}

// However the tables are shared out among connections, the error is the one a load statement
// by statement meets first.
TEST_F(MysqlModel, of_several_failing_tables_the_first_in_the_model_is_reported)
{
    BURROW_REQUIRE_BACKEND(db);
    const QStringList before = scratchDatabases();
    Result<schema::Schema> model = load(tablesReferencingLaterOnes(40, {23, 26, 37}));
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().line, 45) << model.error().toString().toStdString();
    EXPECT_TRUE(model.error().message.contains(u"NOT_A_TYPE"))
        << model.error().message.toStdString();
    EXPECT_EQ(leftoverDatabases(db, kScratchPattern, before), QStringList{});
}

TEST_F(MysqlModel, a_table_created_twice_fails_at_its_second_statement)
{
    BURROW_REQUIRE_BACKEND(db);
    Result<schema::Schema> model = load(tablesReferencingLaterOnes(20) +
                                        "CREATE TABLE t3 (id INT);\nCREATE TABLE z (id INT);\n");
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().line, 41) << model.error().toString().toStdString();
    EXPECT_TRUE(model.error().message.contains(u"t3")) << model.error().message.toStdString();
}

} // namespace
