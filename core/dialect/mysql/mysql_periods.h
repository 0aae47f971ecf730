#pragma once

// MariaDB's application-time periods (PERIOD FOR p (s, e)) and the keys that use one
// (`UNIQUE (id, p WITHOUT OVERLAPS)`). information_schema tells neither apart: the period shows
// as a CHECK `s` < `e` and such a key lists the period's end and start columns. They are read
// from SHOW CREATE TABLE of the few tables that have a CHECK of that shape.

#include "../../schema/schema.h"

namespace burrow::dialect::mysql {

/// Whether `check` has the shape of a period's own (`a` < `b`): its table is read again.
bool mayBePeriodCheck(const schema::CheckConstraint &check);

/// What SHOW CREATE TABLE says of a table's period and the keys that use it.
struct PeriodDeclaration {
    schema::ApplicationPeriod period;
    QStringList checks;          // the CHECKs it shows by name: the period's own is hidden
    QStringList withoutOverlaps; // keys using the period: PRIMARY or a unique key's name
};
PeriodDeclaration periodDeclaration(const QString &createTable);

} // namespace burrow::dialect::mysql
