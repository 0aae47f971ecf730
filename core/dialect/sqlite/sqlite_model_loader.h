#pragma once

#include "../../model/model_files.h"
#include "../../schema/schema.h"

namespace burrow::dialect::sqlite {

/// Loads model DDL into SQLite, so that the engine itself validates and normalizes it, and
/// reads the result back like a live database.
///
/// Each DDL statement makes SQLite rescan its whole schema table, so N tables in one database
/// cost O(N²) (4,000 tables: 35 s). Statements are therefore grouped by the objects they touch
/// (a table with its indexes and triggers, a view with what it reads) and independent groups
/// are loaded in small chunks, each into its own in-memory database: linear overall. A script
/// whose statements cannot be routed safely (DROP, RENAME TO, …) is loaded as one chunk.
Result<schema::Schema> loadModelSchema(const model::ModelScript &script);

} // namespace burrow::dialect::sqlite
