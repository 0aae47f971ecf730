// PostgreSQL refuses to change the type of a column that a generated column reads ("cannot
// alter type of a column used by a generated column"), and version 15 cannot set a generation
// expression again: such generated columns are set aside before the alteration, like those of
// a recreated function, and come back with it, their values computed again. A recreated enum
// type converts its columns: the same for their generated readers, and for the indexes and
// CHECKs that cast a constant to the type (the old one by then: "operator does not exist"). A
// composite type whose attributes change beyond additions likewise (its defaults are rows of
// the old type).
#include "step_builder_p.h"

namespace burrow::plan {

using diff::ChangeType;
using diff::ObjectKind;
using namespace schema;
using namespace Qt::Literals::StringLiterals;

QSet<QString> StepBuilder::retypedColumns(const Table &live) const
{
    QSet<QString> retyped;
    for (const diff::Change &c :
         changesOf(live.name, ObjectKind::Column, QString(), {ChangeType::Changed})) {
        if (c.attributes.contains(u"type"))
            retyped.insert(key(c.name));
    }
    return retyped;
}

QHash<QString, QSet<QString>> StepBuilder::heldColumns() const
{
    QHash<QString, QSet<QString>> held;
    const auto hold = [&](const QList<TypeUser> &users) {
        for (const TypeUser &user : users)
            held[key(user.table)].insert(key(user.column.name));
    };
    for (const EnumType &e : m_live.enums) {
        if (!enumRecreated(e))
            continue;
        const EnumUsers users = enumUsers(e);
        hold(users.columns);
        for (const EnumUsers::Domain &domain : users.domains)
            hold(domain.columns);
    }
    for (const CompositeType &c : m_live.composites) {
        if (!compositeOnlyGrows(c.name))
            hold(columnsOfType(c.name));
    }
    for (const Table &live : m_live.tables) {
        if (!m_targetTables.find(live.name)) {
            held.insert(key(live.name), {}); // the whole table
            continue;
        }
        QSet<QString> columns = retypedColumns(live);
        for (const diff::Change &c :
             changesOf(live.name, ObjectKind::Column, QString(), {ChangeType::Removed}))
            columns.insert(key(c.name));
        if (!columns.isEmpty())
            held[key(live.name)].unite(columns);
    }
    return held;
}

void StepBuilder::liftGeneratedReadersOfRetypedColumns()
{
    if (!m_r.generatedColumnsBlockTypeChanges())
        return;
    for (const Table &live : m_live.tables) {
        const QSet<QString> retyped = retypedColumns(live);
        if (!retyped.isEmpty() && m_targetTables.find(live.name))
            liftUsersOf(live, {{}, retyped, false}, u"read a column whose type changes below"_s);
    }
}

void StepBuilder::liftEnumUsers()
{
    QSet<QString> recreated;
    for (const EnumType &e : m_live.enums) {
        if (enumRecreated(e))
            recreated.insert(key(e.name));
    }
    if (recreated.isEmpty())
        return;
    recreateDomainsWith(recreated);
    liftDomainUsers(recreated); // a domain's default or CHECK that casts to the type

    ConvertedColumns converted;
    for (const EnumType &e : m_live.enums) {
        if (!recreated.contains(key(e.name)))
            continue;
        const EnumUsers users = enumUsers(e);
        addConverted(converted, users.columns);
        for (const EnumUsers::Domain &domain : users.domains) {
            recreated.insert(key(domain.domain.name));
            addConverted(converted, domain.columns);
        }
    }
    liftConvertedColumnUsers(recreated, converted,
                             u"cast to an enum type recreated below or read its columns"_s);
}

void StepBuilder::liftCompositeUsers()
{
    QSet<QString> changed;
    ConvertedColumns converted;
    for (const CompositeType &c : m_live.composites) {
        if (compositeOnlyGrows(c.name))
            continue;
        changed.insert(key(c.name));
        addConverted(converted, columnsOfType(c.name));
    }
    if (!changed.isEmpty())
        liftConvertedColumnUsers(changed, converted,
                                 u"use a composite type changed below or read its columns"_s);
}

void StepBuilder::addConverted(ConvertedColumns &converted, const QList<TypeUser> &users) const
{
    for (const TypeUser &user : users)
        converted[key(user.table)].insert(key(user.column.name));
}

// Defaults naming the old type step aside (the new one may not take them) and come back as
// the model has them; columns the model drops go first (their values may not convert).
void StepBuilder::liftConvertedColumnUsers(const QSet<QString> &types,
                                           const ConvertedColumns &converted, const QString &why)
{
    for (const Table &live : m_live.tables) {
        const QSet<QString> columns = converted.value(key(live.name));
        QSet<QString> going;
        if (const Table *target = m_targetTables.find(live.name))
            for (const QString &column : columns)
                if (!findNamed(target->columns, column, m_cs))
                    going.insert(column);
        liftUsersOf(live, {types, columns, true, going}, why);
    }
}

} // namespace burrow::plan
