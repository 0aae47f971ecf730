#include "connection_dialog.h"

#include "connection_probe.h"
#include "dialect/dialect.h"
#include "password_store.h"
#include "session/background.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace burrow::ui {
namespace {

using dialect::Engine;

/// How the URL contract spells a server engine's connection, and its usual defaults.
struct ServerEngine {
    QString scheme;
    int port;
    QString sslKey;         // the URL's query parameter
    QStringList sslModes;   // its values, the default first
    QString caKey;          // the parameter naming the CA file that checks the server
    QStringList plainModes; // the modes in which a CA file means nothing
    QString caMode;         // what a URL naming a CA and no mode means
};

const ServerEngine &serverEngine(Engine engine)
{
    static const ServerEngine postgres{QStringLiteral("postgresql"),
                                       5432,
                                       QStringLiteral("sslmode"),
                                       {QStringLiteral("prefer"), QStringLiteral("disable"),
                                        QStringLiteral("require"), QStringLiteral("verify-ca"),
                                        QStringLiteral("verify-full")},
                                       QStringLiteral("sslrootcert"),
                                       // prefer would fall back to plain text when the check fails
                                       {QStringLiteral("prefer"), QStringLiteral("disable")},
                                       QStringLiteral("verify-full")};
    static const ServerEngine mysql{
        QStringLiteral("mysql"),  3306,
        QStringLiteral("ssl"),    {QStringLiteral("off"), QStringLiteral("on")},
        QStringLiteral("ssl_ca"), {QStringLiteral("off")},
        QStringLiteral("on")};
    return engine == Engine::PostgreSQL ? postgres : mysql;
}

Engine engineOf(const QComboBox *combo)
{
    return Engine(combo->currentData().toInt());
}

QWidget *inRow(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : widgets)
        layout->addWidget(widget, widget == *widgets.begin() ? 1 : 0);
    return row;
}

template<typename W> W *named(W *widget, const QString &name)
{
    widget->setObjectName(name);
    return widget;
}

// A new SQLite file (and its folder), through the engine's own dialect.
Status createEmptyDatabase(const dialect::DatabaseUrl &url)
{
    QDir().mkpath(QFileInfo(url.path).absolutePath());
    Result<std::unique_ptr<dialect::Dialect>> dialect = dialect::dialectFor(url);
    if (!dialect)
        return dialect.error();
    return (*dialect)->createEmptyDatabase(url);
}

} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent, PasswordStore *store)
    : QDialog(parent)
    , m_store(store ? store : new PasswordStore(this))
    , m_engine(named(new QComboBox(this), QStringLiteral("engine")))
    , m_form(new QFormLayout)
{
    setWindowTitle(tr("Database connection"));
    const QIcon icon(QStringLiteral(":/icons/database.svg"));
    m_engine->addItem(icon, tr("SQLite"), int(Engine::SQLite));
    m_engine->addItem(icon, tr("PostgreSQL"), int(Engine::PostgreSQL));
    m_engine->addItem(icon, tr("MariaDB / MySQL"), int(Engine::MySQL));
    m_form->addRow(tr("&Engine:"), m_engine);
    addSqliteRows();
    addServerRows();
    m_urlPreview = named(new QLabel(this), QStringLiteral("urlPreview"));
    m_urlPreview->setTextFormat(Qt::PlainText);
    m_urlPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(tr("URL:"), m_urlPreview);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addSpacing(8);
    layout->addLayout(buildTestRow());
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    connect(m_engine, &QComboBox::currentIndexChanged, this, &ConnectionDialog::onEngineChanged);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    setMinimumWidth(560);
    onEngineChanged();
}

void ConnectionDialog::addSqliteRows()
{
    m_path = named(new QLineEdit(this), QStringLiteral("sqlitePath"));
    m_path->setPlaceholderText(tr("app.db, or a full path"));
    auto *browse = named(new QPushButton(tr("&Browse…"), this), QStringLiteral("browse"));
    m_createNew =
        named(new QCheckBox(tr("&Create a new empty database"), this), QStringLiteral("createNew"));
    m_createNew->setToolTip(tr("Creates the file when you press OK, if it does not exist yet"));
    m_sqliteRows = {inRow(this, {m_path, browse}), m_createNew};
    m_form->addRow(tr("Database &file:"), m_sqliteRows[0]);
    m_form->addRow(QString(), m_createNew);
    connect(browse, &QPushButton::clicked, this, &ConnectionDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ConnectionDialog::onFieldsChanged);
    connect(m_createNew, &QCheckBox::toggled, this, &ConnectionDialog::onFieldsChanged);
}

