// `burrow-cli diff` on bad input: exit 2, one clear line on stderr, nothing written anywhere.
#include "cli_fixture.h"

#include <QElapsedTimer>

#include <sqlite3.h>

using namespace burrow;
using namespace burrow::test::cli;
using namespace Qt::Literals::StringLiterals;

// ---- bad databases --------------------------------------------------------------------------

TEST_F(CliDiff, missing_database_is_an_error_and_is_not_created)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const QString absent = data(QStringLiteral("absent.db"));
    expectCleanDiffError(absent, model, {absent, QStringLiteral("not found")});
    EXPECT_FALSE(QFile::exists(absent));
}

TEST_F(CliDiff, directory_as_database_is_an_error)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const QString folder = data(QStringLiteral("folder.db"));
    ASSERT_TRUE(QDir().mkpath(folder));
    expectCleanDiffError(folder, model, {folder, QStringLiteral("directory")});
}

TEST_F(CliDiff, text_file_as_database_is_an_error)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const QString text = file(QStringLiteral("notes.db"), "These are my notes, not a database.\n");
    expectCleanDiffError(text, model, {text, QStringLiteral("not a SQLite database")});
}

TEST_F(CliDiff, database_with_garbage_after_the_header_is_reported_corrupt)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const QString db = database(QStringLiteral("corrupt.db"), kLiveSql);
    overwrite(db, 100, QByteArray(300, '\xA5')); // page 1's b-tree header and cell pointers
    ASSERT_EQ(sqliteSchemaReadCode(db), SQLITE_CORRUPT);
    expectCleanDiffError(db, model, {db, QStringLiteral("corrupt")});
}

TEST_F(CliDiff, database_with_mangled_schema_text_is_reported_corrupt)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const QString db = database(QStringLiteral("corrupt.db"), kLiveSql);
    QFile f(db);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const qint64 at = f.readAll().indexOf("CREATE TABLE author");
    f.close();
    ASSERT_GT(at, 100);
    overwrite(db, at, "CREATE TABXE");
    ASSERT_EQ(sqliteSchemaReadCode(db), SQLITE_CORRUPT);
    expectCleanDiffError(db, model, {db, QStringLiteral("corrupt")});
}

TEST_F(CliDiff, truncated_database_is_reported_corrupt)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    QByteArray many;
    for (int i = 0; i < 60; ++i)
        many += "CREATE TABLE t" + QByteArray::number(i) +
                " (id INTEGER PRIMARY KEY, name TEXT, value_" + QByteArray::number(i) + " REAL);\n";
    const QString db = database(QStringLiteral("truncated.db"), many);
    ASSERT_GT(QFileInfo(db).size(), 3 * 4096);
    ASSERT_TRUE(QFile::resize(db, 4096 + 1000)); // the schema spills past page 1; cut mid-page
    ASSERT_EQ(sqliteSchemaReadCode(db), SQLITE_CORRUPT);
    expectCleanDiffError(db, model, {db, QStringLiteral("corrupt")});
}

TEST_F(CliDiff, locked_database_is_reported_within_seconds)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const QString db = database(QStringLiteral("busy.db"), kLiveSql);
    const QMap<QString, QByteArray> before = everything();

    sqlite3 *writer = nullptr;
    ASSERT_EQ(sqlite3_open_v2(db.toUtf8().constData(), &writer, SQLITE_OPEN_READWRITE, nullptr),
              SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(
            writer,
            "BEGIN EXCLUSIVE; CREATE TABLE in_progress (x); INSERT INTO in_progress VALUES (1);",
            nullptr, nullptr, nullptr),
        SQLITE_OK);
    QElapsedTimer timer;
    timer.start();
    const CliRun run = diff(db, model);
    const qint64 elapsedMs = timer.elapsed();
    EXPECT_EQ(sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(writer);

    EXPECT_EQ(run.exitCode, 2) << run.out.toStdString() << run.err.toStdString();
    EXPECT_EQ(run.out.toStdString(), "");
    EXPECT_EQ(run.err.count(u'\n'), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"locked")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(db)) << run.err.toStdString();
    EXPECT_LT(elapsedMs, 10000);
    EXPECT_EQ(listing(everything()), listing(before));
}

// ---- bad models -----------------------------------------------------------------------------

TEST_F(CliDiff, model_syntax_error_names_file_line_and_sqlite_message)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("bad.sql"), "-- books\n"
                                                          "CREATE TABLE book (\n"
                                                          "    id INTEGER PRIMARY KEY\n"
                                                          ");\n"
                                                          "\n"
                                                          "CREATE TABL author (id INTEGER);\n");
    expectCleanDiffError(db, model, {model + u":6", QStringLiteral("near \"TABL\": syntax error")});
}

TEST_F(CliDiff, model_syntax_error_in_a_folder_names_the_file_that_holds_it)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    file(QStringLiteral("models/a.sql"), "CREATE TABLE book (id INTEGER PRIMARY KEY);\n");
    const QString bad =
        file(QStringLiteral("models/b.sql"), "\n\nCREATE TABLE author (id INTEGER,);\n");
    expectCleanDiffError(db, data(QStringLiteral("models")),
                         {bad + u":3", QStringLiteral("syntax error")});
}

TEST_F(CliDiff, model_of_only_comments_is_an_error)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model =
        file(QStringLiteral("empty.sql"), "-- nothing here yet\n/* still nothing */\n\n");
    expectCleanDiffError(db, model, {model, QStringLiteral("empty")});
}

