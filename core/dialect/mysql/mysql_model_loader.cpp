#include "mysql_model_loader.h"

#include "../../sql/qualifier.h"
#include "../../sql/token_stream.h"
#include "mysql_catalog.h"
#include "mysql_connection.h"
#include "mysql_event_guard.h"
#include "mysql_events.h"
#include "mysql_index_folding.h"
#include "mysql_lexer.h"
#include "mysql_model_guard.h"
#include "mysql_normalize.h"
#include "mysql_parallel_tables.h"
#include "mysql_scratch_claim.h"

#include <QHash>

namespace burrow::dialect::mysql {
namespace {

// Fewer tables than this load on one connection: the others would cost more than they save.
constexpr qsizetype kMinParallelTables = 16;

enum NativeError {
    DatabaseAccessDenied = 1044,
    SpecificAccessDenied = 1227,
};

/// Whether the name at `i` starts the sequence a sequence function or NEXT/PREVIOUS VALUE FOR
/// reads: `nextval(`app`.`s`)`.
bool namesSequenceAt(QStringView source, const QList<sql::Token> &tokens, qsizetype i)
{
    if (i >= 2 && tokens[i - 1].text(source) == u"(")
        return sql::isKeyword(source, tokens[i - 2], u"nextval") ||
               sql::isKeyword(source, tokens[i - 2], u"lastval") ||
               sql::isKeyword(source, tokens[i - 2], u"setval");
    return i >= 2 && sql::isKeyword(source, tokens[i - 1], u"FOR") &&
           sql::isKeyword(source, tokens[i - 2], u"VALUE");
}

/// The model with the live database's name taken out where it qualifies a sequence the model
/// reads (mariadb-dump writes a default as nextval(`app`.`s`), as MariaDB keeps it): that is the
/// model's own sequence, in the scratch database, not the live one. Names elsewhere stay, for
/// the guard to refuse what would write to the live database.
model::ModelScript withoutOwnSequenceQualifier(model::ModelScript script, const QString &database)
{
    if (database.isEmpty())
        return script;
    sql::QualifierRules rules;
    rules.namesSchema = [&](QStringView source, const QList<sql::Token> &tokens, qsizetype i) {
        return sql::identifierName(source, tokens[i]) == database &&
               namesSequenceAt(source, tokens, i);
    };
    for (sql::Statement &statement : script.statements) {
        if (statement.text.contains(database))
            statement.text = sql::withoutQualifier(statement.text, lexerOptions(), rules);
    }
    return script;
}

Error modelError(const QString &message, const sql::Statement &statement, const QString &hint)
{
    return Error{Error::Code::Model, message,
                 statement.file,     lineOfEngineError(statement.line, message),
                 statement.text,     hint};
}

/// `CHARACTER SET x COLLATE y` of the live database, so that the model's columns get the same
/// defaults; empty when there is none to copy.
QString characterSetOf(const QSqlDatabase &db, const QString &database)
{
    Result<QSqlQuery> row =
        runBound(db,
                 QStringLiteral("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
                                "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?"),
                 {database});
    if (!row || !row->next())
        return {};
    return u" CHARACTER SET " + row->value(0).toString() + u" COLLATE " + row->value(1).toString();
}

Error createError(const Error &engine, const DatabaseUrl &server, const QString &name)
{
    Error error = engine;
    const int code = engine.engineCode.toInt();
    error.message =
        u"cannot create the scratch database " + name + u" for the model: " + engine.message;
    error.statement.clear();
    if (code == DatabaseAccessDenied || code == SpecificAccessDenied) {
        error.code = Error::Code::Unreadable;
        error.message = u"cannot load the model: user '" + server.user +
                        u"' lacks the CREATE privilege to make the scratch database " + name;
        error.hint = u"ask an administrator to GRANT CREATE, DROP ON `burrow\\_model\\_%`.* TO '" +
                     server.user + u"' (Burrow loads the model there and drops it again)";
    }
    return error;
}

/// An event runs DISABLE here whatever the model says (it would fire in the scratch database);
/// errors still name the model's own statement.
Status runStatement(const QSqlDatabase &db, const sql::Statement &statement)
{
    Result<QSqlQuery> done = runQuery(db, disarmedForScratch(statement.text));
    if (done)
        return Ok{};
    Error error =
        modelError(done.error().message, statement, QStringLiteral("fix the model definition"));
    error.engineCode = done.error().engineCode;
    return error;
}

/// A failing folded statement is re-run as the statements it stands for, so that the error
/// names the model's own statement and line. A failed CREATE TABLE leaves nothing behind
/// (MariaDB's DDL is atomic), so they start from where the folded one did.
Status runStep(const QSqlDatabase &db, const LoadStep &step)
{
    Status done = runStatement(db, step.statement);
    if (done || step.originals.isEmpty())
        return done;
    for (const sql::Statement &statement : step.originals) {
        if (Status original = runStatement(db, statement); !original)
            return original;
    }
    return Ok{}; // only the folded form failed: one by one, the model is loaded all the same
}

/// The trigger a `CREATE [OR REPLACE] [DEFINER = …] TRIGGER [IF NOT EXISTS] name` creates;
/// empty for any other statement.
QString createdTrigger(const sql::Statement &statement)
{
    sql::TokenStream ts(statement.text, lexerOptions());
    if (!ts.acceptKeyword(u"CREATE"))
        return {};
    while (!ts.atEnd() && !ts.peekKeyword(u"TRIGGER")) {
        if (ts.peekKeyword(u"TABLE") || ts.peekKeyword(u"VIEW") || ts.peekKeyword(u"PROCEDURE") ||
            ts.peekKeyword(u"FUNCTION") || ts.peekKeyword(u"EVENT") || ts.peekKeyword(u"INDEX"))
            return {};
        ts.seek(ts.position() + 1);
    }
    if (!ts.acceptKeyword(u"TRIGGER"))
        return {};
    if (ts.acceptKeyword(u"IF")) {
        (void)ts.acceptKeyword(u"NOT");
        (void)ts.acceptKeyword(u"EXISTS");
    }
    return ts.takeName();
}

/// The server keeps a trigger's statement as typed (SHOW CREATE TRIGGER, dumps), while the
/// catalog only tells its parts. So a model's trigger is created with the model's own
/// statement; its comparison form stays the catalog's, the same as a live trigger's.
void keepTriggerStatements(schema::Schema &schema, const QList<sql::Statement> &statements)
{
    QHash<QString, QString> typed; // trigger name → the last statement that created it
    for (const sql::Statement &statement : statements) {
        if (const QString name = createdTrigger(statement); !name.isEmpty())
            typed.insert(name, statement.text);
    }
    for (schema::Table &table : schema.tables) {
        for (schema::Trigger &trigger : table.triggers)
            trigger.definition.text = typed.value(trigger.name, trigger.definition.text);
    }
}

Result<schema::Schema> runModel(const DatabaseUrl &server, const QSqlDatabase &db,
                                const QString &name, const model::ModelScript &script)
{
    const QStringList setup{u"USE " + quoteIdentifier(name),
                            QStringLiteral("SET SESSION foreign_key_checks = 0")};
    for (const QString &statement : setup) {
        if (Result<QSqlQuery> done = runQuery(db, statement); !done)
            return done.error();
    }
    const QList<LoadStep> steps = foldIndexesIntoTables(script.statements);
    qsizetype next = independentTables(steps);
    if (next >= kMinParallelTables) {
        if (Status created = createTablesInParallel(server, name, db, steps.first(next), runStep);
            !created)
            return created.error();
    } else {
        next = 0;
    }
    for (const LoadStep &step : steps.sliced(next)) {
        if (Status done = runStep(db, step); !done)
            return done.error();
    }
    Result<schema::Schema> schema = readCatalog(db, name);
    if (schema) {
        clearGeneratedNames(*schema);
        keepTriggerStatements(*schema, script.statements);
        restoreEventStatuses(*schema, declaredEventStatuses(script.statements));
        keepModelEvents(*schema, script.statements);
    }
    return schema;
}

} // namespace

Result<QString> modelContextOf(const DatabaseUrl &server)
{
    Result<std::unique_ptr<ScopedConnection>> connection = openServer(server, QString());
    if (!connection)
        return connection.error();
    Result<QSqlQuery> row = runBound(
        (*connection)->database(),
        QStringLiteral("SELECT CONCAT_WS('\\n', VERSION(), CURRENT_USER(), @@SESSION.sql_mode, "
                       "@@lower_case_table_names, @@character_set_server, @@collation_server, "
                       "@@default_storage_engine, @@innodb_default_row_format, "
                       "@@explicit_defaults_for_timestamp, s.DEFAULT_CHARACTER_SET_NAME, "
                       "s.DEFAULT_COLLATION_NAME) FROM information_schema.SCHEMATA s "
                       "WHERE s.SCHEMA_NAME = ?"),
        {server.database});
    if (!row)
        return row.error();
    return row->next() ? row->value(0).toString() : QString(); // no database: nothing to key
}

Result<schema::Schema> loadModelOnServer(const DatabaseUrl &server,
                                         const model::ModelScript &modelScript)
{
    const model::ModelScript script = withoutOwnSequenceQualifier(modelScript, server.database);
    if (Status stays = checkStaysInScratch(script); !stays)
        return stays.error();
    Result<std::unique_ptr<ScopedConnection>> connection = openServer(server, QString());
    if (!connection)
        return connection.error();
    const QSqlDatabase &db = (*connection)->database();
    Result<QString> claimed = claimScratchDatabase(db, QStringLiteral("burrow_model_"));
    if (!claimed)
        return claimed.error();
    const QString name = *claimed;
    const QString create =
        u"CREATE DATABASE " + quoteIdentifier(name) + characterSetOf(db, server.database);
    if (Result<QSqlQuery> created = runQuery(db, create); !created)
        return createError(created.error(), server, name);
    Result<schema::Schema> schema = runModel(server, db, name, script);
    // Always dropped, also after a failing statement; a failed drop must not go unnoticed.
    Result<QSqlQuery> dropped = runQuery(db, u"DROP DATABASE IF EXISTS " + quoteIdentifier(name));
    if (!dropped && schema)
        return Error{Error::Code::Sql,
                     u"cannot drop the model's scratch database " + name + u": " +
                         dropped.error().message,
                     {},
                     0,
                     {},
                     u"drop it by hand: DROP DATABASE " + quoteIdentifier(name)};
    return schema;
}

} // namespace burrow::dialect::mysql
