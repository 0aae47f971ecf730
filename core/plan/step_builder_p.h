#pragma once

#include "../diff/change.h"
#include "../diff/describe.h"
#include "dependencies_p.h"
#include "migration_plan.h"
#include "sql_renderer.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <initializer_list>

namespace burrow::plan {

/// Changes to a table's columns, keys, constraints or options (not its indexes or triggers).
inline bool isStructural(diff::ObjectKind kind)
{
    using diff::ObjectKind;
    return kind != ObjectKind::Table && kind != ObjectKind::Index && kind != ObjectKind::Trigger &&
           kind != ObjectKind::Rule && kind != ObjectKind::Statistics &&
           kind != ObjectKind::Policy && kind != ObjectKind::RowSecurity &&
           !diff::isSchemaLevel(kind);
}

/// A foreign key or CHECK that differs only in that the live one was never validated: it is
/// validated in place (its rows checked), never dropped and added again.
inline bool onlyValidates(const diff::Change &c)
{
    using diff::ObjectKind;
    return (c.object == ObjectKind::ForeignKey || c.object == ObjectKind::Check) &&
           c.type == diff::ChangeType::Changed && !c.anonymous &&
           c.attributes == QStringList{QStringLiteral("validated")};
}

using schema::findNamed;

/// `items` each after those it depends on (`dependsOn(a, b)`: a needs b); a cycle, which
/// the engine refuses to create, keeps the given order.
template<typename T, typename DependsOn>
QList<const T *> dependenciesFirst(const QList<T> &items, DependsOn dependsOn)
{
    QList<const T *> ordered;
    QList<const T *> waiting;
    for (const T &item : items)
        waiting.append(&item);
    while (!waiting.isEmpty()) {
        const auto ready = std::find_if(waiting.begin(), waiting.end(), [&](const T *item) {
            return std::none_of(waiting.begin(), waiting.end(),
                                [&](const T *other) { return dependsOn(*item, *other); });
        });
        const auto next = ready != waiting.end() ? ready : waiting.begin();
        ordered.append(*next);
        waiting.erase(next);
    }
    return ordered;
}

/// A table or view with its triggers.
struct TriggerOwner {
    QString name;
    const QList<schema::Trigger> *triggers = nullptr;
};

/// Tables first, then views (whose INSTEAD OF triggers go and come with them).
QList<TriggerOwner> triggerOwners(const schema::Schema &schema);

/// "create aggregate first(anyelement)": a step's title.
QString routineTitle(const QString &verb, const schema::Function &f);

/// What a function reads, as text: its definition (a SQL-standard body is part of it) and its
/// body when that is a string (`AS $$ … $$`, which the definition holds as a literal).
inline QString functionText(const schema::Function &f)
{
    return f.definition.text + u'\n' + f.body;
}

/// A name a new table takes while a kept table holds it: the migration could not create it.
struct NameClash {
    QString newTable, name, heldBy;
};

/// Builds the ordered steps from a live schema (renames applied) to a target, in phases:
/// drop triggers and views that are removed, changed or read what changes; renames; drop
/// indexes; create or alter sequences, enum types, functions and domains (which tables use);
/// drop the tables in the way of new ones (tables_in_the_way.cpp); create tables, then the
/// functions whose bodies read them; alter tables; give sequences their owners; drop tables (in
/// foreign-key order), then the sequences, domains, functions and enum types no longer used; create
/// indexes, views, triggers, then row-level security and policies (dropped with the triggers).
/// Events go first and come last.
class StepBuilder {
public:
    StepBuilder(const schema::Schema &live, const schema::Schema &target,
                const QList<diff::Change> &changes, const QList<diff::Change> &destructive,
                const SqlRenderer &renderer, Qt::CaseSensitivity cs);

    void setOnline(const OnlineOptions &online) { m_online = online; }
    QList<PlanStep> build(const QList<Rename> &renames);
    QStringList rebuiltTables() const { return m_rebuilt; }
    /// With notValidConstraints: the steps that check the constraints added NOT VALID.
    QList<PlanStep> validations() const { return m_validations; }
    bool dropsTables() const { return m_dropsTables; }
    /// Names a new table takes that a table the plan keeps holds too (build() finds them).
    QList<NameClash> nameClashes() const { return m_nameClashes; }

private:
    QString key(const QString &name) const { return m_deps.key(name); }
    QList<diff::Change> changesOf(const QString &table, diff::ObjectKind kind, const QString &name,
                                  std::initializer_list<diff::ChangeType> types) const;
    /// The table's alteration makes its index changes itself (a rebuild, a MariaDB ALTER).
    bool alterationMakesIndexes(const QString &table) const;
    bool triggerChanged(const QString &owner, const schema::Trigger &trigger) const;
    /// Identifies a trigger (or rule) of an owner in m_triggersToDrop and m_triggersToCreate.
    QString triggerId(const QString &owner, const schema::Trigger &trigger) const;
    /// The owner disappears in this migration (its triggers with it, without SQL of their own).
    bool ownerGoes(const QString &owner) const;
    /// The owner is created (or recreated) in this migration, so all its triggers must be.
    bool ownerComes(const QString &owner) const;

