#pragma once

// The pieces AlterBuilder (mysql_alter.cpp) compares and names with: what makes two columns,
// keys and indexes the same, and the clauses that need no state.

#include "schema/schema.h"

#include <QStringList>

namespace burrow::dialect::mysql {

QString columnSignature(const schema::Column &c);
QString foreignKeySignature(const schema::ForeignKey &fk);
QString indexSignature(const schema::Index &i);

/// MariaDB rewrites a column's generation in place only within its kind (VIRTUAL stays VIRTUAL,
/// STORED stays STORED) or from STORED to a plain column; any other change is "not yet
/// supported for generated columns", so the column is dropped and added again.
bool mustRecreate(const schema::Column &live, const schema::Column &target);

/// Whether values of the type have a character set (and so follow the table's default).
bool isCharacterType(const QString &type);

/// Two names agree when either is left to the server, or they are equal.
bool namesAgree(const QString &a, const QString &b);

/// An unnamed foreign key replacing one on the same columns (or replaced by it) takes that one's
/// name: the key keeps its name and InnoDB keeps the index named after it, instead of a rename
/// that the next diff would report. `without` is the table on the other side of the change.
QString keptForeignKeyName(const QString &table, const schema::ForeignKey &fk,
                           const schema::ForeignKey *counterpart, const schema::Table &without);

/// ADD or DROP SYSTEM VERSIONING, with the PERIOD of explicit period columns (which are added
/// or dropped with the other columns).
QStringList versioningClauses(const schema::Table &live, const schema::Table &target);

template<typename T, typename KeyFn>
const T *findBy(const QList<T> &items, const QString &key, KeyFn keyOf)
{
    for (const T &item : items) {
        if (keyOf(item) == key)
            return &item;
    }
    return nullptr;
}

} // namespace burrow::dialect::mysql
