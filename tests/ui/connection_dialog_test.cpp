// The connection dialog: the URL each engine's fields make (never with the password), when OK
// is enabled, and "Test connection" running in the background against real files and the real
// PostgreSQL and MariaDB servers of ./dev test.
#include "connection/connection_dialog.h"
#include "connection/connection_probe.h"
#include "dialect/database_url.h"
#include "ui_test_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::ui;
using namespace Qt::Literals::StringLiterals;
using dialect::Engine;

namespace {

class ConnectionDialogTest : public ::testing::Test {
protected:
    template<typename W> W *field(const QString &name)
    {
        W *widget = dialog.findChild<W *>(name);
        EXPECT_NE(widget, nullptr) << name.toStdString();
        return widget;
    }
    void chooseEngine(Engine engine)
    {
        auto *combo = field<QComboBox>(u"engine"_s);
        combo->setCurrentIndex(combo->findData(int(engine)));
    }
    void fillServer(Engine engine, const QString &password = u"s3cret-pw"_s)
    {
        chooseEngine(engine);
        field<QLineEdit>(u"host"_s)->setText(u"db.example.org"_s);
        field<QLineEdit>(u"database"_s)->setText(u"shop"_s);
        field<QLineEdit>(u"user"_s)->setText(u"app"_s);
        field<QLineEdit>(u"password"_s)->setText(password);
    }
    void useSqliteFile(const QString &path)
    {
        chooseEngine(Engine::SQLite);
        field<QLineEdit>(u"sqlitePath"_s)->setText(path);
    }
    bool okEnabled()
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
    }
    /// Runs the test and waits (bounded) for its verdict.
    bool testAndWait()
    {
        dialog.testConnection();
        return uitest::waitFor([this] { return !dialog.isTesting(); }, 15000);
    }
    QString path(const QString &name) const { return dir.filePath(name); }

    QTemporaryDir dir;
    ConnectionDialog dialog;
};

} // namespace

TEST_F(ConnectionDialogTest, sqlite_url_is_the_file_path_and_has_no_password)
{
    useSqliteFile(path(u"app.db"_s));
    EXPECT_EQ(dialog.url(), u"sqlite:"_s + path(u"app.db"_s));
    EXPECT_TRUE(dialog.password().isEmpty());
}

TEST_F(ConnectionDialogTest, postgresql_url_holds_every_field_but_the_password)
{
    fillServer(Engine::PostgreSQL);
    field<QComboBox>(u"sslMode"_s)->setCurrentText(u"require"_s);
    EXPECT_EQ(dialog.url().toStdString(),
              "postgresql://app@db.example.org:5432/shop?sslmode=require");
    EXPECT_EQ(dialog.password(), u"s3cret-pw"_s);
    EXPECT_EQ(field<QLineEdit>(u"password"_s)->echoMode(), QLineEdit::Password);
    EXPECT_FALSE(field<QLabel>(u"urlPreview"_s)->text().contains(u"s3cret"));
}

TEST_F(ConnectionDialogTest, mysql_url_uses_its_own_port_and_ssl_switch)
{
    fillServer(Engine::MySQL);
    EXPECT_EQ(dialog.url().toStdString(), "mysql://app@db.example.org:3306/shop");
    field<QComboBox>(u"sslMode"_s)->setCurrentText(u"on"_s);
    EXPECT_EQ(dialog.url().toStdString(), "mysql://app@db.example.org:3306/shop?ssl=on");
    EXPECT_FALSE(dialog.url().contains(u"s3cret"));
}

TEST_F(ConnectionDialogTest, the_urls_parse_back_to_the_fields)
{
    fillServer(Engine::PostgreSQL);
    field<QSpinBox>(u"port"_s)->setValue(6543);
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(dialog.url());
    ASSERT_TRUE(url.ok());
    EXPECT_EQ(url->engine, Engine::PostgreSQL);
    EXPECT_EQ(url->host, u"db.example.org"_s);
    EXPECT_EQ(url->port, 6543);
    EXPECT_EQ(url->database, u"shop"_s);
    EXPECT_EQ(url->user, u"app"_s);
}

TEST_F(ConnectionDialogTest, switching_engines_swaps_the_default_port_but_keeps_a_chosen_one)
{
    chooseEngine(Engine::PostgreSQL);
    EXPECT_EQ(field<QSpinBox>(u"port"_s)->value(), 5432);
    chooseEngine(Engine::MySQL);
    EXPECT_EQ(field<QSpinBox>(u"port"_s)->value(), 3306);
    field<QSpinBox>(u"port"_s)->setValue(3307);
    chooseEngine(Engine::PostgreSQL);
    EXPECT_EQ(field<QSpinBox>(u"port"_s)->value(), 3307);
}

