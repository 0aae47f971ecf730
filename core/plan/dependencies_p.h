#pragma once

#include "../diff/change.h"
#include "../schema/schema.h"
#include "../sql/lexer.h"
#include "sql_renderer.h"

#include <QHash>
#include <QSet>

namespace burrow::plan {

/// The columns an index covers; an expression part adds an empty name, matching no key.
QStringList columnsOf(const schema::Index &index);

/// The same columns in any order (a foreign key may name its key's columns in another order).
bool sameColumns(const QStringList &a, const QStringList &b, Qt::CaseSensitivity cs);

/// A schema's tables by name, found in constant time (plans touch thousands of tables).
class TableLookup {
public:
    TableLookup(const schema::Schema &schema, Qt::CaseSensitivity cs);
    const schema::Table *find(const QString &name) const;

private:
    QString key(const QString &name) const
    {
        return m_cs == Qt::CaseSensitive ? name : name.toLower();
    }
    QHash<QString, const schema::Table *> m_tables;
    Qt::CaseSensitivity m_cs;
};

/// A view or a function, as what its definition reads orders it.
struct Readable {
    QString name; // a view's name, a function's routine name
    QString definition;
    const schema::View *view = nullptr;
    const schema::Function *function = nullptr;
};

/// Who reads whom: names mentioned by view and trigger definitions, and foreign-key order.
class Dependencies {
public:
    Dependencies(const sql::LexerOptions &options, Qt::CaseSensitivity cs)
        : m_options(options)
        , m_cs(cs)
    {
    }

    /// The comparison key of a name (folded where names are case-insensitive).
    QString key(const QString &name) const
    {
        return m_cs == Qt::CaseSensitive ? name : name.toLower();
    }

    /// Whether `definition` names any of `keys` (as an identifier, quoted or not). Errs on the
    /// side of yes: a column with a table's name counts, and recreating too much is harmless.
    bool mentionsAny(const QString &definition, const QSet<QString> &keys) const;
    /// The keys of every name `definition` mentions (see mentionsAny), from one reading of it.
    QSet<QString> mentions(const QString &definition) const;

    /// `tables` ordered so that a referenced table comes before the tables referencing it, and
    /// a partitioned table before its partitions (cycles keep their given order).
    QList<const schema::Table *> referencedFirst(const QList<const schema::Table *> &tables) const;

    /// `views` ordered so that a view comes after the views it reads.
    QList<const schema::View *> readFirst(const QList<const schema::View *> &views) const;
    /// `items` ordered so that each comes after those whose names its definition mentions.
    QList<const Readable *> readFirst(const QList<const Readable *> &items) const;

private:
    sql::LexerOptions m_options;
    Qt::CaseSensitivity m_cs;
};

/// Decides which differences lose data: dropped tables, columns and functions, narrowed types,
/// enum labels removed or reordered, composite type attributes dropped or narrowed; or widen access
/// to rows: dropped policies, row-level security disabled or no longer forced.
class DestructiveJudge {
public:
    DestructiveJudge(const schema::Schema &live, const schema::Schema &model,
                     const SqlRenderer &renderer, Qt::CaseSensitivity cs)
        : m_live(live, cs)
        , m_model(model, cs)
        , m_liveComposites(live.composites)
        , m_modelComposites(model.composites)
        , m_renderer(renderer)
        , m_cs(cs)
    {
    }

    bool isDestructive(const diff::Change &change) const;

private:
    bool widensAccess(const QString &table) const;
    bool dropsHistory(const QString &table) const;
    bool losesAttributeValues(const QString &composite) const;

    TableLookup m_live;
    TableLookup m_model;
    const QList<schema::CompositeType> &m_liveComposites;
    const QList<schema::CompositeType> &m_modelComposites;
    const SqlRenderer &m_renderer;
    Qt::CaseSensitivity m_cs;
};

} // namespace burrow::plan
