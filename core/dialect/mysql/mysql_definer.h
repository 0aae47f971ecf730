#pragma once

// Who a view, trigger, routine or event runs as (DEFINER = user@host). Created without one, such
// an object runs as whoever created it: the migration's account, often more privileged than the
// application's, or less. So objects created again name the definer they had.

#include <QString>

/// The catalog's DEFINER `column`, NULL where it is the account reading: that account's objects,
/// created again by it, stay its own without saying so.
#define BURROW_DEFINER_UNLESS_CURRENT_USER(column) "NULLIF(" column ", CURRENT_USER())"

namespace burrow::dialect::mysql {

/// `DEFINER=`user`@`host` ` (a trailing space), each part quoted: a user name may hold an `@`,
/// a host not; a role (no host) quoted whole. Empty for an empty definer.
QString definerClause(const QString &definer);

/// `createSql` (CREATE [OR REPLACE] [ALGORITHM = …] VIEW/TRIGGER/FUNCTION/PROCEDURE …) naming
/// `definer`, unless it names one itself or `definer` is empty.
QString withDefiner(const QString &createSql, const QString &definer);

} // namespace burrow::dialect::mysql
