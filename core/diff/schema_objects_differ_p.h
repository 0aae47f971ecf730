#pragma once

#include "../schema/schema.h"
#include "change.h"

namespace burrow::diff {

/// The differences in the schema's own objects besides tables and views: enum types, domains,
/// sequences, events and functions, each paired by name (a function's: with its argument types)
/// and reported in name order after the views.
QList<Change> diffSchemaObjects(const schema::Schema &live, const schema::Schema &model,
                                Qt::CaseSensitivity cs);

/// The differences in a table's exclusion constraints (PostgreSQL's EXCLUDE): named ones paired
/// by name (an edited definition reads as a change), the rest by definition.
QList<Change> diffExclusions(const schema::Table &live, const schema::Table &model,
                             Qt::CaseSensitivity cs);

/// "('a', 'b')", an enum's labels as written in prose.
QString describeLabels(const QStringList &labels);
QString describeDomain(const schema::Domain &domain);
QString describeCollation(const schema::Collation &collation);
QString describeAttributes(const QList<schema::TypeAttribute> &attributes);
QString describeSequence(const schema::Sequence &sequence);
QString describeEvent(const schema::Event &event);
/// "FUNCTION add(a integer, b integer) RETURNS integer".
QString describeFunction(const schema::Function &function);

} // namespace burrow::diff
