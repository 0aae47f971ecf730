// The SQLite model loader: models load into the same Schema as a real database built from the
// same DDL (however the loader chunks them), fast, and every error names its file and line.
#include "dialect/sqlite/sqlite_dialect.h"
#include "dialect/sqlite/sqlite_lexer.h"
#include "dialect/sqlite/sqlite_model_loader_p.h"
#include "diff/describe.h"
#include "diff/differ.h"
#include "qt_printing.h"
#include "test_support.h"

#include <QDir>
#include <QElapsedTimer>

#include <gtest/gtest.h>

#include <numeric>

using namespace burrow;

namespace {

const dialect::sqlite::SqliteDialect &sqliteDialect()
{
    static const dialect::sqlite::SqliteDialect dialect;
    return dialect;
}

/// Reads and loads model files the way `burrow-cli diff` does: reading errors and loading
/// errors both come back as the Error.
Result<schema::Schema> loadModelFiles(const QStringList &paths)
{
    Result<model::ModelScript> script =
        model::readModelFiles(paths, sqliteDialect().lexerOptions());
    if (!script)
        return script.error();
    return sqliteDialect().loadModel(*script);
}

QByteArray tableName(int i)
{
    return "t_" + QByteArray::number(i).rightJustified(4, '0');
}

/// `tables` tables, each with an index, a trigger and a foreign key to a table elsewhere in the
/// script (half of them written `REFERENCES t` without columns), plus views joining tables far
/// apart.
QByteArray largeModel(int tables)
{
    static const QByteArray perTable = R"(CREATE TABLE $t (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  parent_id INTEGER $reference,
  updated INTEGER DEFAULT (0)
);
CREATE INDEX $t_name ON $t (name, parent_id DESC);
CREATE TRIGGER $t_touch AFTER UPDATE OF name ON $t BEGIN
  UPDATE $t SET updated = updated + 1 WHERE id = NEW.id;
END;
)";
    static const QByteArray perView = R"(CREATE VIEW $v AS SELECT a.id, b.name, c.updated
  FROM $a AS a JOIN $b AS b ON b.parent_id = a.id JOIN $c AS c ON c.id = b.id;
)";
    QByteArray sql;
    for (int i = 0; i < tables; ++i) {
        const int target = (i * 7 + 3) % tables == i ? (i + 1) % tables : (i * 7 + 3) % tables;
        QByteArray reference = "REFERENCES " + tableName(target);
        if (i % 2 == 0)
            reference += " (id) ON DELETE CASCADE";
        sql += QByteArray(perTable).replace("$reference", reference).replace("$t", tableName(i));
    }
    for (int v = 0; v < 5; ++v) {
        sql += QByteArray(perView)
                   .replace("$v", QByteArray::number(v).prepend("v_"))
                   .replace("$a", tableName(v * 97 % tables))
                   .replace("$b", tableName((v * 389 + 500) % tables))
                   .replace("$c", tableName((tables - 1 - v * 13) % tables));
    }
    return sql;
}

struct Counts {
    qsizetype tables = 0, views = 0, indexes = 0, triggers = 0, foreignKeys = 0;
    friend bool operator==(const Counts &, const Counts &) = default;
};

Counts countsOf(const schema::Schema &s)
{
    Counts counts{s.tables.size(), s.views.size(), 0, 0, 0};
    for (const schema::Table &t : s.tables) {
        counts.indexes += t.indexes.size();
        counts.triggers += t.triggers.size();
        counts.foreignKeys += t.foreignKeys.size();
    }
    return counts;
}

QString describeChanges(const QList<diff::Change> &changes)
{
    QStringList lines;
    for (const diff::Change &c : changes.mid(0, 10))
        lines.append(diff::kindName(c) + u' ' + c.table + u' ' + c.name + u": " + c.detail);
    return lines.join(u'\n');
}

