#pragma once

#include "../../model/model_files.h"
#include "../../schema/schema.h"
#include "../database_url.h"

namespace burrow::dialect::postgres {

/// How the loader splits a model into transactions (tests choose small chunks).
struct ModelLoadLimits {
    /// Model statements per transaction; 0: as many as about half the server's lock table
    /// holds the locks of.
    int statementsPerChunk = 0;
};

/// Lets the server itself validate and normalize the model: its DDL runs in a scratch schema
/// (ScratchSchema) on the URL's database and is read back with the same catalog code as the
/// live schema. A model that fits one transaction is rolled back with the schema, so nothing
/// persists; a larger one is committed in chunks and dropped in chunks afterwards, also after an
/// error (after a crash or Ctrl-C, by the next load). Needs the CREATE privilege on the database.
Result<schema::Schema> loadModelSchema(const DatabaseUrl &url, const model::ModelScript &script,
                                       const ModelLoadLimits &limits = {});

/// Whether a model statement would end or fork the loader's transaction, or move the
/// search_path away from the scratch schema (`SET search_path`, pg_dump's `SELECT
/// pg_catalog.set_config('search_path', '', false)`), or sets what Burrow does not compare and
/// the server may lack the roles of (`ALTER … OWNER TO`, `GRANT`/`REVOKE … ON`, as pg_dump
/// writes them): such statements are skipped.
bool isSkippedModelStatement(const QString &statement);

} // namespace burrow::dialect::postgres
