#include "report.h"

#include "describe.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace burrow::diff {
namespace {

QString pluralNoun(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Index:
        return QStringLiteral("indexes");
    case ObjectKind::TableOptions:
        return QStringLiteral("tables' options");
    case ObjectKind::Policy:
        return QStringLiteral("policies");
    case ObjectKind::RowSecurity:
        return QStringLiteral("tables' row level security");
    default:
        return objectNoun(kind) + u's';
    }
}

QString singularNoun(ObjectKind kind)
{
    return kind == ObjectKind::TableOptions ? QStringLiteral("table's options") : objectNoun(kind);
}

QString verb(ChangeType type)
{
    switch (type) {
    case ChangeType::Added:
        return QStringLiteral("missing");
    case ChangeType::Removed:
        return QStringLiteral("extra");
    case ChangeType::Changed:
        return QStringLiteral("changed");
    case ChangeType::RenameSuggested:
        return QStringLiteral("possible rename");
    }
    return {};
}

QChar marker(ChangeType type)
{
    switch (type) {
    case ChangeType::Added:
        return u'+';
    case ChangeType::Removed:
        return u'-';
    case ChangeType::Changed:
        return u'~';
    case ChangeType::RenameSuggested:
        return u'?';
    }
    return u' ';
}

// A function's identity is spelled by its dialect already (`"Add"(integer)`).
QString shown(const Change &c, const QString &name)
{
    return c.object == ObjectKind::Function ? schema::dottedName(name) : displayName(name);
}

QString subject(const Change &c)
{
    if (c.object == ObjectKind::TableOptions || c.object == ObjectKind::RowSecurity)
        return objectNoun(c.object);
    if (c.anonymous && (c.type != ChangeType::Changed || c.object == ObjectKind::PrimaryKey))
        return objectNoun(c.object); // the detail shows the definition that identifies it
    QString out = objectNoun(c.object) + u' ' + (c.anonymous ? c.name : shown(c, c.name));
    if (c.type == ChangeType::RenameSuggested)
        out += u" → " + displayName(c.newName);
    return out;
}

QString renameHint(const Change &c, const QString &ownSchema)
{
    if (!isRenameable(c.object))
        return c.detail + u"; plan renames it in place (SQLite, which cannot, builds it again)";
    QString target = c.object == ObjectKind::Table
                         ? displayName(c.name)
                         : displayName(c.table) + u'.' + displayName(c.name);
    if (isMove(c)) {
        const QString to = schema::schemaPart(c.newName);
        return c.detail + u"; to move instead of drop and add: --rename " + target + u'=' +
               (to.isEmpty() && ownSchema.isEmpty()
                    ? u"public." + displayName(c.newName) +
                          u" (public, or the schema the URL names)"
                    : displayName(to.isEmpty() ? schema::qualifiedName(ownSchema, c.newName)
                                               : c.newName));
    }
    return c.detail + u"; to rename instead of drop and add: --rename " + target + u'=' +
           schema::localPart(c.newName); // a table stays in its schema
}

// What a group of changes belongs to: a table, or an object of the schema itself.
QString ownerNoun(ObjectKind kind)
{
    return isSchemaLevel(kind) ? objectNoun(kind) : QStringLiteral("table");
}

QString headerFor(const Change &c)
{
    return ownerNoun(c.object) + u' ' + shown(c, c.table);
}

QString differHeadline(const QList<Change> &changes)
{
    QList<QString> nouns; // in a fixed order: tables, views, types, sequences, functions
    QHash<QString, QStringList> owners;
    for (ObjectKind kind :
         {ObjectKind::Table, ObjectKind::View, ObjectKind::Enum, ObjectKind::Composite,
          ObjectKind::Range, ObjectKind::Domain, ObjectKind::Sequence, ObjectKind::Event,
          ObjectKind::Function, ObjectKind::Collation, ObjectKind::TextSearchDictionary,
          ObjectKind::TextSearchConfiguration, ObjectKind::Extension, ObjectKind::Namespace})
        nouns.append(ownerNoun(kind));
    for (const Change &c : changes) {
        QStringList &list = owners[ownerNoun(c.object)];
        if (!list.contains(c.table.toLower()))
            list.append(c.table.toLower());
    }
    QStringList parts;
    qsizetype total = 0;
    for (const QString &noun : nouns) {
        const qsizetype n = owners.value(noun).size();
        total += n;
        if (n > 0)
            parts.append(counted(n, noun));
    }
    return listed(parts) + (total == 1 ? u" differs" : u" differ");
}

} // namespace

