// Reading a live MariaDB schema: every object kind, hostile names, and a query count that does
// not grow with the number of tables.
#include "dialect/dialect.h"
#include "dialect/mysql/mysql_catalog.h"
#include "server_support.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

schema::Schema introspect(const TestDatabase &db)
{
    Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
    EXPECT_TRUE(url.ok());
    Result<std::unique_ptr<dialect::Dialect>> d = dialect::dialectFor(*url);
    EXPECT_TRUE(d.ok()) << d.error().toString().toStdString();
    Result<schema::Schema> s = (*d)->introspect(*url);
    EXPECT_TRUE(s.ok()) << s.error().toString().toStdString();
    return s ? *s : schema::Schema{};
}

const schema::Table &tableNamed(const schema::Schema &s, const QString &name)
{
    const schema::Table *t = schema::findTable(s, name, Qt::CaseSensitive);
    static const schema::Table none;
    EXPECT_NE(t, nullptr) << name.toStdString();
    return t ? *t : none;
}

const schema::Column &columnNamed(const schema::Table &t, const QString &name)
{
    const schema::Column *c = schema::findColumn(t, name, Qt::CaseSensitive);
    static const schema::Column none;
    EXPECT_NE(c, nullptr) << name.toStdString();
    return c ? *c : none;
}

class MysqlIntrospection : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!db.available())
            return;
        db.exec(u"CREATE TABLE author (id INT AUTO_INCREMENT PRIMARY KEY, "
                "name VARCHAR(100) NOT NULL DEFAULT 'anon', code CHAR(3) COLLATE utf8mb4_bin, "
                "flag BOOL DEFAULT 0, note TEXT, score INT CHECK (score > 0), "
                "doubled INT AS (id * 2) VIRTUAL, upper_name VARCHAR(100) AS (UPPER(name)) "
                "STORED, UNIQUE KEY uq_name (name), KEY idx_code (code(2), flag DESC));"
                "CREATE TABLE book (id INT, author_id INT, co_author INT, "
                "PRIMARY KEY (id, co_author), CONSTRAINT fk_author FOREIGN KEY (author_id) "
                "REFERENCES author (id) ON DELETE CASCADE ON UPDATE SET NULL, "
                "FOREIGN KEY (co_author) REFERENCES author (id), "
                "CONSTRAINT small CHECK (co_author < 100));"
                "CREATE VIEW named AS SELECT id, name FROM author WHERE id > 1;"
                "CREATE TRIGGER trim_name BEFORE INSERT ON author FOR EACH ROW "
                "SET NEW.name = TRIM(NEW.name)"_s);
    }

    TestDatabase db{Backend::MariaDB};
};

TEST_F(MysqlIntrospection, reads_columns_with_types_defaults_and_attributes)
{
    BURROW_REQUIRE_BACKEND(db);
    const schema::Schema s = introspect(db);
    const schema::Table &author = tableNamed(s, u"author"_s);
    ASSERT_EQ(author.columns.size(), 8);
    const schema::Column &id = columnNamed(author, u"id"_s);
    EXPECT_EQ(id.typeKey, u"INT");
    EXPECT_TRUE(id.autoIncrement);
    EXPECT_TRUE(id.notNull);
    EXPECT_EQ(id.primaryKeyPosition, 1);
    EXPECT_FALSE(id.defaultValue.has_value());
    const schema::Column &name = columnNamed(author, u"name"_s);
    EXPECT_EQ(name.type, u"varchar(100)");
    ASSERT_TRUE(name.defaultValue.has_value());
    EXPECT_EQ(name.defaultValue->text, u"'anon'");
    EXPECT_EQ(columnNamed(author, u"code"_s).collation, u"utf8mb4_bin");
    EXPECT_EQ(columnNamed(author, u"name"_s).collation, u"");
    EXPECT_EQ(columnNamed(author, u"flag"_s).typeKey, u"TINYINT(1)");
    EXPECT_FALSE(columnNamed(author, u"note"_s).defaultValue.has_value()); // DEFAULT NULL
    const schema::Column &doubled = columnNamed(author, u"doubled"_s);
    EXPECT_EQ(doubled.generated, schema::Generated::Virtual);
    EXPECT_EQ(doubled.generatedExpression.text, u"`id` * 2");
    EXPECT_EQ(columnNamed(author, u"upper_name"_s).generated, schema::Generated::Stored);
}

