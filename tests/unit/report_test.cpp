// Reports of a diff: the JSON contract of `burrow-cli diff --format json` and the summary line.
#include "diff/report.h"
#include "qt_printing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace burrow::diff;
using namespace Qt::Literals::StringLiterals;

namespace {

Change change(ObjectKind object, ChangeType type, const char *table, const char *name,
              const char *detail = "")
{
    return Change{object, type, QString::fromUtf8(table), QString::fromUtf8(name),
                  {},     {},   QString::fromUtf8(detail)};
}

/// The parsed JSON report; fails the test when it is not a JSON object.
QJsonObject parsedJson(const QList<Change> &changes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(formatJson(changes).toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    EXPECT_TRUE(doc.isObject());
    return doc.object();
}

QJsonArray differences(const QList<Change> &changes)
{
    const QJsonValue value = parsedJson(changes).value(QStringLiteral("differences"));
    EXPECT_TRUE(value.isArray());
    return value.toArray();
}

} // namespace

// --- JSON --------------------------------------------------------------------------------------

TEST(ReportJson, no_changes_is_an_empty_differences_array)
{
    const QJsonObject root = parsedJson({});
    ASSERT_TRUE(root.value(QStringLiteral("differences")).isArray());
    EXPECT_TRUE(root.value(QStringLiteral("differences")).toArray().isEmpty());
}

TEST(ReportJson, each_difference_has_kind_table_name_and_detail)
{
    const QJsonArray list = differences({change(ObjectKind::Column, ChangeType::Added, "book",
                                                "price", "REAL NOT NULL DEFAULT 0")});
    ASSERT_EQ(list.size(), 1);
    const QJsonObject entry = list[0].toObject();
    EXPECT_EQ(entry.value(QStringLiteral("kind")).toString(), u"column_added");
    EXPECT_EQ(entry.value(QStringLiteral("table")).toString(), u"book");
    EXPECT_EQ(entry.value(QStringLiteral("name")).toString(), u"price");
    EXPECT_EQ(entry.value(QStringLiteral("detail")).toString(), u"REAL NOT NULL DEFAULT 0");
    EXPECT_FALSE(entry.contains(QStringLiteral("attributes")));
    EXPECT_FALSE(entry.contains(QStringLiteral("new_name")));
}

TEST(ReportJson, kinds_name_the_object_and_what_happens_to_it)
{
    Change rename = change(ObjectKind::Column, ChangeType::RenameSuggested, "book", "titel");
    rename.newName = QStringLiteral("title");
    const QList<Change> changes{
        change(ObjectKind::Table, ChangeType::Added, "author", "author"),
        change(ObjectKind::Table, ChangeType::Removed, "legacy", "legacy"),
        change(ObjectKind::TableOptions, ChangeType::Changed, "book", "book"),
        change(ObjectKind::Column, ChangeType::Changed, "book", "id"),
        rename,
        change(ObjectKind::PrimaryKey, ChangeType::Removed, "book", "(id)"),
        change(ObjectKind::Unique, ChangeType::Added, "book", "(isbn)"),
        change(ObjectKind::Check, ChangeType::Changed, "book", "ck_price"),
        change(ObjectKind::ForeignKey, ChangeType::Added, "book", "(author_id)"),
        change(ObjectKind::Index, ChangeType::Removed, "book", "book_title"),
        change(ObjectKind::Trigger, ChangeType::Changed, "book", "book_ins"),
        change(ObjectKind::View, ChangeType::Added, "report", "report"),
        change(ObjectKind::Table, ChangeType::RenameSuggested, "auther", "auther"),
    };
    QStringList kinds;
    for (const QJsonValue &entry : differences(changes))
        kinds.append(entry.toObject().value(QStringLiteral("kind")).toString());
    EXPECT_EQ(kinds, QStringList(
                         {QStringLiteral("table_added"), QStringLiteral("table_removed"),
                          QStringLiteral("table_options_changed"), QStringLiteral("column_changed"),
                          QStringLiteral("column_rename_suggested"),
                          QStringLiteral("primary_key_removed"), QStringLiteral("unique_added"),
                          QStringLiteral("check_changed"), QStringLiteral("foreign_key_added"),
                          QStringLiteral("index_removed"), QStringLiteral("trigger_changed"),
                          QStringLiteral("view_added"), QStringLiteral("table_rename_suggested")}));
}

TEST(ReportJson, changed_attributes_and_suggested_names_are_included)
{
    Change changed = change(ObjectKind::Column, ChangeType::Changed, "book", "id",
                            "type INTEGER → TEXT; NOT NULL added");
    changed.attributes = {QStringLiteral("type"), QStringLiteral("not null")};
    Change rename = change(ObjectKind::Column, ChangeType::RenameSuggested, "book", "titel",
                           "same definition as title");
    rename.newName = QStringLiteral("title");
    const QJsonArray list = differences({changed, rename});
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list[0].toObject().value(QStringLiteral("attributes")).toArray(),
              QJsonArray({QStringLiteral("type"), QStringLiteral("not null")}));
    EXPECT_EQ(list[0].toObject().value(QStringLiteral("detail")).toString(),
              u"type INTEGER → TEXT; NOT NULL added");
    EXPECT_EQ(list[1].toObject().value(QStringLiteral("new_name")).toString(), u"title");
}