    void classifyTables(const QList<Rename> &renames);
    /// What a live table was called before this migration renames it: steps running before the
    /// renames (dropping its triggers and policies) must name it so.
    QString nameBeforeRenames(const QString &table) const;
    /// Marks what an alteration of `table` makes its readers (views, triggers, policies) be
    /// recreated for: the whole table when it is rebuilt or its key changes; else, where the
    /// engine refuses to change a column something reads, the columns dropped or retyped.
    void touchReaders(const QString &table, const QList<diff::Change> &changes,
                      const TableAlteration &alteration);
    /// Whether `definition` reads one of `touched`, or a column in m_touchedColumns.
    bool readsTouched(const QString &definition, const QSet<QString> &touched) const;
    /// Finds the live foreign keys the engine would not let a column change pass (see
    /// SqlRenderer::dropForeignKey); they are dropped first and come back with their table.
    void liftBlockedForeignKeys();
    /// A key's change leaves it in place (a comment; a name, where the engine renames keys).
    bool keyChangesInPlace(const diff::Change &change) const;
    /// The referenced key `fk` depends on is dropped or changed.
    bool referencedKeyGoes(const schema::ForeignKey &fk) const;
    /// Engines whose foreign keys block column changes: one of `columns` of `table` changes.
    bool columnsChange(const QString &table, const QStringList &columns) const;
    /// The live table as its alteration starts: without its lifted foreign keys, the users set
    /// aside and the keys that gave up their names.
    const schema::Table &liveForAlteration(const QString &table) const;
    void dropLiftedForeignKeys();
    /// `created` without its foreign keys to tables this migration alters: those are added
    /// after the alterations (addKeysAfterAlterations), when the columns they reference exist.
    schema::Table withoutKeysToAlteredTables(const schema::Table &created);
    void addKeysAfterAlterations();
    /// The key `fk` references comes back as a unique index that createIndexes() makes, after
    /// the alterations; `table`'s own foreign keys do not change.
    bool waitsForReferencedIndex(const QString &table, const schema::ForeignKey &fk) const;
    void addKeysAfterIndexes();
    /// Adds `keys` (by table key) of `tables`, each its own step: "(after <after>)".
    void addDeferredKeys(const QList<schema::Table> &tables,
                         const QHash<QString, QList<schema::ForeignKey>> &keys,
                         const QString &after);
    /// With notValidConstraints: the table's foreign keys and CHECKs that are added or changed
    /// leave its alteration, to be added NOT VALID after it (online_steps.cpp).
    schema::Table withoutNotValidConstraints(const schema::Table &live,
                                             const schema::Table &target);
    bool addedNotValid(const QString &table, const diff::Change &c) const;
    void addConstraintsNotValid();
    /// The live constraints left NOT VALID that the target wants validated (onlyValidates);
    /// with notValidConstraints, after the migration like the others.
    void validateConstraints();
    QStringList createIndexSql(const QString &table, const schema::Index &index) const;
    QStringList dropIndexSql(const QString &table, const schema::Index &index) const;
    void collectViewWork();
    /// Whether every change to `view` is to its comment: set in place by commentViews().
    bool viewCommentOnly(const QString &view) const;
    /// Whether the model changes `view` beyond its comment: dropped and created again.
    bool viewRedefined(const QString &view) const
    {
        return m_viewChanges.contains(key(view)) && !viewCommentOnly(view);
    }
    void commentViews();
    void collectTriggerWork();

