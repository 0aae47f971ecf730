// Foreign keys and the keys they depend on, in the order the engines accept: a referenced
// primary key that changes (the engines refuse to drop it under a foreign key), and a new table
// whose key references a column the same migration adds. Planned, applied and undone through
// the real burrow-cli on every engine, the rows kept.
#include "cli_migrations.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class ForeignKeyOrder : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }

    QString migrateAndUndo(const QString &model, const QString &before)
    {
        return cli.migrateAndUndo(cli.model(models.value(model), model + u".sql"),
                                  cli.model(models.value(before), before + u".sql"));
    }

    TestDatabase db{GetParam()};
    TempDir dir;
    CliMigrations cli{db, dir};
    QHash<QString, QByteArray> models;
};

TEST_P(ForeignKeyOrder, a_referenced_primary_key_changes_under_its_foreign_key)
{
    models[u"before"_s] = "CREATE TABLE item (item_id INTEGER NOT NULL PRIMARY KEY, "
                          "supplier_id INTEGER);\n"
                          "CREATE TABLE price (price_id INTEGER NOT NULL PRIMARY KEY, "
                          "item_id INTEGER, CONSTRAINT price_item_fk FOREIGN KEY (item_id) "
                          "REFERENCES item (item_id));\n";
    models[u"after"_s] = "CREATE TABLE item (item_id INTEGER NOT NULL, supplier_id INTEGER NOT "
                         "NULL, PRIMARY KEY (supplier_id, item_id));\n"
                         "CREATE TABLE price (price_id INTEGER NOT NULL PRIMARY KEY, "
                         "item_id INTEGER, supplier_id INTEGER, CONSTRAINT price_item_fk "
                         "FOREIGN KEY (supplier_id, item_id) REFERENCES item (supplier_id, "
                         "item_id));\n";
    db.execEach({QString::fromUtf8(models[u"before"_s]).section(u";\n"_s, 0, 0),
                 QString::fromUtf8(models[u"before"_s]).section(u";\n"_s, 1, 1),
                 u"INSERT INTO item VALUES (1, 10), (2, 20)"_s,
                 u"INSERT INTO price VALUES (1, 1), (2, 2)"_s});

    migrateAndUndo(u"after"_s, u"before"_s);
    EXPECT_EQ(db.rows(u"SELECT item_id, supplier_id FROM item ORDER BY item_id"_s),
              (QStringList{u"1|10"_s, u"2|20"_s}));
    EXPECT_EQ(db.rows(u"SELECT price_id, item_id FROM price ORDER BY price_id"_s),
              (QStringList{u"1|1"_s, u"2|2"_s}));
}

TEST_P(ForeignKeyOrder, a_new_table_references_a_column_the_migration_adds)
{
    models[u"before"_s] = "CREATE TABLE account (id INTEGER NOT NULL PRIMARY KEY, "
                          "name VARCHAR(20));\n";
    models[u"after"_s] = "CREATE TABLE account (id INTEGER NOT NULL PRIMARY KEY, "
                         "name VARCHAR(20), code INTEGER UNIQUE);\n"
                         "CREATE TABLE tagging (tag VARCHAR(20) NOT NULL, account_code INTEGER "
                         "REFERENCES account (code));\n";
    db.execEach({QString::fromUtf8(models[u"before"_s]).section(u";\n"_s, 0, 0),
                 u"INSERT INTO account VALUES (1, 'ursula'), (2, 'frank')"_s});

    const QString migration = migrateAndUndo(u"after"_s, u"before"_s);
    EXPECT_TRUE(migration.contains(u"tagging"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, name FROM account ORDER BY id"_s),
              (QStringList{u"1|ursula"_s, u"2|frank"_s}));
}

// The key the foreign key needs is replaced in one migration: the foreign key comes back only
// once the new unique index exists.
TEST_P(ForeignKeyOrder, a_referenced_unique_constraint_becomes_a_unique_index)
{
    models[u"before"_s] = "CREATE TABLE sku (id INTEGER NOT NULL PRIMARY KEY, code INTEGER, "
                          "CONSTRAINT sku_code_key UNIQUE (code));\n"
                          "CREATE TABLE stock (id INTEGER NOT NULL PRIMARY KEY, "
                          "sku_code INTEGER, CONSTRAINT stock_sku_fk FOREIGN KEY (sku_code) "
                          "REFERENCES sku (code));\n";
    models[u"after"_s] = "CREATE TABLE sku (id INTEGER NOT NULL PRIMARY KEY, code INTEGER);\n"
                         "CREATE UNIQUE INDEX sku_code_unique ON sku (code);\n"
                         "CREATE TABLE stock (id INTEGER NOT NULL PRIMARY KEY, "
                         "sku_code INTEGER, CONSTRAINT stock_sku_fk FOREIGN KEY (sku_code) "
                         "REFERENCES sku (code));\n";
    db.execEach({QString::fromUtf8(models[u"before"_s]).section(u";\n"_s, 0, 0),
                 QString::fromUtf8(models[u"before"_s]).section(u";\n"_s, 1, 1),
                 u"INSERT INTO sku VALUES (1, 100), (2, 200)"_s,
                 u"INSERT INTO stock VALUES (1, 100), (2, 200)"_s});

    migrateAndUndo(u"after"_s, u"before"_s);
    EXPECT_EQ(db.rows(u"SELECT id, sku_code FROM stock ORDER BY id"_s),
              (QStringList{u"1|100"_s, u"2|200"_s}));
}

INSTANTIATE_TEST_SUITE_P(Engines, ForeignKeyOrder, allBackends(), backendParamName);

} // namespace