TEST(ReportJson, hostile_names_and_details_survive_as_json_strings)
{
    const char *name = "we\"ird \\ name;\n";
    const QJsonArray list = differences(
        {change(ObjectKind::Index, ChangeType::Added, "t\"ab", name, "(\"a b\") WHERE x <> '}'")});
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0].toObject().value(QStringLiteral("table")).toString(), u"t\"ab");
    EXPECT_EQ(list[0].toObject().value(QStringLiteral("name")).toString(), QString::fromUtf8(name));
    EXPECT_EQ(list[0].toObject().value(QStringLiteral("detail")).toString(),
              u"(\"a b\") WHERE x <> '}'");
}

TEST(ReportJson, differences_keep_the_order_given)
{
    const QJsonArray list = differences({change(ObjectKind::Table, ChangeType::Added, "z", "z"),
                                         change(ObjectKind::Table, ChangeType::Added, "a", "a")});
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list[0].toObject().value(QStringLiteral("table")).toString(), u"z");
    EXPECT_EQ(list[1].toObject().value(QStringLiteral("table")).toString(), u"a");
}

// --- summary line ------------------------------------------------------------------------------

TEST(ReportSummary, no_changes_says_so)
{
    EXPECT_EQ(summaryLine({}), u"No differences: the database matches the model.");
}

TEST(ReportSummary, one_table_with_two_missing_columns)
{
    EXPECT_EQ(summaryLine({change(ObjectKind::Column, ChangeType::Added, "book", "a"),
                           change(ObjectKind::Column, ChangeType::Added, "book", "b")}),
              u"1 table differs: 2 columns missing");
}

TEST(ReportSummary, counts_tables_and_groups_by_change_then_object)
{
    Change rename = change(ObjectKind::Column, ChangeType::RenameSuggested, "book", "a");
    rename.newName = QStringLiteral("b");
    EXPECT_EQ(summaryLine({change(ObjectKind::Column, ChangeType::Changed, "author", "id"),
                           change(ObjectKind::Column, ChangeType::Added, "book", "b"),
                           change(ObjectKind::Index, ChangeType::Removed, "loan", "loan_due"),
                           change(ObjectKind::Column, ChangeType::Added, "loan", "x"), rename}),
              u"3 tables differ: 2 columns missing, 1 index extra, 1 column changed; "
              u"1 possible rename");
}

TEST(ReportSummary, plurals_and_possessives_read_naturally)
{
    EXPECT_EQ(
        summaryLine({change(ObjectKind::Index, ChangeType::Added, "a", "i1"),
                     change(ObjectKind::Index, ChangeType::Added, "a", "i2"),
                     change(ObjectKind::TableOptions, ChangeType::Changed, "a", "a"),
                     change(ObjectKind::TableOptions, ChangeType::Changed, "b", "b"),
                     change(ObjectKind::ForeignKey, ChangeType::Removed, "b", "(x)")}),
        u"2 tables differ: 2 indexes missing, 1 foreign key extra, 2 tables' options changed");
    EXPECT_EQ(summaryLine({change(ObjectKind::TableOptions, ChangeType::Changed, "a", "a"),
                           change(ObjectKind::Check, ChangeType::Added, "a", "ck1"),
                           change(ObjectKind::Check, ChangeType::Added, "a", "ck2")}),
              u"1 table differs: 2 check constraints missing, 1 table's options changed");
}

