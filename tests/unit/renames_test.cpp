// Renames the user decided on: parsed from --rename arguments and sqldef's `@renamed from=`
// annotations, checked against both schemas, applied to schema values (with every reference to
// the renamed names) and undone.
#include "dialect/sqlite/sqlite_lexer.h"
#include "diff/differ.h"
#include "plan/renames.h"
#include "qt_printing.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <ostream>

using namespace burrow;
using namespace burrow::plan;
using namespace Qt::StringLiterals;
using burrow::schema::Schema;
using burrow::schema::Table;

namespace burrow::plan {

void PrintTo(const Rename &r, std::ostream *out)
{
    *out << r.table.toStdString() << (r.isColumn() ? "." + r.column.toStdString() : "") << "="
         << r.newName.toStdString();
}

} // namespace burrow::plan

namespace {

Rename tableRename(const char *table, const char *newName)
{
    return {QString::fromUtf8(table), {}, QString::fromUtf8(newName)};
}

Rename columnRename(const char *table, const char *column, const char *newName)
{
    return {QString::fromUtf8(table), QString::fromUtf8(column), QString::fromUtf8(newName)};
}

/// The annotations of a model file read the way `burrow-cli` reads models.
QList<Rename> annotationsOf(const QByteArray &sql)
{
    test::TempDir dir;
    const QString file = dir.write(QStringLiteral("model.sql"), sql);
    Result<model::ModelScript> script =
        model::readModelFiles({file}, dialect::sqlite::lexerOptions());
    EXPECT_TRUE(script.ok()) << (script ? "" : script.error().toString().toStdString());
    return script ? renamesFromAnnotations(*script, dialect::sqlite::lexerOptions())
                  : QList<Rename>{};
}

const Table &tableNamed(const Schema &schema, const char *name)
{
    const Table *table = schema::findTable(schema, QString::fromUtf8(name), Qt::CaseSensitive);
    if (!table)
        ADD_FAILURE() << "no table " << name;
    static const Table none;
    return table ? *table : none;
}

QStringList columnNames(const Table &table)
{
    QStringList names;
    for (const schema::Column &column : table.columns)
        names.append(column.name);
    return names;
}

QStringList tableNames(const Schema &schema)
{
    QStringList names;
    for (const Table &table : schema.tables)
        names.append(table.name);
    return names;
}

const QByteArray kLive = R"(
CREATE TABLE users (id INTEGER PRIMARY KEY, nick TEXT UNIQUE, email TEXT);
CREATE INDEX users_nick ON users (nick, email);
CREATE TABLE posts (id INTEGER PRIMARY KEY,
                    author_nick TEXT REFERENCES users (nick),
                    user_id INTEGER REFERENCES users (id));
)";

const QByteArray kModel = R"(
CREATE TABLE people (uid INTEGER PRIMARY KEY, nickname TEXT UNIQUE, email TEXT);
CREATE INDEX users_nick ON people (nickname, email);
CREATE TABLE posts (id INTEGER PRIMARY KEY,
                    author_nickname TEXT REFERENCES people (nickname),
                    user_id INTEGER REFERENCES people (uid));
)";

const QList<Rename> kRenames = {tableRename("users", "people"), columnRename("users", "id", "uid"),
                                columnRename("users", "nick", "nickname"),
                                columnRename("posts", "author_nick", "author_nickname")};

} // namespace

// --- --rename arguments --------------------------------------------------------------------------

TEST(Renames, argument_with_one_name_renames_a_table)
{
    const Result<Rename> r = parseRenameArgument(QStringLiteral("users=people"));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(*r, tableRename("users", "people"));
    EXPECT_FALSE(r->isColumn());
}

TEST(Renames, argument_with_dotted_name_renames_a_column)
{
    const Result<Rename> r = parseRenameArgument(QStringLiteral("users.nick=nickname"));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(*r, columnRename("users", "nick", "nickname"));
}

// A dotted new name moves the table to that schema (PostgreSQL); the old name may be another
// schema's table too.
TEST(Renames, argument_with_dotted_new_name_moves_a_table_to_that_schema)
{
    const Result<Rename> in = parseRenameArgument(QStringLiteral("users=core.users"));
    ASSERT_TRUE(in.ok()) << in.error().toString().toStdString();
    EXPECT_EQ(*in, (Rename{u"users"_s, {}, schema::qualifiedName(u"core"_s, u"users"_s)}));

    const Result<Rename> out = parseRenameArgument(QStringLiteral("core.users=public.members"));
    ASSERT_TRUE(out.ok()) << out.error().toString().toStdString();
    EXPECT_EQ(*out, (Rename{schema::qualifiedName(u"core"_s, u"users"_s),
                            {},
                            schema::qualifiedName(u"public"_s, u"members"_s)}));
}

