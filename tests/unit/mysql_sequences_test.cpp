// MariaDB's sequences end to end through burrow-cli: created before the tables drawing from
// them, altered in place without handing a value out twice, dropped and recreated by the down,
// backed up and restored with the tables that draw from them, and left alone by a dry run.
#include "cli_migrations.h"
#include "qt_printing.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kKeep = "CREATE TABLE keep (id INT PRIMARY KEY);\n";
const QByteArray kTicketNo = "CREATE SEQUENCE ticket_no START WITH 10 INCREMENT BY 5;\n";
const QByteArray kTicket = "CREATE TABLE ticket (id INT PRIMARY KEY DEFAULT (NEXT VALUE FOR "
                           "ticket_no), note VARCHAR(20));\n";

class MariadbSequences : public OneEngineCliTest<Backend::MariaDB> {
protected:
    QStringList ticketIds() { return db.rows(u"SELECT id FROM ticket ORDER BY id"_s); }
};

TEST_F(MariadbSequences, a_model_sequence_is_created_before_the_table_drawing_from_it)
{
    db.exec(QString::fromUtf8(kKeep));
    const QString migration = cli.migrate(cli.model(kKeep + kTicketNo + kTicket));
    const QString up = migration.section(u"-- migrate:down"_s, 0, 0);
    const qsizetype sequence = up.indexOf(u"CREATE SEQUENCE `ticket_no` START WITH 10"_s);
    ASSERT_GE(sequence, 0) << migration.toStdString();
    EXPECT_GT(up.indexOf(u"CREATE TABLE `ticket`"_s), sequence) << migration.toStdString();
    // The default names the sequence alone, not the scratch database the model was loaded in.
    EXPECT_TRUE(up.contains(u"DEFAULT (nextval(`ticket_no`))"_s)) << migration.toStdString();
    EXPECT_FALSE(up.contains(u"burrow_model_"_s)) << migration.toStdString();
    db.exec(u"INSERT INTO ticket (note) VALUES ('a'), ('b')"_s);
    EXPECT_EQ(ticketIds(), (QStringList{u"10"_s, u"15"_s}));
}

TEST_F(MariadbSequences, an_altered_sequence_keeps_counting_from_where_it_was)
{
    db.exec(QString::fromUtf8(kTicketNo + kTicket));
    db.exec(u"INSERT INTO ticket (note) VALUES ('a'), ('b')"_s);
    const QString before = cli.model(kTicketNo + kTicket, u"before.sql"_s);
    QByteArray wider = kTicketNo;
    wider.replace("INCREMENT BY 5", "INCREMENT BY 100 MAXVALUE 1000000 CYCLE");
    const QString migration = cli.migrateAndUndo(cli.model(wider + kTicket), before);
    EXPECT_TRUE(migration.contains(u"ALTER SEQUENCE `ticket_no` START WITH 10 MINVALUE 1 "
                                   "MAXVALUE 1000000 INCREMENT BY 100 CACHE 1000 CYCLE"_s))
        << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"DROP SEQUENCE"_s)) << migration.toStdString();
    db.exec(u"INSERT INTO ticket (note) VALUES ('c')"_s);
    const QStringList ids = ticketIds();
    ASSERT_EQ(ids.size(), 3);
    EXPECT_GT(ids.last().toInt(), 15) << "a value handed out again after the ALTER";
}

TEST_F(MariadbSequences, a_sequence_the_model_lacks_is_dropped_and_the_down_recreates_it)
{
    db.exec(QString::fromUtf8(kKeep + kTicketNo));
    const QString model = cli.model(kKeep);
    // Its counter goes with it: that takes consent.
    const CliRun unasked = cli.plan(model);
    EXPECT_EQ(unasked.exitCode, 0) << CliMigrations::shown(unasked);
    EXPECT_TRUE(unasked.err.contains(u"left out (destructive): sequence ticket_no"_s))
        << CliMigrations::shown(unasked);
    EXPECT_TRUE(cli.lastMigration().isEmpty()) << cli.lastMigration().toStdString();
    const QString migration = cli.migrateAndUndo(
        model, cli.model(kKeep + kTicketNo, u"before.sql"_s), {u"--allow-destructive"_s});
    EXPECT_TRUE(
        migration.section(u"-- migrate:down"_s, 0, 0).contains(u"DROP SEQUENCE `ticket_no`"_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT NEXT VALUE FOR ticket_no"_s), QStringList{u"10"_s});
}

TEST_F(MariadbSequences, a_dry_run_drawing_from_a_sequence_leaves_the_live_one_where_it_was)
{
    db.exec(QString::fromUtf8(kTicketNo + kTicket));
    db.exec(u"INSERT INTO ticket (note) VALUES ('a'), ('b')"_s);
    dir.write(u"migrations/0001_more.sql"_s, "-- migrate:up\n"
                                             "INSERT INTO ticket (note) VALUES ('x'), ('y');\n"
                                             "-- migrate:down\n");
    const CliRun dryRun = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, cli.migrations(), u"--dry-run"_s});
    ASSERT_EQ(dryRun.exitCode, 0) << CliMigrations::shown(dryRun);
    db.exec(u"INSERT INTO ticket (note) VALUES ('c')"_s);
    EXPECT_EQ(ticketIds(), (QStringList{u"10"_s, u"15"_s, u"20"_s}));
}

TEST_F(MariadbSequences, a_backup_of_a_table_drawing_from_a_sequence_restores_rows_and_counter)
{
    db.exec(QString::fromUtf8(kTicketNo + kTicket));
    db.exec(u"INSERT INTO ticket (note) VALUES ('a'), ('b')"_s);
    const QString backup = dir.path(u"backup"_s);
    const CliRun saved = runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, backup});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    db.exec(u"DELETE FROM ticket"_s);
    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, backup, u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(ticketIds(), (QStringList{u"10"_s, u"15"_s}));
    db.exec(u"INSERT INTO ticket (note) VALUES ('c')"_s);
    EXPECT_GT(ticketIds().last().toInt(), 15) << "the restored sequence started over";
}

} // namespace
