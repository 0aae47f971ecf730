// The plan's phases for functions and procedures: created before the tables, domains, views
// and triggers that call them (a SQL body that reads a new table right after that table),
// dropped after those are gone. A SQL-standard body holds what it reads: it goes before a
// column it reads is retyped or dropped (or its table), and comes back after. Only PostgreSQL
// has them; elsewhere the lists are empty.
#include "../diff/describe.h"
#include "step_builder_p.h"

#include <algorithm>
#include <ranges>

namespace burrow::plan {
namespace {

using diff::ObjectKind;
using namespace schema;
using namespace Qt::Literals::StringLiterals;

qsizetype generatedColumns(const Table &table)
{
    return std::count_if(table.columns.begin(), table.columns.end(),
                         [](const Column &c) { return c.generated != Generated::No; });
}

// What the set-aside step takes from `before`: "defaults, checks and generated columns".
QString setAsideParts(const Table &before, const Table &without)
{
    QStringList parts;
    const auto hasDefault = [](const Column &c) { return c.defaultValue.has_value(); };
    if (std::count_if(before.columns.begin(), before.columns.end(), hasDefault) !=
        std::count_if(without.columns.begin(), without.columns.end(), hasDefault))
        parts.append(u"defaults"_s);
    if (before.checks.size() != without.checks.size())
        parts.append(u"checks"_s);
    if (generatedColumns(before) != generatedColumns(without))
        parts.append(u"generated columns"_s);
    if (parts.isEmpty())
        return {};
    const QString last = parts.takeLast();
    return parts.isEmpty() ? last : parts.join(u", "_s) + u" and " + last;
}

/// Columns of `before` that `without` dropped for good (not generated ones set aside).
QStringList droppedColumns(const Table &before, const Table &without)
{
    QStringList dropped;
    for (const Column &c : before.columns) {
        const bool kept = std::any_of(without.columns.begin(), without.columns.end(),
                                      [&](const Column &w) { return w.name == c.name; });
        if (!kept && c.generated == Generated::No)
            dropped.append(diff::displayName(c.name));
    }
    return dropped;
}

bool isLifted(const QList<ForeignKey> &lifted, const ForeignKey &fk)
{
    return std::any_of(lifted.begin(), lifted.end(), [&](const ForeignKey &l) {
        return l.name == fk.name && l.columns == fk.columns &&
               l.referencedTable == fk.referencedTable;
    });
}

const Function *findFunction(const QList<Function> &functions, const QString &identity,
                             Qt::CaseSensitivity cs)
{
    for (const Function &f : functions) {
        if (f.name.compare(identity, cs) == 0)
            return &f;
    }
    return nullptr;
}

} // namespace

QString routineTitle(const QString &verb, const Function &f)
{
    return verb + (f.aggregate ? u" aggregate " : u" function ") + schema::dottedName(f.name);
}

QSet<QString> StepBuilder::recreatedFunctions() const
{
    QSet<QString> keys = functionsChangedBeyondReplace();
    for (const Function *f : m_boundFunctions + m_viewReaders)
        keys.insert(key(f->routineName));
    return keys;
}

QList<const Function *> StepBuilder::functionsBoundTo(const QSet<QString> &recreated) const
{
    QList<const Function *> bound;
    QSet<QString> reached = recreated;
    if (reached.isEmpty() && m_heldColumns.isEmpty())
        return bound;
    QList<std::pair<const Function *, QSet<QString>>> bodies; // in order, each read once
    for (const Function &f : m_live.functions) {
        if (m_r.bodyBindsCalls(f))
            bodies.append({&f, m_deps.mentions(f.definition.text)});
    }
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto &[f, mentioned] : bodies) {
            if (bound.contains(f))
                continue;
            // A function recreated anyway mentions itself: bound only when it holds columns.
            const bool callsReached =
                !reached.contains(key(f->routineName)) && mentioned.intersects(reached);
            if (!callsReached && !readsHeldColumns(mentioned))
                continue;
            bound.append(f);
            reached.insert(key(f->routineName));
            grew = true;
        }
    }
    return bound;
}

bool StepBuilder::readsHeldColumns(const QSet<QString> &names) const
{
    for (auto held = m_heldColumns.cbegin(); held != m_heldColumns.cend(); ++held) {
        if (names.contains(held.key()) && (held->isEmpty() || names.intersects(*held)))
            return true;
    }
    return false;
}

QSet<QString> StepBuilder::grownFunctionKeys(QSet<QString> keys, const FunctionJoins &joins) const
{
    QHash<const Function *, QSet<QString>> mentioned; // each function read once
    for (const Function &f : m_target.functions)
        mentioned.insert(&f, m_deps.mentions(functionText(f)));
    for (bool grew = true; grew;) {
        grew = false;
        for (const Function &f : m_target.functions) {
            if (!keys.contains(key(f.routineName)) && joins(f, mentioned.value(&f), keys)) {
                keys.insert(key(f.routineName));
                grew = true;
            }
        }
    }
    return keys;
}

