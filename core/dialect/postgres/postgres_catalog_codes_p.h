#pragma once

// Decoding what the catalog queries (postgres_catalog_queries_p.h) return.
#include "../../schema/schema.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

namespace burrow::dialect::postgres::catalog {

QJsonArray jsonArray(const QVariant &value);
QStringList names(const QVariant &jsonValue); // a JSON array of strings
/// pg_constraint.confdeltype / confupdtype ('a' is NO ACTION).
schema::ReferentialAction referentialAction(const QString &code);
/// The identity clause of a column: attidentity ('a' ALWAYS, 'd' BY DEFAULT) and its sequence.
QString identityNumbering(const QString &kind, const QVariant &sequenceJson);
/// The name in column `name` of `row`, qualified with the schema in column `schema` (the
/// queries' NULLIF(schema, current_schema()): empty for the search_path's own).
QString nameIn(const QSqlQuery &row, int name, int schema);
/// pg_trigger.tgenabled as the ALTER TABLE action that sets it; empty for 'O' (enabled).
QString triggerFiring(const QVariant &tgenabled);
/// The triggers query's kind: t (pg_trigger), r (pg_rewrite) or s (pg_statistic_ext).
schema::TriggerKind triggerKind(const QString &code);
schema::Deferral deferral(bool deferrable, bool deferred);
/// pg_policy.polcmd as CREATE POLICY's FOR clause.
QString policyCommand(const QString &code);
/// pg_get_functiondef names the function with its schema, which would be the model's scratch
/// schema: the definition is kept without it, as the model wrote it (any schema reached).
QString withoutOwnSchema(const QString &definition, const QString &quotedSchema);

} // namespace burrow::dialect::postgres::catalog
