// Reading where every migration stands, and baselining up to a version: the functions the
// workbench's migrations panel and `burrow-cli status`/`baseline` share.
#include "dialect/database_url.h"
#include "migration/status.h"
#include "test_support.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::migration;
using namespace Qt::Literals::StringLiterals;

namespace {

class MigrationStatusRead : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::createDatabase(database(), "CREATE TABLE t (id INTEGER PRIMARY KEY);");
        ASSERT_TRUE(QDir().mkpath(migrations()));
        for (const char *name : {"0001_one.sql", "0002_two.sql", "0003_three.sql"})
            dir.write(u"migrations/"_s + QString::fromLatin1(name),
                      "-- migrate:up\nCREATE TABLE t" + QByteArray(name).left(4) +
                          " (id INTEGER);\n-- migrate:down\n");
    }
    QString database() const { return dir.path(u"db.sqlite3"_s); }
    QString migrations() const { return dir.path(u"migrations"_s); }
    dialect::DatabaseUrl url() const
    {
        return *dialect::parseDatabaseUrl(u"sqlite:"_s + database());
    }
    QStringList states()
    {
        Result<QList<MigrationStatus>> list = readMigrationStatus(url(), migrations());
        EXPECT_TRUE(list) << (list ? "" : list.error().toString().toStdString());
        QStringList out;
        for (const MigrationStatus &s : list ? *list : QList<MigrationStatus>{})
            out.append(s.version + u' ' + stateName(s.state));
        return out;
    }

    test::TempDir dir;
};

TEST_F(MigrationStatusRead, lists_every_file_as_pending_without_writing_the_database)
{
    const QByteArray before = test::fileHash(database());
    EXPECT_EQ(states(), (QStringList{u"0001 pending"_s, u"0002 pending"_s, u"0003 pending"_s}));
    EXPECT_EQ(test::fileHash(database()), before);
}

TEST_F(MigrationStatusRead, baseline_records_up_to_the_version_without_running_anything)
{
    Result<QList<MigrationEntry>> recorded = baselineUpTo(url(), migrations(), 2);
    ASSERT_TRUE(recorded) << recorded.error().toString().toStdString();
    ASSERT_EQ(recorded->size(), 2);
    EXPECT_EQ(states(), (QStringList{u"0001 applied"_s, u"0002 applied"_s, u"0003 pending"_s}));
    const schema::Schema schema = test::introspectFile(database());
    EXPECT_EQ(schema.tables.size(), 2) << "t and the history table only: nothing ran";
    Result<QList<MigrationEntry>> again = baselineUpTo(url(), migrations(), 2);
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->isEmpty()) << "nothing left to record";
}

TEST_F(MigrationStatusRead, a_missing_folder_is_an_error)
{
    EXPECT_FALSE(readMigrationStatus(url(), dir.path(u"nowhere"_s)));
}

} // namespace
