#include "workspace_session.h"

#include "background.h"
#include "model/model_cache.h"
#include "progress_relay.h"
#include "session_log.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMetaObject>
#include <QTemporaryDir>
#include <QThreadPool>

namespace burrow::ui {
namespace {

/// The migrations folder's files plus the unsaved `text` as `fileName`, in `scratch`.
Status stageMigrations(const QString &from, const QString &scratch, const QString &fileName,
                       const QString &text)
{
    const QStringList names = QDir(from).entryList({QStringLiteral("*.sql")}, QDir::Files);
    for (const QString &name : names) {
        if (name != fileName && !QFile::copy(from + u'/' + name, scratch + u'/' + name))
            return Error{Error::Code::Unreadable, QStringLiteral("cannot copy the migration"),
                         from + u'/' + name};
    }
    QFile staged(scratch + u'/' + fileName);
    const QByteArray bytes = text.toUtf8();
    if (!staged.open(QIODevice::WriteOnly) || staged.write(bytes) != bytes.size())
        return Error{Error::Code::Unreadable, QStringLiteral("cannot stage the migration"),
                     staged.fileName()};
    return Ok{};
}

struct Compared {
    diff::Comparison comparison;
    QList<plan::LintWarning> warnings;
    CompletionNames names;
};

/// The comparison, and the lint of the plan that would make every difference: the row counts
/// the tree shows beside destructive and data-dependent changes.
Result<Compared> compareAndLint(const diff::CompareRequest &request)
{
    Result<diff::Comparison> comparison = diff::compareWithModel(request);
    if (!comparison)
        return comparison.error();
    Compared out{std::move(*comparison), {}, {}};
    out.names.add(out.comparison.live);
    out.names.add(out.comparison.model);
    if (out.comparison.changes.isEmpty())
        return out;
    plan::DraftRequest everything;
    everything.allowDestructive = true;
    // Lint is advice: when no plan can be made (an annotated rename that does not fit), the
    // tree shows the differences without counts, and Generate reports the error.
    if (Result<plan::MigrationDraft> draft = plan::draftMigration(out.comparison, everything))
        out.warnings = draft->warnings;
    return out;
}

} // namespace

WorkspaceSession::WorkspaceSession(QObject *parent)
    : QObject(parent)
    , m_progress(new ProgressRelay([this](const migration::ProgressEvent &e) { report(e); }, this))
{
}

WorkspaceSession::~WorkspaceSession()
{
    // Work in flight holds no pointer to this session, but let it end before the process does.
    m_cancellation.cancel();
    QThreadPool::globalInstance()->waitForDone();
}

void WorkspaceSession::open(const workspace::Workspace &workspace)
{
    m_workspace = workspace;
    m_password.clear();
    m_comparison.reset();
    m_warnings.clear();
    m_names = {};
}

const diff::Comparison *WorkspaceSession::comparison() const
{
    return m_comparison ? &*m_comparison : nullptr;
}

bool WorkspaceSession::start(Task task)
{
    if (isBusy() || !isOpen())
        return false;
    m_task = task;
    m_cancellation = Cancellation{};
    Q_EMIT taskChanged(task);
    return true;
}

void WorkspaceSession::finish()
{
    m_task = Task::Idle;
    Q_EMIT taskChanged(m_task);
}

Result<dialect::DatabaseUrl> WorkspaceSession::parsedUrl() const
{
    Result<dialect::DatabaseUrl> url =
        dialect::parseDatabaseUrl(m_workspace ? m_workspace->database : QString());
    if (url && url->password.isEmpty())
        url->password = m_password;
    return url;
}

bool WorkspaceSession::isServer() const
{
    const Result<dialect::DatabaseUrl> url = parsedUrl();
    return url && url->engine != dialect::Engine::SQLite;
}

bool WorkspaceSession::needsPassword() const
{
    const Result<dialect::DatabaseUrl> url = parsedUrl();
    return url && url->engine != dialect::Engine::SQLite && url->password.isEmpty();
}

diff::CompareRequest WorkspaceSession::compareRequest() const
{
    const workspace::Workspace &w = *m_workspace;
    diff::CompareRequest request{w.database, w.models, w.ignore, false, QDir(w.directory)};
    request.python = w.python;
    request.migrations = w.migrations;
    request.modelCache = model::modelCacheFolderFromEnvironment();
    if (Result<dialect::DatabaseUrl> url = parsedUrl())
        request.url = *url; // with the session's password; a bad URL is reported by compare
    return request;
}

void WorkspaceSession::compare()
{
    if (!start(Task::Comparing))
        return;
    QElapsedTimer timer;
    timer.start();
    runInBackground(
        this, [request = compareRequest()] { return compareAndLint(request); },
        [this, timer, cancellation = m_cancellation](Result<Compared> result) {
            if (cancellation.cancelled())
                return; // abandoned by cancel(): the session went idle then
            finish();
            if (!result)
                return Q_EMIT failed(Task::Comparing, result.error());
            m_comparison = std::move(result->comparison);
            m_warnings = std::move(result->warnings);
            m_names = std::move(result->names);
            Q_EMIT logged(comparedLine(*m_comparison, timer.elapsed()));
            for (const QString &object : m_comparison->notCompared)
                Q_EMIT logged(u"Warning: " + diff::notComparedWarning(object));
            Q_EMIT compared();
            readStatus(true); // what the migrations and backups panels show follows the database
        });
}

void WorkspaceSession::draft(const plan::DraftRequest &request)
{
    if (!m_comparison || !start(Task::Drafting))
        return;
    runInBackground(
        this,
        [comparison = *m_comparison, request] { return plan::draftMigration(comparison, request); },
        [this](Result<plan::MigrationDraft> result) {
            finish();
            if (!result)
                return Q_EMIT failed(Task::Drafting, result.error());
            Q_EMIT drafted(*result);
        });
}

migration::ApplyRequest WorkspaceSession::applyRequest(const QString &migrationsDir, bool dryRun)
{
    migration::ApplyRequest request;
    request.migrationsDir = migrationsDir;
    request.dryRun = dryRun;
    request.models = compareRequest();
    request.cancellation = m_cancellation;
    // Runs on the worker thread: the relay hands every event to the UI thread.
    request.observer = [relay = m_progress](const migration::ProgressEvent &event) {
        relay->post(event);
        return true;
    };
    return request;
}

void WorkspaceSession::report(const migration::ProgressEvent &event)
{
    if (const QString line = progressLine(event, m_task == Task::Previewing); !line.isEmpty())
        Q_EMIT logged(line);
    Q_EMIT progress(event);
}

void WorkspaceSession::preview(const QString &text, const QString &fileName)
{
    Result<dialect::DatabaseUrl> url = databaseUrl(Task::Previewing);
    if (!url || !start(Task::Previewing))
        return;
    migration::ApplyRequest request = applyRequest({}, true);
    request.url = *url;
    runInBackground(
        this,
        [request, from = m_workspace->migrations, text,
         fileName]() mutable -> Result<migration::ApplyResult> {
            QTemporaryDir scratch;
            if (Status staged = stageMigrations(from, scratch.path(), fileName, text); !staged)
                return staged.error();
            request.migrationsDir = scratch.path();
            return migration::applyMigrations(request);
        },
        [this](Result<migration::ApplyResult> result) {
            m_progress->whenDelivered([this, result] {
                finish();
                if (!result)
                    return Q_EMIT failed(Task::Previewing, result.error());
                Q_EMIT previewed(*result);
            });
        });
}

void WorkspaceSession::apply(std::optional<qulonglong> to)
{
    runApply(to, false);
}

void WorkspaceSession::continueStopped()
{
    runApply(std::nullopt, true);
}

void WorkspaceSession::runApply(std::optional<qulonglong> to, bool continueStopped)
{
    Result<dialect::DatabaseUrl> url = databaseUrl(Task::Applying);
    if (!url || !start(Task::Applying))
        return;
    migration::ApplyRequest request = applyRequest(m_workspace->migrations, false);
    request.url = *url;
    request.to = to;
    request.continueStopped = continueStopped;
    runInBackground(
        this, [request] { return migration::applyMigrations(request); },
        [this](Result<migration::ApplyResult> result) {
            m_progress->whenDelivered([this, result] {
                finish();
                if (!result) {
                    Q_EMIT failed(Task::Applying, result.error());
                } else {
                    Q_EMIT logged(appliedLine(*result));
                    Q_EMIT applied(*result);
                }
                compare(); // what the database looks like now, success or not
            });
        });
}

void WorkspaceSession::cancel()
{
    if (!isBusy())
        return;
    m_cancellation.cancel();
    if (m_task != Task::Comparing)
        return Q_EMIT logged(QStringLiteral("Cancelling…"));
    // A comparison changes nothing: it is abandoned at once and finishes unseen in the
    // background, removing its scratch objects.
    Q_EMIT logged(QStringLiteral("Comparison cancelled; the previous result stays."));
    finish();
}

} // namespace burrow::ui
