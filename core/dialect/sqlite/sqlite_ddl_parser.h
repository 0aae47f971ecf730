#pragma once

#include "../../schema/schema.h"
#include "../../sql/lexer.h"

namespace burrow::dialect::sqlite {

/// What only a column's CREATE TABLE text tells (SQLite's pragmas don't).
struct ParsedColumn {
    QString name;
    QString collation; // as written, empty when none
    bool autoIncrement = false;
    QString generatedExpression; // as written, empty when not generated
};

/// A constraint as declared, on a column or on the table.
struct ParsedConstraint {
    enum class Kind { PrimaryKey, Unique, Check, ForeignKey };
    Kind kind = Kind::Check;
    QString name;
    QStringList columns;
    QString checkExpression;
    QString referencedTable;
    schema::Deferral deferral = schema::Deferral::NotDeferrable;
};

/// The parts of a stored CREATE TABLE statement that the catalog pragmas leave out.
struct ParsedTable {
    QList<ParsedColumn> columns;
    QList<ParsedConstraint> constraints;
};

/// The key expressions and predicate of a stored CREATE INDEX statement.
struct ParsedIndex {
    QStringList partExpressions; // each key without its COLLATE and ASC/DESC
    QString where;               // the partial-index predicate, empty when none
};

/// Reads a CREATE TABLE statement that SQLite has already accepted. Tolerant: what it cannot
/// recognize it skips.
ParsedTable parseCreateTable(QStringView sql, const sql::LexerOptions &options);

/// Reads a CREATE INDEX statement that SQLite has already accepted.
ParsedIndex parseCreateIndex(QStringView sql, const sql::LexerOptions &options);

} // namespace burrow::dialect::sqlite