namespace {

// Only a key that goes takes its foreign keys with it: a comment is set in place.
TEST(ForeignKeyOrderPostgres, a_comment_on_the_referenced_key_leaves_the_foreign_keys_alone)
{
    TestDatabase db(Backend::PostgreSQL);
    BURROW_REQUIRE_BACKEND(db);
    TempDir dir;
    const CliMigrations cli(db, dir);
    const QByteArray tables = "CREATE TABLE parent (id int PRIMARY KEY);\n"
                              "CREATE TABLE child (parent_id int REFERENCES parent (id));\n";
    db.exec(QString::fromUtf8(tables).replace(u";\n"_s, u";"_s).chopped(1));
    const QString migration = cli.migrate(
        cli.model(tables + "COMMENT ON CONSTRAINT parent_pkey ON parent IS 'the key';\n"));
    EXPECT_TRUE(migration.contains(u"COMMENT ON CONSTRAINT"_s)) << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"DROP CONSTRAINT"_s)) << migration.toStdString();
}

} // namespace

namespace {

// A referenced column widened and moved to another character set under an unnamed key: the
// key goes first and comes back after (MariaDB refuses to change a column a key uses), the
// rows survive the conversion both ways, and the step names the key by its columns.
TEST(ForeignKeyOrderMariadb, a_referenced_column_changes_character_set_under_an_unnamed_key)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    TempDir dir;
    const CliMigrations cli(db, dir);
    const QByteArray before =
        "CREATE TABLE parent (code varchar(10) PRIMARY KEY) DEFAULT CHARSET=latin1;\n"
        "CREATE TABLE child (id int PRIMARY KEY, code varchar(10), FOREIGN KEY (code) "
        "REFERENCES parent (code)) DEFAULT CHARSET=latin1;\n";
    QByteArray after = before;
    after.replace("varchar(10)", "varchar(20)").replace("latin1", "utf8mb4");
    db.execEach({QString::fromUtf8(before).section(u";\n"_s, 0, 0),
                 QString::fromUtf8(before).section(u";\n"_s, 1, 1),
                 u"INSERT INTO parent VALUES ('\u00e41'), ('b')"_s,
                 u"INSERT INTO child VALUES (1, '\u00e41'), (2, 'b')"_s});

    const QString migration =
        cli.migrateAndUndo(cli.model(after, u"after.sql"_s), cli.model(before, u"before.sql"_s));
    EXPECT_TRUE(migration.contains(u"-- drop foreign key (code) of child"_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT c.id, p.code FROM child c JOIN parent p USING (code) ORDER BY 1"_s),
              (QStringList{u"1|\u00e41"_s, u"2|b"_s}));
}

} // namespace
