#include "../sql/item_list.h"
#include "attribute_diff_p.h"
#include "describe.h"
#include "schema_objects_differ_p.h"

#include <algorithm>

namespace burrow::diff {
namespace {

using namespace schema;

QString quotedLabel(const QString &label)
{
    QString text = label;
    return u'\'' + text.replace(QStringLiteral("'"), QStringLiteral("''")) + u'\'';
}

QString checksText(const QList<CheckConstraint> &checks)
{
    QStringList out;
    for (const CheckConstraint &check : checks)
        out.append(describeCheck(check));
    return out.join(u", ");
}

QString routineKind(const Function &f)
{
    return f.aggregate   ? QStringLiteral("AGGREGATE")
           : f.procedure ? QStringLiteral("PROCEDURE")
                         : QStringLiteral("FUNCTION");
}

QString ownerText(const Sequence &s)
{
    return s.ownedByTable.isEmpty()
               ? QString()
               : displayName(s.ownedByTable) + u'.' + displayName(s.ownedByColumn);
}

/// Records the differences of one kind of object, paired by name, in name order.
class ObjectDiffer {
public:
    explicit ObjectDiffer(Qt::CaseSensitivity cs)
        : m_cs(cs)
    {
    }

    template<typename T, typename DescribeFn, typename CompareFn>
    void run(ObjectKind kind, const QList<T> &live, const QList<T> &model, DescribeFn describe,
             CompareFn compare)
    {
        QList<std::pair<const T *, const T *>> pairs;
        for (const T &m : model)
            pairs.append(std::pair{find(live, m.name), &m});
        for (const T &l : live) {
            if (!find(model, l.name))
                pairs.append(std::pair<const T *, const T *>{&l, nullptr});
        }
        std::stable_sort(pairs.begin(), pairs.end(), [](const auto &a, const auto &b) {
            return (a.second ? a.second : a.first)
                       ->name.compare((b.second ? b.second : b.first)->name, Qt::CaseInsensitive) <
                   0;
        });
        for (const auto &[l, m] : pairs) {
            const T &any = m ? *m : *l;
            if (!l || !m) {
                add(kind, l ? ChangeType::Removed : ChangeType::Added, any.name, describe(any));
                continue;
            }
            m_diff = {};
            compare(*l, *m);
            if (m_diff.any())
                m_out.append(Change{kind,
                                    ChangeType::Changed,
                                    any.name,
                                    any.name,
                                    {},
                                    m_diff.attributes,
                                    m_diff.details.join(u"; ")});
        }
    }

    /// Notes one differing attribute of the pair being compared.
    void compare(bool differs, const QString &attribute, const QString &before,
                 const QString &after)
    {
        m_diff.compare(differs, attribute, before, after);
    }
    /// Notes one differing attribute whose values are too long to show.
    void flag(bool differs, const QString &attribute, const QString &detail)
    {
        m_diff.flag(differs, attribute, detail);
    }

    QList<Change> takeChanges() { return std::move(m_out); }

private:
    template<typename T> const T *find(const QList<T> &items, const QString &name) const
    {
        for (const T &item : items) {
            if (item.name.compare(name, m_cs) == 0)
                return &item;
        }
        return nullptr;
    }
    void add(ObjectKind kind, ChangeType type, const QString &name, const QString &detail)
    {
        m_out.append(Change{kind, type, name, name, {}, {}, detail});
    }

