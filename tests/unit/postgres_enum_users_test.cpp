// A PostgreSQL enum type recreated (a label removed; or, in the down section, the labels an up
// added taken back) while a partial index or a CHECK casts a constant to it, or a generated
// column reads a column of it: converting the column fails ("operator does not exist: status
// <> status__burrow_old", "cannot alter type of a column used by a generated column"), so those
// users step aside and come back after it, the rows kept. Through burrow-cli, up and down.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresEnumUsers = PostgresCliFixture;

constexpr char kBefore[] = "CREATE TYPE status AS ENUM ('new', 'paid', 'cancelled');\n"
                           "CREATE TABLE orders (\n"
                           "  id int PRIMARY KEY,\n"
                           "  status status NOT NULL DEFAULT 'new',\n"
                           "  settled boolean GENERATED ALWAYS AS (status = 'paid') STORED,\n"
                           "  CONSTRAINT known CHECK (status IN ('new', 'paid', 'cancelled'))\n"
                           ");\n"
                           "CREATE INDEX open_orders ON orders (id) WHERE status <> 'cancelled';\n";

QByteArray withLabels(const char *labels, const char *checked)
{
    return QByteArray(kBefore)
        .replace("('new', 'paid', 'cancelled');", labels)
        .replace("('new', 'paid', 'cancelled'))", checked);
}

} // namespace

TEST_F(PostgresEnumUsers, a_removed_label_recreates_the_type_past_its_casting_users)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    db.exec(u"INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'paid')"_s);
    // New order of the labels: only a new type has it.
    const QByteArray after =
        withLabels("('paid', 'new', 'cancelled');", "('new', 'paid', 'cancelled'))");

    const QString migration = migrate(model(after), true);
    EXPECT_TRUE(upSection(migration).contains(u"RENAME TO \"status__burrow_old\""_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, status, settled FROM orders ORDER BY id"_s),
              (QStringList{u"1|new|false"_s, u"2|paid|true"_s}));
    EXPECT_EQ(db.rows(u"SELECT enum_range(NULL::status)::text"_s),
              QStringList{u"{paid,new,cancelled}"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, status, settled FROM orders ORDER BY id"_s),
              (QStringList{u"1|new|false"_s, u"2|paid|true"_s}));
}

TEST_F(PostgresEnumUsers, added_labels_leave_the_users_alone_and_the_down_takes_them_back)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    db.exec(u"INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'paid')"_s);
    const QByteArray after =
        withLabels("('new', 'paid', 'shipped', 'cancelled');", "('new', 'paid', 'cancelled'))");

    const QString migration = migrate(model(after));
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"ADD VALUE E'shipped'"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"INDEX"_s)) << "no index built again:\n" << up.toStdString();
    EXPECT_FALSE(up.contains(u"ALTER TABLE"_s)) << "no table rewritten:\n" << up.toStdString();

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, status, settled FROM orders ORDER BY id"_s),
              (QStringList{u"1|new|false"_s, u"2|paid|true"_s}));
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_indexes WHERE indexname = 'open_orders'"_s),
              QStringList{u"1"_s});
}

TEST_F(PostgresEnumUsers, a_domain_based_on_the_type_is_recreated_with_it)
{
    constexpr char before[] = "CREATE TYPE status AS ENUM ('new', 'paid', 'cancelled');\n"
                              "CREATE DOMAIN order_status AS status NOT NULL DEFAULT 'new'\n"
                              "  CONSTRAINT not_cancelled CHECK (VALUE <> 'cancelled');\n"
                              "CREATE TABLE orders (id int PRIMARY KEY, status order_status,\n"
                              "  past order_status[]);\n";
    db.exec(QString::fromUtf8(before).chopped(2));
    db.exec(u"INSERT INTO orders VALUES (1, 'paid', '{new}'), (2, DEFAULT, NULL)"_s);
    const QByteArray after =
        QByteArray(before).replace("('new', 'paid', 'cancelled')", "('paid', 'new', 'cancelled')");

    const QString migration = migrate(model(after), true);
    EXPECT_TRUE(upSection(migration).contains(u"RENAME TO \"order_status__burrow_old\""_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, status, past FROM orders ORDER BY id"_s),
              (QStringList{u"1|paid|{new}"_s, u"2|new|NULL"_s}));
    EXPECT_FALSE(db.tryExec(u"INSERT INTO orders VALUES (3, 'cancelled', NULL)"_s))
        << "the domain's CHECK is back";

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(before)).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, status, past FROM orders ORDER BY id"_s),
              (QStringList{u"1|paid|{new}"_s, u"2|new|NULL"_s}));
}

