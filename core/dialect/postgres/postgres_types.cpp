#include "postgres_types.h"

#include <QRegularExpression>

namespace burrow::dialect::postgres {
namespace {

enum class Family { Integer, Numeric, Float, String, Bit, Temporal, Other };

/// A type's family with the numbers that bound it; -1 means unbounded.
struct TypeShape {
    Family family = Family::Other;
    QString base;    // the name without modifiers: `character varying`, `timestamp with time zone`
    int rank = 0;    // integers 1 to 3, floats 1 (real) and 2 (double precision)
    int length = -1; // strings and bits; also the precision of numeric and temporal types
    int scale = 0;   // numeric
    bool array = false;
};

TypeShape shapeOf(QString type)
{
    TypeShape shape;
    shape.array = type.endsWith(u"[]");
    type.remove(QStringLiteral("[]"));
    static const QRegularExpression modifiers(QStringLiteral("\\((\\d+)(?:,(\\d+))?\\)"));
    const QRegularExpressionMatch m = modifiers.match(type);
    if (m.hasMatch()) {
        shape.length = m.captured(1).toInt();
        shape.scale = m.captured(2).toInt();
    }
    shape.base = type.remove(modifiers).simplified();
    const QString &b = shape.base;
    static const QStringList integers{QStringLiteral("smallint"), QStringLiteral("integer"),
                                      QStringLiteral("bigint")};
    if (integers.contains(b)) {
        shape.family = Family::Integer;
        shape.rank = int(integers.indexOf(b)) + 1;
    } else if (b == u"numeric") {
        shape.family = Family::Numeric;
    } else if (b == u"real" || b == u"double precision") {
        shape.family = Family::Float;
        shape.rank = b == u"real" ? 1 : 2;
    } else if (b == u"text" || b == u"character varying" || b == u"character" || b == u"citext" ||
               b.endsWith(u".citext")) {
        // citext (the extension's, possibly schema-qualified) keeps the text as written.
        shape.family = Family::String;
    } else if (b == u"bit" || b == u"bit varying") {
        shape.family = Family::Bit;
    } else if (b.startsWith(u"timestamp") || b.startsWith(u"time ") || b == u"date" ||
               b.startsWith(u"interval")) {
        shape.family = Family::Temporal;
    }
    return shape;
}

// Decimal digits an integer type needs before the point.
int integerDigits(int rank)
{
    return rank == 1 ? 5 : rank == 2 ? 10 : 19;
}

bool holdsEveryInteger(const TypeShape &to, int rank)
{
    switch (to.family) {
    case Family::Integer:
        return to.rank >= rank;
    case Family::Numeric:
        return to.length < 0 || to.length - to.scale >= integerDigits(rank);
    case Family::Float: // exactly: smallint in real's 24 bits, up to integer in double's 53
        return to.rank == 2 ? rank <= 2 : rank == 1;
    default:
        return false;
    }
}

bool holdsEveryNumeric(const TypeShape &to, const TypeShape &from)
{
    if (to.family != Family::Numeric)
        return false;
    if (to.length < 0)
        return true;
    return from.length >= 0 && to.scale >= from.scale &&
           to.length - to.scale >= from.length - from.scale;
}

// date ⊂ timestamp ⊂ timestamptz; more fractional digits hold fewer; same base otherwise.
bool holdsEveryTemporal(const TypeShape &to, const TypeShape &from)
{
    static const QString stamp = QStringLiteral("timestamp without time zone");
    static const QString stampTz = QStringLiteral("timestamp with time zone");
    const bool widerBase = (from.base == u"date" && (to.base == stamp || to.base == stampTz)) ||
                           (from.base == stamp && to.base == stampTz);
    if (!widerBase && to.base != from.base)
        return false;
    const int toDigits = to.length < 0 ? 6 : to.length;
    const int fromDigits = from.length < 0 ? 6 : from.length;
    return toDigits >= fromDigits;
}

bool holds(const TypeShape &to, const TypeShape &from)
{
    if (to.array != from.array)
        return false;
    if (to.family == Family::String && to.length < 0)
        return true; // text and unbounded varchar hold any value's text form
    switch (from.family) {
    case Family::Integer:
        return holdsEveryInteger(to, from.rank);
    case Family::Numeric:
        return holdsEveryNumeric(to, from);
    case Family::Float:
        return to.family == Family::Float && to.rank >= from.rank;
    case Family::String:
    case Family::Bit:
        return to.family == from.family && from.length >= 0 && to.length >= from.length;
    case Family::Temporal:
        return to.family == Family::Temporal && holdsEveryTemporal(to, from);
    case Family::Other:
        return false;
    }
    return false;
}

/// Rounded to the target's scale (as the column stores it), a value either overflows (the
/// change fails) or differs from what it was (digits lost).
QString numericNotHeld(const TypeShape &to, const QString &column)
{
    const QString rounded = u"round(" + column + u"::numeric, " + QString::number(to.scale) + u')';
    return u"(abs(" + rounded + u") >= 1e" + QString::number(to.length - to.scale) + u" OR " +
           column + u" <> " + rounded + u')';
}

/// Out of the integer type's range; a numeric's fraction is rounded away (lost) too.
QString integerNotHeld(const TypeShape &source, const TypeShape &target, const QString &column)
{
    static const QStringList ranges{QStringLiteral("-32768 AND 32767"),
                                    QStringLiteral("-2147483648 AND 2147483647"),
                                    QStringLiteral("-9223372036854775808 AND 9223372036854775807")};
    const QString range = ranges.value(target.rank - 1, ranges.last());
    if (source.family == Family::Integer)
        return column + u" NOT BETWEEN " + range;
    const QString rounded = u"round(" + column + u')';
    return u'(' + rounded + u" NOT BETWEEN " + range + u" OR " + column + u" <> " + rounded + u')';
}

} // namespace

QString valuesNotHeld(const QString &from, const QString &to, const QString &column)
{
    const TypeShape source = shapeOf(from);
    const TypeShape target = shapeOf(to);
    if (source.array != target.array)
        return {};
    if (source.array) { // a row whose array holds an element that does not fit
        const QString element =
            valuesNotHeld(QString(from).remove(QStringLiteral("[]")),
                          QString(to).remove(QStringLiteral("[]")), QStringLiteral("element"));
        return element.isEmpty() ? QString()
                                 : u"EXISTS (SELECT FROM unnest(" + column +
                                       u") AS element WHERE " + element + u')';
    }
    const bool number = source.family == Family::Integer || source.family == Family::Numeric;
    if (number && target.family == Family::Integer)
        return integerNotHeld(source, target, column);
    if (target.length < 0)
        return {};
    if (source.family == Family::String && target.family == Family::String)
        return u"char_length(" + column + u") > " + QString::number(target.length);
    if (number && target.family == Family::Numeric)
        return numericNotHeld(target, column);
    return {};
}

bool narrowsType(const QString &from, const QString &to)
{
    if (from == to)
        return false;
    return !holds(shapeOf(to), shapeOf(from));
}

bool needsExplicitCast(const QString &, const QString &to)
{
    const TypeShape shape = shapeOf(to);
    const bool bounded =
        (shape.family == Family::String || shape.family == Family::Bit) && shape.length >= 0;
    return !bounded;
}

bool castsThroughText(const QString &from, const QString &to)
{
    const TypeShape source = shapeOf(from);
    const TypeShape target = shapeOf(to);
    return source.family == Family::Other && target.family == Family::Other &&
           source.base != target.base;
}

} // namespace burrow::dialect::postgres
