// A PostgreSQL function with a SQL-standard body (BEGIN ATOMIC, RETURN) holds the columns and
// tables it reads: PostgreSQL refuses to retype or drop them while it exists ("cannot alter
// type of a column used by a function or procedure"), and a table it reads cannot be dropped.
// Such a function goes before the change and comes back after it, with its privileges, before
// the tables whose defaults call it; its callers (views, defaults) step aside around it.
// Through burrow-cli, up and down.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresFunctionBodyHolds = PostgresCliFixture;

constexpr char kAccounts[] =
    "CREATE TABLE acct (id int PRIMARY KEY, amount int);\n"
    "CREATE FUNCTION total() RETURNS bigint LANGUAGE sql STABLE\n"
    "  BEGIN ATOMIC SELECT sum(amount) FROM acct; END;\n"
    "CREATE VIEW summary AS SELECT total() AS total;\n"
    "CREATE TABLE snapshot (id int PRIMARY KEY, taken bigint DEFAULT total());\n";

QByteArray widened(const char *sql)
{
    return QByteArray(sql).replace("amount int)", "amount bigint)");
}

} // namespace

TEST_F(PostgresFunctionBodyHolds, a_column_it_reads_changes_type_around_it)
{
    load(kAccounts);
    db.exec(u"REVOKE ALL ON FUNCTION total() FROM PUBLIC;"
            u"INSERT INTO acct VALUES (1, 5), (2, 7)"_s);

    const QString migration = migrateAndBack(kAccounts, widened(kAccounts));
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"DROP FUNCTION \"total\"()"_s),
              up.indexOf(u"ALTER COLUMN \"amount\" TYPE bigint"_s))
        << up.toStdString();
    EXPECT_LT(up.indexOf(u"CREATE OR REPLACE FUNCTION total()"_s),
              up.indexOf(u"\"taken\" SET DEFAULT total()"_s))
        << up.toStdString();
    // Back on the way down as on the way up: the rows, the callers, the privileges.
    EXPECT_EQ(db.rows(u"SELECT total FROM summary"_s), QStringList{u"12"_s});
    db.exec(u"INSERT INTO snapshot (id) VALUES (1)"_s);
    EXPECT_EQ(db.rows(u"SELECT taken FROM snapshot"_s), QStringList{u"12"_s});
    EXPECT_EQ(db.rows(u"SELECT has_function_privilege('public', 'total()', 'EXECUTE')"_s),
              QStringList{u"false"_s});
}

TEST_F(PostgresFunctionBodyHolds, its_result_type_changes_with_the_column_it_reads)
{
    load(kAccounts);
    db.exec(u"INSERT INTO acct VALUES (1, 5)"_s);
    const QByteArray after = widened(kAccounts).replace("RETURNS bigint", "RETURNS numeric");

    const QString migration = migrateAndBack(kAccounts, after);
    EXPECT_TRUE(upSection(migration).contains(u"RETURNS numeric"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT pg_get_function_result('total'::regproc)"_s),
              QStringList{u"bigint"_s});
}

TEST_F(PostgresFunctionBodyHolds, a_table_it_reads_is_dropped_after_it)
{
    constexpr char kBefore[] = "CREATE TABLE keep (id int PRIMARY KEY);\n"
                               "CREATE TABLE legacy (id int PRIMARY KEY, n int);\n"
                               "CREATE FUNCTION legacy_max() RETURNS int LANGUAGE sql\n"
                               "  RETURN (SELECT max(n) FROM legacy);\n";
    load(kBefore);

    const QString migration =
        migrateAndBack(kBefore, "CREATE TABLE keep (id int PRIMARY KEY);\n", true);
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"DROP FUNCTION \"legacy_max\"()"_s), up.indexOf(u"DROP TABLE"_s))
        << up.toStdString();
    // The way back creates the table before the function that reads it.
    const QString down = downSection(migration);
    EXPECT_LT(down.indexOf(u"CREATE TABLE \"legacy\""_s), down.indexOf(u"FUNCTION legacy_max"_s))
        << down.toStdString();
}

TEST_F(PostgresFunctionBodyHolds, an_enum_type_recreated_under_a_column_it_reads)
{
    constexpr char kBefore[] =
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
        "CREATE TABLE person (id int PRIMARY KEY, m mood);\n"
        "CREATE FUNCTION happy_count() RETURNS bigint LANGUAGE sql STABLE\n"
        "  BEGIN ATOMIC SELECT count(*) FROM person WHERE m = 'happy'; END;\n";
    load(kBefore);
    db.exec(u"INSERT INTO person VALUES (1, 'happy'), (2, 'sad')"_s);
    const QByteArray after =
        QByteArray(kBefore).replace("('sad', 'ok', 'happy')", "('happy', 'ok', 'sad')");

    const QString migration = migrate(model(after), true);
    EXPECT_TRUE(upSection(migration).contains(u"DROP FUNCTION \"happy_count\"()"_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT happy_count()"_s), QStringList{u"1"_s});
    EXPECT_EQ(db.rows(u"SELECT m FROM person ORDER BY m"_s), (QStringList{u"happy"_s, u"sad"_s}));
}
