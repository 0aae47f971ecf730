#include "mysql_table_options.h"

#include <QMap>

namespace burrow::dialect::mysql {
namespace {

/// The options compared, each with the value that sets it back to "not declared" (which
/// removes it from CREATE_OPTIONS, checked on MariaDB 10.11).
const QMap<QString, QString> &resetValues()
{
    static const QMap<QString, QString> values{
        {QStringLiteral("AVG_ROW_LENGTH"), QStringLiteral("0")},
        {QStringLiteral("CHECKSUM"), QStringLiteral("0")},
        {QStringLiteral("DELAY_KEY_WRITE"), QStringLiteral("0")},
        {QStringLiteral("KEY_BLOCK_SIZE"), QStringLiteral("0")},
        {QStringLiteral("MAX_ROWS"), QStringLiteral("0")},
        {QStringLiteral("MIN_ROWS"), QStringLiteral("0")},
        {QStringLiteral("PACK_KEYS"), QStringLiteral("DEFAULT")},
        {QStringLiteral("ROW_FORMAT"), QStringLiteral("DEFAULT")},
        {QStringLiteral("STATS_AUTO_RECALC"), QStringLiteral("DEFAULT")},
        {QStringLiteral("STATS_PERSISTENT"), QStringLiteral("DEFAULT")},
        {QStringLiteral("STATS_SAMPLE_PAGES"), QStringLiteral("DEFAULT")},
    };
    return values;
}

/// An option the storage engine defines (InnoDB's PAGE_COMPRESSED, ENCRYPTED, …), which
/// CREATE_OPTIONS lists quoted as SHOW CREATE TABLE writes it: `` `PAGE_COMPRESSED`='1' ``.
bool isEngineAttribute(const QString &name)
{
    return name.startsWith(u'`');
}

bool isCompared(const QString &name)
{
    return isEngineAttribute(name) || resetValues().contains(name);
}

QString resetValue(const QString &name)
{
    return isEngineAttribute(name) ? QStringLiteral("DEFAULT") : resetValues().value(name);
}

/// `NAME=value` items by name; an engine's attribute keeps its quotes.
QMap<QString, QString> parsed(const QString &options)
{
    QMap<QString, QString> byName;
    for (const QString &item : options.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals <= 0)
            continue;
        const QString name = item.left(equals);
        byName.insert(isEngineAttribute(name) ? name : name.toUpper(), item.mid(equals + 1));
    }
    return byName;
}

QString joined(const QMap<QString, QString> &byName)
{
    QStringList items;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        items.append(it.key() + u'=' + it.value());
    return items.join(u' ');
}

} // namespace

QString declaredTableOptions(const QString &createOptions, const QString &engine)
{
    QMap<QString, QString> byName = parsed(createOptions);
    for (auto it = byName.begin(); it != byName.end();) {
        if (isCompared(it.key()))
            ++it;
        else
            it = byName.erase(it);
    }
    if (!engine.isEmpty())
        byName.insert(QStringLiteral("ENGINE"), engine);
    if (auto format = byName.find(QStringLiteral("ROW_FORMAT")); format != byName.end())
        *format = format->toUpper();
    return joined(byName);
}

QStringList tableOptionClauses(const QString &live, const QString &target)
{
    const QMap<QString, QString> before = parsed(live);
    const QMap<QString, QString> after = parsed(target);
    QStringList clauses;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            clauses.append(it.key() + u'=' + it.value());
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()) && isCompared(it.key()))
            clauses.append(it.key() + u'=' + resetValue(it.key()));
    }
    return clauses;
}

bool changesEngine(const QString &live, const QString &target)
{
    const QString engine = QStringLiteral("ENGINE");
    return parsed(live).value(engine) != parsed(target).value(engine);
}

} // namespace burrow::dialect::mysql
