#include "postgres_table_options.h"

#include <QMap>

namespace burrow::dialect::postgres {
namespace {

const QString kUnlogged = QStringLiteral("UNLOGGED");

/// The storage parameters, `name=value` each.
QStringList parameters(const QString &options)
{
    const qsizetype open = options.indexOf(u"WITH (");
    if (open < 0)
        return {};
    return options.mid(open + 6).chopped(1).split(QStringLiteral(", "), Qt::SkipEmptyParts);
}

/// `name=value` items by name.
QMap<QString, QString> byName(const QStringList &items)
{
    QMap<QString, QString> out;
    for (const QString &item : items)
        out.insert(item.section(u'=', 0, 0), item);
    return out;
}

/// `WITH (…)`, the parameters sorted: their order in pg_class is the order they were set in,
/// which means nothing.
QString withClause(const QString &reloptions)
{
    QStringList parameters = reloptions.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    parameters.sort();
    return u"WITH (" + parameters.join(QStringLiteral(", ")) + u')';
}

} // namespace

QString tableOptions(bool unlogged, const QString &reloptions)
{
    QStringList parts;
    if (unlogged)
        parts.append(kUnlogged);
    if (!reloptions.isEmpty())
        parts.append(withClause(reloptions));
    return parts.join(u' ');
}

QString indexOptions(const QString &method, const QString &include, const QString &reloptions)
{
    QString out = u"USING " + method;
    if (!include.isEmpty())
        out += u" INCLUDE (" + include + u')';
    if (!reloptions.isEmpty())
        out += u' ' + withClause(reloptions);
    return out;
}

bool isUnlogged(const QString &options)
{
    return options.startsWith(kUnlogged);
}

QString storageClause(const QString &options)
{
    const qsizetype open = options.indexOf(u"WITH (");
    return open < 0 ? QString() : u' ' + options.mid(open);
}

QStringList tableOptionActions(const QString &live, const QString &target)
{
    QStringList actions;
    if (isUnlogged(live) != isUnlogged(target))
        actions.append(isUnlogged(target) ? QStringLiteral("SET UNLOGGED")
                                          : QStringLiteral("SET LOGGED"));
    return actions + parameterActions(parameters(live), parameters(target));
}

QStringList parameterActions(const QStringList &before, const QStringList &after)
{
    const QMap<QString, QString> from = byName(before);
    const QMap<QString, QString> to = byName(after);
    QStringList set, reset;
    for (auto it = to.cbegin(); it != to.cend(); ++it) {
        if (from.value(it.key()) != it.value())
            set.append(it.value());
    }
    for (auto it = from.cbegin(); it != from.cend(); ++it) {
        if (!to.contains(it.key()))
            reset.append(it.key());
    }
    QStringList actions;
    if (!set.isEmpty())
        actions.append(u"SET (" + set.join(u", ") + u')');
    if (!reset.isEmpty())
        actions.append(u"RESET (" + reset.join(u", ") + u')');
    return actions;
}

} // namespace burrow::dialect::postgres
