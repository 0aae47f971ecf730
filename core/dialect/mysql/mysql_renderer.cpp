#include "mysql_renderer.h"

#include "../../sql/token_stream.h"
#include "mysql_alter.h"
#include "mysql_connection.h"
#include "mysql_definer.h"
#include "mysql_events.h"
#include "mysql_lexer.h"
#include "mysql_routines.h"
#include "mysql_sequences.h"
#include "mysql_sql_mode.h"
#include "mysql_table_sql.h"
#include "mysql_trigger_sql.h"
#include "mysql_type_width.h"

namespace burrow::dialect::mysql {

using namespace schema;

const sql::LexerOptions &MysqlRenderer::lexerOptions() const
{
    return mysql::lexerOptions();
}

QString MysqlRenderer::quote(const QString &identifier) const
{
    return quoteIdentifier(identifier);
}

QStringList MysqlRenderer::createTable(const Table &table) const
{
    return {createTableSql(table)};
}

QStringList MysqlRenderer::dropTable(const Table &table) const
{
    return {u"DROP TABLE " + quote(table.name)};
}

QStringList MysqlRenderer::renameTable(const QString &from, const QString &to) const
{
    return {u"RENAME TABLE " + quote(from) + u" TO " + quote(to)};
}

QStringList MysqlRenderer::renameColumn(const QString &table, const QString &from,
                                        const QString &to) const
{
    return {u"ALTER TABLE " + quote(table) + u" RENAME COLUMN " + quote(from) + u" TO " +
            quote(to)};
}

// IF NOT EXISTS: a foreign key of a table created just before made its index already (InnoDB
// indexes every foreign key), under the name the model's own index has.
QStringList MysqlRenderer::createIndex(const QString &table, const Index &index) const
{
    QString sql = createIndexSql(table, index, indexKind(index));
    sql.replace(u"INDEX " + quote(index.name) + u" ON ",
                u"INDEX IF NOT EXISTS " + quote(index.name) + u" ON ");
    return {sql};
}

QStringList MysqlRenderer::dropIndex(const QString &table, const Index &index) const
{
    return {u"DROP INDEX " + quote(index.name) + u" ON " + quote(table)};
}

// In place, the index kept (MariaDB 10.5.2 and later, MySQL 5.7).
QStringList MysqlRenderer::renameIndex(const QString &table, const QString &from,
                                       const QString &to) const
{
    return {u"ALTER TABLE " + quote(table) + u" RENAME INDEX " + quote(from) + u" TO " + quote(to)};
}

// Views, triggers and routines are the user's own SQL: recreated as the server reports them,
// run as they were (by their definer; a body under the sql_mode it was written for).
QStringList MysqlRenderer::createView(const View &view) const
{
    return {withDefiner(view.definition.text, view.definer)};
}

QStringList MysqlRenderer::dropView(const View &view) const
{
    return {u"DROP VIEW " + quote(view.name)};
}

QStringList MysqlRenderer::createTrigger(const QString &, const Trigger &trigger) const
{
    return underSqlMode({withDefiner(trigger.definition.text, trigger.definer)}, trigger.sqlMode);
}

QStringList MysqlRenderer::createPlacedTrigger(const QString &, const Trigger &trigger,
                                               const plan::TriggerPlacement &placement) const
{
    const QString create = withDefiner(trigger.definition.text, trigger.definer);
    return underSqlMode({placedTriggerSql(create, placement)}, trigger.sqlMode);
}

QStringList MysqlRenderer::dropTrigger(const QString &, const Trigger &trigger) const
{
    return {u"DROP TRIGGER " + quote(trigger.name)};
}

// CREATE OR REPLACE (MariaDB: views and triggers, one atomic statement). Around it stand the
// SET sql_mode statements of a trigger's body; a CREATE … IF NOT EXISTS cannot take OR REPLACE.
QStringList MysqlRenderer::replaceReader(const QStringList &drop, const QStringList &create) const
{
    QStringList replaced = create;
    for (QString &statement : replaced) {
        if (std::optional<QString> sql = createOrReplaceSql(statement)) {
            statement = *sql;
            return replaced;
        }
    }
    return drop + create;
}

// A model's event is created with its own statement (its DEFINER and STARTS as typed), a live
// one with the statement rebuilt from the catalog.
QStringList MysqlRenderer::createEvent(const Event &event) const
{
    return underSqlMode({event.sql}, event.sqlMode);
}

QStringList MysqlRenderer::dropEvent(const Event &event) const
{
    return {u"DROP EVENT " + quote(event.name)};
}

QStringList MysqlRenderer::alterEvent(const Event &live, const Event &target) const
{
    return alterEventSql(live, target);
}

QStringList MysqlRenderer::createFunction(const Function &routine) const
{
    return underSqlMode({withDefiner(routine.definition.text, routine.definer)}, routine.sqlMode);
}

QStringList MysqlRenderer::dropFunction(const Function &routine) const
{
    return {dropRoutineSql(routine)};
}

// CREATE OR REPLACE keeps it in place (a routine has no dependents MariaDB tracks).
QStringList MysqlRenderer::alterFunction(const Function &live, const Function &target) const
{
    return replaceRoutineSql(live, target);
}

QStringList MysqlRenderer::createSequence(const Sequence &sequence) const
{
    return {createSequenceSql(sequence)};
}

QStringList MysqlRenderer::dropSequence(const Sequence &sequence) const
{
    return {dropSequenceSql(sequence)};
}

QStringList MysqlRenderer::alterSequence(const Sequence &live, const Sequence &target) const
{
    return alterSequenceSql(live, target);
}

plan::TableAlteration MysqlRenderer::alterTable(const Table &live, const Table &target) const
{
    return alterTableSql(live, target);
}

// A key the model leaves unnamed takes the name the server gave it in the model's load, as in
// CREATE TABLE and ALTER TABLE: the down section finds it under that name.
QStringList MysqlRenderer::dropForeignKey(const QString &table, const ForeignKey &fk) const
{
    return {u"ALTER TABLE " + quoteIdentifier(table) + u" DROP FOREIGN KEY " +
            quoteIdentifier(foreignKeyName(table, fk, Table{}))};
}

QStringList MysqlRenderer::addForeignKey(const QString &table, const ForeignKey &fk) const
{
    return {u"ALTER TABLE " + quoteIdentifier(table) + u" ADD " +
            foreignKeyClause(foreignKeyName(table, fk, Table{}), fk)};
}

bool MysqlRenderer::narrowsType(const Column &from, const Column &to) const
{
    return narrows(from.typeKey, to.typeKey);
}

QString MysqlRenderer::valuesNotHeld(const Column &from, const Column &to) const
{
    return mysql::valuesNotHeld(from.typeKey, to.typeKey, quote(from.name));
}

// A prefix part (`name`(10), as the catalog reads it) keys on the first 10 characters (bytes of
// a binary string): LEFT counts alike.
QString MysqlRenderer::indexedValue(const Expression &part) const
{
    const sql::TokenStream ts(part.text, lexerOptions());
    if (ts.size() == 4 && ts.isNameAt(0) && ts.isSymbolAt(1, u"(") &&
        ts.at(2).kind == sql::TokenKind::Number && ts.isSymbolAt(3, u")"))
        return u"LEFT(" + ts.sourceText(0, 1) + u", " + ts.text(2) + u')';
    return SqlRenderer::indexedValue(part);
}

// DDL commits implicitly in MySQL: no transaction can hold a section, so none is claimed.
plan::SectionText MysqlRenderer::wrapSection(const QStringList &statements, bool,
                                             const QStringList &) const
{
    return {
        escapedLiteralsSection(statements),
        false,
        {QStringLiteral("MariaDB/MySQL commits every DDL statement on its own: this migration "
                        "cannot roll back"),
         QStringLiteral("as a whole. burrow-cli apply rehearses it on a scratch copy, backs "
                        "up first, and records"),
         QStringLiteral("how many statements ran, so a failure says exactly what to restore.")}};
}

// MariaDB/MySQL have no NOT VALID constraints. Online index builds are InnoDB's in-place ALTER
// without a lock, asked for explicitly: a build that cannot run so fails instead of locking.
Status MysqlRenderer::supportsOnline(const plan::OnlineOptions &options) const
{
    if (!options.notValidConstraints)
        return Ok{};
    return Error{Error::Code::InvalidArgument,
                 QStringLiteral("--not-valid is not supported on MariaDB/MySQL: they have no NOT "
                                "VALID constraints"),
                 {},
                 0,
                 {},
                 QStringLiteral("plan without --not-valid")};
}

QStringList MysqlRenderer::createIndexOnline(const QString &table, const Index &index) const
{
    return {createIndex(table, index).join(u' ') + u" ALGORITHM=INPLACE LOCK=NONE"};
}

// MariaDB's DROP INDEX takes one of the two options only; ALTER TABLE takes both.
QStringList MysqlRenderer::dropIndexOnline(const QString &table, const Index &index) const
{
    return {u"ALTER TABLE " + quote(table) + u" DROP INDEX " + quote(index.name) +
            u", ALGORITHM=INPLACE, LOCK=NONE"};
}

plan::SectionText MysqlRenderer::onlineSection(const QStringList &statements) const
{
    return {escapedLiteralsSection(statements),
            false,
            {QStringLiteral("Index changes built in place while the table stays writable "
                            "(ALGORITHM=INPLACE LOCK=NONE), after"),
             QStringLiteral("the migration before it. The server refuses a change it cannot "
                            "make that way rather than lock the table.")}};
}

QStringList MysqlRenderer::schemaWideNames(const schema::Table &table) const
{
    QStringList names;
    for (const schema::ForeignKey &fk : table.foreignKeys)
        names.append(fk.name);
    return names;
}

} // namespace burrow::dialect::mysql
