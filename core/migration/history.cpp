#include "history.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>

#include <algorithm>
#include <limits>
#include <map>

namespace burrow::migration {
namespace {

// One spelling that SQLite, PostgreSQL and MariaDB all accept: plain lower-case names (no
// quoting, which differs between them) and VARCHAR keys (MariaDB cannot key a TEXT column).
// statements_applied counts the statements of a migration that ran, for engines whose DDL
// commits on its own; tables created before it existed read as NULL there.
const QString kCreateTable = QStringLiteral("CREATE TABLE IF NOT EXISTS burrow_migrations (\n"
                                            "    version VARCHAR(64) NOT NULL PRIMARY KEY,\n"
                                            "    name VARCHAR(255) NOT NULL,\n"
                                            "    checksum VARCHAR(64) NOT NULL,\n"
                                            "    started_at VARCHAR(40) NOT NULL,\n"
                                            "    finished_at VARCHAR(40),\n"
                                            "    duration_ms BIGINT,\n"
                                            "    applied_by VARCHAR(255),\n"
                                            "    status VARCHAR(16) NOT NULL,\n"
                                            "    statements_applied INTEGER\n"
                                            ")");

const QString kColumns = QStringLiteral("version, name, checksum, started_at, finished_at, "
                                        "duration_ms, applied_by, status");

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
    const QSqlRecord record = query.record();
    auto value = [&](const char *column) {
        return query.value(record.indexOf(QLatin1String(column)));
    };
    AppliedMigration row;
    row.version = value("version").toString();
    row.name = value("name").toString();
    row.checksum = value("checksum").toString();
    row.startedAt = timeFrom(value("started_at"));
    row.finishedAt = timeFrom(value("finished_at"));
    row.durationMs = value("duration_ms").toLongLong(); // NULL reads as 0
    row.appliedBy = value("applied_by").toString();
    row.status = value("status").toString();
    const int progress = record.indexOf(QLatin1String("statements_applied"));
    if (progress >= 0 && !query.isNull(progress))
        row.statementsApplied = query.value(progress).toInt();
    return row;
}

bool historyTableExists(const QSqlDatabase &db)
{
    // The table the unqualified name reaches (PostgreSQL: through the search_path, which is
    // the URL's schema). db.tables() lists every schema's, another schema's qualified ("app.
    // burrow_migrations"): a history kept in a schema other than public was never read, and
    // every apply ran the applied migrations again.
    return !db.record(historyTableName()).isEmpty();
}

} // namespace

Result<QList<AppliedMigration>> readHistory(const QSqlDatabase &db)
{
    if (!historyTableExists(db))
        return QList<AppliedMigration>{};
    // Every column: tables written by older versions lack statements_applied.
    const QString sql = QStringLiteral("SELECT * FROM burrow_migrations");
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
        u"INSERT INTO burrow_migrations (" + kColumns + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
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

Status recordProgress(const QSqlDatabase &db, const QString &version, int statements)
{
    const QString sql =
        QStringLiteral("UPDATE burrow_migrations SET statements_applied = ? WHERE version = ?");
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return sqlError(query, sql);
    query.addBindValue(statements);
    query.addBindValue(version);
    if (!query.exec())
        return sqlError(query, sql);
    return Ok{};
}

Status finishMigration(const QSqlDatabase &db, const AppliedMigration &row)
{
    const QString sql = QStringLiteral("UPDATE burrow_migrations SET status = ?, finished_at = ?, "
                                       "duration_ms = ?, statements_applied = ? WHERE version = ?");
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return sqlError(query, sql);
    query.addBindValue(row.status);
    query.addBindValue(timeValue(row.finishedAt));
    query.addBindValue(row.durationMs);
    query.addBindValue(row.statementsApplied);
    query.addBindValue(row.version);
    if (!query.exec())
        return sqlError(query, sql);
    return Ok{};
}

Status continueMigration(const QSqlDatabase &db, const AppliedMigration &row)
{
    const QString sql = QStringLiteral(
        "UPDATE burrow_migrations SET status = 'running', name = ?, checksum = ?, "
        "statements_applied = ? WHERE version = ? AND status IN ('failed', 'running')");
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return sqlError(query, sql);
    query.addBindValue(row.name);
    query.addBindValue(row.checksum);
    query.addBindValue(row.statementsApplied);
    query.addBindValue(row.version);
    if (!query.exec())
        return sqlError(query, sql);
    return Ok{};
}

Status forgetMigration(const QSqlDatabase &db, const QString &version)
{
    const QString sql = QStringLiteral("DELETE FROM burrow_migrations WHERE version = ?");
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return sqlError(query, sql);
    query.addBindValue(version);
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
            status.state = !row.isComplete()                        ? MigrationState::Failed
                           : status.entry->checksum == row.checksum ? MigrationState::Applied
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
    case MigrationState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace burrow::migration
