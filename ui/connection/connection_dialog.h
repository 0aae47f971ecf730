#pragma once

#include <QDialog>
#include <QDir>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace burrow::ui {

class PasswordStore;

/// Chooses a database: a SQLite file (an existing one, or a new empty one) or a PostgreSQL or
/// MariaDB/MySQL server, with "Test connection" running in the background. url() never holds
/// the password: password() keeps it apart, and the dialog puts it in the system keychain only
/// when the user asks and a keychain answers.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    /// `store` (default: the dialog's own) keeps remembered passwords.
    explicit ConnectionDialog(QWidget *parent = nullptr, PasswordStore *store = nullptr);

    /// Relative SQLite paths resolve against `directory` (the workspace's); default: current.
    void setBaseDirectory(const QString &directory);
    /// Fills the fields from `url`; its password, if any, is ignored and the keychain's used.
    void setUrl(const QString &url);

    /// The database URL the fields make, without password; empty while they make none.
    QString url() const;
    /// The server password as typed (or found in the keychain); empty for SQLite.
    QString password() const;

    /// Opens the database in the background; testFinished reports, the dialog shows it inline.
    void testConnection();
    bool isTesting() const { return m_testing; }
    /// The last test's verdict and message (empty before any test and after an edit).
    bool testSucceeded() const { return m_testSucceeded; }
    QString testMessage() const;

    /// Creates the new SQLite file when asked, keeps or forgets the password, then closes.
    void accept() override;

Q_SIGNALS:
    void testFinished(bool ok, const QString &message);

private:
    void addSqliteRows();
    void addServerRows();
    QLayout *buildTestRow();
    bool isServer() const;
    QString composedUrl() const;
    void onEngineChanged();
    void onFieldsChanged();
    void browse();
    void browseCertificate();
    void checkKeychain();
    void lookUpPassword();
    void showResult(bool ok, const QString &message);
    void rememberOrForgetPassword();

    PasswordStore *m_store;
    QDir m_base = QDir::current();
    QComboBox *m_engine;
    QFormLayout *m_form;
    QList<QWidget *> m_sqliteRows; // the fields shown for SQLite only
    QList<QWidget *> m_serverRows; // and for servers only
    QLineEdit *m_path = nullptr;
    QCheckBox *m_createNew = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_caFile = nullptr;
    QWidget *m_caRow = nullptr;
    // The URL parameters no field shows, of the engine the URL named (setUrl).
    QList<QPair<QString, QString>> m_keptParameters;
    int m_keptEngine = -1;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLabel *m_urlPreview = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testIcon = nullptr;
    QLabel *m_testText = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    int m_testGeneration = 0;
    bool m_testing = false;
    bool m_testSucceeded = false;
    bool m_keychainChecked = false;
    bool m_keychainAvailable = true; // until a lookup says otherwise
    bool m_passwordWasStored = false;
};

} // namespace burrow::ui
