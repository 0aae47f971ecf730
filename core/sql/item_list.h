#pragma once

#include <QStringList>

namespace burrow::sql {

/// "(a, b, c)": each item as `spell` writes it (quoted as an identifier, as a literal, for
/// display…). Column lists, enum labels and key parts all read this way.
template<typename Spell> QString parenthesized(const QStringList &items, Spell spell)
{
    QStringList spelled;
    spelled.reserve(items.size());
    for (const QString &item : items)
        spelled.append(spell(item));
    return u'(' + spelled.join(u", ") + u')';
}

} // namespace burrow::sql