TEST_F(MysqlIntrospection, reads_keys_checks_and_indexes_but_not_the_primary_index)
{
    BURROW_REQUIRE_BACKEND(db);
    const schema::Schema s = introspect(db);
    const schema::Table &author = tableNamed(s, u"author"_s);
    ASSERT_EQ(author.uniques.size(), 1);
    EXPECT_EQ(author.uniques[0].name, u"uq_name");
    ASSERT_EQ(author.indexes.size(), 1);
    const schema::Index &code = author.indexes[0];
    EXPECT_EQ(code.name, u"idx_code");
    EXPECT_FALSE(code.unique);
    ASSERT_EQ(code.parts.size(), 2);
    EXPECT_EQ(code.parts[0].expression.text, u"`code`(2)"); // a prefix
    EXPECT_EQ(code.parts[1].column, u"flag");
    EXPECT_EQ(code.parts[1].order, schema::SortOrder::Descending);
    ASSERT_EQ(author.checks.size(), 1); // column-level, named after its column by MariaDB
    EXPECT_EQ(author.checks[0].name, u"score");
    EXPECT_EQ(author.checks[0].expression.text, u"`score` > 0");

    const schema::Table &book = tableNamed(s, u"book"_s);
    ASSERT_TRUE(book.primaryKey.has_value());
    EXPECT_EQ(book.primaryKey->columns, (QStringList{u"id"_s, u"co_author"_s}));
    EXPECT_EQ(columnNamed(book, u"co_author"_s).primaryKeyPosition, 2);
    ASSERT_EQ(book.foreignKeys.size(), 2);
    const schema::ForeignKey *named = nullptr;
    for (const schema::ForeignKey &fk : book.foreignKeys)
        named = fk.name == u"fk_author" ? &fk : named;
    ASSERT_NE(named, nullptr);
    EXPECT_EQ(named->referencedTable, u"author");
    EXPECT_EQ(named->referencedColumns, QStringList{u"id"_s});
    EXPECT_EQ(named->onDelete, schema::ReferentialAction::Cascade);
    EXPECT_EQ(named->onUpdate, schema::ReferentialAction::SetNull);
    ASSERT_EQ(book.checks.size(), 1);
    EXPECT_EQ(book.checks[0].name, u"small");
}

TEST_F(MysqlIntrospection, reads_views_without_the_database_name_and_triggers)
{
    BURROW_REQUIRE_BACKEND(db);
    const schema::Schema s = introspect(db);
    ASSERT_EQ(s.tables.size(), 2); // the view is not a table
    ASSERT_EQ(s.views.size(), 1);
    EXPECT_EQ(s.views[0].name, u"named");
    EXPECT_TRUE(s.views[0].definition.text.startsWith(u"CREATE VIEW `named` AS select"))
        << s.views[0].definition.text.toStdString();
    EXPECT_FALSE(s.views[0].definition.text.contains(db.name()))
        << s.views[0].definition.text.toStdString();
    const schema::Table &author = tableNamed(s, u"author"_s);
    ASSERT_EQ(author.triggers.size(), 1);
    EXPECT_EQ(author.triggers[0].name, u"trim_name");
    EXPECT_EQ(author.triggers[0].definition.text,
              u"CREATE TRIGGER `trim_name` BEFORE INSERT ON `author` FOR EACH ROW "
              "SET NEW.name = TRIM(NEW.name)");
}

