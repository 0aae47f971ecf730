#include "postgres_text_search_sql.h"

#include "postgres_names.h"
#include "postgres_object_sql.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace burrow::dialect::postgres {
namespace {

using schema::TextSearch;

QString objectSql(const TextSearch &object, bool dictionary)
{
    return (dictionary ? u"TEXT SEARCH DICTIONARY " : u"TEXT SEARCH CONFIGURATION ") +
           quoteIdentifier(object.name);
}

// `asciiword WITH simple` → {asciiword: simple}.
QHash<QString, QString> mappingsByToken(const QStringList &mappings)
{
    QHash<QString, QString> out;
    for (const QString &m : mappings)
        out.insert(m.section(u' ', 0, 0), m.section(u" WITH "_qs, 1));
    return out;
}

QStringList alterMappingsSql(const TextSearch &live, const TextSearch &target)
{
    const QString alter = u"ALTER " + objectSql(target, false);
    const QHash<QString, QString> had = mappingsByToken(live.settings);
    const QHash<QString, QString> wanted = mappingsByToken(target.settings);
    QStringList sql;
    for (const QString &mapping : live.settings) {
        const QString token = mapping.section(u' ', 0, 0);
        if (!wanted.contains(token))
            sql.append(alter + u" DROP MAPPING FOR " + token);
    }
    for (const QString &mapping : target.settings) {
        const QString token = mapping.section(u' ', 0, 0);
        if (!had.contains(token))
            sql.append(alter + u" ADD MAPPING FOR " + mapping);
        else if (had.value(token) != wanted.value(token))
            sql.append(alter + u" ALTER MAPPING FOR " + mapping);
    }
    return sql;
}

// `a WITH simple`, `b WITH x`, `c WITH simple` → `a, c WITH simple`, `b WITH x`: one
// statement per list of dictionaries, in the order they first appear.
QStringList groupedMappings(const QStringList &mappings)
{
    QStringList dictionaries;
    QHash<QString, QStringList> tokens;
    for (const QString &m : mappings) {
        const QString with = m.section(u" WITH "_qs, 1);
        if (!tokens.contains(with))
            dictionaries.append(with);
        tokens[with].append(m.section(u' ', 0, 0));
    }
    QStringList out;
    for (const QString &with : dictionaries)
        out.append(tokens.value(with).join(u", ") + u" WITH " + with);
    return out;
}

// The target's options, and those it no longer has named alone (which resets them).
QStringList dictionaryOptions(const TextSearch &live, const TextSearch &target)
{
    const auto key = [](const QString &option) { return option.section(u" = "_qs, 0, 0); };
    QStringList options = target.settings;
    QStringList kept;
    for (const QString &option : target.settings)
        kept.append(key(option));
    for (const QString &option : live.settings) {
        if (!kept.contains(key(option)))
            options.append(key(option));
    }
    return options;
}

} // namespace

QStringList createTextSearchSql(const TextSearch &object, bool dictionary)
{
    const QString name = objectSql(object, dictionary);
    QStringList sql;
    if (dictionary) {
        sql.append(u"CREATE " + name + u" (TEMPLATE = " + object.source +
                   (object.settings.isEmpty() ? QString() : u", " + object.settings.join(u", ")) +
                   u')');
    } else {
        sql.append(u"CREATE " + name + u" (PARSER = " + object.source + u')');
        for (const QString &mapping : groupedMappings(object.settings))
            sql.append(u"ALTER " + name + u" ADD MAPPING FOR " + mapping);
    }
    if (!object.comment.isEmpty())
        sql.append(commentOnSql(name, object.comment));
    return sql;
}

QString dropTextSearchSql(const TextSearch &object, bool dictionary)
{
    return u"DROP " + objectSql(object, dictionary);
}

QStringList alterTextSearchSql(const TextSearch &live, const TextSearch &target, bool dictionary)
{
    if (live.source != target.source)
        return QStringList{dropTextSearchSql(live, dictionary)} +
               createTextSearchSql(target, dictionary);
    QStringList sql;
    if (live.settings != target.settings) {
        if (dictionary)
            sql.append(u"ALTER " + objectSql(target, true) + u" (" +
                       dictionaryOptions(live, target).join(u", ") + u')');
        else
            sql += alterMappingsSql(live, target);
    }
    if (live.comment != target.comment)
        sql.append(commentOnSql(objectSql(target, dictionary), target.comment));
    return sql;
}

} // namespace burrow::dialect::postgres
