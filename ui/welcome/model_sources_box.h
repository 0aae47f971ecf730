#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>

class QListWidget;

namespace burrow::ui {

/// The list of a workspace's model sources, with the ways to add one: SQL files or folders, a
/// Django project (its manage.py), SQLAlchemy metadata (module:attribute), or a reference
/// database. Entries stay editable in place, for options such as `?settings=` or `?apps=`.
class ModelSourcesBox : public QWidget {
public:
    /// `folder` tells where file dialogs start (the workspace folder, which may change);
    /// `changed` runs after every addition, removal or edit.
    ModelSourcesBox(QWidget *parent, std::function<QString()> folder,
                    std::function<void()> changed);

    /// The entries as the user sees them (paths may be relative to the workspace folder).
    QStringList entries() const;
    /// Whether any entry runs the project's Python (django: or sqlalchemy:).
    bool needsPython() const;

private:
    void add(const QString &entry);
    void addFolder();
    void addFiles();
    void addDjango();
    void addSqlAlchemy();
    void addReference();

    std::function<QString()> m_folder;
    std::function<void()> m_changed;
    QListWidget *m_list;
};

} // namespace burrow::ui
