#pragma once

// What the differ tests share: failure messages that show the changes, and the expected Change.
#include "diff/change.h"

#include <ostream>

namespace burrow::diff {

// Failure messages show the changes themselves.
inline void PrintTo(const Change &c, std::ostream *out)
{
    *out << kindName(c).toStdString() << " table=" << c.table.toStdString()
         << " name=" << c.name.toStdString() << " new=" << c.newName.toStdString()
         << " attributes=" << c.attributes.join(u',').toStdString()
         << " detail=" << c.detail.toStdString() << (c.anonymous ? " (anonymous)" : "");
}

} // namespace burrow::diff

namespace burrow::test {

inline diff::Change expected(diff::ObjectKind object, diff::ChangeType type, const QString &table,
                             const QString &name, const QString &detail,
                             const QStringList &attributes = {}, bool anonymous = false)
{
    return diff::Change{object, type, table, name, {}, attributes, detail, anonymous};
}

} // namespace burrow::test
