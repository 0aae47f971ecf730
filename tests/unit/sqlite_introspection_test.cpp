// Introspection of a real SQLite database, one object kind at a time.
#include "dialect/sqlite/sqlite_lexer.h"
#include "qt_printing.h"
#include "sql/canonical.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::schema;

namespace {

// Test results print QStrings readably.
std::string str(const QString &s)
{
    return s.toStdString();
}

const Table &tableIn(const Schema &schema, const QString &name)
{
    static const Table missing;
    const Table *t = findTable(schema, name, Qt::CaseInsensitive);
    EXPECT_NE(t, nullptr) << "no table " << str(name);
    return t ? *t : missing;
}

const Column &columnIn(const Table &table, const QString &name)
{
    static const Column missing;
    for (const Column &c : table.columns) {
        if (c.name == name)
            return c;
    }
    ADD_FAILURE() << "no column " << str(name) << " in " << str(table.name);
    return missing;
}

const Index &indexIn(const Table &table, const QString &name)
{
    static const Index missing;
    for (const Index &i : table.indexes) {
        if (i.name == name)
            return i;
    }
    ADD_FAILURE() << "no index " << str(name) << " on " << str(table.name);
    return missing;
}

Expression canonicalExpression(const QString &text)
{
    return {text, sql::canonicalize(text, dialect::sqlite::lexerOptions())};
}

} // namespace

// --- columns -----------------------------------------------------------------------------------

TEST(SqliteIntrospection, columns_are_read_in_declaration_order)
{
    const Schema s = test::introspectSql("CREATE TABLE t (b INTEGER, a TEXT, c);");
    const Table &t = tableIn(s, QStringLiteral("t"));
    ASSERT_EQ(t.columns.size(), 3);
    EXPECT_EQ(t.columns[0].name, u"b");
    EXPECT_EQ(t.columns[1].name, u"a");
    EXPECT_EQ(t.columns[2].name, u"c");
    EXPECT_EQ(t.columns[2].type, QString());
}

TEST(SqliteIntrospection, declared_type_is_normalized_in_case_and_blanks)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE t (a varchar( 10 ), b numeric(10 ,2), c unsigned   big int);");
    const Table &t = tableIn(s, QStringLiteral("t"));
    EXPECT_EQ(columnIn(t, QStringLiteral("a")).type, u"VARCHAR(10)");
    EXPECT_EQ(columnIn(t, QStringLiteral("b")).type, u"NUMERIC(10, 2)");
    EXPECT_EQ(columnIn(t, QStringLiteral("c")).type, u"UNSIGNED BIG INT");
    EXPECT_EQ(columnIn(t, QStringLiteral("a")).typeKey, u"VARCHAR(10)");
}

TEST(SqliteIntrospection, not_null_is_read_per_column)
{
    const Schema s = test::introspectSql("CREATE TABLE t (a INTEGER NOT NULL, b INTEGER NULL, c);");
    const Table &t = tableIn(s, QStringLiteral("t"));
    EXPECT_TRUE(columnIn(t, QStringLiteral("a")).notNull);
    EXPECT_FALSE(columnIn(t, QStringLiteral("b")).notNull);
    EXPECT_FALSE(columnIn(t, QStringLiteral("c")).notNull);
}

TEST(SqliteIntrospection, default_keeps_its_text_and_has_a_canonical_form)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE t (a INTEGER DEFAULT ((0)), b INTEGER DEFAULT 0, c TEXT DEFAULT 'x',"
        " d TEXT DEFAULT CURRENT_TIMESTAMP, e, f INTEGER DEFAULT (0));");
    const Table &t = tableIn(s, QStringLiteral("t"));
    const Column &a = columnIn(t, QStringLiteral("a"));
    const Column &b = columnIn(t, QStringLiteral("b"));
    const Column &f = columnIn(t, QStringLiteral("f"));
    ASSERT_TRUE(a.defaultValue && b.defaultValue && f.defaultValue);
    EXPECT_EQ(a.defaultValue->text, u"(0)"); // SQLite itself drops one level of parentheses
    EXPECT_EQ(b.defaultValue->text, u"0");
    EXPECT_EQ(*a.defaultValue, *b.defaultValue);
    EXPECT_EQ(*f.defaultValue, *b.defaultValue);
    EXPECT_EQ(b.defaultValue->canonical, u"0");
    ASSERT_TRUE(columnIn(t, QStringLiteral("c")).defaultValue);
    EXPECT_EQ(columnIn(t, QStringLiteral("c")).defaultValue->text, u"'x'");
    ASSERT_TRUE(columnIn(t, QStringLiteral("d")).defaultValue);
    EXPECT_EQ(columnIn(t, QStringLiteral("d")).defaultValue->text, u"CURRENT_TIMESTAMP");
    EXPECT_FALSE(columnIn(t, QStringLiteral("e")).defaultValue.has_value());
}

