#pragma once

// Events never fire in a scratch database. A model's CREATE EVENT, or a live event copied for a
// dry run, would otherwise run there while the server's event_scheduler is ON, and its body may
// name another database: `INSERT INTO prod.audit …` from a plain `diff`. So in a scratch
// database every event is created, and stays, DISABLE; the status it was meant to have is kept
// beside it (by the model loader in memory, by a dry run's copy in a table of its own).

#include "../../schema/schema.h"
#include "../../sql/splitter.h"
#include "../database_url.h"

#include <QHash>
#include <QSqlDatabase>

namespace burrow::dialect::mysql {

/// A CREATE or ALTER EVENT statement as it may run in a scratch database.
struct ScratchEvent {
    QString sql;       // the statement with the event DISABLE; empty for any other statement
    QString name;      // the event it creates or alters
    QString status;    // as declared: ENABLE, DISABLE or DISABLE ON SLAVE; empty: left as it is
    QString renamedTo; // ALTER EVENT … RENAME TO
};

/// `statement` read as an event statement (executable comments opened, as the server runs them).
ScratchEvent scratchEvent(const QString &statement);

/// `statement` as it may run in a scratch database: CREATE and ALTER EVENT made DISABLE, any
/// other statement unchanged.
QString disarmedForScratch(const QString &statement);

/// Event name (lower case, as the server compares them) → the status the statements leave it
/// with, following CREATE, ALTER (RENAME TO among them) and DROP EVENT in order.
using EventStatuses = QHash<QString, QString>;
void followEventStatement(EventStatuses &statuses, const QString &statement);
EventStatuses declaredEventStatuses(const QList<sql::Statement> &statements);

/// Gives the schema's events the statuses they were declared with (their `sql` rebuilt).
void restoreEventStatuses(schema::Schema &schema, const EventStatuses &statuses);

/// The table in a dry run's scratch copy that holds the status of each event the copy keeps
/// DISABLE while it was meant otherwise; catalog readers hide it and apply it.
const QString &scratchStatusTable();

/// Keeps `statuses` (those other than DISABLE) in the scratch database `db` is using.
Status recordScratchStatuses(const QSqlDatabase &db, const EventStatuses &statuses);

/// Copies the events of `origin`'s database into the scratch database `scratch`, each created
/// DISABLE with the session settings it was made under (SHOW CREATE EVENT's, as mariadb-dump
/// does), and records their statuses there.
Status copyEventsDisarmed(const DatabaseUrl &origin, const DatabaseUrl &scratch);

/// Brings the scratch copy's status table up to date after `statements` ran there (made DISABLE
/// by disarmedForScratch): the statuses they declare, renames and drops followed.
Status rememberScratchStatuses(const DatabaseUrl &copy, const QStringList &statements);

/// What a scratch database's status table says, when `schema` (read from database `database`)
/// has it: the table is taken out of `schema` and its statuses restored.
Status applyScratchStatuses(const QSqlDatabase &db, const QString &database,
                            schema::Schema &schema);

} // namespace burrow::dialect::mysql
