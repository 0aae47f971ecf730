#pragma once

#include "qualified_name.h"
#include "sql_mode.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace burrow::schema {

/// An SQL fragment as written (for display) and in its dialect's canonical spelling (for
/// comparison), so that `(0)` and `0`, or keyword case, never show up as differences.
struct Expression {
    QString text;
    QString canonical;

    bool isEmpty() const { return text.isEmpty(); }
    friend bool operator==(const Expression &a, const Expression &b)
    {
        return a.canonical == b.canonical;
    }
};

enum class Generated { No, Virtual, Stored };
enum class SortOrder { Ascending, Descending };
enum class ReferentialAction { NoAction, Restrict, Cascade, SetNull, SetDefault };
enum class Deferral { NotDeferrable, InitiallyImmediate, InitiallyDeferred };
/// What a Trigger entry is: PostgreSQL's rules and extended statistics are planned as
/// triggers are.
enum class TriggerKind { Trigger, Rule, Statistics };

/// A table column with the attributes the differ compares.
struct Column {
    QString name;
    QString type;    // declared type as written, blanks normalized
    QString typeKey; // canonical declared type, for comparison
    bool notNull = false;
    std::optional<Expression> defaultValue;
    QString collation;          // empty means the engine's default
    int primaryKeyPosition = 0; // 1-based position in the primary key, 0 when not part of it
    bool autoIncrement = false;
    Generated generated = Generated::No;
    Expression generatedExpression;
    QString comment; // empty when none (PostgreSQL's COMMENT ON COLUMN)
    /// How an autoIncrement column is numbered where the engine has several ways, in the
    /// dialect's words (PostgreSQL: `serial`, or its identity clause); empty: the only way.
    QString numbering{};
    /// Left out of `SELECT *` (MariaDB/MySQL's INVISIBLE); other engines have no such columns.
    bool invisible = false;
    /// Changes to it make no new version of the row (MariaDB's WITHOUT SYSTEM VERSIONING, in a
    /// system-versioned table).
    bool unversioned = false;
    /// What else the engine keeps for the column, in the dialect's words, compared as text
    /// (PostgreSQL: `STORAGE EXTERNAL COMPRESSION lz4 STATISTICS 500`); empty when none.
    QString options{};
};

/// One key of an index: a column or an expression, with its order and collation.
struct IndexPart {
    QString column; // empty for an expression part
    Expression expression;
    SortOrder order = SortOrder::Ascending;
    QString collation; // empty means the column's or engine's default
    /// A non-default operator class (PostgreSQL: `text_pattern_ops`); empty for the type's own.
    QString opclass{};
    /// NULLs at the other end than the order puts them (PostgreSQL's NULLS FIRST on an
    /// ascending part, NULLS LAST on a descending one).
    bool nullsOtherEnd = false;
};

/// A named index (constraint-backing indexes are modelled as constraints instead).
struct Index {
    QString name;
    bool unique = false;
    QList<IndexPart> parts;
    Expression where;  // the predicate of a partial index, empty otherwise
    QString sql;       // the definition as the engine stores it
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON INDEX)
    /// PostgreSQL 15's UNIQUE … NULLS NOT DISTINCT: NULLs collide like other values.
    bool nullsNotDistinct = false;
    /// PostgreSQL: left unusable by a failed CREATE INDEX CONCURRENTLY (pg_index.indisvalid
    /// false): it neither serves queries nor enforces uniqueness.
    bool invalid = false;
    /// What else builds it, in the dialect's words, compared as text (PostgreSQL: the access
    /// method, INCLUDE columns and storage parameters, `USING gin WITH (fastupdate=off)`);
    /// empty where the dialect has none.
    QString options{};
};

/// The primary key of a table, when it has one.
struct PrimaryKey {
    QString name; // constraint name, empty when unnamed
    QStringList columns;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON CONSTRAINT)
    Deferral deferral = Deferral::NotDeferrable; // PostgreSQL's DEFERRABLE [INITIALLY DEFERRED]
    /// MariaDB's `(…, p WITHOUT OVERLAPS)`: the application-time period whose ranges may not
    /// overlap among rows equal in `columns`; empty when none.
    QString withoutOverlaps{};
};

