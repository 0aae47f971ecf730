// loadWorkspace: burrow.json's keys, paths resolved against the workspace folder, and errors that
// name the file (and the line, for invalid JSON). saveWorkspace: the file it writes reads back.
#include "dialect/database_url.h"
#include "test_support.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace burrow;
using workspace::loadWorkspace;
using workspace::Workspace;

namespace {

class WorkspaceFile : public ::testing::Test {
protected:
    QString folder() const { return QDir(m_dir.path()).absolutePath(); }
    QString inFolder(const QString &relative) const { return folder() + u'/' + relative; }
    QString sqliteUrl(const QString &relative) const { return u"sqlite:" + inFolder(relative); }
    QString jsonPath() const { return inFolder(QStringLiteral("burrow.json")); }
    void writeJson(const QByteArray &json) const
    {
        m_dir.write(QStringLiteral("burrow.json"), json);
    }

    Workspace loaded() const
    {
        Result<Workspace> ws = loadWorkspace(folder());
        EXPECT_TRUE(ws.ok()) << (ws ? "" : ws.error().toString().toStdString());
        return ws ? *ws : Workspace{};
    }

    Error loadError() const
    {
        Result<Workspace> ws = loadWorkspace(folder());
        EXPECT_FALSE(ws.ok()) << "the workspace was accepted";
        return ws ? Error{} : ws.error();
    }

private:
    test::TempDir m_dir;
};

} // namespace

TEST_F(WorkspaceFile, every_key_is_read)
{
    writeJson(R"({"database": "sqlite:data/app.db",
                  "models": ["models", "extra/more.sql"],
                  "migrations": "db/migrations",
                  "ignore": ["tmp_*", "audit_log"]})");
    const Workspace ws = loaded();
    EXPECT_EQ(ws.directory.toStdString(), folder().toStdString());
    EXPECT_EQ(ws.database.toStdString(), sqliteUrl(QStringLiteral("data/app.db")).toStdString());
    EXPECT_EQ(ws.models, (QStringList{inFolder(QStringLiteral("models")),
                                      inFolder(QStringLiteral("extra/more.sql"))}));
    EXPECT_EQ(ws.migrations.toStdString(), inFolder(QStringLiteral("db/migrations")).toStdString());
    EXPECT_EQ(ws.ignore, (QStringList{QStringLiteral("tmp_*"), QStringLiteral("audit_log")}));
}

TEST_F(WorkspaceFile, relative_paths_resolve_against_the_folder_not_the_working_directory)
{
    writeJson(R"({"database": "sqlite:app.db", "models": ["schema.sql"], "migrations": "mig"})");
    const Workspace ws = loaded();
    EXPECT_NE(QDir::currentPath(), folder());
    EXPECT_EQ(ws.database.toStdString(), sqliteUrl(QStringLiteral("app.db")).toStdString());
    EXPECT_EQ(ws.models.value(0).toStdString(),
              inFolder(QStringLiteral("schema.sql")).toStdString());
    EXPECT_EQ(ws.migrations.toStdString(), inFolder(QStringLiteral("mig")).toStdString());
}

TEST_F(WorkspaceFile, paths_with_dot_segments_are_cleaned)
{
    writeJson(R"({"database": "sqlite:./data/../app.db", "models": ["./models/../schema.sql"]})");
    const Workspace ws = loaded();
    EXPECT_EQ(ws.database.toStdString(), sqliteUrl(QStringLiteral("app.db")).toStdString());
    EXPECT_EQ(ws.models.value(0).toStdString(),
              inFolder(QStringLiteral("schema.sql")).toStdString());
}

TEST_F(WorkspaceFile, absolute_paths_are_kept)
{
    writeJson(R"({"database": "sqlite:/var/lib/app.db", "models": ["/opt/models"],
                  "migrations": "/opt/migrations"})");
    const Workspace ws = loaded();
    EXPECT_EQ(ws.database.toStdString(), "sqlite:/var/lib/app.db");
    EXPECT_EQ(ws.models, QStringList{QStringLiteral("/opt/models")});
    EXPECT_EQ(ws.migrations.toStdString(), "/opt/migrations");
}