TEST_F(CliDiff, model_folder_without_sql_files_is_an_error)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    file(QStringLiteral("models/README.txt"), "the models will go here\n");
    const QString folder = data(QStringLiteral("models"));
    expectCleanDiffError(db, folder, {folder, QStringLiteral(".sql")});
}

TEST_F(CliDiff, model_that_is_not_utf8_names_the_line)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("latin1.sql"),
                               "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL);\n"
                               "-- caf\xe9 au lait\n"
                               "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n");
    expectCleanDiffError(db, model, {model + u":2", QStringLiteral("UTF-8")});
}

TEST_F(CliDiff, missing_model_path_is_an_error)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString absent = data(QStringLiteral("no-such-model.sql"));
    expectCleanDiffError(db, absent, {absent, QStringLiteral("not found")});
}

// ---- bad arguments --------------------------------------------------------------------------

TEST_F(CliDiff, unknown_url_scheme_is_an_error)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    expectCleanError({QStringLiteral("diff"), QStringLiteral("--db"), QStringLiteral("oracle://x"),
                      QStringLiteral("--model"), model},
                     {QStringLiteral("oracle")});
}

TEST_F(CliDiff, unreachable_postgresql_server_is_one_line_without_the_password)
{
    // Port 1 is privileged and closed: the connection is refused at once.
    const QString url = QStringLiteral("postgresql://app:hunter2@localhost:1/shop");
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    expectCleanError(
        {QStringLiteral("diff"), QStringLiteral("--db"), url, QStringLiteral("--model"), model},
        {QStringLiteral("localhost:1"), QStringLiteral("connection refused")});
    const CliRun run = diff({QStringLiteral("--db"), url, QStringLiteral("--model"), model});
    EXPECT_FALSE(run.err.contains(u"hunter2")) << run.err.toStdString();
}

TEST_F(CliDiff, bare_path_as_db_is_an_error_suggesting_the_sqlite_url)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    expectCleanError(
        {QStringLiteral("diff"), QStringLiteral("--db"), db, QStringLiteral("--model"), model},
        {u"sqlite:" + db});
}

TEST_F(CliDiff, missing_db_option_is_an_error)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    expectCleanError({QStringLiteral("diff"), QStringLiteral("--model"), model},
                     {QStringLiteral("--db")});
}

TEST_F(CliDiff, missing_model_option_is_an_error)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    expectCleanError({QStringLiteral("diff"), QStringLiteral("--db"), u"sqlite:" + db},
                     {QStringLiteral("--model")});
}

TEST_F(CliDiff, unknown_option_is_an_error)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    expectCleanError({QStringLiteral("diff"), QStringLiteral("--db"), u"sqlite:" + db,
                      QStringLiteral("--model"), model, QStringLiteral("--bogus")},
                     {QStringLiteral("bogus"), QStringLiteral("--help")});
}

TEST_F(CliDiff, error_line_has_no_sentence_period_before_the_hint)
{
    const CliRun run = diff({QStringLiteral("--bogus")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_FALSE(run.err.contains(u".;")) << run.err.toStdString();
}

// The usage line is what the user types, not the executable's path.
TEST_F(CliDiff, each_commands_help_names_the_command)
{
    for (const char *command : {"plan", "apply", "sql"}) {
        const CliRun run = test::runCli({QString::fromLatin1(command), QStringLiteral("--help")});
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        const QString usage = run.out.section(u'\n', 0, 0);
        EXPECT_TRUE(
            usage.startsWith(u"Usage: burrow-cli " + QString::fromLatin1(command) + u" [options]"))
            << usage.toStdString();
    }
}

TEST_F(CliDiff, unknown_format_is_an_error)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    expectCleanError({QStringLiteral("diff"), QStringLiteral("--db"), u"sqlite:" + db,
                      QStringLiteral("--model"), model, QStringLiteral("--format"),
                      QStringLiteral("xml")},
                     {QStringLiteral("xml")});
}

TEST_F(CliDiff, unexpected_positional_argument_is_an_error)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const QString stray = file(QStringLiteral("stray.sql"), kModelSql);
    expectCleanError({QStringLiteral("diff"), QStringLiteral("--db"), u"sqlite:" + db,
                      QStringLiteral("--model"), model, stray},
                     {stray});
}

TEST_F(CliDiff, a_stray_database_url_is_an_error_that_never_shows_its_password)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    for (const QString &command : {u"diff"_s, u"plan"_s, u"backup"_s}) {
        const QStringList arguments{command, u"postgresql://alice:s3cret@db.example/shop"_s};
        expectCleanError(arguments, {u"postgresql://alice:***@db.example/shop"_s});
        const CliRun run = test::runCli(arguments, cwd());
        EXPECT_FALSE(run.err.contains(u"s3cret")) << run.err.toStdString();
    }
}

TEST_F(CliDiff, unknown_command_is_an_error)
{
    expectCleanError({QStringLiteral("frobnicate")}, {QStringLiteral("frobnicate")});
}

TEST_F(CliDiff, no_command_prints_usage_to_stderr_and_exits_2)
{
    const CliRun run = test::runCli({}, cwd());
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.out.toStdString(), "");
    EXPECT_TRUE(run.err.contains(u"usage")) << run.err.toStdString();
}
