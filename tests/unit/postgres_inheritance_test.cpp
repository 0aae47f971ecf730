// PostgreSQL table inheritance (INHERITS, not partitions): a child holds only what it declares
// itself; its parents' columns and CHECKs are theirs. A child is created after its parents with
// its INHERITS clause (a plain table before, silently), a parent's change reaches its children
// through the parent alone, and a table leaving a parent keeps its rows, and the parent's columns
// and CHECKs as its own. A table joining one keeps the columns and CHECKs the parent has (they
// become the parent's), in the parent's form.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kParent = "CREATE TABLE event (id int, at timestamp, CONSTRAINT positive "
                           "CHECK (id > 0));\n";
const QByteArray kClick = "CREATE TABLE click (x int, CONSTRAINT on_screen CHECK (x >= 0)) "
                          "INHERITS (event);\n";
// The same columns and CHECKs in a table of its own.
const QByteArray kPlainClick = "CREATE TABLE click (id int, at timestamp, x int, CONSTRAINT "
                               "on_screen CHECK (x >= 0), CONSTRAINT positive CHECK (id > 0));\n";
// With a default of its own, which a child keeps for a column it has from its parent.
const QByteArray kOwnDefaultClick =
    QByteArray(kPlainClick).replace("at timestamp", "at timestamp DEFAULT '2000-01-01'");

class PostgresInheritance : public OneEngineCliTest<Backend::PostgreSQL> {
protected:
    /// Creates the parent and `click` as `clickDdl` says, with one row in click.
    void create(const QByteArray &clickDdl)
    {
        db.execEach({QString::fromUtf8(kParent).trimmed().chopped(1),
                     QString::fromUtf8(clickDdl).trimmed().chopped(1),
                     u"INSERT INTO click (id, x) VALUES (7, 1)"_s});
    }
    /// Creates click as `from` says, shows that the diff to `to` says `difference`, migrates
    /// there and back, and expects click's row kept. Returns the migration.
    QString moveAndBack(const QByteArray &from, const QByteArray &to, const QString &difference)
    {
        create(from);
        const QString before = cli.model(kParent + from, u"before.sql"_s);
        const QString model = cli.model(kParent + to);
        const CliRun differs = cli.diff(model);
        EXPECT_TRUE(differs.out.contains(difference)) << CliMigrations::shown(differs);
        const QString migration = cli.migrateAndUndo(model, before);
        EXPECT_EQ(db.rows(u"SELECT id, x FROM click"_s), QStringList{u"7|1"_s});
        return migration;
    }
    /// The parents of `table`, by name.
    QStringList parentsOf(const QString &table)
    {
        return db.rows(u"SELECT inhparent::regclass::text FROM pg_inherits WHERE inhrelid = '"_s +
                       table + u"'::regclass ORDER BY inhseqno"_s);
    }
};

TEST_F(PostgresInheritance, a_child_is_created_with_its_parents_and_its_own_columns_only)
{
    const QString migration = cli.migrate(cli.model(kParent + kClick));
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"CREATE TABLE \"click\" (\n  \"x\" integer,\n  CONSTRAINT "
                            "\"on_screen\" CHECK ((x >= 0))\n) INHERITS (\"event\");"_s))
        << migration.toStdString();
    EXPECT_LT(up.indexOf(u"CREATE TABLE \"event\""_s), up.indexOf(u"CREATE TABLE \"click\""_s));
    EXPECT_EQ(parentsOf(u"click"_s), QStringList{u"event"_s});
    db.exec(u"INSERT INTO click (id, x) VALUES (1, 5)"_s);
    EXPECT_EQ(db.rows(u"SELECT id FROM event"_s), QStringList{u"1"_s});
    EXPECT_FALSE(db.tryExec(u"INSERT INTO click (id, x) VALUES (-1, 5)"_s)) << "the parent's CHECK";
}

