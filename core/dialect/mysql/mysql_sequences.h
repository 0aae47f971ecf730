#pragma once

// MariaDB's sequences (CREATE SEQUENCE, 10.3+): tables of one row to the server. 10.11 has no
// information_schema view of their settings, so they are read from the sequences themselves,
// all in one query, and spelled back as CREATE, ALTER and DROP SEQUENCE.

#include "../../result.h"
#include "../../schema/schema.h"
#include "../database_url.h"

#include <QSqlQuery>

namespace burrow::dialect::mysql {

/// One query reading the settings of every named sequence of `database`, a row each, its first
/// column the sequence's position in `names`. Empty when there are no names.
QString sequenceSettingsQuery(const QString &database, const QStringList &names);

/// The sequence a row of sequenceSettingsQuery() describes; `names` as given to it.
schema::Sequence sequenceFromRow(const QSqlQuery &row, const QStringList &names);

QString createSequenceSql(const schema::Sequence &sequence);
QString dropSequenceSql(const schema::Sequence &sequence);
/// ALTER SEQUENCE with every setting, or nothing when none differs. START WITH only changes
/// where a RESTART would begin, never the next value handed out.
QStringList alterSequenceSql(const schema::Sequence &live, const schema::Sequence &target);

/// A dump names the sequence a default draws from with its database (`nextval(`live`.`s`)`):
/// loaded as it is into a scratch copy, the copy's rows would draw from the live sequences (a
/// dry run would move them). Points those defaults of `copy` at its own sequences.
Status drawFromOwnSequences(const DatabaseUrl &copy, const QString &origin);

} // namespace burrow::dialect::mysql
