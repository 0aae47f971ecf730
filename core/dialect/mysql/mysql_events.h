#pragma once

// Scheduled events (CREATE EVENT): read from information_schema.EVENTS, compared clause by
// clause, and spelled back as CREATE, ALTER and DROP EVENT.

#include "../../schema/schema.h"
#include "../../sql/splitter.h"

#include <QSqlQuery>

namespace burrow::dialect::mysql {

/// The query reading every event of one schema (its one parameter), in name order.
const QString &eventsQuery();

/// An event from a row of eventsQuery(); its `sql` rebuilt from its clauses.
schema::Event eventFromRow(const QSqlQuery &row);

/// CREATE EVENT with every clause the event has, its definer among them.
QString createEventSql(const schema::Event &event);

/// ALTER EVENT with the clauses that differ. The definer is always named (ALTER EVENT would
/// otherwise hand the event to whoever runs it): the target's, else the live one's. A target
/// without STARTS keeps the live start while it stays a recurring event. Dropping an ENDS takes
/// DROP and CREATE EVENT: ALTER keeps an end it is not given.
QStringList alterEventSql(const schema::Event &live, const schema::Event &target);

/// A model's events as loaded on the scratch database carry what the model left to the server
/// there: the definer (the loading user) and STARTS (the loading time). Those are cleared, so
/// that they are not compared, unless the model's own statement names them; and each event
/// keeps that statement to be created with, as typed.
void keepModelEvents(schema::Schema &schema, const QList<sql::Statement> &statements);

} // namespace burrow::dialect::mysql
