// The generic differ on hand-built schemas: each kind of difference yields the documented Change,
// in a stable order; renames are only suggested when unambiguous; ignore rules drop tables.
#include "diff/differ.h"
#include "diff/report.h"
#include "differ_test_support.h"
#include "qt_printing.h"
#include "schema_builders.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>

using namespace burrow;
using namespace burrow::diff;
using namespace burrow::schema;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// The only change between a one-table live schema and its edited copy.
Change onlyChange(const Table &live, const Table &model)
{
    const QList<Change> changes = diffSchemas(schemaOf({live}), schemaOf({model}));
    EXPECT_EQ(changes.size(), 1) << ::testing::PrintToString(changes);
    return changes.value(0);
}

const QString kBook = QStringLiteral("book");

} // namespace

// --- nothing to do -----------------------------------------------------------------------------

TEST(Differ, identical_schemas_have_no_changes)
{
    Table t = table("book", {column("id"), column("title", "TEXT")});
    t.indexes = {index("book_title", {QStringLiteral("title")})};
    EXPECT_TRUE(diffSchemas(schemaOf({t}), schemaOf({t})).isEmpty());
    EXPECT_TRUE(diffSchemas({}, {}).isEmpty());
}

TEST(Differ, fragments_compare_by_canonical_form_not_text)
{
    Table live = table("book");
    live.columns[0].defaultValue = expr("(0)", "0");
    Table model = table("book");
    model.columns[0].defaultValue = expr("0", "0");
    EXPECT_TRUE(diffSchemas(schemaOf({live}), schemaOf({model})).isEmpty());
}

// --- tables and columns ------------------------------------------------------------------------

TEST(Differ, table_only_in_model_is_added_and_only_in_database_is_removed)
{
    Table author = table("author", {column("id"), column("name", "TEXT")});
    author.indexes = {index("author_name", {QStringLiteral("name")})};
    const Table legacy = table("legacy");
    const QList<Change> changes = diffSchemas(schemaOf({legacy}), schemaOf({author}));
    ASSERT_EQ(changes.size(), 2);
    EXPECT_EQ(changes[0], expected(ObjectKind::Table, ChangeType::Added, QStringLiteral("author"),
                                   QStringLiteral("author"), QStringLiteral("2 columns, 1 index")));
    EXPECT_EQ(changes[1], expected(ObjectKind::Table, ChangeType::Removed, QStringLiteral("legacy"),
                                   QStringLiteral("legacy"), QStringLiteral("1 column")));
}

TEST(Differ, column_only_in_model_is_added_with_its_definition)
{
    Column price = column("price", "REAL");
    price.notNull = true;
    price.defaultValue = expr("0");
    EXPECT_EQ(onlyChange(table("book"), table("book", {column("id"), price})),
              expected(ObjectKind::Column, ChangeType::Added, kBook, QStringLiteral("price"),
                       QStringLiteral("REAL NOT NULL DEFAULT 0")));
}

TEST(Differ, column_only_in_database_is_removed)
{
    EXPECT_EQ(onlyChange(table("book", {column("id"), column("old", "TEXT")}), table("book")),
              expected(ObjectKind::Column, ChangeType::Removed, kBook, QStringLiteral("old"),
                       QStringLiteral("TEXT")));
}

TEST(Differ, column_type_change_names_the_attribute_and_both_types)
{
    EXPECT_EQ(
        onlyChange(table("book", {column("id", "INTEGER")}), table("book", {column("id", "TEXT")})),
        expected(ObjectKind::Column, ChangeType::Changed, kBook, QStringLiteral("id"),
                 QStringLiteral("type INTEGER → TEXT"), {QStringLiteral("type")}));
}

