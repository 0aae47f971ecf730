#pragma once

#include "../database_url.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace burrow::dialect::postgres {

/// libpq's connection parameters that a PostgreSQL URL may carry (`?sslmode=verify-full`),
/// handed to libpq as they are, both by Burrow's own connections and by the client tools.
const QStringList &libpqParameters();

/// The environment variable that hands `parameter` to pg_dump, pg_restore and psql; empty for
/// `sslpassword`, which has none (a service file carries it: postgres_tools.cpp).
QString libpqEnvironmentVariable(const QString &parameter);

/// The URL's parameters as libpq gets them. A CA named without a mode (`?sslrootcert=ca.pem`)
/// means verify-full: libpq's default (prefer) would neither check the host name nor refuse a
/// server that fails the check, retrying in plain text instead. A mode from PGSSLMODE or a
/// service file stays the user's.
QMap<QString, QString> libpqSettings(const DatabaseUrl &url);

} // namespace burrow::dialect::postgres
