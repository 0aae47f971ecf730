#pragma once

#include "../result.h"
#include "../schema/schema.h"
#include "../sql/lexer.h"

#include <QStringList>

namespace burrow::plan {

/// How an engine brings one table from its live shape to its target shape.
struct TableAlteration {
    QStringList sql;
    /// The engine recreates the table: its indexes are recreated by `sql`, its triggers are gone
    /// and the planner recreates them (with the views and triggers that read the table).
    bool rebuild = false;
    /// Live indexes that `sql` makes constraints of in place (PostgreSQL's ADD CONSTRAINT …
    /// USING INDEX): the planner must not drop them before.
    QStringList indexesTakenOver{};
    /// `sql` also makes the table's index changes (MariaDB/MySQL's one ALTER TABLE): the
    /// planner writes no index steps of its own. Implied by `rebuild`.
    bool carriesIndexes = false;

    bool makesIndexes() const { return rebuild || carriesIndexes; }
};

/// A column of a live table that uses a user-defined type (recreating the type converts it).
struct TypeUser {
    QString table;
    schema::Column column;
    /// In its table's partition key, which PostgreSQL cannot retype: the table must be created
    /// again, which Burrow does not plan.
    bool partitionKey = false;
};

/// What converts to an enum type recreated: its columns, and the domains based on it, which are
/// recreated with it (PostgreSQL cannot change a domain's base type) and convert their columns.
struct EnumUsers {
    struct Domain {
        schema::Domain domain; // as the type's alteration starts
        QList<TypeUser> columns;
    };
    QList<TypeUser> columns;
    QList<Domain> domains;
};

/// Where a trigger is created among those of its table that fire at the same moment
/// (schema::Trigger::moment): right after `follows`, else right before `precedes`; neither:
/// where the engine puts a new one.
struct TriggerPlacement {
    QString follows;
    QString precedes;
};

/// A whole up or down section, ready to be written into a migration file.
struct SectionText {
    QStringList statements;
    bool transaction = true; // false: the statements manage their own transaction
    /// With `transaction` false: why, and how to apply the file, for its header comment.
    QStringList note;
};

/// What the user asks to be done without long locks (`plan --concurrently`, `plan --not-valid`).
struct OnlineOptions {
    /// Indexes of existing tables built and dropped without blocking writes, after the main
    /// migration and outside its transaction.
    bool concurrentIndexes = false;
    /// Foreign keys and CHECKs added to existing tables without reading their rows under the
    /// main migration's locks; their rows are checked afterwards, outside its transaction.
    bool notValidConstraints = false;

    bool any() const { return concurrentIndexes || notValidConstraints; }
};

/// How one engine spells the DDL of a plan. Each dialect folder implements it; the generic
/// planner decides what happens and in which order, and calls only this to spell it.
/// Statements come without terminating semicolons.
class SqlRenderer {
public:
    virtual ~SqlRenderer() = default;

    virtual const sql::LexerOptions &lexerOptions() const = 0;
    /// The identifier quoted, whatever it contains.
    virtual QString quote(const QString &identifier) const = 0;

    /// The table with its columns and constraints (indexes and triggers are separate steps).
    virtual QStringList createTable(const schema::Table &table) const = 0;
    virtual QStringList dropTable(const schema::Table &table) const = 0;
    virtual QStringList renameTable(const QString &from, const QString &to) const = 0;
    virtual QStringList renameColumn(const QString &table, const QString &from,
                                     const QString &to) const = 0;
    virtual QStringList createIndex(const QString &table, const schema::Index &index) const = 0;
    virtual QStringList dropIndex(const QString &table, const schema::Index &index) const = 0;
    /// Gives a table's index another name in place; empty where the engine cannot (the plan
    /// then drops it and builds it again).
    virtual QStringList renameIndex(const QString &, const QString &, const QString &) const
    {
        return {};
    }
    virtual QStringList createView(const schema::View &view) const = 0;
    /// The COMMENT statements that take an existing view's comments (its own, its columns') from
    /// `from`'s to `to`'s (none: removed). Dialects whose views take no comment need not.
    virtual QStringList commentOnView(const schema::View & /*to*/,
                                      const schema::View & /*from*/) const
    {
        return {};
    }
    virtual QStringList dropView(const schema::View &view) const = 0;
    virtual QStringList createTrigger(const QString &table,
                                      const schema::Trigger &trigger) const = 0;
    virtual QStringList dropTrigger(const QString &table, const schema::Trigger &trigger) const = 0;
    /// A trigger with a moment, created in its place (see TriggerPlacement) whatever place its
    /// own statement names.
    virtual QStringList createPlacedTrigger(const QString &table, const schema::Trigger &trigger,
                                            const TriggerPlacement & /*placement*/) const
    {
        return createTrigger(table, trigger);
    }

