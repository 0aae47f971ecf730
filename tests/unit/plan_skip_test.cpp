// The GUI's unchecked differences: the plan keeps them as they are and still converges on the rest.
#include "plan_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kLive = "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);\n"
                         "CREATE TABLE legacy (payload BLOB);\n"
                         "INSERT INTO legacy VALUES (x'01');\n";
const QByteArray kModel = "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT, price REAL);\n"
                          "CREATE INDEX book_title ON book (title);\n";

class PlanSkip : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::createDatabase(database, kLive);
        model = dir.write(u"model.sql"_s, kModel);
    }
    /// The differences of a draft that skips nothing, by kind.
    diff::Change changeOfKind(const QString &kind)
    {
        Result<plan::MigrationDraft> all = test::draftFor(database, model, {{}, true});
        for (const diff::Change &c : all->up.changes) {
            if (diff::kindName(c) == kind)
                return c;
        }
        ADD_FAILURE() << "no " << kind.toStdString();
        return {};
    }

    test::TempDir dir;
    QString database = dir.path(u"app.sqlite3"_s);
    QString model;
};

TEST_F(PlanSkip, skipped_differences_stay_as_they_are_and_the_rest_is_applied)
{
    plan::DraftRequest request{{}, true};
    request.skip = {changeOfKind(u"table_removed"_s), changeOfKind(u"column_added"_s)};
    Result<plan::MigrationDraft> draft = test::draftFor(database, model, request);
    ASSERT_TRUE(draft) << draft.error().toString().toStdString();
    EXPECT_EQ(draft->up.skipped.size(), 2);
    EXPECT_TRUE(draft->up.skipped.contains(request.skip.first()));
    EXPECT_FALSE(draft->text.contains(u"DROP TABLE"_s)) << draft->text.toStdString();
    EXPECT_FALSE(draft->text.contains(u"price"_s));
    ASSERT_TRUE(draft->text.contains(u"CREATE INDEX"_s));
    ASSERT_TRUE(test::applySection(database, draft->text));
    EXPECT_EQ(test::queryColumn(database, u"SELECT count(*) FROM legacy"_s), QStringList{u"1"_s});
    EXPECT_EQ(test::queryColumn(database, u"SELECT name FROM pragma_table_info('book')"_s),
              (QStringList{u"id"_s, u"title"_s}));
    // What remains against the model is exactly what was skipped.
    Result<plan::MigrationDraft> after = test::draftFor(database, model, {{}, true});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->up.changes.size(), 2);
}

// A rebuilt table keeps the constraints left out as they are: one added (a check), one dropped
// (a foreign key), one changed (a named check).
TEST(PlanSkipConstraints, constraints_left_out_keep_their_live_state_through_a_rebuild)
{
    test::TempDir dir;
    const QString database = dir.path(u"app.sqlite3"_s);
    test::createDatabase(
        database, "CREATE TABLE author (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT, author_id INTEGER\n"
                  "  REFERENCES author (id), pages INTEGER CONSTRAINT pages_positive\n"
                  "  CHECK (pages > 0), UNIQUE (title));\n"
                  "INSERT INTO book VALUES (1, '', NULL, 10);\n");
    const QString model =
        dir.write(u"model.sql"_s,
                  "CREATE TABLE author (id INTEGER PRIMARY KEY);\n"
                  "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id\n"
                  "  INTEGER, pages INTEGER CONSTRAINT pages_positive CHECK (pages > 1),\n"
                  "  CHECK (length(title) > 0), UNIQUE (title));\n");
    Result<plan::MigrationDraft> all = test::draftFor(database, model, {{}, true});
    ASSERT_TRUE(all) << all.error().toString().toStdString();
    plan::DraftRequest request{{}, true};
    for (const diff::Change &c : all->up.changes) {
        if (c.object != diff::ObjectKind::Column)
            request.skip.append(c); // every constraint; the title's NOT NULL still applied
    }
    ASSERT_EQ(request.skip.size(), 3) << all->text.toStdString();
    Result<plan::MigrationDraft> draft = test::draftFor(database, model, request);
    ASSERT_TRUE(draft) << draft.error().toString().toStdString();
    EXPECT_FALSE(draft->text.contains(u"length(title)"_s)) << draft->text.toStdString();
    EXPECT_FALSE(draft->text.contains(u"pages > 1"_s)) << draft->text.toStdString();
    ASSERT_TRUE(test::applySection(database, draft->text)) << draft->text.toStdString();
    // The live constraints are all still there: the foreign key, pages > 0.
    EXPECT_EQ(
        test::queryColumn(database, u"SELECT count(*) FROM pragma_foreign_key_list('book')"_s),
        QStringList{u"1"_s});
    EXPECT_FALSE(test::applySection(database, u"-- migrate:up\nUPDATE book SET pages = 0;\n"_s))
        << "pages > 0 still checked";
    EXPECT_TRUE(test::applySection(database, u"-- migrate:up\nINSERT INTO book VALUES (2, 'x', "
                                             u"NULL, 1);\n"_s))
        << "pages > 1 not checked";
    // What remains against the model is exactly what was left out.
    Result<plan::MigrationDraft> after = test::draftFor(database, model, {{}, true});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->up.changes, request.skip) << after->text.toStdString();
}

