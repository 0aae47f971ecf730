// On MariaDB the backup taken before an apply is proven to load again: the rehearsal's scratch
// copy is loaded from it, so the database is dumped once before the apply, not twice. A dump
// that looks complete (its closing line is there) but does not load stops the apply before
// anything runs, and leaves no backup behind that could pass for a good one; a restore tries its
// dump on a scratch database before it replaces anything, and leaves nothing a migration created
// since the backup.
#include "dialect/mysql/mysql_tools.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// mariadb-dump behind a wrapper on PATH: counts its runs, and writes a line that is not SQL
/// into the dump file named BURROW_TEST_BREAK_DUMP (its closing line kept).
class MariadbBackupReload : public ::testing::Test {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        const QString real = QStandardPaths::findExecutable(u"mariadb-dump"_s);
        ASSERT_FALSE(real.isEmpty());
        ASSERT_TRUE(QDir().mkpath(dir.path(u"tools"_s)) &&
                    QDir().mkpath(dir.path(u"migrations"_s)));
        const QString wrapper = dir.write(
            u"tools/mariadb-dump"_s,
            "#!/bin/sh\n"
            "echo run >> \"$BURROW_TEST_DUMP_LOG\"\n"
            "\"" +
                real.toUtf8() +
                "\" \"$@\" || exit $?\n"
                "[ -n \"$BURROW_TEST_BREAK_DUMP\" ] || exit 0\n"
                "for a in \"$@\"; do case \"$a\" in --result-file=*/\"$BURROW_TEST_BREAK_DUMP\") "
                "sed -i '2i THIS IS NOT SQL;' \"${a#--result-file=}\";; esac; done\n");
        ASSERT_TRUE(QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::ExeOwner));
        path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(dir.path(u"tools"_s)) + ':' + path);
        qputenv("BURROW_TEST_DUMP_LOG", QFile::encodeName(dir.path(u"dumps.log"_s)));
        db.exec(u"CREATE TABLE note (id INTEGER PRIMARY KEY); INSERT INTO note VALUES (1)"_s);
        dir.write(u"migrations/0001_extra.sql"_s,
                  "-- migrate:up\nALTER TABLE note ADD COLUMN extra INTEGER;\n"
                  "-- migrate:down\nALTER TABLE note DROP COLUMN extra;\n");
    }
    void TearDown() override
    {
        if (!path.isEmpty())
            qputenv("PATH", path);
        qunsetenv("BURROW_TEST_DUMP_LOG");
        qunsetenv("BURROW_TEST_BREAK_DUMP");
    }
    CliRun apply() const
    {
        return runCli(
            {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, dir.path(u"migrations"_s)});
    }
    int dumps() const
    {
        QFile log(dir.path(u"dumps.log"_s));
        return log.open(QIODevice::ReadOnly) ? int(log.readAll().count('\n')) : 0;
    }
    QStringList backups() const
    {
        return QDir(dir.path(u"migrations/backups"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }

    TestDatabase db{Backend::MariaDB};
    TempDir dir;
    QByteArray path;
};

/// A dump's text without its events section, as copyWithoutEvents leaves it.
QString withoutEvents(const QByteArray &dump)
{
    TempDir dir;
    const QString copy = dir.path(u"copy.sql"_s);
    const burrow::Status copied =
        burrow::dialect::mysql::copyWithoutEvents(dir.write(u"dump.sql"_s, dump), copy);
    EXPECT_TRUE(copied) << (copied ? std::string() : copied.error().toString().toStdString());
    QFile file(copy);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

TEST(MariadbDumpWithoutEvents, leaves_out_every_event_even_one_whose_body_holds_a_comment)
{
    const QString copy = withoutEvents(
        "CREATE TABLE t (id int);\n--\n-- Dumping events for database 'd'\n--\n"
        "/*!50106 SET @save_time_zone= @@TIME_ZONE */ ;\nDELIMITER ;;\n"
        "/*!50106 CREATE*/ /*!50106 EVENT `e` ON SCHEDULE EVERY 1 DAY ENABLE DO BEGIN\n"
        "-- Dumping the old rows\nDELETE FROM t;\nEND */ ;;\nDELIMITER ;\n"
        "/*!50106 SET TIME_ZONE= @save_time_zone */ ;\n\n--\n"
        "-- Dumping routines for database 'd'\n--\nCREATE PROCEDURE p() SELECT 1;\n"
        "-- Dump completed\n");
    EXPECT_FALSE(copy.contains(u"EVENT"_s)) << copy.toStdString();
    EXPECT_FALSE(copy.contains(u"DELETE FROM t"_s)) << copy.toStdString();
    EXPECT_TRUE(copy.startsWith(u"CREATE TABLE t (id int);"_s)) << copy.toStdString();
    EXPECT_TRUE(copy.contains(u"-- Dumping routines for database 'd'\n--\nCREATE PROCEDURE p()"_s))
        << copy.toStdString();
    EXPECT_TRUE(copy.endsWith(u"-- Dump completed\n"_s)) << copy.toStdString();
}

TEST(MariadbDumpWithoutEvents, a_database_without_events_keeps_everything_after_the_header)
{
    const QString copy = withoutEvents("CREATE TABLE t (id int);\n--\n-- Dumping events for "
                                       "database 'd'\n--\n\n--\n-- Dumping routines for "
                                       "database 'd'\n--\n/*!40103 SET TIME_ZONE=@OLD */;\n");
    EXPECT_TRUE(copy.contains(u"-- Dumping routines for database 'd'\n--\n/*!40103"_s))
        << copy.toStdString();
    EXPECT_FALSE(copy.contains(u"events"_s)) << copy.toStdString();
}

TEST_F(MariadbBackupReload, the_rehearsal_loads_the_backup_instead_of_dumping_again)
{
    const CliRun applied = apply();
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(dumps(), 2) << "the backup before (loaded again for the rehearsal) and the one after";
    EXPECT_TRUE(applied.err.startsWith(u"backing up the database…\nrehearsing on a scratch copy "
                                       u"loaded from the backup…\napplying 0001_extra"_s))
        << "says what it does while it does it: " << applied.err.toStdString();
    EXPECT_EQ(backups().size(), 1);
    EXPECT_EQ(db.rows(u"SELECT COUNT(extra) FROM note"_s), QStringList{u"0"_s});
}

TEST_F(MariadbBackupReload, a_backup_that_does_not_load_again_stops_the_apply_before_it_runs)
{
    qputenv("BURROW_TEST_BREAK_DUMP", "before.sql");
    const CliRun refused = apply();
    EXPECT_EQ(refused.exitCode, 2) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"before.sql does not load again into a scratch database"_s))
        << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"the database was not touched"_s))
        << refused.err.toStdString();
    EXPECT_TRUE(backups().isEmpty()) << backups().join(u", "_s).toStdString();
    EXPECT_EQ(db.columnNames(), QStringList{u"note.id"_s}) << "nothing ran";
}

