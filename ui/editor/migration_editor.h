#pragma once

#include "result.h"
#include "sql_editor.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;

namespace burrow::ui {

/// Authoring one migration file: its name, the whole file text (dbmate's `-- migrate:up` and
/// `-- migrate:down` sections) in an SQL editor, and the file it saves to,
/// `<version>_<name>.sql` in the workspace's migrations folder. Ctrl+S saves.
class MigrationEditor : public QWidget {
    Q_OBJECT

public:
    explicit MigrationEditor(QWidget *parent = nullptr);

    /// The folder new migration files go to; the next free version is taken from it.
    void setMigrationsFolder(const QString &path);
    QString migrationsFolder() const { return m_folder; }

    /// The name the file name is made from (reduced to [a-z0-9_]); the plan suggests one.
    void setName(const QString &name);
    QString name() const;

    /// Starts a new migration with `text`: it counts as unsaved until save(), which writes a
    /// new file (the name can be changed again until then). Any follow-up goes.
    void setText(const QString &text);
    /// A second migration that runs after this one, outside a transaction (the online index
    /// builds or constraint validations of `plan --concurrently / --not-valid`), shown read-only
    /// below the editor and saved with the next version as `<name><suffix>`; empty: none.
    void setFollowUp(const QString &text, const QString &suffix);
    QString followUpText() const { return m_followUpText; }
    /// The follow-up's file once saved, else empty.
    QString followUpFileName() const { return m_followUpPath; }
    QString text() const;
    /// Whether the text differs from the file last saved (or, before any save, is not empty).
    bool isModified() const { return m_modified; }

    /// The full path save() writes to, or empty while the name or folder cannot make one.
    QString fileName() const { return m_target; }

    /// Writes the text to fileName(). After the first save the file stays the same; it is
    /// never replaced when someone else changed it in between. On failure the header says why.
    Status save();

    /// Marks the line of `error` (its file line, or else where its statement is) with its
    /// message and scrolls there. The error is about this editor's text.
    void showError(const Error &error);
    void clearErrors();

    void setCompletionNames(const QStringList &tables,
                            const QHash<QString, QStringList> &columnsByTable);
    SqlEditor *editor() const { return m_editor; }
    QAction *saveAction() const { return m_save; }

Q_SIGNALS:
    void modificationChanged(bool modified);
    void saved(const QString &path);

private:
    QWidget *makeHeader();
    QWidget *makeFollowUp();
    void updateTarget();
    void updateFollowUpTitle();
    void updateModified();
    void showStatus(const QString &text, bool problem);
    int lineOf(const Error &error) const;
    Status saveFollowUp();

    QLineEdit *m_name = nullptr;
    QLabel *m_status = nullptr;
    SqlEditor *m_editor = nullptr;
    QAction *m_save = nullptr;
    QString m_folder;
    QString m_target;
    std::optional<Error> m_targetError;
    QString m_savedPath; // empty until the first save
    QString m_savedText;
    bool m_modified = false;
    QWidget *m_followUp = nullptr; // its title and read-only view, hidden while there is none
    QLabel *m_followUpTitle = nullptr;
    SqlEditor *m_followUpView = nullptr;
    QString m_followUpText;
    QString m_followUpSuffix;
    QString m_followUpPath; // empty until saved
};

} // namespace burrow::ui
