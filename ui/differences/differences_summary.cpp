#include "differences_summary.h"

#include "change_presentation_p.h"
#include "diff/report.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace burrow::ui {

using namespace Qt::Literals::StringLiterals;

DifferencesSummary::DifferencesSummary(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    const DifferenceIcons &icons = DifferenceIcons::get();
    m_tables = addItem(icons.table, false);
    m_added = addItem(icons.added, true);
    m_removed = addItem(icons.removed, true);
    m_changed = addItem(icons.changed, true);
    m_renames = addItem(icons.rename, true);
    layout->addStretch(1);
    setCounts({});
}

DifferencesSummary::Item DifferencesSummary::addItem(const QIcon &icon, bool separated)
{
    auto *layout = static_cast<QHBoxLayout *>(this->layout());
    Item item;
    if (separated) {
        item.separator = new QLabel(u"·"_s, this);
        layout->addWidget(item.separator);
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    item.icon = new QLabel(this);
    item.icon->setPixmap(icon.pixmap(QSize(size, size), devicePixelRatioF()));
    item.text = new QLabel(this);
    layout->addWidget(item.icon);
    layout->addWidget(item.text);
    return item;
}

void DifferencesSummary::show(const Item &item, int count, const QString &text)
{
    for (QLabel *label : {item.icon, item.text, item.separator}) {
        if (label)
            label->setVisible(count > 0);
    }
    item.text->setText(text);
}

// "4 tables differ", "1 view differs", "4 tables, 1 view and 2 functions differ".
static QString differingText(const DifferencesModel::Counts &counts)
{
    QStringList parts;
    if (counts.tables > 0 || (counts.views == 0 && counts.others.empty()))
        parts.append(diff::counted(counts.tables, u"table"_s));
    if (counts.views > 0)
        parts.append(diff::counted(counts.views, u"view"_s));
    int total = counts.tables + counts.views;
    for (const auto &[kind, count] : counts.others) {
        parts.append(diff::counted(count, diff::objectNoun(kind)));
        total += count;
    }
    return diff::listed(parts) + (total == 1 ? u" differs"_s : u" differ"_s);
}

void DifferencesSummary::setCounts(const DifferencesModel::Counts &counts)
{
    show(m_tables, 1, differingText(counts));
    show(m_added, counts.added, u"%1 added"_s.arg(counts.added));
    show(m_removed, counts.removed, u"%1 removed"_s.arg(counts.removed));
    show(m_changed, counts.changed, u"%1 changed"_s.arg(counts.changed));
    const int r = counts.renames;
    show(m_renames, r, r == 1 ? u"1 rename suggested"_s : u"%1 renames suggested"_s.arg(r));
}

QString DifferencesSummary::text() const
{
    QStringList parts;
    for (const Item *item : {&m_tables, &m_added, &m_removed, &m_changed, &m_renames}) {
        if (!item->text->isHidden())
            parts.append(item->text->text());
    }
    return parts.join(u" · "_s);
}

} // namespace burrow::ui
