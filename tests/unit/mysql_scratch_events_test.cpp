// MariaDB events never fire in Burrow's scratch databases (a model's, a dry run's copy), even
// with the server's event_scheduler ON, while their declared status is still compared.
#include "dialect/mysql/mysql_event_guard.h"
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::dialect::mysql;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

TEST(ScratchEventRewrite, an_enabled_event_is_created_disabled_keeping_its_declared_status)
{
    const ScratchEvent e = scratchEvent(
        u"CREATE DEFINER=`a`@`%` EVENT IF NOT EXISTS `tick` ON SCHEDULE EVERY 1 SECOND "
        "ON COMPLETION PRESERVE enable COMMENT 'x' DO INSERT INTO t VALUES ('ENABLE')"_s);
    EXPECT_EQ(e.name, u"tick");
    EXPECT_EQ(e.status, u"ENABLE");
    EXPECT_EQ(e.sql, u"CREATE DEFINER=`a`@`%` EVENT IF NOT EXISTS `tick` ON SCHEDULE EVERY 1 "
                     "SECOND ON COMPLETION PRESERVE DISABLE COMMENT 'x' DO INSERT INTO t VALUES "
                     "('ENABLE')");
}

TEST(ScratchEventRewrite, an_event_without_status_gets_disable_before_its_comment_or_body)
{
    EXPECT_EQ(disarmedForScratch(u"CREATE EVENT e ON SCHEDULE AT CURRENT_TIMESTAMP DO DELETE "
                                 "FROM t"_s),
              u"CREATE EVENT e ON SCHEDULE AT CURRENT_TIMESTAMP DISABLE DO DELETE FROM t");
    EXPECT_EQ(disarmedForScratch(u"CREATE OR REPLACE EVENT e ON SCHEDULE EVERY (1) DAY "
                                 "COMMENT 'ENABLE' DO DELETE FROM t"_s),
              u"CREATE OR REPLACE EVENT e ON SCHEDULE EVERY (1) DAY DISABLE COMMENT 'ENABLE' DO "
              "DELETE FROM t");
    EXPECT_EQ(scratchEvent(u"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t"_s).status,
              u"ENABLE");
}

TEST(ScratchEventRewrite, disable_on_slave_and_alter_enable_become_disable)
{
    const ScratchEvent onSlave = scratchEvent(
        u"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DISABLE  ON SLAVE DO DELETE FROM t"_s);
    EXPECT_EQ(onSlave.status, u"DISABLE ON SLAVE");
    EXPECT_EQ(onSlave.sql, u"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM t");
    EXPECT_EQ(disarmedForScratch(u"ALTER EVENT e ENABLE"_s), u"ALTER EVENT e DISABLE");
    EXPECT_EQ(disarmedForScratch(u"ALTER DEFINER=`a`@`%` EVENT `e` ON SCHEDULE EVERY 2 HOUR "
                                 "ENABLE DO DELETE FROM t"_s),
              u"ALTER DEFINER=`a`@`%` EVENT `e` ON SCHEDULE EVERY 2 HOUR DISABLE DO DELETE FROM t");
    EXPECT_EQ(disarmedForScratch(u"ALTER EVENT e COMMENT 'c'"_s), u"ALTER EVENT e COMMENT 'c'");
    EXPECT_TRUE(scratchEvent(u"ALTER EVENT e COMMENT 'c'"_s).status.isEmpty());
}

TEST(ScratchEventRewrite, a_dumps_executable_comments_are_opened_and_disabled)
{
    const QString dumped =
        u"/*!50106 CREATE*/ /*!50117 DEFINER=`burrow`@`127.0.0.1`*/ /*!50106 EVENT `e1` ON "
        "SCHEDULE EVERY 1 HOUR STARTS '2026-11-22 21:20:52' ON COMPLETION NOT PRESERVE ENABLE "
        "DO insert into marker values (1) \n*/"_s;
    const ScratchEvent e = scratchEvent(dumped);
    EXPECT_EQ(e.name, u"e1");
    EXPECT_EQ(e.status, u"ENABLE");
    EXPECT_TRUE(e.sql.contains(u"NOT PRESERVE DISABLE DO insert"_s)) << e.sql.toStdString();
    EXPECT_FALSE(e.sql.contains(u"ENABLE"_s)) << e.sql.toStdString();
}

