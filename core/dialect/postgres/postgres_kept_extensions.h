#pragma once

// A restore drops and recreates the archive's extensions (pg_restore --clean: DROP EXTENSION IF
// EXISTS, CREATE EXTENSION, COMMENT ON EXTENSION). Only an extension's owner may drop or comment
// on it, and extensions are often installed by an administrator, not by the role that owns the
// database: its restore failed with "must be owner of extension pg_trgm". Such an extension is
// kept as it is, left out of the script.

#include "../../result.h"
#include "../database_url.h"

#include <QByteArray>
#include <QStringList>

namespace burrow::dialect::postgres {

/// The extensions of the database `url` names that its user may not drop (another role owns
/// them); plpgsql, which pg_dump leaves out, not among them.
Result<QStringList> extensionsOfOthers(const DatabaseUrl &url);

/// The archive's table of contents `contents` (pg_restore --list) with the entries that create
/// or comment on `extensions` commented out, for pg_restore --use-list.
QByteArray listWithout(const QByteArray &contents, const QStringList &extensions);

} // namespace burrow::dialect::postgres
