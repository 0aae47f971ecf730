#include "script_file.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace burrow::sql {
namespace {

// Line (1-based) of the first byte sequence that is not UTF-8, or 0 when all is valid.
int firstInvalidUtf8Line(const QByteArray &bytes)
{
    int line = 1;
    for (QByteArrayView rest = bytes; !rest.isEmpty(); ++line) {
        const qsizetype newline = rest.indexOf('\n');
        const QByteArrayView lineBytes = newline < 0 ? rest : rest.first(newline);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder.decode(lineBytes); // decoding happens on conversion
        Q_UNUSED(decoded);
        if (decoder.hasError())
            return line;
        rest = newline < 0 ? QByteArrayView() : rest.sliced(newline + 1);
    }
    return 0;
}

} // namespace

Result<QString> readUtf8File(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error{Error::Code::NotFound,           QStringLiteral("file not found"), path, 0, {},
                     QStringLiteral("check the path")};
    if (info.isDir())
        return Error{Error::Code::Unreadable, QStringLiteral("is a directory, not a file"), path};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Unreadable,
                     u"cannot read: " + file.errorString(),
                     path,
                     0,
                     {},
                     QStringLiteral("check the file's permissions")};
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (const int line = firstInvalidUtf8Line(bytes))
        return Error{Error::Code::Unreadable,
                     QStringLiteral("not valid UTF-8 text"),
                     path,
                     line,
                     {},
                     QStringLiteral("save the file as UTF-8")};
    return QString::fromUtf8(bytes);
}

} // namespace burrow::sql
