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
};

/// What happens to it, seen from the database towards the model: `Added` means the model has it
/// and the database does not (the migration would add it).
enum class ChangeType { Added, Removed, Changed, RenameSuggested };

/// One difference between the live schema and the model.
struct Change {
    ObjectKind object = ObjectKind::Table;
    ChangeType type = ChangeType::Changed;
    QString table;          // the owning table; for views, the view itself
    QString name;           // the object's name, or its definition when it has none ("(a, b)")
    QString newName;        // RenameSuggested: the model's name for it
    QStringList attributes; // Changed: which attributes differ ("type", "not null", …)
    QString detail;         // human-readable: the definition, or "type TEXT → INTEGER; …"
    bool anonymous = false; // the object has no name; `name` describes it instead

    friend bool operator==(const Change &, const Change &) = default;
};

/// `column_added`, `index_changed`, `table_rename_suggested` …: the JSON contract's kind.
QString kindName(const Change &change);

/// `column`, `index`, `foreign key` …: the object's name in prose.
QString objectNoun(ObjectKind kind);

} // namespace burrow::diff
