#include "migration_editor.h"

#include "migration_save.h"
#include "plan/migration_writer.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace burrow::ui {

MigrationEditor::MigrationEditor(QWidget *parent)
    : QWidget(parent)
    , m_editor(new SqlEditor(this))
    , m_save(new QAction(tr("&Save Migration"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->setSpacing(0);
    layout->addWidget(makeHeader());
    layout->addWidget(m_editor);
    m_save->setShortcut(QKeySequence::Save);
    // The window has its own Save; this one answers while the focus is in the editor.
    m_save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_save, &QAction::triggered, this, [this] { (void)save(); });
    addAction(m_save);
    connect(m_editor, &QsciScintilla::textChanged, this, &MigrationEditor::updateModified);
    connect(m_editor, &QsciScintilla::modificationChanged, this, &MigrationEditor::updateModified);
    updateTarget();
}

QWidget *MigrationEditor::makeHeader()
{
    auto *header = new QWidget(this);
    m_name = new QLineEdit(header);
    m_name->setPlaceholderText(tr("migration name"));
    m_name->setToolTip(tr("The file is named <version>_<name>.sql"));
    m_status = new QLabel(header);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *label = new QLabel(tr("&Name:"), header);
    label->setBuddy(m_name);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(label);
    layout->addWidget(m_name, 1);
    layout->addWidget(m_status, 2);
    connect(m_name, &QLineEdit::textChanged, this, &MigrationEditor::updateTarget);
    return header;
}

void MigrationEditor::setMigrationsFolder(const QString &path)
{
    m_folder = path;
    updateTarget();
}

void MigrationEditor::setName(const QString &name)
{
    m_name->setText(name);
}

QString MigrationEditor::name() const
{
    return m_name->text();
}

void MigrationEditor::setText(const QString &text)
{
    m_savedPath.clear();
    m_savedText.clear();
    m_name->setReadOnly(false);
    m_editor->clearErrors();
    m_editor->setText(text);
    updateTarget();
    updateModified();
}

QString MigrationEditor::text() const
{
    return m_editor->text();
}

void MigrationEditor::setCompletionNames(const QStringList &tables,
                                         const QHash<QString, QStringList> &columnsByTable)
{
    m_editor->setCompletionNames(tables, columnsByTable);
}

Status MigrationEditor::save()
{
    updateTarget(); // the folder may have gained a file since the name was typed
    if (m_targetError) {
        showStatus(tr("Cannot save: %1").arg(m_targetError->message), true);
        return *m_targetError;
    }
    const QString text = m_editor->text();
    const Status written = writeMigrationText(
        m_target, text, m_savedPath.isEmpty() ? std::nullopt : std::optional(m_savedText));
    if (!written) {
        showStatus(tr("Cannot save: %1").arg(written.error().message), true);
        return written;
    }
    m_savedPath = m_target;
    m_savedText = text;
    // The file is named now: renaming would leave it behind under its old name.
    m_name->setReadOnly(true);
    m_editor->setModified(false);
    updateModified();
    updateTarget();
    Q_EMIT saved(m_savedPath);
    return Ok{};
}

void MigrationEditor::showError(const Error &error)
{
    clearErrors();
    QString message = error.message;
    if (!error.hint.isEmpty())
        message += u'\n' + error.hint;
    const int line = lineOf(error);
    if (line < 0) {
        showStatus(message, true);
        return;
    }
    m_editor->markError(line, message);
    m_editor->setCursorPosition(line, 0);
    m_editor->ensureLineVisible(line);
}

void MigrationEditor::clearErrors()
{
    m_editor->clearErrors();
    updateTarget();
}

int MigrationEditor::lineOf(const Error &error) const
{
    if (error.line > 0)
        return error.line - 1;
    const QString statement = error.statement.trimmed();
    if (statement.isEmpty())
        return -1;
    const QString text = m_editor->text();
    const qsizetype at = text.indexOf(statement);
    return at < 0 ? -1 : int(QStringView(text).left(at).count(u'\n'));
}

void MigrationEditor::updateTarget()
{
    if (!m_savedPath.isEmpty()) {
        m_target = m_savedPath;
        m_targetError.reset();
    } else if (name().trimmed().isEmpty()) {
        m_target.clear();
        m_targetError = Error{Error::Code::InvalidArgument, tr("Name the migration to save it")};
    } else if (m_folder.isEmpty()) {
        m_target.clear();
        m_targetError = Error{Error::Code::InvalidArgument, tr("no migrations folder is set")};
    } else {
        const Result<QString> next = plan::nextMigrationPath(QDir(m_folder), name());
        m_target = next ? next.value() : QString();
        m_targetError = next ? std::nullopt : std::optional(next.error());
    }
    if (m_targetError) {
        // A name still to be typed is the next step, not a problem.
        showStatus(m_targetError->message, !name().trimmed().isEmpty());
        return;
    }
    const QFileInfo file(m_target);
    const QString shown = QFileInfo(m_folder).fileName() + u'/' + file.fileName();
    showStatus((m_savedPath.isEmpty() ? tr("Saves to %1") : tr("Saved as %1")).arg(shown), false);
    m_status->setToolTip(QDir::toNativeSeparators(file.absoluteFilePath()));
}

void MigrationEditor::updateModified()
{
    const bool modified = m_savedPath.isEmpty() ? m_editor->length() > 0 : m_editor->isModified();
    if (modified == m_modified)
        return;
    m_modified = modified;
    Q_EMIT modificationChanged(modified);
}

void MigrationEditor::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    // Only a problem gets its own color; otherwise the label follows the window's palette.
    QPalette palette;
    if (problem)
        palette.setColor(QPalette::WindowText, editorColors(this->palette()).error);
    m_status->setPalette(palette);
}

} // namespace burrow::ui
