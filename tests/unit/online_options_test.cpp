// `plan --concurrently` and `plan --not-valid` on real servers, end to end through
// burrow-cli: the main migration stays one transaction, the online work goes into a second file
// that runs outside it, statement by statement, with its progress in the history. MariaDB builds
// indexes in place without a lock and refuses --not-valid; SQLite refuses both.
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QProcess>

#include <gtest/gtest.h>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresOnline : public ::testing::Test {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }

    QString model(const QByteArray &sql) { return dir.write(u"model.sql"_s, sql); }
    QString migrations() const { return dir.path(u"migrations"_s); }

    /// Plans with `options`; returns the files written, in order.
    QStringList plan(const QString &modelPath, const QStringList &options)
    {
        const CliRun planned = runCli(QStringList{u"plan"_s, u"--db"_s, db.url(), u"--model"_s,
                                                  modelPath, u"--migrations"_s, migrations()} +
                                      options);
        EXPECT_EQ(planned.exitCode, 0) << planned.err.toStdString();
        return planned.out.split(u'\n', Qt::SkipEmptyParts);
    }
    CliRun apply(const QStringList &more = {})
    {
        return runCli(QStringList{u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(),
                                  u"--no-backup"_s} +
                      more);
    }
    CliRun diff(const QString &modelPath)
    {
        return runCli({u"diff"_s, u"--db"_s, db.url(), u"--model"_s, modelPath});
    }
    /// Runs a section with psql outside any transaction (as dbmate runs transaction:false).
    int psql(const QString &sql)
    {
        const QString file = dir.write(u"section.sql"_s, sql.toUtf8());
        QProcess process;
        process.start(u"psql"_s,
                      {db.url(), u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-f"_s, file});
        EXPECT_TRUE(process.waitForFinished(60000));
        EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
        return process.exitCode();
    }
    QStringList history()
    {
        return db.rows(u"SELECT version, status, coalesce(statements_applied, -1) "
                       u"FROM burrow_migrations ORDER BY version"_s);
    }
    QStringList indexValidity(const QString &index)
    {
        return db.rows(u"SELECT indisvalid FROM pg_catalog.pg_index WHERE indexrelid = "
                       u"to_regclass('"_s +
                       index + u"')"_s);
    }
    QStringList constraintValidity()
    {
        return db.rows(u"SELECT conname, convalidated FROM pg_catalog.pg_constraint "
                       u"WHERE conrelid = 'book'::regclass AND contype IN ('f', 'c') "
                       u"ORDER BY conname"_s);
    }
    /// Apply succeeds, both constraints end validated, and the model has nothing left to do.
    void appliesAndValidatesBoth(const QString &modelPath)
    {
        const CliRun applied = apply();
        ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
        EXPECT_EQ(constraintValidity(),
                  (QStringList{u"book_author_fk|true"_s, u"book_price_check|true"_s}));
        const CliRun again = diff(modelPath);
        EXPECT_EQ(again.exitCode, 0) << again.out.toStdString() << again.err.toStdString();
    }

    TestDatabase db{Backend::PostgreSQL};
    TempDir dir;
};

const QByteArray kLegacyBooks = "CREATE TABLE book (id int PRIMARY KEY, title text, isbn text)";

const QByteArray kIndexedModel = "CREATE TABLE book (id int PRIMARY KEY, title text, isbn text,\n"
                                 "  price numeric);\n"
                                 "CREATE INDEX book_title_idx ON book (title);\n"
                                 "CREATE TABLE shelf (id int PRIMARY KEY, name text);\n"
                                 "CREATE INDEX shelf_name_idx ON shelf (name);\n";

} // namespace

