#pragma once

#include "../result.h"

#include <QDir>
#include <QMap>
#include <QStringList>

namespace burrow::dialect {

enum class Engine { SQLite, PostgreSQL, MySQL };

/// A parsed database URL: `sqlite:PATH`, `postgresql://user[:password]@host[:port]/db`,
/// `mysql://…` or `mariadb://…`. The password never appears in `display()`.
struct DatabaseUrl {
    Engine engine = Engine::SQLite;
    QString path; // SQLite: absolute file path
    QString user;
    QString password;
    QString host;
    int port = 0;
    QString database;
    QMap<QString, QString> parameters; // ?key=value pairs
    /// PostgreSQL: the schemas the model creates besides the URL's, read and changed with it.
    /// Not part of the URL's text: set from the model (diff::compareWithModel).
    QStringList otherSchemas{};

    /// The URL as it may be shown or logged: never with a password.
    QString display() const;
};

/// Parses `text`; a relative SQLite path is resolved against `base`. The password, when the URL
/// carries none, comes from BURROW_DB_PASSWORD.
Result<DatabaseUrl> parseDatabaseUrl(const QString &text, const QDir &base = QDir::current());

QString engineName(Engine engine);

/// How long a write waits for a lock another session holds before it gives up, unless the URL
/// says `?lock_timeout=SECONDS` (burrow-cli apply --lock-timeout): long enough for ordinary
/// traffic, short enough that a forgotten open transaction or LOCK TABLES is reported instead
/// of hanging the apply (and queueing every other query behind it) for hours.
constexpr int kDefaultLockTimeoutSeconds = 10;

/// The URL's lock timeout in seconds (kDefaultLockTimeoutSeconds when absent or not a positive
/// whole number).
int lockTimeoutSeconds(const DatabaseUrl &url);

/// `text` as it may be shown when it is, or may be, a server URL that did not parse: the password
/// between `user:` and the last `@` replaced by `***`. Other text is returned as it is.
QString withoutPassword(const QString &text);

/// Where the database is, for messages: a SQLite file's native path, else the URL (no password).
QString locationOf(const DatabaseUrl &url);

} // namespace burrow::dialect
