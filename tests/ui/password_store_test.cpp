// The password store over the system keychain. This machine, like CI, has no keychain service:
// every call must answer "no keychain" within a bounded time, the caller then asks the user,
// and the password lands nowhere else (not in QSettings). Where a keychain does answer, the
// fallback tests skip themselves.
#include "connection/connection_dialog.h"
#include "connection/password_store.h"
#include "dialect/database_url.h"
#include "modal_test_support.h"
#include "ui_test_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QSettings>

#include <gtest/gtest.h>

#include <optional>

using namespace burrow;
using namespace burrow::ui;
using namespace Qt::Literals::StringLiterals;
using Outcome = PasswordStore::Lookup::Outcome;

namespace {

const QString kUrl = u"postgresql://app@db.example.org:5432/shop"_s;
constexpr int kTimeoutMs = 5000;
constexpr int kWaitMs = kTimeoutMs + 3000; // the store's own timeout answers before this

class PasswordStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store.setTimeout(kTimeoutMs);
        const std::optional<PasswordStore::Lookup> probe = lookUp(u"burrow-test-probe"_s);
        ASSERT_TRUE(probe.has_value()) << "the keychain lookup never answered";
        if (probe->outcome != Outcome::NoKeychain)
            GTEST_SKIP() << "a system keychain answers here; the fallback is not reachable";
    }
    std::optional<PasswordStore::Lookup> lookUp(const QString &url)
    {
        std::optional<PasswordStore::Lookup> answer;
        store.load(url, [&answer](const PasswordStore::Lookup &lookup) { answer = lookup; });
        uitest::waitFor([&answer] { return answer.has_value(); }, kWaitMs);
        return answer;
    }
    std::optional<Status> waitForStatus(const std::function<void(PasswordStore::Done)> &call)
    {
        std::optional<Status> answer;
        call([&answer](const Status &status) { answer = status; });
        uitest::waitFor([&answer] { return answer.has_value(); }, kWaitMs);
        return answer;
    }

    PasswordStore store;
};

bool settingsHold(const QString &text)
{
    QSettings settings;
    for (const QString &key : settings.allKeys()) {
        if (key.contains(text) || settings.value(key).toString().contains(text))
            return true;
    }
    return false;
}

} // namespace

TEST(PasswordStoreKey, is_the_urls_display_form_without_the_password)
{
    EXPECT_EQ(PasswordStore::keyFor(u"postgresql://app:s3cret@db.example.org:5432/shop"_s),
              u"postgresql://app@db.example.org:5432/shop"_s);
    EXPECT_EQ(PasswordStore::service(), u"Burrow"_s);
}

TEST(PasswordStoreSettings, a_stored_password_never_lands_in_settings_keychain_or_not)
{
    PasswordStore store;
    store.setTimeout(kTimeoutMs);
    std::optional<Status> stored;
    store.store(kUrl, u"never-in-settings"_s, [&stored](const Status &status) { stored = status; });
    ASSERT_TRUE(uitest::waitFor([&stored] { return stored.has_value(); }, kWaitMs));
    EXPECT_FALSE(settingsHold(u"never-in-settings"_s));
    std::optional<Status> forgotten;
    store.forget(kUrl, [&forgotten](const Status &status) { forgotten = status; });
    uitest::waitFor([&forgotten] { return forgotten.has_value(); }, kWaitMs);
}

TEST_F(PasswordStoreTest, load_without_a_keychain_reports_no_keychain_with_a_reason)
{
    const std::optional<PasswordStore::Lookup> answer = lookUp(kUrl);
    ASSERT_TRUE(answer.has_value()) << "no answer within " << kWaitMs << " ms";
    EXPECT_EQ(answer->outcome, Outcome::NoKeychain);
    EXPECT_TRUE(answer->password.isEmpty());
    EXPECT_FALSE(answer->reason.isEmpty());
}

TEST_F(PasswordStoreTest, store_without_a_keychain_fails_saying_burrow_will_ask)
{
    const std::optional<Status> stored = waitForStatus(
        [this](PasswordStore::Done done) { store.store(kUrl, u"never-in-settings"_s, done); });
    ASSERT_TRUE(stored.has_value()) << "no answer within " << kWaitMs << " ms";
    ASSERT_FALSE(stored->ok());
    EXPECT_TRUE(stored->error().hint.contains(u"ask")) << stored->error().toString().toStdString();
    EXPECT_EQ(lookUp(kUrl)->outcome, Outcome::NoKeychain);
}

TEST_F(PasswordStoreTest, forget_without_a_keychain_answers_with_an_error)
{
    const std::optional<Status> forgotten =
        waitForStatus([this](PasswordStore::Done done) { store.forget(kUrl, done); });
    ASSERT_TRUE(forgotten.has_value()) << "no answer within " << kWaitMs << " ms";
    EXPECT_FALSE(forgotten->ok());
}

TEST_F(PasswordStoreTest, without_a_keychain_the_user_is_asked_for_the_password)
{
    QString prompt;
    uitest::whenModalOpens<QInputDialog>([&prompt](QInputDialog *dialog) {
        prompt = dialog->labelText();
        EXPECT_EQ(dialog->textEchoMode(), QLineEdit::Password);
        dialog->setTextValue(u"typed-by-the-user"_s);
        dialog->accept();
    });
    std::optional<std::optional<QString>> answer;
    obtainPassword(&store, nullptr, kUrl,
                   [&answer](std::optional<QString> password) { answer = password; });
    ASSERT_TRUE(uitest::waitFor([&answer] { return answer.has_value(); }, kWaitMs + 10000));
    EXPECT_EQ(answer->value_or(QString()), u"typed-by-the-user"_s);
    EXPECT_TRUE(prompt.contains(kUrl)) << prompt.toStdString();
}

TEST_F(PasswordStoreTest, cancelling_the_question_gives_no_password)
{
    uitest::whenModalOpens<QInputDialog>([](QInputDialog *dialog) { dialog->reject(); });
    std::optional<std::optional<QString>> answer;
    obtainPassword(&store, nullptr, kUrl,
                   [&answer](std::optional<QString> password) { answer = password; });
    ASSERT_TRUE(uitest::waitFor([&answer] { return answer.has_value(); }, kWaitMs + 10000));
    EXPECT_FALSE(answer->has_value());
}

TEST_F(PasswordStoreTest, the_connection_dialog_offers_no_keychain_it_does_not_have)
{
    ConnectionDialog dialog(nullptr, &store);
    auto *engine = dialog.findChild<QComboBox *>(u"engine"_s);
    engine->setCurrentIndex(engine->findData(int(dialect::Engine::PostgreSQL)));
    auto *note = dialog.findChild<QLabel *>(u"keychainNote"_s);
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(uitest::waitFor([note] { return !note->isHidden(); }, kWaitMs))
        << "the dialog never said that no keychain answered";
    EXPECT_FALSE(dialog.findChild<QCheckBox *>(u"rememberPassword"_s)->isEnabled());
}