TEST(Differ, every_changed_column_attribute_is_listed)
{
    Column live = column("c", "TEXT");
    Column model = column("c", "TEXT");
    model.notNull = true;
    live.defaultValue = expr("'a'");
    model.defaultValue = expr("'b'");
    model.collation = QStringLiteral("NOCASE");
    model.autoIncrement = true;
    model.generated = Generated::Stored;
    model.generatedExpression = expr("upper(x)");
    const Change c = onlyChange(table("book", {live}), table("book", {model}));
    EXPECT_EQ(c.object, ObjectKind::Column);
    EXPECT_EQ(c.type, ChangeType::Changed);
    EXPECT_EQ(c.name, u"c");
    EXPECT_EQ(c.attributes,
              QStringList({QStringLiteral("not null"), QStringLiteral("default"),
                           QStringLiteral("collation"), QStringLiteral("autoincrement"),
                           QStringLiteral("generated")}));
    EXPECT_EQ(c.detail, u"NOT NULL added; default 'a' → 'b'; collation none → NOCASE; "
                        u"AUTOINCREMENT added; generated none → AS (upper(x)) STORED");
}

TEST(Differ, removed_default_and_dropped_not_null_read_as_such)
{
    Column live = column("c");
    live.notNull = true;
    live.defaultValue = expr("1");
    EXPECT_EQ(onlyChange(table("t", {live}), table("t", {column("c")})).detail,
              u"NOT NULL dropped; default 1 → none");
}

TEST(Differ, virtual_and_stored_generated_columns_differ)
{
    Column live = column("g");
    live.generated = Generated::Virtual;
    live.generatedExpression = expr("a + 1");
    Column model = live;
    model.generated = Generated::Stored;
    const Change c = onlyChange(table("t", {live}), table("t", {model}));
    EXPECT_EQ(c.attributes, QStringList{QStringLiteral("generated")});
    EXPECT_EQ(c.detail, u"generated AS (a + 1) VIRTUAL → AS (a + 1) STORED");
}

// --- keys and constraints ----------------------------------------------------------------------

TEST(Differ, primary_key_added_removed_and_changed)
{
    Table none = table("t", {column("a"), column("b")});
    Table onA = none;
    onA.primaryKey = PrimaryKey{{}, {QStringLiteral("a")}};
    Table onAB = none;
    onAB.primaryKey = PrimaryKey{{}, {QStringLiteral("a"), QStringLiteral("b")}};
    const QString t = QStringLiteral("t");
    EXPECT_EQ(onlyChange(none, onA),
              expected(ObjectKind::PrimaryKey, ChangeType::Added, t, QStringLiteral("(a)"),
                       QStringLiteral("(a)"), {}, true));
    EXPECT_EQ(onlyChange(onA, none),
              expected(ObjectKind::PrimaryKey, ChangeType::Removed, t, QStringLiteral("(a)"),
                       QStringLiteral("(a)"), {}, true));
    EXPECT_EQ(onlyChange(onA, onAB),
              expected(ObjectKind::PrimaryKey, ChangeType::Changed, t, QStringLiteral("(a, b)"),
                       QStringLiteral("columns (a) → (a, b)"), {QStringLiteral("columns")}, true));
}

TEST(Differ, renamed_primary_key_constraint_is_a_change_of_name)
{
    Table live = table("t");
    live.primaryKey = PrimaryKey{QStringLiteral("pk_old"), {QStringLiteral("id")}};
    Table model = live;
    model.primaryKey->name = QStringLiteral("pk_new");
    EXPECT_EQ(onlyChange(live, model),
              expected(ObjectKind::PrimaryKey, ChangeType::Changed, QStringLiteral("t"),
                       QStringLiteral("pk_new"), QStringLiteral("name pk_old → pk_new"),
                       {QStringLiteral("name")}));
}

TEST(Differ, unnamed_unique_constraint_is_identified_by_its_columns)
{
    Table live = table("t", {column("a"), column("b")});
    Table model = live;
    model.uniques = {UniqueConstraint{{}, {QStringLiteral("a"), QStringLiteral("b")}}};
    EXPECT_EQ(onlyChange(live, model),
              expected(ObjectKind::Unique, ChangeType::Added, QStringLiteral("t"),
                       QStringLiteral("(a, b)"), QStringLiteral("(a, b)"), {}, true));
    EXPECT_EQ(onlyChange(model, live).type, ChangeType::Removed);
}

