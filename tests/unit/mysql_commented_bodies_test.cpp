// Comments in the bodies of triggers, events and routines survive a MariaDB backup and restore.
// By default the mariadb client strips comments out of what it sends: a routine's body came back
// without them, and a trigger's or event's, which mariadb-dump wraps in a version comment
// (/*!50003 … */), was mangled so that the dump did not load: the migration could not be
// rehearsed, the backup not restored. Dumps are loaded with --comments.
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QFile>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class MariadbCommentedBodies : public ::testing::Test {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        ASSERT_TRUE(QDir().mkpath(dir.path(u"migrations"_s)));
        db.exec(u"CREATE TABLE note (id INTEGER PRIMARY KEY, seen INTEGER)"_s);
        db.exec(u"CREATE TRIGGER stamp BEFORE INSERT ON note FOR EACH ROW "
                u"SET NEW.seen = /* the first time */ 1"_s);
        db.exec(u"CREATE EVENT sweep ON SCHEDULE EVERY 1 DAY DISABLE "
                u"DO DELETE FROM note WHERE seen IS NULL /* never seen */"_s);
        db.exec(u"CREATE PROCEDURE tally() SELECT COUNT(*) FROM note /* all of them */"_s);
        dir.write(u"migrations/0001_extra.sql"_s,
                  "-- migrate:up\nALTER TABLE note ADD COLUMN extra INTEGER;\n"
                  "-- migrate:down\nALTER TABLE note DROP COLUMN extra;\n");
    }
    QStringList bodies()
    {
        return db.rows(
            u"SELECT ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = "
            u"DATABASE() UNION ALL SELECT EVENT_DEFINITION FROM information_schema.EVENTS WHERE "
            u"EVENT_SCHEMA = DATABASE() UNION ALL SELECT ROUTINE_DEFINITION FROM "
            u"information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"_s);
    }

    TestDatabase db{Backend::MariaDB};
    TempDir dir;
};

TEST_F(MariadbCommentedBodies, are_rehearsed_backed_up_and_restored_whole)
{
    const QStringList before = bodies();
    ASSERT_EQ(before.size(), 3);
    ASSERT_TRUE(before.join(u' ').contains(u"/* the first time */"_s));

    const CliRun applied =
        runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, dir.path(u"migrations"_s)});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    const QStringList saved =
        QDir(dir.path(u"migrations/backups"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    ASSERT_EQ(saved.size(), 1);

    const CliRun restored =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s,
                dir.path(u"migrations/backups/"_s + saved.first()), u"--yes"_s});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(db.columnNames(), (QStringList{u"note.id"_s, u"note.seen"_s}));
    EXPECT_EQ(bodies(), before) << "comments and all";
    db.exec(u"INSERT INTO note (id) VALUES (1)"_s);
    EXPECT_EQ(db.rows(u"SELECT seen FROM note"_s), QStringList{u"1"_s});
}

} // namespace