TEST_F(PostgresOnline, concurrently_builds_indexes_of_existing_tables_in_a_second_file)
{
    db.exec(QString::fromUtf8(kLegacyBooks) +
            u"; INSERT INTO book VALUES (1, 'Dune', '1'), (2, 'Emma', '2')"_s);
    const QString modelPath = model(kIndexedModel);
    const QStringList files = plan(modelPath, {u"--concurrently"_s});
    ASSERT_EQ(files.size(), 2) << files.join(u'\n').toStdString();
    EXPECT_TRUE(files[1].endsWith(u"_concurrently.sql"_s)) << files[1].toStdString();
    const QString main = QString::fromUtf8(readBytes(files[0]));
    const QString online = QString::fromUtf8(readBytes(files[1]));

    // The main migration: one transaction, the new table's index built there (no benefit).
    EXPECT_TRUE(main.contains(u"-- migrate:up\n"_s)) << main.toStdString();
    EXPECT_FALSE(main.contains(u"transaction:false"_s)) << main.toStdString();
    EXPECT_TRUE(upSection(main).contains(u"CREATE INDEX \"shelf_name_idx\""_s));
    EXPECT_TRUE(upSection(main).contains(u"ADD COLUMN \"price\""_s));
    EXPECT_FALSE(main.contains(u"book_title_idx"_s)) << main.toStdString();
    // The follow-up: outside a transaction, saying why, with its way back.
    EXPECT_TRUE(online.contains(u"-- migrate:up transaction:false\n"_s)) << online.toStdString();
    EXPECT_TRUE(online.contains(u"INVALID index"_s)) << online.toStdString();
    EXPECT_TRUE(
        upSection(online).contains(u"CREATE INDEX CONCURRENTLY \"book_title_idx\" ON \"book\""_s))
        << online.toStdString();
    EXPECT_TRUE(downSection(online).contains(u"DROP INDEX CONCURRENTLY \"book_title_idx\""_s))
        << online.toStdString();

    const CliRun dryRun = apply({u"--dry-run"_s});
    EXPECT_EQ(dryRun.exitCode, 0) << dryRun.err.toStdString();
    EXPECT_TRUE(indexValidity(u"book_title_idx"_s).isEmpty()) << "a dry run touches nothing";

    const CliRun applied = apply();
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(indexValidity(u"book_title_idx"_s), QStringList{u"true"_s});
    const QStringList rows = history();
    ASSERT_EQ(rows.size(), 2);
    EXPECT_TRUE(rows[0].endsWith(u"|applied|-1"_s)) << rows[0].toStdString();
    EXPECT_TRUE(rows[1].endsWith(u"|applied|1"_s))
        << "tracked statement by statement: " << rows[1].toStdString();
    const CliRun again = diff(modelPath);
    EXPECT_EQ(again.exitCode, 0) << again.out.toStdString() << again.err.toStdString();

    // The way back: the follow-up's down first, then the main one's, reach the legacy schema.
    ASSERT_EQ(psql(downSection(online)), 0);
    ASSERT_EQ(psql(downSection(main)), 0);
    const CliRun back = diff(dir.write(u"legacy.sql"_s, kLegacyBooks));
    EXPECT_EQ(back.exitCode, 0) << back.out.toStdString() << back.err.toStdString();
}

TEST_F(PostgresOnline, a_failed_concurrent_build_names_the_statement_and_the_invalid_index)
{
    db.exec(QString::fromUtf8(kLegacyBooks) +
            u"; INSERT INTO book VALUES (1, 'Dune', '42'), (2, 'Emma', '42')"_s);
    const QString modelPath =
        model(QByteArray(kLegacyBooks) + ";\nCREATE INDEX a_title_idx ON book (title);\n"
                                         "CREATE UNIQUE INDEX z_isbn_key ON book (isbn);\n");
    // Only index builds: the main migration would be empty, so only the follow-up is written.
    const QStringList files = plan(modelPath, {u"--concurrently"_s});
    ASSERT_EQ(files.size(), 1) << files.join(u'\n').toStdString();
    const QString online = QString::fromUtf8(readBytes(files[0]));
    const int before = online.indexOf(u"INDEX CONCURRENTLY \"a_title_idx\""_s) <
                               online.indexOf(u"INDEX CONCURRENTLY \"z_isbn_key\""_s)
                           ? 1
                           : 0;

    const CliRun failed = apply();
    EXPECT_EQ(failed.exitCode, 1) << failed.err.toStdString();
    const QString err = failed.err;
    EXPECT_TRUE(err.contains(u"CREATE UNIQUE INDEX CONCURRENTLY \"z_isbn_key\""_s))
        << err.toStdString();
    EXPECT_TRUE(err.contains(u"INVALID index \"z_isbn_key\""_s)) << err.toStdString();
    EXPECT_TRUE(err.contains(u"DROP INDEX CONCURRENTLY IF EXISTS \"z_isbn_key\""_s))
        << err.toStdString();
    EXPECT_TRUE(err.contains(QString::number(before) + u" of 2 statements ran before it"_s))
        << err.toStdString();
    EXPECT_TRUE(err.contains(u"transaction:false"_s)) << err.toStdString();
    EXPECT_EQ(history(), QStringList{QFileInfo(files[0]).fileName().section(u'_', 0, 0) +
                                     u"|failed|"_s + QString::number(before)});
    // What the advice is about: PostgreSQL keeps the failed build as an INVALID index.
    EXPECT_EQ(indexValidity(u"z_isbn_key"_s), QStringList{u"false"_s});
    EXPECT_EQ(indexValidity(u"a_title_idx"_s).size(), before);

    // The way on, as the follow-up's header and the error say: fix the data, drop the INVALID
    // index, continue from the failed build.
    EXPECT_TRUE(err.contains(u"apply --continue"_s)) << err.toStdString();
    db.exec(u"UPDATE book SET isbn = '43' WHERE id = 2; DROP INDEX CONCURRENTLY z_isbn_key"_s);
    const CliRun continued = apply({u"--continue"_s});
    ASSERT_EQ(continued.exitCode, 0) << continued.err.toStdString();
    EXPECT_EQ(indexValidity(u"z_isbn_key"_s), QStringList{u"true"_s});
    EXPECT_EQ(indexValidity(u"a_title_idx"_s), QStringList{u"true"_s});
    EXPECT_EQ(history(),
              QStringList{QFileInfo(files[0]).fileName().section(u'_', 0, 0) + u"|applied|2"_s});
    EXPECT_EQ(diff(modelPath).exitCode, 0);
}

