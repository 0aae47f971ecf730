#include "migration_editor.h"

#include "migration_save.h"
#include "plan/migration_writer.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
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
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(makeFollowUp());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split);
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

QWidget *MigrationEditor::makeFollowUp()
{
    m_followUp = new QWidget(this);
    m_followUp->setObjectName(QStringLiteral("followUp"));
    m_followUpTitle = new QLabel(m_followUp);
    m_followUpTitle->setWordWrap(true);
    m_followUpView = new SqlEditor(m_followUp);
    m_followUpView->setReadOnly(true);
    auto *layout = new QVBoxLayout(m_followUp);
    layout->setContentsMargins(6, 4, 6, 0);
    layout->setSpacing(2);
    layout->addWidget(m_followUpTitle);
    layout->addWidget(m_followUpView);
    m_followUp->hide();
    return m_followUp;
}

void MigrationEditor::setFollowUp(const QString &text, const QString &suffix)
{
    m_followUpText = text;
    m_followUpSuffix = suffix;
    m_followUpPath.clear();
    m_followUpView->setReadOnly(false);
    m_followUpView->setText(text);
    m_followUpView->setReadOnly(true);
    m_followUp->setVisible(!text.isEmpty());
    updateTarget();
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
    setFollowUp({}, {});
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
    const Status followUp = saveFollowUp();
    updateTarget();
    Q_EMIT saved(m_savedPath);
    return followUp;
}

/// The follow-up takes the version after the main migration's, which is on disk by now.
Status MigrationEditor::saveFollowUp()
{
    if (m_followUpText.isEmpty() || !m_followUpPath.isEmpty())
        return Ok{};
    Result<QString> path = plan::nextMigrationPath(QDir(m_folder), name() + m_followUpSuffix);
    Status written =
        path ? writeMigrationText(*path, m_followUpText, std::nullopt) : Status(path.error());
    if (!written) {
        showStatus(tr("Cannot save the follow-up: %1").arg(written.error().message), true);
        return written;
    }
    m_followUpPath = *path;
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
    updateFollowUpTitle();
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

void MigrationEditor::updateFollowUpTitle()
{
    const QString where =
        m_followUpPath.isEmpty()
            ? tr("saved with the next version as …%1.sql").arg(m_followUpSuffix)
            : tr("saved as %1").arg(QFileInfo(m_followUpPath).fileName().toHtmlEscaped());
    m_followUpTitle->setText(tr("<b>Follow-up migration</b>, %1: it runs after this one, "
                                "outside a transaction, without holding its locks")
                                 .arg(where));
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
