// A migration that stopped part-way (it ran statement by statement: transaction:false, or any
// migration on MariaDB) blocks every later apply until it is continued or settled:
// `burrow-cli apply --continue` runs the statements after those that ran; `burrow-cli resolve`
// records it as finished by hand (--applied) or removes its row so that it runs again
// (--pending). The same on every engine, through the real burrow-cli.
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class CliResolve : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE TABLE author (id INTEGER PRIMARY KEY)"_s); // SQLite: the file exists
        ASSERT_TRUE(QDir().mkpath(dir.path(u"migrations"_s)));
        // Two of three statements run, then a missing table stops it.
        write(u"0001_genres.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                    "INSERT INTO genre VALUES (1);\n"
                                    "INSERT INTO no_such_table VALUES (1);");
        write(u"0002_shelves.sql"_s, "CREATE TABLE shelf (id INTEGER PRIMARY KEY);");
        // MariaDB's rehearsal would catch the failure on a copy: this is the real thing.
        const CliRun failed = cli({u"apply"_s, u"--no-backup"_s, u"--no-rehearsal"_s});
        ASSERT_EQ(failed.exitCode, 1) << failed.err.toStdString();
        ASSERT_EQ(state(u"0001"_s), u"failed"_s) << status().toStdString();
    }
    void write(const QString &name, const QByteArray &up)
    {
        dir.write(u"migrations/"_s + name,
                  "-- migrate:up transaction:false\n" + up + "\n-- migrate:down\n");
    }
    CliRun cli(const QStringList &arguments) const
    {
        return runCli(arguments + QStringList{u"--db"_s, db.url(), u"--migrations"_s,
                                              dir.path(u"migrations"_s)});
    }
    QString status() const { return QString::fromUtf8(cli({u"status"_s}).out.toUtf8()); }
    /// The state `burrow-cli status` gives `version` ("applied", "pending", "failed" …).
    QString state(const QString &version) const
    {
        for (const QString &line : status().split(u'\n')) {
            if (line.startsWith(version + u'_'))
                return line.section(u' ', 1, -1, QString::SectionSkipEmpty).section(u' ', 0, 0);
        }
        return u"(not listed)"_s;
    }

    TestDatabase db{GetParam()};
    TempDir dir;
};

TEST_P(CliResolve, status_says_how_many_statements_ran)
{
    EXPECT_TRUE(status().contains(u"stopped part-way, 2 of 3 statements ran"_s))
        << status().toStdString();
    const QString json = cli({u"status"_s, u"--format"_s, u"json"_s}).out;
    EXPECT_TRUE(json.contains(QRegularExpression(u"\"statements_applied\": 2\\b"_s)))
        << json.toStdString();
}

TEST_P(CliResolve, the_next_apply_names_the_way_out)
{
    const CliRun blocked = cli({u"apply"_s, u"--no-backup"_s});
    EXPECT_EQ(blocked.exitCode, 2) << blocked.err.toStdString();
    EXPECT_TRUE(blocked.err.contains(u"burrow-cli resolve 0001 --applied"_s) &&
                blocked.err.contains(u"burrow-cli apply --continue"_s))
        << blocked.err.toStdString();
    const CliRun unsaid = cli({u"resolve"_s, u"1"_s});
    EXPECT_EQ(unsaid.exitCode, 2);
    EXPECT_TRUE(unsaid.err.contains(u"--applied"_s)) << unsaid.err.toStdString();
    EXPECT_EQ(state(u"0001"_s), u"failed"_s) << "a refused resolve recorded something";
}

