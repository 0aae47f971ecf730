#include "password_store.h"

#include "dialect/database_url.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <qt6keychain/keychain.h>

#include <memory>
#include <utility>

namespace burrow::ui {
namespace {

using JobDone = std::function<void(const QKeychain::Job &)>;

// Starts `job` and hands it to `finished` when it answers, or calls `timedOut` when it stays
// silent for `timeoutMs`: whichever comes first, once. Both die with `context`. The job has no
// parent and deletes itself once it answers, so destroying `context` never cuts a keychain call.
void runJob(QKeychain::Job *job, QObject *context, int timeoutMs, JobDone finished,
            std::function<void()> timedOut)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file instead of a keychain
    auto answered = std::make_shared<bool>(false);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [answered, finished = std::move(finished)](QKeychain::Job *done) {
                         if (!std::exchange(*answered, true))
                             finished(*done);
                     });
    QTimer::singleShot(timeoutMs, context, [answered, timedOut = std::move(timedOut)] {
        if (!std::exchange(*answered, true))
            timedOut();
    });
    job->start();
}

Error keychainError(const QString &reason)
{
    return Error{Error::Code::Unsupported,
                 u"no system keychain answered: " + reason,
                 {},
                 0,
                 {},
                 QStringLiteral("Burrow will ask for the password each time")};
}

QString silentReason(int timeoutMs)
{
    return QStringLiteral("no answer within %1 s").arg(timeoutMs / 1000.0);
}

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

QString PasswordStore::keyFor(const QString &url)
{
    const Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(url);
    return parsed ? parsed->display() : QUrl(url).toString(QUrl::RemovePassword);
}

void PasswordStore::store(const QString &url, const QString &password, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setKey(keyFor(url));
    job->setTextData(password);
    auto report = std::make_shared<Done>(done ? std::move(done) : [](const Status &) {});
    runJob(
        job, this, m_timeoutMs,
        [report](const QKeychain::Job &answer) {
            (*report)(answer.error() == QKeychain::NoError ? Status(Ok{})
                                                           : keychainError(answer.errorString()));
        },
        [report, timeout = m_timeoutMs] { (*report)(keychainError(silentReason(timeout))); });
}

void PasswordStore::load(const QString &url, LookupDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setKey(keyFor(url));
    auto report = std::make_shared<LookupDone>(std::move(done));
    runJob(
        job, this, m_timeoutMs,
        [report](const QKeychain::Job &answer) {
            Lookup lookup;
            if (answer.error() == QKeychain::NoError) {
                lookup.outcome = Lookup::Outcome::Found;
                lookup.password =
                    static_cast<const QKeychain::ReadPasswordJob &>(answer).textData();
            } else if (answer.error() == QKeychain::EntryNotFound) {
                lookup.outcome = Lookup::Outcome::NotStored;
            } else {
                lookup.reason = answer.errorString();
            }
            (*report)(lookup);
        },
        [report, timeout = m_timeoutMs] {
            (*report)(Lookup{Lookup::Outcome::NoKeychain, {}, silentReason(timeout)});
        });
}

void PasswordStore::forget(const QString &url, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setKey(keyFor(url));
    auto report = std::make_shared<Done>(done ? std::move(done) : [](const Status &) {});
    runJob(
        job, this, m_timeoutMs,
        [report](const QKeychain::Job &answer) {
            const bool gone =
                answer.error() == QKeychain::NoError || answer.error() == QKeychain::EntryNotFound;
            (*report)(gone ? Status(Ok{}) : keychainError(answer.errorString()));
        },
        [report, timeout = m_timeoutMs] { (*report)(keychainError(silentReason(timeout))); });
}

std::optional<QString> askPassword(QWidget *parent, const QString &url)
{
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("passwordPrompt"));
    dialog.setWindowTitle(PasswordStore::tr("Database password"));
    dialog.setLabelText(PasswordStore::tr("Password for %1:").arg(PasswordStore::keyFor(url)));
    dialog.setTextEchoMode(QLineEdit::Password);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.textValue();
}

void obtainPassword(PasswordStore *store, QWidget *parent, const QString &url,
                    std::function<void(std::optional<QString>)> done)
{
    store->load(url, [parent = QPointer<QWidget>(parent), url,
                      done = std::move(done)](const PasswordStore::Lookup &lookup) {
        if (lookup.outcome == PasswordStore::Lookup::Outcome::Found)
            done(lookup.password);
        else
            done(askPassword(parent, url));
    });
}

} // namespace burrow::ui
