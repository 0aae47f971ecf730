#include "postgres_model_loader.h"

#include "../../sql/token_stream.h"
#include "postgres_catalog.h"
#include "postgres_errors.h"
#include "postgres_extensions.h"
#include "postgres_model_loader_p.h"
#include "postgres_model_reach_p.h"
#include "postgres_names.h"
#include "postgres_scratch_schema.h"
#include "postgres_session.h"

#include <QRegularExpression>
#include <QSqlError>

#include <span>

namespace burrow::dialect::postgres {
namespace {

using sql::Statement;

/// The model's statements but those setting the compared schema's own privileges and comment
/// (setsOwnSchemaSettings), which Burrow does not compare.
QList<Statement> withoutOwnSchemaSettings(QList<Statement> statements, const QString &schema)
{
    statements.removeIf(
        [&](const Statement &statement) { return setsOwnSchemaSettings(statement, schema); });
    return statements;
}

Error scratchSchemaError(const Error &engine, const DatabaseUrl &url)
{
    Error error = engine;
    error.message = engineMessage(engine.message, url);
    if (engine.engineCode == u"42501" || error.message.contains(u"permission denied")) {
        error.code = Error::Code::Unreadable;
        error.message = u"user \"" + url.user + u"\" lacks the CREATE privilege on database \"" +
                        url.database + u"\", which loading the model needs";
        error.hint =
            u"the model runs in a scratch schema that is removed afterwards: GRANT CREATE ON "
            u"DATABASE " +
            quoteIdentifier(url.database) + u" TO " + quoteIdentifier(url.user) +
            u", or use a role that has it";
    }
    return error;
}

// Statements go to the server in batches of about this many characters: one round trip per
// batch instead of one per statement (37 instead of 3,028 for a 1,000-table model).
constexpr qsizetype kBatchChars = 64 * 1024;

// A transaction of the loader may take about half the server's lock table (the server's other
// sessions need room too), and a statement about four locks (its table, TOAST table and index,
// an index, the table a foreign key names). A chunk that still runs out is halved.
constexpr int kLocksPerStatement = 4;

/// How many model statements one transaction of the loader may run.
Result<int> statementsPerChunk(Session &session)
{
    Result<QSqlQuery> locks = session.run(
        QStringLiteral("SELECT pg_catalog.current_setting('max_locks_per_transaction')::int * "
                       "(pg_catalog.current_setting('max_connections')::int + "
                       "pg_catalog.current_setting('max_prepared_transactions')::int)"));
    if (!locks)
        return locks.error();
    const int tableSize = locks->next() ? locks->value(0).toInt() : 0;
    return std::max(1, tableSize / 2 / kLocksPerStatement);
}

bool isLockTableFull(const Error &error)
{
    return error.engineCode == u"53200";
}

/// Runs a model in chunks of statements, each chunk one transaction, so that no transaction
/// needs more locks than the server's lock table holds. The first chunk creates the scratch
/// schema: a model that fits one chunk is read back and rolled back with the schema (nothing is
/// ever committed, and a rollback is much faster than a DROP); a larger one commits its chunks
/// but the last, and the caller drops the schema.
///
/// With `alsoSearched` (the schemas of installed extensions the model uses, whose types and
/// functions it must see), the scratch schema is no longer all the model's unqualified names
/// reach: the load is then one transaction, never committed, whatever its statements did there.
/// So is a model that runs code while it loads (runsCodeWhileLoading) or changes what the whole
/// database shares (changesSharedObjects), and before each commit checkNothingSharedChanged
/// proves that nothing of the kind slipped past.
class ChunkedLoad {
public:
    ChunkedLoad(Session &session, QString scratch, QList<Statement> statements, int chunk,
                QStringList alsoSearched)
        : m_session(session)
        , m_scratch(std::move(scratch))
        , m_statements(std::move(statements))
        , m_chunk(chunk)
        , m_alsoSearched(std::move(alsoSearched))
        , m_whole(!m_alsoSearched.isEmpty() ||
                  std::any_of(m_statements.cbegin(), m_statements.cend(), mustLoadUncommitted))
    {
        if (m_whole)
            m_chunk = int(std::max<qsizetype>(m_statements.size(), 1));
    }

    Result<schema::Schema> run()
    {
        for (qsizetype next = 0;;) {
            const qsizetype end =
                next == 0 ? firstChunkEnd() : std::min(next + m_chunk, m_statements.size());
            Status ran = runChunk(next, end);
            if (!ran) {
                rollBack();
                if (!isLockTableFull(ran.error()) || end - next == 1 || m_whole)
                    return ran.error();
                m_chunk = int(end - next) / 2;
                continue;
            }
            if (end == m_statements.size()) {
                Result<schema::Schema> schema = readCatalog(m_session);
                rollBack();
                return schema;
            }
            if (Status shared = checkNothingSharedChanged(m_session); !shared) {
                rollBack();
                return shared.error();
            }
            if (Result<QSqlQuery> committed = m_session.run(QStringLiteral("COMMIT")); !committed)
                return committed.error();
            m_committed = true;
            next = end;
        }
    }