TEST_F(PostgresOnline, not_valid_adds_constraints_unchecked_and_validates_them_afterwards)
{
    db.exec(u"CREATE TABLE author (id int PRIMARY KEY);"
            u"CREATE TABLE book (id int PRIMARY KEY, author_id int, price numeric);"
            u"INSERT INTO author VALUES (1); INSERT INTO book VALUES (1, 1, 5)"_s);
    const QString modelPath =
        model("CREATE TABLE author (id int PRIMARY KEY);\n"
              "CREATE TABLE book (id int PRIMARY KEY, author_id int, price numeric,\n"
              "  CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES author (id),\n"
              "  CONSTRAINT book_price_check CHECK (price >= 0));\n");
    const QStringList files = plan(modelPath, {u"--not-valid"_s});
    ASSERT_EQ(files.size(), 2) << files.join(u'\n').toStdString();
    EXPECT_TRUE(files[1].endsWith(u"_validate.sql"_s)) << files[1].toStdString();
    const QString main = QString::fromUtf8(readBytes(files[0]));
    const QString online = QString::fromUtf8(readBytes(files[1]));
    EXPECT_FALSE(main.contains(u"transaction:false"_s)) << main.toStdString();
    EXPECT_TRUE(upSection(main).contains(u"ADD CONSTRAINT \"book_author_fk\" FOREIGN KEY "
                                         u"(\"author_id\") REFERENCES \"author\" (\"id\") "
                                         u"NOT VALID"_s))
        << main.toStdString();
    EXPECT_TRUE(upSection(main).contains(u"CHECK ((price >= (0)::numeric)) NOT VALID"_s))
        << main.toStdString();
    EXPECT_FALSE(main.contains(u"VALIDATE"_s)) << main.toStdString();
    EXPECT_TRUE(online.contains(u"-- migrate:up transaction:false\n"_s)) << online.toStdString();
    EXPECT_TRUE(upSection(online).contains(
        u"ALTER TABLE \"book\" VALIDATE CONSTRAINT \"book_author_fk\""_s))
        << online.toStdString();
    EXPECT_TRUE(upSection(online).contains(
        u"ALTER TABLE \"book\" VALIDATE CONSTRAINT \"book_price_check\""_s))
        << online.toStdString();

    appliesAndValidatesBoth(modelPath);
}

TEST_F(PostgresOnline, a_failed_validation_stops_clearly_and_the_main_migration_stays)
{
    db.exec(u"CREATE TABLE author (id int PRIMARY KEY);"
            u"CREATE TABLE book (id int PRIMARY KEY, author_id int);"
            u"INSERT INTO author VALUES (1); INSERT INTO book VALUES (1, 1), (2, 99)"_s);
    const QString modelPath =
        model("CREATE TABLE author (id int PRIMARY KEY);\n"
              "CREATE TABLE book (id int PRIMARY KEY, author_id int, note text,\n"
              "  CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES author (id));\n");
    const QStringList files = plan(modelPath, {u"--not-valid"_s});
    ASSERT_EQ(files.size(), 2) << files.join(u'\n').toStdString();

    const CliRun failed = apply();
    EXPECT_EQ(failed.exitCode, 1) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"VALIDATE CONSTRAINT \"book_author_fk\""_s))
        << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(u"violates foreign key constraint"_s))
        << failed.err.toStdString();
    // Documented: the main migration committed; its constraint stays, not yet validated.
    EXPECT_EQ(constraintValidity(), QStringList{u"book_author_fk|false"_s});
    EXPECT_TRUE(db.columnNames().contains(u"book.note"_s));
    const QStringList rows = history();
    ASSERT_EQ(rows.size(), 2);
    EXPECT_TRUE(rows[0].endsWith(u"|applied|-1"_s)) << rows[0].toStdString();
    EXPECT_TRUE(rows[1].endsWith(u"|failed|0"_s)) << rows[1].toStdString();
}

