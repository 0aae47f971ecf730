// MariaDB's scheduled events (CREATE EVENT) end to end: read from information_schema, compared
// clause by clause with a model loaded on a scratch database (whose STARTS is its own loading
// time), created, altered in place and dropped by burrow-cli's migrations.
#include "dialect/dialect.h"
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kTable = u"CREATE TABLE records (id INT PRIMARY KEY, created_at DATETIME)"_s;

const QStringList kEvents{
    u"CREATE EVENT `daily_cleanup` ON SCHEDULE EVERY 1 DAY COMMENT 'purge old data'\n"
    "DO DELETE FROM records WHERE created_at < NOW() - INTERVAL 30 DAY"_s,
    u"CREATE EVENT `delete_expired` ON SCHEDULE EVERY '1 4' DAY_HOUR\n"
    "DO BEGIN\n  DELETE FROM `records` WHERE `created_at` < NOW();\nEND"_s,
    u"CREATE EVENT `one_time_task` ON SCHEDULE AT '2035-01-01 00:00:00'\n"
    "ON COMPLETION PRESERVE DO DELETE FROM records"_s,
    u"CREATE EVENT `ranged` ON SCHEDULE EVERY 5 MINUTE STARTS '2030-01-01 00:00:00' + "
    "INTERVAL 1 HOUR ENDS '2031-01-01' DISABLE DO DELETE FROM records WHERE id = 0"_s,
};

const schema::Event &eventNamed(const schema::Schema &s, const QString &name)
{
    static const schema::Event none;
    for (const schema::Event &e : s.events) {
        if (e.name == name)
            return e;
    }
    ADD_FAILURE() << "no event " << name.toStdString();
    return none;
}

class MysqlEvents : public ::testing::Test {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }

    /// The model: the table and `events`, one statement each.
    QString model(const QStringList &events)
    {
        return dir.write(u"model.sql"_s,
                         (QStringList{kTable} + events).join(u";\n").toUtf8() + ";\n");
    }
    void build(const QStringList &events) { db.execEach(QStringList{kTable} + events); }
    schema::Schema introspect() const
    {
        Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
        EXPECT_TRUE(url.ok());
        Result<std::unique_ptr<dialect::Dialect>> d = dialect::dialectFor(*url);
        EXPECT_TRUE(d.ok());
        Result<schema::Schema> s = (*d)->introspect(*url);
        EXPECT_TRUE(s.ok()) << s.error().toString().toStdString();
        return s ? *s : schema::Schema{};
    }
    CliRun diff(const QString &modelPath)
    {
        return runCli({u"diff"_s, u"--db"_s, db.url(), u"--model"_s, modelPath});
    }
    /// Plans; returns the one migration written (empty when none was).
    QString plan(const QString &modelPath, const QStringList &options = {u"--allow-destructive"_s})
    {
        const CliRun planned =
            runCli(QStringList{u"plan"_s, u"--db"_s, db.url(), u"--model"_s, modelPath,
                               u"--migrations"_s, dir.path(u"migrations"_s)} +
                   options);
        EXPECT_EQ(planned.exitCode, 0) << planned.err.toStdString();
        const QStringList files = planned.out.split(u'\n', Qt::SkipEmptyParts);
        return files.size() == 1 ? QString::fromUtf8(readBytes(files[0])) : QString();
    }
    CliRun apply()
    {
        return runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s,
                       dir.path(u"migrations"_s), u"--no-backup"_s});
    }

    TestDatabase db{Backend::MariaDB};
    TempDir dir;
};

} // namespace

TEST_F(MysqlEvents, introspection_reads_every_clause_of_each_event)
{
    build(kEvents);
    const schema::Schema s = introspect();
    ASSERT_EQ(s.events.size(), 4);
    const schema::Event &daily = eventNamed(s, u"daily_cleanup"_s);
    EXPECT_EQ(daily.schedule, u"EVERY 1 DAY");
    EXPECT_FALSE(daily.starts.isEmpty()) << "a live event starts when it was created";
    EXPECT_EQ(daily.comment, u"purge old data");
    EXPECT_EQ(daily.status, u"ENABLE");
    EXPECT_FALSE(daily.preserve);
    EXPECT_EQ(daily.body.text, u"DELETE FROM records WHERE created_at < NOW() - INTERVAL 30 DAY");
    EXPECT_TRUE(daily.definer.startsWith(u"burrow@"_s)) << daily.definer.toStdString();
    EXPECT_EQ(eventNamed(s, u"delete_expired"_s).schedule, u"EVERY '1 4' DAY_HOUR");
    EXPECT_TRUE(eventNamed(s, u"delete_expired"_s).body.text.startsWith(u"BEGIN\n"_s));
    const schema::Event &once = eventNamed(s, u"one_time_task"_s);
    EXPECT_EQ(once.schedule, u"AT '2035-01-01 00:00:00'");
    EXPECT_TRUE(once.starts.isEmpty());
    EXPECT_TRUE(once.preserve);
    const schema::Event &ranged = eventNamed(s, u"ranged"_s);
    EXPECT_EQ(ranged.starts, u"2030-01-01 01:00:00");
    EXPECT_EQ(ranged.ends, u"2031-01-01 00:00:00");
    EXPECT_EQ(ranged.status, u"DISABLE");
    EXPECT_TRUE(ranged.sql.contains(u"STARTS '2030-01-01 01:00:00' ENDS '2031-01-01 00:00:00' "
                                    u"ON COMPLETION NOT PRESERVE DISABLE DO"_s))
        << ranged.sql.toStdString();
}