    Qt::CaseSensitivity m_cs;
    AttributeDiff m_diff; // of the pair being compared
    QList<Change> m_out;
};

void compareDomains(ObjectDiffer &d, const Domain &l, const Domain &m)
{
    d.compare(l.type != m.type, QStringLiteral("type"), l.type, m.type);
    d.compare(l.notNull != m.notNull, QStringLiteral("not null"),
              l.notNull ? QStringLiteral("NOT NULL") : QString(),
              m.notNull ? QStringLiteral("NOT NULL") : QString());
    const QString before = l.defaultValue ? l.defaultValue->text : QString();
    const QString after = m.defaultValue ? m.defaultValue->text : QString();
    d.compare(l.defaultValue.has_value() != m.defaultValue.has_value() ||
                  (l.defaultValue && *l.defaultValue != *m.defaultValue),
              QStringLiteral("default"), before, after);
    d.compare(l.collation != m.collation, QStringLiteral("collation"), l.collation, m.collation);
    d.compare(l.comment != m.comment, QStringLiteral("comment"), l.comment, m.comment);
    d.compare(checksText(l.checks) != checksText(m.checks), QStringLiteral("checks"),
              checksText(l.checks), checksText(m.checks));
}

void compareSequences(ObjectDiffer &d, const Sequence &l, const Sequence &m)
{
    const auto number = [](qint64 n) { return QString::number(n); };
    d.compare(l.type != m.type, QStringLiteral("type"), l.type, m.type);
    d.compare(l.start != m.start, QStringLiteral("start"), number(l.start), number(m.start));
    d.compare(l.increment != m.increment, QStringLiteral("increment"), number(l.increment),
              number(m.increment));
    d.compare(l.minValue != m.minValue, QStringLiteral("minvalue"), number(l.minValue),
              number(m.minValue));
    d.compare(l.maxValue != m.maxValue, QStringLiteral("maxvalue"), number(l.maxValue),
              number(m.maxValue));
    d.compare(l.cache != m.cache, QStringLiteral("cache"), number(l.cache), number(m.cache));
    d.compare(l.cycle != m.cycle, QStringLiteral("cycle"),
              l.cycle ? QStringLiteral("CYCLE") : QString(),
              m.cycle ? QStringLiteral("CYCLE") : QString());
    d.compare(ownerText(l) != ownerText(m), QStringLiteral("owned by"), ownerText(l), ownerText(m));
    d.flag(l.unlogged != m.unlogged, QStringLiteral("unlogged"),
           m.unlogged ? QStringLiteral("UNLOGGED added") : QStringLiteral("UNLOGGED dropped"));
    d.compare(l.comment != m.comment, QStringLiteral("comment"), l.comment, m.comment);
}

// A clause the model leaves to the engine (no STARTS, no DEFINER: empty) is not compared.
void compareEvents(ObjectDiffer &d, const Event &l, const Event &m)
{
    d.compare(l.schedule != m.schedule, QStringLiteral("schedule"), l.schedule, m.schedule);
    d.compare(!m.starts.isEmpty() && l.starts != m.starts, QStringLiteral("starts"), l.starts,
              m.starts);
    d.compare(l.ends != m.ends, QStringLiteral("ends"), l.ends, m.ends);
    d.compare(l.preserve != m.preserve, QStringLiteral("on completion"),
              l.preserve ? QStringLiteral("PRESERVE") : QStringLiteral("NOT PRESERVE"),
              m.preserve ? QStringLiteral("PRESERVE") : QStringLiteral("NOT PRESERVE"));
    d.compare(l.status != m.status, QStringLiteral("status"), l.status, m.status);
    d.compare(l.comment != m.comment, QStringLiteral("comment"), l.comment, m.comment);
    d.compare(l.body != m.body, QStringLiteral("body"), oneLine(l.body.text), oneLine(m.body.text));
    d.compare(!m.definer.isEmpty() && l.definer != m.definer, QStringLiteral("definer"), l.definer,
              m.definer);
    compareSqlModes(d, l.sqlMode, m.sqlMode);
}

void compareFunctions(ObjectDiffer &d, const Function &l, const Function &m)
{
    d.compare(routineKind(l) != routineKind(m), QStringLiteral("kind"), routineKind(l),
              routineKind(m));
    d.compare(l.arguments != m.arguments, QStringLiteral("arguments"), l.arguments, m.arguments);
    d.compare(l.result != m.result, QStringLiteral("returns"), l.result, m.result);
    // The body and options: the whole definition, too long for a detail line.
    const bool headerSame =
        routineKind(l) == routineKind(m) && l.arguments == m.arguments && l.result == m.result;
    d.flag(headerSame && l.definition != m.definition, QStringLiteral("definition"),
           QStringLiteral("definition differs (body or options)"));
    d.compare(l.comment != m.comment, QStringLiteral("comment"), l.comment, m.comment);
    compareSqlModes(d, l.sqlMode, m.sqlMode);
}

} // namespace

QString describeSqlMode(const SqlMode &mode)
{
    if (!mode.own)
        return QStringLiteral("the server's default");
    return mode.own->isEmpty() ? QStringLiteral("''") : *mode.own;
}

QString describeEvent(const Event &e)
{
    QString out = u"ON SCHEDULE " + e.schedule;
    if (!e.ends.isEmpty())
        out += u" ENDS '" + e.ends + u'\'';
    out += e.preserve ? QStringLiteral(" ON COMPLETION PRESERVE ")
                      : QStringLiteral(" ON COMPLETION NOT PRESERVE ");
    return out + e.status + u" DO " + oneLine(e.body.text);
}

QString describeLabels(const QStringList &labels)
{
    return sql::parenthesized(labels, [](const QString &item) { return quotedLabel(item); });
}

QString describeDomain(const Domain &domain)
{
    QStringList parts{domain.type};
    if (!domain.collation.isEmpty())
        parts.append(u"COLLATE " + domain.collation);
    if (domain.notNull)
        parts.append(QStringLiteral("NOT NULL"));
    if (domain.defaultValue)
        parts.append(u"DEFAULT " + domain.defaultValue->text);
    if (!domain.checks.isEmpty())
        parts.append(checksText(domain.checks));
    return parts.join(u' ');
}

QString describeAttributes(const QList<TypeAttribute> &attributes)
{
    return sql::parenthesized(attributes, [](const TypeAttribute &a) {
        QString out = a.name + u' ' + a.type;
        if (!a.collation.isEmpty())
            out += u" COLLATE " + a.collation;
        return out;
    });
}

QString describeCollation(const Collation &c)
{
    QString out = u"(provider = " + c.provider + u", locale = '" + c.locale + u'\'';
    if (!c.ctype.isEmpty() && c.ctype != c.locale)
        out += u", lc_ctype = '" + c.ctype + u'\'';
    return out +
           (c.deterministic ? QStringLiteral(")") : QStringLiteral(", deterministic = false)"));
}

QString describeSequence(const Sequence &s)
{
    QString out = (s.unlogged ? u"UNLOGGED AS " : u"AS ") + s.type + u" START " +
                  QString::number(s.start) + u" INCREMENT " + QString::number(s.increment);
    if (s.cycle)
        out += QStringLiteral(" CYCLE");
    if (!s.ownedByTable.isEmpty())
        out += u" OWNED BY " + ownerText(s);
    return out;
}

QString describeFunction(const Function &f)
{
    QString out = routineKind(f) + u' ' + dottedName(f.routineName) + u'(' + f.arguments + u')';
    if (!f.procedure)
        out += u" RETURNS " + f.result;
    return out;
}

QList<Change> diffSchemaObjects(const Schema &live, const Schema &model, Qt::CaseSensitivity cs)
{
    ObjectDiffer d(cs);
    d.run(
        ObjectKind::Enum, live.enums, model.enums,
        [](const EnumType &e) -> QString { return u"ENUM " + describeLabels(e.labels); },
        [&d](const EnumType &l, const EnumType &m) {
            d.compare(l.labels != m.labels,
                      labelsOnlyAdded(l, m) ? QStringLiteral("labels added")
                                            : QStringLiteral("labels"),
                      describeLabels(l.labels), describeLabels(m.labels));
            d.compare(l.comment != m.comment, QStringLiteral("comment"), l.comment, m.comment);
        });
    d.run(
        ObjectKind::Composite, live.composites, model.composites,
        [](const CompositeType &c) -> QString { return u"AS " + describeAttributes(c.attributes); },
        [&d](const CompositeType &l, const CompositeType &m) {
            d.compare(l.attributes != m.attributes,
                      attributesOnlyAdded(l, m) ? QStringLiteral("attributes added")
                                                : QStringLiteral("attributes"),
                      describeAttributes(l.attributes), describeAttributes(m.attributes));
            d.compare(l.comment != m.comment, QStringLiteral("comment"), l.comment, m.comment);
        });
    d.run(
        ObjectKind::Range, live.ranges, model.ranges,
        [](const RangeType &r) -> QString { return u"AS RANGE (" + r.definition + u')'; },
        [&d](const RangeType &l, const RangeType &m) {
            d.compare(l.definition != m.definition, QStringLiteral("definition"), l.definition,
                      m.definition);
            d.compare(l.comment != m.comment, QStringLiteral("comment"), l.comment, m.comment);
        });
    const auto describeTextSearch = [](const TextSearch &t) -> QString {
        return u"(" + t.source + u"; " + t.settings.join(u"; ") + u')';
    };
    const auto compareTextSearch = [&d, &describeTextSearch](const TextSearch &l,
                                                             const TextSearch &m) {
        d.compare(l.source != m.source || l.settings != m.settings, QStringLiteral("definition"),
                  describeTextSearch(l), describeTextSearch(m));
        d.compare(l.comment != m.comment, QStringLiteral("comment"), l.comment, m.comment);
    };
    d.run(ObjectKind::TextSearchDictionary, live.textSearchDictionaries,
          model.textSearchDictionaries, describeTextSearch, compareTextSearch);
    d.run(ObjectKind::TextSearchConfiguration, live.textSearchConfigurations,
          model.textSearchConfigurations, describeTextSearch, compareTextSearch);
    d.run(ObjectKind::Collation, live.collations, model.collations, describeCollation,
          [&d](const Collation &l, const Collation &m) {
              d.compare(describeCollation(l) != describeCollation(m), QStringLiteral("definition"),
                        describeCollation(l), describeCollation(m));
              d.compare(l.comment != m.comment, QStringLiteral("comment"), l.comment, m.comment);
          });
    d.run(ObjectKind::Domain, live.domains, model.domains, describeDomain,
          [&d](const Domain &l, const Domain &m) { compareDomains(d, l, m); });
    d.run(ObjectKind::Sequence, live.sequences, model.sequences, describeSequence,
          [&d](const Sequence &l, const Sequence &m) { compareSequences(d, l, m); });
    d.run(ObjectKind::Event, live.events, model.events, describeEvent,
          [&d](const Event &l, const Event &m) { compareEvents(d, l, m); });
    d.run(ObjectKind::Function, live.functions, model.functions, describeFunction,
          [&d](const Function &l, const Function &m) { compareFunctions(d, l, m); });
    d.run(
        ObjectKind::Extension, live.extensions, model.extensions,
        [](const Extension &e) -> QString { return u"EXTENSION " + e.name; },
        [](const Extension &, const Extension &) {}); // the name is all there is to compare
    d.run(
        ObjectKind::Namespace, live.namespaces, model.namespaces,
        [](const Namespace &n) -> QString { return u"SCHEMA " + n.name; },
        [](const Namespace &, const Namespace &) {});
    return d.takeChanges();
}

} // namespace burrow::diff
