#include "change.h"

#include "../schema/qualified_name.h"

namespace burrow::diff {

QString objectNoun(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Table:
        return QStringLiteral("table");
    case ObjectKind::TableOptions:
        return QStringLiteral("table options");
    case ObjectKind::Column:
        return QStringLiteral("column");
    case ObjectKind::PrimaryKey:
        return QStringLiteral("primary key");
    case ObjectKind::Unique:
        return QStringLiteral("unique constraint");
    case ObjectKind::Check:
        return QStringLiteral("check constraint");
    case ObjectKind::ForeignKey:
        return QStringLiteral("foreign key");
    case ObjectKind::Index:
        return QStringLiteral("index");
    case ObjectKind::Trigger:
        return QStringLiteral("trigger");
    case ObjectKind::View:
        return QStringLiteral("view");
    case ObjectKind::Enum:
        return QStringLiteral("enum type");
    case ObjectKind::Domain:
        return QStringLiteral("domain");
    case ObjectKind::Sequence:
        return QStringLiteral("sequence");
    case ObjectKind::Event:
        return QStringLiteral("event");
    case ObjectKind::Function:
        return QStringLiteral("function");
    case ObjectKind::Extension:
        return QStringLiteral("extension");
    case ObjectKind::Policy:
        return QStringLiteral("policy");
    case ObjectKind::RowSecurity:
        return QStringLiteral("row level security");
    case ObjectKind::Exclusion:
        return QStringLiteral("exclusion constraint");
    case ObjectKind::Namespace:
        return QStringLiteral("schema");
    case ObjectKind::Composite:
        return QStringLiteral("composite type");
    case ObjectKind::Collation:
        return QStringLiteral("collation");
    case ObjectKind::Rule:
        return QStringLiteral("rule");
    case ObjectKind::Statistics:
        return QStringLiteral("statistics");
    case ObjectKind::TextSearchDictionary:
        return QStringLiteral("text search dictionary");
    case ObjectKind::TextSearchConfiguration:
        return QStringLiteral("text search configuration");
    case ObjectKind::Range:
        return QStringLiteral("range type");
    }
    return {};
}

bool isMove(const Change &change)
{
    return change.object == ObjectKind::Table && change.type == ChangeType::RenameSuggested &&
           schema::schemaPart(change.name) != schema::schemaPart(change.newName);
}

QString kindName(const Change &change)
{
    QString object = objectNoun(change.object);
    object.replace(u' ', u'_');
    if (change.object == ObjectKind::Unique || change.object == ObjectKind::Check ||
        change.object == ObjectKind::Enum || change.object == ObjectKind::Exclusion)
        object = object.section(u'_', 0, 0); // unique_added, check_changed, exclusion_removed
    switch (change.type) {
    case ChangeType::Added:
        return object + u"_added";
    case ChangeType::Removed:
        return object + u"_removed";
    case ChangeType::Changed:
        return object + u"_changed";
    case ChangeType::RenameSuggested:
        return object + u"_rename_suggested";
    }
    return object;
}

} // namespace burrow::diff
