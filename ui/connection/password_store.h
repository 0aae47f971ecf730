#pragma once

#include "result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace burrow::ui {

/// Database passwords in the system keychain (QtKeychain; service "Burrow", keyed by the URL's
/// display form, which never holds a password). Every call answers asynchronously, on the
/// store's thread. When no keychain answers, or none within the timeout, the answer says so and
/// the caller asks the user each time: passwords never go to settings, files, logs or command
/// lines.
class PasswordStore : public QObject {
    Q_OBJECT
public:
    /// What a lookup found.
    struct Lookup {
        enum class Outcome { Found, NotStored, NoKeychain };
        Outcome outcome = Outcome::NoKeychain;
        QString password; // when Found
        QString reason;   // when NoKeychain: what the keychain said
    };
    using LookupDone = std::function<void(const Lookup &)>;
    using Done = std::function<void(const Status &)>;

    explicit PasswordStore(QObject *parent = nullptr);

    static QString service() { return QStringLiteral("Burrow"); }
    /// The key for a database URL's password: the URL's display form.
    static QString keyFor(const QString &url);

    /// A keychain silent for longer than this counts as absent. The default is generous (20 s):
    /// unlocking a keychain may wait for the user.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    void store(const QString &url, const QString &password, Done done = {});
    void load(const QString &url, LookupDone done);
    /// Removes the stored password; one that was never stored is no error.
    void forget(const QString &url, Done done = {});

private:
    int m_timeoutMs = 20000;
};

/// Asks the user for the password of `url` (a modal dialog named "passwordPrompt"); nothing when
/// they cancel.
std::optional<QString> askPassword(QWidget *parent, const QString &url);

/// The password of `url`: the keychain's when it holds one, otherwise asked from the user (each
/// time, where no keychain answers). `done` gets nothing when the user cancels.
void obtainPassword(PasswordStore *store, QWidget *parent, const QString &url,
                    std::function<void(std::optional<QString>)> done);

} // namespace burrow::ui
