// Model sources from where the models really live: a Django project and a SQLAlchemy module,
// rendered by the project's own Python. A legacy database built from an older version of the
// models is brought into compliance by burrow-cli plan + apply, then the ORM's own view agrees.
#include "dialect/database_url.h"
#include "python_support.h"
#include "qt_printing.h"
#include "server_support.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <gtest/gtest.h>

#include <sqlite3.h>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Runs one statement on a SQLite file through SQLite's C API; the first row's first value.
QString sqliteValue(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QString value;
    if (sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW)
            value = QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return value;
}

/// burrow-cli plan then apply with `model`; expects the apply's check to find nothing left.
void planAndApply(const TempDir &dir, const QString &database, const QString &model)
{
    const QString migrations = dir.path(u"migrations"_s);
    const QStringList common{u"--db"_s,    database, u"--migrations"_s, migrations,
                             u"--model"_s, model,    u"--python"_s,     kDebianPython};
    const CliRun plan =
        runCli(QStringList{u"plan"_s, u"--allow-destructive"_s} + common, dir.path());
    ASSERT_EQ(plan.exitCode, 0) << plan.err.toStdString() << plan.out.toStdString();
    const CliRun apply = runCli(QStringList{u"apply"_s} + common, dir.path());
    ASSERT_EQ(apply.exitCode, 0) << apply.err.toStdString() << apply.out.toStdString();
    EXPECT_TRUE(apply.out.contains(u"No differences remain")) << apply.out.toStdString();
}

// ---- Django ---------------------------------------------------------------------------------

/// The environment that points the test project's default database (shelf/settings.py) at a
/// SQLite file or a test server's database.
using DjangoDatabase = QMap<QString, QString>;

DjangoDatabase sqliteFile(const QString &path)
{
    return {{u"SHELF_DATABASE"_s, path}};
}

DjangoDatabase serverDatabase(const TestDatabase &db)
{
    const burrow::Result<burrow::dialect::DatabaseUrl> url =
        burrow::dialect::parseDatabaseUrl(db.url());
    EXPECT_TRUE(url.ok());
    if (!url)
        return {};
    return {{u"SHELF_ENGINE"_s, db.backend() == Backend::PostgreSQL ? u"postgresql"_s : u"mysql"_s},
            {u"SHELF_NAME"_s, url->database},
            {u"SHELF_HOST"_s, url->host},
            {u"SHELF_PORT"_s, QString::number(url->port)},
            {u"SHELF_USER"_s, url->user},
            {u"SHELF_PASSWORD"_s, url->password}};
}

class DjangoModel : public ::testing::Test {
protected:
    void SetUp() override
    {
        project = copyTree(testDataPath(u"django_project"_s), dir.path(u"project"_s));
        source = u"django:"_s + project + u"/manage.py"_s;
    }
    /// manage.py with the default database at `database`.
    CliRun manage(const QStringList &arguments, const DjangoDatabase &database) const
    {
        return runPython(QStringList{u"manage.py"_s} + arguments, project, database);
    }
    CliRun manage(const QStringList &arguments, const QString &sqliteDatabase) const
    {
        return manage(arguments, sqliteFile(sqliteDatabase));
    }
    /// Django's own introspection of the database (tests/data/django_project/describe_schema.py).
    QJsonDocument describe(const DjangoDatabase &database) const
    {
        const CliRun run = runPython({u"describe_schema.py"_s}, project, database);
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        return QJsonDocument::fromJson(run.out.toUtf8());
    }
    /// The legacy database at the library app's first migration, brought into compliance by
    /// Burrow, looks to Django exactly like `fresh` after a full migrate.
    void expectComplianceLikeMigrate(const QString &legacyUrl, const DjangoDatabase &legacy,
                                     const DjangoDatabase &fresh)
    {
        const CliRun early = manage({u"migrate"_s, u"library"_s, u"0001"_s, u"-v0"_s}, legacy);
        ASSERT_EQ(early.exitCode, 0) << early.err.toStdString();
        const CliRun migrated = manage({u"migrate"_s, u"-v0"_s}, fresh);
        ASSERT_EQ(migrated.exitCode, 0) << migrated.err.toStdString();
        ASSERT_NE(describe(legacy), describe(fresh)); // the comparison can tell them apart

        planAndApply(dir, legacyUrl, source);

        const QJsonDocument brought = describe(legacy);
        const QJsonDocument expected = describe(fresh);
        EXPECT_FALSE(expected.object().isEmpty());
        EXPECT_EQ(brought, expected) << "brought into compliance:\n"
                                     << brought.toJson().toStdString() << "\nfresh migrate:\n"
                                     << expected.toJson().toStdString();
    }