    /// Whether the scratch schema was committed and must be dropped.
    bool committed() const { return m_committed; }

private:
    /// The first chunk takes the remainder, so that the last one is full: it is rolled back
    /// instead of committed and dropped, which costs several times as much.
    qsizetype firstChunkEnd() const
    {
        const qsizetype size = m_statements.size();
        return size <= m_chunk ? size : size - m_chunk * ((size - 1) / m_chunk);
    }

    /// Runs statements [from, end) in a new transaction, left open.
    Status runChunk(qsizetype from, qsizetype end)
    {
        if (Status begun = begin(); !begun)
            return begun;
        const std::span<const Statement> chunk(m_statements.constData() + from, end - from);
        Status batched = runBatched(chunk);
        if (batched)
            return batched;
        if (isLockTableFull(batched.error())) // the caller halves the chunk, down to one statement
            return chunk.size() == 1 ? modelError(batched.error(), chunk.front(), m_session.url())
                                     : batched;
        // Again one statement at a time, for an error that names the failing one and its line.
        rollBack();
        if (Status begun = begin(); !begun)
            return begun;
        return runEach(chunk);
    }

    Status begin()
    {
        if (Result<QSqlQuery> begun = m_session.run(QStringLiteral("BEGIN")); !begun)
            return begun.error();
        const QString scratch = quoteIdentifier(m_scratch);
        QString searchPath = scratch;
        for (const QString &schema : m_alsoSearched)
            searchPath += u", " + quoteIdentifier(schema);
        if (!m_committed) {
            if (Result<QSqlQuery> created = m_session.run(u"CREATE SCHEMA " + scratch); !created)
                return scratchSchemaError(created.error(), m_session.url());
        }
        // Function bodies may name tables that later statements create (as pg_dump does).
        Result<QSqlQuery> entered = m_session.run(
            u"SELECT pg_catalog.set_config('search_path', " + quoteLiteral(searchPath) +
            u", true), pg_catalog.set_config('check_function_bodies', 'off', true)");
        return entered ? Status(Ok{}) : Status(entered.error());
    }

    /// Qt's exec() need not report an error after a batch's first statement, so the check
    /// that follows proves that none failed: it succeeds only in a transaction not aborted.
    Status runBatched(std::span<const Statement> chunk)
    {
        if (Status ran = runBatches(m_session, chunk); !ran)
            return ran;
        return checkNothingOutside(m_session);
    }

    Status runEach(std::span<const Statement> chunk)
    {
        for (const Statement &statement : chunk) {
            if (Result<QSqlQuery> done = runQuery(m_session.database(), statement.text); !done)
                return modelError(done.error(), statement, m_session.url());
        }
        return checkNothingOutside(m_session);
    }

    void rollBack() { (void)m_session.run(QStringLiteral("ROLLBACK")); }

