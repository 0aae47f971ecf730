#pragma once

#include "../connection.h"
#include "../database_url.h"

#include <memory>

namespace burrow::dialect::mysql {

/// Seconds to wait for the server before giving up, unless the URL says `?connect_timeout=N`.
constexpr int kDefaultConnectTimeoutSeconds = 10;

/// A connection to the server of `url`, on `database` (empty: none selected). Failures read as
/// one line naming what failed and what to do; the password never appears in them.
Result<std::unique_ptr<ScopedConnection>> openServer(const DatabaseUrl &url,
                                                     const QString &database);

/// Runs `sql` with `values` bound to its `?` placeholders.
Result<QSqlQuery> runBound(const QSqlDatabase &db, const QString &sql, const QVariantList &values);

/// `name` in backticks, inner backticks doubled.
QString quoteIdentifier(const QString &name);
/// Where the server is, for messages: host:port, or the socket.
QString serverLocation(const DatabaseUrl &url);
/// 'text' as a string literal under the default sql_mode: quotes doubled, backslashes escaped
/// (they escape unless NO_BACKSLASH_ESCAPES is set).
QString quoteLiteral(const QString &text);

/// A catalog row's column as text (NULL reads empty).
inline QString text(const QSqlQuery &row, int column)
{
    return row.value(column).toString();
}

} // namespace burrow::dialect::mysql