    // Types and sequences of the schema itself: only engines that have them spell them
    // (PostgreSQL; sequences MariaDB too); the others never read or load any, so the defaults
    // are never called.
    virtual QStringList createEnum(const schema::EnumType &) const { return {}; }
    virtual QStringList dropEnum(const schema::EnumType &) const { return {}; }
    /// Brings an enum's labels from `live` to `target`: added in place when labelsOnlyAdded(),
    /// otherwise the type is recreated and `users` converted to the new one through text.
    virtual QStringList alterEnum(const schema::EnumType &, const schema::EnumType &,
                                  const EnumUsers &) const
    {
        return {};
    }
    virtual QStringList createComposite(const schema::CompositeType &) const { return {}; }
    virtual QStringList dropComposite(const schema::CompositeType &) const { return {}; }
    /// Brings a composite type's attributes from `live` to `target`: in place where the engine
    /// can, otherwise the type is recreated and `users` converted to the new one.
    virtual QStringList alterComposite(const schema::CompositeType &, const schema::CompositeType &,
                                       const QList<TypeUser> &) const
    {
        return {};
    }
    virtual QStringList createDomain(const schema::Domain &) const { return {}; }
    virtual QStringList dropDomain(const schema::Domain &) const { return {}; }
    virtual QStringList alterDomain(const schema::Domain &, const schema::Domain &) const
    {
        return {};
    }
    /// The sequence without its owner (the owning column may not exist yet): ownSequence().
    virtual QStringList createSequence(const schema::Sequence &) const { return {}; }
    virtual QStringList dropSequence(const schema::Sequence &) const { return {}; }
    /// Every attribute but the owner.
    virtual QStringList alterSequence(const schema::Sequence &, const schema::Sequence &) const
    {
        return {};
    }
    /// Gives the sequence its owner, or none when it has none.
    virtual QStringList ownSequence(const schema::Sequence &) const { return {}; }
    // Collations: only PostgreSQL reads them. One that changes is dropped and created again.
    virtual QStringList createCollation(const schema::Collation &) const { return {}; }
    virtual QStringList dropCollation(const schema::Collation &) const { return {}; }
    // Range types: only PostgreSQL reads them. One whose definition changes is dropped and
    // created again, which the engine refuses while a column or function uses it.
    virtual QStringList createRange(const schema::RangeType &) const { return {}; }
    virtual QStringList dropRange(const schema::RangeType &) const { return {}; }
    virtual QStringList alterRange(const schema::RangeType &, const schema::RangeType &) const
    {
        return {};
    }
    // Text search dictionaries and configurations: only PostgreSQL reads them.
    virtual QStringList createTextSearch(const schema::TextSearch &, bool /*dictionary*/) const
    {
        return {};
    }
    virtual QStringList dropTextSearch(const schema::TextSearch &, bool /*dictionary*/) const
    {
        return {};
    }
    virtual QStringList alterTextSearch(const schema::TextSearch &, const schema::TextSearch &,
                                        bool /*dictionary*/) const
    {
        return {};
    }
    // Extensions: only engines that have them (PostgreSQL) read, load and spell them.
    virtual QStringList createExtension(const schema::Extension &) const { return {}; }
    virtual QStringList dropExtension(const schema::Extension &) const { return {}; }
    // Schemas the model creates besides the connection's: only PostgreSQL reads them.
    virtual QStringList createNamespace(const schema::Namespace &) const { return {}; }
    virtual QStringList dropNamespace(const schema::Namespace &) const { return {}; }
    // Scheduled events: only engines that have them (MariaDB/MySQL) read, load and spell them.
    virtual QStringList createEvent(const schema::Event &) const { return {}; }
    virtual QStringList dropEvent(const schema::Event &) const { return {}; }
    /// Brings the event from `live` to `target` in place, keeping what the target leaves open
    /// (its definer, its start).
    virtual QStringList alterEvent(const schema::Event &, const schema::Event &) const
    {
        return {};
    }
    /// The function (or procedure) with its comment.
    virtual QStringList createFunction(const schema::Function &) const { return {}; }
    virtual QStringList dropFunction(const schema::Function &) const { return {}; }
    /// Brings a function from `live` to `target` (same identity): its definition and comment.
    virtual QStringList alterFunction(const schema::Function &, const schema::Function &) const
    {
        return {};
    }
    /// Whether alterFunction() keeps the function in place; otherwise it drops and creates it,
    /// and what uses it (triggers, views) must go before and come back after.
    virtual bool replacesFunctionInPlace(const schema::Function &, const schema::Function &) const
    {
        return true;
    }
    /// Whether the function's body holds on to the functions it calls (PostgreSQL's SQL-standard
    /// bodies): it must go before one of them is dropped, and come back after.
    virtual bool bodyBindsCalls(const schema::Function &) const { return false; }
    /// Whether the tables and views the function's body reads must exist when it is created
    /// (PostgreSQL checks SQL bodies): it comes after them.
    virtual bool bodyCheckedAtCreation(const schema::Function &) const { return false; }

