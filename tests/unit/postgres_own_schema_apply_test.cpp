// A database migrated in a schema of its own (?schema=shop): its history lives there, is read
// from there, and an applied migration never runs again, also beside another schema's history.
#include "server_support.h"
#include "test_support.h"

#include <QDir>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresOwnSchemaApply : public ::testing::Test {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        ASSERT_TRUE(QDir().mkpath(dir.path(u"public"_s)) && QDir().mkpath(dir.path(u"shop"_s)));
        db.execEach({u"CREATE SCHEMA shop"_s, u"CREATE TABLE shop.item (id int PRIMARY KEY)"_s,
                     u"CREATE TABLE public.note (id int PRIMARY KEY)"_s});
    }
    /// Writes migration `file` (its up section) into `folder` and applies the folder to the
    /// database's `schema`.
    CliRun apply(const QString &schema, const QString &folder, const QString &file,
                 const QByteArray &up)
    {
        dir.write(folder + u'/' + file, "-- migrate:up\n" + up + "\n-- migrate:down\n");
        return runCli({u"apply"_s, u"--db"_s, url(schema), u"--migrations"_s, dir.path(folder),
                       u"--no-backup"_s});
    }
    QString url(const QString &schema) const { return db.url() + u"?schema="_s + schema; }
    CliRun status(const QString &schema, const QString &folder) const
    {
        return runCli({u"status"_s, u"--db"_s, url(schema), u"--migrations"_s, dir.path(folder)});
    }

    TestDatabase db{Backend::PostgreSQL};
    TempDir dir;
};

TEST_F(PostgresOwnSchemaApply, an_applied_migration_is_read_back_from_the_schema_and_not_run_again)
{
    // The public schema has a history of its own, with a version 0001 too.
    const CliRun other = apply(u"public"_s, u"public"_s, u"0001_note.sql"_s,
                               "ALTER TABLE note ADD COLUMN body text;");
    ASSERT_EQ(other.exitCode, 0) << other.err.toStdString();

    const QByteArray up = "ALTER TABLE item ADD COLUMN price int;\n"
                          "INSERT INTO item VALUES (1, 5);";
    const CliRun first = apply(u"shop"_s, u"shop"_s, u"0001_price.sql"_s, up);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const CliRun again = apply(u"shop"_s, u"shop"_s, u"0001_price.sql"_s, up);
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(u"Nothing to apply"_s)) << again.out.toStdString();
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM shop.item"_s), QStringList{u"1"_s});

    const CliRun listed = status(u"shop"_s, u"shop"_s);
    EXPECT_TRUE(listed.out.contains(u"0001_price  applied"_s)) << listed.out.toStdString();
    EXPECT_EQ(db.rows(u"SELECT schemaname FROM pg_tables WHERE tablename = 'burrow_migrations' "
                      u"ORDER BY 1"_s),
              (QStringList{u"public"_s, u"shop"_s}));
    EXPECT_EQ(db.rows(u"SELECT name FROM public.burrow_migrations"_s), QStringList{u"note"_s});
}

} // namespace
