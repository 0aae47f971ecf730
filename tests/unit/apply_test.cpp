// Applying migrations to real SQLite files: history, backups, atomicity, dry runs, the lock.
#include "dialect/database_url.h"
#include "migration/apply.h"
#include "plan_support.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLockFile>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace burrow;
using namespace Qt::Literals::StringLiterals;

namespace {

class Apply : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::createDatabase(database, "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);\n"
                                       "INSERT INTO book VALUES (1, 'Dune');\n");
        QDir().mkpath(migrations);
    }
    void write(const QString &name, const QByteArray &text)
    {
        dir.write(u"migrations/"_s + name, text);
    }
    Result<migration::ApplyResult> apply(bool dryRun = false,
                                         migration::ProgressObserver observer = {})
    {
        migration::ApplyRequest request;
        request.url.path = database;
        request.migrationsDir = migrations;
        request.dryRun = dryRun;
        request.observer = std::move(observer);
        request.cancellation = cancellation;
        return migration::applyMigrations(request);
    }
    QStringList history()
    {
        return test::queryColumn(
            database, u"SELECT version || ':' || status FROM burrow_migrations ORDER BY version"_s);
    }

    Cancellation cancellation;
    test::TempDir dir;
    QString database = dir.path(u"app.sqlite3"_s);
    QString migrations = dir.path(u"migrations"_s);
};

const QByteArray kAddPrice = "-- migrate:up\nALTER TABLE book ADD COLUMN price NUMERIC;\n"
                             "-- migrate:down\nALTER TABLE book DROP COLUMN price;\n";
const QByteArray kAddIsbn =
    "-- migrate:up\nALTER TABLE book ADD COLUMN isbn TEXT;\nUPDATE book SET isbn = 'x';\n"
    "-- migrate:down\nALTER TABLE book DROP COLUMN isbn;\n";

TEST_F(Apply, applies_pending_migrations_in_order_records_them_and_backs_up_beside_them)
{
    write(u"0010_isbn.sql"_s, kAddIsbn);
    write(u"0002_price.sql"_s, kAddPrice);
    Result<migration::ApplyResult> result = apply();
    ASSERT_TRUE(result) << result.error().toString().toStdString();
    ASSERT_EQ(result->applied.size(), 2);
    EXPECT_EQ(result->applied.first().version, u"0002"_s);
    EXPECT_EQ(history(), (QStringList{u"0002:applied"_s, u"0010:applied"_s}));
    EXPECT_EQ(test::queryColumn(database, u"SELECT title || (price IS NULL) || isbn FROM book"_s),
              QStringList{u"Dune1x"_s});
    const QDir backup(result->backupFolder);
    EXPECT_EQ(backup.absolutePath().section(u'/', 0, -2),
              QDir(migrations + u"/backups"_s).absolutePath());
    EXPECT_TRUE(backup.exists(u"before.sqlite3"_s));
    EXPECT_TRUE(backup.exists(u"after.sqlite3"_s));
    EXPECT_TRUE(backup.exists(u"manifest.json"_s));
    EXPECT_TRUE(backup.exists(u"migrations/0002_price.sql"_s));
    EXPECT_EQ(test::queryColumn(backup.filePath(u"before.sqlite3"_s),
                                u"SELECT count(*) FROM pragma_table_info('book')"_s),
              QStringList{u"2"_s});
    Result<migration::ApplyResult> again = apply();
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->applied.isEmpty());
}

TEST_F(Apply, a_failing_statement_rolls_back_its_migration_and_leaves_the_file_unchanged)
{
    write(u"0001_broken.sql"_s, "-- migrate:up\nALTER TABLE book ADD COLUMN price NUMERIC;\n"
                                "UPDATE book SET price = 1;\n\nINSERT INTO nowhere VALUES (1);\n"
                                "-- migrate:down\n");
    const QByteArray before = test::fileHash(database);
    Result<migration::ApplyResult> result = apply();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().line, 5);
    EXPECT_TRUE(result.error().file.endsWith(u"0001_broken.sql"));
    EXPECT_TRUE(result.error().statement.contains(u"nowhere"));
    EXPECT_TRUE(result.error().message.contains(u"no such table"))
        << result.error().toString().toStdString();
    EXPECT_EQ(test::fileHash(database), before);
}

