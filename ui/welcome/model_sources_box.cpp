#include "model_sources_box.h"

#include "connection/connection_dialog.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace burrow::ui {
namespace {

QPushButton *sideButton(QWidget *parent, const QString &text, const QString &name)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    return button;
}

} // namespace

ModelSourcesBox::ModelSourcesBox(QWidget *parent, std::function<QString()> folder,
                                 std::function<void()> changed)
    : QWidget(parent)
    , m_folder(std::move(folder))
    , m_changed(std::move(changed))
    , m_list(new QListWidget(this))
{
    m_list->setObjectName(QStringLiteral("models"));
    m_list->setMaximumHeight(120);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setToolTip(
        tr("Where the expected schema is defined: SQL files or folders of them, a Django project "
           "(django:manage.py?settings=…&apps=…), SQLAlchemy metadata (sqlalchemy:module:attr) "
           "or a reference database's URL. Double-click an entry to edit it."));
    auto *addFolder = sideButton(this, tr("Add folder…"), QStringLiteral("addModelFolder"));
    auto *addFiles = sideButton(this, tr("Add files…"), QStringLiteral("addModelFiles"));
    auto *addOther = sideButton(this, tr("Add other"), QStringLiteral("addModelSource"));
    auto *remove = sideButton(this, tr("Remove"), QStringLiteral("removeModel"));
    auto *menu = new QMenu(addOther);
    menu->addAction(tr("Django project (manage.py)…"), this, &ModelSourcesBox::addDjango)
        ->setObjectName(QStringLiteral("addDjangoModel"));
    menu->addAction(tr("SQLAlchemy metadata…"), this, &ModelSourcesBox::addSqlAlchemy)
        ->setObjectName(QStringLiteral("addSqlAlchemyModel"));
    menu->addAction(tr("Reference database…"), this, &ModelSourcesBox::addReference)
        ->setObjectName(QStringLiteral("addReferenceModel"));
    addOther->setMenu(menu);
    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {addFolder, addFiles, addOther, remove})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(addFolder, &QPushButton::clicked, this, &ModelSourcesBox::addFolder);
    connect(addFiles, &QPushButton::clicked, this, &ModelSourcesBox::addFiles);
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_list->selectedItems());
        m_changed();
    });
    connect(m_list->model(), &QAbstractItemModel::rowsInserted, this, [this] { m_changed(); });
    connect(m_list->model(), &QAbstractItemModel::rowsRemoved, this, [this] { m_changed(); });
    connect(m_list, &QListWidget::itemChanged, this, [this] { m_changed(); });
}

QStringList ModelSourcesBox::entries() const
{
    QStringList entries;
    for (int row = 0; row < m_list->count(); ++row)
        if (const QString text = m_list->item(row)->text().trimmed(); !text.isEmpty())
            entries.append(text);
    return entries;
}

bool ModelSourcesBox::needsPython() const
{
    const QStringList all = entries();
    return std::any_of(all.begin(), all.end(), [](const QString &entry) {
        return entry.startsWith(u"django:") || entry.startsWith(u"sqlalchemy:");
    });
}

void ModelSourcesBox::add(const QString &entry)
{
    auto *item = new QListWidgetItem(entry);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_list->addItem(item);
}

void ModelSourcesBox::addFolder()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Folder of model SQL files"), m_folder());
    if (!dir.isEmpty())
        add(QDir::toNativeSeparators(dir));
}

void ModelSourcesBox::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Model SQL files"), m_folder(),
                                                            tr("SQL files (*.sql);;All files (*)"));
    for (const QString &file : files)
        add(QDir::toNativeSeparators(file));
}

void ModelSourcesBox::addDjango()
{
    const QString manage = QFileDialog::getOpenFileName(this, tr("The Django project's manage.py"),
                                                        m_folder(), tr("manage.py (manage.py)"));
    if (!manage.isEmpty())
        add(u"django:" + QDir::toNativeSeparators(manage));
}

void ModelSourcesBox::addSqlAlchemy()
{
    bool ok = false;
    const QString target = QInputDialog::getText(
        this, tr("SQLAlchemy metadata"),
        tr("The module and the MetaData or declarative Base in it, as module:attribute.\n"
           "The workspace folder is on the Python path."),
        QLineEdit::Normal, QStringLiteral("app.models:Base"), &ok);
    if (ok && !target.trimmed().isEmpty())
        add(u"sqlalchemy:" + target.trimmed());
}

void ModelSourcesBox::addReference()
{
    ConnectionDialog dialog(this);
    dialog.setWindowTitle(tr("Reference database"));
    if (!m_folder().isEmpty())
        dialog.setBaseDirectory(m_folder());
    if (dialog.exec() == QDialog::Accepted && !dialog.url().isEmpty())
        add(dialog.url());
}

} // namespace burrow::ui
