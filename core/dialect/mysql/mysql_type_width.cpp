#include "mysql_type_width.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <limits>
#include <optional>

namespace burrow::dialect::mysql {
namespace {

enum class Kind { Integer, Decimal, Float, Text, Binary, Temporal, Choice, Other };

/// A type key taken apart: base name, the numbers or values in parentheses, signedness.
struct TypeShape {
    QString base;
    QStringList arguments;
    bool isUnsigned = false;
};

TypeShape shapeOf(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^([a-z ]+?)\\s*(?:\\((.*)\\))?\\s*"
                                                           "(unsigned)?(?:\\s.*)?$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = pattern.match(key.toLower().trimmed());
    TypeShape shape;
    shape.base = m.captured(1).trimmed();
    if (!m.captured(2).isEmpty())
        shape.arguments = m.captured(2).split(u',');
    for (QString &argument : shape.arguments)
        argument = argument.trimmed();
    shape.isUnsigned = !m.captured(3).isEmpty();
    return shape;
}

int integerRank(const QString &base)
{
    const QStringList ranks{QStringLiteral("tinyint"), QStringLiteral("smallint"),
                            QStringLiteral("mediumint"), QStringLiteral("int"),
                            QStringLiteral("bigint")};
    return int(ranks.indexOf(base == u"integer" ? QStringLiteral("int") : base));
}

Kind kindOf(const QString &base)
{
    if (integerRank(base) >= 0 || base == u"bit" || base == u"bool" || base == u"boolean")
        return Kind::Integer;
    if (base == u"decimal" || base == u"numeric")
        return Kind::Decimal;
    if (base == u"float" || base == u"double" || base == u"real")
        return Kind::Float;
    if (base.endsWith(u"char") || base.endsWith(u"text"))
        return Kind::Text;
    if (base.endsWith(u"binary") || base.endsWith(u"blob"))
        return Kind::Binary;
    if (base == u"date" || base == u"datetime" || base == u"timestamp" || base == u"time" ||
        base == u"year")
        return Kind::Temporal;
    if (base == u"enum" || base == u"set")
        return Kind::Choice;
    return Kind::Other;
}

/// How many characters (or bytes) a string type holds.
qint64 capacity(const TypeShape &shape)
{
    const QString &b = shape.base;
    if (b.startsWith(u"tiny"))
        return 255;
    if (b.startsWith(u"medium"))
        return 16777215;
    if (b.startsWith(u"long"))
        return 4294967295LL;
    if (b == u"text" || b == u"blob")
        return 65535;
    return shape.arguments.value(0, QStringLiteral("1")).toLongLong();
}

bool narrowsWithinKind(Kind kind, const TypeShape &from, const TypeShape &to)
{
    auto number = [](const TypeShape &s, int i) { return s.arguments.value(i).toInt(); };
    switch (kind) {
    case Kind::Integer:
        return integerRank(to.base) < integerRank(from.base) || from.isUnsigned != to.isUnsigned;
    case Kind::Decimal:
        return number(to, 0) - number(to, 1) < number(from, 0) - number(from, 1) ||
               number(to, 1) < number(from, 1);
    case Kind::Float:
        return from.base == u"double" && to.base == u"float";
    case Kind::Text:
    case Kind::Binary:
        return capacity(to) < capacity(from);
    case Kind::Choice:
        return !QSet<QString>(to.arguments.begin(), to.arguments.end())
                    .contains(QSet<QString>(from.arguments.begin(), from.arguments.end()));
    case Kind::Temporal:
        return from.base != to.base || number(to, 0) < number(from, 0);
    case Kind::Other:
        return from.base != to.base;
    }
    return true;
}

/// The range of integer type `to`, as "MIN AND MAX".
QString integerRange(const TypeShape &to)
{
    const int bits = QList<int>{8, 16, 24, 32, 64}.value(integerRank(to.base), 64);
    if (to.isUnsigned)
        return u"0 AND " + QString::number(bits == 64 ? ~quint64(0) : (quint64(1) << bits) - 1);
    const qint64 max =
        bits == 64 ? std::numeric_limits<qint64>::max() : (qint64(1) << (bits - 1)) - 1;
    return QString::number(-max - 1) + u" AND " + QString::number(max);
}

/// Rounded to the target's scale (as the server stores it), a value either overflows or
/// differs from what it was.
QString decimalNotHeld(const TypeShape &to, const QString &column)
{
    const int digits = to.arguments.value(0, QStringLiteral("10")).toInt();
    const QString scale = to.arguments.value(1, QStringLiteral("0"));
    const QString rounded = u"ROUND(" + column + u", " + scale + u')';
    return u"(ABS(" + rounded + u") >= 1e" + QString::number(digits - scale.toInt()) + u" OR " +
           column + u" <> " + rounded + u')';
}

/// The enum's labels as the key spells them (the shape's are lower-cased).
QString enumLabels(const QString &key)
{
    static const QRegularExpression labels(QStringLiteral("^enum\\s*\\((.*)\\)\\s*$"),
                                           QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::DotMatchesEverythingOption);
    return labels.match(key.trimmed()).captured(1);
}

} // namespace

QString valuesNotHeld(const QString &fromKey, const QString &toKey, const QString &column)
{
    const TypeShape from = shapeOf(fromKey);
    const TypeShape to = shapeOf(toKey);
    const Kind kind = kindOf(to.base);
    const Kind fromKind = kindOf(from.base);
    if (fromKind != kind && !(fromKind == Kind::Integer && kind == Kind::Decimal))
        return {};
    switch (kind) {
    case Kind::Text:
        return u"CHAR_LENGTH(" + column + u") > " + QString::number(capacity(to));
    case Kind::Binary:
        return u"LENGTH(" + column + u") > " + QString::number(capacity(to));
    case Kind::Integer:
        return to.base == u"bit" ? QString() : column + u" NOT BETWEEN " + integerRange(to);
    case Kind::Decimal:
        return decimalNotHeld(to, column);
    case Kind::Choice:
        return to.base == u"enum" ? column + u" NOT IN (" + enumLabels(toKey) + u')' : QString();
    default:
        return {};
    }
}

bool narrows(const QString &fromKey, const QString &toKey)
{
    const TypeShape from = shapeOf(fromKey);
    const TypeShape to = shapeOf(toKey);
    const Kind fromKind = kindOf(from.base);
    const Kind toKind = kindOf(to.base);
    if (fromKind == toKind)
        return narrowsWithinKind(fromKind, from, to);
    // Numbers fit a wide enough text column; every other change of kind may lose values.
    const bool numeric = fromKind == Kind::Integer || fromKind == Kind::Decimal;
    if (numeric && toKind == Kind::Text)
        return capacity(to) < 40;
    if (fromKind == Kind::Integer && (toKind == Kind::Decimal || toKind == Kind::Float))
        return false;
    return true;
}

} // namespace burrow::dialect::mysql