// A key declared on its column (`code TEXT PRIMARY KEY`) is the table's key too: left out, the
// rebuilt table keeps the live key, added or dropped, while the column's other change applies.
TEST(PlanSkipConstraints, a_column_declared_key_left_out_keeps_the_live_key)
{
    test::TempDir dir;
    const QString database = dir.path(u"app.sqlite3"_s);
    test::createDatabase(database, "CREATE TABLE tag (code TEXT, label TEXT);\n"
                                   "CREATE TABLE note (id TEXT PRIMARY KEY, body TEXT);\n"
                                   "INSERT INTO tag VALUES ('a', 'A');\n");
    const QString model =
        dir.write(u"model.sql"_s, "CREATE TABLE tag (code TEXT PRIMARY KEY, label TEXT NOT NULL);\n"
                                  "CREATE TABLE note (id TEXT NOT NULL, body TEXT);\n");
    Result<plan::MigrationDraft> all = test::draftFor(database, model, {{}, true});
    ASSERT_TRUE(all) << all.error().toString().toStdString();
    plan::DraftRequest request{{}, true};
    for (const diff::Change &c : all->up.changes) {
        if (c.object == diff::ObjectKind::PrimaryKey)
            request.skip.append(c);
    }
    ASSERT_EQ(request.skip.size(), 2) << all->text.toStdString();
    Result<plan::MigrationDraft> draft = test::draftFor(database, model, request);
    ASSERT_TRUE(draft) << draft.error().toString().toStdString();
    ASSERT_TRUE(test::applySection(database, draft->text)) << draft->text.toStdString();
    const QString keyed = u"SELECT m.name || '.' || p.name FROM sqlite_schema m, "
                          u"pragma_table_info(m.name) p WHERE m.type = 'table' AND p.pk > 0"_s;
    EXPECT_EQ(test::queryColumn(database, keyed), QStringList{u"note.id"_s})
        << draft->text.toStdString();
    const QString required =
        u"SELECT m.name || '.' || p.name FROM sqlite_schema m, "
        u"pragma_table_info(m.name) p WHERE m.type = 'table' AND p.\"notnull\""_s;
    EXPECT_EQ(test::queryColumn(database, required), (QStringList{u"tag.label"_s, u"note.id"_s}));
    Result<plan::MigrationDraft> after = test::draftFor(database, model, {{}, true});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->up.changes, request.skip) << after->text.toStdString();
}

// The other way round: the column is left as it is, and the key it declares is still dropped.
TEST(PlanSkipConstraints, a_column_left_out_does_not_bring_back_a_dropped_key)
{
    test::TempDir dir;
    const QString database = dir.path(u"app.sqlite3"_s);
    test::createDatabase(database, "CREATE TABLE item (id TEXT PRIMARY KEY, n INTEGER);\n");
    const QString model = dir.write(u"model.sql"_s, "CREATE TABLE item (id INTEGER, n INTEGER);\n");
    Result<plan::MigrationDraft> all = test::draftFor(database, model, {{}, true});
    ASSERT_TRUE(all) << all.error().toString().toStdString();
    plan::DraftRequest request{{}, true};
    for (const diff::Change &c : all->up.changes) {
        if (c.object == diff::ObjectKind::Column)
            request.skip.append(c);
    }
    ASSERT_EQ(request.skip.size(), 1) << all->text.toStdString();
    Result<plan::MigrationDraft> draft = test::draftFor(database, model, request);
    ASSERT_TRUE(draft) << draft.error().toString().toStdString();
    ASSERT_TRUE(test::applySection(database, draft->text)) << draft->text.toStdString();
    EXPECT_EQ(test::queryColumn(database,
                                u"SELECT type || ' ' || pk FROM pragma_table_info('item') "
                                u"WHERE name = 'id'"_s),
              QStringList{u"TEXT 0"_s})
        << draft->text.toStdString();
}

TEST_F(PlanSkip, skipping_nothing_plans_every_difference)
{
    Result<plan::MigrationDraft> draft = test::draftFor(database, model, {{}, true});
    ASSERT_TRUE(draft);
    EXPECT_TRUE(draft->up.skipped.isEmpty());
    EXPECT_EQ(draft->up.changes.size(), 3);
}

} // namespace