namespace {

const QByteArray kValidatedBooks =
    "CREATE TABLE author (id int PRIMARY KEY);\n"
    "CREATE TABLE book (id int PRIMARY KEY, author_id int, price numeric,\n"
    "  CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES author (id),\n"
    "  CONSTRAINT book_price_check CHECK (price >= 0));\n";

/// The books of kValidatedBooks with both constraints added NOT VALID over rows that break
/// them, as a failed `…_validate.sql` leaves them.
const QString kBooksLeftNotValid =
    u"CREATE TABLE author (id int PRIMARY KEY);"
    u"CREATE TABLE book (id int PRIMARY KEY, author_id int, price numeric);"
    u"INSERT INTO author VALUES (1); INSERT INTO book VALUES (1, 1, 5), (2, 99, -1);"
    u"ALTER TABLE book ADD CONSTRAINT book_author_fk FOREIGN KEY (author_id) "
    u"REFERENCES author (id) NOT VALID;"
    u"ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0) NOT VALID"_s;

} // namespace

TEST_F(PostgresOnline, a_constraint_left_not_valid_differs_and_is_validated_in_place)
{
    db.exec(kBooksLeftNotValid);
    const QString modelPath = model(kValidatedBooks);
    const CliRun differs = diff(modelPath);
    EXPECT_EQ(differs.exitCode, 1) << differs.out.toStdString() << differs.err.toStdString();
    EXPECT_EQ(differs.out.count(u"not validated (NOT VALID)"_s), 2) << differs.out.toStdString();
    EXPECT_TRUE(differs.out.contains(u"book_author_fk"_s)) << differs.out.toStdString();
    EXPECT_TRUE(differs.out.contains(u"book_price_check"_s)) << differs.out.toStdString();

    const QStringList files = plan(modelPath, {});
    ASSERT_EQ(files.size(), 1) << files.join(u'\n').toStdString();
    const QString migration = QString::fromUtf8(readBytes(files[0]));
    EXPECT_TRUE(upSection(migration).contains(
        u"ALTER TABLE \"book\" VALIDATE CONSTRAINT \"book_author_fk\""_s))
        << migration.toStdString();
    EXPECT_TRUE(upSection(migration).contains(
        u"ALTER TABLE \"book\" VALIDATE CONSTRAINT \"book_price_check\""_s))
        << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"DROP CONSTRAINT"_s)) << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"ADD CONSTRAINT"_s)) << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"Irreversible"_s)) << migration.toStdString();

    // The rows that break them stop the validation; once fixed, it passes and nothing differs.
    const CliRun refused = apply();
    EXPECT_EQ(refused.exitCode, 1) << refused.err.toStdString();
    EXPECT_EQ(constraintValidity(),
              (QStringList{u"book_author_fk|false"_s, u"book_price_check|false"_s}));
    db.exec(u"DELETE FROM book WHERE id = 2"_s);
    appliesAndValidatesBoth(modelPath);
}

TEST_F(PostgresOnline, with_not_valid_a_constraint_left_not_valid_is_validated_afterwards_only)
{
    db.exec(kBooksLeftNotValid + u"; DELETE FROM book WHERE id = 2"_s);
    const QStringList files = plan(model(kValidatedBooks), {u"--not-valid"_s});
    ASSERT_EQ(files.size(), 1) << files.join(u'\n').toStdString();
    EXPECT_TRUE(files[0].endsWith(u"_validate.sql"_s)) << files[0].toStdString();
    const QString online = QString::fromUtf8(readBytes(files[0]));
    EXPECT_TRUE(upSection(online).contains(
        u"ALTER TABLE \"book\" VALIDATE CONSTRAINT \"book_author_fk\""_s))
        << online.toStdString();
    EXPECT_FALSE(online.contains(u"DROP CONSTRAINT"_s)) << online.toStdString();
}