TEST(SqliteIntrospection, different_defaults_have_different_canonical_forms)
{
    const Schema s =
        test::introspectSql("CREATE TABLE t (a INTEGER DEFAULT 0, b INTEGER DEFAULT 1);");
    const Table &t = tableIn(s, QStringLiteral("t"));
    ASSERT_TRUE(columnIn(t, QStringLiteral("a")).defaultValue);
    ASSERT_TRUE(columnIn(t, QStringLiteral("b")).defaultValue);
    EXPECT_NE(*columnIn(t, QStringLiteral("a")).defaultValue,
              *columnIn(t, QStringLiteral("b")).defaultValue);
}

TEST(SqliteIntrospection, binary_collation_reads_as_default_and_others_are_kept)
{
    const Schema s = test::introspectSql("CREATE TABLE t (a TEXT COLLATE BINARY, b TEXT COLLATE "
                                         "nocase, c TEXT COLLATE RTRIM, d TEXT);");
    const Table &t = tableIn(s, QStringLiteral("t"));
    EXPECT_EQ(columnIn(t, QStringLiteral("a")).collation, QString());
    EXPECT_EQ(columnIn(t, QStringLiteral("b")).collation, u"NOCASE");
    EXPECT_EQ(columnIn(t, QStringLiteral("c")).collation, u"RTRIM");
    EXPECT_EQ(columnIn(t, QStringLiteral("d")).collation, QString());
}

TEST(SqliteIntrospection, composite_primary_key_positions_follow_the_key_not_the_columns)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER, PRIMARY KEY (c, a));");
    const Table &t = tableIn(s, QStringLiteral("t"));
    EXPECT_EQ(columnIn(t, QStringLiteral("a")).primaryKeyPosition, 2);
    EXPECT_EQ(columnIn(t, QStringLiteral("b")).primaryKeyPosition, 0);
    EXPECT_EQ(columnIn(t, QStringLiteral("c")).primaryKeyPosition, 1);
    ASSERT_TRUE(t.primaryKey);
    EXPECT_EQ(t.primaryKey->columns, QStringList({QStringLiteral("c"), QStringLiteral("a")}));
    EXPECT_EQ(t.primaryKey->name, QString());
}

TEST(SqliteIntrospection, autoincrement_is_read_from_the_create_text)
{
    const Schema s = test::introspectSql("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x);"
                                         "CREATE TABLE u (id INTEGER PRIMARY KEY, x);");
    EXPECT_TRUE(columnIn(tableIn(s, QStringLiteral("t")), QStringLiteral("id")).autoIncrement);
    EXPECT_FALSE(columnIn(tableIn(s, QStringLiteral("t")), QStringLiteral("x")).autoIncrement);
    EXPECT_FALSE(columnIn(tableIn(s, QStringLiteral("u")), QStringLiteral("id")).autoIncrement);
    EXPECT_EQ(columnIn(tableIn(s, QStringLiteral("t")), QStringLiteral("id")).primaryKeyPosition,
              1);
}

