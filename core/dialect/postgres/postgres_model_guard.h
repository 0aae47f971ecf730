#pragma once

#include "../../model/model_files.h"
#include "../../result.h"

namespace burrow::dialect::postgres {

/// The model runs in a scratch schema of the live database, and a model too large for one
/// transaction commits its chunks. A statement that drops, empties or changes what another
/// schema holds (`DROP TABLE app.book`, `DELETE FROM app.book`), or what the whole database
/// shares (`DROP EXTENSION`, `DROP SCHEMA`, `DROP OWNED`), could then change the live database
/// for good: such a model is refused before anything runs. Creations elsewhere are caught as
/// they happen (the loader's check of what the transaction wrote). Run on the model without
/// the compared schema's own qualifiers (withoutOwnSchemaQualifier).
Status checkStaysInScratch(const model::ModelScript &script);

/// For a model loaded in a scratch database (one that creates schemas): only what the whole
/// server shares is out of bounds there (CREATE/ALTER/DROP ROLE, DATABASE, TABLESPACE, ALTER
/// SYSTEM, role memberships, DROP/REASSIGN OWNED, comments on those). The loader also runs
/// every statement in a transaction, so that those that cannot run in one fail.
Status checkStaysInDatabase(const model::ModelScript &script);

} // namespace burrow::dialect::postgres
