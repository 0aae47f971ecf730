#include "backup_folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <filesystem>
#include <future>
#include <memory>
#include <openssl/evp.h>

namespace burrow::backup {
namespace {

const QFile::Permissions kFolderMode = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
const QFile::Permissions kFileMode = QFile::ReadOwner | QFile::WriteOwner;
constexpr qint64 kChunk = qint64(1) << 20;
constexpr int kMaxSuffix = 1000;

// SHA-256 through OpenSSL, which uses the CPU's SHA instructions: Qt 6.4's QCryptographicHash
// hashes about 80 MB/s, ten times slower, and a backup hashes every byte it writes.
class Sha256 {
public:
    Sha256() { EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr); }
    void add(const char *data, qint64 size)
    {
        EVP_DigestUpdate(m_context.get(), data, size_t(size));
    }
    QString hex()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        EVP_DigestFinal_ex(m_context.get(), digest, &size);
        return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(digest), int(size)).toHex());
    }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> m_context{EVP_MD_CTX_new(),
                                                                      &EVP_MD_CTX_free};
};

QString manifestName()
{
    return QStringLiteral("manifest.json");
}

Error ioError(const QString &what, const QString &path, const QString &reason)
{
    return Error{Error::Code::Unreadable,
                 what + u": " + reason,
                 path,
                 0,
                 {},
                 QStringLiteral("check the folder's permissions and the free disk space")};
}

Error corrupt(const QString &what, const QString &path)
{
    return Error{Error::Code::Corrupt,
                 what,
                 path,
                 0,
                 {},
                 QStringLiteral("this backup cannot be trusted; use another one")};
}

std::filesystem::path fsPath(const QString &path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

Status restrictTo(const QString &path, QFile::Permissions mode)
{
    QFile file(path);
    if (!file.setPermissions(mode))
        return ioError(QStringLiteral("cannot restrict the permissions"), path, file.errorString());
    return Ok{};
}

// std::filesystem rather than QDir::mkdir: its error carries the OS reason (EACCES, ENOSPC…).
// True when created, false when it existed already.
Result<bool> makeFolder(const QString &path)
{
    std::error_code ec;
    const bool created = std::filesystem::create_directory(fsPath(path), ec);
    if (ec)
        return ioError(QStringLiteral("cannot create the backup folder"), path,
                       QString::fromLocal8Bit(ec.message()));
    if (created)
        if (Status mode = restrictTo(path, kFolderMode); !mode)
            return mode.error();
    return created;
}

// A listed name must stay inside the folder: a manifest is data, not a map of the disk.
bool isSafeName(const QString &name)
{
    const QString clean = QDir::cleanPath(name);
    return !name.isEmpty() && clean == name && !QDir::isAbsolutePath(name) && clean != u".." &&
           !clean.startsWith(u"../") && !name.contains(u'\\');
}

Manifest newManifest(const QStringList &versions, const QString &source)
{
    Manifest manifest;
    manifest.source = source;
    manifest.versions = versions;
    manifest.createdAt = QDateTime::currentDateTimeUtc();
    manifest.burrowVersion = QStringLiteral(BURROW_VERSION);
    return manifest;
}

Result<BackupFolder> createUnique(const QString &parent, const QString &baseName, Manifest manifest)
{
    if (!QFileInfo(parent).isDir())
        if (Result<bool> made = makeFolder(parent); !made)
            return made.error();
    for (int n = 1; n <= kMaxSuffix; ++n) {
        const QString name = n == 1 ? baseName : baseName + u'-' + QString::number(n);
        const QString path = QDir(parent).filePath(name);
        Result<bool> created = makeFolder(path);
        if (!created)
            return created.error();
        if (*created)
            return BackupFolder{path, std::move(manifest)};
    }
    return Error{Error::Code::Conflict, QStringLiteral("too many backup folders of that name"),
                 QDir(parent).filePath(baseName)};
}

void upsert(QList<BackupFile> &files, const BackupFile &file)
{
    for (BackupFile &existing : files)
        if (existing.name == file.name) {
            existing = file;
            return;
        }
    files.append(file);
}

// Creates the folders of `name` below the backup folder, each 0700.
Status makeSubfolders(const QString &root, const QString &name)
{
    const QStringList parts = name.split(u'/');
    QString path = root;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        path += u'/' + parts.at(i);
        if (Result<bool> made = makeFolder(path); !made)
            return made.error();
    }
    return Ok{};
}