/// Loads `sql` as a model, timed; fails the test when loading fails.
std::pair<schema::Schema, qint64> loadTimed(const QByteArray &sql)
{
    test::TempDir dir;
    const QString file = dir.write(QStringLiteral("model.sql"), sql);
    QElapsedTimer timer;
    timer.start();
    Result<schema::Schema> model = loadModelFiles({file});
    const qint64 elapsed = timer.elapsed();
    EXPECT_TRUE(model.ok()) << (model ? "" : model.error().toString().toStdString());
    return {model ? *model : schema::Schema{}, elapsed};
}

} // namespace

// --- chunked loading loses nothing, and stays fast ---------------------------------------------

TEST(ModelLoading, large_model_loads_into_the_same_schema_as_one_real_database)
{
    const QByteArray sql = largeModel(1000);
    const schema::Schema live = test::introspectSql("BEGIN;\n" + sql + "COMMIT;\n");
    const auto [model, elapsedMs] = loadTimed(sql);
    RecordProperty("load_ms_1000_tables", int(elapsedMs));
    EXPECT_EQ(countsOf(live), (Counts{1000, 5, 1000, 1000, 1000}));
    EXPECT_EQ(countsOf(model), countsOf(live));
    const QList<diff::Change> changes = diff::diffSchemas(live, model);
    EXPECT_TRUE(changes.isEmpty()) << changes.size() << " differences, first:\n"
                                   << describeChanges(changes).toStdString();
}

TEST(ModelLoading, implicit_references_resolve_across_chunks)
{
    const auto [model, elapsedMs] = loadTimed(largeModel(1000));
    for (const schema::Table &t : model.tables) {
        ASSERT_EQ(t.foreignKeys.size(), 1) << t.name.toStdString();
        EXPECT_EQ(t.foreignKeys[0].referencedColumns, QStringList{QStringLiteral("id")})
            << t.name.toStdString() << " → " << t.foreignKeys[0].referencedTable.toStdString();
    }
}

// SQLite's DDL cost grows with the schema already in the database, so what keeps loading linear is
// that no chunk grows with the model. (Speed itself is measured by ./dev bench, not here.)
TEST(ModelLoading, two_thousand_table_model_is_planned_in_bounded_chunks_covering_every_statement)
{
    const QByteArray sql = largeModel(2000);
    Result<QList<sql::Statement>> statements = sql::splitStatements(
        QString::fromUtf8(sql), QStringLiteral("model.sql"), dialect::sqlite::lexerOptions());
    ASSERT_TRUE(statements.ok());
    const QList<QList<qsizetype>> chunks = dialect::sqlite::planChunks(*statements);
    EXPECT_GT(chunks.size(), 2000 / dialect::sqlite::kStatementsPerChunk);
    QList<qsizetype> seen;
    for (const QList<qsizetype> &chunk : chunks) {
        // A group (a table with its index and trigger, a view with what it reads) may finish
        // past the threshold, never by much.
        EXPECT_LE(chunk.size(), 2 * dialect::sqlite::kStatementsPerChunk);
        EXPECT_TRUE(std::is_sorted(chunk.cbegin(), chunk.cend()));
        seen += chunk;
    }
    std::sort(seen.begin(), seen.end());
    QList<qsizetype> all(statements->size());
    std::iota(all.begin(), all.end(), 0);
    EXPECT_EQ(seen, all) << "every statement belongs to exactly one chunk";
}