/// A UNIQUE constraint, declared on a column or on the table.
struct UniqueConstraint {
    QString name;
    QStringList columns;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON CONSTRAINT)
    Deferral deferral = Deferral::NotDeferrable; // PostgreSQL's DEFERRABLE [INITIALLY DEFERRED]
    bool nullsNotDistinct = false;               // PostgreSQL 15's UNIQUE NULLS NOT DISTINCT
    QString withoutOverlaps{}; // MariaDB's `… p WITHOUT OVERLAPS`, as on PrimaryKey
};

/// A CHECK constraint, declared on a column or on the table.
struct CheckConstraint {
    QString name;
    Expression expression;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON CONSTRAINT)
    /// The column whose definition holds it (MariaDB keeps a column's CHECK there); empty for a
    /// table constraint. Where it is declared, not what it means: never compared.
    QString column;
    /// Added NOT VALID and never validated (PostgreSQL): the existing rows were not checked.
    bool notValid = false;
    bool noInherit = false; // PostgreSQL's NO INHERIT: child tables do not get it
    /// The name the engine gave it when the model, which left it unnamed, was loaded (MariaDB's
    /// `CONSTRAINT_1`): the name the engine would give it again. Never compared.
    QString engineName{};
};

/// An exclusion constraint (PostgreSQL's EXCLUDE), kept whole in the engine's own spelling.
struct ExclusionConstraint {
    QString name;
    /// `EXCLUDE USING gist (during WITH &&) WHERE (…) DEFERRABLE`, as pg_get_constraintdef says.
    Expression definition;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON CONSTRAINT)
};

/// A FOREIGN KEY constraint, declared inline (REFERENCES) or on the table.
struct ForeignKey {
    QString name;
    QStringList columns;
    QString referencedTable;
    QStringList referencedColumns; // empty means the referenced table's primary key
    ReferentialAction onDelete = ReferentialAction::NoAction;
    ReferentialAction onUpdate = ReferentialAction::NoAction;
    Deferral deferral = Deferral::NotDeferrable;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON CONSTRAINT)
    /// Added NOT VALID and never validated (PostgreSQL): the existing rows were not checked.
    bool notValid = false;
    bool matchFull = false; // MATCH FULL: a partly NULL key is refused (default MATCH SIMPLE)
    /// ON DELETE SET NULL / SET DEFAULT (a) (PostgreSQL 15): the columns it sets; empty: all
    /// of the key's.
    QStringList onDeleteColumns{};
    /// The name the engine gave it when the model, which left it unnamed, was loaded (MariaDB's
    /// `t_ibfk_1`): the name the engine would give it again. Never compared.
    QString engineName{};
};

/// A trigger and its full definition; or a rule (PostgreSQL's CREATE RULE) or extended
/// statistics (CREATE STATISTICS), which are planned as a trigger is: dropped before what they
/// read changes, created again after.
struct Trigger {
    QString name;
    Expression definition; // the whole CREATE TRIGGER (RULE, STATISTICS) statement
    QString comment{};     // empty when none (PostgreSQL's COMMENT ON TRIGGER …)
    /// When it fires other than as usual, in the dialect's words (PostgreSQL: `DISABLE`,
    /// `ENABLE REPLICA` or `ENABLE ALWAYS`); empty when enabled. Statistics: the sample size
    /// other than the default (`SET STATISTICS 500`).
    QString firing{};
    TriggerKind kind = TriggerKind::Trigger;
    QString definer{}; // MariaDB/MySQL: see View::definer
    /// MariaDB/MySQL: when it fires (`BEFORE INSERT`): a table's triggers of one moment fire in
    /// their list's order (FOLLOWS / PRECEDES). Empty where the engine has no such order.
    QString moment{};
    SqlMode sqlMode{};
};

/// A row-level security policy (PostgreSQL's CREATE POLICY) of a table.
struct Policy {
    QString name;
    bool permissive = true;     // AS PERMISSIVE, or AS RESTRICTIVE
    QString command;            // ALL, SELECT, INSERT, UPDATE or DELETE
    QStringList roles;          // sorted; PUBLIC as `public`
    Expression usingExpression; // empty when none
    Expression withCheck;       // empty when none
    QString comment{};          // empty when none (PostgreSQL's COMMENT ON POLICY)
};

/// A table with everything that belongs to it.
/// MariaDB's application-time period, `PERIOD FOR name (start, end)`: the range of time a row
/// is valid for. The engine makes both columns NOT NULL and checks start < end.
struct ApplicationPeriod {
    QString name; // empty when the table has none
    QString start;
    QString end;
    bool operator==(const ApplicationPeriod &) const = default;
};

