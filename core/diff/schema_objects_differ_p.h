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
/// "PIPES_AS_CONCAT,ANSI_QUOTES", "''" (no mode at all) or "the server's default".
QString describeSqlMode(const schema::SqlMode &mode);

/// Notes the sql_mode of a body (trigger, routine, event) where the model asks for another one.
template<typename Diff>
void compareSqlModes(Diff &d, const schema::SqlMode &live, const schema::SqlMode &model)
{
    d.compare(live.differsFrom(model), QStringLiteral("sql_mode"), describeSqlMode(live),
              describeSqlMode(model));
}

} // namespace burrow::diff
