#include "recent_workspaces.h"

#include "workspace/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace burrow::ui {
namespace {

const QString kKey = QStringLiteral("recentWorkspaces");
constexpr int kMaxRecent = 10;

} // namespace

QStringList recentWorkspaces()
{
    QStringList kept;
    const QStringList stored = QSettings().value(kKey).toStringList();
    for (const QString &dir : stored) {
        if (QFileInfo::exists(dir + u'/' + workspace::Workspace::fileName()))
            kept.append(dir);
    }
    return kept;
}

void rememberWorkspace(const QString &directory)
{
    QStringList list = QSettings().value(kKey).toStringList();
    const QString path = QDir(directory).absolutePath();
    list.removeAll(path);
    list.prepend(path);
    QSettings().setValue(kKey, list.mid(0, kMaxRecent));
}

} // namespace burrow::ui