TEST(ScratchEventRewrite, other_statements_run_as_written)
{
    for (const QString &sql : {u"CREATE TABLE event (id INT)"_s, u"DROP EVENT e"_s,
                               u"INSERT INTO t VALUES ('CREATE EVENT e ENABLE')"_s}) {
        EXPECT_EQ(disarmedForScratch(sql), sql);
    }
}

TEST(ScratchEventRewrite, declared_statuses_follow_alter_rename_and_drop)
{
    const EventStatuses statuses = declaredEventStatuses(
        {{u"CREATE EVENT A ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM t"_s},
         {u"CREATE EVENT b ON SCHEDULE EVERY 1 DAY DO DELETE FROM t"_s},
         {u"ALTER EVENT a RENAME TO c ENABLE"_s},
         {u"ALTER EVENT b DISABLE ON SLAVE"_s},
         {u"CREATE EVENT d ON SCHEDULE EVERY 1 DAY DO DELETE FROM t"_s},
         {u"DROP EVENT IF EXISTS d"_s}});
    EXPECT_EQ(statuses, (EventStatuses{{u"c"_s, u"ENABLE"_s}, {u"b"_s, u"DISABLE ON SLAVE"_s}}));
}

/// Turns the server's event scheduler on while it lives, then back to what it was (also when
/// the test fails part-way). Tests doing so at once (ctest -j) take turns through a server-wide
/// lock: one that read another's ON would otherwise leave the scheduler on for good.
class SchedulerOn {
public:
    explicit SchedulerOn(TestDatabase &db)
        : m_session(db)
    {
        EXPECT_EQ(m_session.rows(u"SELECT GET_LOCK('burrow_test_event_scheduler', 120)"_s),
                  QStringList{u"1"_s});
        m_before = m_session.rows(u"SELECT @@GLOBAL.event_scheduler"_s).value(0);
        m_session.exec(u"SET GLOBAL event_scheduler = ON"_s);
    }
    ~SchedulerOn() { m_session.exec(u"SET GLOBAL event_scheduler = "_s + m_before); }

private:
    ServerSession m_session; // holds the lock until it closes
    QString m_before;
};

class MysqlScratchEvents : public ::testing::Test {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.execEach({u"CREATE TABLE marker (place VARCHAR(64))"_s, tick(u""_s)});
    }

    /// An event that runs every second and, run anywhere but in the test's own database,
    /// writes where it ran into that database's marker table: what a scratch database must
    /// never do to the user's data.
    QString tick(const QString &status) const
    {
        return u"CREATE EVENT tick ON SCHEDULE EVERY 1 SECOND "_s + status +
               u" DO INSERT INTO `"_s + db.name() +
               u"`.marker SELECT DATABASE() FROM DUAL "
               "WHERE DATABASE() <> '"_s +
               db.name() + u'\'';
    }
    QString model(const QString &name, const QStringList &statements)
    {
        return dir.write(name,
                         (QStringList{u"CREATE TABLE marker (place VARCHAR(64))"_s} + statements)
                                 .join(u";\n")
                                 .toUtf8() +
                             ";\n");
    }
    /// A migration creating `made`, an enabled copy of tick, then waiting long enough for it to
    /// run; returns the event's statement.
    QString writeMigrationMakingAnEvent()
    {
        const QString made = tick(u"ENABLE"_s).replace(u"EVENT tick"_s, u"EVENT made"_s);
        QDir().mkpath(dir.path(u"migrations"_s));
        dir.write(
            u"migrations/0001_made.sql"_s,
            (u"-- migrate:up\n"_s + made + u";\nSELECT SLEEP(1.5);\n-- migrate:down\n"_s).toUtf8());
        return made;
    }
    /// Where events ran that should not have, after giving them time to.
    QString markedAfterAWhile()
    {
        QThread::msleep(2000);
        return db.rows(u"SELECT DISTINCT place FROM marker"_s).join(u", ");
    }

    TestDatabase db{Backend::MariaDB};
    TempDir dir;
};

} // namespace