void ConnectionDialog::addServerRows()
{
    m_host = named(new QLineEdit(QStringLiteral("localhost"), this), QStringLiteral("host"));
    m_port = named(new QSpinBox(this), QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(serverEngine(Engine::PostgreSQL).port);
    m_database = named(new QLineEdit(this), QStringLiteral("database"));
    m_user = named(new QLineEdit(this), QStringLiteral("user"));
    m_password = named(new QLineEdit(this), QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_sslMode = named(new QComboBox(this), QStringLiteral("sslMode"));
    m_caFile = named(new QLineEdit(this), QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("ca.pem: checks the server's certificate"));
    m_caFile->setToolTip(tr("The certificate of the authority that signed the server's. With "
                            "it, Burrow refuses a server that cannot prove who it is."));
    auto *browseCa = named(new QPushButton(tr("Br&owse…"), this), QStringLiteral("browseCa"));
    m_remember = named(new QCheckBox(tr("&Remember password in the system keychain"), this),
                       QStringLiteral("rememberPassword"));
    m_keychainNote = named(new QLabel(tr("No system keychain answered: Burrow will ask for the "
                                         "password each time."),
                                      this),
                           QStringLiteral("keychainNote"));
    auto *host = inRow(this, {m_host, new QLabel(tr("Port:"), this), m_port});
    m_caRow = inRow(this, {m_caFile, browseCa});
    m_serverRows = {host,      m_database, m_user,     m_password,
                    m_sslMode, m_caRow,    m_remember, m_keychainNote};
    m_form->addRow(tr("&Host:"), host);
    m_form->addRow(tr("&Database:"), m_database);
    m_form->addRow(tr("&User:"), m_user);
    m_form->addRow(tr("&Password:"), m_password);
    m_form->addRow(tr("&SSL mode:"), m_sslMode);
    m_form->addRow(tr("Server C&A:"), m_caRow);
    m_form->addRow(QString(), m_remember);
    m_form->addRow(QString(), m_keychainNote);
    m_form->setRowVisible(m_keychainNote, false);
    connect(browseCa, &QPushButton::clicked, this, &ConnectionDialog::browseCertificate);
    for (QLineEdit *edit : {m_host, m_database, m_user, m_password, m_caFile})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::onFieldsChanged);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionDialog::onFieldsChanged);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &ConnectionDialog::onFieldsChanged);
}

QLayout *ConnectionDialog::buildTestRow()
{
    m_testButton = named(new QPushButton(tr("&Test connection"), this), QStringLiteral("test"));
    m_testIcon = named(new QLabel(this), QStringLiteral("testIcon"));
    m_testIcon->setFixedSize(16, 16);
    m_testText = named(new QLabel(this), QStringLiteral("testResult"));
    m_testText->setTextFormat(Qt::PlainText);
    m_testText->setWordWrap(true);
    m_testText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout;
    row->addWidget(m_testButton, 0, Qt::AlignTop);
    row->addWidget(m_testIcon, 0, Qt::AlignVCenter);
    row->addWidget(m_testText, 1);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    return row;
}

void ConnectionDialog::setBaseDirectory(const QString &directory)
{
    m_base = QDir(QDir(directory).absolutePath());
    onFieldsChanged();
}

