#pragma once

#include "../../model/model_files.h"
#include "../../schema/schema.h"
#include "../database_url.h"

namespace burrow::dialect::postgres {

/// Lets the server itself validate and normalize the model: its DDL runs in a scratch schema
/// `burrow_model_<random>` inside one transaction on the URL's database, is read back with the
/// same catalog code as the live schema, and is rolled back, so nothing ever persists (also
/// after an error or a lost connection). Needs the CREATE privilege on the database.
Result<schema::Schema> loadModelSchema(const DatabaseUrl &url, const model::ModelScript &script);

/// Whether a model statement would end or fork the loader's transaction, or move the
/// search_path away from the scratch schema: such statements are skipped.
bool isSkippedModelStatement(const QString &statement);

} // namespace burrow::dialect::postgres