QSet<QString> StepBuilder::functionsAfterHeldColumns() const
{
    QSet<QString> live; // before the change
    for (const Function *f : functionsBoundTo({}))
        live.insert(key(f->routineName));
    return grownFunctionKeys(live, [this](const Function &f, const QSet<QString> &mentioned,
                                          const QSet<QString> &after) {
        return m_r.bodyBindsCalls(f) &&
               (readsHeldColumns(mentioned) || mentioned.intersects(after));
    });
}

StepBuilder::FunctionPhase StepBuilder::phaseOf(const Function &target,
                                                const QSet<QString> &newTables) const
{
    if (m_functionsWithViews.contains(key(target.routineName)))
        return FunctionPhase::WithViews;
    if (m_functionsAfterHeldColumns.contains(key(target.routineName)))
        return FunctionPhase::AfterHeldColumns;
    return m_deps.mentionsAny(functionText(target), newTables) ? FunctionPhase::AfterNewTables
                                                               : FunctionPhase::BeforeTables;
}

bool StepBuilder::isBound(const Function &live) const
{
    return isViewReader(live) ||
           std::any_of(m_boundFunctions.begin(), m_boundFunctions.end(),
                       [&](const Function *f) { return f->name.compare(live.name, m_cs) == 0; });
}

QSet<QString> StepBuilder::functionsChangedBeyondReplace() const
{
    QSet<QString> keys;
    for (const Function &f : m_target.functions) {
        const Function *live = findFunction(m_live.functions, f.name, m_cs);
        if (live && !objectChanges(ObjectKind::Function, f.name).isEmpty() &&
            !m_r.replacesFunctionInPlace(*live, f))
            keys.insert(key(f.routineName));
    }
    return keys;
}

void StepBuilder::touchFunctionUsers()
{
    m_touched.unite(recreatedFunctions());
}

bool StepBuilder::indexReads(const Index &index, const QSet<QString> &names) const
{
    const auto reads = [&](const Expression &e) { return m_deps.mentionsAny(e.text, names); };
    return reads(index.where) ||
           std::any_of(index.parts.begin(), index.parts.end(), [&](const IndexPart &p) {
               return names.contains(key(p.column)) || reads(p.expression);
           });
}

QSet<QString> StepBuilder::setAsideGeneratedColumns(Table &table, const QSet<QString> &recreated)
{
    const Table *target = m_targetTables.find(table.name);
    QSet<QString> gone;
    for (Column &c : table.columns) {
        if (c.generated == Generated::No ||
            !m_deps.mentionsAny(c.generatedExpression.text, recreated))
            continue;
        // Made a plain column: it keeps its values (DROP EXPRESSION), before the function goes.
        const Column *wanted = target ? findColumn(*target, c.name, m_cs) : nullptr;
        if (wanted && wanted->generated == Generated::No) {
            c.generated = Generated::No;
            c.generatedExpression = {};
        } else {
            gone.insert(key(c.name));
        }
    }
    table.columns.removeIf([&](const Column &c) { return gone.contains(key(c.name)); });
    if (gone.isEmpty())
        return gone;
    // What PostgreSQL drops with the column: set aside too, so that it comes back.
    const auto involves = [&](const QStringList &columns) {
        return std::any_of(columns.begin(), columns.end(),
                           [&](const QString &c) { return gone.contains(key(c)); });
    };
    const auto mentions = [&](const Expression &e) { return m_deps.mentionsAny(e.text, gone); };
    if (table.primaryKey && involves(table.primaryKey->columns))
        table.primaryKey.reset();
    table.uniques.removeIf([&](const UniqueConstraint &u) { return involves(u.columns); });
    table.checks.removeIf([&](const CheckConstraint &c) { return mentions(c.expression); });
    table.exclusions.removeIf([&](const ExclusionConstraint &e) { return mentions(e.definition); });
    table.foreignKeys.removeIf([&](const ForeignKey &fk) {
        return involves(fk.columns) || (fk.referencedTable.compare(table.name, m_cs) == 0 &&
                                        involves(referencedColumns(fk)));
    });
    for (const Index &i : table.indexes) {
        if (indexReads(i, gone))
            m_indexesToRecreate.insert(key(table.name) + u'\x1f' + key(i.name));
    }
    liftKeysReferencing(table.name, gone);
    return gone;
}

QStringList StepBuilder::referencedColumns(const ForeignKey &fk) const
{
    if (!fk.referencedColumns.isEmpty())
        return fk.referencedColumns;
    const Table *referenced = m_liveTables.find(fk.referencedTable);
    return referenced && referenced->primaryKey ? referenced->primaryKey->columns : QStringList{};
}

