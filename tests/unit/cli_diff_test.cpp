// `burrow-cli diff` end to end, through the real executable: output, exit status, workspaces.
#include "cli_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace burrow;
using namespace burrow::test::cli;

// ---- results --------------------------------------------------------------------------------

TEST_F(CliDiff, equal_schemas_exit_0_and_say_no_differences)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kSameAsLiveSql);
    const CliRun run = diff(db, model);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(u"No differences")) << run.out.toStdString();
    EXPECT_EQ(run.err.toStdString(), "");
}

TEST_F(CliDiff, differences_exit_1_grouped_by_table_with_a_summary_line)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const CliRun run = diff(db, model);
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    EXPECT_EQ(run.err.toStdString(), "");
    const QStringList lines = run.out.split(u'\n');
    const qsizetype book = lines.indexOf(QStringLiteral("table book"));
    const qsizetype legacy = lines.indexOf(QStringLiteral("table legacy_import"));
    ASSERT_GE(book, 0) << run.out.toStdString();
    ASSERT_GE(legacy, 0) << run.out.toStdString();
    EXPECT_EQ(run.out.count(u"table book\n"), 1) << run.out.toStdString();
    // Each change sits under its own table's header.
    EXPECT_TRUE(lines.value(book + 1).contains(u"+ column price")) << run.out.toStdString();
    EXPECT_TRUE(lines.value(legacy + 1).contains(u"- table legacy_import"))
        << run.out.toStdString();
    EXPECT_FALSE(run.out.contains(u"table author")) << run.out.toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("2 tables differ: 1 column missing, 1 table extra")))
        << run.out.toStdString();
}

TEST_F(CliDiff, json_format_parses_with_the_contract_keys)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const CliRun run = diff(db, model, {QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    ASSERT_TRUE(doc.isObject()) << error.errorString().toStdString() << "\n"
                                << run.out.toStdString();
    const QJsonArray differences = doc.object().value(u"differences").toArray();
    ASSERT_EQ(differences.size(), 2) << run.out.toStdString();
    QStringList seen;
    for (const QJsonValue &value : differences) {
        const QJsonObject entry = value.toObject();
        for (const char *key : {"kind", "table", "name", "detail"})
            EXPECT_TRUE(entry.value(QLatin1StringView(key)).isString()) << key << " missing";
        seen.append(entry.value(u"kind").toString() + u' ' + entry.value(u"table").toString() +
                    u'.' + entry.value(u"name").toString());
    }
    seen.sort();
    EXPECT_EQ(seen.join(u", ").toStdString(),
              "column_added book.price, table_removed legacy_import.legacy_import");
}

TEST_F(CliDiff, json_format_of_equal_schemas_has_an_empty_list_and_exit_0)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kSameAsLiveSql);
    const CliRun run = diff(db, model, {QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8());
    ASSERT_TRUE(doc.isObject()) << run.out.toStdString();
    ASSERT_TRUE(doc.object().value(u"differences").isArray()) << run.out.toStdString();
    EXPECT_TRUE(doc.object().value(u"differences").toArray().isEmpty());
}

TEST_F(CliDiff, ignore_hides_matching_tables)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const CliRun run = diff(db, model, {QStringLiteral("--ignore"), QStringLiteral("legacy_*")});
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    EXPECT_FALSE(run.out.contains(u"legacy_import")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(u"table book")) << run.out.toStdString();
}

TEST_F(CliDiff, ignoring_every_differing_table_leaves_no_differences)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const CliRun run = diff(db, model,
                            {QStringLiteral("--ignore"), QStringLiteral("legacy_*"),
                             QStringLiteral("--ignore"), QStringLiteral("book")});
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(u"No differences")) << run.out.toStdString();
}

TEST_F(CliDiff, relative_db_and_model_resolve_against_the_working_directory)
{
    database(QStringLiteral("live.db"), kLiveSql);
    file(QStringLiteral("model.sql"), kSameAsLiveSql);
    const CliRun run = test::runCli({QStringLiteral("diff"), QStringLiteral("--db"),
                                     QStringLiteral("sqlite:live.db"), QStringLiteral("--model"),
                                     QStringLiteral("model.sql")},
                                    data());
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(u"No differences")) << run.out.toStdString();
}

TEST_F(CliDiff, model_folder_loads_every_sql_file_in_it)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    file(QStringLiteral("models/10_book.sql"),
         "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL);\n");
    file(QStringLiteral("models/20_author.sql"),
         "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n");
    file(QStringLiteral("models/nested/30_legacy.sql"),
         "CREATE TABLE legacy_import (payload BLOB);\n");
    file(QStringLiteral("models/notes.txt"), "not SQL at all\n");
    const CliRun run = diff(db, data(QStringLiteral("models")));
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
}

TEST_F(CliDiff, paths_with_spaces_work)
{
    const QString db = database(QStringLiteral("my data/live db.sqlite3"), kLiveSql);
    const QString model = file(QStringLiteral("my models/schema v1.sql"), kModelSql);
    const CliRun run = diff(db, model);
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(u"+ column price")) << run.out.toStdString();
    const CliRun same = diff(db, file(QStringLiteral("my models/same schema.sql"), kSameAsLiveSql));
    EXPECT_EQ(same.exitCode, 0) << same.err.toStdString();
}

// ---- workspace ------------------------------------------------------------------------------

