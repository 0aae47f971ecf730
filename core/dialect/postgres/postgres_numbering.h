#pragma once

#include "../../schema/schema.h"

namespace burrow::dialect::postgres {

/// PostgreSQL numbers rows two ways, which Column::numbering tells apart for an autoIncrement
/// column: `serial` (a sequence the column owns, read by its default) or an identity clause
/// (`GENERATED ALWAYS AS IDENTITY (START WITH -100)`, options at their defaults left out).

/// Column::numbering of a serial column.
QString serialNumbering();
bool isSerial(const schema::Column &column);

/// The identity clause of a column whose sequence has these attributes: `always` (or BY
/// DEFAULT), the sequence's type (`integer`) and its options.
struct IdentitySequence {
    bool always = false;
    QString type;
    qint64 start = 1;
    qint64 increment = 1;
    qint64 minValue = 1;
    qint64 maxValue = 0;
    qint64 cache = 1;
    bool cycle = false;
};
QString identityClause(const IdentitySequence &sequence);

/// `serial`, `bigserial` or `smallserial` for an integer type; empty for any other type.
QString serialTypeFor(const QString &type);

/// The statements giving `column` of `table` the numbering `numbering` (a serial's sequence
/// with its default, or the identity clause), counting on after the rows' highest value.
QStringList addNumberingSql(const QString &table, const schema::Column &column);
/// The statements taking the numbering `column` has in `table` away (a serial's sequence too).
QStringList dropNumberingSql(const QString &table, const schema::Column &column);
/// The statements turning the numbering of `from` into that of `to`, both numbered.
QStringList changeNumberingSql(const QString &table, const schema::Column &from,
                               const schema::Column &to);
/// After a serial column's type changed: its sequence takes the new type too.
QString retypeSerialSequenceSql(const QString &table, const schema::Column &column);
/// After `table` (quoted, maybe schema-qualified) was renamed from `oldName`: each sequence it
/// owns (serial or identity) still named as PostgreSQL named it, `<old>_<column>_seq`, is
/// renamed `<new>_<column>_seq`, as a new table of that name would have it; unless that name
/// is taken or too long.
QString followTableRenameSql(const QString &table, const QString &oldName, const QString &newName);

} // namespace burrow::dialect::postgres