struct Table {
    QString name;
    QList<Column> columns;
    std::optional<PrimaryKey> primaryKey;
    QList<UniqueConstraint> uniques;
    QList<CheckConstraint> checks;
    QList<ForeignKey> foreignKeys;
    QList<Index> indexes;
    QList<Trigger> triggers;
    bool withoutRowid = false; // SQLite table option
    bool strict = false;       // SQLite table option
    QString sql;               // the definition as the engine stores it
    QString comment;           // empty when none (PostgreSQL's COMMENT ON TABLE)
    QString collation;         // the default of its columns (MySQL); empty where tables have none
    bool rowSecurity = false;  // PostgreSQL's ENABLE ROW LEVEL SECURITY
    bool forceRowSecurity = false; // FORCE ROW LEVEL SECURITY: the owner is subject to it too
    QList<Policy> policies{};      // PostgreSQL's row-level security policies
    /// The PARTITION BY clause, as the dialect spells it from the catalog (MariaDB/MySQL: with
    /// its partitions; PostgreSQL: the key, whose partitions are tables of their own); empty
    /// when the table is not partitioned.
    QString partitioning{};
    QList<ExclusionConstraint> exclusions{}; // PostgreSQL's EXCLUDE constraints
    /// The declared table options the dialect compares, as it writes them (MariaDB/MySQL:
    /// `KEY_BLOCK_SIZE=8 ROW_FORMAT=DYNAMIC`); empty when none.
    QString options{};
    /// The partitioned table this one is a partition of (PostgreSQL's PARTITION OF); empty for
    /// a table of its own. A partition's columns, and what it inherits from its parent, are the
    /// parent's: it holds only what is its own.
    QString partitionOf{};
    /// The partition's bound as the engine spells it: `FOR VALUES FROM (…) TO (…)`, `FOR VALUES
    /// IN (…)`, `FOR VALUES WITH (…)` or `DEFAULT`; empty when not a partition.
    QString partitionBound{};
    /// MariaDB's WITH SYSTEM VERSIONING: the table keeps every row's past versions. Explicit
    /// period columns are generated columns whose expression is `ROW START` or `ROW END`.
    bool systemVersioned = false;
    /// The tables it inherits from (PostgreSQL's INHERITS, not partitions), in order. Their
    /// columns and CHECKs are theirs: only what the table declares itself is in it.
    QStringList inherits{};
    /// PostgreSQL's REPLICA IDENTITY, what logical replication sends to find an updated or
    /// deleted row: empty for DEFAULT (the primary key), `FULL`, `NOTHING`, or `USING INDEX`
    /// with the index's name in replicaIdentityIndex.
    QString replicaIdentity{};
    QString replicaIdentityIndex{};
    /// PostgreSQL's CLUSTER ON: the index that CLUSTER without one named orders the rows by;
    /// empty when none.
    QString clusterIndex{};
    ApplicationPeriod period{}; // MariaDB allows one per table
};

/// A view and its definition.
/// A comment on one column of a view (PostgreSQL's COMMENT ON COLUMN).
struct ColumnComment {
    QString column;
    QString comment;
    bool operator==(const ColumnComment &) const = default;
};

struct View {
    QString name;
    Expression definition;   // the whole CREATE VIEW statement
    QList<Trigger> triggers; // INSTEAD OF triggers on the view
    QString comment{};       // empty when none (PostgreSQL's COMMENT ON VIEW)
    QList<Index> indexes{};  // a materialized view's indexes (PostgreSQL)
    /// The statements that give it its owner (ALTER … OWNER TO, where another role than the
    /// migration's owns it) and the privileges others hold on it again (GRANT; PostgreSQL),
    /// read from the catalog: a view dropped and created again has lost them. Carried over,
    /// not compared (Burrow does not manage privileges).
    QStringList grants{};
    QList<ColumnComment> columnComments{}; // in the columns' order
    /// MariaDB/MySQL: the account it runs as (`user@host`, DEFINER=) where it is not the one the
    /// migration runs as, whose objects created again would be its own. Read from the catalog,
    /// carried over to a view, trigger or routine created again; not compared.
    QString definer{};
};

/// An enumerated type (PostgreSQL's CREATE TYPE … AS ENUM): its labels in their sort order.
struct EnumType {
    QString name;
    QStringList labels;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON TYPE)
};