TEST(SqliteIntrospection, generated_columns_are_virtual_or_stored_with_their_expression)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE t (a INTEGER, v INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL,"
        " s INTEGER AS (a + 1) STORED, d INTEGER AS (a - 1), plain INTEGER);");
    const Table &t = tableIn(s, QStringLiteral("t"));
    const Column &v = columnIn(t, QStringLiteral("v"));
    EXPECT_EQ(v.generated, Generated::Virtual);
    EXPECT_EQ(v.generatedExpression.text, u"a * 2");
    const Column &stored = columnIn(t, QStringLiteral("s"));
    EXPECT_EQ(stored.generated, Generated::Stored);
    EXPECT_EQ(stored.generatedExpression.text, u"a + 1");
    EXPECT_EQ(columnIn(t, QStringLiteral("d")).generated, Generated::Virtual);
    EXPECT_EQ(columnIn(t, QStringLiteral("d")).generatedExpression,
              canonicalExpression(QStringLiteral("(a - 1)")));
    EXPECT_EQ(columnIn(t, QStringLiteral("plain")).generated, Generated::No);
    EXPECT_TRUE(columnIn(t, QStringLiteral("plain")).generatedExpression.isEmpty());
    EXPECT_EQ(columnIn(t, QStringLiteral("v")).type, u"INTEGER");
}

// --- primary keys ------------------------------------------------------------------------------

TEST(SqliteIntrospection, column_primary_key_is_the_tables_primary_key)
{
    const Schema s = test::introspectSql("CREATE TABLE t (id INTEGER PRIMARY KEY, x);");
    const Table &t = tableIn(s, QStringLiteral("t"));
    ASSERT_TRUE(t.primaryKey);
    EXPECT_EQ(t.primaryKey->columns, QStringList{QStringLiteral("id")});
    EXPECT_TRUE(t.primaryKey->name.isEmpty());
}

TEST(SqliteIntrospection, named_primary_key_keeps_its_constraint_name)
{
    const Schema s =
        test::introspectSql("CREATE TABLE t (a TEXT, b TEXT, CONSTRAINT pk_t PRIMARY KEY (a, b));"
                            "CREATE TABLE u (id INTEGER CONSTRAINT pk_u PRIMARY KEY);");
    const Table &t = tableIn(s, QStringLiteral("t"));
    ASSERT_TRUE(t.primaryKey);
    EXPECT_EQ(t.primaryKey->name, u"pk_t");
    EXPECT_EQ(t.primaryKey->columns, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    const Table &u = tableIn(s, QStringLiteral("u"));
    ASSERT_TRUE(u.primaryKey);
    EXPECT_EQ(u.primaryKey->name, u"pk_u");
}

TEST(SqliteIntrospection, table_without_primary_key_has_none)
{
    const Schema s = test::introspectSql("CREATE TABLE t (a, b);");
    EXPECT_FALSE(tableIn(s, QStringLiteral("t")).primaryKey.has_value());
}

// --- foreign keys ------------------------------------------------------------------------------

TEST(SqliteIntrospection, foreign_key_reads_columns_target_and_actions)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE);"
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER,"
        " FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL);");
    const Table &child = tableIn(s, QStringLiteral("child"));
    ASSERT_EQ(child.foreignKeys.size(), 1);
    const ForeignKey &fk = child.foreignKeys.first();
    EXPECT_EQ(fk.columns, QStringList{QStringLiteral("parent_id")});
    EXPECT_EQ(fk.referencedTable, u"parent");
    EXPECT_EQ(fk.referencedColumns, QStringList{QStringLiteral("id")});
    EXPECT_EQ(fk.onDelete, ReferentialAction::Cascade);
    EXPECT_EQ(fk.onUpdate, ReferentialAction::SetNull);
    EXPECT_EQ(fk.deferral, Deferral::NotDeferrable);
    EXPECT_TRUE(fk.name.isEmpty());
}

TEST(SqliteIntrospection, every_referential_action_is_distinguished)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE p (id INTEGER PRIMARY KEY);"
        "CREATE TABLE c (a REFERENCES p ON DELETE RESTRICT ON UPDATE SET DEFAULT,"
        " b REFERENCES p ON DELETE NO ACTION ON UPDATE CASCADE);");
    const Table &c = tableIn(s, QStringLiteral("c"));
    ASSERT_EQ(c.foreignKeys.size(), 2);
    for (const ForeignKey &fk : c.foreignKeys) {
        if (fk.columns == QStringList{QStringLiteral("a")}) {
            EXPECT_EQ(fk.onDelete, ReferentialAction::Restrict);
            EXPECT_EQ(fk.onUpdate, ReferentialAction::SetDefault);
        } else {
            EXPECT_EQ(fk.columns, QStringList{QStringLiteral("b")});
            EXPECT_EQ(fk.onDelete, ReferentialAction::NoAction);
            EXPECT_EQ(fk.onUpdate, ReferentialAction::Cascade);
        }
    }
}

