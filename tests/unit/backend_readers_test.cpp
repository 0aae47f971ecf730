// What reads a table (views, triggers) is left in place when the table is altered in place and
// the alteration leaves it working: no DROP and CREATE around the ALTER, which on MariaDB, where
// every DDL statement commits at once, would leave the view missing and the trigger not firing
// while the table is altered. Readers of a column the engine will not change under them
// (PostgreSQL: dropped or retyped) are still recreated.
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QFile>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// The engine's spelling of a trigger that logs every new item into `audit`.
QStringList loggingTrigger(Backend backend)
{
    switch (backend) {
    case Backend::SQLite:
        return {u"CREATE TRIGGER item_log AFTER INSERT ON item BEGIN "
                u"INSERT INTO audit VALUES (NEW.id); END"_s};
    case Backend::PostgreSQL:
        return {u"CREATE FUNCTION log_item() RETURNS trigger LANGUAGE plpgsql AS "
                u"$$BEGIN INSERT INTO audit VALUES (NEW.id); RETURN NEW; END$$"_s,
                u"CREATE TRIGGER item_log AFTER INSERT ON item FOR EACH ROW "
                u"EXECUTE FUNCTION log_item()"_s};
    case Backend::MariaDB:
        return {u"CREATE TRIGGER item_log AFTER INSERT ON item FOR EACH ROW "
                u"INSERT INTO audit VALUES (NEW.id)"_s};
    }
    return {};
}

const QString kView = u"CREATE VIEW priced AS SELECT id, price FROM item"_s;

class BackendReaders : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.execEach(QStringList{u"CREATE TABLE item (id INTEGER PRIMARY KEY, price INTEGER, "
                                u"label VARCHAR(20), note VARCHAR(20))"_s,
                                u"CREATE TABLE audit (item_id INTEGER)"_s, kView} +
                    loggingTrigger(GetParam()) +
                    QStringList{u"INSERT INTO item VALUES (1, 5, 'a', 'n')"_s});
        ASSERT_TRUE(QDir().mkpath(migrations()));
    }
    QString migrations() const { return dir.path(u"migrations"_s); }

    /// The up section of the migration planned to `itemTable` (the rest of the schema as it is).
    QString planUp(const QString &itemTable)
    {
        return planUp(QStringList{itemTable, u"CREATE TABLE audit (item_id INTEGER)"_s, kView} +
                      loggingTrigger(GetParam()));
    }
    /// The up section of the migration planned to the model of `statements`.
    QString planUp(const QStringList &statements)
    {
        const QString model = dir.write(u"model.sql"_s, statements.join(u";\n"_s).toUtf8() + ";\n");
        m_model = model;
        const CliRun plan = runCli({u"plan"_s, u"--db"_s, db.url(), u"--model"_s, model,
                                    u"--migrations"_s, migrations(), u"--allow-destructive"_s});
        EXPECT_EQ(plan.exitCode, 0) << plan.out.toStdString() << plan.err.toStdString();
        QFile file(plan.out.trimmed().split(u'\n').last()); // plan prints the file it wrote
        EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << plan.out.toStdString();
        const QString text = QString::fromUtf8(file.readAll());
        return text.section(u"-- migrate:down"_s, 0, 0);
    }
    /// Applies the planned migration; then the model and the database agree, and both readers
    /// still work.
    void applyAndCheckReaders()
    {
        const CliRun applied =
            runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations()});
        ASSERT_EQ(applied.exitCode, 0) << applied.out.toStdString() << applied.err.toStdString();
        const CliRun diff = runCli({u"diff"_s, u"--db"_s, db.url(), u"--model"_s, m_model});
        EXPECT_EQ(diff.exitCode, 0) << diff.out.toStdString() << diff.err.toStdString();
        db.exec(u"INSERT INTO item (id, price) VALUES (2, 7)"_s);
        EXPECT_EQ(db.rows(u"SELECT item_id FROM audit ORDER BY item_id"_s),
                  (QStringList{u"1"_s, u"2"_s}));
        EXPECT_EQ(db.rows(u"SELECT id, price FROM priced ORDER BY id"_s),
                  (QStringList{u"1|5"_s, u"2|7"_s}));
    }

    TestDatabase db{GetParam()};
    TempDir dir;
    QString m_model;
};

TEST_P(BackendReaders, a_column_added_leaves_the_views_and_triggers_reading_the_table_in_place)
{
    const QString up = planUp(u"CREATE TABLE item (id INTEGER PRIMARY KEY, price INTEGER, "
                              u"label VARCHAR(20), note VARCHAR(20), extra INTEGER)"_s);
    EXPECT_TRUE(up.contains(u"extra"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP VIEW"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP TRIGGER"_s)) << up.toStdString();
    applyAndCheckReaders();
}