// PostgreSQL ignores NOT VALID in CREATE TABLE but keeps an ALTER TABLE … ADD … NOT VALID
// unchecked even on the scratch schema's empty table: such a model accepts either state.
TEST_F(PostgresOnline, a_model_saying_not_valid_accepts_the_constraint_checked_or_not)
{
    db.exec(kBooksLeftNotValid);
    const QString modelPath =
        model("CREATE TABLE author (id int PRIMARY KEY);\n"
              "CREATE TABLE book (id int PRIMARY KEY, author_id int, price numeric);\n"
              "ALTER TABLE book ADD CONSTRAINT book_author_fk FOREIGN KEY (author_id)\n"
              "  REFERENCES author (id) NOT VALID;\n"
              "ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0) NOT VALID;\n");
    const CliRun unchecked = diff(modelPath);
    EXPECT_EQ(unchecked.exitCode, 0) << unchecked.out.toStdString() << unchecked.err.toStdString();
    db.exec(u"DELETE FROM book WHERE id = 2;"
            u"ALTER TABLE book VALIDATE CONSTRAINT book_author_fk;"
            u"ALTER TABLE book VALIDATE CONSTRAINT book_price_check"_s);
    const CliRun checked = diff(modelPath);
    EXPECT_EQ(checked.exitCode, 0) << checked.out.toStdString() << checked.err.toStdString();
}

TEST(OnlineOptionsOnSqlite, are_refused_with_one_line_and_nothing_written)
{
    TestDatabase db(Backend::SQLite);
    db.exec(u"CREATE TABLE book (id int PRIMARY KEY, title text)"_s);
    TempDir dir;
    const QString modelPath =
        dir.write(u"model.sql"_s, "CREATE TABLE book (id int PRIMARY KEY, title text);\n"
                                  "CREATE INDEX book_title_idx ON book (title);\n");
    for (const QString &option : {u"--concurrently"_s, u"--not-valid"_s}) {
        const CliRun refused = runCli({u"plan"_s, u"--db"_s, db.url(), u"--model"_s, modelPath,
                                       u"--migrations"_s, dir.path(u"migrations"_s), option});
        EXPECT_EQ(refused.exitCode, 2) << refused.err.toStdString();
        EXPECT_TRUE(refused.err.contains(option + u" does not apply to SQLite"_s))
            << refused.err.toStdString();
        EXPECT_EQ(refused.err.count(u'\n'), 1) << refused.err.toStdString();
        EXPECT_TRUE(QDir(dir.path(u"migrations"_s)).isEmpty());
    }
}

TEST(OnlineOptionsOnMariaDb, concurrently_builds_in_place_without_a_lock_and_not_valid_is_refused)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE book (id int PRIMARY KEY, title varchar(50), isbn varchar(20));"
            u"CREATE INDEX book_isbn_idx ON book (isbn);"
            u"INSERT INTO book VALUES (1, 'Dune', '1')"_s);
    TempDir dir;
    const QString migrations = dir.path(u"migrations"_s);
    const QString modelPath =
        dir.write(u"model.sql"_s, "CREATE TABLE book (id int PRIMARY KEY, title varchar(50),\n"
                                  "  isbn varchar(20), price decimal(10,2));\n"
                                  "CREATE INDEX book_title_idx ON book (title);\n");
    const QStringList args{u"plan"_s, u"--db"_s,         db.url(),  u"--model"_s,
                           modelPath, u"--migrations"_s, migrations};
    const CliRun refused = runCli(args + QStringList{u"--not-valid"_s});
    EXPECT_EQ(refused.exitCode, 2) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"--not-valid is not supported on MariaDB"_s))
        << refused.err.toStdString();
    EXPECT_TRUE(QDir(migrations).isEmpty());

    const CliRun planned = runCli(args + QStringList{u"--concurrently"_s});
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    const QStringList files = planned.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(files.size(), 2) << planned.out.toStdString();
    const QString main = QString::fromUtf8(readBytes(files[0]));
    const QString online = QString::fromUtf8(readBytes(files[1]));
    EXPECT_FALSE(main.contains(u"INDEX"_s)) << main.toStdString();
    EXPECT_TRUE(upSection(online).contains(u"CREATE INDEX IF NOT EXISTS `book_title_idx` ON "
                                           u"`book` (`title`) ALGORITHM=INPLACE LOCK=NONE"_s))
        << online.toStdString();
    EXPECT_TRUE(upSection(online).contains(
        u"ALTER TABLE `book` DROP INDEX `book_isbn_idx`, ALGORITHM=INPLACE, LOCK=NONE"_s))
        << online.toStdString();
    const CliRun applied =
        runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations, u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    const CliRun again = runCli({u"diff"_s, u"--db"_s, db.url(), u"--model"_s, modelPath});
    EXPECT_EQ(again.exitCode, 0) << again.out.toStdString() << again.err.toStdString();
}
