#include "migration_directory.h"

#include "../sql/script_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace burrow::migration {
namespace {

/// A file whose name has the migration shape, before it is read.
struct Candidate {
    QString fileName;
    QString version;
    qulonglong number = 0;
    QString name;
};

Error directoryError(Error::Code code, const QString &message, const QString &directory,
                     const QString &hint = {})
{
    return Error{code, message, directory, 0, {}, hint};
}

Result<QList<Candidate>> candidates(const QDir &dir)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d+)_(.*)\\.sql$"));
    QList<Candidate> found;
    for (const QString &fileName : dir.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch m = shape.match(fileName);
        if (!m.hasMatch())
            continue;
        bool fits = false;
        const qulonglong number = m.captured(1).toULongLong(&fits);
        if (!fits)
            return Error{Error::Code::InvalidArgument,
                         QStringLiteral("the version number is too large"),
                         dir.filePath(fileName),
                         0,
                         {},
                         QStringLiteral("use a version of at most 19 digits")};
        found.append(Candidate{fileName, m.captured(1), number, m.captured(2)});
    }
    // Numeric order, so 2 comes before 10; the name breaks ties for a stable conflict report.
    std::sort(found.begin(), found.end(), [](const Candidate &a, const Candidate &b) {
        return a.number != b.number ? a.number < b.number : a.fileName < b.fileName;
    });
    return found;
}

// "7" and "0007" are one version: ordering and the history compare numbers, not text.
Status checkConflicts(const QList<Candidate> &found, const QString &directory)
{
    for (qsizetype i = 1; i < found.size(); ++i) {
        if (found[i].number != found[i - 1].number)
            continue;
        return directoryError(
            Error::Code::Conflict,
            u"conflicting migrations: " + found[i - 1].fileName + u" and " + found[i].fileName +
                u" have the same version " + QString::number(found[i].number),
            directory, QStringLiteral("renumber one of them to come after the other"));
    }
    return Ok{};
}

Result<MigrationEntry> readEntry(const QDir &dir, const Candidate &candidate,
                                 const sql::LexerOptions &options)
{
    const QString path = QFileInfo(dir.filePath(candidate.fileName)).absoluteFilePath();
    Result<QString> text = sql::readUtf8File(path);
    if (!text)
        return text.error();
    Result<MigrationFile> file = parseMigration(*text, path, options);
    if (!file)
        return file.error();
    return MigrationEntry{candidate.version,        candidate.number, candidate.name, path,
                          migrationChecksum(*text), std::move(*file)};
}

} // namespace

QString migrationChecksum(QStringView text)
{
    QString normalized = text.toString();
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(u'\r', u'\n');
    QStringList lines = normalized.split(u'\n');
    for (QString &line : lines) {
        qsizetype end = line.size();
        while (end > 0 && line.at(end - 1).isSpace())
            --end;
        line.truncate(end);
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    const QByteArray bytes = lines.join(u'\n').toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Result<QList<MigrationEntry>> readMigrationDirectory(const QString &directory,
                                                     const sql::LexerOptions &options)
{
    const QFileInfo info(directory);
    if (!info.exists())
        return directoryError(Error::Code::NotFound, QStringLiteral("migrations folder not found"),
                              directory, QStringLiteral("check the path given with --migrations"));
    if (!info.isDir() || !info.isReadable())
        return directoryError(Error::Code::Unreadable,
                              QStringLiteral("not a readable folder of migrations"), directory);
    const QDir dir(info.absoluteFilePath());
    Result<QList<Candidate>> found = candidates(dir);
    if (!found)
        return found.error();
    if (Status s = checkConflicts(*found, directory); !s)
        return s.error();
    QList<MigrationEntry> entries;
    for (const Candidate &candidate : *found) {
        Result<MigrationEntry> entry = readEntry(dir, candidate, options);
        if (!entry)
            return entry.error(); // nothing returned, so nothing runs
        entries.append(std::move(*entry));
    }
    return entries;
}

} // namespace burrow::migration
