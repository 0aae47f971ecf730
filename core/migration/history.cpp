#include "history.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

#include <algorithm>
#include <limits>
#include <map>

namespace burrow::migration {
namespace {

// Generic SQL that SQLite and PostgreSQL both accept. MariaDB/MySQL will differ: double quotes
// name identifiers there only with ANSI_QUOTES (else backticks), and a TEXT column cannot be a
// PRIMARY KEY without a key length (use VARCHAR(255) for "version").
const QString kCreateTable = QStringLiteral("CREATE TABLE IF NOT EXISTS \"burrow_migrations\" (\n"
                                            "    \"version\" TEXT PRIMARY KEY,\n"
                                            "    \"name\" TEXT NOT NULL,\n"
                                            "    \"checksum\" TEXT NOT NULL,\n"
                                            "    \"started_at\" TEXT NOT NULL,\n"
                                            "    \"finished_at\" TEXT,\n"
                                            "    \"duration_ms\" INTEGER,\n"
                                            "    \"applied_by\" TEXT,\n"
                                            "    \"status\" TEXT NOT NULL\n"
                                            ")");

const QString kColumns = QStringLiteral("\"version\", \"name\", \"checksum\", \"started_at\", "
                                        "\"finished_at\", \"duration_ms\", \"applied_by\", "
                                        "\"status\"");

enum Column { Version, Name, Checksum, StartedAt, FinishedAt, DurationMs, AppliedBy, StatusCol };

/// Orders and matches versions by number ("7" and "0007" are one version); a version that is
/// not all digits (a hand-edited row) sorts after every number and matches only itself.
struct VersionKey {
    qulonglong number = 0;
    QString text;

    friend bool operator<(const VersionKey &a, const VersionKey &b)
    {
        return a.number != b.number ? a.number < b.number : a.text < b.text;
    }
};

VersionKey keyOf(const QString &version)
{
    const bool digits =
        !version.isEmpty() && std::all_of(version.cbegin(), version.cend(),
                                          [](QChar c) { return c >= u'0' && c <= u'9'; });
    bool fits = false;
    const qulonglong number = digits ? version.toULongLong(&fits) : 0;
    if (fits)
        return {number, {}};
    return {std::numeric_limits<qulonglong>::max(), version};
}

Error sqlError(const QSqlQuery &query, const QString &sql)
{
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return Error{Error::Code::Sql, text, {}, 0, sql, {}, e.nativeErrorCode()};
}

// ISO-8601 UTC text, so every engine stores and sorts times the same way.
QVariant timeValue(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

AppliedMigration rowFrom(const QSqlQuery &query)
{
    AppliedMigration row;
    row.version = query.value(Version).toString();
    row.name = query.value(Name).toString();
    row.checksum = query.value(Checksum).toString();
    row.startedAt = timeFrom(query.value(StartedAt));
    row.finishedAt = timeFrom(query.value(FinishedAt));
    row.durationMs = query.value(DurationMs).toLongLong(); // NULL reads as 0
    row.appliedBy = query.value(AppliedBy).toString();
    row.status = query.value(StatusCol).toString();
    return row;
}

bool historyTableExists(const QSqlDatabase &db)
{
    // The driver's catalog; PostgreSQL folds unquoted names, so compare without case.
    return db.tables(QSql::Tables).contains(historyTableName(), Qt::CaseInsensitive);
}

} // namespace

Result<QList<AppliedMigration>> readHistory(const QSqlDatabase &db)
{
    if (!historyTableExists(db))
        return QList<AppliedMigration>{};
    const QString sql = u"SELECT " + kColumns + u" FROM \"burrow_migrations\"";
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return sqlError(query, sql);
    QList<AppliedMigration> rows;
    while (query.next())
        rows.append(rowFrom(query));
    // Text order would put "10" before "2".
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return keyOf(a.version) < keyOf(b.version);
    });
    return rows;
}

Status ensureHistoryTable(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(kCreateTable))
        return sqlError(query, kCreateTable);
    return Ok{};
}

Status recordMigration(const QSqlDatabase &db, const AppliedMigration &row)
{
    const QString sql =
        u"INSERT INTO \"burrow_migrations\" (" + kColumns + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return sqlError(query, sql);
    const bool finished = row.finishedAt.isValid();
    query.addBindValue(row.version);
    query.addBindValue(row.name);
    query.addBindValue(row.checksum);
    query.addBindValue(timeValue(row.startedAt));
    query.addBindValue(timeValue(row.finishedAt));
    query.addBindValue(finished ? QVariant(row.durationMs)
                                : QVariant(QMetaType::fromType<qlonglong>()));
    query.addBindValue(row.appliedBy.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                               : QVariant(row.appliedBy));
    query.addBindValue(row.status);
    if (!query.exec())
        return sqlError(query, sql);
    return Ok{};
}

Status recordBaseline(QSqlDatabase db, const QList<MigrationEntry> &entries)
{
    auto engineError = [&db](const QString &what) {
        return Error{Error::Code::Sql, what + u": " + db.lastError().text()};
    };
    if (!db.transaction())
        return engineError(QStringLiteral("cannot start a transaction"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Status status = ensureHistoryTable(db);
    for (qsizetype i = 0; status && i < entries.size(); ++i) {
        const MigrationEntry &e = entries[i];
        status = recordMigration(db, {e.version, e.name, e.checksum, now, now, 0, currentApplier(),
                                      QStringLiteral("baseline")});
    }
    if (status && !db.commit())
        status = engineError(QStringLiteral("cannot commit"));
    if (!status)
        db.rollback();
    return status;
}

QString currentApplier()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME"); // Windows
    if (user.isEmpty())
        user = QStringLiteral("unknown");
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? user : user + u'@' + host;
}

QList<MigrationStatus> migrationStatus(const QList<MigrationEntry> &files,
                                       const QList<AppliedMigration> &history)
{
    std::map<VersionKey, MigrationStatus> merged;
    for (const MigrationEntry &file : files) {
        MigrationStatus &status = merged[VersionKey{file.number, {}}];
        status.version = file.version;
        status.name = file.name;
        status.entry = file;
    }
    for (const AppliedMigration &row : history) {
        MigrationStatus &status = merged[keyOf(row.version)];
        status.applied = row;
        if (!status.entry) {
            status.version = row.version;
            status.name = row.name;
            status.state = MigrationState::Missing;
        } else {
            status.state = status.entry->checksum == row.checksum ? MigrationState::Applied
                                                                  : MigrationState::Modified;
        }
    }
    QList<MigrationStatus> list;
    list.reserve(qsizetype(merged.size()));
    for (auto &entry : merged)
        list.append(std::move(entry.second));
    return list;
}

QString stateName(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return QStringLiteral("applied");
    case MigrationState::Pending:
        return QStringLiteral("pending");
    case MigrationState::Modified:
        return QStringLiteral("modified");
    case MigrationState::Missing:
        return QStringLiteral("missing");
    }
    return {};
}

} // namespace burrow::migration