TEST_F(PostgresInheritance, a_parents_change_reaches_its_children_through_the_parent_alone)
{
    create(kClick);
    const QString before = cli.model(kParent + kClick, u"before.sql"_s);
    QByteArray wider = kParent;
    wider.replace("id int", "id bigint").replace("id > 0", "id > -1");
    const QString migration = cli.migrateAndUndo(cli.model(wider + kClick), before);
    EXPECT_FALSE(migration.contains(u"ALTER TABLE \"click\""_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, x FROM click"_s), QStringList{u"7|1"_s});
}

TEST_F(PostgresInheritance, a_table_leaving_its_parent_keeps_its_rows_and_comes_back_by_the_down)
{
    const QString migration = moveAndBack(kClick, kPlainClick, u"inherits (event) → ()"_s);
    EXPECT_TRUE(upSection(migration).contains(u"ALTER TABLE \"click\" NO INHERIT \"event\";"_s))
        << migration.toStdString();
    EXPECT_EQ(parentsOf(u"click"_s), QStringList{u"event"_s}); // the down ran last
}

TEST_F(PostgresInheritance, a_table_leaving_its_parent_takes_the_models_form_in_the_same_migration)
{
    // Not "+ column id": the parent's columns and CHECKs stay, as the table's own.
    const QString migration = moveAndBack(kClick,
                                          "CREATE TABLE click (id bigint, at timestamp, x int, "
                                          "CONSTRAINT on_screen CHECK (x >= 0));\n",
                                          u"~ column id"_s);
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"NO INHERIT"_s), up.indexOf(u"ALTER COLUMN \"id\" TYPE bigint"_s))
        << migration.toStdString();
    EXPECT_TRUE(up.contains(u"DROP CONSTRAINT \"positive\""_s)) << migration.toStdString();
    EXPECT_FALSE(up.contains(u"ADD COLUMN"_s)) << migration.toStdString();
}

TEST_F(PostgresInheritance, what_a_kept_parent_passes_on_stays_inherited_either_way)
{
    // click leaves event and keeps other, which passes id on too: id is never click's own.
    const QByteArray parents = kParent + "CREATE TABLE other (id int, o int);\n";
    const QByteArray both = parents + "CREATE TABLE click (x int) INHERITS (event, other);\n";
    db.execEach(QString::fromUtf8(both).trimmed().chopped(1).split(u";\n"_s));
    db.exec(u"INSERT INTO click (id, x) VALUES (7, 1)"_s);
    const QString before = cli.model(both, u"before.sql"_s);
    const QString migration = cli.migrateAndUndo(
        cli.model(parents + "CREATE TABLE click (at timestamp, x int) INHERITS (other);\n"),
        before);
    EXPECT_FALSE(migration.contains(u"COLUMN \"id\""_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, x FROM click"_s), QStringList{u"7|1"_s});
    // The down joins event again after other: the order does not matter to a table that exists.
    EXPECT_EQ(parentsOf(u"click"_s), (QStringList{u"other"_s, u"event"_s}));
}

TEST_F(PostgresInheritance, a_table_joining_its_parent_keeps_the_parents_columns_and_checks_it_has)
{
    // Not "- column id" nor "- check constraint positive": those become the parent's.
    const QString migration = moveAndBack(kOwnDefaultClick, kClick,
                                          u"inherits () → (event)\n\n1 table differs: 1 table's "
                                          "options changed\n"_s);
    EXPECT_TRUE(upSection(migration).contains(u"ALTER TABLE \"click\" INHERIT \"event\";"_s))
        << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"Irreversible"_s)) << migration.toStdString();
    EXPECT_TRUE(parentsOf(u"click"_s).isEmpty()); // the down ran last
}

TEST_F(PostgresInheritance, a_table_joining_its_parent_takes_the_parents_form_first)
{
    create("CREATE TABLE click (id bigint, x int, CONSTRAINT on_screen CHECK (x >= 0), "
           "CONSTRAINT mine CHECK (x < 100));\n");
    const QString model = cli.model(kParent + kClick);
    const CliRun differs = cli.diff(model);
    for (const QString &line : {u"~ column id"_s, u"+ column at"_s,
                                u"+ check constraint positive"_s, u"- check constraint mine"_s})
        EXPECT_TRUE(differs.out.contains(line)) << line.toStdString() << '\n'
                                                << CliMigrations::shown(differs);
    const QString up = upSection(cli.migrate(model));
    EXPECT_LT(up.indexOf(u"ALTER COLUMN \"id\" TYPE integer"_s), up.indexOf(u"INHERIT"_s))
        << up.toStdString();
    EXPECT_EQ(parentsOf(u"click"_s), QStringList{u"event"_s});
    EXPECT_EQ(db.rows(u"SELECT id FROM event"_s), QStringList{u"7"_s})
        << "its row, through the parent";
}

} // namespace
