#include "postgres_scratch_database.h"

#include "../../sql/token_stream.h"
#include "postgres_catalog.h"
#include "postgres_errors.h"
#include "postgres_model_loader_p.h"
#include "postgres_model_reach_p.h"
#include "postgres_names.h"
#include "postgres_scratch_claim.h"
#include "postgres_session.h"

#include <QSqlError>

namespace burrow::dialect::postgres {
namespace {

using sql::Statement;

/// The schema name at `ts`, taken: folded to lower case unless quoted, as PostgreSQL reads it.
QString schemaNameAt(sql::TokenStream &ts)
{
    if (ts.atEnd())
        return {};
    const bool quoted = ts.peek().kind == sql::TokenKind::QuotedIdentifier;
    const QString name = ts.takeName();
    return quoted ? name : name.toLower();
}

/// The schema `CREATE SCHEMA …` creates, or empty for another statement. An unquoted name
/// folds to lower case, as PostgreSQL reads it; `AUTHORIZATION role` alone names it after the
/// role.
QString createdSchema(const QString &statement)
{
    if (!statement.contains(u"SCHEMA", Qt::CaseInsensitive))
        return {}; // most statements: no lexing
    sql::TokenStream ts(statement, lexerOptions());
    if (!ts.acceptKeyword(u"CREATE") || !ts.acceptKeyword(u"SCHEMA"))
        return {};
    if (ts.acceptKeyword(u"IF")) {
        ts.acceptKeyword(u"NOT");
        ts.acceptKeyword(u"EXISTS");
    }
    ts.acceptKeyword(u"AUTHORIZATION");
    return schemaNameAt(ts);
}

/// `ALTER SCHEMA a RENAME TO b`: a and b; empty for another statement.
std::pair<QString, QString> renamedSchema(const QString &statement)
{
    if (!statement.contains(u"RENAME", Qt::CaseInsensitive))
        return {};
    sql::TokenStream ts(statement, lexerOptions());
    if (!ts.acceptKeyword(u"ALTER") || !ts.acceptKeyword(u"SCHEMA"))
        return {};
    const QString from = schemaNameAt(ts);
    if (!ts.acceptKeyword(u"RENAME") || !ts.acceptKeyword(u"TO"))
        return {};
    return {from, schemaNameAt(ts)};
}

/// `CREATE DATABASE` with the live database's encoding and locale (collations and case rules
/// then normalize as there).
Result<QString> createDatabaseSql(Session &admin, const QString &name)
{
    Result<QSqlQuery> live = admin.run(QStringLiteral(
        "SELECT pg_catalog.pg_encoding_to_char(d.encoding), d.datcollate, d.datctype, "
        "pg_catalog.to_jsonb(d) ->> 'datlocprovider', pg_catalog.to_jsonb(d) ->> 'daticulocale' "
        "FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()"));
    if (!live)
        return live.error();
    QString sql = u"CREATE DATABASE " + quoteIdentifier(name) + u" TEMPLATE template0";
    if (!live->next())
        return sql;
    sql += u" ENCODING " + quoteLiteral(live->value(0).toString()) + u" LC_COLLATE " +
           quoteLiteral(live->value(1).toString()) + u" LC_CTYPE " +
           quoteLiteral(live->value(2).toString());
    if (live->value(3).toString() == u"i")
        sql += u" LOCALE_PROVIDER icu ICU_LOCALE " + quoteLiteral(live->value(4).toString());
    return sql;
}

Error creationError(const Error &engine, const DatabaseUrl &url, const QStringList &schemas)
{
    Error error = engine;
    error.message = engineMessage(engine.message, url);
    if (engine.engineCode == u"42501") {
        error.code = Error::Code::Unreadable;
        error.message = u"user \"" + url.user +
                        u"\" lacks the CREATEDB privilege, which loading a model that creates "
                        u"schemas (" +
                        schemas.join(u", ") + u") needs";
        error.hint = u"such a model runs in a scratch database that is dropped afterwards: "
                     u"ALTER ROLE " +
                     quoteIdentifier(url.user) + u" CREATEDB, or use a role that has it";
    }
    return error;
}

/// Runs SQL as one transaction (what cannot run in one, CREATE DATABASE say, fails). Qt's
/// exec() need not report an error after a batch's first statement: the query after it
/// succeeds only in a transaction not aborted.
Status ranInTransaction(Session &scratch, const QString &sql)
{
    if (Result<QSqlQuery> begun = scratch.run(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    // Not forward-only: Qt then reads every result of the batch before the next query.
    QSqlQuery query(scratch.database());
    const bool ran = query.exec(sql);
    Result<QSqlQuery> checked = scratch.run(QStringLiteral("SELECT 1"));
    if (ran && checked) {
        if (Result<QSqlQuery> committed = scratch.run(QStringLiteral("COMMIT")); committed)
            return Ok{};
    }
    (void)scratch.run(QStringLiteral("ROLLBACK"));
    if (!ran)
        return Error{Error::Code::Model,
                     query.lastError().databaseText(),
                     {},
                     0,
                     {},
                     {},
                     query.lastError().nativeErrorCode()};
    return checked ? Status(Error{Error::Code::Model, QStringLiteral("the transaction failed")})
                   : Status(checked.error());
}

/// Runs the model in the scratch database batch by batch; a batch that fails runs again
/// statement by statement, for an error naming the statement and its line.
Status runModel(Session &scratch, const QList<Statement> &statements)
{
    qsizetype from = 0;
    for (const Batch &batch : batchesOf(statements)) {
        if (!ranInTransaction(scratch, batch.sql)) {
            for (qsizetype i = from; i < from + batch.statements; ++i) {
                if (Status done = ranInTransaction(scratch, statements[i].text); !done)
                    return modelError(done.error(), statements[i], scratch.url());
            }
        }
        from += batch.statements;
    }
    return Ok{};
}

/// Runs the batches in the open transaction; the query after them succeeds only in a
/// transaction not aborted.
Status ranBatches(Session &scratch, const QList<Statement> &statements)
{
    if (Status ran = runBatches(scratch, statements); !ran)
        return ran;
    Result<QSqlQuery> checked = scratch.run(QStringLiteral("SELECT 1"));
    return checked ? Status(Ok{}) : Status(checked.error());
}

/// Runs the statements in one transaction, left open: in batches, or again one at a time
/// after a failure, for an error naming the failing statement and its line.
Status ranUncommitted(Session &scratch, const QList<Statement> &statements)
{
    if (Result<QSqlQuery> begun = scratch.run(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    if (ranBatches(scratch, statements))
        return Ok{};
    (void)scratch.run(QStringLiteral("ROLLBACK"));
    if (Result<QSqlQuery> begun = scratch.run(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    for (const Statement &statement : statements) {
        if (Result<QSqlQuery> done = runQuery(scratch.database(), statement.text); !done)
            return modelError(done.error(), statement, scratch.url());
    }
    return Error{Error::Code::Model, QStringLiteral("the model's transaction failed")};
}

/// A model that runs code while it loads is read inside its one transaction, which is then
/// rolled back: what the code did beyond the scratch database (a role it created, say) never
/// commits.
Result<schema::Schema> readUncommitted(Session &scratch, const QList<Statement> &statements,
                                       const QStringList &otherSchemas)
{
    Status ran = ranUncommitted(scratch, statements);
    Result<schema::Schema> schema =
        ran ? readCatalog(scratch, otherSchemas) : Result<schema::Schema>(ran.error());
    (void)scratch.run(QStringLiteral("ROLLBACK"));
    return schema;
}

/// The model's statements without those that create the URL's own schema (it is there).
QList<Statement> statementsFor(const model::ModelScript &script, const QString &ownSchema)
{
    QList<Statement> kept = statementsToRun(script);
    kept.removeIf([&](const Statement &s) { return createdSchema(s.text) == ownSchema; });
    return kept;
}

/// Creates the own schema where template0 lacks it, enters it, and reads the model back.
Result<schema::Schema> loadInto(const DatabaseUrl &url, const model::ModelScript &script,
                                const QStringList &otherSchemas)
{
    Result<std::unique_ptr<Session>> scratch = Session::open(url, Access::Scratch);
    if (!scratch)
        return scratch.error();
    const QString own = schemaOf(url);
    const QString quoted = quoteIdentifier(own);
    if (Result<QSqlQuery> created = (*scratch)->run(u"CREATE SCHEMA IF NOT EXISTS " + quoted);
        !created)
        return created.error();
    if (Result<QSqlQuery> entered = (*scratch)->run(
            u"SELECT pg_catalog.set_config('search_path', " + quoteLiteral(quoted) +
            u", false), pg_catalog.set_config('check_function_bodies', 'off', false)");
        !entered)
        return entered.error();
    const QList<Statement> statements = statementsFor(script, own);
    if (std::any_of(statements.cbegin(), statements.cend(), runsCodeWhileLoading))
        return readUncommitted(**scratch, statements, otherSchemas);
    if (Status ran = runModel(**scratch, statements); !ran)
        return ran.error();
    return readCatalog(**scratch, otherSchemas);
}

} // namespace

QStringList schemasCreatedBy(const model::ModelScript &script, const QString &ownSchema)
{
    QStringList schemas;
    for (const Statement &statement : script.statements) {
        QString name = createdSchema(statement.text);
        if (const auto [from, to] = renamedSchema(statement.text); schemas.removeOne(from))
            name = to; // a schema created by hand and renamed stays out of view, as before
        if (!name.isEmpty() && name != ownSchema && !schemas.contains(name))
            schemas.append(name);
    }
    return schemas;
}

Result<schema::Schema> loadModelInScratchDatabase(const DatabaseUrl &url,
                                                  const model::ModelScript &script,
                                                  const QStringList &otherSchemas)
{
    Result<std::unique_ptr<Session>> admin = Session::open(url, Access::Scratch);
    if (!admin)
        return admin.error();
    Result<QString> name = claimScratchDatabase(**admin, QStringLiteral("burrow_modeldb_"));
    if (!name)
        return name.error();
    DatabaseUrl scratchUrl = url;
    scratchUrl.database = *name;
    scratchUrl.otherSchemas.clear();
    Result<QString> create = createDatabaseSql(**admin, scratchUrl.database);
    if (!create)
        return create.error();
    if (Result<QSqlQuery> created = (*admin)->run(*create); !created)
        return creationError(created.error(), url, otherSchemas);
    Result<schema::Schema> model = loadInto(scratchUrl, script, otherSchemas);
    Result<QSqlQuery> dropped = (*admin)->run(
        u"DROP DATABASE IF EXISTS " + quoteIdentifier(scratchUrl.database) + u" WITH (FORCE)");
    // A model error matters more than a leftover, which the next such load removes anyway.
    if (!dropped && model)
        return dropped.error();
    return model;
}

} // namespace burrow::dialect::postgres
