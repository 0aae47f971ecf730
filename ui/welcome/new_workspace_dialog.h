#pragma once

#include "workspace/workspace.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace burrow::ui {

class ModelSourcesBox;

/// Sets up a new workspace: its folder, the database (through the connection dialog), the model
/// sources (SQL files or folders, a Django project, SQLAlchemy metadata, a reference database),
/// the Python that runs ORM models, the migrations folder and the ignore globs. OK writes the
/// folder's burrow.json (never a password) and creates the migrations folder; the caller then opens
/// directory().
class NewWorkspaceDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewWorkspaceDialog(QWidget *parent = nullptr);

    /// Starts from a database the user named (`burrow sqlite:app.db`); for a SQLite file, the
    /// workspace folder defaults to the file's folder.
    void setDatabase(const QString &url);

    /// The workspace the fields describe, with absolute paths.
    workspace::Workspace workspace() const;
    QString directory() const;
    /// The server password typed in the connection dialog (never written to burrow.json), for
    /// the first session; empty when none was typed.
    QString password() const { return m_password; }
    /// Why OK wrote nothing (shown in the dialog), or what is still missing.
    QString message() const;

    /// Writes burrow.json and the migrations folder, then closes; on error stays open.
    void accept() override;

private:
    /// The buttons beside the fields as one column of equal widths.
    void lineUpSideButtons();
    QStringList missing() const;
    void updateState();
    void showMessage(const QString &text, bool error);
    void chooseFolder();
    void chooseConnection();
    void choosePython();
    void chooseMigrations();

    QString m_password;
    QLineEdit *m_folder;
    QLineEdit *m_database;
    ModelSourcesBox *m_models;
    QLineEdit *m_python;
    QLineEdit *m_migrations;
    QLineEdit *m_ignore;
    QCheckBox *m_replace;
    QLabel *m_messageIcon;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace burrow::ui