    void add(const QString &summary, const QStringList &sql, const QStringList &reverse,
             const QList<diff::Change> &changes, bool rebuild = false);
    void dropTriggers();
    /// Views, and the functions that read views, in the order of what each reads
    /// (view_function_steps.cpp).
    void dropViews();
    void dropView(const schema::View &v);
    void dropViewReader(const schema::Function &f);
    void createViews();
    void createView(const schema::View &v);
    /// Adds to m_viewReaders the live functions whose SQL-standard bodies read a view that
    /// goes, or call such a function: they go with the views, and what calls them is touched.
    /// Whether it found any.
    bool findViewReaders();
    bool isViewReader(const schema::Function &live) const;
    /// The routine keys of the model's functions created among the views: SQL bodies reading
    /// one created in this migration or calling such a function, and the view readers kept.
    QSet<QString> functionsWithViews() const;
    void renameObjects(const QList<Rename> &renames);
    void dropIndexes();
    /// REPLICA IDENTITY and CLUSTER ON, each through setIndexSetting.
    void setIndexSettings();
    /// A table setting that may name an index (REPLICA IDENTITY USING INDEX, CLUSTER ON): set
    /// after the indexes, where it changes, and again where the index it names is built anew
    /// (a new index does not inherit the setting of the one it replaces).
    struct IndexSetting {
        QString attribute; // the differ's: "replica identity"
        QString summary;   // the step's, before the table's name: "set replica identity on "
        std::function<bool(const schema::Table &)> isSet;
        std::function<QString(const schema::Table &)> index;
        QStringList (SqlRenderer::*sql)(const QString &, const schema::Table &) const;
    };
    void setIndexSetting(const IndexSetting &setting);
    bool rebuildsIndexNamed(const QString &table, const QString &index) const;
    bool partitionsAlteredTable(const schema::Table &t) const;
    /// The new tables: those that are not partitions of altered tables, or only those.
    void createTables(bool partitionsOfAlteredTables = false);
    void alterTables();
    /// Drops the tables the target lacks, referencing tables first: those in the way of new
    /// tables (`inTheWay`, before the tables are created) or the others (after the alterations).
    void dropTables(bool inTheWay = false);

    // Dropped tables holding names new tables take, and keys of kept tables that give such a
    // name up (tables_in_the_way.cpp).
    QStringList heldNames(const schema::Table &table) const;
    void findTablesInTheWay();
    bool referencesTableInTheWay(const schema::ForeignKey &fk) const;
    /// After the other lifts: the kept tables' keys whose names other tables take.
    void findNamesGivenUp();
    /// Drops those keys, before the tables are created.
    void giveUpNames();
    void createIndexes();

    // Indexes renamed in place (index_rename_steps.cpp): a live index the model drops and one
    // it adds to the same table with the same definition are one index under a new name.
    void matchIndexRenames();
    void settleIndexRenames();
    void renameIndexes();
    /// The live index `from` of `table` matched one the model adds (settled or not yet).
    bool indexRenameMatched(const QString &table, const QString &from) const;
    /// `index` (a live name or a target one) of `table` is renamed, not dropped or created.
    bool renamesIndex(const QString &table, const QString &index) const;
    bool sameIndexDefinition(const QString &table, const schema::Index &live,
                             const schema::Index &target) const;
    void createTriggers();
    TriggerPlacement placementOf(const TriggerOwner &owner, const schema::Trigger &t) const;

    // Indexes of materialized views (view_index_steps.cpp): a view dropped takes its indexes
    // along, a view created gets them in its own step (createViews); a kept view's indexes
    // that change are dropped and created alone.
    void dropViewIndexes();
    void createViewIndexes();

    // Sequences, enums and domains (schema_object_steps.cpp).
    QList<diff::Change> objectChanges(diff::ObjectKind kind, const QString &name) const;
    /// The enum is recreated (labels removed or reordered): its users' tables are touched.
    bool enumRecreated(const schema::EnumType &live) const;
    /// The live columns whose type is `type` or an array of it.
    QList<TypeUser> columnsOfType(const QString &type) const;
    /// What converts to `live` when it is recreated: columns, and domains with their columns.
    EnumUsers enumUsers(const schema::EnumType &live) const;
    void touchEnumUsers();
    void createSequences();
    /// `domains` with each after the domain it is based on.
    QList<const schema::Domain *> domainsBaseFirst(const QList<schema::Domain> &domains) const;
    void createTypes();
    void alterEnums();

