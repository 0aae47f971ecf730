// The differ on the schema's own objects besides tables: enum labels, comments, sequences and
// functions, each paired by name and compared attribute by attribute.
#include "diff/differ.h"
#include "differ_test_support.h"
#include "qt_printing.h"
#include "schema_builders.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::diff;
using namespace burrow::schema;
using namespace burrow::test;

TEST(Differ, enum_labels_only_added_differ_from_labels_removed_or_reordered)
{
    Schema live, added, reordered;
    live.enums = {EnumType{QStringLiteral("mood"), {QStringLiteral("sad"), QStringLiteral("ok")}}};
    added.enums = {EnumType{QStringLiteral("mood"),
                            {QStringLiteral("sad"), QStringLiteral("meh"), QStringLiteral("ok")}}};
    reordered.enums = {
        EnumType{QStringLiteral("mood"), {QStringLiteral("ok"), QStringLiteral("sad")}}};
    EXPECT_EQ(diffSchemas(live, added),
              QList<Change>{expected(ObjectKind::Enum, ChangeType::Changed, QStringLiteral("mood"),
                                     QStringLiteral("mood"),
                                     QStringLiteral("labels added ('sad', 'ok') → ('sad', 'meh', "
                                                    "'ok')"),
                                     {QStringLiteral("labels added")})});
    EXPECT_EQ(diffSchemas(live, reordered).value(0).attributes,
              QStringList{QStringLiteral("labels")});
    EXPECT_EQ(kindName(diffSchemas(live, {}).value(0)), QStringLiteral("enum_removed"));
}

TEST(Differ, comments_are_compared_on_tables_and_columns)
{
    Table live = table("book", {column("id")});
    Table model = live;
    model.comment = QStringLiteral("Books");
    model.columns[0].comment = QStringLiteral("key");
    const QList<Change> changes = diffSchemas(schemaOf({live}), schemaOf({model}));
    ASSERT_EQ(changes.size(), 2) << ::testing::PrintToString(changes);
    EXPECT_EQ(changes[0].detail, QStringLiteral("comment none → key"));
    EXPECT_EQ(changes[1].object, ObjectKind::TableOptions);
    EXPECT_EQ(changes[1].attributes, QStringList{QStringLiteral("comment")});
}

TEST(Differ, sequences_are_paired_by_name_and_their_owner_compared)
{
    Schema live, model;
    live.sequences = {Sequence{QStringLiteral("n"), QStringLiteral("bigint")}};
    model.sequences = live.sequences;
    model.sequences[0].ownedByTable = QStringLiteral("t");
    model.sequences[0].ownedByColumn = QStringLiteral("c");
    EXPECT_EQ(diffSchemas(live, model),
              QList<Change>{expected(ObjectKind::Sequence, ChangeType::Changed, QStringLiteral("n"),
                                     QStringLiteral("n"), QStringLiteral("owned by none → t.c"),
                                     {QStringLiteral("owned by")})});
}

TEST(Differ, functions_are_paired_by_name_and_argument_types_and_a_body_change_is_flagged)
{
    const auto function = [](const char *args, const char *body) {
        Function f;
        f.routineName = QStringLiteral("add");
        f.argumentTypes = QString::fromUtf8(args);
        f.name = u"add(" + f.argumentTypes + u')';
        f.arguments = QString::fromUtf8(args);
        f.result = QStringLiteral("integer");
        const QString definition =
            u"CREATE OR REPLACE FUNCTION " + f.name + u" AS " + QString::fromUtf8(body);
        f.definition = {definition, definition};
        return f;
    };
    Schema live, model;
    live.functions = {function("integer", "$$ SELECT 1 $$"), function("text", "$$ SELECT 1 $$")};
    model.functions = {function("integer", "$$ SELECT 2 $$"), function("bigint", "$$ SELECT 1 $$")};
    const QList<Change> changes = diffSchemas(live, model);
    ASSERT_EQ(changes.size(), 3) << ::testing::PrintToString(changes);
    EXPECT_EQ(changes[0], expected(ObjectKind::Function, ChangeType::Added,
                                   QStringLiteral("add(bigint)"), QStringLiteral("add(bigint)"),
                                   QStringLiteral("FUNCTION add(bigint) RETURNS integer")));
    EXPECT_EQ(changes[1], expected(ObjectKind::Function, ChangeType::Changed,
                                   QStringLiteral("add(integer)"), QStringLiteral("add(integer)"),
                                   QStringLiteral("definition differs (body or options)"),
                                   {QStringLiteral("definition")}));
    EXPECT_EQ(changes[2].type, ChangeType::Removed);
    EXPECT_EQ(kindName(changes[2]), QStringLiteral("function_removed"));
}