    // Row-level security: only engines that have it (PostgreSQL) read and load policies.
    /// The policy with its comment.
    virtual QStringList createPolicy(const QString &, const schema::Policy &) const { return {}; }
    virtual QStringList dropPolicy(const QString &, const schema::Policy &) const { return {}; }
    /// Brings a policy from `live` to `target` (same name) in place; empty when it must be
    /// dropped and created instead.
    virtual QStringList alterPolicy(const QString &, const schema::Policy &,
                                    const schema::Policy &) const
    {
        return {};
    }
    /// Enables, disables, forces or stops forcing row-level security on `table`, from `live`'s
    /// flags to `target`'s.
    virtual QStringList setRowSecurity(const QString &, const schema::Table &,
                                       const schema::Table &) const
    {
        return {};
    }
    /// Gives `table` the replica identity (Table::replicaIdentity) of `wanted`; run after the
    /// indexes are built, since it may name one.
    virtual QStringList setReplicaIdentity(const QString &, const schema::Table &) const
    {
        return {};
    }
    /// Gives `table` the CLUSTER ON index (Table::clusterIndex) of `wanted`, after the indexes.
    virtual QStringList setClusterIndex(const QString &, const schema::Table &) const { return {}; }

    /// Brings `live` to `target`: the same table (renames are already done), same name.
    /// Indexes of a table that is not rebuilt are the planner's business.
    virtual TableAlteration alterTable(const schema::Table &live,
                                       const schema::Table &target) const = 0;

    /// Whether changing `from` into `to` can lose information in stored values (a narrowing
    /// type change): such a change is destructive and left out unless allowed.
    virtual bool narrowsType([[maybe_unused]] const schema::Column &from,
                             [[maybe_unused]] const schema::Column &to) const
    {
        return false;
    }

    /// A condition true for the rows whose `from` value the type of `to` cannot hold (lint
    /// counts them: the values a narrowing type change would lose or fail on); empty where the
    /// dialect cannot tell.
    virtual QString valuesNotHeld([[maybe_unused]] const schema::Column &from,
                                  [[maybe_unused]] const schema::Column &to) const
    {
        return {};
    }

    /// What an index's expression part keys on, as a value a query can group by (lint counts
    /// the duplicates a new unique index would meet): the expression in parentheses, or the
    /// dialect's own reading of it (MariaDB's prefix part `name`(10) keys on LEFT(name, 10)).
    virtual QString indexedValue(const schema::Expression &part) const
    {
        return u'(' + part.text + u')';
    }

    /// Whether the engine refuses to change the type of a column a generated column reads
    /// (PostgreSQL): such generated columns are set aside and come back after the change.
    virtual bool generatedColumnsBlockTypeChanges() const { return false; }

    /// A NULL of the column's type, for lint queries that shape live rows as the target table
    /// (PostgreSQL reads a bare NULL as text, which no integer compares with).
    virtual QString typedNull(const schema::Column &column) const
    {
        return column.type.isEmpty() ? QStringLiteral("NULL")
                                     : u"CAST(NULL AS " + column.type + u')';
    }