void StepBuilder::liftKeysReferencing(const QString &table, const QSet<QString> &columns)
{
    for (const Table &other : m_live.tables) {
        if (other.name.compare(table, m_cs) == 0)
            continue; // its own keys are set aside with the columns
        const bool kept = m_targetTables.find(other.name) != nullptr;
        Table without = kept ? liveForAlteration(other.name) : other;
        QList<ForeignKey> &liftedKeys = m_lifted[key(other.name)];
        const qsizetype lifted = without.foreignKeys.removeIf([&](const ForeignKey &fk) {
            const QStringList to = referencedColumns(fk);
            const bool blocks = fk.referencedTable.compare(table, m_cs) == 0 &&
                                std::any_of(to.begin(), to.end(), [&](const QString &c) {
                                    return columns.contains(key(c));
                                });
            if (blocks && !isLifted(liftedKeys, fk))
                liftedKeys.append(fk);
            return blocks;
        });
        if (liftedKeys.isEmpty())
            m_lifted.remove(key(other.name));
        if (lifted > 0 && kept)
            m_liftedLive.insert(key(other.name), without);
    }
}

void StepBuilder::liftFunctionUsers()
{
    m_heldColumns = heldColumns();
    m_boundFunctions = functionsBoundTo(functionsChangedBeyondReplace());
    m_functionsAfterHeldColumns = functionsAfterHeldColumns();
    const QSet<QString> recreated = recreatedFunctions();
    if (recreated.isEmpty())
        return;
    for (const Table &live : m_live.tables)
        liftUsersOf(live, {recreated, {}, true}, u"call a function recreated below"_s);
    liftDomainUsers(recreated);
}

void StepBuilder::liftUsersOf(const Table &live, const Readers &readers, const QString &why)
{
    const auto reads = [&](const Expression &e) { return m_deps.mentionsAny(e.text, readers.of); };
    for (const Index &i : live.indexes) {
        if (indexReads(i, readers.of))
            m_indexesToRecreate.insert(key(live.name) + u'\x1f' + key(i.name));
    }
    // A table that goes is dropped after the object changes: its users step aside the same way.
    const bool kept = m_targetTables.find(live.name) != nullptr;
    const Table before = liveForAlteration(live.name);
    Table without = before;
    qsizetype setAside =
        without.checks.removeIf([&](const CheckConstraint &c) { return reads(c.expression); });
    for (Column &c : without.columns) {
        if (readers.defaults && c.defaultValue && reads(*c.defaultValue)) {
            c.defaultValue.reset();
            ++setAside;
        }
    }
    if (kept)
        setAside += dropGoingColumns(without, readers.going);
    const QSet<QString> generated = setAsideGeneratedColumns(without, readers.of + readers.columns);
    setAside += generatedColumns(before) - generatedColumns(without);
    if (setAside == 0)
        return;
    if (!generated.isEmpty() && kept) {
        m_generatedSetAside[key(live.name)].unite(generated);
        m_touched.insert(key(live.name)); // views and triggers reading the columns
    }
    m_setAside.append({before, without, why});
    m_liftedLive.insert(key(live.name), without);
}

qsizetype StepBuilder::dropGoingColumns(Table &table, const QSet<QString> &going) const
{
    const auto goes = [&](const QStringList &columns) {
        return std::any_of(columns.begin(), columns.end(),
                           [&](const QString &c) { return going.contains(key(c)); });
    };
    if (going.isEmpty() ||
        (table.primaryKey && goes(table.primaryKey->columns))) // the key's change has its own order
        return 0;
    table.uniques.removeIf([&](const UniqueConstraint &u) { return goes(u.columns); });
    table.foreignKeys.removeIf([&](const ForeignKey &fk) { return goes(fk.columns); });
    table.checks.removeIf(
        [&](const CheckConstraint &c) { return m_deps.mentionsAny(c.expression.text, going); });
    return table.columns.removeIf([&](const Column &c) { return going.contains(key(c.name)); });
}

Domain StepBuilder::withoutReadersOf(Domain domain, const QSet<QString> &names) const
{
    const auto reads = [&](const Expression &e) { return m_deps.mentionsAny(e.text, names); };
    domain.checks.removeIf([&](const CheckConstraint &c) { return reads(c.expression); });
    if (domain.defaultValue && reads(*domain.defaultValue))
        domain.defaultValue.reset();
    return domain;
}

void StepBuilder::liftDomainUsers(const QSet<QString> &recreated)
{
    for (const Domain &live : m_live.domains) {
        if (m_domainsRecreated.contains(key(live.name)))
            continue; // renamed away and dropped with its checks
        const auto setAside = m_domainsSetAside.constFind(key(live.name));
        const Domain without = withoutReadersOf(
            setAside != m_domainsSetAside.constEnd() ? *setAside : live, recreated);
        if (without.checks.size() != live.checks.size() ||
            without.defaultValue.has_value() != live.defaultValue.has_value())
            m_domainsSetAside.insert(key(live.name), without);
    }
}

