#include "mysql_typed_triggers.h"

#include "mysql_connection.h"
#include "mysql_trigger_sql.h"

namespace burrow::dialect::mysql {
namespace {

/// The trigger's statement as typed (SHOW CREATE TRIGGER's "SQL Original Statement"), empty
/// when it cannot be read.
QString typedStatement(const QSqlDatabase &db, const QString &database, const QString &trigger)
{
    Result<QSqlQuery> shown = runQuery(db, u"SHOW CREATE TRIGGER " + quoteIdentifier(database) +
                                               u'.' + quoteIdentifier(trigger));
    if (!shown || !shown->next())
        return {};
    // Columns: Trigger, sql_mode, SQL Original Statement, character_set_client, …
    return triggerSqlWithoutDefiner(shown->value(2).toString());
}

} // namespace

bool hasTriggers(const schema::Schema &schema, const QSet<QString> &tables)
{
    for (const schema::Table &table : schema.tables) {
        if (!table.triggers.isEmpty() && tables.contains(table.name))
            return true;
    }
    return false;
}

void keepTypedTriggers(const QSqlDatabase &db, const QString &database, schema::Schema &schema,
                       const QSet<QString> &tables)
{
    for (schema::Table &table : schema.tables) {
        if (!tables.contains(table.name))
            continue;
        for (schema::Trigger &trigger : table.triggers) {
            if (QString typed = typedStatement(db, database, trigger.name); !typed.isEmpty())
                trigger.definition.text = std::move(typed);
        }
    }
}

} // namespace burrow::dialect::mysql