TEST_F(WorkspaceFile, sqlite_triple_slash_url_is_kept_absolute)
{
    writeJson(R"({"database": "sqlite:///var/lib/app.db", "models": ["m.sql"]})");
    Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(loaded().database);
    ASSERT_TRUE(url.ok());
    EXPECT_EQ(url->path.toStdString(), "/var/lib/app.db");
}

TEST_F(WorkspaceFile, server_urls_are_not_touched)
{
    writeJson(R"({"database": "postgresql://app@db.example.org:5433/shop", "models": ["m.sql"]})");
    EXPECT_EQ(loaded().database.toStdString(), "postgresql://app@db.example.org:5433/shop");
}

TEST_F(WorkspaceFile, models_may_be_a_single_string)
{
    writeJson(R"({"database": "sqlite:app.db", "models": "models"})");
    EXPECT_EQ(loaded().models, QStringList{inFolder(QStringLiteral("models"))});
}

TEST_F(WorkspaceFile, ignore_may_be_a_single_string)
{
    writeJson(R"({"database": "sqlite:app.db", "ignore": "tmp_*"})");
    EXPECT_EQ(loaded().ignore, QStringList{QStringLiteral("tmp_*")});
}

TEST_F(WorkspaceFile, missing_keys_take_their_defaults)
{
    writeJson("{}");
    const Workspace ws = loaded();
    EXPECT_TRUE(ws.database.isEmpty()) << ws.database.toStdString();
    EXPECT_TRUE(ws.models.isEmpty());
    EXPECT_TRUE(ws.ignore.isEmpty());
    EXPECT_EQ(ws.migrations.toStdString(), inFolder(QStringLiteral("migrations")).toStdString());
}

TEST_F(WorkspaceFile, missing_burrow_json_is_an_error_naming_it)
{
    const Error error = loadError();
    EXPECT_EQ(error.code, Error::Code::NotFound);
    EXPECT_EQ(error.file.toStdString(), jsonPath().toStdString());
    EXPECT_TRUE(error.toString().contains(u"burrow.json")) << error.toString().toStdString();
}

TEST_F(WorkspaceFile, missing_folder_is_an_error_naming_it)
{
    const QString absent = inFolder(QStringLiteral("no-such-workspace"));
    Result<Workspace> ws = loadWorkspace(absent);
    ASSERT_FALSE(ws.ok());
    EXPECT_EQ(ws.error().code, Error::Code::NotFound);
    EXPECT_TRUE(ws.error().toString().contains(absent)) << ws.error().toString().toStdString();
}

TEST_F(WorkspaceFile, invalid_json_reports_the_file_and_the_line)
{
    writeJson("{\n"
              "  \"database\": \"sqlite:app.db\",\n"
              "  \"models\": [\"models\",]\n"
              "}\n");
    const Error error = loadError();
    EXPECT_EQ(error.file.toStdString(), jsonPath().toStdString());
    EXPECT_EQ(error.line, 3);
    EXPECT_TRUE(error.message.contains(u"JSON")) << error.message.toStdString();
    EXPECT_TRUE(error.toString().startsWith(jsonPath() + u":3:")) << error.toString().toStdString();
}

TEST_F(WorkspaceFile, invalid_json_after_non_ascii_text_reports_the_right_line)
{
    // Paths may hold any characters; Qt's parse error offset counts UTF-8 bytes, not characters.
    writeJson("{\n"
              "  \"models\": [\"modèles/éléphant/ça/déjà/été/schéma.sql\", "
              "\"données/système/réseau/intérêt.sql\",\n"
              "             \"データベース/スキーマ/テーブル/モデル定義.sql\"],\n"
              "  \"database\": \"sqlite:app.db\"\n"
              "  \"ignore\": []\n"
              "}\n"
              "\n"
              "\n"
              "\n"
              "\n");
    const Error error = loadError();
    EXPECT_EQ(error.file.toStdString(), jsonPath().toStdString());
    EXPECT_EQ(error.line, 5);
}

TEST_F(WorkspaceFile, top_level_that_is_not_an_object_is_an_error)
{
    writeJson(R"(["sqlite:app.db"])");
    const Error error = loadError();
    EXPECT_EQ(error.file.toStdString(), jsonPath().toStdString());
}

TEST_F(WorkspaceFile, models_of_the_wrong_type_is_an_error_naming_the_key)
{
    writeJson(R"({"database": "sqlite:app.db", "models": 42})");
    const Error error = loadError();
    EXPECT_EQ(error.file.toStdString(), jsonPath().toStdString());
    EXPECT_TRUE(error.message.contains(u"models")) << error.message.toStdString();
}

TEST_F(WorkspaceFile, models_list_holding_a_non_string_is_an_error)
{
    writeJson(R"({"database": "sqlite:app.db", "models": ["schema.sql", 7]})");
    const Error error = loadError();
    EXPECT_TRUE(error.message.contains(u"models")) << error.message.toStdString();
}

TEST_F(WorkspaceFile, ignore_of_the_wrong_type_is_an_error_naming_the_key)
{
    writeJson(R"({"database": "sqlite:app.db", "ignore": {"tmp_*": true}})");
    const Error error = loadError();
    EXPECT_EQ(error.file.toStdString(), jsonPath().toStdString());
    EXPECT_TRUE(error.message.contains(u"ignore")) << error.message.toStdString();
}

TEST_F(WorkspaceFile, database_of_the_wrong_type_is_an_error_naming_the_key)
{
    writeJson(R"({"database": 42, "models": ["schema.sql"]})");
    const Error error = loadError();
    EXPECT_EQ(error.file.toStdString(), jsonPath().toStdString());
    EXPECT_TRUE(error.message.contains(u"database")) << error.message.toStdString();
}

TEST_F(WorkspaceFile, migrations_of_the_wrong_type_is_an_error_naming_the_key)
{
    writeJson(R"({"database": "sqlite:app.db", "migrations": ["a", "b"]})");
    const Error error = loadError();
    EXPECT_EQ(error.file.toStdString(), jsonPath().toStdString());
    EXPECT_TRUE(error.message.contains(u"migrations")) << error.message.toStdString();
}

TEST_F(WorkspaceFile, burrow_json_that_is_not_utf8_is_an_error_naming_the_line)
{
    writeJson("{\n  \"database\": \"sqlite:caf\xe9.db\"\n}\n");
    const Error error = loadError();
    EXPECT_EQ(error.file.toStdString(), jsonPath().toStdString());
    EXPECT_EQ(error.line, 2);
}

// saveWorkspace: what the GUI's "New workspace…" writes, read back by loadWorkspace.

namespace {

Workspace workspaceIn(const QString &folder)
{
    Workspace ws;
    ws.directory = folder;
    ws.database = u"sqlite:" + folder + u"/data/app.db";
    ws.models = {folder + u"/models", folder + u"/extra/more.sql"};
    ws.migrations = folder + u"/db/migrations";
    ws.ignore = {QStringLiteral("tmp_*"), QStringLiteral("audit_log")};
    return ws;
}

QJsonObject savedJson(const QString &path)
{
    return QJsonDocument::fromJson(test::readBytes(path)).object();
}

} // namespace

TEST_F(WorkspaceFile, saved_workspace_reads_back_with_the_same_values)
{
    const Workspace written = workspaceIn(folder());
    ASSERT_TRUE(workspace::saveWorkspace(written).ok());
    const Workspace read = loaded();
    EXPECT_EQ(read.directory.toStdString(), written.directory.toStdString());
    EXPECT_EQ(read.database.toStdString(), written.database.toStdString());
    EXPECT_EQ(read.models, written.models);
    EXPECT_EQ(read.migrations.toStdString(), written.migrations.toStdString());
    EXPECT_EQ(read.ignore, written.ignore);
}

TEST_F(WorkspaceFile, saved_paths_inside_the_folder_are_relative_so_it_can_move)
{
    ASSERT_TRUE(workspace::saveWorkspace(workspaceIn(folder())).ok());
    const QJsonObject json = savedJson(jsonPath());
    EXPECT_EQ(json.value(u"database").toString().toStdString(), "sqlite:data/app.db");
    EXPECT_EQ(json.value(u"models").toArray(),
              (QJsonArray{QStringLiteral("models"), QStringLiteral("extra/more.sql")}));
    EXPECT_EQ(json.value(u"migrations").toString().toStdString(), "db/migrations");
}

TEST_F(WorkspaceFile, saved_paths_outside_the_folder_stay_absolute)
{
    Workspace ws = workspaceIn(inFolder(QStringLiteral("project")));
    ws.database = QStringLiteral("sqlite:/var/lib/app.db");
    ws.models = {inFolder(QStringLiteral("shared/models"))};
    ws.migrations = QStringLiteral("/opt/migrations");
    ASSERT_TRUE(workspace::saveWorkspace(ws).ok());
    const QJsonObject json = savedJson(ws.directory + u"/burrow.json");
    EXPECT_EQ(json.value(u"database").toString().toStdString(), "sqlite:/var/lib/app.db");
    EXPECT_EQ(json.value(u"models").toArray(),
              QJsonArray{inFolder(QStringLiteral("shared/models"))});
    EXPECT_EQ(json.value(u"migrations").toString().toStdString(), "/opt/migrations");
}

TEST_F(WorkspaceFile, a_password_in_the_database_url_is_never_written)
{
    Workspace ws = workspaceIn(folder());
    ws.database =
        QStringLiteral("postgresql://app:s3cret-pw@db.example.org:5433/shop?sslmode=require");
    ASSERT_TRUE(workspace::saveWorkspace(ws).ok());
    const QByteArray bytes = test::readBytes(jsonPath());
    EXPECT_FALSE(bytes.contains("s3cret-pw")) << bytes.constData();
    EXPECT_EQ(loaded().database.toStdString(),
              "postgresql://app@db.example.org:5433/shop?sslmode=require");
}

TEST_F(WorkspaceFile, saving_refuses_to_replace_an_existing_burrow_json)
{
    writeJson(R"({"database": "sqlite:keep.db"})");
    const Status saved = workspace::saveWorkspace(workspaceIn(folder()));
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, Error::Code::Conflict);
    EXPECT_EQ(saved.error().file.toStdString(), jsonPath().toStdString());
    EXPECT_EQ(test::readBytes(jsonPath()).toStdString(), R"({"database": "sqlite:keep.db"})");
}

TEST_F(WorkspaceFile, saving_replaces_an_existing_burrow_json_when_asked)
{
    writeJson(R"({"database": "sqlite:old.db"})");
    ASSERT_TRUE(workspace::saveWorkspace(workspaceIn(folder()), workspace::Overwrite::Yes).ok());
    EXPECT_EQ(loaded().database.toStdString(),
              sqliteUrl(QStringLiteral("data/app.db")).toStdString());
}

TEST_F(WorkspaceFile, saving_creates_a_missing_workspace_folder)
{
    const Workspace ws = workspaceIn(inFolder(QStringLiteral("new/project")));
    ASSERT_TRUE(workspace::saveWorkspace(ws).ok());
    Result<Workspace> read = loadWorkspace(ws.directory);
    ASSERT_TRUE(read.ok()) << read.error().toString().toStdString();
    EXPECT_EQ(read->database.toStdString(), ws.database.toStdString());
}

TEST_F(WorkspaceFile, saving_a_malformed_database_url_is_an_error_and_writes_nothing)
{
    Workspace ws = workspaceIn(folder());
    ws.database = QStringLiteral("oracle://scott@db/orcl");
    const Status saved = workspace::saveWorkspace(ws);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, Error::Code::InvalidArgument);
    EXPECT_FALSE(QFileInfo::exists(jsonPath()));
}
