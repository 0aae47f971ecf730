#pragma once

#include "../../plan/sql_renderer.h"

namespace burrow::dialect::postgres {

/// A migration section for PostgreSQL: normally the statements as they are, in the runner's one
/// transaction. PostgreSQL refuses to use an enum label added in a transaction before that
/// transaction commits ("unsafe use of new value"): when a statement names a label that an
/// `ALTER TYPE … ADD VALUE` of the section adds, the additions run first in a transaction of
/// their own, and everything else in a second one. Should the second fail, only the new labels
/// remain, which no row uses.
plan::SectionText sectionWithEnumLabels(const QStringList &statements);

} // namespace burrow::dialect::postgres
