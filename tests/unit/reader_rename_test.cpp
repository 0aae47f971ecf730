// A renamed column takes along only the views and triggers that name it: the others are left
// as they are, not dropped and created again. A renamed table's own triggers and policies that
// do go are dropped under its old name. Planned, applied and undone through the real burrow-cli.
#include "cli_migrations.h"

#include <QCoreApplication>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kItem = "CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, "
                         "code VARCHAR(20), qty INTEGER);\n";
const QByteArray kViews = "CREATE VIEW item_ids AS SELECT id FROM item;\n"
                          "CREATE VIEW item_stock AS SELECT id, qty FROM item;\n";

class ReaderRename : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.execEach(QString::fromUtf8(kItem + kViews).split(u";\n"_s, Qt::SkipEmptyParts) +
                    QStringList{u"INSERT INTO item VALUES (1, 'a', 5)"_s});
    }
    /// Renames item.qty to amount, the model's views reading it so; the migration.
    QString renameQty(const QByteArray &more = {}, const QByteArray &moreAfter = {})
    {
        const QString model = cli.model(
            "CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(20), amount "
            "INTEGER);\nCREATE VIEW item_ids AS SELECT id FROM item;\n"
            "CREATE VIEW item_stock AS SELECT id, amount AS qty FROM item;\n" +
            moreAfter);
        return cli.migrateAndUndo(model, cli.model(kItem + kViews + more, u"before.sql"_s),
                                  {u"--rename"_s, u"item.qty=amount"_s});
    }

    TestDatabase db{GetParam()};
    TempDir dir;
    CliMigrations cli{db, dir};
};

