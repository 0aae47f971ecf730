#pragma once

#include <QStringList>

namespace burrow::sql {

/// "a, b, c": each item as `spell` writes it (quoted as an identifier, as a literal, for
/// display…).
template<typename List, typename Spell> QString joined(const List &items, Spell spell)
{
    QStringList spelled;
    spelled.reserve(items.size());
    for (const auto &item : items)
        spelled.append(spell(item));
    return spelled.join(u", ");
}

/// "(a, b, c)": column lists, enum labels, key parts and type attributes all read this way.
template<typename List, typename Spell> QString parenthesized(const List &items, Spell spell)
{
    return u'(' + joined(items, spell) + u')';
}

} // namespace burrow::sql
