#include "session_log.h"

#include "diff/report.h"

#include <QDir>

namespace burrow::ui {

QString comparedLine(const diff::Comparison &comparison, qint64 elapsedMs)
{
    const QString what = comparison.changes.isEmpty() ? QStringLiteral("no differences")
                                                      : diff::summaryLine(comparison.changes);
    return u"Compared " + comparison.url.display() + u" with the models in " +
           QString::number(elapsedMs) + u" ms: " + what;
}

QString stageText(const migration::ProgressEvent &event)
{
    return event.message.left(1).toUpper() + event.message.mid(1) + u'…';
}

QString progressLine(const migration::ProgressEvent &e, bool dryRun)
{
    using Kind = migration::ProgressEvent::Kind;
    const QString prefix = dryRun ? QStringLiteral("[dry run] ") : QString();
    switch (e.kind) {
    case Kind::MigrationStarted:
        return prefix + u"Applying " + e.version + u'_' + e.name + u" (" +
               diff::counted(e.statements, QStringLiteral("statement")) + u')';
    case Kind::StatementDone: {
        const QString rows =
            e.outcome.rowsAffected >= 0
                ? u", " + diff::counted(e.outcome.rowsAffected, QStringLiteral("row"))
                : QString();
        return prefix + u"  " + QString::number(e.outcome.elapsedUs / 1000.0, 'f', 1) + u" ms" +
               rows + u"  " + e.sql.simplified();
    }
    case Kind::MigrationFinished:
        return prefix + u"Applied " + e.version + u'_' + e.name + u" in " +
               QString::number(e.elapsedMs) + u" ms";
    case Kind::MigrationFailed:
        return prefix + u"Failed " + e.version + u'_' + e.name +
               (e.rolledBack ? u", rolled back: " : u", not rolled back: ") + e.message;
    case Kind::Stage:
        return prefix + stageText(e);
    }
    return {};
}

QString appliedLine(const migration::ApplyResult &result)
{
    QString line = u"Applied " + diff::counted(result.applied.size(), QStringLiteral("migration"));
    if (!result.backupFolder.isEmpty())
        line += u"; backup in " + QDir::toNativeSeparators(result.backupFolder);
    return line;
}

} // namespace burrow::ui