    Session &m_session;
    QString m_scratch;
    QList<Statement> m_statements;
    int m_chunk;
    QStringList m_alsoSearched;
    bool m_whole; // never committed: the model reaches past the scratch schema, or runs code
    bool m_committed = false;
};

/// pg_dump's `SELECT pg_catalog.set_config('search_path', '', false)`.
bool setsSearchPathByFunction(const sql::TokenStream &ts)
{
    qsizetype i = 1;
    if (!ts.isKeywordAt(0, u"SELECT"))
        return false;
    if (ts.isKeywordAt(i, u"pg_catalog") && ts.isSymbolAt(i + 1, u"."))
        i += 2;
    return ts.isKeywordAt(i, u"set_config") && ts.isSymbolAt(i + 1, u"(") &&
           ts.at(i + 2).kind == sql::TokenKind::String &&
           ts.text(i + 2).compare(u"'search_path'", Qt::CaseInsensitive) == 0;
}

/// `ALTER … OWNER TO role` (not a column named owner renamed TO another name).
bool setsOwner(const sql::TokenStream &ts)
{
    const qsizetype n = ts.size();
    return ts.isKeywordAt(0, u"ALTER") && n >= 5 && ts.isKeywordAt(n - 3, u"OWNER") &&
           ts.isKeywordAt(n - 2, u"TO") && !ts.isKeywordAt(n - 4, u"COLUMN") &&
           !ts.isKeywordAt(n - 4, u"RENAME");
}

/// GRANT or REVOKE of privileges ON an object (a role membership has no ON).
bool grantsOnObject(const sql::TokenStream &ts)
{
    if (!ts.isKeywordAt(0, u"GRANT") && !ts.isKeywordAt(0, u"REVOKE"))
        return false;
    for (qsizetype i = 1; i < ts.size(); ++i) {
        if (ts.isKeywordAt(i, u"ON"))
            return true;
    }
    return false;
}

} // namespace

Error modelError(const Error &engine, const Statement &statement, const DatabaseUrl &url)
{
    // 53200 "out of shared memory": the lock table is full. The loader's transactions are
    // kept small enough, so one statement alone needs more locks than the table has room for.
    if (engine.engineCode == u"53200")
        return Error{Error::Code::Unsupported,
                     u"a model statement needs more locks than PostgreSQL at " + url.host + u':' +
                         QString::number(url.port) +
                         u" has room for in its lock table (out of shared memory)",
                     statement.file,
                     statement.line,
                     {},
                     QStringLiteral("raise max_locks_per_transaction on the server (ALTER SYSTEM "
                                    "SET max_locks_per_transaction = 1024, then restart it), or "
                                    "split the statement: each table and index it creates holds "
                                    "a lock until it ends"),
                     engine.engineCode};
    // 42710 duplicate_object: the model loads in the live database, which has it already.
    const bool sharedExists = engine.engineCode == u"42710" && changesSharedObjects(statement);
    return Error{Error::Code::Model,
                 engineMessage(engine.message, url),
                 statement.file,
                 lineOfEngineError(statement.line, engine.message),
                 statement.text,
                 sharedExists
                     ? QStringLiteral("the model is loaded in the live database, which has this "
                                      "already, and Burrow neither compares nor migrates it: "
                                      "remove the statement from the model")
                     : QStringLiteral("fix the model definition"),
                 engine.engineCode};
}

/// The statements the loader runs (without those isSkippedModelStatement() names).
QList<Statement> statementsToRun(const model::ModelScript &script)
{
    QList<Statement> kept;
    for (const Statement &statement : script.statements) {
        if (!isSkippedModelStatement(statement.text))
            kept.append(statement);
    }
    return kept;
}

/// Statements joined into multi-statement queries. The separator starts on a line of its own,
/// so a statement ending in a -- comment cannot swallow it.
QList<Batch> batchesOf(std::span<const Statement> statements)
{
    QList<Batch> batches;
    Batch batch;
    for (const Statement &statement : statements) {
        if (batch.statements > 0 && batch.sql.size() + statement.text.size() > kBatchChars) {
            batches.append(batch);
            batch = {};
        }
        batch.sql += batch.statements == 0 ? statement.text : u"\n;\n" + statement.text;
        ++batch.statements;
    }
    if (batch.statements > 0)
        batches.append(batch);
    return batches;
}

Status runBatches(Session &session, std::span<const Statement> statements)
{
    for (const Batch &batch : batchesOf(statements)) {
        // Not forward-only: Qt then reads every result of the batch before the next query.
        QSqlQuery query(session.database());
        if (!query.exec(batch.sql))
            return Error{Error::Code::Model,
                         query.lastError().databaseText(),
                         {},
                         0,
                         {},
                         {},
                         query.lastError().nativeErrorCode()};
    }
    return Ok{};
}

bool isSkippedModelStatement(const QString &statement)
{
    sql::TokenStream ts(statement, lexerOptions());
    for (QStringView word :
         {u"BEGIN", u"START", u"COMMIT", u"END", u"ROLLBACK", u"ABORT", u"SAVEPOINT", u"RELEASE"}) {
        if (ts.peekKeyword(word))
            return true;
    }
    if (ts.peekKeyword(u"PREPARE") && ts.peekKeyword(u"TRANSACTION", 1))
        return true;
    if (setsSearchPathByFunction(ts) || setsOwner(ts) || grantsOnObject(ts))
        return true;
    if (!ts.acceptKeyword(u"SET"))
        return false;
    if (!ts.acceptKeyword(u"SESSION"))
        ts.acceptKeyword(u"LOCAL");
    return ts.peekKeyword(u"search_path") || ts.peekKeyword(u"SCHEMA");
}

Result<schema::Schema> loadModelSchema(const DatabaseUrl &url, const model::ModelScript &script,
                                       const ModelLoadLimits &limits)
{
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::Scratch);
    if (!session)
        return session.error();
    Result<ScratchSchema> scratch = ScratchSchema::claim(**session);
    if (!scratch)
        return scratch.error();
    Result<int> chunk = limits.statementsPerChunk > 0 ? Result<int>(limits.statementsPerChunk)
                                                      : statementsPerChunk(**session);
    if (!chunk)
        return chunk.error();
    Result<QMap<QString, QString>> installed = installedExtensions(**session);
    if (!installed)
        return installed.error();
    ChunkedLoad load(
        **session, scratch->name(),
        withExtensionsForScratch(withoutOwnSchemaSettings(statementsToRun(script), schemaOf(url)),
                                 *installed),
        *chunk, schemasOfInstalled(extensionsNamedIn(script), *installed));
    Result<schema::Schema> schema = load.run();
    if (load.committed()) {
        // A model error matters more than a leftover, which the next load removes anyway.
        if (Status dropped = scratch->drop(**session); !dropped && schema)
            return dropped.error();
    }
    return schema;
}

} // namespace burrow::dialect::postgres
