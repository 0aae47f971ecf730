#pragma once

#include "../../model/model_files.h"
#include "../../schema/schema.h"
#include "../database_url.h"

namespace burrow::dialect::postgres {

/// The schemas a model creates (`CREATE SCHEMA [IF NOT EXISTS] name`), in the model's order,
/// without `ownSchema` (the URL's, which the model may create too). One renamed later
/// (`ALTER SCHEMA a RENAME TO b`) is listed by its new name.
QStringList schemasCreatedBy(const model::ModelScript &script, const QString &ownSchema);

/// Loads a model that creates schemas of its own: a scratch schema cannot hold them, and they
/// may exist in the live database already. The model runs in a scratch database on the same
/// server (created from template0 with the live database's encoding and locale, so that the
/// engine normalizes as there), its URL's schema and `otherSchemas` are read back, and the
/// database is dropped, also after an error (after a crash, by the next such load). Nothing of
/// the live database is reachable from there. Needs the CREATEDB privilege.
Result<schema::Schema> loadModelInScratchDatabase(const DatabaseUrl &url,
                                                  const model::ModelScript &script,
                                                  const QStringList &otherSchemas);

} // namespace burrow::dialect::postgres