TEST_F(Apply, a_file_without_a_transaction_counts_what_ran_and_stops_part_way)
{
    // transaction:false and no BEGIN of its own: each statement commits as it runs.
    write(u"0001_loose.sql"_s, "-- migrate:up transaction:false\n"
                               "ALTER TABLE book ADD COLUMN price NUMERIC;\n"
                               "INSERT INTO nowhere VALUES (1);\n"
                               "-- migrate:down\n");
    Result<migration::ApplyResult> result = apply();
    ASSERT_FALSE(result);
    EXPECT_TRUE(result.error().message.contains(u"1 of 2 statements ran before it and stay "
                                                u"applied: the migration runs outside a "
                                                u"transaction (transaction:false)"))
        << result.error().toString().toStdString();
    EXPECT_EQ(test::queryColumn(database, u"SELECT version || ':' || status || ':' || "
                                          u"statements_applied FROM burrow_migrations"_s),
              QStringList{u"0001:failed:1"_s});
    EXPECT_EQ(test::queryColumn(database, u"SELECT count(*) FROM pragma_table_info('book') "
                                          u"WHERE name = 'price'"_s),
              QStringList{u"1"_s});
    Result<migration::ApplyResult> again = apply();
    ASSERT_FALSE(again);
    EXPECT_TRUE(again.error().message.contains(u"stopped part-way"))
        << again.error().toString().toStdString();
}

TEST_F(Apply, a_generated_rebuild_records_its_history_inside_its_own_transaction)
{
    const QString model =
        dir.write(u"model.sql"_s, "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL "
                                  "DEFAULT '', year INTEGER);\n");
    Result<plan::MigrationDraft> draft = test::draftFor(database, model);
    ASSERT_TRUE(draft);
    ASSERT_TRUE(draft->text.contains(u"transaction:false"));
    write(u"0001_rebuild.sql"_s, draft->text.toUtf8());
    Result<migration::ApplyResult> result = apply();
    ASSERT_TRUE(result) << result.error().toString().toStdString();
    EXPECT_EQ(history(), QStringList{u"0001:applied"_s});
    EXPECT_TRUE(test::draftFor(database, model)->up.isEmpty());
}

TEST_F(Apply, a_rebuild_that_breaks_references_leaves_no_history_row)
{
    test::TempDir other;
    database = other.path(u"refs.sqlite3"_s);
    test::createDatabase(database, "CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
                                   "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER);\n"
                                   "INSERT INTO c VALUES (1, 99);\n");
    const QString model = dir.write(u"refs.sql"_s, "CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
                                                   "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id "
                                                   "INTEGER REFERENCES p(id));\n");
    Result<plan::MigrationDraft> draft = test::draftFor(database, model);
    ASSERT_TRUE(draft);
    write(u"0001_fk.sql"_s, draft->text.toUtf8());
    const QByteArray before = test::fileHash(database);
    Result<migration::ApplyResult> result = apply();
    ASSERT_FALSE(result);
    EXPECT_TRUE(result.error().message.contains(u"row 1 of c references missing p"))
        << result.error().toString().toStdString();
    EXPECT_EQ(test::fileHash(database), before);
}

TEST_F(Apply, dry_run_reports_but_never_touches_the_database)
{
    write(u"0001_price.sql"_s, kAddPrice);
    const QByteArray before = test::fileHash(database);
    Result<migration::ApplyResult> result = apply(true);
    ASSERT_TRUE(result) << result.error().toString().toStdString();
    EXPECT_EQ(result->applied.size(), 1);
    EXPECT_TRUE(result->backupFolder.isEmpty());
    EXPECT_EQ(test::fileHash(database), before);
    EXPECT_FALSE(QDir(migrations + u"/backups"_s).exists());
}

TEST_F(Apply, an_edited_applied_migration_stops_everything)
{
    write(u"0001_price.sql"_s, kAddPrice);
    ASSERT_TRUE(apply());
    write(u"0001_price.sql"_s, QByteArray(kAddPrice).replace("NUMERIC", "TEXT"));
    write(u"0002_isbn.sql"_s, kAddIsbn);
    Result<migration::ApplyResult> result = apply();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, Error::Code::Conflict);
    EXPECT_TRUE(result.error().message.contains(u"edited after it was applied"));
    EXPECT_EQ(history(), QStringList{u"0001:applied"_s});
}

