// CREATE TABLE / CREATE INDEX rendered from schema values: what SQLite reads back from the
// rendered SQL must be the schema it was rendered from.
#include "dialect/sqlite/sqlite_table_sql.h"
#include "diff/differ.h"
#include "diff/ignore_rules.h"
#include "diff/report.h"
#include "qt_printing.h"
#include "schema_builders.h"
#include "test_support.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::schema;
using burrow::dialect::sqlite::createIndexSql;
using burrow::dialect::sqlite::createTableSql;
using burrow::dialect::sqlite::defaultClause;
using burrow::dialect::sqlite::quoteIdentifier;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

// SQLite's own tables cannot be created; they come back by themselves or not at all.
Schema withoutInternalTables(Schema schema)
{
    return diff::IgnoreRules({QStringLiteral("sqlite_*")}, Qt::CaseInsensitive)
        .apply(std::move(schema));
}

// Tables and indexes rendered by Burrow, views and triggers as SQLite stored them.
QString renderedSql(const Schema &schema)
{
    QStringList statements;
    for (const Table &table : schema.tables)
        statements.append(createTableSql(table));
    for (const Table &table : schema.tables) {
        for (const Index &index : table.indexes)
            statements.append(createIndexSql(table.name, index));
    }
    for (const View &view : schema.views)
        statements.append(view.definition.text);
    for (const Table &table : schema.tables) {
        for (const Trigger &trigger : table.triggers)
            statements.append(trigger.definition.text);
    }
    return statements.join(u"\n;\n") + u"\n;\n";
}

struct RoundTrip {
    Schema original;
    QString sql;
    Schema result;
    QList<diff::Change> changes;
};

RoundTrip roundTrip(const QByteArray &sql)
{
    RoundTrip trip;
    trip.original = withoutInternalTables(test::introspectSql(sql));
    trip.sql = renderedSql(trip.original);
    trip.result = withoutInternalTables(test::introspectSql(trip.sql.toUtf8()));
    trip.changes = diff::diffSchemas(trip.original, trip.result);
    return trip;
}

void expectSameSchema(const RoundTrip &trip, const QString &label)
{
    EXPECT_TRUE(trip.changes.isEmpty())
        << str(label) << ": the rendered SQL reads back differently\n"
        << str(diff::formatText(trip.changes)) << "\nrendered:\n"
        << str(trip.sql);
}

