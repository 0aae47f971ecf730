#pragma once

// Lets GoogleTest print Qt strings readably in failure messages (found by argument-dependent
// lookup; QStringList and other containers of QString print through it too).

#include <QString>

#include <ostream>

inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}