    TempDir dir;
    QString project, source;
};

TEST_F(DjangoModel, legacy_database_brought_into_compliance_looks_like_a_fresh_migrate_to_django)
{
    const QString legacy = dir.path(u"legacy.sqlite3"_s);
    ASSERT_EQ(manage({u"migrate"_s, u"library"_s, u"0001"_s, u"-v0"_s}, legacy).exitCode, 0);
    sqliteValue(legacy, "INSERT INTO library_book (title, year) VALUES ('Dune', '1965')");
    expectComplianceLikeMigrate(u"sqlite:"_s + legacy, sqliteFile(legacy),
                                sqliteFile(dir.path(u"fresh.sqlite3"_s)));
    // The row survived the rebuild, its year now an integer as the model says.
    EXPECT_EQ(sqliteValue(legacy, "SELECT title || ' ' || year || ' ' || typeof(year) "
                                  "FROM library_book"),
              u"Dune 1965 integer"_s);
}

TEST_F(DjangoModel, django_migrations_and_the_tables_of_apps_left_out_are_ignored_not_dropped)
{
    const QString database = dir.path(u"app.sqlite3"_s);
    ASSERT_EQ(manage({u"migrate"_s, u"-v0"_s}, database).exitCode, 0);
    const CliRun library = runCli({u"diff"_s, u"--db"_s, u"sqlite:"_s + database, u"--model"_s,
                                   source + u"?apps=library"_s, u"--python"_s, kDebianPython});
    EXPECT_EQ(library.exitCode, 0) << library.out.toStdString() << library.err.toStdString();
    EXPECT_TRUE(library.out.contains(u"No differences")) << library.out.toStdString();
    // The model of the notes app alone lacks library_book, which the database holds.
    const CliRun notes = runCli({u"diff"_s, u"--db"_s, u"sqlite:"_s + database, u"--model"_s,
                                 source + u"?apps=notes"_s, u"--python"_s, kDebianPython});
    EXPECT_EQ(notes.exitCode, 0) << notes.out.toStdString() << notes.err.toStdString();
}

TEST_F(DjangoModel, an_unknown_app_label_is_one_line_naming_the_installed_ones)
{
    const QString database = dir.path(u"app.sqlite3"_s);
    ASSERT_EQ(manage({u"migrate"_s, u"-v0"_s}, database).exitCode, 0);
    const CliRun run = runCli({u"diff"_s, u"--db"_s, u"sqlite:"_s + database, u"--model"_s,
                               source + u"?apps=shelves"_s, u"--python"_s, kDebianPython});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.trimmed().count(u'\n'), 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"no installed app labelled shelves; installed: auth, "
                                 u"contenttypes, library, notes"))
        << run.err.toStdString();
}

TEST_F(DjangoModel, missing_settings_module_shows_the_projects_traceback_tail)
{
    const QString database = dir.path(u"app.sqlite3"_s);
    const CliRun run =
        runCli({u"diff"_s, u"--db"_s, u"sqlite:"_s + database, u"--model"_s,
                source + u"?settings=shelf.missing"_s, u"--python"_s, kDebianPython});
    EXPECT_EQ(run.exitCode, 2);
    const QStringList lines = run.err.trimmed().split(u'\n');
    EXPECT_TRUE(lines.first().contains(u"the project's Python failed: ModuleNotFoundError: No "
                                       u"module named 'shelf.missing'"))
        << run.err.toStdString();
    EXPECT_GT(lines.size(), 2) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"  | Traceback") || run.err.contains(u"  |   File"))
        << run.err.toStdString();
}

// The helper renders PostgreSQL's and MariaDB's DDL without a connection; Django itself migrates
// the test databases through psycopg2 and mysqlclient.
class DjangoServerModel : public DjangoModel, public ::testing::WithParamInterface<Backend> {};