void ConnectionDialog::setUrl(const QString &url)
{
    const Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(url, m_base);
    if (!parsed)
        return;
    m_keptParameters.clear();
    m_engine->setCurrentIndex(m_engine->findData(int(parsed->engine)));
    if (parsed->engine == Engine::SQLite) {
        m_path->setText(QDir::toNativeSeparators(parsed->path));
        m_createNew->setChecked(false);
        return;
    }
    const ServerEngine &server = serverEngine(parsed->engine);
    m_host->setText(parsed->host);
    m_port->setValue(parsed->port > 0 ? parsed->port : server.port);
    m_database->setText(parsed->database);
    m_user->setText(parsed->user);
    const bool namesCa = parsed->parameters.contains(server.caKey);
    const QString sslMode =
        parsed->parameters.value(server.sslKey, namesCa ? server.caMode : server.sslModes.first());
    m_sslMode->setCurrentText(sslMode);
    m_caFile->setText(parsed->parameters.value(server.caKey));
    // The parameters no field shows (?schema=, a socket, client certificates…) stay as they are.
    for (auto it = parsed->parameters.cbegin(); it != parsed->parameters.cend(); ++it) {
        const bool shown = it.key() == server.caKey ||
                           (it.key() == server.sslKey && m_sslMode->findText(sslMode) >= 0);
        if (!shown)
            m_keptParameters.append({it.key(), it.value()});
    }
    m_keptEngine = int(parsed->engine);
    m_password->clear();
    lookUpPassword();
}

bool ConnectionDialog::isServer() const
{
    return engineOf(m_engine) != Engine::SQLite;
}

QString ConnectionDialog::composedUrl() const
{
    if (!isServer()) {
        const QString path = m_path->text().trimmed();
        return path.isEmpty() ? QString() : u"sqlite:" + QDir::fromNativeSeparators(path);
    }
    const ServerEngine &server = serverEngine(engineOf(m_engine));
    QUrl url;
    url.setScheme(server.scheme);
    url.setUserName(m_user->text().trimmed());
    url.setHost(m_host->text().trimmed());
    url.setPort(m_port->value());
    url.setPath(u'/' + m_database->text().trimmed());
    QUrlQuery query;
    if (m_sslMode->currentIndex() > 0)
        query.addQueryItem(server.sslKey, m_sslMode->currentText());
    if (m_caFile->isEnabled() && !m_caFile->text().trimmed().isEmpty())
        query.addQueryItem(server.caKey, m_caFile->text().trimmed());
    if (m_keptEngine == int(engineOf(m_engine))) {
        for (const auto &[name, value] : m_keptParameters)
            query.addQueryItem(name, value);
    }
    url.setQuery(query);
    return url.toString();
}

QString ConnectionDialog::url() const
{
    const QString text = composedUrl();
    const Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(text, m_base);
    if (!parsed || (isServer() && parsed->database.isEmpty()))
        return {};
    return text;
}

QString ConnectionDialog::password() const
{
    return isServer() ? m_password->text() : QString();
}

QString ConnectionDialog::testMessage() const
{
    return m_testText->text();
}

void ConnectionDialog::onEngineChanged()
{
    for (QWidget *row : std::as_const(m_sqliteRows))
        m_form->setRowVisible(row, !isServer());
    for (QWidget *row : std::as_const(m_serverRows))
        m_form->setRowVisible(row, isServer() && (row != m_keychainNote || !m_keychainAvailable));
    if (isServer()) {
        const Engine engine = engineOf(m_engine);
        const Engine other = engine == Engine::PostgreSQL ? Engine::MySQL : Engine::PostgreSQL;
        const ServerEngine &server = serverEngine(engine);
        if (m_port->value() == serverEngine(other).port) // still the other engine's default
            m_port->setValue(server.port);
        m_sslMode->clear();
        m_sslMode->addItems(server.sslModes);
        if (!std::exchange(m_keychainChecked, true))
            lookUpPassword();
    }
    if (isVisible()) { // fit the rows the engine shows
        layout()->activate();
        resize(width(), sizeHint().height());
    }
    onFieldsChanged();
}

void ConnectionDialog::onFieldsChanged()
{
    if (isServer())
        m_caRow->setEnabled(
            !serverEngine(engineOf(m_engine)).plainModes.contains(m_sslMode->currentText()));
    ++m_testGeneration; // a test still running answers for fields that are gone
    m_testing = false;
    m_testSucceeded = false;
    m_testIcon->clear();
    m_testText->clear();
    const QString url = this->url();
    m_urlPreview->setText(url.isEmpty() ? tr("(incomplete)") : url);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!url.isEmpty());
    m_testButton->setEnabled(!url.isEmpty());
}

