#pragma once

#include "../diff/change.h"
#include "sql_renderer.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace burrow::plan {

/// A rename the user decided on (`--rename` or a `-- @renamed from=` annotation). Burrow never
/// infers one: the differ only suggests.
struct Rename {
    QString table;   // the table's current (live) name
    QString column;  // empty for a table rename
    QString newName; // the model's name for the table or column

    bool isColumn() const { return !column.isEmpty(); }
    friend bool operator==(const Rename &, const Rename &) = default;
};

/// One step of a migration: SQL that does one thing, and how to undo it.
struct PlanStep {
    QString summary;             // "rebuild table book (price: type)", for headers and the GUI
    QStringList sql;             // statements, without terminating semicolons
    QStringList reverseSql;      // undoes `sql` structurally; empty when nothing can
    QList<diff::Change> changes; // the differences it implements (empty for helper steps)
    bool destructive = false;    // loses data (drops a table or column, narrows a type)
    bool dataDependent = false;  // may fail on existing rows (NOT NULL, UNIQUE, FK, CHECK added)
    bool irreversible = false;   // its reverse cannot bring back what it removes
    bool needsRebuild = false;   // the engine recreates the table to make it
};

/// Everything a migration will do, as a value: the GUI previews it, lint inspects it, the
/// migration file is written from it. Executes nothing.
struct MigrationPlan {
    QList<PlanStep> steps;
    QList<Rename> renames;           // applied first, in this order
    QList<diff::Change> changes;     // every difference the plan implements
    QList<diff::Change> leftOut;     // destructive differences left out (not allowed)
    QList<diff::Change> skipped;     // differences the user chose to keep as they are
    QList<diff::Change> suggestions; // rename suggestions not acted on
    /// SQLite: the script must run with foreign keys off, switched outside the transaction (a
    /// table is rebuilt or dropped, and ON DELETE CASCADE must not fire).
    bool foreignKeysOff = false;
    QStringList rebuiltTables; // tables the engine recreates (their FKs are checked before commit)
    /// With OnlineOptions::notValidConstraints: the checks of the constraints `steps` add NOT
    /// VALID, to run after the migration, outside its transaction.
    QList<PlanStep> validations;

    bool isEmpty() const { return steps.isEmpty(); }
    bool irreversible() const;
    bool destructive() const;
};

/// How to plan.
struct PlanOptions {
    bool allowDestructive = false;
    QList<Rename> renames;
    Qt::CaseSensitivity names = Qt::CaseInsensitive; // the dialect's name comparison
    /// Differences (as the differ reports them after the renames) to keep as they are: the
    /// GUI's unchecked rows; a constraint skipped alone keeps its live state too.
    QList<diff::Change> skip;
    /// Spell the plan's work without long locks where the renderer can (supportsOnline()).
    OnlineOptions online;
};

} // namespace burrow::plan