TEST(ReportSummary, views_are_counted_apart_from_tables)
{
    EXPECT_EQ(summaryLine({change(ObjectKind::View, ChangeType::Added, "report", "report")}),
              u"1 view differs: 1 view missing");
    EXPECT_EQ(summaryLine({change(ObjectKind::Table, ChangeType::Removed, "t", "t"),
                           change(ObjectKind::View, ChangeType::Changed, "v1", "v1"),
                           change(ObjectKind::View, ChangeType::Changed, "v2", "v2")}),
              u"1 table and 2 views differ: 1 table extra, 2 views changed");
}

TEST(ReportSummary, several_kinds_of_objects_read_as_one_list)
{
    EXPECT_EQ(summaryLine({change(ObjectKind::Table, ChangeType::Removed, "t", "t"),
                           change(ObjectKind::View, ChangeType::Changed, "v", "v"),
                           change(ObjectKind::Enum, ChangeType::Added, "mood", "mood"),
                           change(ObjectKind::Namespace, ChangeType::Added, "core", "core")}),
              u"1 table, 1 view, 1 enum type and 1 schema differ: 1 enum type missing, 1 schema "
              u"missing, 1 table extra, 1 view changed");
    EXPECT_EQ(listed({}), QString());
    EXPECT_EQ(listed({QStringLiteral("a")}), QStringLiteral("a"));
}

TEST(ReportSummary, a_count_takes_its_nouns_plural_unless_it_is_one)
{
    EXPECT_EQ(counted(1, u"migration"_s), u"1 migration"_s);
    EXPECT_EQ(counted(0, u"migration"_s), u"0 migrations"_s);
    EXPECT_EQ(counted(3, u"index"_s, u"indexes"_s), u"3 indexes"_s);
    EXPECT_EQ(counted(1, u"index"_s, u"indexes"_s), u"1 index"_s);
}

TEST(ReportSummary, renames_are_counted_once_each_after_the_rest)
{
    Change a = change(ObjectKind::Column, ChangeType::RenameSuggested, "t", "a");
    a.newName = QStringLiteral("b");
    Change t = change(ObjectKind::Table, ChangeType::RenameSuggested, "old", "old");
    t.newName = QStringLiteral("new");
    EXPECT_EQ(summaryLine({change(ObjectKind::Column, ChangeType::Added, "t", "b"),
                           change(ObjectKind::Column, ChangeType::Removed, "t", "a"),
                           change(ObjectKind::Table, ChangeType::Added, "new", "new"),
                           change(ObjectKind::Table, ChangeType::Removed, "old", "old"), a, t}),
              u"3 tables differ: 1 table missing, 1 column missing, 1 table extra, 1 column extra; "
              u"2 possible renames");
}

TEST(ReportSummary, json_report_carries_the_same_summary)
{
    const QList<Change> changes{change(ObjectKind::Column, ChangeType::Added, "book", "a")};
    EXPECT_EQ(parsedJson(changes).value(QStringLiteral("summary")).toString(),
              summaryLine(changes));
}

TEST(ReportText, text_report_groups_by_table_and_ends_with_the_summary)
{
    const QString text =
        formatText({change(ObjectKind::Column, ChangeType::Added, "book", "price", "REAL"),
                    change(ObjectKind::Index, ChangeType::Removed, "book", "old_idx", "(a)"),
                    change(ObjectKind::View, ChangeType::Added, "report", "report",
                           "CREATE VIEW report AS SELECT 1")});
    EXPECT_TRUE(text.startsWith(u"table book\n  + column price   REAL\n  - index old_idx  (a)\n\n"))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"view report\n  + view report  CREATE VIEW report AS SELECT 1\n"))
        << text.toStdString();
    EXPECT_TRUE(text.contains(
        u"1 table and 1 view differ: 1 column missing, 1 view missing, 1 index extra\n"))
        << text.toStdString();
    EXPECT_EQ(formatText({}), u"No differences: the database matches the model.\n");
}