    // Composite types (composite_steps.cpp).
    /// Whether an attribute of `type` is `typeName` (or an array of it).
    bool hasAttributeOf(const schema::CompositeType &type, const QString &typeName) const;
    /// Whether an attribute of `type` is one of `domains` (or an array of one).
    bool usesDomain(const schema::CompositeType &type, const QList<schema::Domain> &domains) const;
    /// `types` each after those its attributes are.
    QList<const schema::CompositeType *>
    compositesInnerFirst(const QList<schema::CompositeType> &types) const;
    /// Those using a domain come after the domains (`afterDomains`), the others before the
    /// functions that may take them.
    void createComposites(bool afterDomains);
    /// The reverse: those using a domain go before the domains.
    void dropComposites(bool beforeDomains);
    /// Whether the type's attributes only gain new ones after the others (or stay).
    bool compositeOnlyGrows(const QString &name) const;
    /// A type whose attributes are dropped, retyped or reordered: its columns' readers are
    /// recreated around the change.
    void touchCompositeUsers();
    /// And its columns' defaults and generated readers step aside (retype_lift.cpp).
    void liftCompositeUsers();
    void ownSequences();
    void dropSequences();
    void dropTypes();
    void dropEvents();
    void createEvents();
    /// The step creating `target` where none is live, or altering `live` into it where they
    /// differ: "create type x" / "alter type x".
    /// `create`, `drop` and `alter` are called with the renderer first: SqlRenderer's member
    /// functions, or lambdas passing more.
    template<typename T, typename Create, typename Drop, typename Alter>
    void createOrAlter(diff::ObjectKind kind, const QString &noun, const T &target, const T *live,
                       Create create, Drop drop, Alter alter)
    {
        const QList<diff::Change> changes = objectChanges(kind, target.name);
        const QString name = noun + u' ' + diff::displayName(target.name);
        if (!live)
            add(u"create " + name, std::invoke(create, m_r, target), std::invoke(drop, m_r, target),
                changes);
        else if (!changes.isEmpty())
            add(u"alter " + name, std::invoke(alter, m_r, *live, target),
                std::invoke(alter, m_r, target, *live), changes);
    }
    void createTextSearch();
    void dropTextSearch();
    void createRanges(bool namingFunction);
    void dropRanges(bool namingFunction);
    void createCollations();
    void dropCollations();
    /// First of all, since types, tables and functions may use what they bring; dropped last.
    void createExtensions();
    void dropExtensions();
    void createNamespaces();
    void dropNamespaces();

