// sqldef's SQLite migration cases (a peer's tests, MIT; see shared/conformance/README.md) run
// through Burrow in both directions. A run passes when the database built from the source DDL and
// migrated by Burrow (destructive changes allowed, the target DDL as the model) matches the
// database SQLite builds from the target DDL, and a second diff finds nothing left to do.
// tests/conformance/sqldef_cases.py turns the YAML cases and the manifest into JSON; without the
// shared folder or python3-yaml the runs are skipped.
#include "diff/differ.h"
#include "diff/ignore_rules.h"
#include "plan_support.h"
#include "qt_printing.h"
#include "test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QVersionNumber>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <iostream>
#include <sqlite3.h>

using namespace burrow;

namespace {

/// One direction of one case, named as the manifest names it ("tests.yml:RenameTable:fwd").
struct SqldefRun {
    QString id;
    QString testName;   // id reduced to [A-Za-z0-9_], for ctest
    QByteArray source;  // DDL of the live database
    QByteArray target;  // DDL of the model and of the expected database
    QString skipReason; // not a required run: why
    QString error;      // the run cannot even be set up: why (the test fails)
};

void PrintTo(const SqldefRun &run, std::ostream *out)
{
    *out << run.id.toStdString();
}

/// Every run the manifest lists, or why there are none.
struct SqldefCatalog {
    QList<SqldefRun> runs;
    QString unavailable; // the cases or python3-yaml are absent: skip
    QString broken;      // they are present but unusable: fail
};

// ---- Loading the cases ----------------------------------------------------------------------

QString sharedDir()
{
    const QString fromEnvironment = qEnvironmentVariable("BURROW_SHARED_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir::cleanPath(QStringLiteral(BURROW_TEST_DATA "/../../../shared"));
}

QString converterScript()
{
    return QDir::cleanPath(QStringLiteral(BURROW_TEST_DATA "/../conformance/sqldef_cases.py"));
}

/// Runs the converter; fills `catalog.unavailable` or `catalog.broken` when it gives nothing.
QJsonObject runConverter(SqldefCatalog &catalog)
{
    const QString shared = sharedDir();
    const QString python = QStringLiteral("/usr/bin/python3");
    if (!QFileInfo::exists(shared + u"/conformance/sqldef/MANIFEST_sqlite.json")) {
        catalog.unavailable = u"sqldef cases not found under " + shared +
                              u" (set BURROW_SHARED_DIR to the shared folder)";
        return {};
    }
    if (!QFileInfo(python).isExecutable()) {
        catalog.unavailable = python + u" not found (Debian's python3 with python3-yaml)";
        return {};
    }
    QProcess process;
    process.start(python, {converterScript(), shared});
    const bool finished = process.waitForFinished(60000);
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 3) {
        catalog.unavailable = err + u" (apt-get install python3-yaml)";
        return {};
    }
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        catalog.broken = u"sqldef_cases.py failed: " + err;
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    if (!document.isObject())
        catalog.broken = u"sqldef_cases.py printed no JSON object: " + parseError.errorString();
    return document.object();
}

/// The cases by "file:name".
QHash<QString, QJsonObject> casesById(const QJsonArray &cases)
{
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &value : cases) {
        const QJsonObject c = value.toObject();
        byId.insert(c.value(u"file").toString() + u':' + c.value(u"name").toString(), c);
    }
    return byId;
}

/// The manifest's `why` of the entry naming `id` ("file:case:dir" or "file:case:*"), if any.
QString manifestReason(const QJsonArray &entries, const QString &id)
{
    const QString anyDirection = id.section(u':', 0, 1) + u":*";
    for (const QJsonValue &value : entries) {
        const QString entry = value.toObject().value(u"case").toString();
        if (entry == id || entry == anyDirection)
            return value.toObject().value(u"why").toString();
    }
    return {};
}

bool isSet(const QJsonValue &value)
{
    return !(value.isUndefined() || value.isNull() || value == QJsonValue(false) ||
             value == QJsonValue(QString()));
}

