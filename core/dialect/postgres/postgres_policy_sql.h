#pragma once

#include "../../schema/schema.h"

namespace burrow::dialect::postgres {

/// Row-level security: CREATE/ALTER/DROP POLICY and ALTER TABLE … ROW LEVEL SECURITY, every
/// identifier quoted.

/// CREATE POLICY with every clause spelled out, and its comment when it has one.
QStringList createPolicySql(const QString &table, const schema::Policy &policy);
QString dropPolicySql(const QString &table, const schema::Policy &policy);
/// ALTER POLICY for what it can change (roles, USING, WITH CHECK, comment); empty when the
/// change needs the policy dropped and created (its kind, its command, or a clause removed).
QStringList alterPolicySql(const QString &table, const schema::Policy &live,
                           const schema::Policy &target);
/// ALTER TABLE … ENABLE/DISABLE and FORCE/NO FORCE ROW LEVEL SECURITY from `live`'s flags to
/// `target`'s.
QStringList rowSecuritySql(const QString &table, const schema::Table &live,
                           const schema::Table &target);

} // namespace burrow::dialect::postgres
