// Names that break naive quoting: reserved words, the engines' own quote characters, spaces,
// semicolons and comment markers, non-ASCII letters. Diff, plan, apply, backup and restore go
// through the real burrow-cli on every engine; the database converges on the model and no row
// is lost.
#include "server_support.h"
#include "test_support.h"

#include <QDir>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSelect = u"select"_s;              // a reserved word
const QString kQuote = u"a\"b"_s;                 // PostgreSQL's and SQLite's quote
const QString kBacktick = u"x`y"_s;               // MariaDB's quote
const QString kInjection = u"drop table t; --"_s; // a statement separator and a comment
const QString kUnicode = u"Ünïcode spaces"_s;
const QString kUnicodeColumn = u"Ünïcode col"_s;
const QString kFrom = u"from"_s;
const QString kIndex = u"idx; -- \"q\" `r`"_s;
const QString kReference = u"sel'ect id"_s;         // a string literal's quote
const QString kMarker = u"m\n-- migrate:down\nx"_s; // a migration file's section marker

class HostileIdentifiers : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.execEach({u"CREATE TABLE "_s + q(kSelect) + u" (id INTEGER PRIMARY KEY, " + q(kQuote) +
                         u" VARCHAR(40))",
                     u"INSERT INTO "_s + q(kSelect) + u" VALUES (1, 'one'), (2, 'two; -- ''2''')",
                     u"CREATE TABLE "_s + q(kUnicode) + u" (id INTEGER PRIMARY KEY, " +
                         q(kBacktick) + u" INTEGER)",
                     u"INSERT INTO "_s + q(kUnicode) + u" VALUES (1, 7)"});
        ASSERT_TRUE(QDir().mkpath(migrations()));
        model = dir.write(u"model.sql"_s, modelSql().toUtf8());
        before = state();
    }
    /// `name` quoted for the engine, its quote character doubled inside.
    QString q(const QString &name) const
    {
        const QChar quote = GetParam() == Backend::MariaDB ? u'`' : u'"';
        return quote + QString(name).replace(quote, QString(2, quote)) + quote;
    }
    QString modelSql() const
    {
        return u"CREATE TABLE "_s + q(kSelect) + u" (id INTEGER PRIMARY KEY, " + q(kQuote) +
               u" VARCHAR(40), " + q(kInjection) + u" VARCHAR(40));\n" + u"CREATE INDEX " +
               q(kIndex) + u" ON " + q(kSelect) + u" (" + q(kQuote) + u");\n" + u"CREATE TABLE " +
               q(kUnicode) + u" (id INTEGER PRIMARY KEY, " + q(kBacktick) + u" INTEGER, " +
               q(kUnicodeColumn) + u" VARCHAR(20));\n" + u"CREATE TABLE " + q(kFrom) +
               u" (id INTEGER PRIMARY KEY, " + q(kReference) + u" INTEGER REFERENCES " +
               q(kSelect) + u" (id), " + q(kBacktick) + u" VARCHAR(10));\n" + u"CREATE TABLE " +
               q(breakout()) + u" (id INTEGER PRIMARY KEY, " + q(kMarker) + u" INTEGER);\n";
    }
    /// A name that ends a `--` comment and drops a table of the database if it leaks into SQL.
    QString breakout() const { return u"evil\nDROP TABLE "_s + q(kUnicode) + u";\n--"; }
    QString migrations() const { return dir.path(u"migrations"_s); }
    CliRun diff() { return runCli({u"diff"_s, u"--db"_s, db.url(), u"--model"_s, model}); }
    /// The rows of both legacy tables, read through each hostile name.
    QStringList state()
    {
        return db.rows(u"SELECT id, "_s + q(kQuote) + u" FROM " + q(kSelect) + u" ORDER BY id") +
               db.rows(u"SELECT id, "_s + q(kBacktick) + u" FROM " + q(kUnicode) + u" ORDER BY id");
    }
    QStringList backupFolders() const
    {
        return QDir(migrations() + u"/backups"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }
    CliRun restoreFrom(const QString &folder)
    {
        return runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, folder, u"--yes"_s});
    }
    static std::string shown(const CliRun &run) { return QString(run.out + run.err).toStdString(); }

    TestDatabase db{GetParam()};
    TempDir dir;
    QString model;
    QStringList before;
};

TEST_P(HostileIdentifiers, diff_plan_and_apply_converge_and_keep_the_rows)
{
    const CliRun differences = diff();
    ASSERT_EQ(differences.exitCode, 1) << shown(differences);
    EXPECT_TRUE(differences.out.contains(kInjection)) << shown(differences);
    EXPECT_TRUE(differences.out.contains(kUnicodeColumn)) << shown(differences);

    const CliRun plan = runCli({u"plan"_s, u"--db"_s, db.url(), u"--model"_s, model,
                                u"--migrations"_s, migrations(), u"--name"_s, u"hostile"_s});
    ASSERT_EQ(plan.exitCode, 0) << shown(plan);
    const CliRun applied = runCli(
        {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--model"_s, model});
    ASSERT_EQ(applied.exitCode, 0) << shown(applied);
    EXPECT_TRUE(applied.out.contains(u"No differences remain"_s)) << shown(applied);

    const CliRun converged = diff();
    EXPECT_EQ(converged.exitCode, 0) << shown(converged);
    EXPECT_EQ(state(), before) << "rows were lost or changed";
    db.execEach({u"INSERT INTO "_s + q(kFrom) + u" VALUES (1, 2, 'z')"});
    EXPECT_EQ(db.rows(u"SELECT "_s + q(kReference) + u", " + q(kBacktick) + u" FROM " + q(kFrom)),
              QStringList{u"2|z"_s});

    // The backup apply took brings back the database before the migration.
    ASSERT_EQ(backupFolders().size(), 1);
    const CliRun restored = restoreFrom(migrations() + u"/backups/"_s + backupFolders().first());
    ASSERT_EQ(restored.exitCode, 0) << shown(restored);
    EXPECT_EQ(state(), before);
    const CliRun again = diff();
    EXPECT_EQ(again.exitCode, 1) << "the restore kept the migration's changes: " << shown(again);
}

TEST_P(HostileIdentifiers, standalone_backup_and_restore_round_trip_the_rows)
{
    const QString out = dir.path(u"snapshot"_s);
    const CliRun backedUp = runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, out});
    ASSERT_EQ(backedUp.exitCode, 0) << shown(backedUp);
    db.execEach(
        {u"DELETE FROM "_s + q(kSelect) + u" WHERE id = 2", u"DROP TABLE "_s + q(kUnicode)});
    const CliRun restored = restoreFrom(out);
    ASSERT_EQ(restored.exitCode, 0) << shown(restored);
    EXPECT_EQ(state(), before);
}

INSTANTIATE_TEST_SUITE_P(Engines, HostileIdentifiers, allBackends(), backendParamName);

} // namespace