TEST(MysqlIntrospectionSequences, reads_settings_and_defaults_drawing_from_them_unqualified)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE SEQUENCE `odd``seq` START WITH 10 INCREMENT BY 5 MINVALUE 2 MAXVALUE 900 "
            "CACHE 20 CYCLE; CREATE SEQUENCE plain;"
            "CREATE TABLE ticket (id INT DEFAULT (NEXT VALUE FOR `odd``seq`), "
            "note VARCHAR(40) DEFAULT 'nextval(x)')"_s);
    const schema::Schema s = introspect(db);
    ASSERT_EQ(s.sequences.size(), 2);
    const schema::Sequence &odd = s.sequences[0];
    EXPECT_EQ(odd.name, u"odd`seq");
    EXPECT_EQ(odd.start, 10);
    EXPECT_EQ(odd.increment, 5);
    EXPECT_EQ(odd.minValue, 2);
    EXPECT_EQ(odd.maxValue, 900);
    EXPECT_EQ(odd.cache, 20);
    EXPECT_TRUE(odd.cycle);
    EXPECT_EQ(s.sequences[1].name, u"plain");
    EXPECT_EQ(s.sequences[1].increment, 1);
    EXPECT_FALSE(s.sequences[1].cycle);
    ASSERT_EQ(s.tables.size(), 1); // a sequence is no table
    const schema::Table &ticket = tableNamed(s, u"ticket"_s);
    EXPECT_EQ(columnNamed(ticket, u"id"_s).defaultValue->text, u"nextval(`odd``seq`)");
    EXPECT_EQ(columnNamed(ticket, u"note"_s).defaultValue->text, u"'nextval(x)'");
}

TEST(MysqlIntrospectionNames, hostile_identifiers_round_trip)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(u"CREATE TABLE `we``ird \"t\" 'q'` (`Mixed Case` INT PRIMARY KEY, "
            "`a``b` VARCHAR(5), KEY `idx ``x`` y` (`a``b`));"
            "CREATE TABLE `Book` (id INT); CREATE TABLE `book` (ID INT)"_s);
    const schema::Schema s = introspect(db);
    ASSERT_EQ(s.tables.size(), 3);
    const schema::Table &weird = tableNamed(s, u"we`ird \"t\" 'q'"_s);
    EXPECT_EQ(columnNamed(weird, u"Mixed Case"_s).primaryKeyPosition, 1);
    columnNamed(weird, u"a`b"_s);
    ASSERT_EQ(weird.indexes.size(), 1);
    EXPECT_EQ(weird.indexes[0].name, u"idx `x` y");
    columnNamed(tableNamed(s, u"Book"_s), u"id"_s);
    columnNamed(tableNamed(s, u"book"_s), u"ID"_s);
}

int queriesToIntrospect(const TestDatabase &db)
{
    const int before = dialect::mysql::catalogQueryCount();
    const schema::Schema s = introspect(db);
    EXPECT_FALSE(s.tables.isEmpty());
    return dialect::mysql::catalogQueryCount() - before;
}

/// Tables t<from>…t<to - 1>, with an event and a sequence for every tenth.
QString tablesSql(int from, int to)
{
    QStringList statements;
    for (int i = from; i < to; ++i) {
        statements.append(u"CREATE TABLE t%1 (id INT PRIMARY KEY, parent INT, name VARCHAR(20), "
                          "UNIQUE KEY (name), KEY (parent), CHECK (id > 0))"_s.arg(i));
        if (i % 10 == 0)
            statements.append(u"CREATE EVENT e%1 ON SCHEDULE EVERY 1 DAY DO DELETE FROM t%1;"
                              "CREATE SEQUENCE s%1;"
                              "CREATE FUNCTION f%1(a int) RETURNS int RETURN a + %1"_s.arg(i));
    }
    return statements.join(u';');
}

TEST(MysqlIntrospectionCost, the_number_of_queries_is_the_same_at_10_and_500_tables)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    db.exec(tablesSql(0, 10));
    const int atTen = queriesToIntrospect(db);
    db.exec(tablesSql(10, 500));
    const int atFiveHundred = queriesToIntrospect(db);
    EXPECT_EQ(introspect(db).tables.size(), 500);
    EXPECT_EQ(introspect(db).events.size(), 50);
    EXPECT_EQ(introspect(db).sequences.size(), 50);
    EXPECT_EQ(introspect(db).functions.size(), 50);
    EXPECT_EQ(atTen, atFiveHundred);
    // One per object kind: tables … triggers, events, routines, partitions, sequences' settings.
    EXPECT_LE(atFiveHundred, 11);
    std::cout << "[ info ] catalog queries: " << atTen << " at 10 tables, " << atFiveHundred
              << " at 500 tables\n";
}

} // namespace
