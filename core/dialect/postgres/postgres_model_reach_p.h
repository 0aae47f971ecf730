#pragma once
// How far a model's statements reach past the scratch schema they are loaded into: what makes
// the load one transaction never committed, and the checks that nothing it wrote elsewhere
// survives a chunk's commit.

#include "../../result.h"
#include "../../sql/splitter.h"

namespace burrow::dialect::postgres {

class Session;

/// Whether a statement runs code while the model loads (DO, CALL, a query, a data change, a
/// table or materialized view filled by a query), whose effects the guard cannot see: such a
/// model is loaded in one transaction that is never committed, whatever its size.
bool runsCodeWhileLoading(const sql::Statement &statement);

/// Whether a statement creates or changes what the whole database shares rather than the scratch
/// schema: a publication, foreign server or wrapper, cast, event trigger, language, access
/// method, transform or extension; privileges, comments or labels on those, on another schema or
/// an object qualified by one. Committed with a chunk, it would outlive the scratch schema in the
/// live database: such a model is loaded in one transaction that is never committed.
bool changesSharedObjects(const sql::Statement &statement);

/// runsCodeWhileLoading or changesSharedObjects, from one reading of the statement: such a model
/// is loaded in one transaction that is never committed.
bool mustLoadUncommitted(const sql::Statement &statement);

/// What a statement creates, alters or comments on when that is a publication or an event
/// trigger (`publication pub`, `event trigger ddl_log`, as the catalog names them): Burrow
/// neither compares nor migrates those, and the live database the model loads in may have them
/// already (pg_dump writes CREATE PUBLICATION, then ALTER PUBLICATION … ADD TABLE), so such a
/// statement is not run but listed with Schema::uncompared. Empty for any other statement.
QString uncomparedObjectOf(const sql::Statement &statement);

/// Takes the statements uncomparedObjectOf() names out of `statements`; returns those objects,
/// each once, in the order of the statements.
QStringList takeUncomparedStatements(QList<sql::Statement> &statements);

/// Whether a statement only sets the privileges, comment or default privileges of the compared
/// schema itself (pg_dump writes `GRANT ALL ON SCHEMA public TO PUBLIC`,
/// `COMMENT ON SCHEMA public …`): Burrow compares neither, and running it would change the live
/// schema. `schema` is the compared schema's name.
bool setsOwnSchemaSettings(const sql::Statement &statement, const QString &schema);

/// Fails when the open transaction created or changed an object of a schema other than the
/// scratch one (the current schema): relations, functions, types, collations, operators, text
/// search objects, statistics, constraints, triggers, policies, rules, partitions of its tables.
/// Such an object would
/// silently be missing from the model, and a committed chunk would leave it behind.
Status checkNothingOutside(Session &session);

/// Run before a chunk commits: fails when the transaction created or changed what the whole
/// database shares (see changesSharedObjects), or commented on anything outside the scratch
/// schema, which the commit would make permanent in the live database.
Status checkNothingSharedChanged(Session &session);

} // namespace burrow::dialect::postgres
