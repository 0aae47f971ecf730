#include "ignore_rules.h"

namespace burrow::diff {
namespace {

// Globs on names: `*` any run of characters, `?` one character, everything else literal.
QString globToPattern(const QString &glob)
{
    QString pattern;
    for (QChar c : glob) {
        if (c == u'*')
            pattern += QStringLiteral(".*");
        else if (c == u'?')
            pattern += u'.';
        else
            pattern += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression::anchoredPattern(pattern);
}

/// The schemas besides the URL's that hold something `rules` match, from one pass over `s`.
QSet<QString> schemasHoldingIgnored(const schema::Schema &s, const IgnoreRules &rules)
{
    QSet<QString> schemas;
    for (const QString &name : schema::namesInSchemas(s)) {
        if (const QString ns = schema::schemaPart(name); !ns.isEmpty() && rules.matches(name))
            schemas.insert(ns);
    }
    return schemas;
}

} // namespace

IgnoreRules::IgnoreRules(const QStringList &globs, Qt::CaseSensitivity cs)
{
    for (const QString &glob : globs + QStringList{historyTable()}) {
        QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
        if (cs == Qt::CaseInsensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        m_patterns.append(QRegularExpression(globToPattern(glob), options));
    }
}

bool IgnoreRules::matches(const QString &name) const
{
    // Another managed schema's object as the user writes it: `core.audit_*`.
    const QString shown = schema::dottedName(name);
    return std::any_of(m_patterns.cbegin(), m_patterns.cend(),
                       [&](const QRegularExpression &re) { return re.match(shown).hasMatch(); });
}

schema::Schema IgnoreRules::apply(schema::Schema schema) const
{
    schema.tables.removeIf([this](const schema::Table &t) { return matches(t.name); });
    schema.views.removeIf([this](const schema::View &v) { return matches(v.name); });
    schema.enums.removeIf([this](const schema::EnumType &e) { return matches(e.name); });
    schema.domains.removeIf([this](const schema::Domain &d) { return matches(d.name); });
    schema.collations.removeIf([this](const schema::Collation &c) { return matches(c.name); });
    const auto ignored = [this](const schema::TextSearch &t) { return matches(t.name); };
    schema.textSearchDictionaries.removeIf(ignored);
    schema.textSearchConfigurations.removeIf(ignored);
    schema.ranges.removeIf([this](const schema::RangeType &r) { return matches(r.name); });
    schema.composites.removeIf([this](const schema::CompositeType &c) { return matches(c.name); });
    schema.events.removeIf([this](const schema::Event &e) { return matches(e.name); });
    schema.extensions.removeIf([this](const schema::Extension &e) { return matches(e.name); });
    // A sequence an ignored table owns is that table's business too.
    schema.sequences.removeIf([this](const schema::Sequence &s) {
        return matches(s.name) || (!s.ownedByTable.isEmpty() && matches(s.ownedByTable));
    });
    schema.functions.removeIf([this](const schema::Function &f) { return matches(f.routineName); });
    return schema;
}

schema::Schema IgnoreRules::applyToLive(schema::Schema live, const schema::Schema &model,
                                        Qt::CaseSensitivity cs) const
{
    const QSet<QString> holding = schemasHoldingIgnored(live, *this);
    live.namespaces.removeIf([&](const schema::Namespace &n) {
        return holding.contains(n.name) && !schema::findNamed(model.namespaces, n.name, cs);
    });
    return apply(std::move(live));
}

} // namespace burrow::diff
