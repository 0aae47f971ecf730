#pragma once

#include "../database_url.h"

#include <QSqlDatabase>
#include <QStringList>

namespace burrow::dialect::mysql {

// A MySQL/MariaDB URL's parameters: ?unix_socket=, ?connect_timeout=, ?lock_timeout=, and TLS:
// ?ssl=on encrypts, ?ssl_ca=FILE also checks the server's certificate against that CA (the
// client tools check its host name too), ?ssl_cert=FILE and ?ssl_key=FILE log in with a client
// certificate. Any of the ssl_ files asks for TLS as ?ssl=on does.

/// Refuses a parameter Burrow does not know (a misspelt ?ssl_ca= must not silently connect in
/// plain text) and values it cannot pass on.
Status checkParameters(const DatabaseUrl &url);

/// Whether the URL asks for TLS.
bool wantsTls(const DatabaseUrl &url);

/// Qt's QMYSQL connect options for the URL's TLS; none when it asks for none.
QStringList tlsConnectOptions(const DatabaseUrl &url);

/// The [client] options for mariadb-dump and mariadb: name and value (empty for a switch).
QList<QPair<QString, QString>> tlsClientOptions(const DatabaseUrl &url);

/// Proves that the open connection `db` is encrypted when the URL asks for TLS: Qt 6.4's driver
/// cannot make MariaDB's client library insist on it, and that library falls back to plain text
/// when the server offers no TLS.
Status checkEncrypted(const DatabaseUrl &url, const QSqlDatabase &db);

} // namespace burrow::dialect::mysql
