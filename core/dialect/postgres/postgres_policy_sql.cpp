#include "postgres_policy_sql.h"

#include "postgres_names.h"
#include "postgres_object_sql.h"

namespace burrow::dialect::postgres {
namespace {

using namespace schema;

// `public` is PUBLIC, not a role: the catalog reads it so (polroles 0).
QString rolesSql(const QStringList &roles)
{
    if (roles.isEmpty())
        return QStringLiteral("PUBLIC");
    QStringList out;
    for (const QString &role : roles)
        out.append(role == u"public" ? QStringLiteral("PUBLIC") : quoteIdentifier(role));
    return out.join(u", ");
}

QString policyOn(const QString &table, const Policy &policy)
{
    return quoteIdentifier(policy.name) + u" ON " + quoteIdentifier(table);
}

// USING and WITH CHECK clauses, each only where the policy has it.
QString expressionsSql(const Policy &policy)
{
    QString out;
    if (!policy.usingExpression.isEmpty())
        out += u" USING (" + policy.usingExpression.text + u')';
    if (!policy.withCheck.isEmpty())
        out += u" WITH CHECK (" + policy.withCheck.text + u')';
    return out;
}

QString policyCommentSql(const QString &table, const Policy &policy)
{
    return commentOnSql(u"POLICY " + policyOn(table, policy), policy.comment);
}

} // namespace

QStringList createPolicySql(const QString &table, const Policy &policy)
{
    QStringList out{
        u"CREATE POLICY " + policyOn(table, policy) + u" AS " +
        (policy.permissive ? QStringLiteral("PERMISSIVE") : QStringLiteral("RESTRICTIVE")) +
        u" FOR " + policy.command + u" TO " + rolesSql(policy.roles) + expressionsSql(policy)};
    if (!policy.comment.isEmpty())
        out.append(policyCommentSql(table, policy));
    return out;
}

QString dropPolicySql(const QString &table, const Policy &policy)
{
    return u"DROP POLICY " + policyOn(table, policy);
}

QStringList alterPolicySql(const QString &table, const Policy &live, const Policy &target)
{
    // ALTER POLICY sets a clause but never takes one away, nor changes the kind or command.
    const bool clauseRemoved =
        (!live.usingExpression.isEmpty() && target.usingExpression.isEmpty()) ||
        (!live.withCheck.isEmpty() && target.withCheck.isEmpty());
    if (live.permissive != target.permissive || live.command != target.command || clauseRemoved)
        return {};
    QString clauses;
    if (live.roles != target.roles)
        clauses += u" TO " + rolesSql(target.roles);
    if (live.usingExpression != target.usingExpression)
        clauses += u" USING (" + target.usingExpression.text + u')';
    if (live.withCheck != target.withCheck)
        clauses += u" WITH CHECK (" + target.withCheck.text + u')';
    QStringList out;
    if (!clauses.isEmpty())
        out.append(u"ALTER POLICY " + policyOn(table, target) + clauses);
    if (live.comment != target.comment)
        out.append(policyCommentSql(table, target));
    return out;
}

QStringList rowSecuritySql(const QString &table, const Table &live, const Table &target)
{
    const QString alter = u"ALTER TABLE " + quoteIdentifier(table);
    QStringList out;
    if (live.rowSecurity != target.rowSecurity)
        out.append(alter +
                   (target.rowSecurity ? QStringLiteral(" ENABLE") : QStringLiteral(" DISABLE")) +
                   u" ROW LEVEL SECURITY");
    if (live.forceRowSecurity != target.forceRowSecurity)
        out.append(
            alter +
            (target.forceRowSecurity ? QStringLiteral(" FORCE") : QStringLiteral(" NO FORCE")) +
            u" ROW LEVEL SECURITY");
    return out;
}

} // namespace burrow::dialect::postgres