TEST(SqliteIntrospection, deferrable_initially_deferred_foreign_key_is_deferred)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE p (id INTEGER PRIMARY KEY);"
        "CREATE TABLE c (a INTEGER REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED,"
        " b INTEGER REFERENCES p (id) DEFERRABLE INITIALLY IMMEDIATE,"
        " d INTEGER, FOREIGN KEY (d) REFERENCES p (id) ON DELETE CASCADE DEFERRABLE INITIALLY "
        "DEFERRED);");
    const Table &c = tableIn(s, QStringLiteral("c"));
    ASSERT_EQ(c.foreignKeys.size(), 3);
    for (const ForeignKey &fk : c.foreignKeys) {
        const QString column = fk.columns.value(0);
        const Deferral expected =
            column == u"b" ? Deferral::NotDeferrable : Deferral::InitiallyDeferred;
        EXPECT_EQ(fk.deferral, expected) << str(column);
    }
}

TEST(SqliteIntrospection, named_foreign_keys_keep_their_constraint_names)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE p (id INTEGER PRIMARY KEY);"
        "CREATE TABLE c (a INTEGER CONSTRAINT fk_a REFERENCES p (id), b INTEGER,"
        " CONSTRAINT fk_b FOREIGN KEY (b) REFERENCES p (id));");
    const Table &c = tableIn(s, QStringLiteral("c"));
    ASSERT_EQ(c.foreignKeys.size(), 2);
    for (const ForeignKey &fk : c.foreignKeys)
        EXPECT_EQ(fk.name, u"fk_" + fk.columns.value(0));
}

TEST(SqliteIntrospection, composite_foreign_key_keeps_column_order)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE p (x INTEGER, y INTEGER, PRIMARY KEY (x, y));"
        "CREATE TABLE c (b INTEGER, a INTEGER, FOREIGN KEY (b, a) REFERENCES p (y, x));");
    const Table &c = tableIn(s, QStringLiteral("c"));
    ASSERT_EQ(c.foreignKeys.size(), 1);
    EXPECT_EQ(c.foreignKeys[0].columns, QStringList({QStringLiteral("b"), QStringLiteral("a")}));
    EXPECT_EQ(c.foreignKeys[0].referencedColumns,
              QStringList({QStringLiteral("y"), QStringLiteral("x")}));
}

TEST(SqliteIntrospection, two_foreign_keys_to_the_same_table_stay_apart)
{
    const Schema s =
        test::introspectSql("CREATE TABLE p (id INTEGER PRIMARY KEY);"
                            "CREATE TABLE c (a REFERENCES p (id), b REFERENCES p (id));");
    const Table &c = tableIn(s, QStringLiteral("c"));
    ASSERT_EQ(c.foreignKeys.size(), 2);
    QStringList columns;
    for (const ForeignKey &fk : c.foreignKeys)
        columns += fk.columns;
    columns.sort();
    EXPECT_EQ(columns, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
}

TEST(SqliteIntrospection, foreign_key_without_columns_resolves_to_parent_primary_key)
{
    const Schema s =
        test::introspectSql("CREATE TABLE parent (x INTEGER, y INTEGER, PRIMARY KEY (y, x));"
                            "CREATE TABLE single (code TEXT PRIMARY KEY);"
                            "CREATE TABLE child (a INTEGER, b INTEGER, s TEXT REFERENCES single,"
                            " FOREIGN KEY (a, b) REFERENCES parent);");
    const Table &child = tableIn(s, QStringLiteral("child"));
    ASSERT_EQ(child.foreignKeys.size(), 2);
    for (const ForeignKey &fk : child.foreignKeys) {
        if (fk.referencedTable == u"parent")
            EXPECT_EQ(fk.referencedColumns,
                      QStringList({QStringLiteral("y"), QStringLiteral("x")}));
        else
            EXPECT_EQ(fk.referencedColumns, QStringList{QStringLiteral("code")});
    }
}

// --- unique and check constraints --------------------------------------------------------------

TEST(SqliteIntrospection, column_and_table_unique_constraints_are_read_with_names)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE t (a TEXT UNIQUE, b TEXT CONSTRAINT uq_b UNIQUE, c TEXT, d TEXT,"
        " CONSTRAINT uq_cd UNIQUE (c, d), UNIQUE (d, a));");
    const Table &t = tableIn(s, QStringLiteral("t"));
    ASSERT_EQ(t.uniques.size(), 4);
    QMap<QString, QString> byColumns; // "c,d" → name
    for (const UniqueConstraint &u : t.uniques)
        byColumns.insert(u.columns.join(u','), u.name);
    EXPECT_EQ(byColumns.value(QStringLiteral("a"), QStringLiteral("?")), QString());
    EXPECT_EQ(byColumns.value(QStringLiteral("b")), u"uq_b");
    EXPECT_EQ(byColumns.value(QStringLiteral("c,d")), u"uq_cd");
    EXPECT_EQ(byColumns.value(QStringLiteral("d,a"), QStringLiteral("?")), QString());
    EXPECT_TRUE(t.indexes.isEmpty()) << "constraint-backing indexes are constraints, not indexes";
}

