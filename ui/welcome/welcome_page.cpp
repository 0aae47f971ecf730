#include "welcome_page.h"

#include "recent_workspaces.h"

#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace burrow::ui {
namespace {

QPushButton *bigButton(const QString &icon, const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(QIcon(u":/icons/" + icon + u".svg"), text, parent);
    button->setIconSize(QSize(24, 24));
    button->setMinimumHeight(40);
    return button;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
{
    auto *title = new QLabel(tr("<h1>Burrow</h1><p>Compare a database with its models, then "
                                "generate, preview and apply the migration, with a backup "
                                "first.</p>"),
                             this);
    title->setWordWrap(true);
    auto *create = bigButton(QStringLiteral("new"), tr("New workspace…"), this);
    create->setObjectName(QStringLiteral("newWorkspace"));
    auto *open = bigButton(QStringLiteral("open"), tr("Open workspace…"), this);
    auto *demo = bigButton(QStringLiteral("burrow"), tr("Open the demo"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addWidget(open);
    buttons->addWidget(demo);
    buttons->addStretch();
    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addLayout(buttons);
    column->addSpacing(16);
    column->addWidget(new QLabel(tr("<b>Recent workspaces</b>"), this));
    column->addWidget(m_recent, 1);
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
    connect(create, &QPushButton::clicked, this, &WelcomePage::newWorkspaceRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openWorkspaceRequested);
    connect(demo, &QPushButton::clicked, this, &WelcomePage::openDemoRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const QString dir = item->data(Qt::UserRole).toString(); !dir.isEmpty())
            Q_EMIT recentWorkspaceChosen(dir);
    });
    refresh();
}

void WelcomePage::refresh()
{
    m_recent->clear();
    for (const QString &dir : recentWorkspaces()) {
        auto *item = new QListWidgetItem(
            QIcon(QStringLiteral(":/icons/database.svg")),
            QDir(dir).dirName() + u"  —  " + QDir::toNativeSeparators(dir), m_recent);
        item->setData(Qt::UserRole, dir);
    }
    if (m_recent->count() == 0)
        new QListWidgetItem(tr("No workspace opened yet: try the demo."), m_recent);
}

} // namespace burrow::ui
