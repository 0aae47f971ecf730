// A table renamed by hand keeps the names of its indexes and keys: `customer` renamed to
// `client` still holds `customer_email`. A migration that drops it (the user chose not to
// rename) and creates the model's `customer` drops it first, or the new table's index would
// fail as one that already exists; the key of a kept table that references it comes back on
// the new table. Every engine, through the real burrow-cli, up and back down.
#include "cli_migrations.h"
#include "qt_printing.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using TablesInTheWay = EngineCliTest;

constexpr char kRenamedByHand[] =
    "CREATE TABLE client (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(40));\n"
    "CREATE INDEX customer_email ON client (email);\n"
    "CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER,\n"
    "  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES client (id));\n";

constexpr char kModel[] =
    "CREATE TABLE customer (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(40));\n"
    "CREATE INDEX customer_email ON customer (email);\n"
    "CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER,\n"
    "  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id));\n";

} // namespace

TEST_P(TablesInTheWay, a_dropped_table_holding_a_new_tables_index_name_goes_first)
{
    for (const QString &statement : QString::fromUtf8(kRenamedByHand).split(u";\n"_s))
        if (!statement.trimmed().isEmpty())
            db.exec(statement);
    const QString before = cli.model(kRenamedByHand, u"before.sql"_s);
    const QString migration =
        cli.migrateAndUndo(cli.model(kModel), before, {u"--allow-destructive"_s});
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"-- drop table client"_s), up.indexOf(u"-- create table customer"_s))
        << migration.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Engines, TablesInTheWay, allBackends(), backendParamName);
