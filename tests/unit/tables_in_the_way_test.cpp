// A table renamed by hand keeps the names of its indexes and keys: `customer` renamed to
// `client` still holds the index `customer_email` (a name of the schema on PostgreSQL and
// SQLite) and the key `customer_country` (a name of the database on MariaDB). A migration
// that drops it (the user chose not to rename) and creates the model's `customer` drops it
// first, or the new table's index or key would fail as one that exists; the key of a kept
// table that references it comes back on the new table. Left in place (the drop not allowed),
// the plan refuses and says how to rename. A kept table that gives such a name up in its
// alteration (a UNIQUE on PostgreSQL, a foreign key on MariaDB) drops that key before the new
// table is created, and the way back drops the new table before the key comes back. Every
// engine, through the real burrow-cli.
#include "cli_migrations.h"
#include "qt_printing.h"

#include <QDir>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using TablesInTheWay = EngineCliTest;

constexpr char kRenamedByHand[] =
    "CREATE TABLE country (id INTEGER NOT NULL PRIMARY KEY);\n"
    "CREATE TABLE client (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(40), country_id INTEGER,\n"
    "  CONSTRAINT customer_country FOREIGN KEY (country_id) REFERENCES country (id));\n"
    "CREATE INDEX customer_email ON client (email);\n"
    "CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER,\n"
    "  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES client (id));\n";

constexpr char kModel[] =
    "CREATE TABLE country (id INTEGER NOT NULL PRIMARY KEY);\n"
    "CREATE TABLE customer (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(40), "
    "country_id INTEGER,\n"
    "  CONSTRAINT customer_country FOREIGN KEY (country_id) REFERENCES country (id));\n"
    "CREATE INDEX customer_email ON customer (email);\n"
    "CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER,\n"
    "  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id));\n";

constexpr char kKeysOfClient[] =
    "CREATE TABLE country (id INTEGER NOT NULL PRIMARY KEY);\n"
    "CREATE TABLE client (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(40), country_id INTEGER,\n"
    "  CONSTRAINT customer_email_key UNIQUE (email),\n"
    "  CONSTRAINT customer_country FOREIGN KEY (country_id) REFERENCES country (id));\n";

// client gives its keys' names up to the new customer.
constexpr char kKeysOfCustomer[] =
    "CREATE TABLE country (id INTEGER NOT NULL PRIMARY KEY);\n"
    "CREATE TABLE client (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(40), country_id INTEGER,\n"
    "  CONSTRAINT client_country FOREIGN KEY (country_id) REFERENCES country (id));\n"
    "CREATE TABLE customer (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(40), "
    "country_id INTEGER,\n"
    "  CONSTRAINT customer_email_key UNIQUE (email),\n"
    "  CONSTRAINT customer_country FOREIGN KEY (country_id) REFERENCES country (id));\n";

void build(TestDatabase &db, const char *script = kRenamedByHand)
{
    for (const QString &statement : QString::fromUtf8(script).split(u";\n"_s))
        if (!statement.trimmed().isEmpty())
            db.exec(statement);
}

} // namespace

TEST_P(TablesInTheWay, a_dropped_table_holding_a_new_tables_name_goes_first)
{
    build(db);
    const QString before = cli.model(kRenamedByHand, u"before.sql"_s);
    const QString migration =
        cli.migrateAndUndo(cli.model(kModel), before, {u"--allow-destructive"_s});
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"-- drop table client"_s), up.indexOf(u"-- create table customer"_s))
        << migration.toStdString();
}

TEST_P(TablesInTheWay, a_kept_table_holding_a_new_tables_name_stops_the_plan)
{
    build(db);
    const CliRun planned = cli.plan(cli.model(kModel));
    EXPECT_EQ(planned.exitCode, 2) << CliMigrations::shown(planned);
    EXPECT_TRUE(planned.err.contains(u"which table client keeps"_s))
        << CliMigrations::shown(planned);
    EXPECT_TRUE(planned.err.contains(u"--rename client=customer"_s))
        << CliMigrations::shown(planned);
    EXPECT_TRUE(QDir(cli.migrations()).entryList({u"*.sql"_s}, QDir::Files).isEmpty());
}

TEST_P(TablesInTheWay, a_kept_table_giving_up_a_new_tables_name_drops_that_key_first)
{
    build(db, kKeysOfClient);
    db.exec(u"INSERT INTO country (id) VALUES (1)"_s);
    db.exec(u"INSERT INTO client (id, email, country_id) VALUES (1, 'a@example.org', 1)"_s);
    const QString before = cli.model(kKeysOfClient, u"before.sql"_s);
    const QString migration = cli.migrateAndUndo(cli.model(kKeysOfCustomer), before);
    const QString up = upSection(migration);
    // The key's name is the schema's (PostgreSQL's UNIQUE, MariaDB's foreign key) or not at all.
    if (GetParam() != Backend::SQLite) {
        const qsizetype givenUp = up.indexOf(u" first (customer takes the name)"_s);
        EXPECT_GE(givenUp, 0) << migration.toStdString();
        EXPECT_LT(givenUp, up.indexOf(u"-- create table customer"_s)) << migration.toStdString();
    }
    EXPECT_EQ(db.rows(u"SELECT id, email, country_id FROM client"_s),
              QStringList{u"1|a@example.org|1"_s});
}

INSTANTIATE_TEST_SUITE_P(Engines, TablesInTheWay, allBackends(), backendParamName);
