#pragma once

// Stored functions and procedures (CREATE FUNCTION / PROCEDURE): read from
// information_schema.ROUTINES and PARAMETERS in one query per schema, kept as the CREATE
// statement Burrow spells from them (the body as typed), and replaced in place with MariaDB's
// CREATE OR REPLACE, with the definer and sql_mode it is to have (mysql_definer.h,
// mysql_sql_mode.h). The definer is not compared.

#include "../../schema/schema.h"

#include <QSqlQuery>

namespace burrow::dialect::mysql {

/// The query reading every routine of one schema (its one parameter), in name order. A routine
/// whose body the user may not read (ROUTINE_DEFINITION NULL: neither its definer nor granted
/// to read it) is left out: Burrow could neither compare it nor create it again.
const QString &routinesQuery();

/// A routine from a row of routinesQuery(): its identity is its name (MariaDB has no overloads).
schema::Function routineFromRow(const QSqlQuery &row);

QString dropRoutineSql(const schema::Function &routine);

/// CREATE OR REPLACE with the target's definition, under its sql_mode; a function becoming a
/// procedure (or back) drops the old one first.
QStringList replaceRoutineSql(const schema::Function &live, const schema::Function &target);

} // namespace burrow::dialect::mysql
