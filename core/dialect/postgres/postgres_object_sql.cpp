#include "postgres_object_sql.h"

#include "../../sql/item_list.h"
#include "postgres_names.h"

#include <algorithm>

namespace burrow::dialect::postgres {
namespace {

using namespace schema;

QString labelList(const QStringList &labels)
{
    return sql::parenthesized(labels, [](const QString &item) { return quoteLiteral(item); });
}

QString commentLiteral(const QString &comment)
{
    return comment.isEmpty() ? QStringLiteral("NULL") : quoteLiteral(comment);
}

// Where a new label goes: after the label before it in the model (added already, or there
// before), or before the first one when it leads.
QString addValueSql(const EnumType &target, qsizetype at)
{
    QString sql = u"ALTER TYPE " + quoteIdentifier(target.name) + u" ADD VALUE " +
                  quoteLiteral(target.labels[at]);
    if (at > 0)
        sql += u" AFTER " + quoteLiteral(target.labels[at - 1]);
    else if (target.labels.size() > 1)
        sql += u" BEFORE " + quoteLiteral(target.labels[1]);
    return sql;
}

QStringList convertUser(const plan::TypeUser &user)
{
    const QString text = u"text" + arraySuffix(user.column.typeKey);
    return convertColumnSql(user, user.column.type,
                            quoteIdentifier(user.column.name) + u"::" + text + u"::" +
                                user.column.type);
}

QStringList recreateDomainSql(const plan::EnumUsers::Domain &user)
{
    const QString old = setAsideTypeName(user.domain.name);
    QStringList sql{u"ALTER DOMAIN " + quoteIdentifier(user.domain.name) + u" RENAME TO " +
                    quoteIdentifier(localPart(old))};
    sql += createDomainSql(user.domain);
    sql.append(takeOverTypeSql(QStringLiteral("DOMAIN"), old, user.domain.name));
    for (const plan::TypeUser &column : user.columns)
        sql += convertUser(column);
    sql.append(u"DROP DOMAIN " + quoteIdentifier(old));
    return sql;
}

QStringList recreateEnumSql(const EnumType &target, const plan::EnumUsers &users)
{
    const QString old = setAsideTypeName(target.name);
    QStringList sql{u"ALTER TYPE " + quoteIdentifier(target.name) + u" RENAME TO " +
                        quoteIdentifier(localPart(old)),
                    createEnumSql(target),
                    takeOverTypeSql(QStringLiteral("TYPE"), old, target.name)};
    for (const plan::TypeUser &user : users.columns)
        sql += convertUser(user);
    for (const plan::EnumUsers::Domain &domain : users.domains)
        sql += recreateDomainSql(domain);
    sql.append(u"DROP TYPE " + quoteIdentifier(old));
    return sql;
}

// The comment of a type just created, when it has one.
template<typename T> QStringList typeCommentsSql(const QString &kind, const T &type)
{
    if (type.comment.isEmpty())
        return {};
    return {commentOnSql(kind + u' ' + quoteIdentifier(type.name), type.comment)};
}

QString checkClause(const CheckConstraint &check)
{
    const QString name =
        check.name.isEmpty() ? QString() : u"CONSTRAINT " + quoteIdentifier(check.name) + u' ';
    return name + u"CHECK (" + check.expression.text + u')';
}

bool hasCheck(const Domain &domain, const CheckConstraint &check)
{
    for (const CheckConstraint &c : domain.checks) {
        if (c.name == check.name && c.expression == check.expression)
            return true;
    }
    return false;
}

QString sequenceOptions(const Sequence &s)
{
    return u" AS " + s.type + u" INCREMENT BY " + QString::number(s.increment) + u" MINVALUE " +
           QString::number(s.minValue) + u" MAXVALUE " + QString::number(s.maxValue) +
           u" START WITH " + QString::number(s.start) + u" CACHE " + QString::number(s.cache) +
           (s.cycle ? u" CYCLE" : u" NO CYCLE");
}

} // namespace

QString arraySuffix(QString type)
{
    QString suffix;
    for (; type.endsWith(u"[]"); type.chop(2))
        suffix += u"[]";
    return suffix;
}

QStringList convertColumnSql(const plan::TypeUser &user, const QString &type,
                             const QString &conversion)
{
    const QString prefix = u"ALTER TABLE " + quoteIdentifier(user.table) + u" ALTER COLUMN " +
                           quoteIdentifier(user.column.name);
    if (user.partitionKey) // the migration stops there (one transaction), to be edited by hand
        return {raiseSql(u"Burrow cannot change the type of column " + quoteIdentifier(user.table) +
                         u'.' + quoteIdentifier(user.column.name) + u" to " + type +
                         u": it is in the table's partition key, which "
                         u"PostgreSQL cannot retype. Write that step of this migration by hand "
                         u"(create the table again and copy its rows), or keep the type as it is")};
    QStringList sql;
    if (user.column.defaultValue)
        sql.append(prefix + u" DROP DEFAULT");
    sql.append(prefix + u" TYPE " + type + u" USING " + conversion);
    if (user.column.defaultValue)
        sql.append(prefix + u" SET DEFAULT " + user.column.defaultValue->text);
    return sql;
}

QString setAsideTypeName(const QString &name)
{
    return qualifiedName(schemaPart(name), localPart(name).left(40) + u"__burrow_old");
}

QString takeOverTypeSql(const QString &kind, const QString &old, const QString &name)
{
    const QString target = quoteLiteral(quoteIdentifier(name));
    return u"DO $burrow$\nDECLARE\n  old_type pg_catalog.pg_type;\n  g record;\nBEGIN\n"
           u"  SELECT * INTO old_type FROM pg_catalog.pg_type WHERE oid = " +
           quoteLiteral(quoteIdentifier(old)) +
           u"::pg_catalog.regtype;\n"
           u"  EXECUTE pg_catalog.format('ALTER " +
           kind + u" %s OWNER TO %I', " + target +
           u", pg_catalog.pg_get_userbyid(old_type.typowner));\n"
           u"  IF old_type.typacl IS NOT NULL THEN\n"
           u"    EXECUTE pg_catalog.format('REVOKE ALL ON " +
           kind + u" %s FROM PUBLIC', " + target +
           u");\n"
           u"    FOR g IN SELECT * FROM pg_catalog.aclexplode(old_type.typacl) a\n"
           u"             WHERE a.grantee <> old_type.typowner LOOP\n"
           u"      EXECUTE pg_catalog.format('GRANT USAGE ON " +
           kind + u" %s TO %s%s', " + target +
           u",\n        CASE WHEN g.grantee = 0 THEN 'PUBLIC'\n"
           u"             ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END,\n"
           u"        CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);\n"
           u"    END LOOP;\n  END IF;\nEND$burrow$";
}

QString createCollationSql(const Collation &collation)
{
    QString options = u"provider = " + collation.provider;
    if (collation.provider == u"icu")
        options += u", locale = " + quoteLiteral(collation.locale);
    else
        options += u", lc_collate = " + quoteLiteral(collation.locale) + u", lc_ctype = " +
                   quoteLiteral(collation.ctype);
    if (!collation.deterministic)
        options += u", deterministic = false";
    return u"CREATE COLLATION " + quoteIdentifier(collation.name) + u" (" + options + u')';
}

QString createEnumSql(const EnumType &type)
{
    return u"CREATE TYPE " + quoteIdentifier(type.name) + u" AS ENUM " + labelList(type.labels);
}

QString dropEnumSql(const EnumType &type)
{
    return u"DROP TYPE " + quoteIdentifier(type.name);
}

QStringList alterEnumSql(const EnumType &live, const EnumType &target, const plan::EnumUsers &users)
{
    // A recreated type starts without a comment.
    if (!labelsOnlyAdded(live, target))
        return recreateEnumSql(target, users) + typeCommentsSql(QStringLiteral("TYPE"), target);
    QStringList sql;
    for (qsizetype i = 0; i < target.labels.size(); ++i) {
        if (!live.labels.contains(target.labels[i]))
            sql.append(addValueSql(target, i));
    }
    if (live.comment != target.comment)
        sql.append(commentOnSql(u"TYPE " + quoteIdentifier(target.name), target.comment));
    return sql;
}

QStringList createDomainSql(const Domain &domain)
{
    QString sql = u"CREATE DOMAIN " + quoteIdentifier(domain.name) + u" AS " + domain.type;
    if (!domain.collation.isEmpty())
        sql += u" COLLATE " + quoteIdentifier(domain.collation);
    if (domain.defaultValue)
        sql += u" DEFAULT " + domain.defaultValue->text;
    if (domain.notNull)
        sql += QStringLiteral(" NOT NULL");
    for (const CheckConstraint &check : domain.checks)
        sql += u' ' + checkClause(check);
    return QStringList{sql} + typeCommentsSql(QStringLiteral("DOMAIN"), domain);
}

QString dropDomainSql(const Domain &domain)
{
    return u"DROP DOMAIN " + quoteIdentifier(domain.name);
}

QStringList alterDomainSql(const Domain &live, const Domain &target)
{
    // A domain's base type cannot change in place; dropping fails while columns use it,
    // which the engine reports by name.
    if (live.type != target.type || live.collation != target.collation)
        return QStringList{dropDomainSql(live)} + createDomainSql(target);
    const QString prefix = u"ALTER DOMAIN " + quoteIdentifier(target.name) + u' ';
    QStringList sql;
    for (const CheckConstraint &check : live.checks) {
        if (!hasCheck(target, check) && !check.name.isEmpty())
            sql.append(prefix + u"DROP CONSTRAINT " + quoteIdentifier(check.name));
    }
    const bool defaultChanges = live.defaultValue.has_value() != target.defaultValue.has_value() ||
                                (live.defaultValue && *live.defaultValue != *target.defaultValue);
    if (defaultChanges)
        sql.append(prefix + (target.defaultValue ? u"SET DEFAULT " + target.defaultValue->text
                                                 : QStringLiteral("DROP DEFAULT")));
    if (live.notNull != target.notNull)
        sql.append(prefix + (target.notNull ? u"SET NOT NULL" : u"DROP NOT NULL"));
    for (const CheckConstraint &check : target.checks) {
        if (!hasCheck(live, check))
            sql.append(prefix + u"ADD " + checkClause(check));
    }
    if (live.comment != target.comment)
        sql.append(commentOnSql(u"DOMAIN " + quoteIdentifier(target.name), target.comment));
    return sql;
}

QString createSequenceSql(const Sequence &sequence)
{
    return (sequence.unlogged ? u"CREATE UNLOGGED SEQUENCE " : u"CREATE SEQUENCE ") +
           quoteIdentifier(sequence.name) + sequenceOptions(sequence);
}

QString dropSequenceSql(const Sequence &sequence)
{
    // Dropping its owning column or table (earlier in the plan) may have dropped it already.
    return u"DROP SEQUENCE IF EXISTS " + quoteIdentifier(sequence.name);
}

QStringList alterSequenceSql(const Sequence &live, const Sequence &target)
{
    QStringList sql;
    if (sequenceOptions(live) != sequenceOptions(target))
        sql.append(u"ALTER SEQUENCE " + quoteIdentifier(target.name) + sequenceOptions(target));
    if (live.unlogged != target.unlogged)
        sql.append(u"ALTER SEQUENCE " + quoteIdentifier(target.name) +
                   (target.unlogged ? u" SET UNLOGGED" : u" SET LOGGED"));
    if (live.comment != target.comment)
        sql.append(commentOnSql(u"SEQUENCE " + quoteIdentifier(target.name), target.comment));
    return sql;
}

QString ownSequenceSql(const Sequence &sequence)
{
    const QString owner = sequence.ownedByTable.isEmpty()
                              ? QStringLiteral("NONE")
                              : quoteIdentifier(sequence.ownedByTable) + u'.' +
                                    quoteIdentifier(sequence.ownedByColumn);
    return u"ALTER SEQUENCE " + quoteIdentifier(sequence.name) + u" OWNED BY " + owner;
}

QString routineSql(const Function &function)
{
    const QString kind = function.aggregate   ? QStringLiteral("ROUTINE ")
                         : function.procedure ? QStringLiteral("PROCEDURE ")
                                              : QStringLiteral("FUNCTION ");
    return kind + quoteIdentifier(function.routineName) + u'(' + function.argumentTypes + u')';
}

QStringList createFunctionSql(const Function &function)
{
    QStringList sql{function.definition.text};
    if (!function.comment.isEmpty())
        sql.append(commentOnSql(routineSql(function), function.comment));
    return sql;
}

QString dropFunctionSql(const Function &function)
{
    return u"DROP " + routineSql(function);
}

bool functionReplaceableInPlace(const Function &live, const Function &target)
{
    return live.procedure == target.procedure && live.aggregate == target.aggregate &&
           live.arguments == target.arguments && live.result == target.result;
}

// pg_get_functiondef starts the body on a line of its own: `AS $function$…` for a string,
// `BEGIN ATOMIC` or `RETURN …` for SQL (whose prosrc, the body read, is empty).
bool hasSqlStandardBody(const Function &function)
{
    if (!function.body.trimmed().isEmpty())
        return false;
    const QStringList lines = function.definition.text.split(u'\n');
    return std::any_of(lines.begin(), lines.end(), [](const QString &line) {
        return line.startsWith(u"BEGIN ATOMIC") || line.startsWith(u"RETURN ");
    });
}

QStringList alterFunctionSql(const Function &live, const Function &target)
{
    // Created anew, it would have the default privileges: the live ones are given back.
    if (live.definition != target.definition && !functionReplaceableInPlace(live, target))
        return QStringList{dropFunctionSql(live)} + createFunctionSql(target) + live.grants;
    QStringList sql;
    if (live.definition != target.definition)
        sql.append(target.definition.text);
    if (live.comment != target.comment)
        sql.append(commentOnSql(routineSql(target), target.comment));
    return sql;
}

QString commentOnSql(const QString &object, const QString &comment)
{
    return u"COMMENT ON " + object + u" IS " + commentLiteral(comment);
}

QString constraintCommentSql(const QString &table, const QString &constraint,
                             const QString &comment)
{
    return commentOnSql(
        u"CONSTRAINT " + quoteIdentifier(constraint) + u" ON " + quoteIdentifier(table), comment);
}

QString tableCommentSql(const QString &table, const QString &comment)
{
    return u"COMMENT ON TABLE " + quoteIdentifier(table) + u" IS " + commentLiteral(comment);
}

QString columnCommentSql(const QString &table, const QString &column, const QString &comment)
{
    return u"COMMENT ON COLUMN " + quoteIdentifier(table) + u'.' + quoteIdentifier(column) +
           u" IS " + commentLiteral(comment);
}

QStringList tableCommentsSql(const Table &table)
{
    QStringList sql;
    if (!table.comment.isEmpty())
        sql.append(tableCommentSql(table.name, table.comment));
    for (const Column &column : table.columns) {
        if (!column.comment.isEmpty())
            sql.append(columnCommentSql(table.name, column.name, column.comment));
    }
    for (const auto &[name, comment] : constraintComments(table)) {
        if (!comment.isEmpty() && !name.isEmpty())
            sql.append(constraintCommentSql(table.name, name, comment));
    }
    return sql;
}

QList<std::pair<QString, QString>> constraintComments(const Table &table)
{
    QList<std::pair<QString, QString>> out;
    if (table.primaryKey)
        out.append({table.primaryKey->name, table.primaryKey->comment});
    for (const UniqueConstraint &unique : table.uniques)
        out.append({unique.name, unique.comment});
    for (const CheckConstraint &check : table.checks)
        out.append({check.name, check.comment});
    for (const ForeignKey &fk : table.foreignKeys)
        out.append({fk.name, fk.comment});
    for (const ExclusionConstraint &exclusion : table.exclusions)
        out.append({exclusion.name, exclusion.comment});
    return out;
}

} // namespace burrow::dialect::postgres