TEST_P(CliResolve, finished_by_hand_the_migration_counts_as_applied_and_apply_goes_on)
{
    db.exec(u"INSERT INTO genre VALUES (2)"_s); // what the failed statement meant to do
    const CliRun resolved = cli({u"resolve"_s, u"1"_s, u"--applied"_s});
    ASSERT_EQ(resolved.exitCode, 0) << resolved.err.toStdString();
    EXPECT_TRUE(resolved.out.contains(u"2 statements of 3 had run"_s))
        << resolved.out.toStdString();
    EXPECT_TRUE(status().contains(u"finished by hand"_s)) << status().toStdString();

    const CliRun applied = cli({u"apply"_s, u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(state(u"0002"_s), u"applied"_s) << status().toStdString();
    EXPECT_EQ(db.rows(u"SELECT id FROM genre ORDER BY id"_s), (QStringList{u"1"_s, u"2"_s}));

    const CliRun again = cli({u"resolve"_s, u"1"_s, u"--applied"_s});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.err.contains(u"nothing to settle"_s)) << again.err.toStdString();
}

TEST_P(CliResolve, undone_by_hand_the_migration_runs_again_from_its_first_statement)
{
    db.exec(u"DROP TABLE genre"_s);
    write(u"0001_genres.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                "INSERT INTO genre VALUES (1);");
    const CliRun resolved = cli({u"resolve"_s, u"1"_s, u"--pending"_s});
    ASSERT_EQ(resolved.exitCode, 0) << resolved.err.toStdString();
    EXPECT_EQ(state(u"0001"_s), u"pending"_s) << status().toStdString();

    const CliRun applied = cli({u"apply"_s, u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(state(u"0001"_s), u"applied"_s) << status().toStdString();
    EXPECT_EQ(state(u"0002"_s), u"applied"_s) << status().toStdString();
    EXPECT_EQ(db.rows(u"SELECT id FROM genre"_s), QStringList{u"1"_s});
}

TEST_P(CliResolve, continued_once_fixed_it_runs_the_statements_after_those_that_ran)
{
    db.exec(u"CREATE TABLE no_such_table (id INTEGER)"_s); // what stopped it, fixed
    const CliRun continued = cli({u"apply"_s, u"--continue"_s});
    ASSERT_EQ(continued.exitCode, 0) << continued.err.toStdString();
    EXPECT_TRUE(continued.err.contains(u"continuing 0001_genres at statement 3 of 3"_s))
        << continued.err.toStdString();
    EXPECT_FALSE(continued.err.contains(u"applying 0001_genres"_s))
        << "continued, not applied from the start: " << continued.err.toStdString();
    EXPECT_TRUE(continued.out.contains(u"Backup: "_s)) << continued.out.toStdString();
    EXPECT_EQ(state(u"0001"_s), u"applied"_s) << status().toStdString();
    EXPECT_EQ(state(u"0002"_s), u"applied"_s) << "the pending ones after it run too";
    EXPECT_EQ(db.rows(u"SELECT id FROM genre"_s), QStringList{u"1"_s}) << "ran once, not twice";
    EXPECT_EQ(db.rows(u"SELECT id FROM no_such_table"_s), QStringList{u"1"_s});

    const CliRun again = cli({u"apply"_s, u"--continue"_s});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.err.contains(u"nothing to continue"_s)) << again.err.toStdString();
}

TEST_P(CliResolve, continuing_stops_at_to_but_never_before_the_stopped_migration)
{
    db.exec(u"CREATE TABLE no_such_table (id INTEGER)"_s);
    const CliRun before = cli({u"apply"_s, u"--no-backup"_s, u"--continue"_s, u"--to"_s, u"0"_s});
    EXPECT_EQ(before.exitCode, 2);
    EXPECT_TRUE(before.err.contains(u"--to 0 is before 0001, the migration to continue"_s))
        << before.err.toStdString();
    EXPECT_EQ(state(u"0001"_s), u"failed"_s) << status().toStdString();

    const CliRun upTo = cli({u"apply"_s, u"--no-backup"_s, u"--continue"_s, u"--to"_s, u"1"_s});
    ASSERT_EQ(upTo.exitCode, 0) << upTo.err.toStdString();
    EXPECT_EQ(state(u"0001"_s), u"applied"_s) << status().toStdString();
    EXPECT_EQ(state(u"0002"_s), u"pending"_s) << status().toStdString();
}

TEST_P(CliResolve, continuing_an_apply_that_was_killed_warns_that_the_next_statement_may_have_run)
{
    // What a kill -9 of the server leaves: the row still running, with the count of the last
    // statement recorded.
    db.exec(u"UPDATE burrow_migrations SET status = 'running' WHERE version = '0001'"_s);
    db.exec(u"CREATE TABLE no_such_table (id INTEGER)"_s);
    const CliRun continued = cli({u"apply"_s, u"--no-backup"_s, u"--continue"_s});
    ASSERT_EQ(continued.exitCode, 0) << continued.err.toStdString();
    EXPECT_TRUE(continued.err.contains(u"statement 3 may have run already"_s))
        << continued.err.toStdString();
    EXPECT_EQ(state(u"0001"_s), u"applied"_s) << status().toStdString();
}

TEST_P(CliResolve, a_stopped_migration_whose_file_is_gone_cannot_be_continued)
{
    ASSERT_TRUE(QFile::remove(dir.path(u"migrations/0001_genres.sql"_s)));
    const CliRun continued = cli({u"apply"_s, u"--no-backup"_s, u"--continue"_s});
    EXPECT_EQ(continued.exitCode, 2);
    EXPECT_TRUE(continued.err.contains(u"0001 (genres) stopped part-way, and its file is gone"_s))
        << continued.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT COUNT(*) FROM genre"_s), QStringList{u"1"_s});
}

TEST_P(CliResolve, continuing_a_migration_that_still_fails_keeps_the_count)
{
    const CliRun continued = cli({u"apply"_s, u"--no-backup"_s, u"--continue"_s});
    EXPECT_EQ(continued.exitCode, 1) << continued.err.toStdString();
    EXPECT_FALSE(continued.err.contains(u"restore"_s)) << "no backup was taken to restore";
    EXPECT_EQ(state(u"0001"_s), u"failed"_s) << status().toStdString();
    EXPECT_EQ(db.rows(u"SELECT id FROM genre"_s), QStringList{u"1"_s});
    EXPECT_TRUE(status().contains(u"2 of 3"_s)) << status().toStdString();
}

TEST_P(CliResolve, only_the_statements_after_those_that_ran_may_change_before_continuing)
{
    // Applied without a backup, nothing holds the text that ran: an edit is refused.
    write(u"0001_genres.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                "INSERT INTO genre VALUES (1);\n"
                                "INSERT INTO genre VALUES (2);");
    const CliRun unknown = cli({u"apply"_s, u"--no-backup"_s, u"--continue"_s});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(u"no backup beside the migrations holds the text that ran"_s))
        << unknown.err.toStdString();

    // It stops again, now applied with a backup that keeps the file as it ran.
    ASSERT_EQ(cli({u"resolve"_s, u"1"_s, u"--pending"_s}).exitCode, 0);
    db.exec(u"DROP TABLE genre"_s);
    write(u"0001_genres.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                "INSERT INTO genre VALUES (1);\n"
                                "INSERT INTO no_such_table VALUES (1);");
    const CliRun stopped = cli({u"apply"_s, u"--no-rehearsal"_s});
    ASSERT_EQ(stopped.exitCode, 1);
    EXPECT_TRUE(stopped.err.contains(QRegularExpression(
        u"burrow-cli restore --from \\S*migrations/backups/\\d{8}T\\d{6}Z_0002\\)"_s)))
        << "names the backup it took: " << stopped.err.toStdString();
    ASSERT_EQ(state(u"0001"_s), u"failed"_s) << status().toStdString();

    write(u"0001_genres.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                "INSERT INTO genre VALUES (10);\n"
                                "INSERT INTO genre VALUES (2);");
    const CliRun changed = cli({u"apply"_s, u"--continue"_s});
    EXPECT_EQ(changed.exitCode, 2) << changed.err.toStdString();
    EXPECT_TRUE(changed.err.contains(u"statement 2 of 0001 is not the one that ran"_s))
        << changed.err.toStdString();

    write(u"0001_genres.sql"_s, "CREATE TABLE genre (id INTEGER PRIMARY KEY);\n"
                                "INSERT INTO genre VALUES (1);\n"
                                "INSERT INTO genre VALUES (2);"); // the failing one, fixed
    const CliRun fixed = cli({u"apply"_s, u"--continue"_s});
    ASSERT_EQ(fixed.exitCode, 0) << fixed.err.toStdString();
    EXPECT_EQ(state(u"0001"_s), u"applied"_s) << "under the checksum of the file as it is now";
    EXPECT_EQ(db.rows(u"SELECT id FROM genre ORDER BY id"_s), (QStringList{u"1"_s, u"2"_s}));
}

INSTANTIATE_TEST_SUITE_P(Engines, CliResolve, allBackends(), backendParamName);

} // namespace
