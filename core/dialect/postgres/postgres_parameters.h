#pragma once

#include <QString>
#include <QStringList>

namespace burrow::dialect::postgres {

/// libpq's connection parameters that a PostgreSQL URL may carry (`?sslmode=verify-full`),
/// handed to libpq as they are, both by Burrow's own connections and by the client tools.
const QStringList &libpqParameters();

/// The environment variable that hands `parameter` to pg_dump, pg_restore and psql; empty for
/// `sslpassword`, which has none (a service file carries it: postgres_tools.cpp).
QString libpqEnvironmentVariable(const QString &parameter);

} // namespace burrow::dialect::postgres
