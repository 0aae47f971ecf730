#pragma once

#include "../../sql/lexer.h"

#include <QString>

namespace burrow::dialect::postgres {

/// How PostgreSQL spells SQL: "identifiers", 'strings', E'escapes', $tag$ bodies $tag$.
const sql::LexerOptions &lexerOptions();

/// The identifier in double quotes, inner double quotes doubled: hostile and mixed-case names
/// stay exactly what they are.
QString quoteIdentifier(const QString &name);

/// `name` in the schema of `table`: an index lives in its table's schema, and only DROP and
/// COMMENT name it qualified (schema::qualifiedName).
QString inSchemaOf(const QString &table, const QString &name);

/// A string literal (E'…', quotes and backslashes doubled).
QString quoteLiteral(const QString &text);

/// `DO $burrow$<body>$burrow$`: an anonymous block, its dollar quote lengthened until the body
/// (which may quote a name holding `$burrow$`) does not contain it.
QString doBlock(const QString &body);

/// A statement that stops the migration with `message`: where Burrow cannot plan a step, the
/// migration (one transaction) says so there, and the user writes that step by hand.
QString raiseSql(const QString &message);

/// The message of a statement raiseSql() wrote; empty for any other statement.
QString raisedMessage(const QString &statement);

} // namespace burrow::dialect::postgres
