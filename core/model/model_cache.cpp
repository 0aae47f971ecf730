#include "model_cache.h"

#include "../schema/schema_stream.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace burrow::model {
namespace {

// Entries beyond this many (the least recently used first) are removed when one is stored.
constexpr qsizetype kKeptEntries = 32;

/// This build of Burrow: a new build may normalize or store a model differently.
QByteArray buildIdentity()
{
    static const QByteArray identity = []() -> QByteArray {
        const QString program = QCoreApplication::instance()
                                    ? QCoreApplication::applicationFilePath()
                                    : QStringLiteral("/proc/self/exe");
        const QFileInfo file(program);
        return QByteArray(BURROW_VERSION) + ' ' + QByteArray::number(file.size()) + ' ' +
               QByteArray::number(file.lastModified().toMSecsSinceEpoch());
    }();
    return identity;
}

void removeOldEntries(const QString &folder)
{
    QFileInfoList entries = QDir(folder).entryInfoList({QStringLiteral("*.schema")}, QDir::Files,
                                                       QDir::Time); // newest first
    for (qsizetype i = kKeptEntries; i < entries.size(); ++i)
        QFile::remove(entries[i].absoluteFilePath());
}

} // namespace

ModelCache::ModelCache(QString folder)
    : m_folder(std::move(folder))
{
}

QByteArray ModelCache::keyOf(const QString &engine, const QString &context,
                             const ModelScript &script)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray &part :
         {QByteArray("burrow model cache 1"), buildIdentity(), engine.toUtf8(), context.toUtf8()}) {
        hash.addData(part);
        hash.addData(QByteArrayView("\0", 1));
    }
    for (const sql::Statement &statement : script.statements) {
        hash.addData(statement.text.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    return hash.result().toHex();
}

QString ModelCache::entryPath(const QByteArray &key) const
{
    return m_folder + u'/' + QString::fromLatin1(key) + u".schema";
}

std::optional<schema::Schema> ModelCache::find(const QByteArray &key) const
{
    if (!enabled())
        return std::nullopt;
    QFile file(entryPath(key));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    std::optional<schema::Schema> schema = schema::schemaFromBytes(file.readAll());
    if (!schema) {
        file.close();
        QFile::remove(file.fileName());
        return schema;
    }
    // Most recently used: the last to be removed.
    (void)file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return schema;
}

void ModelCache::store(const QByteArray &key, const schema::Schema &schema) const
{
    if (!enabled() || !QDir().mkpath(m_folder))
        return;
    QSaveFile file(entryPath(key)); // all or nothing: a reader never sees half an entry
    if (!file.open(QIODevice::WriteOnly) || file.write(schema::toBytes(schema)) < 0 ||
        !file.commit())
        return;
    removeOldEntries(m_folder);
}

QString modelCacheFolderFromEnvironment()
{
    const QString setting = qEnvironmentVariable("BURROW_MODEL_CACHE").trimmed().toLower();
    for (QStringView off : {u"off", u"0", u"no", u"false"}) {
        if (setting == off)
            return {};
    }
    QString base = qEnvironmentVariable("BURROW_CACHE_DIR");
    if (base.isEmpty())
        base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
               QStringLiteral("/burrow");
    return base + QStringLiteral("/models");
}

} // namespace burrow::model