TEST(SqliteIntrospection, column_and_table_check_constraints_are_read_with_names)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE t (a INTEGER CHECK (a > 0), b INTEGER CONSTRAINT ck_b CHECK (b < 10),"
        " CONSTRAINT ck_ab CHECK (a <> b), CHECK (a + b < 100));");
    const Table &t = tableIn(s, QStringLiteral("t"));
    ASSERT_EQ(t.checks.size(), 4);
    EXPECT_EQ(t.checks[0].name, QString());
    EXPECT_EQ(t.checks[0].expression.text, u"a > 0");
    EXPECT_EQ(t.checks[1].name, u"ck_b");
    EXPECT_EQ(t.checks[1].expression.text, u"b < 10");
    EXPECT_EQ(t.checks[2].name, u"ck_ab");
    EXPECT_EQ(t.checks[2].expression, canonicalExpression(QStringLiteral("A<>B")));
    EXPECT_EQ(t.checks[3].name, QString());
    EXPECT_EQ(t.checks[3].expression.text, u"a + b < 100");
}

// --- indexes -----------------------------------------------------------------------------------

TEST(SqliteIntrospection, index_reads_uniqueness_and_column_order)
{
    const Schema s = test::introspectSql("CREATE TABLE t (a, b, c);"
                                         "CREATE UNIQUE INDEX t_ba ON t (b, a);"
                                         "CREATE INDEX t_c ON t (c);");
    const Table &t = tableIn(s, QStringLiteral("t"));
    ASSERT_EQ(t.indexes.size(), 2);
    const Index &ba = indexIn(t, QStringLiteral("t_ba"));
    EXPECT_TRUE(ba.unique);
    ASSERT_EQ(ba.parts.size(), 2);
    EXPECT_EQ(ba.parts[0].column, u"b");
    EXPECT_EQ(ba.parts[1].column, u"a");
    EXPECT_TRUE(ba.where.isEmpty());
    EXPECT_TRUE(ba.sql.startsWith(u"CREATE UNIQUE INDEX t_ba")) << str(ba.sql);
    EXPECT_FALSE(indexIn(t, QStringLiteral("t_c")).unique);
}

TEST(SqliteIntrospection, index_parts_keep_descending_order_and_collation)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE t (a TEXT, b TEXT);"
        "CREATE INDEX t_ab ON t (a COLLATE NOCASE DESC, b COLLATE BINARY ASC);");
    const Index &i = indexIn(tableIn(s, QStringLiteral("t")), QStringLiteral("t_ab"));
    ASSERT_EQ(i.parts.size(), 2);
    EXPECT_EQ(i.parts[0].order, SortOrder::Descending);
    EXPECT_EQ(i.parts[0].collation, u"NOCASE");
    EXPECT_EQ(i.parts[1].order, SortOrder::Ascending);
    EXPECT_EQ(i.parts[1].collation, QString());
}