TEST(Differ, named_unique_constraint_with_new_name_is_changed)
{
    Table live = table("t", {column("a")});
    live.uniques = {UniqueConstraint{QStringLiteral("uq_old"), {QStringLiteral("a")}}};
    Table model = live;
    model.uniques[0].name = QStringLiteral("uq_new");
    EXPECT_EQ(onlyChange(live, model),
              expected(ObjectKind::Unique, ChangeType::Changed, QStringLiteral("t"),
                       QStringLiteral("uq_new"), QStringLiteral("name uq_old → uq_new"),
                       {QStringLiteral("name")}));
}

TEST(Differ, named_check_with_new_expression_is_changed)
{
    Table live = table("t");
    live.checks = {CheckConstraint{QStringLiteral("ck_id"), expr("id > 0")}};
    Table model = live;
    model.checks[0].expression = expr("id >= 0");
    EXPECT_EQ(onlyChange(live, model),
              expected(ObjectKind::Check, ChangeType::Changed, QStringLiteral("t"),
                       QStringLiteral("ck_id"), QStringLiteral("expression id > 0 → id >= 0"),
                       {QStringLiteral("expression")}));
}

TEST(Differ, unnamed_check_with_new_expression_is_removed_and_added)
{
    Table live = table("t");
    live.checks = {CheckConstraint{{}, expr("id > 0")}};
    Table model = live;
    model.checks[0].expression = expr("id >= 0");
    const QList<Change> changes = diffSchemas(schemaOf({live}), schemaOf({model}));
    ASSERT_EQ(changes.size(), 2) << ::testing::PrintToString(changes);
    QList<ChangeType> types{changes[0].type, changes[1].type};
    std::sort(types.begin(), types.end());
    EXPECT_EQ(types, QList<ChangeType>({ChangeType::Added, ChangeType::Removed}));
    for (const Change &c : changes) {
        EXPECT_EQ(c.object, ObjectKind::Check);
        EXPECT_TRUE(c.anonymous);
        EXPECT_EQ(c.name, c.type == ChangeType::Added ? u"CHECK (id >= 0)" : u"CHECK (id > 0)");
    }
}

TEST(Differ, foreign_key_added_and_removed_show_their_definition)
{
    Table live = table("book", {column("id"), column("author_id")});
    Table model = live;
    ForeignKey fk = foreignKey({QStringLiteral("author_id")}, "author", {QStringLiteral("id")});
    fk.onDelete = ReferentialAction::Cascade;
    fk.deferral = Deferral::InitiallyDeferred;
    model.foreignKeys = {fk};
    const QString detail =
        QStringLiteral("(author_id) → author(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED");
    EXPECT_EQ(onlyChange(live, model), expected(ObjectKind::ForeignKey, ChangeType::Added, kBook,
                                                QStringLiteral("(author_id)"), detail, {}, true));
    EXPECT_EQ(onlyChange(model, live), expected(ObjectKind::ForeignKey, ChangeType::Removed, kBook,
                                                QStringLiteral("(author_id)"), detail, {}, true));
}

TEST(Differ, foreign_key_changes_list_each_attribute)
{
    Table live = table("book", {column("id"), column("author_id")});
    live.foreignKeys = {
        foreignKey({QStringLiteral("author_id")}, "author", {QStringLiteral("id")})};
    live.foreignKeys[0].name = QStringLiteral("fk_old");
    Table model = live;
    ForeignKey &fk = model.foreignKeys[0];
    fk.referencedTable = QStringLiteral("writer");
    fk.onDelete = ReferentialAction::SetNull;
    fk.onUpdate = ReferentialAction::Cascade;
    fk.deferral = Deferral::InitiallyDeferred;
    fk.name = QStringLiteral("fk_new");
    EXPECT_EQ(
        onlyChange(live, model),
        expected(ObjectKind::ForeignKey, ChangeType::Changed, kBook, QStringLiteral("fk_new"),
                 QStringLiteral("references author(id) → writer(id); on delete NO ACTION → "
                                "SET NULL; on update NO ACTION → CASCADE; deferrable NOT "
                                "DEFERRABLE → DEFERRABLE INITIALLY DEFERRED; name fk_old → fk_new"),
                 {QStringLiteral("references"), QStringLiteral("on delete"),
                  QStringLiteral("on update"), QStringLiteral("deferrable"),
                  QStringLiteral("name")}));
}

