#pragma once

#include "../connection.h"
#include "../database_url.h"

#include <memory>

namespace burrow::dialect::postgres {

/// What a session may do: read the URL's schema (introspection, lint counts; the session is
/// read-only and its search_path is that schema), change it (migrations, history, locks; the
/// search_path is that schema), or work in a scratch schema of its own (the model loader sets
/// search_path itself, inside its transaction).
enum class Access { ReadSchema, Write, Scratch };

/// The schema a URL names with ?schema=NAME, `public` by default.
QString schemaOf(const DatabaseUrl &url);

/// One connection to a PostgreSQL database. It counts the queries sent through run() (each one
/// round trip), so that tests can prove introspection costs the same at any table count.
class Session {
public:
    /// Connects (10 s timeout unless ?connect_timeout=) and prepares the session for `access`.
    /// Failures are one clear Error naming what failed and what to do, never the password.
    static Result<std::unique_ptr<Session>> open(const DatabaseUrl &url, Access access);

    Result<QSqlQuery> run(const QString &sql);
    /// The first column of every row `sql` returns, as text.
    Result<QStringList> column(const QString &sql);
    int queryCount() const { return m_queries; }
    QSqlDatabase &database() { return m_connection->database(); }
    const DatabaseUrl &url() const { return m_url; }
    /// Hands the connection over (for lint's read-only counting queries).
    std::unique_ptr<ScopedConnection> release() { return std::move(m_connection); }

private:
    Session(DatabaseUrl url, std::unique_ptr<ScopedConnection> connection);
    Status enterSchema(bool readOnly);

    DatabaseUrl m_url;
    std::unique_ptr<ScopedConnection> m_connection;
    int m_queries = 0;
};

} // namespace burrow::dialect::postgres