TEST(SqliteIntrospection, expression_index_parts_carry_their_expression)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE t (name TEXT, n INTEGER);"
        "CREATE INDEX t_expr ON t (lower(name) DESC, n, abs(n) COLLATE NOCASE);");
    const Index &i = indexIn(tableIn(s, QStringLiteral("t")), QStringLiteral("t_expr"));
    ASSERT_EQ(i.parts.size(), 3);
    EXPECT_TRUE(i.parts[0].column.isEmpty());
    EXPECT_EQ(i.parts[0].expression.text, u"lower(name)");
    EXPECT_EQ(i.parts[0].order, SortOrder::Descending);
    EXPECT_EQ(i.parts[1].column, u"n");
    EXPECT_TRUE(i.parts[1].expression.isEmpty());
    EXPECT_EQ(i.parts[2].expression.text, u"abs(n)");
    EXPECT_EQ(i.parts[2].collation, u"NOCASE");
}

TEST(SqliteIntrospection, partial_index_keeps_its_predicate)
{
    const Schema s = test::introspectSql("CREATE TABLE t (a, deleted INTEGER);"
                                         "CREATE INDEX t_live ON t (a) WHERE deleted = 0;");
    const Index &i = indexIn(tableIn(s, QStringLiteral("t")), QStringLiteral("t_live"));
    EXPECT_EQ(i.where.text, u"deleted = 0");
    EXPECT_EQ(i.where, canonicalExpression(QStringLiteral("(DELETED=0)")));
}

// --- views, triggers, table options ------------------------------------------------------------

TEST(SqliteIntrospection, views_are_read_with_their_definition)
{
    const Schema s = test::introspectSql("CREATE TABLE t (a, b);"
                                         "CREATE VIEW v_a AS SELECT a FROM t;"
                                         "CREATE VIEW v_b AS SELECT b FROM t WHERE b > 1;");
    ASSERT_EQ(s.views.size(), 2);
    EXPECT_EQ(s.views[0].name, u"v_a");
    EXPECT_EQ(s.views[0].definition.text, u"CREATE VIEW v_a AS SELECT a FROM t");
    EXPECT_EQ(s.views[1].name, u"v_b");
    EXPECT_EQ(s.tables.size(), 1) << "a view is not a table";
}

TEST(SqliteIntrospection, triggers_are_attached_to_their_table)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE t (a);"
        "CREATE TABLE log (msg);"
        "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('x'); END;"
        "CREATE TRIGGER log_del BEFORE DELETE ON log BEGIN SELECT 1; END;");
    const Table &t = tableIn(s, QStringLiteral("t"));
    ASSERT_EQ(t.triggers.size(), 1);
    EXPECT_EQ(t.triggers[0].name, u"t_ins");
    EXPECT_TRUE(
        t.triggers[0].definition.text.startsWith(u"CREATE TRIGGER t_ins AFTER INSERT ON t"));
    const Table &log = tableIn(s, QStringLiteral("log"));
    ASSERT_EQ(log.triggers.size(), 1);
    EXPECT_EQ(log.triggers[0].name, u"log_del");
}

TEST(SqliteIntrospection, without_rowid_and_strict_options_are_read)
{
    const Schema s =
        test::introspectSql("CREATE TABLE plain (a INTEGER);"
                            "CREATE TABLE nr (k TEXT PRIMARY KEY) WITHOUT ROWID;"
                            "CREATE TABLE st (a INTEGER) STRICT;"
                            "CREATE TABLE both_ (k TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;");
    EXPECT_FALSE(tableIn(s, QStringLiteral("plain")).withoutRowid);
    EXPECT_FALSE(tableIn(s, QStringLiteral("plain")).strict);
    EXPECT_TRUE(tableIn(s, QStringLiteral("nr")).withoutRowid);
    EXPECT_FALSE(tableIn(s, QStringLiteral("nr")).strict);
    EXPECT_FALSE(tableIn(s, QStringLiteral("st")).withoutRowid);
    EXPECT_TRUE(tableIn(s, QStringLiteral("st")).strict);
    EXPECT_TRUE(tableIn(s, QStringLiteral("both_")).withoutRowid);
    EXPECT_TRUE(tableIn(s, QStringLiteral("both_")).strict);
}

