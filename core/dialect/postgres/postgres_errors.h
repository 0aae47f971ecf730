#pragma once

#include "../database_url.h"

namespace burrow::dialect::postgres {

/// Where the URL points, for messages: `host:port`, or the socket folder.
QString serverLocation(const DatabaseUrl &url);

/// The engine's message without its `ERROR:` prefix, on one line (libpq adds LINE and caret
/// lines), with the URL's password masked should the server ever echo it.
QString engineMessage(const QString &libpqText, const DatabaseUrl &url);

/// A failed connection as one clear Error: what failed (wrong password, unknown database or
/// role, refused, timed out, no CONNECT privilege…) and what to do about it.
Error connectionError(const DatabaseUrl &url, const QString &libpqText);

} // namespace burrow::dialect::postgres
