#include "differences_panel.h"

#include "change_presentation_p.h"
#include "differences_filter.h"
#include "differences_model.h"
#include "differences_summary.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QShortcut>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace burrow::ui {

using namespace Qt::Literals::StringLiterals;

DifferencesPanel::DifferencesPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new DifferencesModel(this))
    , m_filter(new DifferencesFilter(this))
    , m_summary(new DifferencesSummary(this))
    , m_filterEdit(new QLineEdit(this))
    , m_showIdentical(new QCheckBox(tr("Show identical"), this))
    , m_pages(new QStackedWidget(this))
    , m_view(new QTreeView(this))
{
    m_filter->setSourceModel(m_model);
    buildLayout();
    configureView();
    connect(m_model, &QAbstractItemModel::modelReset, this, &DifferencesPanel::onModelReset);
    connect(m_model, &DifferencesModel::checkedChangesChanged, this,
            &DifferencesPanel::checkedChangesChanged);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &DifferencesPanel::onFilterTextChanged);
    connect(m_showIdentical, &QCheckBox::toggled, m_model, &DifferencesModel::setShowIdentical);
    auto *find = new QShortcut(QKeySequence::Find, this, this, &DifferencesPanel::focusFilter);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    onModelReset();
}

void DifferencesPanel::buildLayout()
{
    m_filterEdit->setObjectName(u"differencesFilter"_s);
    m_filterEdit->setPlaceholderText(tr("Filter differences (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_showIdentical->setEnabled(false);
    m_showIdentical->setToolTip(tr("Also list the tables and views that match their models"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_showIdentical);
    m_pages->addWidget(m_view);
    m_pages->addWidget(buildEmptyState());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(filterRow);
    layout->addWidget(m_pages, 1);
}

QWidget *DifferencesPanel::buildEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"differencesEmptyState"_s);
    m_emptyIcon = new QLabel(page);
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this) * 2;
    m_emptyIcon->setPixmap(
        DifferenceIcons::get().identical.pixmap(QSize(size, size), devicePixelRatioF()));
    m_emptyIcon->setAlignment(Qt::AlignCenter);
    m_emptyText = new QLabel(page);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_emptyIcon);
    layout->addWidget(m_emptyText);
    layout->addStretch(2);
    return page;
}

void DifferencesPanel::configureView()
{
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(DifferencesModel::DetailColumn, QHeaderView::Stretch);
    // Fixed widths from the font (no resize-to-contents): the Change column fits its longest
    // text with its icon, Detail takes what is left.
    const QFontMetrics metrics = m_view->fontMetrics();
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view);
    const int em = metrics.horizontalAdvance(u'M');
    header->resizeSection(DifferencesModel::ObjectColumn, 24 * em);
    header->resizeSection(DifferencesModel::ChangeColumn,
                          metrics.horizontalAdvance(u"rename suggested"_s) + icon + 2 * em);
    header->resizeSection(DifferencesModel::RowsColumn, icon + 6 * em);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_view, &QWidget::customContextMenuRequested, this, &DifferencesPanel::showContextMenu);
}

void DifferencesPanel::setChanges(const QList<diff::Change> &changes,
                                  const QList<plan::LintWarning> &warnings)
{
    m_notCompared.clear();
    m_model->setChanges(changes, warnings);
}

void DifferencesPanel::showNotCompared(const QString &why)
{
    m_notCompared = why;
    m_model->setChanges({}, {});
    updatePage();
}

QString DifferencesPanel::emptyStateText() const
{
    return m_emptyText->text();
}

void DifferencesPanel::setSchemas(const schema::Schema &live, const schema::Schema &model)
{
    m_model->setSchemas(live, model);
    m_showIdentical->setEnabled(true);
}

bool DifferencesPanel::showsEmptyState() const
{
    return m_pages->currentIndex() == 1;
}

void DifferencesPanel::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void DifferencesPanel::onModelReset()
{
    m_summary->setCounts(m_model->counts());
    m_summary->setVisible(m_model->hasChanges());
    expandIfSmall();
    updatePage();
}

void DifferencesPanel::onFilterTextChanged(const QString &text)
{
    m_filter->setText(text);
    expandIfSmall();
    updatePage();
}

void DifferencesPanel::expandIfSmall()
{
    if (m_filter->rowCount() <= ExpandLimit)
        m_view->expandAll();
}

void DifferencesPanel::updatePage()
{
    const bool empty = !m_model->hasChanges() || m_filter->rowCount() == 0;
    m_emptyIcon->setVisible(m_notCompared.isEmpty() && m_uncompared.isEmpty());
    if (!m_notCompared.isEmpty())
        m_emptyText->setText(m_notCompared);
    else if (!m_model->hasChanges() && !m_uncompared.isEmpty())
        m_emptyText->setText(
            (m_uncompared.size() == 1
                 ? tr("No differences in what Burrow compares. The models also create what it "
                      "neither compares nor migrates: %1. Create it in the database by hand.")
                 : tr("No differences in what Burrow compares. The models also create what it "
                      "neither compares nor migrates: %1. Create them in the database by hand."))
                .arg(m_uncompared.join(u", ")));
    else if (!m_model->hasChanges())
        m_emptyText->setText(tr("No differences: the database matches the models"));
    else
        m_emptyText->setText(tr("No differences match “%1”").arg(m_filter->text()));
    m_pages->setCurrentIndex(empty ? 1 : 0);
}

void DifferencesPanel::onCurrentChanged(const QModelIndex &current)
{
    const QString table = current.data(DifferencesModel::TableRole).toString();
    if (table != m_currentTable) {
        m_currentTable = table;
        Q_EMIT currentTableChanged(table);
    }
    const QVariant change = current.data(DifferencesModel::ChangeRole);
    if (change.isValid())
        Q_EMIT currentChangeChanged(change.value<diff::Change>());
}

void DifferencesPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_filter->mapToSource(m_view->indexAt(pos));
    const auto change = index.data(DifferencesModel::ChangeRole).value<diff::Change>();
    QMenu menu(this);
    const bool rename = change.type == diff::ChangeType::RenameSuggested &&
                        (m_model->flags(index.siblingAtColumn(0)) & Qt::ItemIsUserCheckable);
    if (rename) {
        const bool accepted =
            index.siblingAtColumn(0).data(Qt::CheckStateRole).toInt() == Qt::Checked;
        menu.addAction(accepted ? tr("Don't treat as rename") : tr("Treat as rename"), this,
                       [this, index, accepted] { m_model->setRenameAccepted(index, !accepted); });
        menu.addSeparator();
    }
    menu.addAction(tr("Expand all"), m_view, &QTreeView::expandAll);
    menu.addAction(tr("Collapse all"), m_view, &QTreeView::collapseAll);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace burrow::ui
