// Differences left out of a migration (the workbench's unchecked rows) keep their live state on
// every engine: constraints included, whether the table is rebuilt (SQLite) or altered.
#include "diff/compare.h"
#include "plan/draft.h"
#include "server_support.h"
#include "test_support.h"

#include <QDir>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kModel = "CREATE TABLE book (id INTEGER PRIMARY KEY, pages INTEGER,\n"
                          "  note VARCHAR(20),\n"
                          "  CONSTRAINT pages_positive CHECK (pages > 1),\n"
                          "  CONSTRAINT note_short CHECK (note <> ''));\n";

class BackendSkip : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE TABLE book (id INTEGER PRIMARY KEY, pages INTEGER, "
                u"CONSTRAINT pages_positive CHECK (pages > 0), "
                u"CONSTRAINT id_positive CHECK (id > 0));"
                u"INSERT INTO book (id, pages) VALUES (1, 1)"_s);
        ASSERT_TRUE(QDir().mkpath(dir.path(u"migrations"_s)));
    }
    Result<diff::Comparison> compare()
    {
        diff::CompareRequest request;
        request.database = db.url();
        request.models = {dir.write(u"model.sql"_s, kModel)};
        return diff::compareWithModel(request);
    }
    /// The kinds and names of `changes`, sorted: what a test compares.
    static QStringList shown(const QList<diff::Change> &changes)
    {
        QStringList out;
        for (const diff::Change &c : changes)
            out.append(diff::kindName(c) + u' ' + c.name);
        out.sort();
        return out;
    }

    TestDatabase db{GetParam()};
    TempDir dir;
};

TEST_P(BackendSkip, checks_left_out_stay_as_they_are_and_the_rest_is_applied)
{
    Result<diff::Comparison> before = compare();
    ASSERT_TRUE(before) << before.error().toString().toStdString();
    plan::DraftRequest request;
    for (const diff::Change &c : before->changes) {
        if (c.object == diff::ObjectKind::Check)
            request.skip.append(c); // one changed, one added, one dropped
    }
    ASSERT_EQ(request.skip.size(), 3) << shown(before->changes).join(u", ").toStdString();
    Result<plan::MigrationDraft> draft = plan::draftMigration(*before, request);
    ASSERT_TRUE(draft) << draft.error().toString().toStdString();
    dir.write(u"migrations/0001_note.sql"_s, draft->text.toUtf8());
    const CliRun applied = runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s,
                                   dir.path(u"migrations"_s), u"--no-backup"_s});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString() << draft->text.toStdString();

    Result<diff::Comparison> after = compare();
    ASSERT_TRUE(after) << after.error().toString().toStdString();
    EXPECT_EQ(shown(after->changes), shown(request.skip)) << draft->text.toStdString();
    db.exec(u"INSERT INTO book (id, pages, note) VALUES (2, 1, '')"_s); // pages > 1, note_short
    EXPECT_FALSE(db.tryExec(u"UPDATE book SET pages = 0 WHERE id = 2"_s)) << "pages > 0 kept";
    EXPECT_FALSE(db.tryExec(u"INSERT INTO book (id, pages) VALUES (-1, 5)"_s)) << "id > 0 kept";
}

INSTANTIATE_TEST_SUITE_P(Engines, BackendSkip, allBackends(), backendParamName);

} // namespace
