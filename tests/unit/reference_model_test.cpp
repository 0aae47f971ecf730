// A reference database as the model (`--model URL` of a golden copy): diff, plan and apply's
// verification compare live to live, on every engine; another engine's URL is one clear error.
#include "qt_printing.h"
#include "server_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList kGolden{
    u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)"_s,
    u"CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL, "
    u"author_id INTEGER REFERENCES author (id), price NUMERIC(8, 2))"_s,
    u"CREATE INDEX book_title ON book (title)"_s};
const QStringList kLegacy{
    u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)"_s,
    u"CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL)"_s,
    u"INSERT INTO book (id, title) VALUES (1, 'Dune')"_s};

class ReferenceModel : public ::testing::TestWithParam<Backend> {};

TEST_P(ReferenceModel, legacy_database_is_planned_and_applied_to_match_the_golden_copy)
{
    TestDatabase golden(GetParam());
    TestDatabase legacy(GetParam());
    BURROW_REQUIRE_BACKEND(golden);
    golden.execEach(kGolden);
    legacy.execEach(kLegacy);
    const QStringList goldenColumns = golden.columnNames();
    TempDir dir;
    const QString migrations = dir.path(u"migrations"_s);

    const CliRun before = runCli({u"diff"_s, u"--db"_s, legacy.url(), u"--model"_s, golden.url()});
    EXPECT_EQ(before.exitCode, 1) << before.out.toStdString() << before.err.toStdString();
    EXPECT_TRUE(before.out.contains(u"+ column author_id")) << before.out.toStdString();
    EXPECT_TRUE(before.out.contains(u"+ index book_title")) << before.out.toStdString();

    const CliRun plan = runCli({u"plan"_s, u"--db"_s, legacy.url(), u"--model"_s, golden.url(),
                                u"--migrations"_s, migrations});
    ASSERT_EQ(plan.exitCode, 0) << plan.err.toStdString();
    const CliRun apply = runCli({u"apply"_s, u"--db"_s, legacy.url(), u"--model"_s, golden.url(),
                                 u"--migrations"_s, migrations, u"--no-backup"_s});
    ASSERT_EQ(apply.exitCode, 0) << apply.err.toStdString() << apply.out.toStdString();
    EXPECT_TRUE(apply.out.contains(u"No differences remain")) << apply.out.toStdString();

    const CliRun after = runCli({u"diff"_s, u"--db"_s, legacy.url(), u"--model"_s, golden.url()});
    EXPECT_EQ(after.exitCode, 0) << after.out.toStdString() << after.err.toStdString();
    EXPECT_EQ(legacy.rows(u"SELECT title FROM book"_s), QStringList{u"Dune"_s});
    EXPECT_EQ(golden.columnNames(), goldenColumns); // the reference is only read
}

INSTANTIATE_TEST_SUITE_P(Engines, ReferenceModel, allBackends(), backendParamName);

TEST(ReferenceModelErrors, a_reference_database_of_another_engine_is_one_clear_line)
{
    TestDatabase live(Backend::SQLite);
    live.execEach(kLegacy);
    const CliRun run = runCli({u"diff"_s, u"--db"_s, live.url(), u"--model"_s,
                               u"postgresql://someone@localhost/golden"_s});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.trimmed(),
              u"burrow-cli: error: postgresql://someone@localhost/golden: the reference database "
              u"is PostgreSQL, the database to compare is SQLite; compare with a reference "
              u"database of the same engine, or with model definitions"_s);
}

TEST(ReferenceModelErrors, a_reference_database_mixed_with_model_files_is_refused)
{
    TestDatabase live(Backend::SQLite);
    live.execEach(kLegacy);
    TempDir dir;
    const QString model = dir.write(u"model.sql"_s, "CREATE TABLE t (id INTEGER);");
    const CliRun run =
        runCli({u"diff"_s, u"--db"_s, live.url(), u"--model"_s, model, u"--model"_s, live.url()});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(u"a reference database cannot be combined with other model "
                                 u"sources"))
        << run.err.toStdString();
}

} // namespace
