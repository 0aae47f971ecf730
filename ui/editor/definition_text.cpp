#include "definition_text.h"

#include <QStringList>

namespace burrow::ui {
namespace {

QString statement(const QString &sql)
{
    const QString trimmed = sql.trimmed();
    return trimmed.endsWith(u';') ? trimmed : trimmed + u';';
}

// Indexes one per line (they are short), each trigger as its own paragraph.
QString join(const QString &head, const QList<QString> &indexes, const QList<QString> &triggers)
{
    QStringList paragraphs{statement(head)};
    QStringList indexLines;
    for (const QString &sql : indexes) {
        if (!sql.trimmed().isEmpty()) // indexes the engine made for a constraint have no SQL
            indexLines.append(statement(sql));
    }
    if (!indexLines.isEmpty())
        paragraphs.append(indexLines.join(u'\n'));
    for (const QString &sql : triggers)
        paragraphs.append(statement(sql));
    return paragraphs.join(u"\n\n");
}

QList<QString> triggerSql(const QList<schema::Trigger> &triggers)
{
    QList<QString> out;
    for (const schema::Trigger &t : triggers)
        out.append(t.definition.text);
    return out;
}

template<typename T> const T *findNamed(const QList<T> &objects, const QString &name)
{
    for (Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        for (const T &object : objects) {
            if (object.name.compare(name, cs) == 0)
                return &object;
        }
    }
    return nullptr;
}

} // namespace

QString definitionOf(const schema::Schema &schema, const QString &name)
{
    if (const schema::Table *table = findNamed(schema.tables, name)) {
        QList<QString> indexes;
        for (const schema::Index &index : table->indexes)
            indexes.append(index.sql);
        return join(table->sql, indexes, triggerSql(table->triggers));
    }
    if (const schema::View *view = findNamed(schema.views, name))
        return join(view->definition.text, {}, triggerSql(view->triggers));
    if (const schema::Function *function = findNamed(schema.functions, name))
        return statement(function->definition.text);
    return {};
}

QString normalizedDefinition(const QString &text)
{
    QString unified = text;
    unified.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    QStringList lines = unified.split(u'\n');
    for (QString &line : lines) {
        qsizetype end = line.size();
        while (end > 0 && line[end - 1].isSpace())
            --end;
        line.truncate(end);
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(u'\n');
}

} // namespace burrow::ui