/// Why Burrow cannot take the case as written (sqldef options it has no counterpart for).
QString gateReason(const QJsonObject &c)
{
    if (c.value(u"enable_drop") == QJsonValue(false))
        return QStringLiteral("enable_drop: false (drops suppressed)");
    for (const char *key : {"error", "config", "offline", "user", "manage", "managed_roles"}) {
        if (isSet(c.value(QLatin1StringView(key))))
            return QStringLiteral("uses `%1`, which Burrow does not support")
                .arg(QLatin1StringView(key));
    }
    const QVersionNumber engine =
        QVersionNumber::fromString(QLatin1StringView(sqlite3_libversion()));
    const QString minimum = c.value(u"min_version").toString();
    const QString maximum = c.value(u"max_version").toString();
    if (!minimum.isEmpty() && engine < QVersionNumber::fromString(minimum))
        return u"needs SQLite " + minimum;
    if (!maximum.isEmpty() && engine > QVersionNumber::fromString(maximum))
        return u"needs SQLite up to " + maximum;
    return {};
}

QString testNameFor(const QString &id)
{
    QString name = id;
    name.remove(QStringLiteral(".yml"));
    return name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), QStringLiteral("_"));
}

SqldefRun makeRun(const QString &id, const QHash<QString, QJsonObject> &cases,
                  const QJsonArray &suspect)
{
    SqldefRun run{id, testNameFor(id), {}, {}, manifestReason(suspect, id), {}};
    const auto c = cases.constFind(id.section(u':', 0, 1));
    if (c == cases.cend()) {
        run.error = u"the manifest lists " + id + u", which no YAML file defines";
        return run;
    }
    if (run.skipReason.isEmpty())
        run.skipReason = gateReason(*c);
    else
        run.skipReason = u"suspect in the manifest: " + run.skipReason;
    const QByteArray current = c->value(u"current").toString().toUtf8();
    const QByteArray desired = c->value(u"desired").toString().toUtf8();
    const bool forward = id.endsWith(u":fwd");
    if (!forward && !id.endsWith(u":rev"))
        run.error = u"unknown direction in " + id;
    run.source = forward ? current : desired;
    run.target = forward ? desired : current;
    return run;
}

SqldefCatalog loadCatalog()
{
    SqldefCatalog catalog;
    const QJsonObject document = runConverter(catalog);
    if (document.isEmpty())
        return catalog;
    const QJsonObject manifest = document.value(u"manifest").toObject();
    const QJsonArray required = manifest.value(u"buildable_with_migrator").toArray();
    if (required.isEmpty())
        catalog.broken = QStringLiteral("the manifest lists no buildable_with_migrator runs");
    const QHash<QString, QJsonObject> cases = casesById(document.value(u"cases").toArray());
    const QJsonArray suspect = manifest.value(u"suspect").toArray();
    for (const QJsonValue &id : required)
        catalog.runs.append(makeRun(id.toString(), cases, suspect));
    return catalog;
}

const SqldefCatalog &catalog()
{
    static const SqldefCatalog loaded = loadCatalog();
    return loaded;
}

/// Whether --gtest_filter lists exact test names (ctest runs one test per process) and none of
/// ours: then loading the cases would only cost time.
bool filterLeavesUsOut()
{
    const std::string filter = GTEST_FLAG_GET(filter);
    return filter.find_first_of("*?-") == std::string::npos &&
           filter.find("SqldefConformance") == std::string::npos;
}

/// The test values: every run, or one placeholder saying why there are none.
QList<SqldefRun> runsToInstantiate()
{
    if (filterLeavesUsOut())
        return {
            SqldefRun{{}, QStringLiteral("not_selected"), {}, {}, QStringLiteral("filtered"), {}}};
    const SqldefCatalog &c = catalog();
    if (!c.unavailable.isEmpty())
        return {SqldefRun{{}, QStringLiteral("cases_unavailable"), {}, {}, c.unavailable, {}}};
    if (!c.broken.isEmpty())
        return {SqldefRun{{}, QStringLiteral("cases_unreadable"), {}, {}, {}, c.broken}};
    return c.runs;
}

