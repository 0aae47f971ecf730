#pragma once

#include "../../plan/sql_renderer.h"
#include "../../schema/schema.h"

namespace burrow::dialect::postgres {

/// SQL for the schema's own objects (enum types, domains, sequences) and for comments, every
/// identifier quoted and every label a literal.

/// The name a recreated type or domain has while its users move to the new one.
QString setAsideTypeName(const QString &name);
/// A type created again in place of `old` (set aside under setAsideTypeName, not yet dropped)
/// gets its owner and privileges: a DO block reading them from the catalog, so that the
/// migration holds no role names. `kind` is TYPE or DOMAIN.
QString takeOverTypeSql(const QString &kind, const QString &old, const QString &name);
/// `[]` for each array dimension of `type` (`pair[][]`: `[][]`).
QString arraySuffix(QString type);
/// The column of a recreated type converted to `type` by `conversion` (its USING): its
/// default, which names the old type, dropped before and set again after.
QStringList convertColumnSql(const plan::TypeUser &user, const QString &type,
                             const QString &conversion);

QString createEnumSql(const schema::EnumType &type);
QString dropEnumSql(const schema::EnumType &type);
/// ALTER TYPE … ADD VALUE … BEFORE/AFTER for labels only added; otherwise the type recreated:
/// renamed away, created anew, each user converted through text (its default set again, since
/// the old default names the old type), each domain based on it the same way, the old type
/// dropped.
QStringList alterEnumSql(const schema::EnumType &live, const schema::EnumType &target,
                         const plan::EnumUsers &users);

/// CREATE COLLATION with the provider's own options (ICU: locale; libc: lc_collate, lc_ctype).
QString createCollationSql(const schema::Collation &collation);

QStringList createDomainSql(const schema::Domain &domain);
QString dropDomainSql(const schema::Domain &domain);
QStringList alterDomainSql(const schema::Domain &live, const schema::Domain &target);

QString createSequenceSql(const schema::Sequence &sequence);
QString dropSequenceSql(const schema::Sequence &sequence);
QStringList alterSequenceSql(const schema::Sequence &live, const schema::Sequence &target);
QString ownSequenceSql(const schema::Sequence &sequence);

/// `FUNCTION "f"(integer)`: how DROP, COMMENT ON and GRANT name one overload. An aggregate as
/// a ROUTINE: that takes an ordered-set one's argument types as the catalog lists them.
QString routineSql(const schema::Function &function);
/// The function's own definition (CREATE OR REPLACE, as pg_get_functiondef spells it) and its
/// comment; DROP by routineSql().
QStringList createFunctionSql(const schema::Function &function);
QString dropFunctionSql(const schema::Function &function);
/// CREATE OR REPLACE keeps a function only while its kind, arguments (names, defaults) and
/// result stay: PostgreSQL refuses to change those in place.
bool functionReplaceableInPlace(const schema::Function &live, const schema::Function &target);
/// A body written in SQL itself (`BEGIN ATOMIC … END`, `RETURN …`), not a string: PostgreSQL
/// parses it at creation and records what it calls, which then cannot be dropped.
bool hasSqlStandardBody(const schema::Function &function);
/// The target's definition over the live one (replaced, or dropped and created when
/// functionReplaceableInPlace() says no), and its comment where that changes or is lost.
QStringList alterFunctionSql(const schema::Function &live, const schema::Function &target);

/// COMMENT ON TABLE / COLUMN … IS '…' (IS NULL for an empty comment: none).
QString tableCommentSql(const QString &table, const QString &comment);
QString columnCommentSql(const QString &table, const QString &column, const QString &comment);
/// The comments of a new table, its columns and its constraints.
QStringList tableCommentsSql(const schema::Table &table);

/// COMMENT ON `object` (`INDEX "i"`, `VIEW "v"`…) IS the comment, or NULL when it is empty.
QString commentOnSql(const QString &object, const QString &comment);
QString constraintCommentSql(const QString &table, const QString &constraint,
                             const QString &comment);
/// (name, comment) of each of the table's constraints.
QList<std::pair<QString, QString>> constraintComments(const schema::Table &table);

} // namespace burrow::dialect::postgres