    // Functions (function_steps.cpp).
    /// Functions dropped and created again: what reads them is recreated around them.
    void touchFunctionUsers();
    /// The keys of the live functions dropped and created again: not replaceable in place, or
    /// bound to one that is (functionsBoundTo).
    QSet<QString> recreatedFunctions() const;
    /// The keys of the functions whose change cannot be made in place.
    QSet<QString> functionsChangedBeyondReplace() const;
    /// The live functions whose bodies hold on to one of `recreated` (SqlRenderer::
    /// bodyBindsCalls), or to one of those, in the order found: dropped before the set-aside
    /// users, created again after the functions of the types phase.
    QList<const schema::Function *> functionsBoundTo(const QSet<QString> &recreated) const;
    /// Whether a body mentioning `names` (Dependencies::mentions) reads a column the migration
    /// retypes, drops or converts, or a table it drops (heldColumns): PostgreSQL refuses those
    /// changes while a SQL-standard body holds them.
    bool readsHeldColumns(const QSet<QString> &names) const;
    /// Such a function is dropped before the changes and created again once they are made
    /// (FunctionPhase::AfterHeldColumns), as are the model's whose SQL-standard bodies read
    /// what changes, and those whose bodies call one of them: their routine keys.
    QSet<QString> functionsAfterHeldColumns() const;
    /// Whether a model function joins `keys` (routine keys), given the names it mentions.
    using FunctionJoins = std::function<bool(
        const schema::Function &, const QSet<QString> &mentioned, const QSet<QString> &keys)>;
    /// `keys` and the routine keys of the model's functions `joins` accepts, each function read
    /// once, until none joins.
    QSet<QString> grownFunctionKeys(QSet<QString> keys, const FunctionJoins &joins) const;
    bool isBound(const schema::Function &live) const;
    /// PostgreSQL refuses to drop a function that a column default, CHECK, generated column or
    /// index calls: those are set aside before (setAsideUsers) and come back with the
    /// table's alteration, or as the index is created again. A table the migration drops (after
    /// the function) sets them aside too, and its triggers and policies calling it go first.
    void liftFunctionUsers();
    /// The same for the default and CHECKs of a domain (which come back as the domain is altered).
    void liftDomainUsers(const QSet<QString> &recreated);
    /// `domain` without the default and CHECKs that mention one of `names`.
    schema::Domain withoutReadersOf(schema::Domain domain, const QSet<QString> &names) const;
    /// A domain based on an enum type recreated is recreated with it (PostgreSQL cannot change
    /// its base type): as the model has it, or as it is without what casts to `enums`; less,
    /// either way, what calls a recreated function, which comes back as the domain is altered.
    void recreateDomainsWith(const QSet<QString> &enums);
    /// The live domain as its alteration starts: recreated, or without the users set aside.
    const schema::Domain &liveDomainForAlteration(const schema::Domain &live) const;
    /// What of a table reads an object the migration changes where PostgreSQL refuses it.
    struct Readers {
        QSet<QString> of;      // object keys: indexes, checks and generated columns mentioning one
        QSet<QString> columns; // column keys: generated columns reading one
        bool defaults = false; // column defaults mentioning one of `of` too
        /// Column keys the model drops that would block the change (their values may not
        /// convert): they go first, with the constraints naming them.
        QSet<QString> going{};
    };
    using ConvertedColumns = QHash<QString, QSet<QString>>; // column keys by table key
    void addConverted(ConvertedColumns &converted, const QList<TypeUser> &users) const;
    /// Lifts, in each table, the users of `types` and of the `converted` columns (Readers).
    void liftConvertedColumnUsers(const QSet<QString> &types, const ConvertedColumns &converted,
                                  const QString &why);
    /// Sets aside until the table's alteration what of `live` reads `readers` (see Readers);
    /// its indexes are built again. `why` ends the step's title.
    void liftUsersOf(const schema::Table &live, const Readers &readers, const QString &why);
    qsizetype dropGoingColumns(schema::Table &table, const QSet<QString> &going) const;
    /// PostgreSQL refuses to change the type of a column a generated column reads: those
    /// generated columns are set aside like a recreated function's (retype_lift.cpp).
    void liftGeneratedReadersOfRetypedColumns();
    /// The keys of `live`'s columns whose type the migration changes.
    QSet<QString> retypedColumns(const schema::Table &live) const;
    /// What a function body may not hold on to while the migration runs, by table key: the
    /// columns it retypes, drops or converts to a recreated enum or composite type; an empty
    /// set for a table it drops.
    QHash<QString, QSet<QString>> heldColumns() const;
    /// Converting a column to a recreated enum type fails while an index or CHECK casts a
    /// constant to the type or a generated column reads the column: those are set aside.
    void liftEnumUsers();
    /// The steps that drop what the lifts above set aside (lifted tables and domains).
    void setAsideUsers();
    bool recreatesIndex(const QString &table, const QString &index) const;
    /// The index reads one of `names` (column or function keys).
    bool indexReads(const schema::Index &index, const QSet<QString> &names) const;
    /// PostgreSQL 15 cannot change a generation expression in place: the generated columns of
    /// `table` that call a `recreated` function leave it, with the constraints the engine drops
    /// with them; their indexes are recreated and foreign keys to them lifted. Returns their keys.
    /// A column the model makes plain stays, without its expression (its values kept).
    QSet<QString> setAsideGeneratedColumns(schema::Table &table, const QSet<QString> &recreated);
    /// The columns `fk` references (the referenced table's primary key when it names none).
    QStringList referencedColumns(const schema::ForeignKey &fk) const;
    /// Lifts the other tables' foreign keys to `columns` of `table` (see liftBlockedForeignKeys).
    void liftKeysReferencing(const QString &table, const QSet<QString> &columns);
    /// When new and changed functions are created: before the tables; after the tables this
    /// migration creates, for bodies that read them (SQL bodies need them to exist); or amid
    /// the tables' alterations, after those changing what SQL-standard bodies read (heldColumns)
    /// and before the others (whose defaults and CHECKs may call them); or among the views, for
    /// SQL bodies reading one (functionsWithViews).
    enum class FunctionPhase { BeforeTables, AfterNewTables, AfterHeldColumns, WithViews };
    FunctionPhase phaseOf(const schema::Function &target, const QSet<QString> &newTables) const;
    /// The functions of `phase`, and the bound functions created again in it.
    void createFunctions(FunctionPhase phase);
    /// Creates `target`, replaces the live one, or creates again one dropped before.
    void createOrReplaceFunction(const schema::Function &target);
    void dropFunctions();
    /// The keys of the tables this migration creates.
    QSet<QString> newTables() const;