TEST(Differ, constraint_named_only_on_one_side_is_no_difference)
{
    Table live = table("book", {column("id"), column("author_id")});
    live.foreignKeys = {
        foreignKey({QStringLiteral("author_id")}, "author", {QStringLiteral("id")})};
    live.uniques = {UniqueConstraint{{}, {QStringLiteral("author_id")}}};
    Table model = live;
    model.foreignKeys[0].name = QStringLiteral("fk_author");
    model.uniques[0].name = QStringLiteral("uq_author");
    EXPECT_TRUE(diffSchemas(schemaOf({live}), schemaOf({model})).isEmpty());
}

// --- indexes, triggers, options, views ---------------------------------------------------------

TEST(Differ, index_added_removed_and_changed)
{
    const Table bare = table("book", {column("id"), column("title", "TEXT")});
    Table indexed = bare;
    indexed.indexes = {index("book_title", {QStringLiteral("title")})};
    const QString name = QStringLiteral("book_title");
    EXPECT_EQ(onlyChange(bare, indexed), expected(ObjectKind::Index, ChangeType::Added, kBook, name,
                                                  QStringLiteral("(title)")));
    EXPECT_EQ(onlyChange(indexed, bare), expected(ObjectKind::Index, ChangeType::Removed, kBook,
                                                  name, QStringLiteral("(title)")));
    Table changed = indexed;
    changed.indexes[0].unique = true;
    changed.indexes[0].parts[0].order = SortOrder::Descending;
    changed.indexes[0].where = expr("title IS NOT NULL");
    EXPECT_EQ(
        onlyChange(indexed, changed),
        expected(ObjectKind::Index, ChangeType::Changed, kBook, name,
                 QStringLiteral("UNIQUE added; columns (title) → UNIQUE (title DESC) WHERE "
                                "title IS NOT NULL; where none → title IS NOT NULL"),
                 {QStringLiteral("unique"), QStringLiteral("columns"), QStringLiteral("where")}));
}

TEST(Differ, trigger_added_removed_and_changed)
{
    const Table bare = table("book");
    Table with = bare;
    with.triggers = {
        Trigger{QStringLiteral("book_ins"),
                expr("CREATE TRIGGER book_ins AFTER INSERT ON book BEGIN SELECT 1; END")}};
    Table changed = with;
    changed.triggers[0].definition =
        expr("CREATE TRIGGER book_ins AFTER INSERT ON book BEGIN SELECT 2; END");
    const QString name = QStringLiteral("book_ins");
    EXPECT_EQ(onlyChange(bare, with),
              expected(ObjectKind::Trigger, ChangeType::Added, kBook, name,
                       QStringLiteral(
                           "CREATE TRIGGER book_ins AFTER INSERT ON book BEGIN SELECT 1; END")));
    EXPECT_EQ(onlyChange(with, bare).type, ChangeType::Removed);
    EXPECT_EQ(onlyChange(with, changed),
              expected(ObjectKind::Trigger, ChangeType::Changed, kBook, name,
                       QStringLiteral("definition differs"), {QStringLiteral("definition")}));
}

TEST(Differ, table_options_change_is_one_change_naming_each_option)
{
    Table live = table("t");
    live.strict = true;
    Table model = table("t");
    model.withoutRowid = true;
    EXPECT_EQ(onlyChange(live, model),
              expected(ObjectKind::TableOptions, ChangeType::Changed, QStringLiteral("t"),
                       QStringLiteral("t"), QStringLiteral("WITHOUT ROWID added; STRICT dropped"),
                       {QStringLiteral("without rowid"), QStringLiteral("strict")}));
}