// The everyday change: a label added and used at once, as a default and in a new column. Its
// down section recreates the type without the label, so the defaults naming it step aside
// (they come back as the model has them) and the new column goes first (its rows hold the
// label): the conversion would fail on them.
TEST_F(PostgresEnumUsers, a_label_used_as_a_default_goes_back_with_the_columns_using_it)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    db.exec(u"INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'paid')"_s);
    QByteArray after =
        withLabels("('new', 'paid', 'cancelled', 'held');", "('new', 'paid', 'cancelled'))");
    after.replace("DEFAULT 'new'", "DEFAULT 'held'")
        .replace("  id int PRIMARY KEY,\n",
                 "  id int PRIMARY KEY,\n  stage status NOT NULL DEFAULT 'held',\n");

    const QString migration = migrate(model(after));
    EXPECT_EQ(db.rows(u"SELECT id, stage FROM orders ORDER BY id"_s),
              (QStringList{u"1|held"_s, u"2|held"_s}));
    const QString down = downSection(migration);
    EXPECT_LT(down.indexOf(u"DROP COLUMN \"stage\""_s), down.indexOf(u"CREATE TYPE"_s))
        << down.toStdString();

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, status, settled FROM orders ORDER BY id"_s),
              (QStringList{u"1|new|false"_s, u"2|paid|true"_s}));
    EXPECT_EQ(db.rows(u"SELECT column_default FROM information_schema.columns WHERE "
                      u"table_name = 'orders' AND column_name = 'status'"_s),
              QStringList{u"'new'::status"_s});
}

TEST_F(PostgresEnumUsers, lint_counts_the_rows_holding_a_label_the_type_drops)
{
    db.exec(
        u"CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s fine');"
        u"CREATE TABLE person (id int PRIMARY KEY, now mood, usual mood);"
        u"INSERT INTO person VALUES (1, 'sad', 'ok'), (2, 'it''s fine', 'sad'), (3, 'ok', NULL)"_s);
    const CliRun planned =
        plan(model("CREATE TYPE mood AS ENUM ('ok');\n"
                   "CREATE TABLE person (id int PRIMARY KEY, now mood, usual mood);\n"),
             true);
    EXPECT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    for (const QString &held :
         {u"2 rows of person hold a label that enum type mood drops ('sad', 'it''s fine') in "
          u"person.now"_s,
          u"1 row of person holds a label that enum type mood drops ('sad', 'it''s fine') in "
          u"person.usual"_s})
        EXPECT_TRUE(planned.err.contains(held)) << planned.err.toStdString();
}

TEST_F(PostgresEnumUsers, a_check_naming_a_label_the_migration_adds_is_not_counted_in_one_line)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    const CliRun planned = plan(model(withLabels("('new', 'paid', 'shipped', 'cancelled');",
                                                 "('new', 'paid', 'shipped', 'cancelled'))")));
    EXPECT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    // The label does not exist before the migration runs: the server cannot read the CHECK.
    EXPECT_TRUE(planned.err.contains(u"could not count the rows of orders violating CHECK"_s))
        << planned.err.toStdString();
    EXPECT_TRUE(planned.err.contains(u": invalid input value for enum status: \"shipped\"\n"_s))
        << planned.err.toStdString();
    EXPECT_FALSE(planned.err.contains(u"LINE 1"_s)) << planned.err.toStdString();
}

TEST_F(PostgresEnumUsers, a_label_removal_left_out_still_adds_the_labels_a_kept_default_names)
{
    const QByteArray before = "CREATE TYPE status AS ENUM ('new', 'paid', 'cancelled');\n"
                              "CREATE TABLE orders (id int PRIMARY KEY, status status NOT NULL "
                              "DEFAULT 'new');\n";
    load(before);
    db.exec(u"INSERT INTO orders (id, status) VALUES (1, 'cancelled')"_s);
    const QString after = model(QByteArray(before)
                                    .replace("'cancelled')", "'refunded')")
                                    .replace("DEFAULT 'new'", "DEFAULT 'refunded'"));

    const CliRun planned = plan(after); // without --allow-destructive: 'cancelled' stays
    EXPECT_TRUE(planned.err.contains(u"left out (destructive): enum type status"_s))
        << planned.err.toStdString();
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT enum_range(NULL::status)::text"_s),
              QStringList{u"{new,paid,refunded,cancelled}"_s});
    db.exec(u"INSERT INTO orders (id) VALUES (2)"_s);
    EXPECT_EQ(db.rows(u"SELECT id, status FROM orders ORDER BY id"_s),
              (QStringList{u"1|cancelled"_s, u"2|refunded"_s}));
    const CliRun left = diff(after);
    EXPECT_TRUE(left.out.contains(u"labels ('new', 'paid', 'refunded', 'cancelled') → ('new', "
                                  "'paid', 'refunded')"_s))
        << left.out.toStdString();
}