void ConnectionDialog::browse()
{
    const QString current = m_path->text().trimmed();
    const QString start = current.isEmpty() ? m_base.absolutePath() : m_base.filePath(current);
    const QString filter = tr("SQLite databases (*.db *.db3 *.sqlite *.sqlite3);;All files (*)");
    const QString chosen =
        m_createNew->isChecked()
            ? QFileDialog::getSaveFileName(this, tr("New SQLite database"), start, filter, nullptr,
                                           QFileDialog::DontConfirmOverwrite)
            : QFileDialog::getOpenFileName(this, tr("Open a SQLite database"), start, filter);
    if (!chosen.isEmpty())
        m_path->setText(QDir::toNativeSeparators(chosen));
}

void ConnectionDialog::browseCertificate()
{
    const QString chosen = QFileDialog::getOpenFileName(
        this, tr("The server's certificate authority"), m_base.absolutePath(),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!chosen.isEmpty())
        m_caFile->setText(QDir::toNativeSeparators(chosen));
}

void ConnectionDialog::lookUpPassword()
{
    const QString url = composedUrl();
    m_store->load(url, [self = QPointer(this), url](const PasswordStore::Lookup &lookup) {
        using Outcome = PasswordStore::Lookup::Outcome;
        if (!self)
            return;
        self->m_keychainAvailable = lookup.outcome != Outcome::NoKeychain;
        self->m_remember->setEnabled(self->m_keychainAvailable);
        if (!self->m_keychainAvailable)
            self->m_remember->setChecked(false);
        self->m_form->setRowVisible(self->m_keychainNote,
                                    self->isServer() && !self->m_keychainAvailable);
        self->m_keychainNote->setToolTip(lookup.reason);
        if (lookup.outcome == Outcome::Found && url == self->composedUrl() &&
            self->m_password->text().isEmpty()) {
            self->m_password->setText(lookup.password);
            self->m_remember->setChecked(true);
            self->m_passwordWasStored = true;
        }
    });
}

void ConnectionDialog::testConnection()
{
    const QString url = this->url();
    if (url.isEmpty() || m_testing)
        return;
    const Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(url, m_base);
    if (!isServer() && m_createNew->isChecked() && !QFileInfo::exists(parsed->path)) {
        showResult(true, tr("A new empty database will be created at %1 when you press OK.")
                             .arg(QDir::toNativeSeparators(parsed->path)));
        return;
    }
    const int generation = ++m_testGeneration;
    m_testing = true;
    m_testButton->setEnabled(false);
    m_testIcon->clear();
    m_testText->setText(tr("Testing…"));
    runInBackground(
        this,
        [url, password = password(), base = m_base.absolutePath()] {
            return probeConnection(url, password, QDir(base));
        },
        [this, generation](const Result<QString> &result) {
            if (generation == m_testGeneration)
                showResult(result.ok(), result ? *result : result.error().toString());
        });
}

void ConnectionDialog::showResult(bool ok, const QString &message)
{
    m_testing = false;
    m_testSucceeded = ok;
    const QString icon =
        ok ? QStringLiteral(":/icons/apply.svg") : QStringLiteral(":/icons/warning.svg");
    m_testIcon->setPixmap(QIcon(icon).pixmap(16));
    m_testText->setText(message);
    m_testButton->setEnabled(!url().isEmpty());
    Q_EMIT testFinished(ok, message);
}

void ConnectionDialog::accept()
{
    const QString url = this->url();
    if (url.isEmpty())
        return;
    const Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(url, m_base);
    if (!isServer() && m_createNew->isChecked() && !QFileInfo::exists(parsed->path)) {
        if (Status created = createEmptyDatabase(*parsed); !created) {
            showResult(false, created.error().toString());
            return;
        }
    }
    if (isServer())
        rememberOrForgetPassword();
    QDialog::accept();
}

void ConnectionDialog::rememberOrForgetPassword()
{
    const bool remember = m_remember->isEnabled() && m_remember->isChecked();
    if (remember && !m_password->text().isEmpty())
        m_store->store(url(), m_password->text());
    else if (!remember && m_passwordWasStored)
        m_store->forget(url());
}

} // namespace burrow::ui
