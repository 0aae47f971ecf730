#pragma once

#include <QString>

namespace burrow::schema {

/// An object of another schema than the connection's (PostgreSQL) is named `schema␟name`:
/// the unit separator cannot be typed in a name by accident, and dialects render it as the
/// qualified name. Objects of the connection's schema keep their plain names.
inline constexpr char16_t kSchemaSeparator = u'\x1f';

inline QString qualifiedName(const QString &schema, const QString &name)
{
    return schema.isEmpty() ? name : schema + kSchemaSeparator + name;
}

/// The schema part of a qualified name; empty for the connection's schema.
inline QString schemaPart(const QString &name)
{
    const qsizetype at = name.indexOf(kSchemaSeparator);
    return at < 0 ? QString() : name.left(at);
}

/// The name without its schema part.
inline QString localPart(const QString &name)
{
    return name.mid(name.indexOf(kSchemaSeparator) + 1);
}

/// The name as users write and read it: `core.users` for another schema's object.
inline QString dottedName(QString name)
{
    return name.replace(kSchemaSeparator, u'.');
}

} // namespace burrow::schema
