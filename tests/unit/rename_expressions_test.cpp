// A column renamed while the table's own expressions read it (a generated column, a CHECK):
// the engines rewrite those on RENAME COLUMN, so the plan is the rename alone, never a
// generated column dropped and added (a table rewrite) or a CHECK validated again.
#include "cli_migrations.h"
#include "dialect/postgres/postgres_names.h"
#include "plan/expression_renames_p.h"
#include "qt_printing.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using RenameExpressions = EngineCliTest;

TEST_P(RenameExpressions, the_rename_alone_carries_the_expressions_that_read_the_column)
{
    db.execEach({u"CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, qty INTEGER NOT NULL, "
                 u"price INTEGER NOT NULL, total INTEGER GENERATED ALWAYS AS (qty * price) "
                 u"STORED, CONSTRAINT enough CHECK (qty > 0))"_s,
                 u"INSERT INTO item (id, qty, price) VALUES (1, 2, 5)"_s});
    const QString model = cli.model(
        "CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, amount INTEGER NOT NULL,\n"
        "  price INTEGER NOT NULL, total INTEGER GENERATED ALWAYS AS (amount * price) STORED,\n"
        "  CONSTRAINT enough CHECK (amount > 0));\n");

    const QString migration = cli.migrate(model, {u"--rename"_s, u"item.qty=amount"_s});
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"RENAME COLUMN"_s)) << up.toStdString();
    for (const QString &rebuilt : {u"DROP"_s, u"ADD"_s, u"CREATE"_s})
        EXPECT_FALSE(up.contains(rebuilt)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, amount, total FROM item"_s), QStringList{u"1|2|10"_s});
}

// PostgreSQL refuses the new type while the generated column reads the column: found under the
// new name, it is set aside and comes back.
TEST_P(RenameExpressions, a_renamed_and_retyped_column_takes_its_generated_reader_along)
{
    db.execEach({u"CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, qty INTEGER NOT NULL, "
                 u"price DECIMAL(8,2) NOT NULL, total DECIMAL(20,2) GENERATED ALWAYS AS "
                 u"(qty * price) STORED)"_s,
                 u"INSERT INTO item (id, qty, price) VALUES (1, 2, 5)"_s});
    const QString model =
        cli.model("CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, qty INTEGER NOT NULL,\n"
                  "  unit_price DECIMAL(12,2) NOT NULL,\n"
                  "  total DECIMAL(20,2) GENERATED ALWAYS AS (qty * unit_price) STORED);\n");

    cli.migrate(model, {u"--rename"_s, u"item.price=unit_price"_s});
    EXPECT_EQ(db.rows(u"SELECT id, CAST(total * 100 AS INTEGER) FROM item"_s),
              QStringList{u"1|1000"_s});
}

INSTANTIATE_TEST_SUITE_P(Engines, RenameExpressions, allBackends(), backendParamName);

TEST(RenameInExpressions, only_the_columns_own_mentions_change_keeping_their_quoting)
{
    schema::Table table;
    table.checks.append({u"c"_s,
                         {u"qty > 0 AND \"qty\" < 9 AND qty(1) = 1 AND t.qty = 1 AND x::qty IS "
                          u"NULL AND \"Qty\" = 1 AND 'qty' <> ''"_s,
                          u"qty > 0"_s}});
    plan::renameColumnInExpressions(table, u"qty"_s, u"Amount"_s, Qt::CaseSensitive,
                                    dialect::postgres::lexerOptions());
    EXPECT_EQ(table.checks[0].expression.text,
              u"\"Amount\" > 0 AND \"Amount\" < 9 AND qty(1) = 1 AND t.qty = 1 AND x::qty IS "
              u"NULL AND \"Qty\" = 1 AND 'qty' <> ''"_s);
    EXPECT_EQ(table.checks[0].expression.canonical, u"\"Amount\" > 0"_s);
}

} // namespace