TEST(ModelLoading, hostile_names_load_like_a_real_database_across_chunks)
{
    const QByteArray sql =
        "CREATE TABLE \"we\"\"ird; table\" (\"select\" INTEGER PRIMARY KEY, [semi;colon] TEXT);\n" +
        largeModel(200) +
        "CREATE INDEX \"idx; on\" ON \"we\"\"ird; table\" ([semi;colon] DESC);\n"
        "CREATE TABLE \"order\" (\"group\" INTEGER REFERENCES \"WE\"\"IRD; TABLE\");\n"
        "CREATE TRIGGER \"trg; x\" AFTER INSERT ON \"order\" BEGIN\n"
        "  UPDATE `we\"ird; table` SET [semi;colon] = 'x;y' WHERE \"select\" = "
        "NEW.\"group\";\nEND;\n"
        "CREATE VIEW \"view; drop\" AS SELECT o.\"group\" FROM \"order\" AS o\n"
        "  JOIN \"we\"\"ird; table\" AS w ON w.\"select\" = o.\"group\";\n";
    const schema::Schema live = test::introspectSql("BEGIN;\n" + sql + "COMMIT;\n");
    const auto [model, elapsedMs] = loadTimed(sql);
    EXPECT_EQ(countsOf(live), (Counts{202, 6, 201, 201, 201}));
    const QList<diff::Change> changes = diff::diffSchemas(live, model);
    EXPECT_TRUE(changes.isEmpty()) << describeChanges(changes).toStdString();
    const schema::Table *order =
        schema::findTable(model, QStringLiteral("order"), Qt::CaseInsensitive);
    ASSERT_NE(order, nullptr);
    ASSERT_EQ(order->foreignKeys.size(), 1);
    EXPECT_EQ(order->foreignKeys[0].referencedColumns, QStringList{QStringLiteral("select")});
}

TEST(ModelLoading, create_table_as_select_loads_beside_the_table_it_reads)
{
    // Enough tables between the two to put them in different chunks if routed apart.
    const QByteArray sql = "CREATE TABLE source (a INTEGER, b TEXT);\n" + largeModel(200) +
                           "CREATE TABLE copy AS SELECT a, b FROM source;\n";
    const schema::Schema model = test::loadModelSql(sql);
    const schema::Table *copy =
        schema::findTable(model, QStringLiteral("copy"), Qt::CaseInsensitive);
    ASSERT_NE(copy, nullptr);
    ASSERT_EQ(copy->columns.size(), 2);
    EXPECT_EQ(copy->columns[0].name, u"a");
}

TEST(ModelLoading, data_statements_may_read_tables_defined_far_away)
{
    const QByteArray sql = "CREATE TABLE source (a INTEGER);\n" + largeModel(200) +
                           "CREATE TABLE target (a INTEGER);\n"
                           "INSERT INTO target SELECT a FROM source;\n"
                           "UPDATE target SET a = (SELECT max(a) FROM source);\n";
    test::TempDir dir;
    Result<schema::Schema> model = loadModelFiles({dir.write(QStringLiteral("m.sql"), sql)});
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_NE(schema::findTable(*model, QStringLiteral("target"), Qt::CaseInsensitive), nullptr);
}

TEST(ModelLoading, autoincrement_tables_in_many_chunks_yield_one_sequence_table)
{
    QByteArray sql;
    for (int i = 0; i < 400; ++i)
        sql += "CREATE TABLE " + tableName(i) + " (id INTEGER PRIMARY KEY AUTOINCREMENT);\n";
    const schema::Schema live = test::introspectSql("BEGIN;\n" + sql + "COMMIT;\n");
    const schema::Schema model = test::loadModelSql(sql);
    EXPECT_EQ(model.tables.size(), live.tables.size());
    const QList<diff::Change> changes = diff::diffSchemas(live, model);
    EXPECT_TRUE(changes.isEmpty()) << describeChanges(changes).toStdString();
}

// --- errors ------------------------------------------------------------------------------------