TEST_F(ConnectionDialogTest, set_url_fills_the_fields_and_ignores_a_password_in_it)
{
    dialog.setUrl(u"postgresql://app:inline-pw@db.example.org:5433/shop?sslmode=verify-full"_s);
    EXPECT_EQ(field<QLineEdit>(u"host"_s)->text(), u"db.example.org"_s);
    EXPECT_EQ(field<QSpinBox>(u"port"_s)->value(), 5433);
    EXPECT_EQ(field<QComboBox>(u"sslMode"_s)->currentText(), u"verify-full"_s);
    EXPECT_TRUE(dialog.password().isEmpty());
    EXPECT_EQ(dialog.url().toStdString(),
              "postgresql://app@db.example.org:5433/shop?sslmode=verify-full");
}

TEST_F(ConnectionDialogTest, editing_a_url_keeps_the_parameters_no_field_shows)
{
    // A schema, a socket or a client certificate lost on the way would point the workspace at
    // another schema, or fail its backups.
    dialog.setUrl(u"postgresql://app@db.example.org:5433/shop?schema=sales&sslmode=verify-full"
                  u"&sslrootcert=/etc/ca.pem&sslcert=/home/app/client.crt"_s);
    field<QLineEdit>(u"user"_s)->setText(u"owner"_s);
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(dialog.url());
    ASSERT_TRUE(url.ok()) << dialog.url().toStdString();
    EXPECT_EQ(url->user, u"owner"_s);
    const QMap<QString, QString> expected{{u"schema"_s, u"sales"_s},
                                          {u"sslmode"_s, u"verify-full"_s},
                                          {u"sslrootcert"_s, u"/etc/ca.pem"_s},
                                          {u"sslcert"_s, u"/home/app/client.crt"_s}};
    EXPECT_EQ(url->parameters, expected) << dialog.url().toStdString();

    chooseEngine(Engine::MySQL); // another engine's parameters mean nothing there
    EXPECT_FALSE(dialog.url().contains(u"schema"_s)) << dialog.url().toStdString();
}

TEST_F(ConnectionDialogTest, a_url_naming_a_ca_without_a_mode_shows_the_mode_it_means)
{
    // Shown as the default (prefer, off), the CA field would be disabled and dropped from the URL.
    dialog.setUrl(u"postgresql://app@db.example.org:5432/shop?sslrootcert=/etc/ca.pem"_s);
    EXPECT_EQ(field<QComboBox>(u"sslMode"_s)->currentText(), u"verify-full"_s);
    EXPECT_EQ(dialog.url().toStdString(), "postgresql://app@db.example.org:5432/shop"
                                          "?sslmode=verify-full&sslrootcert=/etc/ca.pem");

    dialog.setUrl(u"mysql://app@db.example.org:3306/shop?ssl_ca=/etc/ca.pem"_s);
    EXPECT_EQ(field<QComboBox>(u"sslMode"_s)->currentText(), u"on"_s);
    EXPECT_EQ(dialog.url().toStdString(),
              "mysql://app@db.example.org:3306/shop?ssl=on&ssl_ca=/etc/ca.pem");
}

TEST_F(ConnectionDialogTest, the_server_ca_field_counts_only_where_tls_checks_the_server)
{
    fillServer(Engine::MySQL);
    auto *ca = field<QLineEdit>(u"caFile"_s);
    ca->setText(u"/etc/ssl/ca.pem"_s);
    EXPECT_FALSE(ca->isEnabled()) << "TLS is off";
    EXPECT_EQ(dialog.url().toStdString(), "mysql://app@db.example.org:3306/shop");
    field<QComboBox>(u"sslMode"_s)->setCurrentText(u"on"_s);
    EXPECT_TRUE(ca->isEnabled());
    EXPECT_EQ(dialog.url().toStdString(),
              "mysql://app@db.example.org:3306/shop?ssl=on&ssl_ca=/etc/ssl/ca.pem");

    chooseEngine(Engine::PostgreSQL);
    field<QSpinBox>(u"port"_s)->setValue(5432);
    field<QComboBox>(u"sslMode"_s)->setCurrentText(u"prefer"_s);
    EXPECT_FALSE(ca->isEnabled()) << "prefer falls back to plain text when the check fails";
    field<QComboBox>(u"sslMode"_s)->setCurrentText(u"verify-ca"_s);
    EXPECT_EQ(dialog.url().toStdString(), "postgresql://app@db.example.org:5432/shop"
                                          "?sslmode=verify-ca&sslrootcert=/etc/ssl/ca.pem");
}