    /// Whether the engine can honour `options`; otherwise an Error saying why not, and the plan
    /// is refused (nothing is written). The methods below are called only once this passed.
    virtual Status supportsOnline(const OnlineOptions &options) const
    {
        if (!options.any())
            return Ok{};
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("online index builds and NOT VALID constraints are not "
                                    "available on this engine"),
                     {},
                     0,
                     {},
                     QStringLiteral("plan without --concurrently and --not-valid")};
    }
    /// The index built without blocking writes to its table (OnlineOptions::concurrentIndexes).
    virtual QStringList createIndexOnline(const QString &table, const schema::Index &index) const
    {
        return createIndex(table, index);
    }
    virtual QStringList dropIndexOnline(const QString &table, const schema::Index &index) const
    {
        return dropIndex(table, index);
    }
    /// Adds a constraint to a table that has rows without checking them (NOT VALID), and checks
    /// them later (OnlineOptions::notValidConstraints); drops it again by name.
    virtual QStringList addForeignKeyNotValid(const QString &, const schema::ForeignKey &) const
    {
        return {};
    }
    virtual QStringList addCheckNotValid(const QString &, const schema::CheckConstraint &) const
    {
        return {};
    }
    virtual QStringList validateConstraint(const QString &, const QString &) const { return {}; }
    virtual QStringList dropConstraint(const QString &, const QString &) const { return {}; }
    /// The section of the follow-up migration that runs the online statements (concurrent index
    /// builds, validations) after the main one: outside any transaction, with a note saying why.
    virtual SectionText onlineSection(const QStringList &statements) const
    {
        return {statements, false, {}};
    }

    /// Engines that refuse to drop a key a foreign key depends on (PostgreSQL, MariaDB/MySQL),
    /// spell dropping a foreign key here: the planner then drops such keys before any table
    /// changes, and each table's alteration adds its keys back. Empty (the default): the
    /// engine copes on its own (SQLite rebuilds the table).
    virtual QStringList dropForeignKey([[maybe_unused]] const QString &table,
                                       [[maybe_unused]] const schema::ForeignKey &fk) const
    {
        return {};
    }
    /// The engine refuses to change a column a foreign key references (MariaDB/MySQL), not only
    /// to drop the key it depends on.
    virtual bool foreignKeysBlockColumnChanges() const { return false; }
    /// A primary key or UNIQUE constraint whose name alone changes is renamed in place (the
    /// foreign keys referencing it stay), not dropped and added again.
    virtual bool renamesKeysInPlace() const { return false; }
    /// The engine refuses to drop or retype a column that a view, trigger or policy reads
    /// (PostgreSQL; SQLite's DROP COLUMN): the planner recreates those readers around such an
    /// alteration. False: readers survive any in-place ALTER TABLE, and are recreated only
    /// where they change themselves, so none is missing while the table is altered.
    virtual bool readersBlockColumnChanges() const { return true; }
    /// Views, triggers, rules and statistics name a table by its identity and follow its
    /// RENAME (PostgreSQL): a table renamed within its schema keeps them. False: they name it
    /// by its name (MariaDB's views) and are recreated with the new one.
    virtual bool readersFollowTableRenames() const { return false; }
    /// DDL commits statement by statement (MariaDB/MySQL): a view or trigger that is created
    /// again is dropped right before, at the end, not before the tables are altered; it is then
    /// missing for one statement rather than for the whole migration.
    virtual bool dropsChangedReadersLate() const { return false; }
    /// The names of `table`'s indexes and constraints that its schema holds once for all of its
    /// tables: a new table cannot take one while another table holds it. The default, SQLite's:
    /// index names.
    virtual QStringList schemaWideNames(const schema::Table &table) const
    {
        QStringList names;
        for (const schema::Index &i : table.indexes)
            names.append(i.name);
        return names;
    }
    /// A view or trigger created again in place of the live one (`drop` of the live one, then
    /// `create`, both as rendered): in one statement where the engine can (MariaDB's CREATE OR
    /// REPLACE), so that it is never missing in between and one that fails leaves the old one.
    virtual QStringList replaceReader(const QStringList &drop, const QStringList &create) const
    {
        return drop + create;
    }
    /// Adds `fk` back to `table` (the way back of dropForeignKey).
    virtual QStringList addForeignKey([[maybe_unused]] const QString &table,
                                      [[maybe_unused]] const schema::ForeignKey &fk) const
    {
        return {};
    }
    /// The message of a statement that stops the migration where Burrow cannot plan a step
    /// (PostgreSQL's raiseSql), for the plan to warn about; empty for any other statement.
    virtual QString refusalIn([[maybe_unused]] const QString &statement) const { return {}; }

    /// Surrounds a section's statements with what the engine needs to run them safely.
    /// SQLite with `foreignKeysOff`: foreign keys switched off outside one transaction and
    /// verified off, `rebuiltTables` checked with `foreign_key_check` before commit.
    virtual SectionText wrapSection(const QStringList &statements, bool foreignKeysOff,
                                    const QStringList &rebuiltTables) const = 0;
};

} // namespace burrow::plan
