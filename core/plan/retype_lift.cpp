// PostgreSQL refuses to change the type of a column that a generated column reads ("cannot
// alter type of a column used by a generated column"), and version 15 cannot set a generation
// expression again: such generated columns are set aside before the alteration, like those of
// a recreated function, and come back with it, their values computed again. A recreated enum
// type converts its columns: the same for their generated readers, and for the indexes and
// CHECKs that cast a constant to the type (the old one by then: "operator does not exist").
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

    QHash<QString, QSet<QString>> converted; // column keys by table key
    const auto convert = [&](const QList<TypeUser> &columns) {
        for (const TypeUser &user : columns)
            converted[key(user.table)].insert(key(user.column.name));
    };
    for (const EnumType &e : m_live.enums) {
        if (!recreated.contains(key(e.name)))
            continue;
        const EnumUsers users = enumUsers(e);
        convert(users.columns);
        for (const EnumUsers::Domain &domain : users.domains) {
            recreated.insert(key(domain.domain.name));
            convert(domain.columns);
        }
    }
    // Defaults naming the old labels step aside (the new type may lack them) and come back as
    // the model has them; columns the model drops go first (their values may lack a label).
    for (const Table &live : m_live.tables) {
        const QSet<QString> columns = converted.value(key(live.name));
        QSet<QString> going;
        if (const Table *target = m_targetTables.find(live.name))
            for (const QString &column : columns)
                if (!findNamed(target->columns, column, m_cs))
                    going.insert(column);
        liftUsersOf(live, {recreated, columns, true, going},
                    u"cast to an enum type recreated below or read its columns"_s);
    }
}

} // namespace burrow::plan
