#include "test_support.h"

#include "dialect/sqlite/sqlite_dialect.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>

#include <gtest/gtest.h>

#include <sqlite3.h>

namespace burrow::test {

QString TempDir::path(const QString &name) const
{
    return name.isEmpty() ? m_dir.path() : m_dir.filePath(name);
}

QString TempDir::write(const QString &name, const QByteArray &content) const
{
    const QString file = path(name);
    QFile f(file);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly)) << file.toStdString();
    f.write(content);
    return file;
}

void createDatabase(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message);
    EXPECT_EQ(rc, SQLITE_OK) << (message ? message : "") << "\n" << sql.constData();
    sqlite3_free(message);
    sqlite3_close(db);
}

schema::Schema introspectSql(const QByteArray &sql)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("live.sqlite3"));
    createDatabase(path, sql);
    dialect::DatabaseUrl url;
    url.path = path;
    Result<schema::Schema> schema = dialect::sqlite::SqliteDialect().introspect(url);
    EXPECT_TRUE(schema.ok()) << (schema ? "" : schema.error().toString().toStdString());
    return schema ? *schema : schema::Schema{};
}

schema::Schema introspectFile(const QString &path)
{
    dialect::DatabaseUrl url;
    url.path = path;
    Result<schema::Schema> schema = dialect::sqlite::SqliteDialect().introspect(url);
    EXPECT_TRUE(schema.ok()) << (schema ? "" : schema.error().toString().toStdString());
    if (!schema)
        return {};
    schema->tables.removeIf(
        [](const schema::Table &t) { return t.name.startsWith(u"sqlite_", Qt::CaseInsensitive); });
    return *schema;
}

schema::Schema loadModelSql(const QByteArray &sql)
{
    TempDir dir;
    const QString file = dir.write(QStringLiteral("model.sql"), sql);
    const dialect::sqlite::SqliteDialect dialect;
    Result<model::ModelScript> script = model::readModelFiles({file}, dialect.lexerOptions());
    EXPECT_TRUE(script.ok()) << (script ? "" : script.error().toString().toStdString());
    if (!script)
        return {};
    Result<schema::Schema> schema = dialect.loadModel(*script);
    EXPECT_TRUE(schema.ok()) << (schema ? "" : schema.error().toString().toStdString());
    return schema ? *schema : schema::Schema{};
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

ScopedEnvironmentVariable::ScopedEnvironmentVariable(const char *name, const QByteArray *value)
    : m_name(name)
    , m_had(qEnvironmentVariableIsSet(name))
    , m_previous(qgetenv(name))
{
    if (value)
        qputenv(name, *value);
    else
        qunsetenv(name);
}

ScopedEnvironmentVariable::~ScopedEnvironmentVariable()
{
    if (m_had)
        qputenv(m_name, m_previous);
    else
        qunsetenv(m_name);
}

CliRun runCli(const QStringList &arguments, const QString &workingDirectory)
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(BURROW_CLI), arguments);
    EXPECT_TRUE(process.waitForFinished(60000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString testDataPath(const QString &relative)
{
    return QStringLiteral(BURROW_TEST_DATA) + u'/' + relative;
}

QStringList goldenCaseNames()
{
    return QDir(testDataPath(QStringLiteral("diff")))
        .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace burrow::test

int main(int argc, char **argv)
{
    // Every test sees its models loaded by the engine; the model cache's tests turn it on.
    if (!qEnvironmentVariableIsSet("BURROW_MODEL_CACHE"))
        qputenv("BURROW_MODEL_CACHE", "off");
    QCoreApplication app(argc, argv); // Qt's SQL plugins load through the application object
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