TEST(Differ, views_added_removed_and_changed)
{
    const View a{QStringLiteral("v_a"), expr("CREATE VIEW v_a AS SELECT 1")};
    const View b{QStringLiteral("v_b"), expr("CREATE VIEW v_b AS SELECT 1")};
    View b2 = b;
    b2.definition = expr("CREATE VIEW v_b AS SELECT 2");
    const View c{QStringLiteral("v_c"), expr("CREATE VIEW v_c AS SELECT 3")};
    const QList<Change> changes = diffSchemas(schemaOf({}, {a, b}), schemaOf({}, {b2, c}));
    ASSERT_EQ(changes.size(), 3) << ::testing::PrintToString(changes);
    EXPECT_EQ(changes[0],
              expected(ObjectKind::View, ChangeType::Removed, QStringLiteral("v_a"),
                       QStringLiteral("v_a"), QStringLiteral("CREATE VIEW v_a AS SELECT 1")));
    EXPECT_EQ(changes[1], expected(ObjectKind::View, ChangeType::Changed, QStringLiteral("v_b"),
                                   QStringLiteral("v_b"), QStringLiteral("definition differs"),
                                   {QStringLiteral("definition")}));
    EXPECT_EQ(changes[2],
              expected(ObjectKind::View, ChangeType::Added, QStringLiteral("v_c"),
                       QStringLiteral("v_c"), QStringLiteral("CREATE VIEW v_c AS SELECT 3")));
}

// --- order -------------------------------------------------------------------------------------

TEST(Differ, tables_come_in_case_insensitive_name_order_then_views)
{
    const View view{QStringLiteral("a_view"), expr("CREATE VIEW a_view AS SELECT 1")};
    const Schema live = schemaOf({table("b"), table("Zebra")});
    const Schema model = schemaOf({table("c"), table("Apple"), table("aardvark")}, {view});
    QStringList order;
    for (const Change &c : diffSchemas(live, model))
        order.append(c.table);
    EXPECT_EQ(order, QStringList({QStringLiteral("aardvark"), QStringLiteral("Apple"),
                                  QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("Zebra"),
                                  QStringLiteral("a_view")}));
}

TEST(Differ, case_sensitive_names_are_still_ordered_regardless_of_case)
{
    const View upper{QStringLiteral("Report"), expr("CREATE VIEW \"Report\" AS SELECT 1")};
    const View lower{QStringLiteral("archive"), expr("CREATE VIEW archive AS SELECT 1")};
    const Schema model =
        schemaOf({table("Zebra"), table("book"), table("apple"), table("Book")}, {upper, lower});
    QStringList order;
    for (const Change &c : diffSchemas({}, model, DiffOptions{Qt::CaseSensitive}))
        order.append(c.table);
    EXPECT_EQ(order, QStringList({QStringLiteral("apple"), QStringLiteral("Book"),
                                  QStringLiteral("book"), QStringLiteral("Zebra"),
                                  QStringLiteral("archive"), QStringLiteral("Report")}));
}

TEST(Differ, changes_within_a_table_follow_the_documented_order)
{
    Table live = table("t", {column("a"), column("b")});
    Table model = table("t", {column("a", "TEXT"), column("b")});
    model.primaryKey = PrimaryKey{{}, {QStringLiteral("a")}};
    model.uniques = {UniqueConstraint{{}, {QStringLiteral("b")}}};
    model.checks = {CheckConstraint{{}, expr("a <> b")}};
    model.foreignKeys = {foreignKey({QStringLiteral("b")}, "other", {QStringLiteral("id")})};
    model.indexes = {index("t_b", {QStringLiteral("b")})};
    model.triggers = {Trigger{QStringLiteral("t_trg"), expr("CREATE TRIGGER t_trg …")}};
    model.strict = true;
    QList<ObjectKind> order;
    for (const Change &c : diffSchemas(schemaOf({live}), schemaOf({model})))
        order.append(c.object);
    EXPECT_EQ(order,
              QList<ObjectKind>({ObjectKind::Column, ObjectKind::PrimaryKey, ObjectKind::Unique,
                                 ObjectKind::Check, ObjectKind::ForeignKey, ObjectKind::Index,
                                 ObjectKind::Trigger, ObjectKind::TableOptions}));
}

TEST(Differ, order_does_not_depend_on_input_order)
{
    const Schema live = schemaOf({table("m", {column("x")}), table("a", {column("x")})});
    const Schema model = schemaOf({table("a", {column("y")}), table("m", {column("y")})});
    Schema liveReversed = live;
    std::reverse(liveReversed.tables.begin(), liveReversed.tables.end());
    Schema modelReversed = model;
    std::reverse(modelReversed.tables.begin(), modelReversed.tables.end());
    const QList<Change> changes = diffSchemas(live, model);
    EXPECT_EQ(changes.size(), 6); // per table: y added, x removed, x → y rename suggested
    EXPECT_EQ(diffSchemas(liveReversed, modelReversed), changes);
}

