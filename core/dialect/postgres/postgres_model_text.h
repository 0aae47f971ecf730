#pragma once

#include "../../model/model_files.h"

namespace burrow::dialect::postgres {

/// The model with every `schema.` qualifier naming `schema` (the schema it is compared with)
/// taken out: `public.book` in a model compared with `public` is the model's `book`, which the
/// loader must create in its scratch schema, not in the live one (where it may already exist).
/// CONCURRENTLY goes too (withoutConcurrently).
model::ModelScript withoutOwnSchemaQualifier(model::ModelScript script, const QString &schema);

/// One statement's text with those qualifiers taken out; strings and bodies are left alone.
QString withoutSchemaQualifier(const QString &statement, const QString &schema);

/// `CREATE [UNIQUE] INDEX CONCURRENTLY …` and `DROP INDEX CONCURRENTLY …` without that word:
/// the loader runs the model in transactions, where PostgreSQL refuses it, and the index it
/// builds is the same.
QString withoutConcurrently(const QString &statement);

} // namespace burrow::dialect::postgres