TEST_F(ConnectionDialogTest, ok_is_enabled_only_while_the_sqlite_fields_make_a_url)
{
    chooseEngine(Engine::SQLite);
    EXPECT_FALSE(okEnabled());
    field<QLineEdit>(u"sqlitePath"_s)->setText(u"app.db"_s);
    EXPECT_TRUE(okEnabled());
    field<QLineEdit>(u"sqlitePath"_s)->setText(u"   "_s);
    EXPECT_FALSE(okEnabled());
}

TEST_F(ConnectionDialogTest, ok_is_enabled_only_while_the_server_fields_make_a_url)
{
    fillServer(Engine::PostgreSQL);
    EXPECT_TRUE(okEnabled());
    field<QLineEdit>(u"host"_s)->setText(QString());
    EXPECT_FALSE(okEnabled()) << dialog.url().toStdString();
    field<QLineEdit>(u"host"_s)->setText(u"not a host"_s);
    EXPECT_FALSE(okEnabled()) << dialog.url().toStdString();
    field<QLineEdit>(u"host"_s)->setText(u"localhost"_s);
    field<QLineEdit>(u"database"_s)->setText(QString());
    EXPECT_FALSE(okEnabled()) << dialog.url().toStdString();
}

TEST_F(ConnectionDialogTest, test_connection_on_a_real_sqlite_file_succeeds_in_the_background)
{
    uitest::DemoWorkspace demo;
    useSqliteFile(demo.database());
    dialog.testConnection();
    EXPECT_TRUE(dialog.isTesting()) << "the test ran on the UI thread";
    ASSERT_TRUE(uitest::waitFor([this] { return !dialog.isTesting(); }, 15000));
    EXPECT_TRUE(dialog.testSucceeded()) << dialog.testMessage().toStdString();
    EXPECT_TRUE(dialog.testMessage().startsWith(u"Connected to SQLite: "))
        << dialog.testMessage().toStdString();
    EXPECT_FALSE(field<QLabel>(u"testIcon"_s)->pixmap().isNull());
}

TEST_F(ConnectionDialogTest, test_connection_on_a_corrupt_file_shows_the_core_error_inline)
{
    QFile file(path(u"corrupt.db"_s));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("this is no database, only text\n").repeated(200));
    file.close();
    useSqliteFile(file.fileName());
    ASSERT_TRUE(testAndWait()) << "the test never finished";
    EXPECT_FALSE(dialog.testSucceeded());
    EXPECT_TRUE(dialog.testMessage().contains(file.fileName()))
        << dialog.testMessage().toStdString();
    EXPECT_TRUE(field<QLabel>(u"testResult"_s)->isVisibleTo(&dialog));
    EXPECT_FALSE(field<QLabel>(u"testIcon"_s)->pixmap().isNull());
}

TEST_F(ConnectionDialogTest, test_connection_on_a_missing_file_shows_the_core_error_inline)
{
    useSqliteFile(path(u"absent.db"_s));
    ASSERT_TRUE(testAndWait()) << "the test never finished";
    EXPECT_FALSE(dialog.testSucceeded());
    EXPECT_TRUE(dialog.testMessage().contains(path(u"absent.db"_s)))
        << dialog.testMessage().toStdString();
    EXPECT_FALSE(QFileInfo::exists(path(u"absent.db"_s))) << "testing created the file";
}

/// The test server of `engine` that ./dev test starts, as the dialog's fields take it; an
/// invalid URL when none runs (then the test skips, or fails under ./dev test).
QUrl testServer(Engine engine)
{
    return QUrl(qEnvironmentVariable(engine == Engine::PostgreSQL ? "BURROW_TEST_POSTGRES_URL"
                                                                  : "BURROW_TEST_MARIADB_URL"));
}

#define REQUIRE_TEST_SERVER(server)                                                                \
    if (!(server).isValid()) {                                                                     \
        if (qEnvironmentVariable("BURROW_REQUIRE_SERVERS") == u"1")                                \
            FAIL() << "test server not running (tests/servers.sh start)";                          \
        GTEST_SKIP() << "no test server; ./dev test starts one";                                   \
    }

