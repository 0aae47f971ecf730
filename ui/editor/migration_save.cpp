#include "migration_save.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace burrow::ui {
namespace {

Error writeError(const QString &what, const QString &path, const QString &reason)
{
    return Error{Error::Code::Unreadable,
                 what + u": " + reason,
                 path,
                 0,
                 {},
                 QObject::tr("check the folder's permissions and the free disk space")};
}

// The file's current text, or an error when it exists but cannot be read.
Result<std::optional<QString>> existingText(const QString &path)
{
    if (!QFileInfo::exists(path))
        return std::optional<QString>();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return writeError(QObject::tr("cannot read the existing migration file"), path,
                          file.errorString());
    return std::optional<QString>(QString::fromUtf8(file.readAll()));
}

} // namespace

Status writeMigrationText(const QString &path, const QString &text,
                          const std::optional<QString> &previous)
{
    const Result<std::optional<QString>> existing = existingText(path);
    if (!existing)
        return existing.error();
    if (existing.value() && *existing.value() != text && *existing.value() != previous)
        return Error{Error::Code::Conflict,
                     QObject::tr("a different migration file already exists"),
                     path,
                     0,
                     {},
                     QObject::tr("choose another name, or move the existing file away")};
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return writeError(QObject::tr("cannot create the migrations folder"), path,
                          QObject::tr("mkdir failed"));
    QSaveFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return writeError(QObject::tr("cannot write the migration file"), path, file.errorString());
    return Ok{};
}

} // namespace burrow::ui
