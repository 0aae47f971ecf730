#include "postgres_model_loader.h"

#include "../../sql/token_stream.h"
#include "postgres_catalog.h"
#include "postgres_errors.h"
#include "postgres_names.h"
#include "postgres_session.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace burrow::dialect::postgres {
namespace {

using sql::Statement;

QString scratchSchemaName()
{
    return u"burrow_model_" + QString::number(QRandomGenerator::system()->generate64(), 16);
}

// The line the engine points at (its "LINE n:" is counted within the statement).
int lineOfError(const Statement &statement, const QString &engineText)
{
    static const QRegularExpression lineMark(QStringLiteral("\\bLINE (\\d+):"));
    const QRegularExpressionMatch m = lineMark.match(engineText);
    return statement.line + (m.hasMatch() ? m.captured(1).toInt() - 1 : 0);
}

Error modelError(const Error &engine, const Statement &statement, const DatabaseUrl &url)
{
    // 53200 "out of shared memory": the model is loaded in one transaction that is rolled back,
    // and every table, index and sequence it creates holds a lock until then. Not the model's
    // fault: the server's lock table is too small for it.
    if (engine.engineCode == u"53200")
        return Error{Error::Code::Unsupported,
                     u"the model is too large to load in one transaction on PostgreSQL at " +
                         url.host + u':' + QString::number(url.port) +
                         u": its lock table ran out (out of shared memory)",
                     statement.file,
                     statement.line,
                     {},
                     QStringLiteral("raise max_locks_per_transaction on the server (ALTER SYSTEM "
                                    "SET max_locks_per_transaction = 1024, then restart it): "
                                    "each model table needs a few locks until the scratch "
                                    "schema is rolled back"),
                     engine.engineCode};
    return Error{Error::Code::Model, engineMessage(engine.message, url),
                 statement.file,     lineOfError(statement, engine.message),
                 statement.text,     QStringLiteral("fix the model definition"),
                 engine.engineCode};
}

Error scratchSchemaError(const Error &engine, const DatabaseUrl &url)
{
    Error error = engine;
    error.message = engineMessage(engine.message, url);
    if (engine.engineCode == u"42501" || error.message.contains(u"permission denied")) {
        error.code = Error::Code::Unreadable;
        error.message = u"user \"" + url.user + u"\" lacks the CREATE privilege on database \"" +
                        url.database + u"\", which loading the model needs";
        error.hint = u"the model runs in a scratch schema that is rolled back: GRANT CREATE ON "
                     u"DATABASE " +
                     quoteIdentifier(url.database) + u" TO " + quoteIdentifier(url.user) +
                     u", or use a role that has it";
    }
    return error;
}

// Relations the transaction created or changed anywhere but the scratch schema: a model
// naming `public.book` would silently be missing from the model otherwise.
Status checkNothingOutside(Session &session)
{
    Result<QSqlQuery> query = session.run(QStringLiteral(
        "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.xmin::text = (pg_catalog.txid_current() % 4294967296)::text "
        "AND n.nspname <> pg_catalog.current_schema() AND n.nspname NOT LIKE 'pg\\_temp\\_%' "
        "AND c.relkind IN ('r', 'p', 'v', 'm', 'f') LIMIT 1"));
    if (!query)
        return query.error();
    if (!query->next())
        return Ok{};
    return Error{Error::Code::Model,
                 u"the model creates or changes " + quoteIdentifier(query->value(0).toString()) +
                     u'.' + quoteIdentifier(query->value(1).toString()) +
                     u" outside the scratch schema it is loaded into",
                 {},
                 0,
                 {},
                 u"write the model's names without a schema: Burrow compares them with schema \"" +
                     schemaOf(session.url()) + u'"'};
}

// Statements go to the server in batches of about this many characters: one round trip per
// batch instead of one per statement (37 instead of 3,028 for a 1,000-table model).
constexpr qsizetype kBatchChars = 64 * 1024;

/// The model's statements joined into multi-statement queries. The separator starts on a line
/// of its own, so a statement ending in a -- comment cannot swallow it.
QStringList batchesOf(const QList<Statement> &statements)
{
    QStringList batches;
    QString batch;
    for (const Statement &statement : statements) {
        if (isSkippedModelStatement(statement.text))
            continue;
        if (!batch.isEmpty() && batch.size() + statement.text.size() > kBatchChars) {
            batches.append(batch);
            batch.clear();
        }
        batch += batch.isEmpty() ? statement.text : u"\n;\n" + statement.text;
    }
    if (!batch.isEmpty())
        batches.append(batch);
    return batches;
}

/// Runs the model in batches; false when any statement failed (the transaction is then
/// aborted). Qt's exec() need not report an error after a batch's first statement, so a final
/// query proves that none failed: it succeeds only in a transaction that is not aborted.
bool runBatched(Session &session, const model::ModelScript &script)
{
    for (const QString &batch : batchesOf(script.statements)) {
        // Not forward-only: Qt then reads every result of the batch before the next query.
        QSqlQuery query(session.database());
        if (!query.exec(batch))
            return false;
    }
    return runQuery(session.database(), QStringLiteral("SELECT 1")).ok();
}

/// Runs the model one statement at a time, so that a failure names its statement and line.
Status runEach(Session &session, const model::ModelScript &script)
{
    for (const Statement &statement : script.statements) {
        if (isSkippedModelStatement(statement.text))
            continue;
        if (Result<QSqlQuery> done = runQuery(session.database(), statement.text); !done)
            return modelError(done.error(), statement, session.url());
    }
    return Ok{};
}

/// How the model's statements are sent: in batches (fast), or one by one (a failure then names
/// its statement and line).
enum class Send { Batched, OneByOne };

Result<schema::Schema> loadInTransaction(Session &session, const model::ModelScript &script,
                                         Send send, bool &batchFailed)
{
    const QString scratch = quoteIdentifier(scratchSchemaName());
    if (Result<QSqlQuery> created = session.run(u"CREATE SCHEMA " + scratch); !created)
        return scratchSchemaError(created.error(), session.url());
    // Function bodies may name tables that later statements create (as pg_dump does).
    Result<QSqlQuery> entered =
        session.run(u"SELECT pg_catalog.set_config('search_path', " + quoteLiteral(scratch) +
                    u", true), pg_catalog.set_config('check_function_bodies', 'off', true)");
    if (!entered)
        return entered.error();
    if (send == Send::Batched) {
        batchFailed = !runBatched(session, script);
        if (batchFailed)
            return Error{Error::Code::Model, QStringLiteral("a batch of the model failed")};
    } else if (Status ran = runEach(session, script); !ran) {
        return ran.error();
    }
    if (Status inside = checkNothingOutside(session); !inside)
        return inside.error();
    return readCatalog(session);
}

Result<schema::Schema> loadOnce(Session &session, const model::ModelScript &script, Send send,
                                bool &batchFailed)
{
    if (Result<QSqlQuery> begun = session.run(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    Result<schema::Schema> schema = loadInTransaction(session, script, send, batchFailed);
    // Always rolled back: the scratch schema and everything the model did vanish together.
    (void)session.run(QStringLiteral("ROLLBACK"));
    return schema;
}

} // namespace

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
    if (!ts.acceptKeyword(u"SET"))
        return false;
    if (!ts.acceptKeyword(u"SESSION"))
        ts.acceptKeyword(u"LOCAL");
    return ts.peekKeyword(u"search_path") || ts.peekKeyword(u"SCHEMA");
}

Result<schema::Schema> loadModelSchema(const DatabaseUrl &url, const model::ModelScript &script)
{
    Result<std::unique_ptr<Session>> session = Session::open(url, Access::Scratch);
    if (!session)
        return session.error();
    bool batchFailed = false;
    Result<schema::Schema> schema = loadOnce(**session, script, Send::Batched, batchFailed);
    // A failing model is loaded again statement by statement, for an error that names the
    // failing statement and line: twice the work, but only for a model that does not load.
    if (batchFailed)
        schema = loadOnce(**session, script, Send::OneByOne, batchFailed);
    return schema;
}

} // namespace burrow::dialect::postgres
