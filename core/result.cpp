#include "result.h"

namespace burrow {

QString Error::toString() const
{
    QString out;
    if (!file.isEmpty()) {
        out += file;
        if (line > 0)
            out += u':' + QString::number(line);
        out += u": ";
    }
    out += message;
    if (!statement.isEmpty()) {
        QString shown = statement.simplified();
        if (shown.size() > 120)
            shown = shown.left(117) + u"...";
        out += u" (in: " + shown + u')';
    }
    if (!hint.isEmpty())
        out += u"; " + hint;
    if (!details.isEmpty())
        out += u'\n' + details;
    return out;
}

} // namespace burrow