TEST_F(ConnectionDialogTest, a_real_server_connects_and_a_wrong_password_is_one_line_without_it)
{
    for (const Engine engine : {Engine::PostgreSQL, Engine::MySQL}) {
        const QUrl server = testServer(engine);
        REQUIRE_TEST_SERVER(server);
        chooseEngine(engine);
        field<QLineEdit>(u"host"_s)->setText(server.host());
        field<QSpinBox>(u"port"_s)->setValue(server.port());
        field<QLineEdit>(u"database"_s)->setText(server.path().mid(1));
        field<QLineEdit>(u"user"_s)->setText(server.userName());
        field<QLineEdit>(u"password"_s)->setText(server.password());
        ASSERT_TRUE(testAndWait()) << "the test never finished";
        EXPECT_TRUE(dialog.testSucceeded()) << dialog.testMessage().toStdString();
        EXPECT_TRUE(dialog.testMessage().startsWith(u"Connected to "_s))
            << dialog.testMessage().toStdString();

        field<QLineEdit>(u"password"_s)->setText(u"s3cret-wrong"_s);
        ASSERT_TRUE(testAndWait()) << "the test never finished";
        EXPECT_FALSE(dialog.testSucceeded());
        EXPECT_TRUE(dialog.testMessage().contains(u"password"_s))
            << dialog.testMessage().toStdString();
        EXPECT_FALSE(dialog.testMessage().contains(u"s3cret"_s))
            << dialog.testMessage().toStdString();
        EXPECT_FALSE(dialog.testMessage().contains(u'\n')) << dialog.testMessage().toStdString();
    }
}

TEST_F(ConnectionDialogTest, an_unreachable_server_is_reported_without_hanging)
{
    for (const Engine engine : {Engine::PostgreSQL, Engine::MySQL}) {
        fillServer(engine);
        field<QLineEdit>(u"host"_s)->setText(u"127.0.0.1"_s);
        field<QSpinBox>(u"port"_s)->setValue(1); // privileged and closed: refused at once
        ASSERT_TRUE(testAndWait()) << "the test never finished";
        EXPECT_FALSE(dialog.testSucceeded());
        EXPECT_TRUE(dialog.testMessage().contains(u"127.0.0.1"_s))
            << dialog.testMessage().toStdString();
        EXPECT_FALSE(dialog.testMessage().contains(u"s3cret"_s))
            << dialog.testMessage().toStdString();
    }
}

TEST_F(ConnectionDialogTest, editing_a_field_clears_the_previous_verdict)
{
    uitest::DemoWorkspace demo;
    useSqliteFile(demo.database());
    ASSERT_TRUE(testAndWait());
    ASSERT_TRUE(dialog.testSucceeded());
    field<QLineEdit>(u"sqlitePath"_s)->setText(path(u"other.db"_s));
    EXPECT_FALSE(dialog.testSucceeded());
    EXPECT_TRUE(dialog.testMessage().isEmpty()) << dialog.testMessage().toStdString();
}

TEST_F(ConnectionDialogTest, a_new_empty_database_is_created_on_ok_and_opens)
{
    const QString file = path(u"sub/new.db"_s);
    useSqliteFile(file);
    field<QCheckBox>(u"createNew"_s)->setChecked(true);
    ASSERT_TRUE(testAndWait());
    EXPECT_TRUE(dialog.testSucceeded()) << dialog.testMessage().toStdString();
    EXPECT_FALSE(QFileInfo::exists(file)) << "testing created the file";
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted) << dialog.testMessage().toStdString();
    EXPECT_TRUE(QFileInfo::exists(file));
    const Result<QString> opened = probeConnection(dialog.url(), {}, QDir::current());
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    EXPECT_EQ(opened->toStdString(), "Connected to SQLite: 0 tables, 0 views");
}

TEST_F(ConnectionDialogTest, creating_over_an_existing_database_keeps_it)
{
    uitest::DemoWorkspace demo;
    const QStringList before =
        uitest::queryColumn(demo.database(), u"SELECT name FROM sqlite_schema"_s);
    useSqliteFile(demo.database());
    field<QCheckBox>(u"createNew"_s)->setChecked(true);
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_FALSE(before.isEmpty());
    EXPECT_EQ(uitest::queryColumn(demo.database(), u"SELECT name FROM sqlite_schema"_s), before);
}

TEST_F(ConnectionDialogTest, renders_to_pngs_to_look_at)
{
    const QString folder = QStringLiteral(BURROW_BUILD_DIR "/screenshots");
    QDir().mkpath(folder);
    dialog.show();
    fillServer(Engine::PostgreSQL);
    ASSERT_TRUE(testAndWait());
    QCoreApplication::processEvents();
    const QImage server = dialog.grab().toImage();
    EXPECT_GT(server.width(), 400);
    EXPECT_TRUE(server.save(folder + u"/connection_dialog.png"_s));
    uitest::DemoWorkspace demo;
    useSqliteFile(demo.database());
    ASSERT_TRUE(testAndWait());
    QCoreApplication::processEvents();
    EXPECT_TRUE(dialog.grab().toImage().save(folder + u"/connection_dialog_sqlite.png"_s));
}