/// A domain (PostgreSQL's CREATE DOMAIN): a base type with its own default, NOT NULL and checks.
struct Domain {
    QString name;
    QString type; // the base type as the engine spells it
    bool notNull = false;
    std::optional<Expression> defaultValue;
    QString collation; // empty means the base type's
    QList<CheckConstraint> checks;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON DOMAIN)
};

/// One attribute of a composite type: positional, as a table's column is.
struct TypeAttribute {
    QString name;
    QString type;      // as the engine spells it
    QString collation; // empty means the type's own

    bool operator==(const TypeAttribute &) const = default;
};

/// A composite type (PostgreSQL's CREATE TYPE … AS (…)): a row of named attributes, in order.
struct CompositeType {
    QString name;
    QList<TypeAttribute> attributes;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON TYPE)
};

/// A range type (PostgreSQL's CREATE TYPE … AS RANGE): `definition` is its parameter list as
/// the catalog gives it, `SUBTYPE = time without time zone, MULTIRANGE_TYPE_NAME = timemultirange`
/// (and any SUBTYPE_OPCLASS, COLLATION, CANONICAL or SUBTYPE_DIFF where not the defaults).
struct RangeType {
    QString name;
    QString definition;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON TYPE)
};

/// A sequence standing on its own (those behind serial and identity columns belong to their
/// columns' autoIncrement instead). Optionally owned by a column: it goes when the column goes.
struct Sequence {
    QString name;
    QString type; // bigint, integer or smallint
    qint64 start = 1;
    qint64 increment = 1;
    qint64 minValue = 1;
    qint64 maxValue = 0;
    qint64 cache = 1;
    bool cycle = false;
    QString ownedByTable; // empty when owned by no column
    QString ownedByColumn;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON SEQUENCE)
    /// PostgreSQL 15's UNLOGGED sequence: not written to the WAL, so reset by a crash and not
    /// replicated.
    bool unlogged = false;
};

/// A scheduled event (MariaDB/MySQL's CREATE EVENT): when it runs and what it does. Its
/// clauses are kept as the engine reports them, so that two spellings of one event compare equal.
struct Event {
    QString name;
    QString schedule; // `EVERY 1 DAY`, `EVERY '1 4' DAY_HOUR` or `AT '2035-01-01 00:00:00'`
    /// STARTS as a timestamp; empty in a model that names none (or one relative to now): the
    /// engine starts it when it is created, so it is not compared.
    QString starts;
    QString ends;          // empty when none
    bool preserve = false; // ON COMPLETION PRESERVE
    QString status;        // ENABLE, DISABLE or DISABLE ON SLAVE
    QString comment;
    Expression body; // the statement after DO
    /// `user@host`; empty in a model that names no DEFINER: whoever runs the migration.
    QString definer;
    SqlMode sqlMode{};
    QString sql; // the CREATE EVENT statement: the model's as typed, or rebuilt from the catalog
};

/// A function or procedure of the schema (PostgreSQL's CREATE FUNCTION / PROCEDURE). Overloads
/// are distinct objects: the identity is the name with the argument types.
struct Function {
    QString name;          // the identity, as the dialect spells it: `add(integer, integer)`
    QString routineName;   // the name alone: `add`
    QString argumentTypes; // the types that tell overloads apart: `integer, integer`
    bool procedure = false;
    QString arguments;      // the whole argument list, with names, modes and defaults
    QString result;         // what it returns (empty for a procedure)
    Expression definition;  // the whole CREATE statement, in the engine's normalized spelling
    QString body;           // the body alone, as written: what it reads
    QString comment{};      // empty when none (PostgreSQL's COMMENT ON FUNCTION)
    bool aggregate = false; // PostgreSQL's CREATE AGGREGATE: its definition names its functions
    /// PostgreSQL: the statements that give it its owner and privileges again once dropped and
    /// created (ALTER … OWNER TO where another role than the migration's owns it, REVOKE … FROM
    /// PUBLIC, GRANT EXECUTE …); empty where it has the defaults. Not compared.
    QStringList grants{};
    QString definer{}; // MariaDB/MySQL: see View::definer
    SqlMode sqlMode{};
};

/// An extension the database has (PostgreSQL's CREATE EXTENSION). Installed database-wide,
/// whichever schema holds its objects: compared by name only.
struct Extension {
    QString name;
};

/// A collation the schema defines (PostgreSQL's CREATE COLLATION): how its columns' text
/// sorts and compares (an ICU `und-u-ks-level2`, not deterministic, ignores case).
struct Collation {
    QString name;
    QString provider; // icu or libc
    QString locale;   // ICU's locale, or libc's LC_COLLATE
    QString ctype;    // libc's LC_CTYPE; empty for ICU
    bool deterministic = true;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON COLLATION)
};

