#include "../schema/qualified_name.h"
#include "sql_renderer.h"
#include "target_needs_p.h"

#include <QSet>

#include <algorithm>

namespace burrow::plan {
namespace {

using namespace schema;

/// Whether a function takes or returns the type `name` (or an array or set of it).
bool functionUsesType(const Function &function, const QString &name, const QString &quoted)
{
    const QString result = function.result.startsWith(u"SETOF ", Qt::CaseInsensitive)
                               ? function.result.mid(6)
                               : function.result;
    if (typeIsOrArrayOf(result, name, quoted))
        return true;
    const QStringList arguments = function.argumentTypes.split(QStringLiteral(", "));
    return std::any_of(arguments.cbegin(), arguments.cend(),
                       [&](const QString &type) { return typeIsOrArrayOf(type, name, quoted); });
}

/// Whether an object of `target` is of the type `name` (or an array of it): a column, a
/// domain's base, a composite's attribute, a function's argument or result.
bool typeUsed(const Schema &target, const QString &name, const QString &quoted)
{
    for (const Table &table : target.tables) {
        for (const Column &column : table.columns) {
            if (columnUsesType(column, name, quoted))
                return true;
        }
    }
    for (const Domain &domain : target.domains) {
        if (typeIsOrArrayOf(domain.type, name, quoted))
            return true;
    }
    for (const CompositeType &composite : target.composites) {
        for (const TypeAttribute &attribute : composite.attributes) {
            if (typeIsOrArrayOf(attribute.type, name, quoted))
                return true;
        }
    }
    return std::any_of(target.functions.cbegin(), target.functions.cend(),
                       [&](const Function &f) { return functionUsesType(f, name, quoted); });
}

/// Adds the types of `liveTypes` that `types` (one list of `target`) lacks and `target` uses.
template<typename T>
void keepUsedTypes(QList<T> &types, const QList<T> &liveTypes, const Schema &target,
                   const SqlRenderer &r, Qt::CaseSensitivity cs, QStringList &added)
{
    for (const T &type : liveTypes) {
        if (!findNamed(types, type.name, cs) && typeUsed(target, type.name, r.quote(type.name))) {
            types.append(type);
            added.append(type.name);
        }
    }
}

/// The schemas `target` names objects in.
QSet<QString> schemasUsed(const Schema &target)
{
    QSet<QString> schemas;
    for (const QString &name : namesInSchemas(target)) {
        if (const QString schema = schemaPart(name); !schema.isEmpty())
            schemas.insert(schema);
    }
    return schemas;
}

} // namespace

QStringList keepWhatTargetUses(Schema &target, const Schema &live, const SqlRenderer &renderer,
                               Qt::CaseSensitivity cs)
{
    QStringList added;
    // Until nothing more is added: a domain kept may be over an enum, a composite of a domain.
    for (qsizetype before = -1; before != added.size();) {
        before = added.size();
        keepUsedTypes(target.enums, live.enums, target, renderer, cs, added);
        keepUsedTypes(target.domains, live.domains, target, renderer, cs, added);
        keepUsedTypes(target.composites, live.composites, target, renderer, cs, added);
        keepUsedTypes(target.ranges, live.ranges, target, renderer, cs, added);
    }
    const QSet<QString> schemas = schemasUsed(target);
    for (const Namespace &n : live.namespaces) {
        if (schemas.contains(n.name) && !findNamed(target.namespaces, n.name, cs)) {
            target.namespaces.append(n);
            added.append(n.name);
        }
    }
    return added;
}

} // namespace burrow::plan
