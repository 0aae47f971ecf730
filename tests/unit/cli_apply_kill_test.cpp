// kill -9 of burrow-cli apply at random moments of a long table rebuild: every time, the
// database is exactly the old or the new state, and the history says which.
#include "process_support.h"

#include <QElapsedTimer>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <numeric>
#include <random>
#include <thread>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kKills = 20;
constexpr int kParents = 200000;
constexpr unsigned kDefaultSeed = 20240611;

/// The seed of the kill moments: BURROW_KILL_SEED reproduces a printed run.
unsigned killSeed()
{
    bool ok = false;
    const unsigned seed = qEnvironmentVariable("BURROW_KILL_SEED").toUInt(&ok);
    return ok ? seed : kDefaultSeed;
}

/// Where the apply was when it died, from what it had printed.
enum class Phase { BeforeMigration, InMigration, AfterCommit, Finished };

const char *phaseName(Phase phase)
{
    switch (phase) {
    case Phase::BeforeMigration:
        return "before the migration (backup)";
    case Phase::InMigration:
        return "inside the rebuild";
    case Phase::AfterCommit:
        return "after the commit (backup after)";
    case Phase::Finished:
        return "finished before the kill";
    }
    return "?";
}

Phase phaseOf(const CliRun &run)
{
    if (run.exitCode == 0)
        return Phase::Finished;
    if (run.err.contains(u"  done in"))
        return Phase::AfterCommit;
    return run.err.contains(u"applying ") ? Phase::InMigration : Phase::BeforeMigration;
}

/// What the CLI prints on stderr as a phase begins; the first phase begins with the process.
QString markerOf(Phase phase)
{
    switch (phase) {
    case Phase::InMigration:
        return QStringLiteral("applying ");
    case Phase::AfterCommit:
        return QStringLiteral("  done in");
    default:
        return {};
    }
}

/// How long each phase of a whole apply took.
struct ApplyTiming {
    qint64 backupMs = 0, migrationMs = 0, afterMs = 0;
    qint64 totalMs() const { return backupMs + migrationMs + afterMs; }
};

/// A kill moment: so long after its phase began.
struct KillMoment {
    Phase phase = Phase::BeforeMigration;
    std::chrono::microseconds offset{0};
};

/// One kill moment in each twentieth of the apply, in random order: uniform over the apply, yet
/// no stretch of it (the rebuild is a fraction) goes without kills by bad luck. Each moment is
/// anchored at the start of its phase, so that a slower run on a busy machine (tests run two at
/// a time) still kills inside the phase it drew instead of drifting into the next one.
std::vector<KillMoment> killMoments(unsigned seed, const ApplyTiming &timing)
{
    std::mt19937 rng(seed);
    std::vector<int> strata(kKills);
    std::iota(strata.begin(), strata.end(), 0);
    std::shuffle(strata.begin(), strata.end(), rng);
    std::uniform_real_distribution<double> within(0.0, 1.0);
    std::vector<KillMoment> moments;
    for (int stratum : strata) {
        double ms = (stratum + within(rng)) * double(timing.totalMs()) / kKills;
        KillMoment moment;
        if (ms >= timing.backupMs) {
            ms -= double(timing.backupMs);
            moment.phase = Phase::InMigration;
            if (ms >= timing.migrationMs) {
                ms -= double(timing.migrationMs);
                moment.phase = Phase::AfterCommit;
            }
        }
        moment.offset = std::chrono::microseconds(qint64(ms * 1000.0));
        moments.push_back(moment);
    }
    return moments;
}

class ReliabilityKill : public ::testing::Test {
protected:
    void SetUp() override
    {
        createLargeDatabase(oldDb, kParents);
        planLargeRebuild(dir, oldDb, migrationsOf(u"plan"_s));
        oldState = databaseState(oldDb);
    }
    QString migrationsOf(const QString &run) const { return dir.path(run + u"/migrations"_s); }
    /// A fresh copy of the old database with the migration beside it, in its own folder.
    QString freshCopy(const QString &run) const
    {
        return copyForApply(oldDb, migrationsOf(u"plan"_s) + u'/' + kLargeRebuildFile,
                            dir.path(run));
    }
    /// Exactly the old or the new state, sound, with the history agreeing; which one.
    bool isOld(const QString &db, const std::string &context) const
    {
        EXPECT_EQ(integrityCheck(db), u"ok"_s) << context;
        EXPECT_EQ(foreignKeyViolations(db), QStringList{}) << context;
        const DatabaseState state = databaseState(db);
        const bool old = state == oldState;
        EXPECT_TRUE(old || state == newState) << context << ": neither old nor new; it is\n"
                                              << state.describe() << "old:\n"
                                              << oldState.describe() << "new:\n"
                                              << newState.describe();
        EXPECT_EQ(historyRows(db), old ? QStringList{} : QStringList{u"0001:applied"_s})
            << context << (old ? ": old state" : ": new state");
        return old;
    }

