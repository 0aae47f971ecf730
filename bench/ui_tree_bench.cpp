// burrow-bench-ui-tree: times the Differences panel with many differences. Not a test; see
// bench/README.md.
//
//   burrow-bench-ui-tree [CHANGES [TABLES [RUNS]]]     (defaults: 10000 500 5)
//
// Builds CHANGES synthetic changes spread over TABLES tables, shows a DifferencesPanel
// (offscreen unless QT_QPA_PLATFORM says otherwise) and times, as the median and the worst of
// RUNS runs: `populate_ms` (setChanges + the tree's first layout and paint), `filter_ms` (one
// keystroke in the filter box, narrowing to one table, with the repaint), `broad_filter_ms` (a
// keystroke matching most rows) and `clear_filter_ms` (back to everything). Targets: populate
// ≤ 200 ms, a filter keystroke ≤ 50 ms.
#include "differences/differences_model.h"
#include "differences/differences_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTextStream>
#include <QTreeView>

#include <algorithm>
#include <functional>

namespace {

using namespace burrow;
using namespace Qt::Literals::StringLiterals;
using diff::ChangeType;
using diff::ObjectKind;

diff::Change syntheticChange(int table, int i)
{
    static const ObjectKind kinds[] = {ObjectKind::Column,     ObjectKind::Column,
                                       ObjectKind::Column,     ObjectKind::Index,
                                       ObjectKind::ForeignKey, ObjectKind::Trigger};
    static const ChangeType types[] = {ChangeType::Added, ChangeType::Removed, ChangeType::Changed};
    diff::Change c;
    c.object = kinds[i % std::size(kinds)];
    c.type = types[(i / 2) % std::size(types)];
    c.table = u"t%1"_s.arg(table, 5, 10, QChar(u'0'));
    c.name = u"c%1"_s.arg(i);
    c.detail = c.type == ChangeType::Changed ? u"type REAL → NUMERIC; default 0 → 1"_s
                                             : u"NUMERIC NOT NULL DEFAULT 0"_s;
    return c;
}

QList<diff::Change> syntheticChanges(int count, int tables)
{
    QList<diff::Change> changes;
    changes.reserve(count);
    for (int i = 0; i < count; ++i)
        changes.append(syntheticChange(i % tables, i / tables));
    return changes;
}

// Runs `step`, then lets the panel lay out and paint as a user would see it; milliseconds.
double timed(ui::DifferencesPanel &panel, const std::function<void()> &step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    QCoreApplication::processEvents();
    panel.repaint();
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Figures {
    QList<double> populate, filter, broadFilter, clearFilter;
};

void measureOnce(ui::DifferencesPanel &panel, const QList<diff::Change> &changes, Figures &out)
{
    panel.filterEdit()->clear();
    panel.setChanges({});
    QCoreApplication::processEvents();
    out.populate.append(timed(panel, [&] { panel.setChanges(changes); }));
    out.filter.append(timed(panel, [&] { panel.filterEdit()->setText(u"t00042"_s); }));
    panel.filterEdit()->clear();
    QCoreApplication::processEvents();
    out.broadFilter.append(timed(panel, [&] { panel.filterEdit()->setText(u"c"_s); }));
    out.clearFilter.append(timed(panel, [&] { panel.filterEdit()->clear(); }));
}

QString stats(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return u"%1 (worst %2)"_s.arg(values.at(values.size() / 2), 0, 'f', 1)
        .arg(values.last(), 0, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int count = args.value(1, u"10000"_s).toInt();
    const int tables = std::max(1, args.value(2, u"500"_s).toInt());
    const int runs = std::max(1, args.value(3, u"5"_s).toInt());
    const QList<diff::Change> changes = syntheticChanges(count, tables);

    ui::DifferencesPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QCoreApplication::processEvents();
    Figures figures;
    for (int run = 0; run < runs; ++run)
        measureOnce(panel, changes, figures);

    QTextStream out(stdout);
    out << "changes=" << count << " tables=" << tables << " runs=" << runs
        << " expanded=" << (tables <= ui::DifferencesPanel::ExpandLimit ? "yes" : "no") << '\n'
        << "populate_ms=" << stats(figures.populate) << "  target <= 200\n"
        << "filter_ms=" << stats(figures.filter) << "  target <= 50\n"
        << "broad_filter_ms=" << stats(figures.broadFilter) << "  target <= 50\n"
        << "clear_filter_ms=" << stats(figures.clearFilter) << "  target <= 50\n";
    return 0;
}
