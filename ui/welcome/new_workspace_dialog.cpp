#include "new_workspace_dialog.h"

#include "connection/connection_dialog.h"
#include "dialect/database_url.h"
#include "model/model_source.h"
#include "model_sources_box.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace burrow::ui {
namespace {

template<typename W> W *named(W *widget, const QString &name)
{
    widget->setObjectName(name);
    return widget;
}

// A line edit with a button after it, as one form field.
QWidget *withButton(QWidget *parent, QLineEdit *edit, QPushButton *button)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

NewWorkspaceDialog::NewWorkspaceDialog(QWidget *parent)
    : QDialog(parent)
    , m_folder(named(new QLineEdit(this), QStringLiteral("folder")))
    , m_database(named(new QLineEdit(this), QStringLiteral("database")))
    , m_models(new ModelSourcesBox(
          this, [this] { return directory(); }, [this] { updateState(); }))
    , m_python(named(new QLineEdit(this), QStringLiteral("python")))
    , m_migrations(
          named(new QLineEdit(QStringLiteral("migrations"), this), QStringLiteral("migrations")))
    , m_ignore(named(new QLineEdit(this), QStringLiteral("ignore")))
    , m_replace(named(new QCheckBox(tr("&Replace the burrow.json this folder holds"), this),
                      QStringLiteral("replaceExisting")))
    , m_messageIcon(new QLabel(this))
    , m_message(named(new QLabel(this), QStringLiteral("message")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New workspace"));
    auto *intro = new QLabel(tr("A workspace is a folder whose <i>burrow.json</i> names the "
                                "database, its model definitions and the migrations folder. "
                                "Passwords never go into it: Burrow keeps them in the system "
                                "keychain, or asks."),
                             this);
    intro->setWordWrap(true);
    m_database->setPlaceholderText(tr("sqlite:app.db or postgresql://user@host/db"));
    m_python->setPlaceholderText(tr("python3 on PATH"));
    m_python->setToolTip(tr("The Python that runs Django and SQLAlchemy models: the project's "
                            "own, e.g. its virtualenv's bin/python"));
    m_migrations->setToolTip(tr("Relative to the workspace folder"));
    m_ignore->setPlaceholderText(tr("tables to leave alone, e.g. tmp_*, audit_log"));
    m_replace->hide();
    m_messageIcon->setFixedSize(16, 16);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create workspace"));
    auto *folderButton = new QPushButton(tr("&Browse…"), this);
    auto *connectionButton =
        named(new QPushButton(tr("&Connection…"), this), QStringLiteral("chooseConnection"));
    auto *pythonButton = new QPushButton(tr("Bro&wse…"), this);
    auto *migrationsButton = new QPushButton(tr("Br&owse…"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Folder:"), withButton(this, m_folder, folderButton));
    form->addRow(QString(), m_replace);
    form->addRow(tr("&Database:"), withButton(this, m_database, connectionButton));
    form->addRow(tr("&Models:"), m_models);
    form->addRow(tr("P&ython:"), withButton(this, m_python, pythonButton));
    form->addRow(tr("M&igrations:"), withButton(this, m_migrations, migrationsButton));
    form->addRow(tr("I&gnore:"), m_ignore);
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_messageIcon, 0, Qt::AlignTop);
    messageRow->addWidget(m_message, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form, 1);
    layout->addLayout(messageRow);
    layout->addWidget(m_buttons);
    connect(folderButton, &QPushButton::clicked, this, &NewWorkspaceDialog::chooseFolder);
    connect(connectionButton, &QPushButton::clicked, this, &NewWorkspaceDialog::chooseConnection);
    connect(pythonButton, &QPushButton::clicked, this, &NewWorkspaceDialog::choosePython);
    connect(migrationsButton, &QPushButton::clicked, this, &NewWorkspaceDialog::chooseMigrations);
    for (QLineEdit *edit : {m_folder, m_database, m_migrations})
        connect(edit, &QLineEdit::textChanged, this, &NewWorkspaceDialog::updateState);
    // A database typed by hand is not the one the connection dialog's password belongs to.
    connect(m_database, &QLineEdit::textEdited, this, [this] { m_password.clear(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewWorkspaceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewWorkspaceDialog::reject);
    lineUpSideButtons();
    setMinimumWidth(600);
    updateState();
}

void NewWorkspaceDialog::lineUpSideButtons()
{
    QList<QPushButton *> side;
    int widest = 0;
    for (QPushButton *button : findChildren<QPushButton *>()) {
        if (m_buttons->isAncestorOf(button))
            continue;
        side.append(button);
        widest = std::max(widest, button->sizeHint().width());
    }
    for (QPushButton *button : std::as_const(side))
        button->setMinimumWidth(widest);
}

QString NewWorkspaceDialog::directory() const
{
    const QString folder = m_folder->text().trimmed();
    return folder.isEmpty() ? QString() : QDir::cleanPath(QDir(folder).absolutePath());
}

void NewWorkspaceDialog::setDatabase(const QString &url)
{
    m_database->setText(url);
    Result<dialect::DatabaseUrl> parsed = dialect::parseDatabaseUrl(url);
    if (parsed && parsed->engine == dialect::Engine::SQLite && m_folder->text().trimmed().isEmpty())
        m_folder->setText(QDir::toNativeSeparators(QFileInfo(parsed->path).absolutePath()));
}

workspace::Workspace NewWorkspaceDialog::workspace() const
{
    const QDir dir(directory());
    workspace::Workspace ws;
    ws.directory = dir.absolutePath();
    ws.database = m_database->text().trimmed();
    for (const QString &entry : m_models->entries())
        ws.models.append(model::resolveModelSource(QDir::fromNativeSeparators(entry), dir));
    ws.python = m_python->text().trimmed();
    ws.migrations = QDir::cleanPath(
        dir.absoluteFilePath(QDir::fromNativeSeparators(m_migrations->text().trimmed())));
    ws.ignore =
        m_ignore->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    return ws;
}

QString NewWorkspaceDialog::message() const
{
    return m_message->text();
}

QStringList NewWorkspaceDialog::missing() const
{
    QStringList missing;
    if (directory().isEmpty())
        missing.append(tr("a folder"));
    if (!dialect::parseDatabaseUrl(m_database->text().trimmed(), QDir(directory())))
        missing.append(tr("a database"));
    if (m_models->entries().isEmpty())
        missing.append(tr("the models"));
    if (m_migrations->text().trimmed().isEmpty())
        missing.append(tr("a migrations folder"));
    return missing;
}

void NewWorkspaceDialog::updateState()
{
    const bool exists = !directory().isEmpty() &&
                        QFileInfo::exists(directory() + u'/' + workspace::Workspace::fileName());
    m_replace->setVisible(exists);
    if (!exists)
        m_replace->setChecked(false);
    const QStringList missing = this->missing();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(missing.isEmpty());
    showMessage(missing.isEmpty() ? QString() : tr("Still needed: %1.").arg(missing.join(u", ")),
                false);
}

void NewWorkspaceDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_messageIcon->setPixmap(error ? QIcon(QStringLiteral(":/icons/warning.svg")).pixmap(16)
                                   : QPixmap());
}

void NewWorkspaceDialog::accept()
{
    if (!missing().isEmpty())
        return;
    const workspace::Workspace ws = workspace();
    const auto overwrite =
        m_replace->isChecked() ? workspace::Overwrite::Yes : workspace::Overwrite::No;
    if (Status saved = workspace::saveWorkspace(ws, overwrite); !saved) {
        showMessage(saved.error().toString(), true);
        return;
    }
    if (!QDir().mkpath(ws.migrations)) {
        showMessage(tr("Cannot create the migrations folder %1").arg(ws.migrations), true);
        return;
    }
    QDialog::accept();
}

void NewWorkspaceDialog::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Workspace folder"), directory().isEmpty() ? QDir::homePath() : directory());
    if (!dir.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(dir));
}

void NewWorkspaceDialog::chooseConnection()
{
    ConnectionDialog dialog(this);
    if (!directory().isEmpty())
        dialog.setBaseDirectory(directory());
    if (!m_database->text().trimmed().isEmpty())
        dialog.setUrl(m_database->text().trimmed());
    if (dialog.exec() == QDialog::Accepted) {
        m_database->setText(dialog.url());
        m_password = dialog.password();
    }
}

void NewWorkspaceDialog::choosePython()
{
    const QString python =
        QFileDialog::getOpenFileName(this, tr("Python interpreter"), directory());
    if (!python.isEmpty())
        m_python->setText(QDir::toNativeSeparators(python));
}

void NewWorkspaceDialog::chooseMigrations()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Migrations folder"), directory());
    if (!dir.isEmpty())
        m_migrations->setText(QDir::toNativeSeparators(dir));
}

} // namespace burrow::ui