// Streams `from` into the new file `to` (0600), hashing on the way; removes `to` on failure.
Result<BackupFile> copyHashed(const QString &from, const QString &to, const QString &name)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("cannot read the file to back up"), from, in.errorString());
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, kFileMode))
        return ioError(QStringLiteral("cannot create the backup file"), to, out.errorString());
    Sha256 hash;
    qint64 bytes = 0;
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(kChunk);
        if (chunk.isEmpty() || out.write(chunk) != chunk.size()) {
            const bool readFailed = chunk.isEmpty();
            const Error error = readFailed
                                    ? ioError(QStringLiteral("cannot read the file to back up"),
                                              from, in.errorString())
                                    : ioError(QStringLiteral("cannot write the backup file"), to,
                                              out.errorString());
            out.remove();
            return error;
        }
        hash.add(chunk.constData(), chunk.size());
        bytes += chunk.size();
    }
    if (!out.flush()) {
        const Error error =
            ioError(QStringLiteral("cannot write the backup file"), to, out.errorString());
        out.remove();
        return error;
    }
    return BackupFile{name, hash.hex(), bytes};
}

QJsonObject toJson(const Manifest &m)
{
    QJsonArray files;
    for (const BackupFile &f : m.files)
        files.append(QJsonObject{{QStringLiteral("name"), f.name},
                                 {QStringLiteral("sha256"), f.sha256},
                                 {QStringLiteral("bytes"), f.bytes}});
    return {{QStringLiteral("source"), m.source},
            {QStringLiteral("versions"), QJsonArray::fromStringList(m.versions)},
            {QStringLiteral("files"), files},
            {QStringLiteral("created_at"), m.createdAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("backup_ms"), m.backupMs},
            {QStringLiteral("apply_ms"), m.applyMs},
            {QStringLiteral("burrow_version"), m.burrowVersion}};
}

Result<Manifest> fromJson(const QByteArray &bytes, const QString &path)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject())
        return corrupt(u"manifest is not a JSON object (" + parseError.errorString() + u')', path);
    const QJsonObject root = doc.object();
    Manifest m;
    m.source = root.value(u"source").toString();
    for (const QJsonValue &v : root.value(u"versions").toArray())
        m.versions.append(v.toString());
    for (const QJsonValue &v : root.value(u"files").toArray()) {
        const QJsonObject f = v.toObject();
        m.files.append({f.value(u"name").toString(), f.value(u"sha256").toString(),
                        f.value(u"bytes").toInteger(-1)});
    }
    m.createdAt = QDateTime::fromString(root.value(u"created_at").toString(), Qt::ISODate);
    m.backupMs = root.value(u"backup_ms").toInteger();
    m.applyMs = root.value(u"apply_ms").toInteger(-1);
    m.burrowVersion = root.value(u"burrow_version").toString();
    if (m.files.isEmpty())
        return corrupt(QStringLiteral("manifest lists no files"), path);
    return m;
}

/// The file is there with the manifest's size and, when `hash`, its SHA-256.
Status verifyFile(const QString &folder, const BackupFile &file, bool hash = true)
{
    if (!isSafeName(file.name))
        return corrupt(u"manifest names a file outside the backup: " + file.name,
                       QDir(folder).filePath(manifestName()));
    const QString path = QDir(folder).filePath(file.name);
    const QFileInfo info(path);
    if (!info.isFile())
        return corrupt(QStringLiteral("file listed in the manifest is missing"), path);
    if (info.size() != file.bytes)
        return corrupt(u"size differs from the manifest (" + QString::number(info.size()) +
                           u" bytes, expected " + QString::number(file.bytes) + u')',
                       path);
    if (!hash)
        return Ok{};
    Result<QString> sha = sha256OfFile(path);
    if (!sha)
        return sha.error();
    if (sha->compare(file.sha256, Qt::CaseInsensitive) != 0)
        return corrupt(QStringLiteral("modified since the backup: its SHA-256 differs from the "
                                      "manifest"),
                       path);
    return Ok{};
}

} // namespace

QString folderTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

Result<BackupFolder> createBackupFolder(const QString &migrationsDir, const QStringList &versions,
                                        const QString &source)
{
    Manifest manifest = newManifest(versions, source);
    QString name = folderTimestamp(manifest.createdAt);
    if (!versions.isEmpty())
        name += u'_' + versions.last();
    return createUnique(QDir(migrationsDir).filePath(QStringLiteral("backups")), name,
                        std::move(manifest));
}

Result<BackupFolder> createUniqueBackupFolder(const QString &parent, const QString &baseName,
                                              const QStringList &versions, const QString &source)
{
    return createUnique(parent, baseName, newManifest(versions, source));
}

Result<BackupFolder> createBackupFolderAt(const QString &path, const QStringList &versions,
                                          const QString &source)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(absolute).exists()) {
        const QDir dir(absolute);
        if (!QFileInfo(absolute).isDir() ||
            !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
            return Error{Error::Code::Conflict,
                         QStringLiteral("the backup folder exists and is not empty"),
                         absolute,
                         0,
                         {},
                         QStringLiteral("name a new or empty folder")};
        if (Status mode = restrictTo(absolute, kFolderMode); !mode)
            return mode.error();
        return BackupFolder{absolute, newManifest(versions, source)};
    }
    std::error_code ec;
    std::filesystem::create_directories(fsPath(QFileInfo(absolute).absolutePath()), ec);
    if (ec)
        return ioError(QStringLiteral("cannot create the backup folder"), absolute,
                       QString::fromLocal8Bit(ec.message()));
    Result<bool> made = makeFolder(absolute);
    if (!made)
        return made.error();
    return BackupFolder{absolute, newManifest(versions, source)};
}

