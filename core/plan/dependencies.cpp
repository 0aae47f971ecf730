#include "dependencies_p.h"

#include <QHash>

#include <algorithm>
#include <functional>

namespace burrow::plan {
namespace {

using namespace schema;

/// Depth-first topological order: `before(item)` names the items that must come first.
template<typename T, typename NameFn, typename BeforeFn>
QList<const T *> topological(const QList<const T *> &items, NameFn name, BeforeFn before)
{
    QHash<QString, const T *> byName;
    for (const T *item : items)
        byName.insert(name(item), item);
    QList<const T *> out;
    QSet<QString> done, visiting;
    std::function<void(const T *)> visit = [&](const T *item) {
        const QString n = name(item);
        if (done.contains(n) || visiting.contains(n))
            return; // placed already, or a cycle: keep the given order
        visiting.insert(n);
        for (const QString &dependency : before(item)) {
            if (const T *other = byName.value(dependency))
                visit(other);
        }
        visiting.remove(n);
        done.insert(n);
        out.append(item);
    };
    for (const T *item : items)
        visit(item);
    return out;
}

} // namespace

QStringList columnsOf(const schema::Index &index)
{
    QStringList columns;
    for (const schema::IndexPart &part : index.parts)
        columns.append(part.column);
    return columns;
}

bool sameColumns(const QStringList &a, const QStringList &b, Qt::CaseSensitivity cs)
{
    return a.size() == b.size() &&
           std::all_of(a.begin(), a.end(), [&](const QString &c) { return b.contains(c, cs); });
}

TableLookup::TableLookup(const Schema &schema, Qt::CaseSensitivity cs)
    : m_cs(cs)
{
    m_tables.reserve(schema.tables.size());
    for (const Table &t : schema.tables)
        m_tables.insert(key(t.name), &t);
}

const Table *TableLookup::find(const QString &name) const
{
    return m_tables.value(key(name));
}

bool Dependencies::mentionsAny(const QString &definition, const QSet<QString> &keys) const
{
    return !keys.isEmpty() && mentions(definition).intersects(keys);
}

QSet<QString> Dependencies::mentions(const QString &definition) const
{
    const QList<sql::Token> tokens = sql::significantTokens(definition, m_options);
    const auto isName = [](const sql::Token &t) {
        // SQLite reads 'name' as a name where one must be.
        return t.isName() || t.kind == sql::TokenKind::String;
    };
    QSet<QString> names;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!isName(tokens[i]))
            continue;
        const QString name = sql::identifierName(definition, tokens[i]);
        names.insert(key(name));
        // `schema.name`: another managed schema's object (schema::qualifiedName).
        if (i + 2 < tokens.size() && isName(tokens[i + 2]) &&
            tokens[i + 1].isSymbol(definition, u"."))
            names.insert(key(qualifiedName(name, sql::identifierName(definition, tokens[i + 2]))));
    }
    return names;
}

QList<const Table *> Dependencies::referencedFirst(const QList<const Table *> &tables) const
{
    return topological<Table>(
        tables, [this](const Table *t) { return key(t->name); },
        [this](const Table *t) {
            QStringList referenced;
            for (const ForeignKey &fk : t->foreignKeys)
                referenced.append(key(fk.referencedTable));
            if (!t->partitionOf.isEmpty()) // a partition comes after its parent, goes before it
                referenced.append(key(t->partitionOf));
            for (const QString &parent : t->inherits) // so does a child
                referenced.append(key(parent));
            return referenced;
        });
}

QList<const Readable *> Dependencies::readFirst(const QList<const Readable *> &items) const
{
    // Named by place: overloads of a function share their name. Each definition is read once.
    QHash<const Readable *, QString> ids;
    QHash<const Readable *, QSet<QString>> mentioned;
    for (qsizetype i = 0; i < items.size(); ++i) {
        ids.insert(items[i], QString::number(i));
        mentioned.insert(items[i], mentions(items[i]->definition));
    }
    return topological<Readable>(
        items, [&ids](const Readable *item) { return ids.value(item); },
        [&](const Readable *item) {
            QStringList read;
            for (const Readable *other : items) {
                const QString name = key(other->name);
                if (name != key(item->name) && mentioned.value(item).contains(name))
                    read.append(ids.value(other));
            }
            return read;
        });
}

