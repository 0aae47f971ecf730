#pragma once

// Changes and lint warnings built by hand for the Differences panel's tests.
#include "../unit/qt_printing.h"
#include "diff/change.h"
#include "diff/report.h"
#include "plan/lint.h"

namespace burrow::diff {
inline void PrintTo(const Change &change, std::ostream *out)
{
    *out << changeLine(change).toStdString();
}
} // namespace burrow::diff

namespace burrow::uitest {

inline diff::Change change(diff::ObjectKind object, diff::ChangeType type, const QString &table,
                           const QString &name, const QString &detail = {})
{
    diff::Change c;
    c.object = object;
    c.type = type;
    c.table = table;
    c.name = name;
    c.detail = detail.isEmpty() ? name + u" definition" : detail;
    c.anonymous = name.startsWith(u'('); // "(author_id)": a constraint without a name
    return c;
}

inline diff::Change columnAdded(const QString &table, const QString &name)
{
    return change(diff::ObjectKind::Column, diff::ChangeType::Added, table, name);
}

inline diff::Change columnRemoved(const QString &table, const QString &name)
{
    return change(diff::ObjectKind::Column, diff::ChangeType::Removed, table, name);
}

inline diff::Change columnChanged(const QString &table, const QString &name,
                                  const QString &detail = QStringLiteral("type TEXT → INTEGER"))
{
    diff::Change c =
        change(diff::ObjectKind::Column, diff::ChangeType::Changed, table, name, detail);
    c.attributes = {QStringLiteral("type")};
    return c;
}

inline diff::Change renameSuggested(diff::ObjectKind object, const QString &table,
                                    const QString &name, const QString &newName)
{
    diff::Change c = change(object, diff::ChangeType::RenameSuggested, table, name,
                            u"same definition as " + newName);
    c.newName = newName;
    return c;
}

inline plan::LintWarning destructiveWarning(const diff::Change &c, qint64 rows)
{
    return {plan::LintWarning::Severity::Destructive, c,
            u"changes " + c.table + u'.' + c.name + u" holding " + QString::number(rows) +
                u" values",
            rows};
}

} // namespace burrow::uitest