TEST(SqliteIntrospection, without_rowid_primary_key_is_not_reported_as_a_unique_constraint)
{
    const Schema s = test::introspectSql("CREATE TABLE nr (k TEXT PRIMARY KEY, v) WITHOUT ROWID;");
    const Table &t = tableIn(s, QStringLiteral("nr"));
    ASSERT_TRUE(t.primaryKey);
    EXPECT_EQ(t.primaryKey->columns, QStringList{QStringLiteral("k")});
    EXPECT_TRUE(t.uniques.isEmpty());
    EXPECT_TRUE(t.indexes.isEmpty());
}

// --- hostile names -----------------------------------------------------------------------------

TEST(SqliteIntrospection, hostile_names_survive_introspection)
{
    const Schema s = test::introspectSql(
        "CREATE TABLE \"we\"\"ird; table\" (\"select\" INTEGER PRIMARY KEY,"
        " \"has space\" TEXT COLLATE NOCASE CONSTRAINT \"ck \"\"1\" CHECK (\"has space\" <> ''),"
        " [semi;colon] INTEGER REFERENCES \"order\" ON DELETE CASCADE);"
        "CREATE TABLE \"order\" (\"group\" INTEGER PRIMARY KEY);"
        "CREATE INDEX \"idx; on\" ON \"we\"\"ird; table\" (\"has space\" DESC, [semi;colon]);"
        "CREATE TRIGGER \"trg \"\"x\" AFTER INSERT ON \"we\"\"ird; table\" BEGIN SELECT 1; END;"
        "CREATE VIEW \"view; drop\" AS SELECT \"select\" FROM \"we\"\"ird; table\";");
    const Table &t = tableIn(s, QStringLiteral("we\"ird; table"));
    ASSERT_EQ(t.columns.size(), 3);
    EXPECT_EQ(t.columns[0].name, u"select");
    EXPECT_EQ(t.columns[1].name, u"has space");
    EXPECT_EQ(t.columns[1].collation, u"NOCASE");
    EXPECT_EQ(t.columns[2].name, u"semi;colon");
    ASSERT_TRUE(t.primaryKey);
    EXPECT_EQ(t.primaryKey->columns, QStringList{QStringLiteral("select")});
    ASSERT_EQ(t.checks.size(), 1);
    EXPECT_EQ(t.checks[0].name, u"ck \"1");
    ASSERT_EQ(t.foreignKeys.size(), 1);
    EXPECT_EQ(t.foreignKeys[0].columns, QStringList{QStringLiteral("semi;colon")});
    EXPECT_EQ(t.foreignKeys[0].referencedTable, u"order");
    EXPECT_EQ(t.foreignKeys[0].referencedColumns, QStringList{QStringLiteral("group")});
    EXPECT_EQ(t.foreignKeys[0].onDelete, ReferentialAction::Cascade);
    const Index &i = indexIn(t, QStringLiteral("idx; on"));
    ASSERT_EQ(i.parts.size(), 2);
    EXPECT_EQ(i.parts[0].column, u"has space");
    EXPECT_EQ(i.parts[0].order, SortOrder::Descending);
    EXPECT_EQ(i.parts[1].column, u"semi;colon");
    ASSERT_EQ(t.triggers.size(), 1);
    EXPECT_EQ(t.triggers[0].name, u"trg \"x");
    ASSERT_EQ(s.views.size(), 1);
    EXPECT_EQ(s.views[0].name, u"view; drop");
}

TEST(SqliteIntrospection, table_names_differing_from_index_names_only_by_case_do_not_collide)
{
    const Schema s = test::introspectSql("CREATE TABLE Book (Title TEXT);"
                                         "CREATE INDEX book_title ON BOOK (title);");
    const Table &t = tableIn(s, QStringLiteral("book"));
    EXPECT_EQ(t.name, u"Book");
    ASSERT_EQ(t.indexes.size(), 1);
    EXPECT_EQ(t.indexes[0].parts.value(0).column, u"Title");
}