QList<const View *> Dependencies::readFirst(const QList<const View *> &views) const
{
    QList<Readable> items;
    for (const View *v : views)
        items.append({v->name, v->definition.text, v, nullptr});
    QList<const Readable *> pointers;
    for (const Readable &item : items)
        pointers.append(&item);
    QList<const View *> ordered;
    for (const Readable *item : readFirst(pointers))
        ordered.append(item->view);
    return ordered;
}

bool DestructiveJudge::widensAccess(const QString &table) const
{
    const Table *live = m_live.find(table);
    const Table *model = m_model.find(table);
    return live && model &&
           ((live->rowSecurity && !model->rowSecurity) ||
            (live->forceRowSecurity && !model->forceRowSecurity));
}

bool DestructiveJudge::dropsHistory(const QString &table) const
{
    const Table *live = m_live.find(table);
    const Table *model = m_model.find(table);
    return live && model && live->systemVersioned && !model->systemVersioned;
}

bool DestructiveJudge::losesAttributeValues(const QString &composite) const
{
    const auto find = [&](const QList<schema::CompositeType> &types) {
        const auto it = std::find_if(types.cbegin(), types.cend(), [&](const auto &t) {
            return t.name.compare(composite, m_cs) == 0;
        });
        return it == types.cend() ? nullptr : &*it;
    };
    const schema::CompositeType *live = find(m_liveComposites);
    const schema::CompositeType *model = find(m_modelComposites);
    if (!live || !model)
        return false;
    const auto asColumn = [](const schema::TypeAttribute &a) {
        schema::Column column{a.name, a.type, a.type};
        column.collation = a.collation;
        return column;
    };
    return std::any_of(live->attributes.cbegin(), live->attributes.cend(), [&](const auto &from) {
        const auto to = std::find_if(model->attributes.cbegin(), model->attributes.cend(),
                                     [&](const auto &a) { return a.name == from.name; });
        return to == model->attributes.cend() ||
               m_renderer.narrowsType(asColumn(from), asColumn(*to));
    });
}

bool DestructiveJudge::isDestructive(const diff::Change &change) const
{
    using diff::ChangeType;
    using diff::ObjectKind;
    // An event is no data, yet models often leave the server's jobs out (an ORM has none), and
    // a function's body may be the only copy of its logic, an extension may hold data (its
    // tables) and other schemas may use it: dropping any of them takes the same consent.
    // A policy dropped, or row-level security disabled or no longer forced, widens who sees
    // which rows: that takes consent too. A sequence dropped takes its counter along: created
    // again, it would hand out numbers already used.
    if (change.type == ChangeType::Removed)
        return change.object == ObjectKind::Table || change.object == ObjectKind::Column ||
               change.object == ObjectKind::Event || change.object == ObjectKind::Function ||
               change.object == ObjectKind::Extension || change.object == ObjectKind::Policy ||
               change.object == ObjectKind::Sequence;
    if (change.object == ObjectKind::RowSecurity)
        return widensAccess(change.table);
    // DROP SYSTEM VERSIONING deletes every row's past versions.
    if (change.object == ObjectKind::TableOptions &&
        change.attributes.contains(u"system versioning"))
        return dropsHistory(change.table);
    // Labels removed or reordered: the type is recreated, and rows holding a label the model
    // no longer has cannot be converted.
    if (change.object == ObjectKind::Enum)
        return change.attributes.contains(u"labels");
    // Stored values convert attribute by attribute, by name.
    if (change.object == ObjectKind::Composite)
        return change.attributes.contains(u"attributes") && losesAttributeValues(change.table);
    if (change.object != ObjectKind::Column || !change.attributes.contains(u"type"))
        return false;
    const Table *live = m_live.find(change.table);
    const Table *model = m_model.find(change.table);
    if (!live || !model)
        return false;
    const Column *from = findColumn(*live, change.name, m_cs);
    const Column *to = findColumn(*model, change.name, m_cs);
    return from && to && m_renderer.narrowsType(*from, *to);
}

} // namespace burrow::plan