TEST(ModelLoading, sql_error_in_second_file_names_that_file_its_line_and_the_engines_message)
{
    test::TempDir dir;
    const QString first =
        dir.write(QStringLiteral("1_first.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY);\n"
                                                 "CREATE INDEX a_id ON a (id);\n");
    const QString second =
        dir.write(QStringLiteral("2_second.sql"), "-- the books\n"
                                                  "CREATE TABLE b (id INTEGER PRIMARY KEY);\n"
                                                  "\n"
                                                  "CREATE TABLE c (\n"
                                                  "  id INTEGER PRIMARY KEY,\n"
                                                  "  PRIMARY KEY (id)\n"
                                                  ");\n");
    Result<schema::Schema> model = loadModelFiles({first, second});
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().code, Error::Code::Model);
    EXPECT_EQ(model.error().file, second);
    EXPECT_EQ(model.error().line, 4);
    EXPECT_TRUE(model.error().message.contains(u"more than one primary key"))
        << model.error().message.toStdString();
    EXPECT_TRUE(model.error().statement.startsWith(u"CREATE TABLE c"));
    EXPECT_TRUE(model.error().toString().contains(u"2_second.sql:4"))
        << model.error().toString().toStdString();
}

TEST(ModelLoading, error_deep_in_a_large_model_reports_its_own_line)
{
    QByteArray sql = largeModel(700);
    const int line = int(sql.count('\n')) + 1;
    sql += "CREATE INDEX broken ON t_0350 (no_such_column);\n" + largeModel(10).replace("t_", "u_");
    test::TempDir dir;
    const QString file = dir.write(QStringLiteral("big.sql"), sql);
    Result<schema::Schema> model = loadModelFiles({file});
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().file, file);
    EXPECT_EQ(model.error().line, line);
    EXPECT_TRUE(model.error().message.contains(u"no_such_column"))
        << model.error().message.toStdString();
}

TEST(ModelLoading, earliest_error_in_script_order_is_reported_when_two_statements_fail)
{
    // `a` is defined first, so its group loads first; its broken index comes last in the script.
    // The other error is earlier in the script but belongs to a group that loads later.
    QByteArray sql = "CREATE TABLE a (id INTEGER PRIMARY KEY);\n" + largeModel(200);
    const int earlyLine = int(sql.count('\n')) + 1;
    sql += "CREATE INDEX early ON nowhere (x);\n" + largeModel(200).replace("t_", "u_") +
           "CREATE INDEX late ON a (missing_column);\n";
    test::TempDir dir;
    const QString file = dir.write(QStringLiteral("m.sql"), sql);
    Result<schema::Schema> model = loadModelFiles({file});
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().line, earlyLine) << model.error().toString().toStdString();
    EXPECT_TRUE(model.error().statement.contains(u"early"));
}

TEST(ModelLoading, earliest_error_across_files_is_the_one_in_the_earlier_file)
{
    test::TempDir dir;
    const QString first =
        dir.write(QStringLiteral("a.sql"), "CREATE TABLE x (id);\n"
                                           "CREATE INDEX bad1 ON nowhere1 (id);\n");
    const QString second =
        dir.write(QStringLiteral("b.sql"), "CREATE INDEX bad2 ON x (missing);\n");
    Result<schema::Schema> model = loadModelFiles({first, second});
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().file, first);
    EXPECT_EQ(model.error().line, 2);
}

TEST(ModelLoading, same_table_defined_in_two_files_is_an_error)
{
    test::TempDir dir;
    const QString first = dir.write(QStringLiteral("a.sql"), "CREATE TABLE book (id INTEGER);\n");
    const QString second =
        dir.write(QStringLiteral("b.sql"), "CREATE TABLE other (id INTEGER);\n"
                                           "CREATE TABLE Book (id INTEGER, title TEXT);\n");
    Result<schema::Schema> model = loadModelFiles({first, second});
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().file, second);
    EXPECT_EQ(model.error().line, 2);
    EXPECT_TRUE(model.error().message.contains(u"already exists"))
        << model.error().message.toStdString();
}

TEST(ModelLoading, index_on_a_table_no_file_defines_is_an_error)
{
    test::TempDir dir;
    const QString first = dir.write(QStringLiteral("a.sql"), "CREATE TABLE book (id INTEGER);\n");
    const QString second =
        dir.write(QStringLiteral("b.sql"), "CREATE INDEX author_id ON author (id);\n");
    Result<schema::Schema> model = loadModelFiles({first, second});
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().file, second);
    EXPECT_EQ(model.error().line, 1);
    EXPECT_TRUE(model.error().message.contains(u"no such table"))
        << model.error().message.toStdString();
}