QString counted(qsizetype n, const QString &singular, const QString &plural)
{
    return QString::number(n) + u' ' +
           (n != 1 ? (plural.isEmpty() ? singular + u's' : plural) : singular);
}

QString listed(QStringList parts)
{
    if (parts.size() < 2)
        return parts.value(0);
    const QString last = parts.takeLast();
    return parts.join(u", ") + u" and " + last;
}

QString summaryLine(const QList<Change> &changes)
{
    if (changes.isEmpty())
        return QStringLiteral("No differences: the database matches the model.");
    QMap<std::pair<int, int>, qsizetype> counts; // (type, object) → count, in a fixed order
    qsizetype renames = 0;
    for (const Change &c : changes) {
        if (c.type == ChangeType::RenameSuggested)
            ++renames;
        else
            ++counts[{int(c.type), int(c.object)}];
    }
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const auto kind = ObjectKind(it.key().second);
        parts.append(counted(it.value(), singularNoun(kind), pluralNoun(kind)) + u' ' +
                     verb(ChangeType(it.key().first)));
    }
    QString line = differHeadline(changes) + u": " + parts.join(u", ");
    if (renames > 0)
        line += u"; " + counted(renames, QStringLiteral("possible rename"),
                                QStringLiteral("possible renames"));
    return line;
}

QString formatText(const QList<Change> &changes, const QString &ownSchema)
{
    if (changes.isEmpty())
        return summaryLine(changes) + u'\n';
    QList<QString> order; // group headers in first-appearance order
    QHash<QString, QList<const Change *>> groups;
    for (const Change &c : changes) {
        const QString header = headerFor(c);
        if (!groups.contains(header))
            order.append(header);
        groups[header].append(&c);
    }
    QString out;
    for (const QString &header : order) {
        out += header + u'\n';
        qsizetype width = 0;
        for (const Change *c : groups[header])
            width = std::max(width, std::min<qsizetype>(subject(*c).size(), 40));
        for (const Change *c : groups[header]) {
            const QString detail =
                c->type == ChangeType::RenameSuggested ? renameHint(*c, ownSchema) : c->detail;
            out += u"  " + marker(c->type) + u' ' + subject(*c).leftJustified(width) + u"  " +
                   detail + u'\n';
        }
        out += u'\n';
    }
    out += summaryLine(changes) + u'\n';
    out += QStringLiteral(
        "(+ in the model only, - in the database only, ~ different, ? possible rename)\n");
    return out;
}

QString changeLine(const Change &c, const QString &ownSchema)
{
    const QString detail =
        c.type == ChangeType::RenameSuggested ? renameHint(c, ownSchema) : c.detail;
    return headerFor(c) + u": " + marker(c.type) + u' ' + subject(c) + u"  " + detail;
}

QString formatJson(const QList<Change> &changes)
{
    QJsonArray differences;
    for (const Change &c : changes) {
        QJsonObject entry{{QStringLiteral("kind"), kindName(c)},
                          {QStringLiteral("table"), schema::dottedName(c.table)},
                          {QStringLiteral("name"), schema::dottedName(c.name)},
                          {QStringLiteral("detail"), c.detail}};
        if (!c.attributes.isEmpty())
            entry.insert(QStringLiteral("attributes"), QJsonArray::fromStringList(c.attributes));
        if (!c.newName.isEmpty())
            entry.insert(QStringLiteral("new_name"), schema::dottedName(c.newName));
        differences.append(entry);
    }
    const QJsonObject root{{QStringLiteral("differences"), differences},
                           {QStringLiteral("summary"), summaryLine(changes)}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace burrow::diff
