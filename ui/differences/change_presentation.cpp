#include "change_presentation_p.h"
#include "schema/schema.h"

namespace burrow::ui {

using diff::ChangeType;
using diff::ObjectKind;

QString objectText(const diff::Change &change)
{
    if (change.type == ChangeType::RenameSuggested)
        return schema::dottedName(change.name) + u" → " + schema::dottedName(change.newName);
    if (change.object == ObjectKind::TableOptions || change.object == ObjectKind::RowSecurity)
        return diff::objectNoun(change.object);
    if (!change.anonymous || !change.name.startsWith(u'('))
        return schema::dottedName(change.name); // named, or in full ("CHECK (born > 0)")
    // The icon says it is a constraint; "check (born > 0)" reads better than the full noun.
    switch (change.object) {
    case ObjectKind::Unique:
        return u"unique " + change.name;
    case ObjectKind::Check:
        return u"check " + change.name;
    default:
        return diff::objectNoun(change.object) + u' ' + change.name;
    }
}

QString changeTypeText(ChangeType type)
{
    switch (type) {
    case ChangeType::Added:
        return QStringLiteral("added");
    case ChangeType::Removed:
        return QStringLiteral("removed");
    case ChangeType::Changed:
        return QStringLiteral("changed");
    case ChangeType::RenameSuggested:
        return QStringLiteral("rename suggested");
    }
    return {};
}

QString changeTypeText(const diff::Change &change)
{
    return diff::isMove(change) ? QStringLiteral("move suggested") : changeTypeText(change.type);
}

QString changeTypeExplanation(const diff::Change &change)
{
    switch (change.type) {
    case ChangeType::Added:
        return QStringLiteral("In the models, missing from the database: the migration adds it.");
    case ChangeType::Removed:
        return QStringLiteral("In the database, not in the models: the migration drops it.");
    case ChangeType::Changed:
        return QStringLiteral("Defined differently: the migration changes it to the model's.");
    case ChangeType::RenameSuggested:
        if (diff::isMove(change))
            return QStringLiteral("Same table in another schema: tick it to move it there, "
                                  "rows and all, instead of dropping and adding.");
        return diff::isRenameable(change.object)
                   ? QStringLiteral("Same definition under another name: tick it to rename "
                                    "instead of dropping and adding.")
                   : QStringLiteral("Same definition under another name: the migration renames "
                                    "it in place (SQLite, which cannot, builds it again).");
    }
    return {};
}

int kindRank(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Column:
        return 0;
    case ObjectKind::PrimaryKey:
        return 1;
    case ObjectKind::Unique:
        return 2;
    case ObjectKind::ForeignKey:
        return 3;
    case ObjectKind::Check:
    case ObjectKind::Exclusion:
        return 4;
    case ObjectKind::Index:
        return 5;
    case ObjectKind::Trigger:
    case ObjectKind::Rule:
    case ObjectKind::Statistics:
        return 6;
    case ObjectKind::Policy:
    case ObjectKind::RowSecurity:
    case ObjectKind::Table:
    case ObjectKind::TableOptions:
    case ObjectKind::View:
    case ObjectKind::Enum:
    case ObjectKind::Domain:
    case ObjectKind::Composite:
    case ObjectKind::Collation:
    case ObjectKind::Range:
    case ObjectKind::TextSearchDictionary:
    case ObjectKind::TextSearchConfiguration:
    case ObjectKind::Sequence:
    case ObjectKind::Event:
    case ObjectKind::Function:
    case ObjectKind::Extension:
    case ObjectKind::Namespace:
        return 7;
    }
    return 8;
}

static QIcon icon(const char16_t *name)
{
    return QIcon(u":/icons/" + QString::fromUtf16(name) + u".svg");
}

const DifferenceIcons &DifferenceIcons::get()
{
    static const DifferenceIcons icons{
        icon(u"table"),      icon(u"view"),      icon(u"column"),  icon(u"key"),
        icon(u"constraint"), icon(u"index"),     icon(u"trigger"), icon(u"schema"),
        icon(u"added"),      icon(u"removed"),   icon(u"changed"), icon(u"rename"),
        icon(u"warning"),    icon(u"identical"),
    };
    return icons;
}

const QIcon &DifferenceIcons::forObject(ObjectKind kind) const
{
    switch (kind) {
    case ObjectKind::Table:
    case ObjectKind::TableOptions:
        return table;
    case ObjectKind::Column:
        return column;
    case ObjectKind::PrimaryKey:
    case ObjectKind::ForeignKey:
    case ObjectKind::Policy:      // it grants access to rows, as a key does to a table
    case ObjectKind::RowSecurity: // likewise
        return key;
    case ObjectKind::Unique:
    case ObjectKind::Check:
    case ObjectKind::Exclusion:
    case ObjectKind::Enum:                    // a type constrains the values a column holds
    case ObjectKind::Domain:                  // likewise
    case ObjectKind::Composite:               // likewise
    case ObjectKind::Range:                   // likewise
    case ObjectKind::TextSearchDictionary:    // it decides which words match
    case ObjectKind::TextSearchConfiguration: // likewise
    case ObjectKind::Collation:               // it decides which values are equal
        return constraint;
    case ObjectKind::Sequence:
        return column;
    case ObjectKind::Event:
        return trigger; // it runs SQL by itself, as a trigger does
    case ObjectKind::Index:
        return index;
    case ObjectKind::Trigger:
    case ObjectKind::Rule: // it rewrites a statement where a trigger would run one
        return trigger;
    case ObjectKind::Statistics: // it helps the planner read a table, as an index does
        return index;
    case ObjectKind::Function: // what a trigger runs
        return trigger;
    case ObjectKind::Extension: // it brings types and functions, as a domain brings a type
        return constraint;
    case ObjectKind::View:
        return view;
    case ObjectKind::Namespace:
        return schema;
    }
    return table;
}

const QIcon &DifferenceIcons::forType(ChangeType type) const
{
    switch (type) {
    case ChangeType::Added:
        return added;
    case ChangeType::Removed:
        return removed;
    case ChangeType::Changed:
        return changed;
    case ChangeType::RenameSuggested:
        return rename;
    }
    return changed;
}

} // namespace burrow::ui
