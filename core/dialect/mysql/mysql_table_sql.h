#pragma once

#include "../../schema/schema.h"

namespace burrow::dialect::mysql {

/// A default's expression as DEFAULT takes it: literals and argument-less calls
/// (current_timestamp()) as they are, any other expression in parentheses.
QString defaultSql(const QString &text);

/// `name type [COLLATE c] [AS (expr) VIRTUAL|STORED] [NOT NULL] [DEFAULT d] [ON UPDATE u]
/// [AUTO_INCREMENT]`: a full column definition, for CREATE TABLE, ADD and MODIFY COLUMN.
QString columnDefinition(const schema::Column &column);
/// `ROW START` or `ROW END` for a system-versioned table's explicit period column, else empty.
QString periodBoundary(const schema::Column &column);
/// `PERIOD FOR SYSTEM_TIME (start, end)` of a table with explicit period columns, else empty.
QString systemTimePeriod(const schema::Table &table);
/// `PERIOD FOR p (s, e)`, MariaDB's application-time period, or empty for a table without one.
QString applicationPeriodClause(const schema::ApplicationPeriod &period);
/// The table option that sets (or, empty, removes) a table's comment.
QString tableCommentOption(const QString &comment);

QString primaryKeyClause(const schema::PrimaryKey &key);
QString uniqueClause(const schema::UniqueConstraint &unique);
/// `CONSTRAINT name CHECK (expr)`; `name` may be empty (the server names it then).
QString checkClause(const QString &name, const schema::CheckConstraint &check);
/// `CONSTRAINT name FOREIGN KEY … REFERENCES …`; `name` may be empty.
QString foreignKeyClause(const QString &name, const schema::ForeignKey &fk);
/// `[UNIQUE|FULLTEXT|SPATIAL] INDEX name (parts)`, as ALTER TABLE … ADD takes it.
QString indexClause(const schema::Index &index);
/// Index::options of an index the optimizer ignores (MariaDB's IGNORED), or of one it uses.
QString ignoredOption(bool ignored);
bool isIgnored(const schema::Index &index);

/// `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX` for `index` on `table`; `kind` is FULLTEXT, SPATIAL
/// or empty.
QString createIndexSql(const QString &table, const schema::Index &index, const QString &kind);
/// FULLTEXT or SPATIAL when `index` is one (read from its stored definition), else empty.
QString indexKind(const schema::Index &index);

/// ` [CONSTRAINT name] CHECK (expr)` to append to the definition of `check.column`.
QString columnCheckClause(const schema::CheckConstraint &check);
/// The table option that sets a table's default collation (and so its character set).
QString tableCollationOption(const QString &collation);

/// CREATE TABLE with columns and constraints (a column's own CHECK in its definition); indexes
/// are separate steps.
QString createTableSql(const schema::Table &table);

// Names for constraints the model left unnamed, the same whenever they are computed, so that
// the down section drops what the up section added.
QString foreignKeyName(const QString &table, const schema::ForeignKey &fk);
QString checkName(const QString &table, const schema::CheckConstraint &check);
// The same for a constraint added to or dropped from a table that is `without` it before or
// after: the name the engine gave it in the model's load (what it would name it) when `without`
// leaves that name free, else the ones above. Up and down pass the same `without`.
QString foreignKeyName(const QString &table, const schema::ForeignKey &fk,
                       const schema::Table &without);
QString checkName(const QString &table, const schema::CheckConstraint &check,
                  const schema::Table &without);
QString uniqueName(const schema::UniqueConstraint &unique);

} // namespace burrow::dialect::mysql