TEST(ModelLoading, model_of_only_comments_is_an_error)
{
    test::TempDir dir;
    const QString file = dir.write(QStringLiteral("empty.sql"),
                                   "-- nothing here yet\n/* CREATE TABLE a (x); */\n\n");
    Result<schema::Schema> model = loadModelFiles({file});
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().code, Error::Code::Model);
    EXPECT_TRUE(model.error().file.contains(u"empty.sql"));
    EXPECT_TRUE(model.error().message.contains(u"empty")) << model.error().message.toStdString();
}

TEST(ModelLoading, non_utf8_model_file_is_an_error_naming_its_line)
{
    test::TempDir dir;
    const QString good = dir.write(QStringLiteral("a.sql"), "CREATE TABLE a (x);\n");
    const QString bad = dir.write(QStringLiteral("b.sql"), "CREATE TABLE b (x);\n"
                                                           "-- caf\xe9 in Latin-1\n"
                                                           "CREATE TABLE c (x);\n");
    Result<schema::Schema> model = loadModelFiles({good, bad});
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().code, Error::Code::Unreadable);
    EXPECT_EQ(model.error().file, bad);
    EXPECT_EQ(model.error().line, 2);
}

TEST(ModelLoading, missing_model_path_is_an_error_naming_it)
{
    test::TempDir dir;
    const QString missing = dir.path(QStringLiteral("nope.sql"));
    Result<schema::Schema> model = loadModelFiles({missing});
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().code, Error::Code::NotFound);
    EXPECT_EQ(model.error().file, missing);
}

// --- directories -------------------------------------------------------------------------------

TEST(ModelLoading, directory_of_models_is_read_recursively_in_name_order)
{
    test::TempDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("models/b_more/deeper"));
    QDir(dir.path()).mkpath(QStringLiteral("models/a_sub"));
    const QString tables = dir.write(QStringLiteral("models/0_tables.sql"),
                                     "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n");
    const QString index = dir.write(QStringLiteral("models/a_sub/index.sql"),
                                    "CREATE INDEX author_name ON author (name);\n");
    const QString view = dir.write(QStringLiteral("models/b_more/deeper/view.sql"),
                                   "CREATE VIEW author_names AS SELECT name FROM author;\n");
    const QString last = dir.write(QStringLiteral("models/c.sql"),
                                   "CREATE TABLE book (author_id REFERENCES author);\n");
    dir.write(QStringLiteral("models/notes.txt"), "not SQL at all (");
    Result<model::ModelScript> script =
        model::readModelFiles({dir.path(QStringLiteral("models"))}, sqliteDialect().lexerOptions());
    ASSERT_TRUE(script.ok()) << script.error().toString().toStdString();
    EXPECT_EQ(script->files, QStringList({tables, index, view, last}));
    ASSERT_EQ(script->statements.size(), 4);
    EXPECT_EQ(script->statements[1].file, index);
    Result<schema::Schema> model = sqliteDialect().loadModel(*script);
    ASSERT_TRUE(model.ok()) << model.error().toString().toStdString();
    EXPECT_EQ(model->tables.size(), 2);
    EXPECT_EQ(model->views.size(), 1);
}

TEST(ModelLoading, directory_without_sql_files_is_an_error)
{
    test::TempDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("models"));
    dir.write(QStringLiteral("models/readme.txt"), "nothing");
    Result<model::ModelScript> script =
        model::readModelFiles({dir.path(QStringLiteral("models"))}, sqliteDialect().lexerOptions());
    ASSERT_FALSE(script.ok());
    EXPECT_EQ(script.error().file, dir.path(QStringLiteral("models")));
}