TEST_F(MariadbBackupReload, a_restore_whose_dump_does_not_load_changes_nothing)
{
    qputenv("BURROW_TEST_BREAK_DUMP", "database.sql"); // `burrow-cli backup` writes that file
    const CliRun saved =
        runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, dir.path(u"saved"_s)});
    ASSERT_EQ(saved.exitCode, 0) << "it looks complete: " << saved.err.toStdString();
    qunsetenv("BURROW_TEST_BREAK_DUMP");
    db.exec(u"INSERT INTO note VALUES (2)"_s);

    const CliRun refused =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, dir.path(u"saved"_s), u"--yes"_s});
    EXPECT_EQ(refused.exitCode, 2) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"database.sql does not load again"_s) &&
                refused.err.contains(u"nothing was changed"_s))
        << refused.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id FROM note ORDER BY id"_s), (QStringList{u"1"_s, u"2"_s}));
}

TEST_F(MariadbBackupReload, what_a_migration_created_does_not_outlive_a_restore)
{
    const CliRun saved =
        runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, dir.path(u"saved"_s)});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    dir.write(u"migrations/0002_objects.sql"_s,
              "-- migrate:up\nCREATE PROCEDURE tally() SELECT COUNT(*) FROM note;\n"
              "CREATE FUNCTION one() RETURNS INT RETURN 1;\n"
              "CREATE EVENT sweep ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM note;\n"
              "CREATE VIEW notes AS SELECT id FROM note;\n-- migrate:down\n");
    ASSERT_EQ(apply().exitCode, 0);
    const QString objects =
        u"SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() "
        u"UNION ALL SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = "
        u"DATABASE() UNION ALL SELECT TABLE_NAME FROM information_schema.VIEWS WHERE "
        u"TABLE_SCHEMA = DATABASE() ORDER BY 1"_s;
    ASSERT_EQ(db.rows(objects), (QStringList{u"notes"_s, u"one"_s, u"sweep"_s, u"tally"_s}));

    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, dir.path(u"saved"_s), u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(db.rows(objects), QStringList{});
    EXPECT_EQ(db.columnNames(), QStringList{u"note.id"_s});
    const CliRun again = apply(); // from the history the backup holds: none
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
}

TEST_F(MariadbBackupReload, a_view_that_no_longer_reads_is_named_with_what_to_do)
{
    db.exec(u"CREATE TABLE t (id INT, gone INT); CREATE VIEW v AS SELECT id, gone FROM t; "
            u"ALTER TABLE t DROP COLUMN gone"_s);
    const CliRun refused =
        runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, dir.path(u"saved"_s)});
    EXPECT_EQ(refused.exitCode, 2) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"the view '"_s + db.name() +
                                     u".v' cannot be read, so it cannot be dumped: recreate it "
                                     u"as it should read (CREATE OR REPLACE VIEW) or drop it"_s))
        << refused.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.path(u"saved/database.sql"_s))) << "no half a backup";
}

} // namespace