TEST_F(Apply, a_second_applier_hears_who_holds_the_lock)
{
    write(u"0001_price.sql"_s, kAddPrice);
    QLockFile held(database + u".burrow-lock"_s);
    ASSERT_TRUE(held.tryLock(0));
    Result<migration::ApplyResult> result = apply();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, Error::Code::Locked);
    EXPECT_TRUE(
        result.error().message.contains(QString::number(QCoreApplication::applicationPid())));
    EXPECT_TRUE(test::queryColumn(
                    database, u"SELECT name FROM sqlite_schema WHERE name = 'burrow_migrations'"_s)
                    .isEmpty());
}

TEST_F(Apply, dry_run_warns_what_the_schema_change_does_to_existing_rows)
{
    write(u"0001_drop_title.sql"_s, "-- migrate:up\nALTER TABLE book DROP COLUMN title;\n"
                                    "-- migrate:down\nALTER TABLE book ADD COLUMN title TEXT;\n");
    Result<migration::ApplyResult> result = apply(true);
    ASSERT_TRUE(result) << result.error().toString().toStdString();
    ASSERT_EQ(result->warnings.size(), 1);
    const plan::LintWarning &warning = result->warnings.first();
    EXPECT_EQ(warning.severity, plan::LintWarning::Severity::Destructive);
    EXPECT_EQ(warning.rows, 1);
    EXPECT_TRUE(warning.message.contains(u"book.title")) << warning.message.toStdString();
}

TEST_F(Apply, dry_run_takes_a_renamed_column_for_a_rename_not_a_loss)
{
    write(u"0001_rename.sql"_s, "-- migrate:up\nALTER TABLE book RENAME COLUMN title TO name;\n"
                                "-- migrate:down\nALTER TABLE book RENAME COLUMN name TO title;\n");
    Result<migration::ApplyResult> result = apply(true);
    ASSERT_TRUE(result) << result.error().toString().toStdString();
    EXPECT_EQ(result->applied.size(), 1);
    EXPECT_TRUE(result->warnings.isEmpty()) << result->warnings.first().message.toStdString();
}

TEST_F(Apply, cancelling_interrupts_a_long_statement_and_rolls_back_only_its_migration)
{
    write(u"0001_price.sql"_s, kAddPrice);
    // The count runs for minutes unless SQLite is interrupted.
    write(u"0002_slow.sql"_s, "-- migrate:up\nUPDATE book SET title = 'changed';\n"
                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < 2000000000) SELECT count(*) FROM n;\n-- migrate:down\n");
    std::jthread canceller;
    auto cancelDuringTheCount = [&](const migration::ProgressEvent &e) {
        if (e.kind == migration::ProgressEvent::Kind::StatementDone && e.version == u"0002"_s)
            canceller = std::jthread([c = cancellation] {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                c.cancel();
            });
        return true;
    };
    QElapsedTimer timer;
    timer.start();
    Result<migration::ApplyResult> result = apply(false, cancelDuringTheCount);
    ASSERT_FALSE(result);
    EXPECT_LT(timer.elapsed(), 20000);
    EXPECT_EQ(result.error().code, Error::Code::Cancelled);
    EXPECT_TRUE(result.error().message.contains(u"1 applied before it (up to 0001) stay applied"))
        << result.error().toString().toStdString();
    EXPECT_EQ(history(), QStringList{u"0001:applied"_s});
    EXPECT_EQ(test::queryColumn(database, u"SELECT title FROM book"_s), QStringList{u"Dune"_s});
}

TEST_F(Apply, a_cancelled_request_applies_nothing)
{
    write(u"0001_price.sql"_s, kAddPrice);
    cancellation.cancel();
    const QByteArray before = test::fileHash(database);
    Result<migration::ApplyResult> result = apply();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, Error::Code::Cancelled);
    EXPECT_TRUE(result.error().message.contains(u"nothing was applied"));
    EXPECT_EQ(test::fileHash(database), before);
}

} // namespace
