#pragma once

#include <QStringList>

namespace burrow::diff {

inline QString orNone(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("none") : text;
}

/// Collects which attributes of two values differ, with "before → after" details: the
/// `attributes` and `detail` of a Changed change.
class AttributeDiff {
public:
    void compare(bool differs, const QString &attribute, const QString &before,
                 const QString &after)
    {
        if (!differs)
            return;
        attributes.append(attribute);
        details.append(attribute + u' ' + orNone(before) + u" → " + orNone(after));
    }
    void flag(bool differs, const QString &attribute, const QString &detail)
    {
        if (!differs)
            return;
        attributes.append(attribute);
        details.append(detail);
    }
    bool any() const { return !attributes.isEmpty(); }

    QStringList attributes;
    QStringList details;
};

} // namespace burrow::diff