TEST_F(CliDiff, workspace_supplies_database_models_and_ignore_relative_to_its_folder)
{
    database(QStringLiteral("ws/db/live.db"), kLiveSql);
    file(QStringLiteral("ws/models/schema.sql"), kModelSql);
    file(QStringLiteral("ws/burrow.json"),
         R"({"database": "sqlite:db/live.db", "models": ["models"], "ignore": ["legacy_*"]})");
    const CliRun run = diff({QStringLiteral("--workspace"), data(QStringLiteral("ws"))});
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(u"+ column price")) << run.out.toStdString();
    EXPECT_FALSE(run.out.contains(u"legacy_import")) << run.out.toStdString();
}

TEST_F(CliDiff, workspace_given_as_a_relative_folder_resolves_its_paths_against_that_folder)
{
    database(QStringLiteral("ws/live.db"), kLiveSql);
    file(QStringLiteral("ws/schema.sql"), kSameAsLiveSql);
    file(QStringLiteral("ws/burrow.json"),
         R"({"database": "sqlite:live.db", "models": "schema.sql"})");
    const CliRun run = test::runCli(
        {QStringLiteral("diff"), QStringLiteral("--workspace"), QStringLiteral("../data/ws")},
        cwd());
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(u"No differences")) << run.out.toStdString();
}

TEST_F(CliDiff, command_line_db_and_model_override_the_workspace)
{
    database(QStringLiteral("ws/live.db"), kLiveSql);
    file(QStringLiteral("ws/schema.sql"), kModelSql);
    file(QStringLiteral("ws/burrow.json"),
         R"({"database": "sqlite:live.db", "models": ["schema.sql"]})");
    const QString otherDb =
        database(QStringLiteral("other/other.db"), "CREATE TABLE shelf (id INTEGER PRIMARY KEY);");
    const QString otherModel =
        file(QStringLiteral("other/other.sql"), "CREATE TABLE shelf (id INTEGER PRIMARY KEY);");
    const CliRun fromWorkspace = diff({QStringLiteral("--workspace"), data(QStringLiteral("ws"))});
    EXPECT_EQ(fromWorkspace.exitCode, 1) << fromWorkspace.err.toStdString();
    const CliRun overridden =
        diff({QStringLiteral("--workspace"), data(QStringLiteral("ws")), QStringLiteral("--db"),
              u"sqlite:" + otherDb, QStringLiteral("--model"), otherModel});
    EXPECT_EQ(overridden.exitCode, 0)
        << overridden.out.toStdString() << overridden.err.toStdString();
    EXPECT_TRUE(overridden.out.contains(u"No differences")) << overridden.out.toStdString();
}

TEST_F(CliDiff, command_line_db_overrides_a_workspace_database_that_does_not_exist)
{
    file(QStringLiteral("ws/schema.sql"), kSameAsLiveSql);
    file(QStringLiteral("ws/burrow.json"),
         R"({"database": "sqlite:gone.db", "models": ["schema.sql"]})");
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const CliRun run = diff({QStringLiteral("--workspace"), data(QStringLiteral("ws")),
                             QStringLiteral("--db"), u"sqlite:" + db});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_FALSE(QFile::exists(data(QStringLiteral("ws/gone.db"))));
}

TEST_F(CliDiff, workspace_without_burrow_json_is_an_error_naming_it)
{
    ASSERT_TRUE(QDir().mkpath(data(QStringLiteral("ws"))));
    expectCleanError(
        {QStringLiteral("diff"), QStringLiteral("--workspace"), data(QStringLiteral("ws"))},
        {data(QStringLiteral("ws/burrow.json"))});
}

TEST_F(CliDiff, workspace_with_invalid_json_is_an_error_naming_file_and_line)
{
    file(QStringLiteral("ws/burrow.json"),
         "{\n  \"database\": \"sqlite:live.db\"\n  \"models\": []\n}\n");
    expectCleanError(
        {QStringLiteral("diff"), QStringLiteral("--workspace"), data(QStringLiteral("ws"))},
        {data(QStringLiteral("ws/burrow.json:3"))});
}

// ---- the live database is never touched -----------------------------------------------------

TEST_F(CliDiff, diff_never_modifies_the_database_or_leaves_files_beside_it)
{
    const QString db = database(QStringLiteral("live.db"), kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    const QMap<QString, QByteArray> before = everything();
    EXPECT_EQ(diff(db, model).exitCode, 1);
    EXPECT_EQ(diff(db, model, {QStringLiteral("--format"), QStringLiteral("json")}).exitCode, 1);
    EXPECT_EQ(diff(db, file(QStringLiteral("same.sql"), kSameAsLiveSql)).exitCode, 0);
    QMap<QString, QByteArray> after = everything();
    after.remove(QStringLiteral("data/same.sql"));
    EXPECT_EQ(listing(after), listing(before));
    for (const char *suffix : {"-journal", "-wal", "-shm"})
        EXPECT_FALSE(QFile::exists(db + QLatin1StringView(suffix))) << suffix;
}

TEST_F(CliDiff, diff_of_a_wal_mode_database_leaves_no_wal_or_shm_files)
{
    const QString db = database(QStringLiteral("live.db"), "PRAGMA journal_mode=WAL;\n" + kLiveSql);
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    ASSERT_FALSE(QFile::exists(db + u"-wal"));
    const QByteArray hash = test::fileHash(db);
    const QMap<QString, QByteArray> before = everything();
    const CliRun run = diff(db, model);
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    EXPECT_EQ(test::fileHash(db), hash);
    EXPECT_EQ(listing(everything()), listing(before));
}
