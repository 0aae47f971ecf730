#include "definition_compare.h"

#include "definition_text.h"

#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace burrow::ui {

DefinitionCompare::DefinitionCompare(QWidget *parent)
    : QWidget(parent)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(makePane(m_live, tr("Database (live)"), SqlEditor::DiffTone::Removed));
    splitter->addWidget(makePane(m_model, tr("Models"), SqlEditor::DiffTone::Added));
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(splitter);
    // Scintilla reports every vertical scroll (wheel, keys, scroll bar, code) in its UI update
    // notification; the scroll bar's own signal misses the scrolls Scintilla makes itself.
    connect(m_live.editor, &QsciScintillaBase::SCN_UPDATEUI, this, [this](int updated) {
        if (updated & QsciScintillaBase::SC_UPDATE_V_SCROLL)
            followScroll(m_live.editor, m_model.editor, m_diff.leftToRight);
    });
    connect(m_model.editor, &QsciScintillaBase::SCN_UPDATEUI, this, [this](int updated) {
        if (updated & QsciScintillaBase::SC_UPDATE_V_SCROLL)
            followScroll(m_model.editor, m_live.editor, m_diff.rightToLeft);
    });
    clear();
}

bool DefinitionCompare::liveMissing() const
{
    return m_live.stack->currentWidget() != m_live.editor;
}

bool DefinitionCompare::modelMissing() const
{
    return m_model.stack->currentWidget() != m_model.editor;
}

QWidget *DefinitionCompare::makePane(Pane &pane, const QString &title, SqlEditor::DiffTone tone)
{
    auto *box = new QWidget(this);
    pane.header = new QLabel(title, box);
    QFont bold = pane.header->font();
    bold.setBold(true);
    pane.header->setFont(bold);
    pane.header->setContentsMargins(4, 2, 4, 2);
    pane.editor = new SqlEditor(box);
    pane.editor->setReadOnly(true);
    pane.editor->setDiffTone(tone);
    pane.placeholder = new QLabel(box);
    pane.placeholder->setAlignment(Qt::AlignCenter);
    pane.placeholder->setWordWrap(true);
    pane.placeholder->setForegroundRole(QPalette::PlaceholderText);
    pane.placeholder->setAutoFillBackground(true);
    pane.placeholder->setBackgroundRole(QPalette::Base);
    pane.stack = new QStackedWidget(box);
    pane.stack->addWidget(pane.editor);
    pane.stack->addWidget(pane.placeholder);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins({});
    layout->setSpacing(0);
    layout->addWidget(pane.header);
    layout->addWidget(pane.stack);
    return box;
}

void DefinitionCompare::setDefinitions(const QString &live, const QString &model)
{
    const QString left = normalizedDefinition(live);
    const QString right = normalizedDefinition(model);
    const bool nothing = left.isEmpty() && right.isEmpty();
    showSide(m_live, left,
             nothing ? tr("Select a table or view to compare its definitions")
                     : tr("Not in the database"));
    showSide(m_model, right, nothing ? QString() : tr("Not in the models"));
    m_diff = {};
    // With one side missing every line would be tinted: the placeholder already says it all.
    if (!left.isEmpty() && !right.isEmpty())
        highlight(left.split(u'\n'), right.split(u'\n'));
}

void DefinitionCompare::showSide(Pane &pane, const QString &text, const QString &missingText)
{
    pane.editor->clearHighlights();
    pane.editor->setText(text);
    pane.placeholder->setText(missingText);
    pane.stack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(pane.placeholder)
                                                : pane.editor);
}

void DefinitionCompare::highlight(const QStringList &live, const QStringList &model)
{
    m_diff = diffLines(live, model);
    for (int line = 0; line < m_diff.left.size(); ++line) {
        if (m_diff.left[line] != LineChange::Same)
            m_live.editor->highlightLine(line);
    }
    for (int line = 0; line < m_diff.right.size(); ++line) {
        if (m_diff.right[line] != LineChange::Same)
            m_model.editor->highlightLine(line);
    }
    for (const auto &[left, right] : std::as_const(m_diff.changedPairs)) {
        const WordDiff words = diffWords(live[left], model[right]);
        for (const CharRange &range : words.left)
            m_live.editor->highlightRange(left, range.start, range.length);
        for (const CharRange &range : words.right)
            m_model.editor->highlightRange(right, range.start, range.length);
    }
}

void DefinitionCompare::followScroll(SqlEditor *from, SqlEditor *to, const QList<int> &map)
{
    // Setting the other pane's line scrolls it, which would call back here.
    if (m_syncing)
        return;
    m_syncing = true;
    const int first = from->firstVisibleLine();
    int target = first;
    if (!map.isEmpty()) {
        // Lines past the mapped ones (scrolled beyond the end) keep their distance to it.
        const int last = int(map.size()) - 1;
        target = first <= last ? map[first] : map[last] + first - last;
    }
    to->setFirstVisibleLine(target);
    m_syncing = false;
}

} // namespace burrow::ui
