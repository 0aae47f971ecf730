#pragma once

#include "../../model/model_files.h"
#include "../../schema/schema.h"
#include "../database_url.h"

namespace burrow::dialect::mysql {

/// Loads the model's DDL on the server of `server`, so that the engine itself validates and
/// normalizes it: into a scratch database `burrow_model_<random>` (with the live database's
/// character set), read back like a live one, and dropped again whatever happens.
Result<schema::Schema> loadModelOnServer(const DatabaseUrl &server,
                                         const model::ModelScript &script);

/// What loadModelOnServer() depends on besides the model, in one query: the server's version
/// and settings, and the compared database's character set (the scratch database copies it).
Result<QString> modelContextOf(const DatabaseUrl &server);

} // namespace burrow::dialect::mysql
