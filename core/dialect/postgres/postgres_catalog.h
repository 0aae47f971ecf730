#pragma once

#include "../../schema/schema.h"
#include "postgres_session.h"

namespace burrow::dialect::postgres {

/// Reads the tables, views, enum types, domains, sequences and functions of the session's
/// current schema (its search_path) from pg_catalog, never information_schema: nine queries
/// whatever the number of tables. Every
/// expression is the engine's own normalized text (format_type, pg_get_expr, pg_get_viewdef…),
/// so that spellings like int4 and integer, or 'x' and 'x'::text, compare equal.
/// With `otherSchemas` (the model's CREATE SCHEMA), the objects of those that exist are read
/// too, named schema::qualifiedName(schema, name), and listed in the schema's namespaces; the
/// engine's text still names them as the search_path sees them (`other.name`).
Result<schema::Schema> readCatalog(Session &session, const QStringList &otherSchemas = {});

} // namespace burrow::dialect::postgres