// ---- Running one ----------------------------------------------------------------------------

/// Whether a run converged, and everything needed to see why not.
struct Outcome {
    bool passed = false;
    QString report;
};

/// Labelled sections of a failure message.
class Report {
public:
    explicit Report(const QString &prefix = {})
        : m_prefix(prefix)
    {
    }
    void add(const QString &title, const QString &body)
    {
        m_text += u"\n== " + m_prefix + title + u'\n' +
                  (body.trimmed().isEmpty() ? QStringLiteral("(empty)") : body);
        if (!m_text.endsWith(u'\n'))
            m_text += u'\n';
    }
    /// Records why the run stopped; always false, to return.
    bool fail(const QString &why)
    {
        add(QStringLiteral("error"), why);
        return false;
    }
    void append(const Report &other) { m_text += other.m_text; }
    QString text() const { return m_text; }

private:
    QString m_prefix;
    QString m_text;
};

schema::Schema comparable(const schema::Schema &schema)
{
    const QStringList globs{QStringLiteral("sqlite_*"), diff::IgnoreRules::historyTable()};
    return diff::IgnoreRules(globs, Qt::CaseInsensitive).apply(schema);
}

QString differences(const schema::Schema &actual, const schema::Schema &expected)
{
    QStringList lines;
    for (const diff::Change &c : diff::diffSchemas(comparable(actual), comparable(expected)))
        lines.append(diff::kindName(c) + u' ' + c.table + u'.' + c.name + u": " + c.detail);
    return lines.join(u'\n');
}

/// What Burrow is given as the model: the target DDL, or a stand-in for it.
struct ModelInput {
    QString tag; // prefixes the files of this attempt
    QByteArray sql;
    QStringList ignore;
};

/// A table only the stand-in model has, ignored on both sides: Burrow refuses a model that
/// defines nothing, so an empty target is approximated by this one to see the rest of the path.
QString sentinelTable()
{
    return QStringLiteral("burrow_conformance_sentinel");
}

/// Burrow migrates a database built from the source DDL to `input`; the result must match the
/// database at `expectedDb`, and a second diff must find nothing.
bool converge(const SqldefRun &run, const ModelInput &input, const QString &expectedDb,
              const test::TempDir &dir, Report &report)
{
    const QString actualDb = dir.path(input.tag + u"-actual.sqlite3");
    test::createDatabase(actualDb, run.source);
    const QString model = dir.write(input.tag + u"-model.sql", input.sql);
    const plan::DraftRequest destructive{{}, /*allowDestructive*/ true, {}};
    const auto draft = test::draftFor(actualDb, model, destructive, input.ignore);
    if (!draft)
        return report.fail(u"Burrow could not draft: " + draft.error().toString());
    report.add(QStringLiteral("migration Burrow wrote"), draft->text);
    const Status applied = test::applySection(actualDb, draft->text);
    if (!applied)
        return report.fail(u"applying the up section failed: " + applied.error().toString());
    const QString diffs =
        differences(test::introspectFile(actualDb), test::introspectFile(expectedDb));
    if (!diffs.isEmpty())
        report.add(QStringLiteral("differences: migrated database vs SQLite's build of the target"),
                   diffs);
    const auto again = test::draftFor(actualDb, model, destructive, input.ignore);
    if (!again)
        return report.fail(u"the second diff could not draft: " + again.error().toString());
    if (!again->up.isEmpty())
        report.add(QStringLiteral("second diff is not empty; it drafts"), again->text);
    return diffs.isEmpty() && again->up.isEmpty();
}

