#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace burrow::diff {

/// The kind of schema object a change is about.
enum class ObjectKind {
    Table,
    TableOptions,
    Column,
    PrimaryKey,
    Unique,
    Check,
    ForeignKey,
    Index,
    Trigger,
    View,
    Enum,        // a user-defined enumerated type; `table` is its name
    Domain,      // a domain; `table` is its name
    Sequence,    // a stand-alone sequence; `table` is its name
    Event,       // a scheduled event (MariaDB/MySQL); `table` is its name
    Function,    // a function or procedure; `table` and `name` are its identity `f(integer)`
    Extension,   // a database extension (PostgreSQL); `table` is its name
    Policy,      // a row-level security policy of `table` (PostgreSQL)
    RowSecurity, // whether `table` has row-level security enabled and forced (PostgreSQL)
    Exclusion,   // an exclusion constraint (PostgreSQL's EXCLUDE)
    Namespace,   // a schema the model creates besides the connection's (PostgreSQL)
    Composite,   // a composite type (PostgreSQL's CREATE TYPE … AS (…)); `table` is its name
    Collation,   // a collation (PostgreSQL's CREATE COLLATION); `table` is its name
    Rule,        // a rule (PostgreSQL's CREATE RULE) of `table`, a table or view
    Statistics,  // extended statistics (PostgreSQL's CREATE STATISTICS) on `table`
    TextSearchDictionary,    // PostgreSQL's CREATE TEXT SEARCH DICTIONARY; `table` is its name
    TextSearchConfiguration, // PostgreSQL's CREATE TEXT SEARCH CONFIGURATION; likewise
    Range, // a range type (PostgreSQL's CREATE TYPE … AS RANGE); `table` is its name
};

/// Objects of the schema itself rather than parts of a table: views, types, sequences, events,
/// functions, extensions.
inline bool isSchemaLevel(ObjectKind kind)
{
    return kind == ObjectKind::View || kind == ObjectKind::Enum || kind == ObjectKind::Domain ||
           kind == ObjectKind::Sequence || kind == ObjectKind::Event ||
           kind == ObjectKind::Function || kind == ObjectKind::Extension ||
           kind == ObjectKind::Namespace || kind == ObjectKind::Composite ||
           kind == ObjectKind::Collation || kind == ObjectKind::Range ||
           kind == ObjectKind::TextSearchDictionary || kind == ObjectKind::TextSearchConfiguration;
}

/// Tables and columns can be renamed in place (`--rename`, a ticked suggestion); any other
/// object suggested as renamed is dropped and created again under its new name.
inline bool isRenameable(ObjectKind kind)
{
    return kind == ObjectKind::Table || kind == ObjectKind::Column;
}

/// What happens to it, seen from the database towards the model: `Added` means the model has it
/// and the database does not (the migration would add it).
enum class ChangeType { Added, Removed, Changed, RenameSuggested };

/// One difference between the live schema and the model.
struct Change {
    ObjectKind object = ObjectKind::Table;
    ChangeType type = ChangeType::Changed;
    QString table;          // the owning table; for views, types, sequences: the object itself
    QString name;           // the object's name, or its definition when it has none ("(a, b)")
    QString newName;        // RenameSuggested: the model's name for it
    QStringList attributes; // Changed: which attributes differ ("type", "not null", …)
    QString detail;         // human-readable: the definition, or "type TEXT → INTEGER; …"
    bool anonymous = false; // the object has no name; `name` describes it instead

    friend bool operator==(const Change &, const Change &) = default;
};

/// A table suggested as renamed into another schema (PostgreSQL): `ALTER TABLE … SET SCHEMA`.
bool isMove(const Change &change);

/// `column_added`, `index_changed`, `table_rename_suggested` …: the JSON contract's kind.
QString kindName(const Change &change);

/// `column`, `index`, `foreign key` …: the object's name in prose.
QString objectNoun(ObjectKind kind);

} // namespace burrow::diff