TEST_P(ReaderRename, only_the_views_naming_a_renamed_column_are_created_again)
{
    const QString migration = renameQty();
    const QString up = upSection(migration);
    EXPECT_FALSE(up.contains(u"item_ids"_s)) << migration.toStdString();
    EXPECT_TRUE(up.contains(u"item_stock"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, qty FROM item_stock"_s), QStringList{u"1|5"_s});
}

INSTANTIATE_TEST_SUITE_P(Engines, ReaderRename, allBackends(), backendParamName);

class PostgresReaderRename : public ReaderRename {
protected:
    /// A role of this process's own (roles are the server's, and tests run side by side) that
    /// may read item_ids.
    void grantReader()
    {
        db.execEach({u"DROP ROLE IF EXISTS "_s + m_reader, u"CREATE ROLE "_s + m_reader,
                     u"GRANT SELECT ON item_ids TO "_s + m_reader});
    }
    bool readerMaySelect()
    {
        return db.rows(u"SELECT has_table_privilege('"_s + m_reader +
                       u"', 'item_ids', 'SELECT')"_s) == QStringList{u"true"_s};
    }
    void dropReader()
    {
        db.execEach({u"REVOKE ALL ON item_ids FROM "_s + m_reader, u"DROP ROLE "_s + m_reader});
    }
    /// Renames or moves item to `newName` (`stock`, `sales.item`) with a materialized view, a
    /// trigger and a grant on it, a view the model changes, and back: the readers the model
    /// does not change stay. The up section.
    QString keepReadersRenamingTo(const QByteArray &newName)
    {
        const QByteArray more = "CREATE MATERIALIZED VIEW item_count AS SELECT count(*) AS n "
                                "FROM item;\nCREATE FUNCTION item_touch() RETURNS trigger LANGUAGE "
                                "plpgsql AS $$ BEGIN NEW.code := upper(NEW.code); RETURN NEW; END "
                                "$$;\nCREATE TRIGGER item_upper BEFORE UPDATE ON item FOR EACH ROW "
                                "EXECUTE FUNCTION item_touch();\n";
        db.execEach(QString::fromUtf8(more).split(u";\n"_s, Qt::SkipEmptyParts) +
                    QStringList{u"INSERT INTO item VALUES (2, 'b', 7)"_s}); // after the count
        grantReader();
        QByteArray model = kItem + kViews + more;
        model.replace("TABLE item ", QByteArray("TABLE " + newName + ' '));
        model.replace("FROM item", QByteArray("FROM " + newName));
        model.replace("ON item ", QByteArray("ON " + newName + ' '));
        model.replace(QByteArray("SELECT id, qty FROM " + newName),
                      QByteArray("SELECT id, qty, code FROM " + newName));
        if (newName.contains('.'))
            model.prepend(
                QByteArray("CREATE SCHEMA " + newName.left(newName.indexOf('.')) + ";\n"));
        const QString migration =
            cli.migrateAndUndo(cli.model(model), cli.model(kItem + kViews + more, u"before.sql"_s),
                               {u"--rename"_s, u"item="_s + QString::fromUtf8(newName)});
        const QString up = upSection(migration);
        for (const QString &kept : {u"item_ids"_s, u"item_count"_s, u"item_upper"_s})
            EXPECT_FALSE(up.contains(kept)) << kept.toStdString() << '\n' << up.toStdString();
        EXPECT_TRUE(up.contains(u"CREATE VIEW \"item_stock\""_s)) << up.toStdString();
        EXPECT_EQ(db.rows(u"SELECT n FROM item_count"_s), QStringList{u"1"_s});
        EXPECT_TRUE(readerMaySelect());
        db.exec(u"UPDATE item SET code = 'c' WHERE id = 2"_s);
        EXPECT_EQ(db.rows(u"SELECT code FROM item WHERE id = 2"_s), QStringList{u"C"_s});
        dropReader();
        return up;
    }

private:
    const QString m_reader =
        u"burrow_reader_"_s + QString::number(QCoreApplication::applicationPid());
};

// A trigger that does not name the column stays, and what the user granted on a view that
// does not name it is still granted after.
TEST_P(PostgresReaderRename, a_view_keeps_its_grants_and_a_trigger_stays)
{
    const QByteArray touch =
        "CREATE FUNCTION item_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.code := upper(NEW.code); RETURN NEW; END $$;\n"
        "CREATE TRIGGER item_upper BEFORE UPDATE ON item FOR EACH ROW "
        "EXECUTE FUNCTION item_touch();\n";
    db.execEach({QString::fromUtf8(touch).section(u";\n"_s, 0, 0),
                 QString::fromUtf8(touch).section(u";\n"_s, 1, 1)});
    grantReader();
    const QString migration = renameQty(touch, touch);
    EXPECT_FALSE(upSection(migration).contains(u"item_upper"_s)) << migration.toStdString();
    EXPECT_TRUE(readerMaySelect());
    db.exec(u"UPDATE item SET code = 'b'"_s);
    EXPECT_EQ(db.rows(u"SELECT code FROM item"_s), QStringList{u"B"_s});
    dropReader();
}

// A trigger, a policy and a statistics object of a renamed table are dropped before the rename
// (DROP TRIGGER … ON names the table): under the table's old name, both ways.
TEST_P(PostgresReaderRename, a_renamed_tables_own_objects_are_dropped_under_its_old_name)
{
    const auto extras = [](const QByteArray &table, const QByteArray &suffix) -> QByteArray {
        return "CREATE FUNCTION item_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
               "NEW.code := upper(NEW.code); RETURN NEW; END $$;\n"
               "CREATE TRIGGER item_upper" +
               suffix + " BEFORE UPDATE ON " + table +
               " FOR EACH ROW EXECUTE FUNCTION item_touch();\n"
               "ALTER TABLE " +
               table + " ENABLE ROW LEVEL SECURITY;\nCREATE POLICY item_rows" + suffix + " ON " +
               table + " USING (qty > 0);\nCREATE STATISTICS item_stats" + suffix +
               " ON id, code FROM " + table + ";\n";
    };
    const QByteArray before = extras("item", "");
    db.execEach(QString::fromUtf8(before).split(u";\n"_s, Qt::SkipEmptyParts));
    QByteArray model = kItem + kViews + extras("stock", "_v2");
    model.replace("TABLE item ", "TABLE stock ");
    model.replace("FROM item;", "FROM stock;");
    const QString migration =
        cli.migrateAndUndo(cli.model(model), cli.model(kItem + kViews + before, u"before.sql"_s),
                           {u"--rename"_s, u"item=stock"_s, u"--allow-destructive"_s});
    const QString up = upSection(migration);
    for (const QString &drop :
         {u"DROP TRIGGER \"item_upper\" ON \"item\""_s, u"DROP POLICY \"item_rows\" ON \"item\""_s})
        EXPECT_TRUE(up.contains(drop)) << drop.toStdString() << '\n' << migration.toStdString();
    db.exec(u"UPDATE item SET code = 'b'"_s);
    EXPECT_EQ(db.rows(u"SELECT id, code, qty FROM item"_s), QStringList{u"1|B|5"_s});
}

// PostgreSQL's readers name a table by its identity: a renamed table keeps its views (a
// materialized one keeps its rows as they were, not refreshed), triggers and grants. Only a view
// the model changes is created again. Both ways.
TEST_P(PostgresReaderRename, a_renamed_table_keeps_the_readers_the_model_does_not_change)
{
    const QString up = keepReadersRenamingTo("stock");
    EXPECT_TRUE(up.contains(u"ALTER TABLE \"item\" RENAME TO \"stock\""_s)) << up.toStdString();
}

// So does a table moved to another schema (SET SCHEMA), and one moved and renamed: the readers
// name it `sales.item`, a column still `item.id`.
TEST_P(PostgresReaderRename, a_moved_table_keeps_the_readers_the_model_does_not_change)
{
    const QString up = keepReadersRenamingTo("sales.item");
    EXPECT_TRUE(up.contains(u"ALTER TABLE \"item\" SET SCHEMA \"sales\""_s)) << up.toStdString();
}

TEST_P(PostgresReaderRename, a_table_moved_and_renamed_keeps_the_readers_the_model_does_not_change)
{
    const QString up = keepReadersRenamingTo("sales.stock");
    EXPECT_TRUE(up.contains(u"SET SCHEMA \"sales\""_s)) << up.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Engines, PostgresReaderRename, ::testing::Values(Backend::PostgreSQL),
                         backendParamName);

} // namespace