// MariaDB folds the new index into the table's one ALTER TABLE: still no rebuild of the table.
TEST_P(BackendReaders, a_column_and_an_index_added_leave_the_readers_in_place)
{
    const QString up = planUp(QStringList{u"CREATE TABLE item (id INTEGER PRIMARY KEY, price "
                                          u"INTEGER, label VARCHAR(20), note VARCHAR(20), "
                                          u"extra INTEGER)"_s,
                                          u"CREATE INDEX item_label ON item (label, extra)"_s,
                                          u"CREATE TABLE audit (item_id INTEGER)"_s, kView} +
                              loggingTrigger(GetParam()));
    EXPECT_TRUE(up.contains(u"item_label"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"rebuild table"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP VIEW"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP TRIGGER"_s)) << up.toStdString();
    applyAndCheckReaders();
}

INSTANTIATE_TEST_SUITE_P(Engines, BackendReaders, allBackends(), backendParamName);

class ServerReaders : public BackendReaders {};

TEST_P(ServerReaders, only_readers_of_a_column_dropped_or_retyped_are_recreated_where_needed)
{
    // note dropped, label widened: nothing reads them. price retyped: the view reads it, and
    // PostgreSQL will not retype a column a view reads; MariaDB keeps the view as it is.
    const QString up = planUp(u"CREATE TABLE item (id INTEGER PRIMARY KEY, price BIGINT, "
                              u"label VARCHAR(40))"_s);
    EXPECT_TRUE(up.contains(u"note"_s)) << up.toStdString();
    EXPECT_EQ(up.contains(u"DROP VIEW"_s), GetParam() == Backend::PostgreSQL) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP TRIGGER"_s)) << up.toStdString();
    applyAndCheckReaders();
}

class MariadbReaders : public BackendReaders {};

TEST_P(MariadbReaders, a_changed_view_or_trigger_is_replaced_in_one_statement)
{
    db.execEach({u"CREATE VIEW dear AS SELECT id FROM priced WHERE price > 100"_s,
                 u"CREATE TABLE seen (what VARCHAR(20))"_s,
                 u"CREATE TRIGGER item_first AFTER INSERT ON item FOR EACH ROW "
                 u"PRECEDES item_log INSERT INTO seen VALUES ('first')"_s});
    const QString up = planUp(
        {u"CREATE TABLE item (id INTEGER PRIMARY KEY, price INTEGER, label VARCHAR(40), "
         u"note VARCHAR(20))"_s,
         u"CREATE TABLE audit (item_id INTEGER)"_s, u"CREATE TABLE seen (what VARCHAR(20))"_s,
         u"CREATE VIEW priced AS SELECT id, price, label FROM item"_s,
         u"CREATE VIEW dear AS SELECT id FROM priced WHERE price > 100"_s,
         u"CREATE TRIGGER item_first AFTER INSERT ON item FOR EACH ROW "
         u"INSERT INTO seen VALUES ('changed')"_s,
         loggingTrigger(Backend::MariaDB).constFirst()});
    // CREATE OR REPLACE after the table is altered, never missing in between (no DROP); the
    // view reading the replaced one stays.
    const qsizetype altered = up.indexOf(u"ALTER TABLE `item`"_s);
    ASSERT_GE(altered, 0) << up.toStdString();
    EXPECT_GT(up.indexOf(u"CREATE OR REPLACE VIEW `priced`"_s), altered) << up.toStdString();
    EXPECT_GT(up.indexOf(u"CREATE OR REPLACE TRIGGER item_first"_s), altered) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP VIEW"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP TRIGGER"_s)) << up.toStdString();

    applyAndCheckReaders();
    EXPECT_EQ(db.rows(u"SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE "
                      u"TRIGGER_SCHEMA = DATABASE() ORDER BY ACTION_ORDER"_s),
              (QStringList{u"item_first"_s, u"item_log"_s}));
    EXPECT_EQ(db.rows(u"SELECT what FROM seen"_s), QStringList{u"changed"_s});
    EXPECT_EQ(db.rows(u"SELECT COUNT(*) FROM dear"_s), QStringList{u"0"_s});
}

INSTANTIATE_TEST_SUITE_P(Engines, MariadbReaders, ::testing::Values(Backend::MariaDB),
                         backendParamName);

INSTANTIATE_TEST_SUITE_P(Engines, ServerReaders,
                         ::testing::Values(Backend::PostgreSQL, Backend::MariaDB),
                         backendParamName);

} // namespace