// The model's scratch database creates its events a second later: a STARTS the model does not
// name is that moment, and must not read as a difference.
TEST_F(MysqlEvents, an_unchanged_model_shows_no_difference)
{
    build(kEvents);
    QThread::msleep(1100);
    const CliRun same = diff(model(kEvents));
    EXPECT_EQ(same.exitCode, 0) << same.out.toStdString() << same.err.toStdString();
}

TEST_F(MysqlEvents, new_events_are_created_as_the_model_types_them_and_then_nothing_differs)
{
    build({});
    const QString modelPath = model(kEvents);
    const CliRun before = diff(modelPath);
    EXPECT_EQ(before.exitCode, 1) << before.err.toStdString();
    EXPECT_TRUE(before.out.contains(u"+ event daily_cleanup"_s)) << before.out.toStdString();
    const QString migration = plan(modelPath);
    EXPECT_TRUE(upSection(migration).contains(kEvents[1])) << migration.toStdString();
    EXPECT_TRUE(downSection(migration).contains(u"DROP EVENT `ranged`"_s))
        << migration.toStdString();
    const CliRun applied = apply();
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(introspect().events.size(), 4);
    const CliRun after = diff(modelPath);
    EXPECT_EQ(after.exitCode, 0) << after.out.toStdString() << after.err.toStdString();
}

TEST_F(MysqlEvents, a_changed_schedule_is_altered_in_place_and_the_down_section_restores_it)
{
    build({u"CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY COMMENT 'nightly' "
           "DO DELETE FROM records"_s});
    const QString startedAt = eventNamed(introspect(), u"cleanup"_s).starts;
    const QString modelPath = model({u"CREATE EVENT cleanup ON SCHEDULE EVERY 2 HOUR "
                                     "COMMENT 'nightly' DO DELETE FROM records"_s});
    const CliRun before = diff(modelPath);
    EXPECT_EQ(before.exitCode, 1) << before.err.toStdString();
    EXPECT_TRUE(before.out.contains(u"schedule EVERY 1 DAY → EVERY 2 HOUR"_s))
        << before.out.toStdString();
    EXPECT_FALSE(before.out.contains(u"comment"_s)) << before.out.toStdString();

    const QString migration = plan(modelPath);
    EXPECT_TRUE(upSection(migration).contains(
        u"EVENT `cleanup` ON SCHEDULE EVERY 2 HOUR STARTS '"_s + startedAt + u'\''))
        << migration.toStdString();
    EXPECT_TRUE(upSection(migration).contains(u"ALTER DEFINER=`burrow`@"_s))
        << "keeps its definer: " << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"DROP EVENT"_s)) << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"COMMENT"_s))
        << "only what differs: " << migration.toStdString();
    EXPECT_TRUE(downSection(migration).contains(u"ON SCHEDULE EVERY 1 DAY"_s))
        << migration.toStdString();
    const CliRun applied = apply();
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT INTERVAL_VALUE, INTERVAL_FIELD, EVENT_COMMENT FROM "
                      "information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()"_s),
              QStringList{u"2|HOUR|nightly"_s});
    const CliRun after = diff(modelPath);
    EXPECT_EQ(after.exitCode, 0) << after.out.toStdString() << after.err.toStdString();

    db.execEach(QStringList{downSection(migration).trimmed().chopped(1)});
    EXPECT_EQ(db.rows(u"SELECT INTERVAL_VALUE, INTERVAL_FIELD, CAST(STARTS AS CHAR) FROM "
                      "information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()"_s),
              QStringList{u"1|DAY|"_s + startedAt});
}

TEST_F(MysqlEvents, a_removed_event_is_dropped_only_when_destructive_changes_are_allowed)
{
    build({u"CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM records"_s});
    const QString modelPath = model({});
    const CliRun before = diff(modelPath);
    EXPECT_EQ(before.exitCode, 1) << before.err.toStdString();
    EXPECT_TRUE(before.out.contains(u"- event cleanup"_s)) << before.out.toStdString();

    EXPECT_TRUE(plan(modelPath, {}).isEmpty()) << "left out without --allow-destructive";
    EXPECT_TRUE(QDir(dir.path(u"migrations"_s)).entryList({u"*.sql"_s}).isEmpty());

    const QString migration = plan(modelPath);
    EXPECT_TRUE(upSection(migration).contains(u"DROP EVENT `cleanup`"_s))
        << migration.toStdString();
    EXPECT_TRUE(
        downSection(migration).contains(u"EVENT `cleanup` ON SCHEDULE EVERY 1 DAY STARTS '"_s))
        << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"Irreversible"_s)) << migration.toStdString();
    const CliRun applied = apply();
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_TRUE(introspect().events.isEmpty());
    const CliRun after = diff(modelPath);
    EXPECT_EQ(after.exitCode, 0) << after.out.toStdString() << after.err.toStdString();
}

TEST_F(MysqlEvents, a_restored_backup_brings_back_its_events_and_none_made_after_it)
{
    build({u"CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM records"_s});
    const QString backup = dir.path(u"backup"_s);
    const CliRun saved = runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, backup});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    db.execEach({u"DROP EVENT cleanup"_s,
                 u"CREATE EVENT later ON SCHEDULE EVERY 1 HOUR DO DELETE FROM records"_s});
    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, backup, u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(db.rows(u"SELECT EVENT_NAME, INTERVAL_FIELD FROM information_schema.EVENTS "
                      "WHERE EVENT_SCHEMA = DATABASE()"_s),
              QStringList{u"cleanup|DAY"_s});
}