const Domain &StepBuilder::liveDomainForAlteration(const Domain &live) const
{
    const auto recreated = m_domainsRecreated.constFind(key(live.name));
    if (recreated != m_domainsRecreated.constEnd())
        return *recreated;
    const auto setAside = m_domainsSetAside.constFind(key(live.name));
    return setAside != m_domainsSetAside.constEnd() ? *setAside : live;
}

void StepBuilder::setAsideUsers()
{
    for (const auto &[before, without, why] : m_setAside) {
        // A generated column comes back last, its values computed again.
        const QString parts = setAsideParts(before, without);
        const QStringList dropped = droppedColumns(before, without);
        QStringList title;
        if (!dropped.isEmpty())
            title.append(u"drop column " + dropped.join(u", ") + u" of " +
                         diff::displayName(before.name) + u" first (the model drops it)");
        if (!parts.isEmpty())
            title.append(u"set aside the " + parts + u" of " + diff::displayName(before.name) +
                         u" that " + why);
        add(title.join(u"; "), m_r.alterTable(before, without).sql,
            m_r.alterTable(without, before).sql, {});
    }
    for (const Domain &live : m_live.domains) {
        const auto without = m_domainsSetAside.constFind(key(live.name));
        if (without != m_domainsSetAside.constEnd())
            add(u"set aside the default and checks of domain " + diff::displayName(live.name) +
                    u" that call a function or cast to a type recreated below",
                m_r.alterDomain(live, *without), m_r.alterDomain(*without, live), {});
    }
    // Those that call others found before them go first.
    for (auto f = m_boundFunctions.crbegin(); f != m_boundFunctions.crend(); ++f) {
        const bool kept = findFunction(m_target.functions, (*f)->name, m_cs);
        const QString why = readsHeldColumns(m_deps.mentions((*f)->definition.text))
                                ? u"its body reads a table or column changed below"_s
                                : u"its body calls a function recreated below"_s;
        add(routineTitle(u"drop"_s, **f) + u" (" + why + u')', m_r.dropFunction(**f),
            m_r.createFunction(**f),
            kept ? QList<diff::Change>{} : objectChanges(ObjectKind::Function, (*f)->name));
    }
}

bool StepBuilder::recreatesIndex(const QString &table, const QString &index) const
{
    return m_indexesToRecreate.contains(key(table) + u'\x1f' + key(index));
}

QSet<QString> StepBuilder::newTables() const
{
    QSet<QString> created;
    for (const Table &t : m_target.tables) {
        if (!m_liveTables.find(t.name))
            created.insert(key(t.name));
    }
    return created;
}

void StepBuilder::createOrReplaceFunction(const Function &f)
{
    const Function *live = findFunction(m_live.functions, f.name, m_cs);
    const QList<diff::Change> changes = objectChanges(ObjectKind::Function, f.name);
    if (live && isBound(*live)) // dropped before: back with its privileges
        add(routineTitle(u"create"_s, f) + u" again", m_r.createFunction(f) + live->grants,
            m_r.dropFunction(f), changes);
    else if (!live)
        add(routineTitle(u"create"_s, f), m_r.createFunction(f), m_r.dropFunction(f), changes);
    else if (!changes.isEmpty())
        add(routineTitle(u"replace"_s, f), m_r.alterFunction(*live, f), m_r.alterFunction(f, *live),
            changes);
}

void StepBuilder::createFunctions(FunctionPhase phase)
{
    const QSet<QString> created = m_target.functions.isEmpty() ? QSet<QString>{} : newTables();
    for (const Function &f : m_target.functions) {
        const Function *live = findFunction(m_live.functions, f.name, m_cs);
        if (phaseOf(f, created) == phase && !(live && isBound(*live))) // those: below
            createOrReplaceFunction(f);
    }
    // Dropped before the functions they call were recreated (or the columns they read were
    // changed): back after them, in the order found.
    for (const Function *live : m_boundFunctions) {
        if (const Function *f = findFunction(m_target.functions, live->name, m_cs);
            f && phaseOf(*f, created) == phase)
            createOrReplaceFunction(*f);
    }
}

void StepBuilder::dropFunctions()
{
    // Last created first: an aggregate before the functions it names.
    for (const Function &f : std::ranges::reverse_view(m_live.functions)) {
        if (!findFunction(m_target.functions, f.name, m_cs) && !isBound(f))
            add(routineTitle(u"drop"_s, f), m_r.dropFunction(f), m_r.createFunction(f),
                objectChanges(ObjectKind::Function, f.name));
    }
}

} // namespace burrow::plan