    // Row-level security (policy_steps.cpp).
    QString policyId(const QString &table, const QString &policy) const;
    /// The policy changes and ALTER POLICY can express it.
    bool policyAlteredInPlace(const QString &table, const schema::Policy &live) const;
    /// Policies dropped first (removed, changed beyond ALTER POLICY, or reading a column, table
    /// or function that changes) and those created last (new, or dropped first).
    void collectPolicyWork();
    void dropPolicies();
    /// ENABLE/DISABLE and FORCE/NO FORCE ROW LEVEL SECURITY, new tables included.
    void setRowSecurity();
    /// New policies, those dropped first, and those altered in place.
    void createPolicies();

    const schema::Schema &m_live;
    const schema::Schema &m_target;
    const QList<diff::Change> &m_destructive;
    const SqlRenderer &m_r;
    TableLookup m_liveTables;
    TableLookup m_targetTables;
    Dependencies m_deps;
    Qt::CaseSensitivity m_cs;

    QHash<QString, QList<diff::Change>> m_tableChanges; // by table key
    QHash<QString, QList<diff::Change>> m_viewChanges;  // by view key
    QList<diff::Change> m_objectChanges;                // enums, domains, sequences, functions
    QSet<QString> m_touched;               // tables (and functions) whose readers are recreated
    QHash<QString, QString> m_renamedFrom; // a renamed table's new key → its name before
    /// Tables altered in place or with renamed columns, by (live) key: the keys of their
    /// columns whose readers are recreated.
    QHash<QString, QSet<QString>> m_touchedColumns;
    QHash<QString, TableAlteration> m_alterations;      // by table key
    QHash<QString, schema::Table> m_liftedLive;         // live tables without lifted keys
    QHash<QString, QList<schema::ForeignKey>> m_lifted; // by table key
    QHash<QString, QList<schema::ForeignKey>> m_keysAfterAlterations; // by new table's key
    QHash<QString, QList<schema::ForeignKey>> m_keysAfterIndexes;     // lifted, by table key
    struct SetAside { // a table's columns and checks set aside until its alteration
        schema::Table before, without;
        QString why; // "call a function recreated below"
    };
    QList<SetAside> m_setAside;
    QSet<QString> m_indexesToRecreate; // table key \x1f index key: they call a function
    struct IndexRename {
        QString table;
        QString from, to;
        QStringList sql;
    };
    QList<IndexRename> m_indexRenames;
    QSet<QString> m_renamedIndexes;   // table key \x1f index key, both names of each
    QSet<QString> m_viewsToDrop;      // live view keys
    QSet<QString> m_viewsDroppedLate; // dropped in their create step (dropsChangedReadersLate)
    QSet<QString> m_viewsToCreate;    // target view keys
    QSet<QString> m_triggersToDrop;   // table key \x1f trigger key
    /// Changed triggers dropped right before they are created again (dropsChangedReadersLate),
    /// by id: the live trigger.
    QHash<QString, const schema::Trigger *> m_triggersDroppedLate;
    QSet<QString> m_triggersToCreate;
    QStringList m_rebuilt;
    bool m_dropsTables = false;
    QSet<QString> m_inTheWay; // keys of dropped tables that go before the tables are created
    /// Key of a qualified name → the table taking it: a new one, or a kept one in its alteration.
    QHash<QString, QString> m_takenNames;
    struct NamesGivenUp {
        schema::Table before, without;
        QStringList names, takers; // the key names it gives up, the tables that take them
    };
    QHash<QString, NamesGivenUp> m_namesGivenUp; // by kept table's key
    QList<NameClash> m_nameClashes;
    OnlineOptions m_online;
    QHash<QString, schema::Table> m_alteredTo; // by table key: target without m_notValid's
    QHash<QString, schema::Table> m_notValid;  // by table key: only the keys added NOT VALID
    QList<PlanStep> m_steps;
    QList<PlanStep> m_validations;
    QSet<QString> m_policiesToDrop; // table key \x1f policy key
    QSet<QString> m_policiesToCreate;
    QHash<QString, QSet<QString>> m_generatedSetAside; // by kept table key: column keys
    QHash<QString, schema::Domain> m_domainsRecreated; // by domain key: with an enum type
    QHash<QString, schema::Domain> m_domainsSetAside;  // by domain key: without function users
    QList<const schema::Function *> m_boundFunctions;  // live, see functionsBoundTo
    QHash<QString, QSet<QString>> m_heldColumns;       // see heldColumns
    QSet<QString> m_functionsAfterHeldColumns;         // see functionsAfterHeldColumns
    QList<const schema::Function *> m_viewReaders;     // live, see findViewReaders
    QSet<QString> m_functionsWithViews;                // see functionsWithViews
};

} // namespace burrow::plan
