#include "workbench_controller.h"

#include "diff/report.h"
#include "differences/differences_model.h"
#include "differences/differences_panel.h"
#include "editor/definition_compare.h"
#include "editor/definition_text.h"
#include "editor/migration_editor.h"
#include "editor/sql_editor.h"
#include "log/log_panel.h"
#include "migration/status.h"
#include "plan/migration_writer.h"
#include "preview/preview_panel.h"

#include <QDir>
#include <QFileInfo>
#include <QTabWidget>
#include <QUrl>

namespace burrow::ui {
namespace {

enum Tab { DefinitionsTab, MigrationTab, PreviewTab };

} // namespace

WorkbenchController::WorkbenchController(WorkspaceSession *session, const WorkbenchPanels &panels,
                                         QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_panels(panels)
{
    connect(session, &WorkspaceSession::compared, this, &WorkbenchController::onCompared);
    connect(session, &WorkspaceSession::drafted, this, &WorkbenchController::onDrafted);
    connect(session, &WorkspaceSession::failed, this, &WorkbenchController::onFailed);
    connect(session, &WorkspaceSession::applied, this, &WorkbenchController::onApplied);
    connect(session, &WorkspaceSession::logged, panels.log, &LogPanel::append);
    // Delivered before the apply's failure: whether the failing migration rolled back.
    connect(session, &WorkspaceSession::progress, this, [this](const migration::ProgressEvent &e) {
        if (e.kind == migration::ProgressEvent::Kind::MigrationStarted)
            m_failureKeptChanges = false;
        else if (e.kind == migration::ProgressEvent::Kind::MigrationFailed)
            m_failureKeptChanges = !e.rolledBack;
    });
    connect(panels.differences, &DifferencesPanel::currentTableChanged, this,
            &WorkbenchController::showDefinitions);
}

void WorkbenchController::onCompared()
{
    const diff::Comparison &c = *m_session->comparison();
    m_panels.differences->setSchemas(c.live, c.model);
    m_panels.differences->setUncompared(c.notCompared);
    m_panels.differences->setChanges(c.changes, m_session->warnings());
    const CompletionNames &names = m_session->completionNames();
    m_panels.editor->editor()->setCompletionNames(names.tables, names.columns);
    m_panels.editor->setMigrationsFolder(m_session->workspace().migrations);
    m_panels.definitions->clear();
}

void WorkbenchController::showDefinitions(const QString &table)
{
    const diff::Comparison *c = m_session->comparison();
    if (!c)
        return;
    m_panels.definitions->setDefinitions(definitionOf(c->live, table),
                                         definitionOf(c->model, table));
    m_panels.tabs->setCurrentIndex(DefinitionsTab);
}

void WorkbenchController::generate()
{
    const diff::Comparison *c = m_session->comparison();
    if (!c)
        return;
    // The comparison is of the database as it is: a migration it lacks would be planned again.
    if (refusedWhileStopped(tr("Not generated")))
        return;
    if (Status none = migration::checkNothingPending(m_session->migrationStatus()); !none)
        return Q_EMIT notice(none.error().message.toHtmlEscaped() +
                                 tr(". Apply it first (Migrations panel: Apply up to here…), "
                                    "record it as applied if the database has its changes, or "
                                    "delete its file; then generate again."),
                             false);
    plan::DraftRequest request;
    request.renames = m_panels.differences->model()->acceptedRenames();
    // The check boxes decide: destructive rows start unchecked, so a checked one is intended.
    request.allowDestructive = true;
    request.skip = m_panels.differences->model()->uncheckedChanges();
    request.online = m_online;
    request.source = c->url.display() + u" → " +
                     QDir::toNativeSeparators(QFileInfo(c->script.files.value(0)).path());
    m_session->draft(request);
}

void WorkbenchController::onDrafted(const plan::MigrationDraft &draft)
{
    m_draft = draft;
    m_panels.editor->setMigrationsFolder(m_session->workspace().migrations);
    // With only online work to do, the follow-up is the migration.
    const bool onlyFollowUp = draft.up.isEmpty() && !draft.followUp.isEmpty();
    const plan::MigrationPlan &main = onlyFollowUp ? draft.followUp : draft.up;
    m_panels.editor->setName(onlyFollowUp
                                 ? plan::followUpName(plan::suggestedName(main), draft.followUp)
                                 : plan::suggestedName(main));
    m_panels.editor->setText(onlyFollowUp ? draft.followUpText
                                          : (draft.up.isEmpty() ? QString() : draft.text));
    if (!onlyFollowUp && !draft.followUpText.isEmpty())
        m_panels.editor->setFollowUp(draft.followUpText,
                                     plan::followUpName(QString(), draft.followUp));
    m_panels.tabs->setCurrentIndex(MigrationTab);
    if (main.isEmpty())
        Q_EMIT notice(tr("Nothing to generate: no checked difference needs a change."), true);
}

void WorkbenchController::preview()
{
    if (m_panels.editor->text().trimmed().isEmpty() || m_panels.editor->fileName().isEmpty())
        return Q_EMIT notice(tr("Generate or write a migration first, then preview it."), false);
    if (refusedWhileStopped(tr("Not previewed")))
        return;
    m_panels.editor->clearErrors();
    m_panels.tabs->setCurrentIndex(PreviewTab);
    m_session->preview(m_panels.editor->text(), QFileInfo(m_panels.editor->fileName()).fileName());
}

bool WorkbenchController::refusedWhileStopped(const QString &what)
{
    const migration::MigrationStatus *first =
        migration::firstUnapplied(m_session->migrationStatus());
    if (!first || first->state != migration::MigrationState::Failed)
        return false;
    Q_EMIT notice(tr("%1: %2 stopped part-way on an earlier apply. Fix what stopped it, then "
                     "choose Continue… in the Migrations panel (or settle it there).")
                      .arg(what, QString(first->version + u'_' + first->name).toHtmlEscaped()),
                  false);
    return true;
}

Status WorkbenchController::save()
{
    if (!m_panels.editor->isModified())
        return Ok{};
    return m_panels.editor->save();
}

QString WorkbenchController::confirmationText() const
{
    const workspace::Workspace &w = m_session->workspace();
    QString text = tr("Apply the pending migrations to %1?\n\nA verified backup goes to %2 first.")
                       .arg(w.database, QDir::toNativeSeparators(w.migrations + u"/backups/"));
    if (m_draft && m_draft->text == m_panels.editor->text()) {
        QStringList destructive;
        for (const plan::PlanStep &step : m_draft->up.steps) {
            if (step.destructive)
                destructive.append(u"  • " + step.summary);
        }
        if (!destructive.isEmpty())
            text += tr("\n\nThese steps remove data:\n") + destructive.join(u'\n');
    }
    return text;
}

void WorkbenchController::apply()
{
    if (m_session->isBusy())
        return;
    if (refusedWhileStopped(tr("Not applied")))
        return;
    if (Status saved = save(); !saved)
        return Q_EMIT notice(tr("Not applied: the migration could not be saved: ") +
                                 saved.error().toString().toHtmlEscaped(),
                             false);
    if (m_confirm && !m_confirm(confirmationText()))
        return;
    m_panels.tabs->setCurrentIndex(PreviewTab);
    m_session->apply();
}

void WorkbenchController::onApplied(const migration::ApplyResult &result)
{
    if (result.applied.isEmpty())
        return Q_EMIT notice(tr("Nothing to apply: every migration is applied already."), true);
    const QString link = QUrl::fromLocalFile(result.backupFolder).toString();
    Q_EMIT notice(
        tr("Applied %1. ").arg(diff::counted(result.applied.size(), tr("migration"))) +
            (result.backupFolder.isEmpty()
                 ? QString()
                 : tr("Backup: <a href=\"%1\">%2</a>")
                       .arg(link, QDir::toNativeSeparators(result.backupFolder).toHtmlEscaped())),
        true);
    m_draft.reset();
}

void WorkbenchController::onFailed(WorkspaceSession::Task task, const Error &error)
{
    if (task == WorkspaceSession::Task::Comparing)
        m_panels.differences->showNotCompared(
            tr("Not compared: the comparison failed (see the message above)"));
    const bool aboutEditor =
        !error.file.isEmpty() && !m_panels.editor->fileName().isEmpty() &&
        QFileInfo(error.file).fileName() == QFileInfo(m_panels.editor->fileName()).fileName();
    if (aboutEditor) {
        m_panels.tabs->setCurrentIndex(MigrationTab);
        m_panels.editor->showError(error);
    }
    // The one line, then what a failing program printed last (an ORM project's traceback) as
    // it was printed: run together in the banner's flowing text it could not be read.
    Error headline = error;
    headline.details.clear();
    QString safe;
    if (task == WorkspaceSession::Task::Applying && m_failureKeptChanges) {
        headline.hint.clear(); // the command line's ways out; these are the window's
        safe = tr(". What ran before the failing statement stays applied. Fix what stopped it, "
                  "then choose Continue… in the Migrations panel; or restore the backup "
                  "(Backups panel); or, when you have finished or undone it by hand, settle it "
                  "there (Finished by hand… or Undone, run again…).");
    } else if (task == WorkspaceSession::Task::Applying) {
        safe = tr(". The database was not changed by the failed migration.");
    }
    m_failureKeptChanges = false;
    const QString details = error.details.isEmpty() ? QString()
                                                    : u"<pre style=\"margin: 4px 0 0 0\">" +
                                                          error.details.toHtmlEscaped() + u"</pre>";
    Q_EMIT notice(headline.toString().toHtmlEscaped() + safe + details, false);
}

} // namespace burrow::ui