// The model loads with SLEEP after its event: long enough for an enabled event to run there.
TEST_F(MysqlScratchEvents, diff_runs_no_model_event_and_still_compares_the_declared_status)
{
    SchedulerOn scheduler(db);
    const QString same = model(u"same.sql"_s, {tick(u""_s), u"SELECT SLEEP(1.5)"_s});
    const CliRun unchanged = runCli({u"diff"_s, u"--db"_s, db.url(), u"--model"_s, same});
    EXPECT_EQ(unchanged.exitCode, 0) << unchanged.out.toStdString() << unchanged.err.toStdString();
    EXPECT_EQ(markedAfterAWhile().toStdString(), "");

    const QString disabled = model(u"disabled.sql"_s, {tick(u"DISABLE"_s)});
    const CliRun changed = runCli({u"diff"_s, u"--db"_s, db.url(), u"--model"_s, disabled});
    EXPECT_EQ(changed.exitCode, 1) << changed.err.toStdString();
    EXPECT_TRUE(changed.out.contains(u"status ENABLE → DISABLE"_s)) << changed.out.toStdString();
    const QString onSlave = model(u"slave.sql"_s, {tick(u"DISABLE ON SLAVE"_s)});
    const CliRun slave = runCli({u"diff"_s, u"--db"_s, db.url(), u"--model"_s, onSlave});
    EXPECT_TRUE(slave.out.contains(u"status ENABLE → DISABLE ON SLAVE"_s))
        << slave.out.toStdString();
}

// The copy holds the live event, and the migration creates another enabled one there.
TEST_F(MysqlScratchEvents, a_dry_run_runs_no_event_on_its_copy_and_compares_declared_statuses)
{
    SchedulerOn scheduler(db);
    const QString made = writeMigrationMakingAnEvent();
    const auto dryRun = [&](const QString &modelPath) {
        return runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s,
                       dir.path(u"migrations"_s), u"--model"_s, modelPath, u"--dry-run"_s});
    };
    const CliRun ran = dryRun(model(u"after.sql"_s, {tick(u""_s), made}));
    ASSERT_EQ(ran.exitCode, 0) << ran.err.toStdString();
    EXPECT_TRUE(ran.out.contains(u"No differences remain against the models."_s))
        << ran.out.toStdString();
    EXPECT_TRUE(ran.err.contains(u"EVENT made ON SCHEDULE EVERY 1 SECOND ENABLE"_s))
        << "the progress shows the statement as written: " << ran.err.toStdString();
    EXPECT_EQ(markedAfterAWhile().toStdString(), "");
    EXPECT_EQ(db.rows(u"SELECT EVENT_NAME FROM information_schema.EVENTS "
                      "WHERE EVENT_SCHEMA = DATABASE()"_s),
              QStringList{u"tick"_s});

    const CliRun differs = dryRun(model(u"disabled.sql"_s, {tick(u"DISABLE"_s), made}));
    ASSERT_EQ(differs.exitCode, 0) << differs.err.toStdString();
    EXPECT_TRUE(differs.out.contains(u"Differences remain"_s)) << differs.out.toStdString();
}

// A real apply first rehearses on a copy: the migration's enabled event must not run there (a
// one-time event would run twice), while the database itself gets it enabled, as written.
TEST_F(MysqlScratchEvents, the_rehearsal_before_a_real_apply_runs_no_event_on_its_copy)
{
    SchedulerOn scheduler(db);
    const QString made = writeMigrationMakingAnEvent();
    const CliRun applied = runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s,
                                   dir.path(u"migrations"_s), u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(markedAfterAWhile().toStdString(), "");
    EXPECT_EQ(db.rows(u"SELECT EVENT_NAME, STATUS FROM information_schema.EVENTS "
                      "WHERE EVENT_SCHEMA = DATABASE() ORDER BY 1"_s),
              (QStringList{u"made|ENABLED"_s, u"tick|ENABLED"_s}));
}
