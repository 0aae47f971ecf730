// burrow-bench-rebuild: times what `burrow-cli plan` + applying the migration do, for
// bench/rebuild_bench.py. Not a test; see bench/README.md.
//
//   burrow-bench-rebuild DB MODEL [MIGRATION_OUT]
//       compare DB with MODEL, draft the migration (destructive changes allowed), write its
//       text to MIGRATION_OUT (if given), then parse it and run the up section on DB.
//       Prints `plan_s=… compare_s=… draft_s=… apply_s=… statements=…` on stdout (plan_s is
//       compare + draft: what `burrow-cli plan` does), then the 5 slowest statements.
//   burrow-bench-rebuild --plan-only N [WORK_DIR]
//       builds WORK_DIR/plan<N>.sqlite3 (N tables; cached) and WORK_DIR/plan<N>-model.sql (each
//       table with a changed column type), introspects and loads them, and times only
//       plan::planMigration. Prints `introspect_s=… load_model_s=… plan_s=… steps=…`.
//
// Exit status: 0 success, 2 failure (with the error on stderr).
#include "dialect/connection.h"
#include "dialect/sqlite/sqlite_dialect.h"
#include "dialect/sqlite/sqlite_lexer.h"
#include "dialect/sqlite/sqlite_renderer.h"
#include "diff/compare.h"
#include "migration/migration_file.h"
#include "migration/script_runner.h"
#include "model/model_files.h"
#include "plan/draft.h"
#include "plan/planner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlError>
#include <QTextStream>

#include <algorithm>

namespace {

using namespace burrow;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message)
{
    err() << "burrow-bench-rebuild: " << message << Qt::endl;
    return 2;
}

int fail(const Error &error)
{
    return fail(error.toString());
}

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

QString fixed(double value)
{
    return QString::number(value, 'f', 4);
}

Status writeText(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return Error{Error::Code::Unreadable, u"cannot write: " + file.errorString(), path};
    return Ok{};
}

// ------------------------------------------------------------------ plan + apply

/// What the product does: compare, draft (plan, plan back, lint, render), then apply the up
/// section of the drafted file the way a migration runner does.
int planAndApply(const QString &dbPath, const QString &modelPath, const QString &migrationOut)
{
    QElapsedTimer timer;
    timer.start();
    diff::CompareRequest request;
    request.database = u"sqlite:" + dbPath;
    request.models = {modelPath};
    Result<diff::Comparison> comparison = diff::compareWithModel(request);
    if (!comparison)
        return fail(comparison.error());
    const double compareS = seconds(timer);
    Result<plan::MigrationDraft> draft = plan::draftMigration(*comparison, {{}, true, {}});
    if (!draft)
        return fail(draft.error());
    const double planS = seconds(timer);
    if (draft->up.isEmpty())
        return fail(QStringLiteral("nothing to migrate: the model equals the database"));
    if (!migrationOut.isEmpty()) {
        if (Status written = writeText(migrationOut, draft->text); !written)
            return fail(written.error());
    }

    timer.restart();
    Result<migration::MigrationFile> file = migration::parseMigration(
        draft->text, QStringLiteral("migration.sql"), dialect::sqlite::lexerOptions());
    if (!file)
        return fail(file.error());
    const migration::Section &section = file->up;
    dialect::ScopedConnection connection(QStringLiteral("QSQLITE"));
    QSqlDatabase &db = connection.database();
    db.setDatabaseName(dbPath);
    if (!db.open())
        return fail(u"cannot open " + dbPath + u": " + db.lastError().text());
    if (section.transaction && !db.transaction())
        return fail(u"cannot begin: " + db.lastError().text());
    Result<QList<migration::StatementOutcome>> ran =
        migration::runStatements(db, section.statements);
    if (!ran) {
        if (section.transaction)
            db.rollback();
        else
            (void)dialect::runQuery(db, QStringLiteral("ROLLBACK")); // the section's own BEGIN
        return fail(ran.error());
    }
    if (section.transaction && !db.commit())
        return fail(u"cannot commit: " + db.lastError().text());
    const double applyS = seconds(timer);

    out() << "plan_s=" << fixed(planS) << " compare_s=" << fixed(compareS)
          << " draft_s=" << fixed(planS - compareS) << " apply_s=" << fixed(applyS)
          << " statements=" << section.statements.size()
          << " transaction=" << (section.transaction ? "yes" : "no") << Qt::endl;
    // The slowest statements, for spotting what dominates the apply.
    QList<migration::StatementOutcome> slowest = *ran;
    std::sort(slowest.begin(), slowest.end(),
              [](const auto &a, const auto &b) { return a.elapsedUs > b.elapsedUs; });
    for (qsizetype i = 0; i < std::min<qsizetype>(5, slowest.size()); ++i) {
        const migration::StatementOutcome &o = slowest.at(i);
        QString text = section.statements.at(o.index).text.simplified();
        if (text.size() > 100)
            text = text.left(97) + u"...";
        out() << "  " << fixed(double(o.elapsedUs) / 1e6) << " s  " << text << '\n';
    }
    out().flush();
    return 0;
}

// ------------------------------------------------------------------ planning only

QString tableName(int i)
{
    return u"t" + QString::number(i).rightJustified(5, u'0');
}

