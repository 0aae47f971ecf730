// PostgreSQL functions that read views. A SQL function's body is checked as it is created (the
// views it reads must exist: "relation does not exist"), and a SQL-standard body holds the
// views it reads (they cannot be dropped under it). Such functions are created among the views,
// each after what it reads, and one holding a view that is recreated goes before it and comes
// back after it, with its privileges and the views calling it. Through burrow-cli, up and down.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresViewFunctions = PostgresCliFixture;

constexpr char kTable[] = "CREATE TABLE score (id int PRIMARY KEY, points int);\n";

// A view, functions of both SQL body kinds reading it, and a view calling one of them.
constexpr char kReaders[] = "CREATE VIEW high AS SELECT id, points FROM score WHERE points > 10;\n"
                            "CREATE FUNCTION high_count() RETURNS bigint LANGUAGE sql STABLE\n"
                            "  RETURN (SELECT count(*) FROM high);\n"
                            "CREATE FUNCTION high_best() RETURNS int LANGUAGE sql STABLE\n"
                            "  AS $$ SELECT max(points) FROM high $$;\n"
                            "CREATE VIEW board AS SELECT high_count() AS n, high_best() AS best;\n";

} // namespace

TEST_F(PostgresViewFunctions, sql_functions_reading_a_new_view_are_created_after_it)
{
    load(kTable);
    db.exec(u"INSERT INTO score VALUES (1, 5), (2, 20), (3, 30)"_s);

    const QString migration = migrate(model(QByteArray(kTable) + kReaders));
    const QString up = upSection(migration);
    const qsizetype view = up.indexOf(u"CREATE VIEW \"high\""_s);
    EXPECT_LT(view, up.indexOf(u"FUNCTION high_count()"_s)) << up.toStdString();
    EXPECT_LT(view, up.indexOf(u"FUNCTION high_best()"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT n, best FROM board"_s), QStringList{u"2|30"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kTable)).exitCode, 0) << migration.toStdString();
}

TEST_F(PostgresViewFunctions, a_function_holding_a_recreated_view_goes_and_comes_with_it)
{
    const QByteArray before = QByteArray(kTable) + kReaders;
    load(before);
    db.exec(u"INSERT INTO score VALUES (1, 5), (2, 20);"
            u"REVOKE ALL ON FUNCTION high_count() FROM PUBLIC"_s);
    // The view's column changes type with the table's: the view is recreated.
    const QByteArray after = QByteArray(before).replace("points int)", "points bigint)");

    const QString migration = migrateAndBack(before, after);
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"DROP FUNCTION \"high_count\"()"_s), up.indexOf(u"DROP VIEW \"high\""_s))
        << up.toStdString();
    EXPECT_LT(up.indexOf(u"CREATE VIEW \"high\""_s), up.indexOf(u"FUNCTION high_count()"_s))
        << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT n, best FROM board"_s), QStringList{u"1|20"_s});
    EXPECT_EQ(db.rows(u"SELECT has_function_privilege('public', 'high_count()', 'EXECUTE')"_s),
              QStringList{u"false"_s});
}

TEST_F(PostgresViewFunctions, a_view_dropped_with_the_function_holding_it)
{
    const QByteArray before = QByteArray(kTable) +
                              "CREATE VIEW high AS SELECT id FROM score WHERE points > 10;\n"
                              "CREATE FUNCTION high_count() RETURNS bigint LANGUAGE sql\n"
                              "  BEGIN ATOMIC SELECT count(*) FROM high; END;\n";
    load(before);

    const QString migration = migrateAndBack(before, kTable, true);
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"DROP FUNCTION \"high_count\"()"_s), up.indexOf(u"DROP VIEW"_s))
        << up.toStdString();
}
