#include "mysql_alter_p.h"

#include "mysql_table_options.h"
#include "mysql_table_sql.h"

#include <QRegularExpression>

namespace burrow::dialect::mysql {

using namespace schema;

QString columnSignature(const Column &c)
{
    return QStringList{c.typeKey,
                       QString::number(c.notNull),
                       c.defaultValue ? u'=' + c.defaultValue->canonical : QString(),
                       c.collation,
                       QString::number(c.autoIncrement),
                       QString::number(int(c.generated)),
                       c.generatedExpression.canonical,
                       c.comment,
                       QString::number(c.invisible),
                       QString::number(c.unversioned)}
        .join(u'\x1f');
}

QString foreignKeySignature(const ForeignKey &fk)
{
    return QStringList{fk.referencedTable, fk.referencedColumns.join(u'\x1e'),
                       QString::number(int(fk.onDelete)), QString::number(int(fk.onUpdate))}
        .join(u'\x1f');
}

QString indexSignature(const Index &i)
{
    QStringList parts{QString::number(i.unique), indexKind(i), i.comment, i.options};
    for (const IndexPart &p : i.parts)
        parts << p.column << p.expression.canonical << QString::number(int(p.order));
    return parts.join(u'\x1f');
}

bool mustRecreate(const Column &live, const Column &target)
{
    if (live.generated == target.generated)
        return false;
    return !(live.generated == Generated::Stored && target.generated == Generated::No);
}

bool isCharacterType(const QString &type)
{
    static const QRegularExpression text(
        QStringLiteral("^(national\\s+)?(var)?char\\b|^n?varchar\\b|^(tiny|medium|long)?text\\b|"
                       "^enum\\s*\\(|^set\\s*\\("),
        QRegularExpression::CaseInsensitiveOption);
    return text.match(type.trimmed()).hasMatch();
}

bool namesAgree(const QString &a, const QString &b)
{
    return a.isEmpty() || b.isEmpty() || a == b;
}

QString keptForeignKeyName(const QString &table, const ForeignKey &fk,
                           const ForeignKey *counterpart, const Table &without)
{
    if (fk.name.isEmpty() && counterpart && !counterpart->name.isEmpty())
        return counterpart->name;
    return foreignKeyName(table, fk, without);
}

QStringList versioningClauses(const Table &live, const Table &target)
{
    if (live.systemVersioned == target.systemVersioned)
        return {};
    QStringList out;
    if (target.systemVersioned) {
        if (const QString period = systemTimePeriod(target); !period.isEmpty())
            out.append(u"ADD " + period);
        out.append(QStringLiteral("ADD SYSTEM VERSIONING"));
    } else {
        if (!systemTimePeriod(live).isEmpty())
            out.append(QStringLiteral("DROP PERIOD FOR SYSTEM_TIME"));
        out.append(QStringLiteral("DROP SYSTEM VERSIONING"));
    }
    return out;
}

} // namespace burrow::dialect::mysql