const Table &onlyTable(const Schema &schema)
{
    static const Table missing;
    EXPECT_EQ(schema.tables.size(), 1);
    return schema.tables.isEmpty() ? missing : schema.tables.first();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList goldenCases()
{
    return QDir(test::testDataPath(QStringLiteral("diff")))
        .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

class SqliteTableSqlRoundTrip : public ::testing::TestWithParam<QString> {};

TEST_P(SqliteTableSqlRoundTrip, rendered_live_and_model_schemas_read_back_unchanged)
{
    const QString caseDir = test::testDataPath(u"diff/" + GetParam());
    for (const QString &file : {QStringLiteral("live.sql"), QStringLiteral("model.sql")}) {
        const RoundTrip trip = roundTrip(readFile(caseDir + u'/' + file));
        expectSameSchema(trip, GetParam() + u'/' + file);
    }
}

INSTANTIATE_TEST_SUITE_P(SqliteTableSql, SqliteTableSqlRoundTrip,
                         ::testing::ValuesIn(goldenCases()),
                         [](const auto &param) { return param.param.toStdString(); });

TEST(SqliteTableSql, golden_cases_are_found)
{
    EXPECT_GE(goldenCases().size(), 40);
}

TEST(SqliteTableSql, quote_identifier_doubles_inner_quotes)
{
    EXPECT_EQ(quoteIdentifier(QStringLiteral("plain")), QStringLiteral("\"plain\""));
    EXPECT_EQ(quoteIdentifier(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
}

TEST(SqliteTableSql, output_has_one_column_or_constraint_per_line)
{
    Table t = test::table("book", {test::column("id"), test::column("title", "TEXT")});
    t.columns[1].notNull = true;
    t.primaryKey = PrimaryKey{{}, {QStringLiteral("id")}};
    t.uniques.append(UniqueConstraint{QStringLiteral("title_once"), {QStringLiteral("title")}});
    EXPECT_EQ(createTableSql(t), QStringLiteral("CREATE TABLE \"book\" (\n"
                                                "  \"id\" INTEGER,\n"
                                                "  \"title\" TEXT NOT NULL,\n"
                                                "  PRIMARY KEY (\"id\"),\n"
                                                "  CONSTRAINT \"title_once\" UNIQUE (\"title\")\n"
                                                ")"));
}

TEST(SqliteTableSql, unnamed_unique_gets_a_name_both_orms_can_read)
{
    Table t = test::table("member", {test::column("email", "VARCHAR(200)"),
                                     test::column("team", "TEXT"), test::column("nick", "TEXT")});
    t.uniques.append(UniqueConstraint{{}, {QStringLiteral("email")}});
    t.uniques.append(UniqueConstraint{{}, {QStringLiteral("team"), QStringLiteral("nick")}});
    EXPECT_EQ(createTableSql(t),
              QStringLiteral("CREATE TABLE \"member\" (\n"
                             "  \"email\" VARCHAR(200),\n"
                             "  \"team\" TEXT,\n"
                             "  \"nick\" TEXT,\n"
                             "  CONSTRAINT \"member_email_key\" UNIQUE (\"email\"),\n"
                             "  CONSTRAINT \"member_team_nick_key\" UNIQUE (\"team\", \"nick\")\n"
                             ")"));
}

TEST(SqliteTableSql, given_name_replaces_the_table_name)
{
    const Table t = test::table("book");
    EXPECT_TRUE(createTableSql(t, QStringLiteral("_burrow_new_book"))
                    .startsWith(u"CREATE TABLE \"_burrow_new_book\" ("));
}

TEST(SqliteTableSql, hostile_names_survive_a_round_trip)
{
    const RoundTrip trip = roundTrip(R"sql(
        CREATE TABLE "order line; -- x" (
            "item id" INTEGER PRIMARY KEY,
            "say ""hi""" TEXT CONSTRAINT "chk; --" CHECK ("say ""hi""" <> '--'),
            "select" TEXT UNIQUE,
            "a;b" INTEGER REFERENCES "order line; -- x" ("item id")
        );
        CREATE INDEX "idx ""q""; DROP TABLE x; --" ON "order line; -- x" ("select" DESC, "a;b");
    )sql");
    expectSameSchema(trip, QStringLiteral("hostile names"));
    const Table &t = onlyTable(trip.result);
    EXPECT_EQ(t.name, QStringLiteral("order line; -- x"));
    ASSERT_EQ(t.columns.size(), 4);
    EXPECT_EQ(t.columns[1].name, QStringLiteral("say \"hi\""));
    EXPECT_EQ(t.columns[2].name, QStringLiteral("select"));
    ASSERT_EQ(t.checks.size(), 1);
    EXPECT_EQ(t.checks[0].name, QStringLiteral("chk; --"));
    ASSERT_EQ(t.indexes.size(), 1);
    EXPECT_EQ(t.indexes[0].name, QStringLiteral("idx \"q\"; DROP TABLE x; --"));
}

TEST(SqliteTableSql, autoincrement_key_is_written_inline)
{
    const RoundTrip trip =
        roundTrip("CREATE TABLE counter (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT);");
    const QString sql = createTableSql(onlyTable(trip.original));
    EXPECT_TRUE(sql.contains(u"\"id\" INTEGER PRIMARY KEY AUTOINCREMENT,")) << str(sql);
    EXPECT_FALSE(sql.contains(u"PRIMARY KEY (")) << str(sql);
    expectSameSchema(trip, QStringLiteral("autoincrement"));
    EXPECT_TRUE(onlyTable(trip.result).columns.value(0).autoIncrement);
}

TEST(SqliteTableSql, named_autoincrement_key_keeps_its_name)
{
    const RoundTrip trip = roundTrip(
        "CREATE TABLE counter (id INTEGER CONSTRAINT counter_pk PRIMARY KEY AUTOINCREMENT);");
    expectSameSchema(trip, QStringLiteral("named autoincrement"));
    const Table &t = onlyTable(trip.result);
    ASSERT_TRUE(t.primaryKey.has_value());
    EXPECT_EQ(t.primaryKey->name, QStringLiteral("counter_pk"));
}

struct DefaultCase {
    const char *stored; // as pragma_table_xinfo reports it
    const char *written;
};

class SqliteTableSqlDefault : public ::testing::TestWithParam<DefaultCase> {};

TEST_P(SqliteTableSqlDefault, literals_stay_bare_and_expressions_are_wrapped)
{
    EXPECT_EQ(str(defaultClause(test::expr(GetParam().stored))), GetParam().written);
}

INSTANTIATE_TEST_SUITE_P(
    SqliteTableSql, SqliteTableSqlDefault,
    ::testing::Values(
        DefaultCase{"datetime('now')", "(datetime('now'))"}, DefaultCase{"1 + 2", "(1 + 2)"},
        DefaultCase{"(1 + 2)", "((1 + 2))"}, DefaultCase{"-x", "(-x)"}, DefaultCase{"0", "0"},
        DefaultCase{"-1", "-1"}, DefaultCase{"+2.5", "+2.5"}, DefaultCase{"- 1", "- 1"},
        DefaultCase{"0x1F", "0x1F"}, DefaultCase{"1e-3", "1e-3"},
        DefaultCase{"'it''s (x)'", "'it''s (x)'"}, DefaultCase{"X'00FF'", "X'00FF'"},
        DefaultCase{"NULL", "NULL"}, DefaultCase{"TRUE", "TRUE"}, DefaultCase{"false", "false"},
        DefaultCase{"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
        DefaultCase{"current_date", "current_date"}, DefaultCase{"CURRENT_TIME", "CURRENT_TIME"},
        // SQLite reads a bare name after DEFAULT as a string, and rejects it in
        // parentheses ("not constant").
        DefaultCase{"abc", "abc"}, DefaultCase{"\"abc\"", "\"abc\""},
        DefaultCase{"1 -- one", "1 -- one\n"}, DefaultCase{"2 * 3 -- six", "(2 * 3 -- six\n)"}));

TEST(SqliteTableSql, defaults_round_trip_through_sqlite)
{
    const RoundTrip trip = roundTrip(R"sql(
        CREATE TABLE d (
            a TEXT DEFAULT (datetime('now')), b INTEGER DEFAULT -1, c REAL DEFAULT +2.5,
            e TEXT DEFAULT 'x''y', f BLOB DEFAULT X'00', g DEFAULT NULL, h DEFAULT TRUE,
            i DEFAULT CURRENT_TIMESTAMP, j DEFAULT (1 + 2), k DEFAULT ((3)), l DEFAULT abc,
            m DEFAULT "quoted", n DEFAULT (0 -- zero
            ), o DEFAULT 0x10
        );
    )sql");
    expectSameSchema(trip, QStringLiteral("defaults"));
}

TEST(SqliteTableSql, without_rowid_and_strict_are_written_after_the_columns)
{
    const RoundTrip trip =
        roundTrip("CREATE TABLE kv (k TEXT PRIMARY KEY, v ANY) STRICT, WITHOUT ROWID;");
    EXPECT_TRUE(createTableSql(onlyTable(trip.original)).endsWith(u"\n) WITHOUT ROWID, STRICT"));
    expectSameSchema(trip, QStringLiteral("options"));
    EXPECT_TRUE(onlyTable(trip.result).withoutRowid);
    EXPECT_TRUE(onlyTable(trip.result).strict);
}

TEST(SqliteTableSql, named_constraints_keep_their_names)
{
    const RoundTrip trip = roundTrip(R"sql(
        CREATE TABLE parent (id INTEGER PRIMARY KEY);
        CREATE TABLE child (
            a INTEGER, b INTEGER, c TEXT,
            d INTEGER CONSTRAINT child_parent REFERENCES parent ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
            CONSTRAINT child_pk PRIMARY KEY (b, a),
            CONSTRAINT c_once UNIQUE (c),
            CONSTRAINT c_short CHECK (length(c) < 10)
        );
    )sql");
    expectSameSchema(trip, QStringLiteral("named constraints"));
    const Table *child = findTable(trip.result, QStringLiteral("child"), Qt::CaseInsensitive);
    ASSERT_NE(child, nullptr);
    ASSERT_TRUE(child->primaryKey.has_value());
    EXPECT_EQ(child->primaryKey->name, QStringLiteral("child_pk"));
    EXPECT_EQ(child->primaryKey->columns, (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
    ASSERT_EQ(child->uniques.size(), 1);
    EXPECT_EQ(child->uniques[0].name, QStringLiteral("c_once"));
    ASSERT_EQ(child->checks.size(), 1);
    EXPECT_EQ(child->checks[0].name, QStringLiteral("c_short"));
    ASSERT_EQ(child->foreignKeys.size(), 1);
    EXPECT_EQ(child->foreignKeys[0].name, QStringLiteral("child_parent"));
    EXPECT_EQ(child->foreignKeys[0].deferral, Deferral::InitiallyDeferred);
}

TEST(SqliteTableSql, foreign_key_without_target_columns_references_the_table)
{
    Table t = test::table("child", {test::column("parent_id")});
    t.foreignKeys.append(test::foreignKey({QStringLiteral("parent_id")}, "parent", {}));
    t.foreignKeys[0].onUpdate = ReferentialAction::SetNull;
    EXPECT_TRUE(createTableSql(t).contains(
        u"\n  FOREIGN KEY (\"parent_id\") REFERENCES \"parent\" ON UPDATE SET NULL\n"))
        << str(createTableSql(t));
}

TEST(SqliteTableSql, generated_columns_collations_and_odd_types_round_trip)
{
    const RoundTrip trip = roundTrip(R"sql(
        CREATE TABLE g (
            a INTEGER, b TEXT COLLATE NOCASE, c "a;b", d "PRIMARY KEY", e,
            f INTEGER GENERATED ALWAYS AS (a * 2) STORED,
            h AS (a + 1),
            i TEXT AS (b || 'x' -- note
            ) VIRTUAL
        );
    )sql");
    expectSameSchema(trip, QStringLiteral("generated, collations, types"));
    const Table &t = onlyTable(trip.result);
    ASSERT_EQ(t.columns.size(), 8);
    EXPECT_EQ(t.columns[1].collation, QStringLiteral("NOCASE"));
    const Table &before = onlyTable(trip.original);
    EXPECT_EQ(t.columns[2].type, before.columns.value(2).type); // "A ; B", blanks normalized
    EXPECT_EQ(t.columns[3].type, QStringLiteral("PRIMARY KEY"));
    EXPECT_TRUE(t.columns[4].type.isEmpty());
    EXPECT_EQ(t.columns[5].generated, Generated::Stored);
    EXPECT_EQ(t.columns[6].generated, Generated::Virtual);
}

TEST(SqliteTableSql, index_sql_has_expressions_collations_order_and_where)
{
    Index index = test::index("book_title", {QStringLiteral("title")}, true);
    index.parts[0].collation = QStringLiteral("NOCASE");
    index.parts[0].order = SortOrder::Descending;
    index.parts.append(IndexPart{{}, test::expr("lower(author)"), SortOrder::Ascending, {}});
    index.parts.append(
        IndexPart{{}, test::expr("a || b"), SortOrder::Ascending, QStringLiteral("RTRIM")});
    index.where = test::expr("title IS NOT NULL");
    EXPECT_EQ(createIndexSql(QStringLiteral("book"), index),
              QStringLiteral("CREATE UNIQUE INDEX \"book_title\" ON \"book\" (\"title\" COLLATE "
                             "\"NOCASE\" DESC, lower(author), (a || b) COLLATE \"RTRIM\") WHERE "
                             "title IS NOT NULL"));
}

TEST(SqliteTableSql, expression_indexes_round_trip)
{
    const RoundTrip trip = roundTrip(R"sql(
        CREATE TABLE p (a TEXT COLLATE NOCASE, b TEXT);
        CREATE INDEX p_expr ON p (lower(b) DESC, a || b COLLATE RTRIM, a) WHERE b > 'm';
        CREATE UNIQUE INDEX p_b ON p (b COLLATE NOCASE);
    )sql");
    expectSameSchema(trip, QStringLiteral("expression indexes"));
}

} // namespace
