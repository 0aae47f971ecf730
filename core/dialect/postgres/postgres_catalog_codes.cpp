#include "postgres_catalog_codes_p.h"
#include "postgres_names.h"
#include "postgres_numbering.h"

#include <QHash>
#include <QJsonDocument>

namespace burrow::dialect::postgres::catalog {

using namespace schema;

QJsonArray jsonArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

QStringList names(const QVariant &jsonValue)
{
    QStringList out;
    for (const QJsonValue &name : jsonArray(jsonValue))
        out.append(name.toString());
    return out;
}

ReferentialAction referentialAction(const QString &code)
{
    static const QHash<QString, ReferentialAction> actions{
        {QStringLiteral("r"), ReferentialAction::Restrict},
        {QStringLiteral("c"), ReferentialAction::Cascade},
        {QStringLiteral("n"), ReferentialAction::SetNull},
        {QStringLiteral("d"), ReferentialAction::SetDefault}};
    return actions.value(code, ReferentialAction::NoAction);
}

QString identityNumbering(const QString &kind, const QVariant &sequenceJson)
{
    const QJsonArray s = jsonArray(sequenceJson);
    IdentitySequence sequence;
    sequence.always = kind == u"a";
    sequence.type = s.at(0).toString();
    sequence.start = s.at(1).toString().toLongLong();
    sequence.increment = s.at(2).toString().toLongLong();
    sequence.minValue = s.at(3).toString().toLongLong();
    sequence.maxValue = s.at(4).toString().toLongLong();
    sequence.cache = s.at(5).toString().toLongLong();
    sequence.cycle = s.at(6).toBool();
    return identityClause(sequence);
}

QString nameIn(const QSqlQuery &row, int name, int schema)
{
    return qualifiedName(row.value(schema).toString(), row.value(name).toString());
}

QString triggerFiring(const QVariant &tgenabled)
{
    static const QHash<QString, QString> actions{
        {QStringLiteral("D"), QStringLiteral("DISABLE")},
        {QStringLiteral("R"), QStringLiteral("ENABLE REPLICA")},
        {QStringLiteral("A"), QStringLiteral("ENABLE ALWAYS")}};
    return actions.value(tgenabled.toString());
}

TriggerKind triggerKind(const QString &code)
{
    return code == u"r"   ? TriggerKind::Rule
           : code == u"s" ? TriggerKind::Statistics
                          : TriggerKind::Trigger;
}

Deferral deferral(bool deferrable, bool deferred)
{
    if (!deferrable)
        return Deferral::NotDeferrable;
    return deferred ? Deferral::InitiallyDeferred : Deferral::InitiallyImmediate;
}

QString withoutOwnSchema(const QString &definition, const QString &quotedSchema)
{
    for (QStringView create : {u"CREATE OR REPLACE FUNCTION ", u"CREATE OR REPLACE PROCEDURE ",
                               u"CREATE OR REPLACE AGGREGATE "}) {
        const QString prefix = create + quotedSchema + u'.';
        if (definition.startsWith(prefix))
            return create + definition.mid(prefix.size());
    }
    return definition;
}

QString policyCommand(const QString &code)
{
    static const QHash<QString, QString> commands{{QStringLiteral("r"), QStringLiteral("SELECT")},
                                                  {QStringLiteral("a"), QStringLiteral("INSERT")},
                                                  {QStringLiteral("w"), QStringLiteral("UPDATE")},
                                                  {QStringLiteral("d"), QStringLiteral("DELETE")}};
    return commands.value(code, QStringLiteral("ALL"));
}

} // namespace burrow::dialect::postgres::catalog