TEST(Renames, quoted_argument_names_keep_dots_equals_signs_and_doubled_quotes)
{
    const Result<Rename> column = parseRenameArgument(QStringLiteral(R"("my table"."a.b"="c=d")"));
    ASSERT_TRUE(column.ok()) << column.error().toString().toStdString();
    EXPECT_EQ(*column, columnRename("my table", "a.b", "c=d"));

    const Result<Rename> table = parseRenameArgument(QStringLiteral(R"("say ""hi"""=greeting)"));
    ASSERT_TRUE(table.ok()) << table.error().toString().toStdString();
    EXPECT_EQ(*table, tableRename("say \"hi\"", "greeting"));
}

// PostgreSQL's other managed schemas: schema.table.column names a column of `core.users`.
TEST(Renames, a_column_of_another_schemas_table_is_named_with_three_parts)
{
    const Result<Rename> r = parseRenameArgument(u"core.users.nick=nickname"_s);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->table, schema::qualifiedName(u"core"_s, u"users"_s));
    EXPECT_EQ(r->column, u"nick"_s);
    EXPECT_EQ(r->newName, u"nickname"_s);
}

TEST(Renames, malformed_argument_is_an_error_naming_it_and_the_expected_form)
{
    const struct {
        const char *argument;
        const char *reason;
    } cases[] = {
        {"users", "no \"=\""},
        {"=people", "a name is empty"},
        {"users=", "a name is empty"},
        {"users.=nickname", "a name is empty"},
        {"a=b=c", "more than one \"=\""},
        {"main.users.nick.x=nickname", "more than two dots outside quotes"},
        {"app.users.nick=people.nickname", "the new name has a dot"},
        {"users=a.b.c", "the new name has a dot"},
        {"\"users=people", "a quote is not closed"},
        {"\"users\"s=people", "quote whole names"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.argument);
        const Result<Rename> r = parseRenameArgument(QString::fromUtf8(c.argument));
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, Error::Code::InvalidArgument);
        const QString message = r.error().message;
        EXPECT_TRUE(message.contains(QString::fromUtf8(c.argument))) << message.toStdString();
        EXPECT_TRUE(message.contains(QString::fromUtf8(c.reason))) << message.toStdString();
        EXPECT_TRUE(
            message.contains(u"table=new_table, table.column=new_column or table=schema.table"))
            << message.toStdString();
    }
}

// --- annotations ---------------------------------------------------------------------------------

TEST(Renames, annotation_after_create_table_parenthesis_renames_the_table)
{
    EXPECT_EQ(annotationsOf("CREATE TABLE users ( -- @renamed from=user_accounts\n"
                            "  id integer PRIMARY KEY\n);\n"),
              QList<Rename>{tableRename("user_accounts", "users")});
}

TEST(Renames, block_comment_annotation_before_parenthesis_renames_the_table)
{
    EXPECT_EQ(annotationsOf("CREATE TABLE new_users /* @renamed from=old_users */ (\n"
                            "  id integer PRIMARY KEY\n);\n"),
              QList<Rename>{tableRename("old_users", "new_users")});
}

TEST(Renames, quoted_old_name_in_annotation_is_unquoted)
{
    EXPECT_EQ(annotationsOf("CREATE TABLE \"user_profiles\" ( -- @renamed from=\"user accounts\"\n"
                            "  id integer PRIMARY KEY\n);\n"),
              QList<Rename>{tableRename("user accounts", "user_profiles")});
}

TEST(Renames, annotation_after_column_definition_renames_the_column_with_or_without_comma)
{
    EXPECT_EQ(annotationsOf("CREATE TABLE users (\n"
                            "  id integer PRIMARY KEY,\n"
                            "  user_name text NOT NULL, -- @renamed from=username\n"
                            "  mail text /* @renamed from=email */\n"
                            ");\n"),
              (QList<Rename>{columnRename("users", "username", "user_name"),
                             columnRename("users", "email", "mail")}));
}

TEST(Renames, column_annotations_in_a_renamed_table_name_the_table_by_its_old_name)
{
    EXPECT_EQ(
        annotationsOf("CREATE TABLE people ( -- @renamed from=users\n"
                      "  id integer PRIMARY KEY,\n"
                      "  nickname text -- @renamed from=nick\n"
                      ");\n"),
        (QList<Rename>{tableRename("users", "people"), columnRename("users", "nick", "nickname")}));
}

TEST(Renames, annotations_of_all_statements_list_table_renames_first_with_names_unquoted)
{
    const QString sql =
        QStringLiteral("CREATE TABLE notes (\n"
                       "  \"note text\" TEXT -- @renamed from=\"body\"\"s\"\n"
                       ");\n"
                       "CREATE TABLE [tags] /* @renamed from=`labels` */ (id INT);");
    Result<QList<sql::Statement>> statements =
        sql::splitStatements(sql, QStringLiteral("model.sql"), dialect::sqlite::lexerOptions());
    ASSERT_TRUE(statements.ok());
    const model::ModelScript script{*statements, {QStringLiteral("model.sql")}};
    EXPECT_EQ(renamesFromAnnotations(script, dialect::sqlite::lexerOptions()),
              (QList<Rename>{tableRename("labels", "tags"),
                             columnRename("notes", "body\"s", "note text")}));
}

TEST(Renames, annotations_on_indexes_constraints_and_lines_of_their_own_are_ignored)
{
    EXPECT_TRUE(annotationsOf("CREATE TABLE users (\n"
                              "  -- @renamed from=accounts\n"
                              "  id integer,\n"
                              "  -- @renamed from=old_name\n"
                              "  name text, -- just a note\n"
                              "  UNIQUE (name) -- @renamed from=name_key\n"
                              ");\n"
                              "CREATE INDEX users_name ON users (name); -- @renamed from=x\n"
                              "CREATE INDEX users_id /* @renamed from=users_pk */ ON users (id);\n")
                    .isEmpty());
}

// --- ordering, validation ------------------------------------------------------------------------

TEST(Renames, ordered_renames_put_tables_first_and_drop_duplicates)
{
    const QList<Rename> renames = {columnRename("users", "nick", "nickname"),
                                   tableRename("users", "people"), tableRename("USERS", "people"),
                                   tableRename("posts", "articles"),
                                   columnRename("users", "nick", "nickname")};
    EXPECT_EQ(orderedRenames(renames, Qt::CaseInsensitive),
              (QList<Rename>{tableRename("users", "people"), tableRename("posts", "articles"),
                             columnRename("users", "nick", "nickname")}));
    EXPECT_EQ(orderedRenames(renames, Qt::CaseSensitive).size(), 4);
}

TEST(Renames, validate_accepts_renames_found_in_both_schemas)
{
    const Status status = validateRenames(kRenames, test::introspectSql(kLive),
                                          test::introspectSql(kModel), Qt::CaseInsensitive);
    EXPECT_TRUE(status.ok()) << status.error().toString().toStdString();
}

TEST(Renames, validate_names_the_rename_and_what_is_missing)
{
    const Schema live = test::introspectSql(kLive);
    const Schema model = test::introspectSql(kModel);
    const Rename toPeople = tableRename("users", "people");
    const struct {
        QList<Rename> renames;
        const char *message;
    } cases[] = {
        {{columnRename("users", "nik", "nickname")},
         "rename users.nik=nickname: the database has no column users.nik"},
        {{columnRename("accounts", "nick", "nickname")},
         "rename accounts.nick=nickname: the database has no table accounts"},
        {{tableRename("users", "persons")}, "rename users=persons: the model has no table persons"},
        {{tableRename("users", "posts")},
         "rename users=posts: the database already has a table posts"},
        {{columnRename("users", "nick", "nickname")},
         "rename users.nick=nickname: the model has no table users"},
        {{toPeople, columnRename("users", "nick", "handle")},
         "rename users.nick=handle: the model has no column people.handle"},
        {{toPeople, columnRename("users", "nick", "email")},
         "rename users.nick=email: the database already has a column users.email"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.message);
        const Status status = validateRenames(c.renames, live, model, Qt::CaseInsensitive);
        ASSERT_FALSE(status.ok());
        EXPECT_EQ(status.error().code, Error::Code::InvalidArgument);
        EXPECT_EQ(status.error().message, QString::fromUtf8(c.message));
        EXPECT_FALSE(status.error().hint.isEmpty());
    }
}

TEST(Renames, validate_rejects_one_column_renamed_to_two_names)
{
    const Schema model = test::introspectSql(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, a TEXT, b TEXT, email TEXT);");
    const Status status =
        validateRenames({columnRename("users", "nick", "a"), columnRename("users", "nick", "b")},
                        test::introspectSql(kLive), model, Qt::CaseInsensitive);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().message, u"rename users.nick=b: it is also renamed to a");
}

TEST(Renames, validate_rejects_two_tables_renamed_to_one_name)
{
    const Status status = validateRenames(
        {tableRename("users", "people"), tableRename("posts", "people")},
        test::introspectSql(kLive), test::introspectSql(kModel), Qt::CaseInsensitive);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().message,
              u"rename posts=people: the new name is already given by users=people");
}

// --- applying and undoing ------------------------------------------------------------------------

TEST(Renames, applying_renames_updates_keys_indexes_and_foreign_keys_of_other_tables)
{
    const Schema renamed = applyRenames(test::introspectSql(kLive), kRenames, Qt::CaseInsensitive,
                                        {dialect::sqlite::lexerOptions()});
    const Table &people = tableNamed(renamed, "people");
    EXPECT_EQ(columnNames(people), (QStringList{u"uid"_s, u"nickname"_s, u"email"_s}));
    ASSERT_TRUE(people.primaryKey);
    EXPECT_EQ(people.primaryKey->columns, QStringList{u"uid"_s});
    ASSERT_EQ(people.uniques.size(), 1);
    EXPECT_EQ(people.uniques[0].columns, QStringList{u"nickname"_s});
    ASSERT_EQ(people.indexes.size(), 1);
    EXPECT_EQ(people.indexes[0].parts[0].column, u"nickname");

    const Table &posts = tableNamed(renamed, "posts");
    ASSERT_EQ(posts.foreignKeys.size(), 2);
    for (const schema::ForeignKey &fk : posts.foreignKeys)
        EXPECT_EQ(fk.referencedTable, u"people");
    QStringList ownColumns, referenced;
    for (const schema::ForeignKey &fk : posts.foreignKeys) {
        ownColumns += fk.columns;
        referenced += fk.referencedColumns;
    }
    ownColumns.sort();
    referenced.sort();
    EXPECT_EQ(ownColumns, (QStringList{u"author_nickname"_s, u"user_id"_s}));
    EXPECT_EQ(referenced, (QStringList{u"nickname"_s, u"uid"_s}));
}

TEST(Renames, renamed_live_schema_matches_the_model_written_with_new_names)
{
    const Schema renamed = applyRenames(test::introspectSql(kLive), kRenames, Qt::CaseInsensitive,
                                        {dialect::sqlite::lexerOptions()});
    const QList<diff::Change> changes = diff::diffSchemas(renamed, test::introspectSql(kModel));
    EXPECT_TRUE(changes.isEmpty())
        << changes.size() << " changes, first: " << changes.value(0).table.toStdString() << " "
        << changes.value(0).name.toStdString();
}

TEST(Renames, applying_renames_compares_names_with_the_given_case_rule)
{
    const Schema live = test::introspectSql(kLive);
    const QList<Rename> renames = {tableRename("USERS", "people"),
                                   columnRename("USERS", "NICK", "nickname")};
    const Schema insensitive =
        applyRenames(live, renames, Qt::CaseInsensitive, {dialect::sqlite::lexerOptions()});
    EXPECT_EQ(columnNames(tableNamed(insensitive, "people"))[1], u"nickname");
    EXPECT_EQ(tableNamed(insensitive, "posts").foreignKeys[0].referencedTable, u"people");
    const Schema sensitive =
        applyRenames(live, renames, Qt::CaseSensitive, {dialect::sqlite::lexerOptions()});
    EXPECT_EQ(tableNames(sensitive), tableNames(live));
    EXPECT_EQ(columnNames(tableNamed(sensitive, "users")), columnNames(tableNamed(live, "users")));
}

TEST(Renames, inverted_renames_run_backwards_and_name_columns_by_the_new_table_name)
{
    EXPECT_EQ(
        invertRenames({tableRename("users", "people"), columnRename("users", "nick", "nickname"),
                       columnRename("posts", "author_nick", "author_nickname")}),
        (QList<Rename>{columnRename("posts", "author_nickname", "author_nick"),
                       columnRename("people", "nickname", "nick"),
                       tableRename("people", "users")}));
}

TEST(Renames, applying_renames_then_their_inverse_restores_the_schema)
{
    const Schema live = test::introspectSql(kLive);
    const Schema renamed =
        applyRenames(live, kRenames, Qt::CaseInsensitive, {dialect::sqlite::lexerOptions()});
    const Schema restored = applyRenames(renamed, invertRenames(kRenames), Qt::CaseInsensitive,
                                         {dialect::sqlite::lexerOptions()});
    EXPECT_FALSE(diff::diffSchemas(live, renamed).isEmpty());
    EXPECT_TRUE(diff::diffSchemas(live, restored).isEmpty());
    EXPECT_EQ(tableNames(restored), tableNames(live));
    for (const Table &table : live.tables)
        EXPECT_EQ(columnNames(tableNamed(restored, table.name.toUtf8().constData())),
                  columnNames(table));
    EXPECT_EQ(tableNamed(restored, "posts").foreignKeys[0].referencedTable, u"users");
}
