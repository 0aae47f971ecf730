#include "demo_workspace.h"

#include "../dialect/sqlite/sqlite_database.h"
#include "../dialect/sqlite/sqlite_dialect.h"
#include "../dialect/sqlite/sqlite_lexer.h"
#include "../migration/history.h"

#include <QDir>
#include <QFile>

namespace burrow::workspace {
namespace {

const QString kDatabase = QStringLiteral("legacy.sqlite3");

/// Copies the *.sql files of `from` into the new folder `to`, writable by the user (files from
/// resources are read-only).
Status copySqlFiles(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return Error{Error::Code::Unreadable, QStringLiteral("cannot create the folder"), to};
    const QStringList names = QDir(from).entryList({QStringLiteral("*.sql")}, QDir::Files);
    for (const QString &name : names) {
        const QString target = to + u'/' + name;
        if (!QFile::copy(from + u'/' + name, target))
            return Error{Error::Code::Unreadable, QStringLiteral("cannot copy the demo file"),
                         target};
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                          QFile::ReadOther);
    }
    return Ok{};
}

Status writeWorkspaceFile(const QString &target)
{
    QFile file(target + u'/' + Workspace::fileName());
    if (file.exists())
        return Error{Error::Code::Conflict, QStringLiteral("a workspace exists there already"),
                     file.fileName()};
    const QByteArray json = "{\n  \"database\": \"sqlite:legacy.sqlite3\",\n"
                            "  \"models\": [\"models\"],\n  \"migrations\": \"migrations\",\n"
                            "  \"ignore\": [\"tmp_*\"]\n}\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        return Error{Error::Code::Unreadable, QStringLiteral("cannot write the workspace file"),
                     file.fileName()};
    return Ok{};
}

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::NotFound, QStringLiteral("cannot read the demo script"), path};
    return file.readAll();
}

/// The legacy database, with the example migrations recorded as the ones that built it.
Status buildDatabase(const DemoSource &source, const Workspace &workspace)
{
    Result<QByteArray> script = readAll(source.legacySql);
    if (!script)
        return script.error();
    const QString path = workspace.directory + u'/' + kDatabase;
    if (Status created = dialect::sqlite::createDatabaseFromScript(path, *script); !created)
        return created;
    Result<QList<migration::MigrationEntry>> examples =
        migration::readMigrationDirectory(workspace.migrations, dialect::sqlite::lexerOptions());
    if (!examples)
        return examples.error();
    Result<std::unique_ptr<dialect::ScopedConnection>> db =
        dialect::sqlite::openReadWrite(path, dialect::sqlite::SqliteDialect::kBusyTimeoutMs);
    if (!db)
        return db.error();
    return migration::recordBaseline((*db)->database(), *examples);
}

} // namespace

DemoSource bundledDemo()
{
    return {QStringLiteral(":/demo/legacy.sql"), QStringLiteral(":/demo/models"),
            QStringLiteral(":/demo/migrations")};
}

Result<Workspace> createDemoWorkspace(const DemoSource &source, const QString &target)
{
    if (!QDir().mkpath(target))
        return Error{Error::Code::Unreadable, QStringLiteral("cannot create the folder"), target};
    if (Status written = writeWorkspaceFile(target); !written)
        return written.error();
    for (const auto &[from, to] : {std::pair{source.modelsDir, QStringLiteral("models")},
                                   std::pair{source.migrationsDir, QStringLiteral("migrations")}}) {
        if (Status copied = copySqlFiles(from, target + u'/' + to); !copied)
            return copied.error();
    }
    Result<Workspace> workspace = loadWorkspace(target);
    if (!workspace)
        return workspace.error();
    if (Status built = buildDatabase(source, *workspace); !built)
        return built.error();
    return workspace;
}

} // namespace burrow::workspace
