// MariaDB's application-time periods (PERIOD FOR p (s, e)) and the keys that use one (UNIQUE or
// PRIMARY KEY (…, p WITHOUT OVERLAPS)). information_schema shows the period as a CHECK `s` < `e`
// and such a key with the period's columns: Burrow reads them as what they are, so a period is
// added, changed and dropped as a period (never as a CHECK), its keys with it.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

// With a CHECK of the period's own shape, and one named as the period: both the user's.
const QByteArray kPlain =
    "CREATE TABLE booking (id INT, room INT, starts DATE, ends DATE, "
    "CONSTRAINT stay CHECK (id > 0), CONSTRAINT ordered CHECK (starts < ends))";
const QByteArray kWithPeriod =
    "CREATE TABLE booking (id INT, room INT, starts DATE, ends DATE, "
    "CONSTRAINT stay CHECK (id > 0), CONSTRAINT ordered CHECK (starts < ends), "
    "PERIOD FOR stay (starts, ends), UNIQUE KEY one_room (room, stay WITHOUT OVERLAPS))";

class MariadbApplicationPeriods : public OneEngineCliTest<Backend::MariaDB> {
protected:
    QString createTable() { return db.rows(u"SHOW CREATE TABLE booking"_s).value(0); }
    bool booked(const QString &id, const QString &from, const QString &to)
    {
        return db.tryExec(u"INSERT INTO booking VALUES ("_s + id + u", 5, '"_s + from + u"', '"_s +
                          to + u"')"_s);
    }
};

TEST_F(MariadbApplicationPeriods, a_period_and_a_key_without_overlaps_are_added_and_undone)
{
    db.exec(QString::fromUtf8(kPlain));
    ASSERT_TRUE(booked(u"1"_s, u"2020-01-01"_s, u"2020-02-01"_s));
    const QString model = cli.model(kWithPeriod);
    const CliRun differs = cli.diff(model);
    for (const QString &line : {u"period none → stay (starts, ends)"_s,
                                u"+ unique constraint one_room  (room, stay WITHOUT OVERLAPS)"_s})
        EXPECT_TRUE(differs.out.contains(line)) << line.toStdString() << '\n'
                                                << CliMigrations::shown(differs);
    EXPECT_FALSE(differs.out.contains(u"check"_s)) << CliMigrations::shown(differs);

    const QString migration = cli.migrateAndUndo(model, cli.model(kPlain, u"before.sql"_s));
    EXPECT_TRUE(upSection(migration).contains(u"ADD PERIOD FOR `stay` (`starts`, `ends`)"_s))
        << migration.toStdString();
    EXPECT_FALSE(createTable().contains(u"PERIOD FOR"_s)) << "the down ran last";

    cli.migrate(model); // planned anew: the same up, applied for good
    EXPECT_TRUE(createTable().contains(u"UNIQUE KEY `one_room` (`room`,`stay` WITHOUT OVERLAPS)"_s))
        << createTable().toStdString();
    EXPECT_FALSE(booked(u"2"_s, u"2020-01-15"_s, u"2020-03-01"_s)) << "it overlaps booking 1";
    EXPECT_TRUE(booked(u"3"_s, u"2020-02-01"_s, u"2020-03-01"_s));
    EXPECT_EQ(db.rows(u"SELECT id FROM booking ORDER BY id"_s), (QStringList{u"1"_s, u"3"_s}));
}

TEST_F(MariadbApplicationPeriods, a_period_moved_to_other_columns_takes_its_primary_key_along)
{
    const QByteArray columns = "CREATE TABLE booking (id INT, room INT, starts DATE, ends DATE, "
                               "checkin DATE NOT NULL, checkout DATE NOT NULL, ";
    const QByteArray before = columns + "PERIOD FOR stay (starts, ends), "
                                        "PRIMARY KEY (id, stay WITHOUT OVERLAPS))";
    const QByteArray after = columns + "PERIOD FOR stay (checkin, checkout), "
                                       "PRIMARY KEY (id, stay WITHOUT OVERLAPS))";
    db.exec(QString::fromUtf8(before));
    const QString model = cli.model(after);
    const CliRun differs = cli.diff(model);
    EXPECT_TRUE(differs.out.contains(u"period stay (starts, ends) → stay (checkin, checkout)"_s))
        << CliMigrations::shown(differs);
    EXPECT_FALSE(differs.out.contains(u"primary key"_s)) << CliMigrations::shown(differs);
    const QString migration = cli.migrateAndUndo(model, cli.model(before, u"before.sql"_s));
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"DROP PERIOD FOR `stay`"_s), up.indexOf(u"ADD PERIOD FOR `stay`"_s))
        << migration.toStdString();
    EXPECT_TRUE(up.contains(u"ADD PRIMARY KEY (`id`, `stay` WITHOUT OVERLAPS)"_s))
        << migration.toStdString();
}

} // namespace
