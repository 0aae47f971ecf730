#include "model_files.h"

#include "../sql/script_file.h"

#include <QDirIterator>
#include <QFileInfo>

namespace burrow::model {
namespace {

Result<QStringList> sqlFilesIn(const QString &directory)
{
    QStringList files;
    QDirIterator it(directory, {QStringLiteral("*.sql")}, QDir::Files | QDir::Readable,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    if (files.isEmpty())
        return Error{Error::Code::Model,
                     QStringLiteral("no .sql files in the model directory"),
                     directory,
                     0,
                     {},
                     QStringLiteral("point --model at your model definitions")};
    std::sort(files.begin(), files.end());
    return files;
}

Result<QStringList> expandPaths(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return Error{Error::Code::NotFound,
                         QStringLiteral("model path not found"),
                         path,
                         0,
                         {},
                         QStringLiteral("check --model (a .sql file or a folder of them)")};
        if (!info.isDir()) {
            files.append(path);
            continue;
        }
        Result<QStringList> inDir = sqlFilesIn(path);
        if (!inDir)
            return inDir.error();
        files += *inDir;
    }
    return files;
}

} // namespace

Error emptyModelError(const QStringList &sources)
{
    return Error{
        Error::Code::Model,
        QStringLiteral("the model is empty: no SQL statements"),
        sources.join(u", "),
        0,
        {},
        QStringLiteral("an empty model would mean dropping every table; check --model, or pass "
                       "--allow-empty-model if that is what you want")};
}

Result<ModelScript> readModelFiles(const QStringList &paths, const sql::LexerOptions &options,
                                   bool allowEmpty)
{
    if (paths.isEmpty())
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("no model definitions given"),
                     {},
                     0,
                     {},
                     QStringLiteral("pass --model PATH or set \"models\" in burrow.json")};
    Result<QStringList> files = expandPaths(paths);
    if (!files)
        return files.error();
    ModelScript script;
    for (const QString &file : *files) {
        Result<QString> text = sql::readUtf8File(file);
        if (!text)
            return text.error();
        Result<QList<sql::Statement>> statements = sql::splitStatements(*text, file, options);
        if (!statements)
            return statements.error();
        script.statements += *statements;
        script.files.append(file);
    }
    if (script.statements.isEmpty() && !allowEmpty)
        return emptyModelError(script.files);
    return script;
}

} // namespace burrow::model