/// Table i's DDL; `changed` turns `ratio` from REAL into NUMERIC (a type change: a rebuild).
QStringList tableStatements(int i, bool changed)
{
    const QString name = tableName(i);
    const QString parent = tableName(std::max(i - 1, 0));
    const QString ratioType = changed ? QStringLiteral("NUMERIC") : QStringLiteral("REAL");
    return {u"CREATE TABLE " + name +
                u" (\n  id INTEGER PRIMARY KEY,\n  parent_id INTEGER REFERENCES " + parent +
                u"(id) ON DELETE CASCADE,\n  name TEXT NOT NULL,\n  qty INTEGER NOT NULL "
                u"DEFAULT 0,\n  ratio " +
                ratioType + u",\n  note TEXT\n)",
            u"CREATE INDEX ix_" + name + u"_parent ON " + name + u" (parent_id)",
            u"CREATE INDEX ix_" + name + u"_qty ON " + name + u" (qty, ratio)"};
}

Status buildLiveDatabase(const QString &path, int n)
{
    const QString tmp = path + u".tmp";
    QFile::remove(tmp);
    {
        dialect::ScopedConnection connection(QStringLiteral("QSQLITE"));
        QSqlDatabase &db = connection.database();
        db.setDatabaseName(tmp);
        if (!db.open())
            return Error{Error::Code::Sql, db.lastError().text(), tmp};
        for (const QString &pragma :
             {QStringLiteral("PRAGMA journal_mode=OFF"), QStringLiteral("PRAGMA synchronous=OFF"),
              QStringLiteral("BEGIN")}) {
            if (Result<QSqlQuery> q = dialect::runQuery(db, pragma); !q)
                return q.error();
        }
        for (int i = 0; i < n; ++i) {
            for (const QString &statement : tableStatements(i, false)) {
                if (Result<QSqlQuery> q = dialect::runQuery(db, statement); !q)
                    return q.error();
            }
        }
        if (Result<QSqlQuery> q = dialect::runQuery(db, QStringLiteral("COMMIT")); !q)
            return q.error();
    }
    QFile::remove(path);
    if (!QFile::rename(tmp, path))
        return Error{Error::Code::Unreadable, QStringLiteral("cannot rename"), tmp};
    return Ok{};
}

int planOnly(int n, const QString &workDir)
{
    if (!QDir().mkpath(workDir))
        return fail(u"cannot create " + workDir);
    const QString livePath =
        QDir(workDir).absoluteFilePath(u"plan" + QString::number(n) + u".sqlite3");
    const QString modelPath =
        QDir(workDir).absoluteFilePath(u"plan" + QString::number(n) + u"-model.sql");
    QElapsedTimer timer;
    timer.start();
    if (!QFileInfo::exists(livePath)) {
        if (Status built = buildLiveDatabase(livePath, n); !built)
            return fail(built.error());
    }
    QString modelText;
    for (int i = 0; i < n; ++i) {
        for (const QString &statement : tableStatements(i, true))
            modelText += statement + u";\n\n";
    }
    if (Status written = writeText(modelPath, modelText); !written)
        return fail(written.error());
    const double generateS = seconds(timer);

    dialect::sqlite::SqliteDialect sqlite;
    timer.restart();
    Result<schema::Schema> live = sqlite.introspect({dialect::Engine::SQLite, livePath});
    if (!live)
        return fail(live.error());
    const double introspectS = seconds(timer);

    timer.restart();
    Result<model::ModelScript> script = model::readModelFiles({modelPath}, sqlite.lexerOptions());
    if (!script)
        return fail(script.error());
    Result<schema::Schema> model = sqlite.loadModel(*script);
    if (!model)
        return fail(model.error());
    const double loadS = seconds(timer);

    const dialect::sqlite::SqliteRenderer renderer;
    timer.restart();
    Result<plan::MigrationPlan> planned =
        plan::planMigration(*live, *model, {true, {}, Qt::CaseInsensitive}, renderer);
    const double planS = seconds(timer);
    if (!planned)
        return fail(planned.error());
    qsizetype rebuilds = 0;
    for (const plan::PlanStep &step : planned->steps)
        rebuilds += step.needsRebuild ? 1 : 0;
    if (rebuilds != n)
        err() << "burrow-bench-rebuild: warning: expected " << n << " rebuilds, planned "
              << rebuilds << Qt::endl;

    out() << "tables=" << n << " generate_s=" << fixed(generateS)
          << " introspect_s=" << fixed(introspectS) << " load_model_s=" << fixed(loadS)
          << " plan_s=" << fixed(planS) << " steps=" << planned->steps.size()
          << " rebuilds=" << rebuilds << " changes=" << planned->changes.size() << Qt::endl;
    return 0;
}

int usage()
{
    err() << "usage: burrow-bench-rebuild DB MODEL [MIGRATION_OUT]\n"
             "       burrow-bench-rebuild --plan-only N [WORK_DIR]"
          << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == u"--plan-only") {
        bool ok = false;
        const int n = args.value(1).toInt(&ok);
        if (!ok || n < 1 || args.size() > 3)
            return usage();
        return planOnly(n, args.size() > 2 ? args.at(2) : QDir::tempPath());
    }
    if (args.size() < 2 || args.size() > 3)
        return usage();
    return planAndApply(QFileInfo(args.at(0)).absoluteFilePath(),
                        QFileInfo(args.at(1)).absoluteFilePath(), args.value(2));
}
