// `burrow-cli diff` end to end, through the real executable: output, exit status, workspaces, and
// bad input that must end in exit 2 with one clear line on stderr and nothing written anywhere.
#include "test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <gtest/gtest.h>

#include <sqlite3.h>

using namespace burrow;
using test::CliRun;

namespace {

const QByteArray kLiveSql = "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL);\n"
                            "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n"
                            "CREATE TABLE legacy_import (payload BLOB);\n";

// Matches kLiveSql except: book gains price, legacy_import is not in the model.
const QByteArray kModelSql = "-- the application's schema\n"
                             "CREATE TABLE book (\n"
                             "    id INTEGER PRIMARY KEY,\n"
                             "    title TEXT NOT NULL,\n"
                             "    price NUMERIC\n"
                             ");\n"
                             "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n";

const QByteArray kSameAsLiveSql = kLiveSql;

/// Every file and folder under `root` (relative path → SHA-256 of the content, or "<dir>").
QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> entries;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        QByteArray content = QByteArrayLiteral("<dir>");
        if (!info.isDir()) {
            QFile f(path);
            content =
                f.open(QIODevice::ReadOnly)
                    ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()
                    : QByteArrayLiteral("<unreadable>");
        }
        entries.insert(QDir(root).relativeFilePath(path), content);
    }
    return entries;
}

std::string listing(const QMap<QString, QByteArray> &entries)
{
    QString out;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        out += it.key() + u' ' + QString::fromLatin1(it.value().left(12)) + u'\n';
    return out.toStdString();
}

/// The primary result code SQLite itself gives when reading the schema of `path` read-only.
int sqliteSchemaReadCode(const QString &path)
{
    sqlite3 *db = nullptr;
    int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &statement, nullptr);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(statement);
            rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return rc & 0xff;
}

void overwrite(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    ASSERT_TRUE(f.seek(offset));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

class CliDiff : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(QDir().mkpath(data()));
        ASSERT_TRUE(QDir().mkpath(cwd()));
    }

    /// Where databases, models and workspaces live.
    QString data(const QString &relative = {}) const
    {
        return relative.isEmpty() ? m_dir.path(QStringLiteral("data"))
                                  : m_dir.path(QStringLiteral("data/") + relative);
    }
    /// An empty folder the CLI runs in, so nothing resolves against the data folder by accident.
    QString cwd() const { return m_dir.path(QStringLiteral("cwd")); }

    QString database(const QString &relative, const QByteArray &sql) const
    {
        const QString path = data(relative);
        EXPECT_TRUE(QDir().mkpath(QFileInfo(path).path()));
        test::createDatabase(path, sql);
        return path;
    }
    QString file(const QString &relative, const QByteArray &content) const
    {
        const QString path = data(relative);
        EXPECT_TRUE(QDir().mkpath(QFileInfo(path).path()));
        return m_dir.write(QStringLiteral("data/") + relative, content);
    }

    CliRun diff(const QStringList &arguments) const
    {
        return test::runCli(QStringList{QStringLiteral("diff")} + arguments, cwd());
    }
    CliRun diff(const QString &db, const QString &model, const QStringList &more = {}) const
    {
        return diff(
            QStringList{QStringLiteral("--db"), u"sqlite:" + db, QStringLiteral("--model"), model} +
            more);
    }

    QMap<QString, QByteArray> everything() const { return snapshot(m_dir.path()); }

    /// Runs the CLI expecting an error: exit 2, one non-empty line on stderr naming each of
    /// `mentions`, nothing on stdout, and no file created, modified or removed anywhere.
    void expectCleanError(const QStringList &arguments, const QStringList &mentions) const
    {
        const QMap<QString, QByteArray> before = everything();
        const CliRun run = test::runCli(arguments, cwd());
        EXPECT_EQ(run.exitCode, 2) << run.err.toStdString();
        EXPECT_EQ(run.out.toStdString(), "");
        EXPECT_TRUE(run.err.endsWith(u'\n')) << run.err.toStdString();
        EXPECT_EQ(run.err.count(u'\n'), 1) << "stderr is not one line:\n" << run.err.toStdString();
        EXPECT_FALSE(run.err.trimmed().isEmpty());
        for (const QString &mention : mentions)
            EXPECT_TRUE(run.err.contains(mention))
                << "stderr does not mention " << mention.toStdString() << ":\n"
                << run.err.toStdString();
        EXPECT_EQ(listing(everything()), listing(before));
    }

    void expectCleanDiffError(const QString &db, const QString &model,
                              const QStringList &mentions) const
    {
        expectCleanError({QStringLiteral("diff"), QStringLiteral("--db"), u"sqlite:" + db,
                          QStringLiteral("--model"), model},
                         mentions);
    }

private:
    test::TempDir m_dir;
};

} // namespace

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

TEST_F(CliDiff, postgresql_url_is_not_supported_yet_and_the_password_is_not_shown)
{
    const QString model = file(QStringLiteral("model.sql"), kModelSql);
    expectCleanError({QStringLiteral("diff"), QStringLiteral("--db"),
                      QStringLiteral("postgresql://app:hunter2@localhost:5432/shop"),
                      QStringLiteral("--model"), model},
                     {QStringLiteral("PostgreSQL"), QStringLiteral("not supported")});
    const CliRun run = diff({QStringLiteral("--db"),
                             QStringLiteral("postgresql://app:hunter2@localhost:5432/shop"),
                             QStringLiteral("--model"), model});
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
