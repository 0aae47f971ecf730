#include "attribute_diff_p.h"
#include "describe.h"
#include "policy_differ_p.h"

namespace burrow::diff {
namespace {

using namespace schema;

QString kindText(const Policy &policy)
{
    return policy.permissive ? QStringLiteral("PERMISSIVE") : QStringLiteral("RESTRICTIVE");
}

QString rolesText(const Policy &policy)
{
    return policy.roles.isEmpty() ? QStringLiteral("public") : policy.roles.join(u", ");
}

Change policyChange(ChangeType type, const QString &table, const Policy &policy,
                    const QString &detail, const QStringList &attributes = {})
{
    return Change{ObjectKind::Policy, type, table, policy.name, {}, attributes, detail};
}

Change comparePolicy(const QString &table, const Policy &live, const Policy &model)
{
    AttributeDiff d;
    d.compare(live.permissive != model.permissive, QStringLiteral("kind"), kindText(live),
              kindText(model));
    d.compare(live.command != model.command, QStringLiteral("command"), live.command,
              model.command);
    d.compare(live.roles != model.roles, QStringLiteral("roles"), rolesText(live),
              rolesText(model));
    d.compare(live.usingExpression != model.usingExpression, QStringLiteral("using"),
              oneLine(live.usingExpression.text), oneLine(model.usingExpression.text));
    d.compare(live.withCheck != model.withCheck, QStringLiteral("with check"),
              oneLine(live.withCheck.text), oneLine(model.withCheck.text));
    d.compare(live.comment != model.comment, QStringLiteral("comment"), live.comment,
              model.comment);
    return policyChange(ChangeType::Changed, table, model, d.details.join(u"; "), d.attributes);
}

std::optional<Change> compareFlags(const Table &live, const Table &model)
{
    AttributeDiff d;
    d.flag(live.rowSecurity != model.rowSecurity, QStringLiteral("enabled"),
           model.rowSecurity ? QStringLiteral("ROW LEVEL SECURITY enabled")
                             : QStringLiteral("ROW LEVEL SECURITY disabled: policies no longer "
                                              "limit access"));
    d.flag(live.forceRowSecurity != model.forceRowSecurity, QStringLiteral("forced"),
           model.forceRowSecurity ? QStringLiteral("FORCE ROW LEVEL SECURITY added")
                                  : QStringLiteral("FORCE ROW LEVEL SECURITY dropped: the owner "
                                                   "bypasses the policies"));
    if (!d.any())
        return std::nullopt;
    return Change{
        ObjectKind::RowSecurity, ChangeType::Changed, model.name, model.name, {}, d.attributes,
        d.details.join(u"; ")};
}

} // namespace

QString describePolicy(const Policy &policy)
{
    QString out =
        u"AS " + kindText(policy) + u" FOR " + policy.command + u" TO " + rolesText(policy);
    if (!policy.usingExpression.isEmpty())
        out += u" USING (" + policy.usingExpression.text + u')';
    if (!policy.withCheck.isEmpty())
        out += u" WITH CHECK (" + policy.withCheck.text + u')';
    return oneLine(out);
}

QList<Change> diffRowSecurity(const Table &live, const Table &model, Qt::CaseSensitivity cs)
{
    QList<Change> out;
    if (const std::optional<Change> flags = compareFlags(live, model))
        out.append(*flags);
    auto find = [cs](const QList<Policy> &policies, const QString &name) -> const Policy * {
        for (const Policy &p : policies) {
            if (p.name.compare(name, cs) == 0)
                return &p;
        }
        return nullptr;
    };
    for (const Policy &m : model.policies) {
        const Policy *l = find(live.policies, m.name);
        if (!l) {
            out.append(policyChange(ChangeType::Added, model.name, m, describePolicy(m)));
            continue;
        }
        const Change changed = comparePolicy(model.name, *l, m);
        if (!changed.attributes.isEmpty())
            out.append(changed);
    }
    for (const Policy &l : live.policies) {
        if (!find(model.policies, l.name))
            out.append(policyChange(ChangeType::Removed, model.name, l, describePolicy(l)));
    }
    return out;
}

} // namespace burrow::diff
