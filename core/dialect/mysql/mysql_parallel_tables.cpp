#include "mysql_parallel_tables.h"

#include "mysql_connection.h"

#include <QSet>

#include <algorithm>
#include <limits>
#include <thread>
#include <vector>

namespace burrow::dialect::mysql {
namespace {

// Connections creating tables at once (measured on 2 cores: see bench/README.md).
constexpr int kConnections = 4;

/// Where a share stopped: the index of its failing step (-1: its connection failed), or none.
struct ShareFailure {
    qsizetype step = std::numeric_limits<qsizetype>::max();
    Error error;
};

/// Steps first, first + stride, … on `db`, until the first failure.
ShareFailure runShare(const QSqlDatabase &db, const QList<LoadStep> &steps, int first,
                      const StepRunner &runStep)
{
    for (qsizetype i = first; i < steps.size(); i += kConnections) {
        if (Status done = runStep(db, steps[i]); !done)
            return ShareFailure{i, done.error()};
    }
    return {};
}

ShareFailure runShareOnOwnConnection(const DatabaseUrl &server, const QString &scratch,
                                     const QList<LoadStep> &steps, int first,
                                     const StepRunner &runStep)
{
    Result<std::unique_ptr<ScopedConnection>> connection = openServer(server, scratch);
    if (!connection)
        return ShareFailure{-1, connection.error()};
    if (Result<QSqlQuery> set = runQuery((*connection)->database(),
                                         QStringLiteral("SET SESSION foreign_key_checks = 0"));
        !set)
        return ShareFailure{-1, set.error()};
    return runShare((*connection)->database(), steps, first, runStep);
}

} // namespace

qsizetype independentTables(const QList<LoadStep> &steps)
{
    QSet<QString> seen; // lower case: table names may be case-insensitive on the server
    qsizetype count = 0;
    while (count < steps.size() && !steps[count].createdTable.isEmpty() &&
           !seen.contains(steps[count].createdTable.toLower()))
        seen.insert(steps[count++].createdTable.toLower());
    return count;
}

Status createTablesInParallel(const DatabaseUrl &server, const QString &scratch,
                              const QSqlDatabase &db, const QList<LoadStep> &steps,
                              const StepRunner &runStep)
{
    std::vector<ShareFailure> failures(kConnections);
    std::vector<std::thread> threads;
    for (int share = 1; share < kConnections; ++share)
        threads.emplace_back([&, share] {
            failures[share] = runShareOnOwnConnection(server, scratch, steps, share, runStep);
        });
    failures[0] = runShare(db, steps, 0, runStep);
    for (std::thread &thread : threads)
        thread.join();
    // Each share stops at its first failure, so every step before the earliest failure ran.
    const auto first = std::min_element(
        failures.begin(), failures.end(),
        [](const ShareFailure &a, const ShareFailure &b) { return a.step < b.step; });
    if (first->step == std::numeric_limits<qsizetype>::max())
        return Ok{};
    return first->error;
}

} // namespace burrow::dialect::mysql