// --- renames -----------------------------------------------------------------------------------

TEST(Differ, column_with_identical_definition_under_new_name_suggests_a_rename)
{
    Column old = column("titel", "TEXT");
    old.notNull = true;
    Column renamed = old;
    renamed.name = QStringLiteral("title");
    const QList<Change> changes = diffSchemas(schemaOf({table("book", {column("id"), old})}),
                                              schemaOf({table("book", {column("id"), renamed})}));
    ASSERT_EQ(changes.size(), 3) << ::testing::PrintToString(changes);
    EXPECT_EQ(changes[0].type, ChangeType::Added);
    EXPECT_EQ(changes[1].type, ChangeType::Removed);
    EXPECT_EQ(changes[2], (Change{ObjectKind::Column,
                                  ChangeType::RenameSuggested,
                                  kBook,
                                  QStringLiteral("titel"),
                                  QStringLiteral("title"),
                                  {},
                                  QStringLiteral("same definition as title")}));
}

TEST(Differ, ambiguous_column_rename_is_not_suggested)
{
    // Two removed columns share the added one's definition: which one was renamed is a guess.
    const QList<Change> twoRemoved = diffSchemas(
        schemaOf({table("t", {column("id"), column("a", "TEXT"), column("b", "TEXT")})}),
        schemaOf({table("t", {column("id"), column("c", "TEXT")})}));
    EXPECT_EQ(twoRemoved.size(), 3) << ::testing::PrintToString(twoRemoved);
    for (const Change &c : twoRemoved)
        EXPECT_NE(c.type, ChangeType::RenameSuggested) << ::testing::PrintToString(c);
    const QList<Change> twoAdded = diffSchemas(
        schemaOf({table("t", {column("id"), column("a", "TEXT")})}),
        schemaOf({table("t", {column("id"), column("b", "TEXT"), column("c", "TEXT")})}));
    EXPECT_EQ(twoAdded.size(), 3) << ::testing::PrintToString(twoAdded);
    for (const Change &c : twoAdded)
        EXPECT_NE(c.type, ChangeType::RenameSuggested) << ::testing::PrintToString(c);
}

TEST(Differ, column_with_a_different_definition_is_no_rename)
{
    const QList<Change> changes = diffSchemas(schemaOf({table("t", {column("a", "TEXT")})}),
                                              schemaOf({table("t", {column("b", "BLOB")})}));
    EXPECT_EQ(changes.size(), 2) << ::testing::PrintToString(changes);
}

TEST(Differ, table_and_index_renames_are_suggested)
{
    Table live = table("auther", {column("id"), column("name", "TEXT")});
    Table model = live;
    model.name = QStringLiteral("author");
    QList<Change> changes = diffSchemas(schemaOf({live}), schemaOf({model}));
    ASSERT_EQ(changes.size(), 3) << ::testing::PrintToString(changes);
    EXPECT_EQ(changes[2], (Change{ObjectKind::Table,
                                  ChangeType::RenameSuggested,
                                  QStringLiteral("auther"),
                                  QStringLiteral("auther"),
                                  QStringLiteral("author"),
                                  {},
                                  QStringLiteral("same definition as author")}));

    live = table("book", {column("id"), column("title", "TEXT")});
    live.indexes = {index("idx_old", {QStringLiteral("title")})};
    model = live;
    model.indexes[0].name = QStringLiteral("idx_new");
    changes = diffSchemas(schemaOf({live}), schemaOf({model}));
    ASSERT_EQ(changes.size(), 3) << ::testing::PrintToString(changes);
    EXPECT_EQ(changes[2].object, ObjectKind::Index);
    EXPECT_EQ(changes[2].type, ChangeType::RenameSuggested);
    EXPECT_EQ(changes[2].name, u"idx_old");
    EXPECT_EQ(changes[2].newName, u"idx_new");
}

