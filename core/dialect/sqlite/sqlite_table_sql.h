#pragma once

#include "../../schema/schema.h"

namespace burrow::dialect::sqlite {

/// SQL text for SQLite schema objects, rendered from Burrow's values (never by pasting stored
/// text), every identifier quoted.

/// The identifier in double quotes, inner double quotes doubled: hostile names (quotes, spaces,
/// semicolons, keywords, `--`) stay names.
QString quoteIdentifier(const QString &name);

/// A string literal in single quotes, inner single quotes doubled.
QString quoteString(const QString &text);

/// A default value as SQLite accepts it after DEFAULT: literals (numbers, signed numbers,
/// strings, blobs, NULL, TRUE/FALSE, CURRENT_TIME/DATE/TIMESTAMP) as they are, any other
/// expression in parentheses.
QString defaultClause(const schema::Expression &value);

/// CREATE TABLE for a table value, under `name` (empty: the table's own name; a rebuild creates
/// the new table under a temporary name). Columns with their type, NOT NULL, DEFAULT, COLLATE,
/// GENERATED; a single-column INTEGER primary key with AUTOINCREMENT inline; PRIMARY KEY,
/// UNIQUE, CHECK and FOREIGN KEY as named table constraints where they have names; WITHOUT
/// ROWID and STRICT. Loading it into SQLite and introspecting gives back an equal table (as
/// the differ compares tables).
QString createTableSql(const schema::Table &table, const QString &name = {});

/// One column's definition as in CREATE TABLE or ADD COLUMN (`"name" TYPE NOT NULL DEFAULT …
/// COLLATE … GENERATED …`), with `inlineForeignKey`'s REFERENCES clause when given.
QString columnDefinitionSql(const schema::Column &column,
                            const schema::ForeignKey *inlineForeignKey = nullptr);

/// CREATE [UNIQUE] INDEX for an index value on `table`: column or expression parts with
/// COLLATE and DESC, and the WHERE of a partial index.
QString createIndexSql(const QString &table, const schema::Index &index);

} // namespace burrow::dialect::sqlite