TEST_P(DjangoServerModel, legacy_database_brought_into_compliance_looks_like_a_fresh_migrate)
{
    TestDatabase legacy(GetParam());
    TestDatabase fresh(GetParam());
    BURROW_REQUIRE_BACKEND(legacy);
    expectComplianceLikeMigrate(legacy.url(), serverDatabase(legacy), serverDatabase(fresh));
}

INSTANTIATE_TEST_SUITE_P(Servers, DjangoServerModel,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

// ---- SQLAlchemy -----------------------------------------------------------------------------

class SqlAlchemyModel : public ::testing::Test {
protected:
    /// tests/data/sqlalchemy_models/alembic_check.py: create or compare, on a SQLAlchemy URL.
    CliRun alembicOn(const QString &url, const QString &command, const QString &target) const
    {
        return runPython({data + u"/alembic_check.py"_s, command, target}, data,
                         {{u"CHECK_DATABASE_URL"_s, url}});
    }
    CliRun alembic(const QString &command, const QString &target, const QString &sqlite) const
    {
        return alembicOn(u"sqlite:///"_s + sqlite, command, target);
    }
    CliRun diff(const QString &model, const QStringList &extra = {}) const
    {
        return runCli(QStringList{u"diff"_s, u"--db"_s, u"sqlite:"_s + dir.path(u"db"_s),
                                  u"--model"_s, model} +
                          extra,
                      data);
    }
    /// The legacy database (the older models) brought into compliance; Alembic agrees.
    void expectComplianceAlembicAgrees(const QString &burrowUrl, const QString &alembicUrl)
    {
        ASSERT_EQ(alembicOn(alembicUrl, u"create"_s, u"shop.models_v1:Base"_s).exitCode, 0);
        const CliRun before = alembicOn(alembicUrl, u"compare"_s, u"shop.models:Base"_s);
        ASSERT_EQ(before.exitCode, 0) << before.err.toStdString();
        ASSERT_NE(before.out.trimmed(), u"[]"_s); // Alembic sees the drift

        // Run from elsewhere: the module is found through ?path=.
        planAndApply(dir, burrowUrl, u"sqlalchemy:shop.models:Base?path="_s + data);

        const CliRun after = alembicOn(alembicUrl, u"compare"_s, u"shop.models:Base"_s);
        EXPECT_EQ(after.exitCode, 0) << after.err.toStdString();
        EXPECT_EQ(after.out.trimmed(), u"[]"_s) << after.out.toStdString();
    }

    TempDir dir;
    const QString data = testDataPath(u"sqlalchemy_models"_s);
};

TEST_F(SqlAlchemyModel, legacy_database_brought_into_compliance_leaves_alembic_nothing_to_do)
{
    const QString legacy = dir.path(u"legacy.sqlite3"_s);
    expectComplianceAlembicAgrees(u"sqlite:"_s + legacy, u"sqlite:///"_s + legacy);
}

// The same on the servers, with SQLAlchemy's own drivers (psycopg2, mysqldb).
class SqlAlchemyServerModel : public SqlAlchemyModel,
                              public ::testing::WithParamInterface<Backend> {};

TEST_P(SqlAlchemyServerModel, legacy_database_brought_into_compliance_leaves_alembic_nothing)
{
    TestDatabase legacy(GetParam());
    BURROW_REQUIRE_BACKEND(legacy);
    const burrow::Result<burrow::dialect::DatabaseUrl> url =
        burrow::dialect::parseDatabaseUrl(legacy.url());
    ASSERT_TRUE(url.ok());
    QUrl alembicUrl;
    alembicUrl.setScheme(GetParam() == Backend::PostgreSQL ? u"postgresql+psycopg2"_s
                                                           : u"mysql+mysqldb"_s);
    alembicUrl.setUserName(url->user);
    alembicUrl.setPassword(url->password);
    alembicUrl.setHost(url->host);
    alembicUrl.setPort(url->port);
    alembicUrl.setPath(u'/' + url->database);
    expectComplianceAlembicAgrees(legacy.url(), alembicUrl.toString(QUrl::FullyEncoded));
}

INSTANTIATE_TEST_SUITE_P(Servers, SqlAlchemyServerModel,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

TEST_F(SqlAlchemyModel, a_metadata_attribute_works_like_the_base)
{
    const QString database = dir.path(u"db"_s);
    ASSERT_EQ(alembic(u"create"_s, u"shop.models:Base"_s, database).exitCode, 0);
    const CliRun run = diff(u"sqlalchemy:shop.models:metadata"_s, {u"--python"_s, kDebianPython});
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
}

TEST_F(SqlAlchemyModel, an_import_error_is_one_line_with_the_projects_traceback_tail)
{
    ASSERT_EQ(alembic(u"create"_s, u"shop.models:Base"_s, dir.path(u"db"_s)).exitCode, 0);
    const CliRun run = diff(u"sqlalchemy:broken_models:Base"_s, {u"--python"_s, kDebianPython});
    EXPECT_EQ(run.exitCode, 2);
    const QStringList lines = run.err.trimmed().split(u'\n');
    EXPECT_TRUE(lines.first().startsWith(u"burrow-cli: error: sqlalchemy:broken_models:Base: the "
                                         u"project's Python failed: RuntimeError: SHOP_SETTINGS "
                                         u"is not configured"))
        << run.err.toStdString();
    EXPECT_TRUE(lines.first().contains(u"--python")) << run.err.toStdString();
    // The tail of the project's own traceback: where in its code it failed.
    EXPECT_TRUE(run.err.contains(u"broken_models.py\", line 5, in load_settings"))
        << run.err.toStdString();
}

TEST_F(SqlAlchemyModel, a_wrong_attribute_is_one_line_naming_it)
{
    ASSERT_EQ(alembic(u"create"_s, u"shop.models:Base"_s, dir.path(u"db"_s)).exitCode, 0);
    const CliRun missing = diff(u"sqlalchemy:shop.models:Nope"_s, {u"--python"_s, kDebianPython});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.err.trimmed(),
              u"burrow-cli: error: sqlalchemy:shop.models:Nope: module shop.models has no "
              u"attribute Nope"_s);
    const CliRun notMetadata =
        diff(u"sqlalchemy:shop.models:VERSION"_s, {u"--python"_s, kDebianPython});
    EXPECT_EQ(notMetadata.exitCode, 2);
    EXPECT_TRUE(notMetadata.err.contains(u"shop.models:VERSION is neither a MetaData nor a "
                                         u"declarative Base"))
        << notMetadata.err.toStdString();
}

TEST_F(SqlAlchemyModel, a_missing_interpreter_says_to_pass_python)
{
    ASSERT_EQ(alembic(u"create"_s, u"shop.models:Base"_s, dir.path(u"db"_s)).exitCode, 0);
    const CliRun run =
        diff(u"sqlalchemy:shop.models:Base"_s, {u"--python"_s, u"/nonexistent/python3"_s});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.trimmed().count(u'\n'), 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"cannot run the Python interpreter '/nonexistent/python3'"))
        << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(u"--python PATH")) << run.err.toStdString();
}

TEST_F(SqlAlchemyModel, the_workspace_names_the_interpreter_and_is_the_python_path)
{
    const QString workspace = copyTree(data, dir.path(u"ws"_s));
    ASSERT_EQ(alembic(u"create"_s, u"shop.models:Base"_s, workspace + u"/shop.sqlite3"_s).exitCode,
              0);
    QFile json(workspace + u"/burrow.json"_s);
    ASSERT_TRUE(json.open(QIODevice::WriteOnly));
    json.write(R"({"database": "sqlite:shop.sqlite3", "models": ["sqlalchemy:shop.models:Base"],
                   "python": "/usr/bin/python3"})");
    json.close();
    const CliRun run = runCli({u"diff"_s, u"--workspace"_s, workspace}, dir.path());
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
    const CliRun overridden =
        runCli({u"diff"_s, u"--workspace"_s, workspace, u"--python"_s, u"/nonexistent/py"_s});
    EXPECT_EQ(overridden.exitCode, 2);
    EXPECT_TRUE(overridden.err.contains(u"/nonexistent/py")) << overridden.err.toStdString();
}

} // namespace