Status addFile(BackupFolder &folder, const QString &file, const QString &name)
{
    if (!isSafeName(name) || name == manifestName())
        return Error{Error::Code::Internal, u"not a name for a file in a backup: " + name};
    if (Status made = makeSubfolders(folder.path, name); !made)
        return made.error();
    Result<BackupFile> copied = copyHashed(file, QDir(folder.path).filePath(name), name);
    if (!copied)
        return copied.error();
    upsert(folder.manifest.files, *copied);
    return Ok{};
}

Status registerFile(BackupFolder &folder, const QString &name)
{
    return registerCheckedFile(folder, name, [] { return Status(Ok{}); });
}

Status registerCheckedFile(BackupFolder &folder, const QString &name,
                           const std::function<Status()> &check)
{
    const QString path = QDir(folder.path).filePath(name);
    if (Status mode = restrictTo(path, kFileMode); !mode)
        return mode.error();
    std::future<Status> checked = std::async(std::launch::async, check);
    Result<QString> sha = sha256OfFile(path);
    if (Status verified = checked.get(); !verified)
        return verified.error();
    if (!sha)
        return sha.error();
    upsert(folder.manifest.files, {name, *sha, QFileInfo(path).size()});
    folder.hashedOnDisk.append(name);
    return Ok{};
}

Status writeManifest(const BackupFolder &folder)
{
    const QString path = QDir(folder.path).filePath(manifestName());
    QSaveFile file(path);
    const QByteArray json = QJsonDocument(toJson(folder.manifest)).toJson(QJsonDocument::Indented);
    // The temporary file gets 0600 before any byte is written.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kFileMode) ||
        file.write(json) != json.size() || !file.commit())
        return ioError(QStringLiteral("cannot write the backup manifest"), path,
                       file.errorString());
    return Ok{};
}

Result<Manifest> readManifest(const QString &path)
{
    if (!QFileInfo(path).isDir())
        return Error{Error::Code::NotFound,
                     QStringLiteral("backup folder not found"),
                     path,
                     0,
                     {},
                     QStringLiteral("name a folder that holds a manifest.json")};
    const QString manifestPath = QDir(path).filePath(manifestName());
    QFile file(manifestPath);
    if (!file.exists())
        return Error{Error::Code::NotFound,
                     QStringLiteral("no manifest.json: not a Burrow backup, or an unfinished one"),
                     path};
    if (!file.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("cannot read the backup manifest"), manifestPath,
                       file.errorString());
    return fromJson(file.readAll(), manifestPath);
}

Result<Manifest> verifyBackupFolder(const QString &path)
{
    Result<Manifest> manifest = readManifest(path);
    if (!manifest)
        return manifest.error();
    for (const BackupFile &f : manifest->files)
        if (Status checked = verifyFile(path, f); !checked)
            return checked.error();
    return manifest;
}

Result<Manifest> verifyWrittenFolder(const BackupFolder &folder)
{
    Result<Manifest> manifest = readManifest(folder.path);
    if (!manifest)
        return manifest.error();
    for (const BackupFile &f : manifest->files)
        if (Status checked = verifyFile(folder.path, f, !folder.hashedOnDisk.contains(f.name));
            !checked)
            return checked.error();
    return manifest;
}

Status sealBackupFolder(const BackupFolder &folder)
{
    if (Status written = writeManifest(folder); !written)
        return written;
    if (Result<Manifest> verified = verifyWrittenFolder(folder); !verified)
        return verified.error();
    return Ok{};
}

Result<Manifest> checkBackupFolder(const QString &path)
{
    Result<Manifest> manifest = readManifest(path);
    if (!manifest)
        return manifest.error();
    for (const BackupFile &f : manifest->files)
        if (Status checked = verifyFile(path, f, false); !checked)
            return checked.error();
    return manifest;
}

Result<QString> sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return ioError(QStringLiteral("cannot read the file"), path, file.errorString());
    Sha256 hash;
    const std::unique_ptr<char[]> buffer(new char[kChunk]);
    for (;;) {
        const qint64 n = file.read(buffer.get(), kChunk);
        if (n < 0)
            return ioError(QStringLiteral("cannot read the file"), path, file.errorString());
        if (n == 0)
            return hash.hex();
        hash.add(buffer.get(), n);
    }
}

} // namespace burrow::backup