// A table under its name and definition in another schema was moved there (PostgreSQL): the
// suggestion names the schemas, and the report's hint is a --rename that moves it.
TEST(Differ, a_table_in_another_schema_suggests_a_move)
{
    const Table live = table("orders", {column("id"), column("note", "TEXT")});
    Table moved = live;
    moved.name = qualifiedName(u"sales"_s, u"orders"_s);
    const QList<Change> there = diffSchemas(schemaOf({live}), schemaOf({moved}));
    ASSERT_EQ(there.size(), 3) << ::testing::PrintToString(there);
    EXPECT_EQ(there[2], (Change{ObjectKind::Table,
                                ChangeType::RenameSuggested,
                                u"orders"_s,
                                u"orders"_s,
                                moved.name,
                                {},
                                u"same definition, moved to schema sales"_s}));
    EXPECT_TRUE(isMove(there[2]));
    EXPECT_TRUE(formatText(there).contains(u"--rename orders=sales.orders"_s))
        << formatText(there).toStdString();

    const QList<Change> back = diffSchemas(schemaOf({moved}), schemaOf({live}));
    ASSERT_EQ(back.size(), 3) << ::testing::PrintToString(back);
    EXPECT_EQ(back[2].newName, u"orders"_s);
    EXPECT_EQ(back[2].detail, u"same definition, moved to the connection's schema"_s);
    EXPECT_TRUE(formatText(back).contains(u"--rename sales.orders=public.orders"_s))
        << formatText(back).toStdString();
}

TEST(Differ, a_move_is_not_suggested_when_a_rename_or_another_table_explains_it)
{
    const Table live = table("orders", {column("id"), column("note", "TEXT")});
    Table moved = live;
    moved.name = qualifiedName(u"sales"_s, u"orders"_s);
    Table renamed = live;
    renamed.name = u"purchases"_s;
    // A rename in its own schema comes first: one suggestion for one table.
    QList<Change> changes = diffSchemas(schemaOf({live}), schemaOf({moved, renamed}));
    EXPECT_EQ(std::count_if(changes.begin(), changes.end(),
                            [](const Change &c) { return c.type == ChangeType::RenameSuggested; }),
              1)
        << ::testing::PrintToString(changes);
    EXPECT_EQ(changes.last().newName, u"purchases"_s);
    // Two schemas gaining it: which one it went to is a guess.
    Table alsoMoved = moved;
    alsoMoved.name = qualifiedName(u"archive"_s, u"orders"_s);
    changes = diffSchemas(schemaOf({live}), schemaOf({moved, alsoMoved}));
    for (const Change &c : changes)
        EXPECT_NE(c.type, ChangeType::RenameSuggested) << ::testing::PrintToString(c);
    // Another definition is another table.
    moved.columns[1].type = moved.columns[1].typeKey = u"INTEGER"_s;
    changes = diffSchemas(schemaOf({live}), schemaOf({moved}));
    EXPECT_EQ(changes.size(), 2) << ::testing::PrintToString(changes);
}

// --- names and case ----------------------------------------------------------------------------

TEST(Differ, names_differing_only_in_case_are_the_same_by_default)
{
    Table live = table("Book", {column("ID"), column("Title", "TEXT")});
    live.indexes = {index("Book_Title", {QStringLiteral("Title")})};
    Table model = table("book", {column("id"), column("title", "TEXT")});
    model.indexes = {index("book_title", {QStringLiteral("title")})};
    EXPECT_TRUE(diffSchemas(schemaOf({live}), schemaOf({model})).isEmpty());
}

TEST(Differ, case_sensitive_option_treats_Book_and_book_as_different_tables)
{
    const QList<Change> changes = diffSchemas(schemaOf({table("Book")}), schemaOf({table("book")}),
                                              DiffOptions{Qt::CaseSensitive});
    ASSERT_GE(changes.size(), 2) << ::testing::PrintToString(changes);
    EXPECT_TRUE(changes.contains(
        expected(ObjectKind::Table, ChangeType::Added, kBook, kBook, QStringLiteral("1 column"))))
        << ::testing::PrintToString(changes);
    EXPECT_TRUE(
        changes.contains(expected(ObjectKind::Table, ChangeType::Removed, QStringLiteral("Book"),
                                  QStringLiteral("Book"), QStringLiteral("1 column"))))
        << ::testing::PrintToString(changes);
}