/// A text search dictionary or configuration (PostgreSQL's CREATE TEXT SEARCH DICTIONARY /
/// CONFIGURATION): what full-text search makes of a text.
struct TextSearch {
    QString name;
    QString source; // a dictionary's template, a configuration's parser (`"default"`)
    /// A dictionary's options (`language = 'english'`); a configuration's mappings in its
    /// parser's token order (`asciiword WITH english_stem, simple`).
    QStringList settings;
    QString comment{}; // empty when none (PostgreSQL's COMMENT ON TEXT SEARCH …)
};

/// A schema besides the connection's that the model creates (PostgreSQL's CREATE SCHEMA).
struct Namespace {
    QString name;
};

/// Everything Burrow knows about one database's schema (or a model's). Types, sequences,
/// functions and extensions are PostgreSQL's, events MariaDB/MySQL's: other engines leave those
/// lists empty.
struct Schema {
    QList<Table> tables;
    QList<View> views;
    QList<EnumType> enums;
    QList<Domain> domains;
    QList<Sequence> sequences;
    QList<Event> events;
    QList<Function> functions;
    QList<Extension> extensions{};
    /// PostgreSQL: the schemas besides the connection's that the model creates and Burrow
    /// manages with it (their objects are named qualifiedName(schema, name)).
    QList<Namespace> namespaces{};
    QList<CompositeType> composites{};
    QList<Collation> collations{};
    QList<RangeType> ranges{};
    QList<TextSearch> textSearchDictionaries{};
    QList<TextSearch> textSearchConfigurations{};
    /// What the engine holds that Burrow neither compares nor migrates, as the engine names it
    /// ("publication pub", "operator ===(pt,pt)"): listed so that a model's are not lost silently.
    QStringList uncompared{};
};

/// Whether `target` only adds labels to `live`, keeping the order of the existing ones: then
/// the type changes in place, and no stored value changes.
bool labelsOnlyAdded(const EnumType &live, const EnumType &target);

/// Whether `target` only appends attributes to `live`'s: then the type changes in place, and
/// no stored value changes.
bool attributesOnlyAdded(const CompositeType &live, const CompositeType &target);

/// A view column whose comment differs between two versions of the view (empty: none).
struct ColumnCommentChange {
    QString column, from, to;
};
/// Those of `from` and `to`: the comments `to` sets, then those it takes away.
QList<ColumnCommentChange> columnCommentChanges(const View &from, const View &to);

/// Whether the column's declared type is `typeName` or an array of it (`typeKey` is the
/// engine's spelling, quoted where the name needs it: `quoted`).
bool columnUsesType(const Column &column, const QString &typeName, const QString &quoted);
/// The same for a type as the engine spells it (a domain's base type).
bool typeIsOrArrayOf(QString type, const QString &typeName, const QString &quoted);

/// Whether a column that becomes NOT NULL takes its new default where it holds NULL: a plain
/// column with a default. Every engine's migration fills those rows first, as Django's does,
/// so that the constraint can hold (SQLite's table rebuild with COALESCE).
bool defaultFillsNulls(const Column &from, const Column &to);

/// The item of `items` named `name` (compared under `cs`); null when none.
template<typename T>
const T *findNamed(const QList<T> &items, const QString &name, Qt::CaseSensitivity cs)
{
    for (const T &item : items) {
        if (item.name.compare(name, cs) == 0)
            return &item;
    }
    return nullptr;
}

/// The names of what lives in a schema (PostgreSQL's namespaces): tables, views, types,
/// sequences, collations, text search objects, and functions by their routine name (without the
/// argument types). Qualified (`core.users`) where another schema than the URL's holds them.
QStringList namesInSchemas(const Schema &schema);

/// The table named `name`, or null.
const Table *findTable(const Schema &schema, const QString &name, Qt::CaseSensitivity cs);

/// The column named `name` in `table`, or null.
const Column *findColumn(const Table &table, const QString &name, Qt::CaseSensitivity cs);

/// `REFERENCES t` means t's primary key: spell those columns out, so that the short and the
/// long form compare equal.
void resolveImplicitReferences(Schema &schema, Qt::CaseSensitivity cs);

QString toSql(ReferentialAction action);
QString toSql(Deferral deferral);

} // namespace burrow::schema