/// The run proper, and when Burrow refuses its empty target, the same run with the sentinel
/// model, so the failure message tells whether the rest of the path would converge.
bool migrate(const SqldefRun &run, const test::TempDir &dir, Report &report)
{
    const QString expectedDb = dir.path(QStringLiteral("expected.sqlite3"));
    test::createDatabase(expectedDb, run.target);
    if (converge(run, {QStringLiteral("run"), run.target, {}}, expectedDb, dir, report))
        return true;
    if (!run.target.trimmed().isEmpty())
        return false;
    Report probe(QStringLiteral("probe: "));
    const ModelInput sentinel{QStringLiteral("probe"),
                              "CREATE TABLE " + sentinelTable().toUtf8() + " (a);",
                              {sentinelTable()}};
    const bool probed = converge(run, sentinel, expectedDb, dir, probe);
    report.add(QStringLiteral("probe: the same run, the model only an ignored sentinel table"),
               probed ? QStringLiteral("converges") : QStringLiteral("does not converge"));
    report.append(probe);
    return false;
}

/// Runs `run`, catching the helpers' own assertion failures into the outcome.
Outcome evaluate(const SqldefRun &run)
{
    Report report;
    report.add(QStringLiteral("source DDL (live database)"), QString::fromUtf8(run.source));
    report.add(QStringLiteral("target DDL (model)"), QString::fromUtf8(run.target));
    ::testing::TestPartResultArray helperFailures;
    bool passed = false;
    {
        const ::testing::ScopedFakeTestPartResultReporter intercept(
            ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD,
            &helperFailures);
        const test::TempDir dir;
        passed = migrate(run, dir, report);
    }
    for (int i = 0; i < helperFailures.size(); ++i) {
        const ::testing::TestPartResult &failure = helperFailures.GetTestPartResult(i);
        if (failure.failed()) {
            passed = false;
            report.add(QStringLiteral("setup failure"), QString::fromUtf8(failure.message()));
        }
    }
    return {passed, u"sqldef run " + run.id + u'\n' + report.text()};
}

/// Each run is evaluated once per process, whether its own test or the summary asks first.
const Outcome &outcomeOf(const SqldefRun &run)
{
    static QHash<QString, Outcome> cache;
    auto it = cache.find(run.id);
    if (it == cache.end())
        it = cache.insert(run.id, evaluate(run));
    return *it;
}

// ---- Tests ----------------------------------------------------------------------------------

class SqldefConformance : public ::testing::TestWithParam<SqldefRun> {};

TEST_P(SqldefConformance, migrated_database_matches_the_engines_build_of_the_target)
{
    const SqldefRun &run = GetParam();
    if (!run.error.isEmpty())
        FAIL() << run.error.toStdString();
    if (!run.skipReason.isEmpty())
        GTEST_SKIP() << run.skipReason.toStdString();
    const Outcome &outcome = outcomeOf(run);
    EXPECT_TRUE(outcome.passed) << outcome.report.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SqldefConformance, ::testing::ValuesIn(runsToInstantiate()),
                         [](const auto &param) { return param.param.testName.toStdString(); });

/// Prints the pass rate; each failing run fails its own test above, this one only reports.
TEST(SqldefConformanceSummary, prints_the_pass_rate_of_required_runs)
{
    const SqldefCatalog &c = catalog();
    if (!c.unavailable.isEmpty())
        GTEST_SKIP() << c.unavailable.toStdString();
    ASSERT_TRUE(c.broken.isEmpty()) << c.broken.toStdString();
    int required = 0;
    QStringList failing, skipped;
    for (const SqldefRun &run : c.runs) {
        if (!run.skipReason.isEmpty() && run.error.isEmpty()) {
            skipped.append(run.id + u": " + run.skipReason);
            continue;
        }
        ++required;
        if (!run.error.isEmpty() || !outcomeOf(run).passed)
            failing.append(run.id);
    }
    const int passed = required - int(failing.size());
    std::cout << "sqldef SQLite conformance: " << passed << '/' << required
              << " required runs pass\n";
    for (const QString &id : failing)
        std::cout << "  FAILED  " << id.toStdString() << '\n';
    for (const QString &line : skipped)
        std::cout << "  skipped " << line.toStdString() << '\n';
    RecordProperty("passed", passed);
    RecordProperty("required", required);
}

} // namespace