    /// Applies the migration to a fresh copy in folder `run`, checking that it succeeds.
    ApplyTiming applyToCompletion(const QString &run) const
    {
        const QString copy = freshCopy(run);
        QElapsedTimer timer;
        timer.start();
        CliProcess apply(applyArguments(copy, migrationsOf(run)));
        EXPECT_TRUE(apply.waitForError(markerOf(Phase::InMigration), 120000));
        const qint64 migrationStart = timer.elapsed();
        EXPECT_TRUE(apply.waitForError(markerOf(Phase::AfterCommit), 120000));
        const qint64 commit = timer.elapsed();
        const CliRun completed = apply.finish();
        const qint64 total = timer.elapsed();
        EXPECT_EQ(completed.exitCode, 0) << completed.err.toStdString();
        EXPECT_EQ(historyRows(copy), QStringList{u"0001:applied"_s});
        return {migrationStart, commit - migrationStart, total - commit};
    }

    /// Applies to a fresh copy in folder `run`, kills it at `moment`, and tells where it was then.
    Phase killedAt(const QString &run, const KillMoment &moment) const
    {
        const QString copy = freshCopy(run);
        CliProcess apply(applyArguments(copy, migrationsOf(run)));
        const QString marker = markerOf(moment.phase);
        if (!marker.isEmpty())
            (void)apply.waitForError(marker, 120000); // false only when it ended first
        std::this_thread::sleep_for(moment.offset);
        apply.signal(SIGKILL);
        return phaseOf(apply.finish());
    }

    TempDir dir;
    QString oldDb = dir.path(u"old.sqlite3"_s);
    DatabaseState oldState, newState;
};

TEST_F(ReliabilityKill, kill_9_at_20_random_moments_leaves_the_old_or_the_new_state)
{
    // The new state, and how long a whole apply (backups included) takes here: the faster of
    // two runs, as the first one also warms the caches.
    const ApplyTiming first = applyToCompletion(u"reference"_s);
    const ApplyTiming second = applyToCompletion(u"reference2"_s);
    const ApplyTiming timing = first.totalMs() <= second.totalMs() ? first : second;
    newState = databaseState(dir.path(u"reference/app.sqlite3"_s));
    ASSERT_NE(newState, oldState);
    ASSERT_EQ(databaseState(dir.path(u"reference2/app.sqlite3"_s)), newState);
    const unsigned seed = killSeed();
    std::cout << "[ kill -9  ] apply takes " << timing.totalMs() << " ms (runs of "
              << first.totalMs() << " and " << second.totalMs() << " ms): backup "
              << timing.backupMs << " ms, migration " << timing.migrationMs << " ms, after it "
              << timing.afterMs << " ms; seed " << seed << " (BURROW_KILL_SEED=" << seed
              << " reproduces)" << std::endl;

    const std::vector<KillMoment> moments = killMoments(seed, timing);
    QMap<Phase, int> phases;
    int oldStates = 0, newStates = 0;
    const QString lastRun = u"kill"_s + QString::number(kKills - 1);
    for (int i = 0; i < kKills; ++i) {
        const QString run = u"kill"_s + QString::number(i);
        const Phase phase = killedAt(run, moments[i]);
        ++phases[phase];
        const std::string context = "kill " + std::to_string(i) + " drawn " +
                                    std::to_string(moments[i].offset.count() / 1000) + " ms " +
                                    phaseName(moments[i].phase);
        const bool old = isOld(dir.path(run + u"/app.sqlite3"_s), context);
        (old ? oldStates : newStates)++;
        std::cout << "[ kill -9  ] " << context << ", died " << phaseName(phase) << ": "
                  << (old ? "old" : "new") << " state" << std::endl;
        if (run != lastRun)
            QDir(dir.path(run)).removeRecursively();
    }
    std::cout << "[ kill -9  ] " << oldStates << " old, " << newStates << " new; "
              << phases.value(Phase::BeforeMigration) << " before the migration, "
              << phases.value(Phase::InMigration) << " inside the rebuild, "
              << phases.value(Phase::AfterCommit) << " after its commit, "
              << phases.value(Phase::Finished) << " after the end" << std::endl;
    EXPECT_GE(oldStates, 1) << "no kill left the old state: the kill moments miss the apply";
    EXPECT_GE(newStates, 1) << "no kill left the new state: the kill moments miss the apply";
    EXPECT_GE(phases.value(Phase::InMigration), 1) << "no kill landed inside the rebuild";

    // The last killed apply left its lock file behind; a new apply takes it over and finishes.
    const QString db = dir.path(lastRun + u"/app.sqlite3"_s);
    std::cout << "[ kill -9  ] lock file of the dead process left: " << std::boolalpha
              << QFileInfo::exists(db + u".burrow-lock"_s) << std::endl;
    const CliRun again = runCli(applyArguments(db, migrationsOf(lastRun)));
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(databaseState(db), newState);
    EXPECT_EQ(historyRows(db), QStringList{u"0001:applied"_s});
    EXPECT_EQ(integrityCheck(db), u"ok"_s);
}

} // namespace
