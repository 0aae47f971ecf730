// Foreign keys and the keys they depend on, in the order the engines accept: a referenced
// primary key that changes (the engines refuse to drop it under a foreign key), and a new table
// whose key references a column the same migration adds. Planned, applied and undone through
// the real burrow-cli on every engine, the rows kept.
#include "server_support.h"
#include "test_support.h"

#include <QDir>
#include <QFile>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class ForeignKeyOrder : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        ASSERT_TRUE(QDir().mkpath(migrations()));
    }
    QString migrations() const { return dir.path(u"migrations"_s); }
    CliRun run(const QString &command, const QString &model, const QStringList &more = {})
    {
        QStringList arguments{command, u"--db"_s, db.url()};
        if (command != u"diff"_s)
            arguments += {u"--migrations"_s, migrations()};
        if (!model.isEmpty())
            arguments += {u"--model"_s, dir.write(model + u".sql"_s, models.value(model))};
        return runCli(arguments + more);
    }
    static std::string shown(const CliRun &r) { return QString(r.out + r.err).toStdString(); }

    /// Plans towards `model`, applies, and checks that nothing differs afterwards; then applies
    /// the migration's down section as a migration of its own and checks it leads back to
    /// `before`. Returns the planned migration.
    QString planApplyAndUndo(const QString &model, const QString &before)
    {
        const CliRun planned = run(u"plan"_s, model, {u"--name"_s, u"forward"_s});
        EXPECT_EQ(planned.exitCode, 0) << shown(planned);
        const QStringList files = QDir(migrations()).entryList({u"*.sql"_s}, QDir::Files);
        EXPECT_EQ(files.size(), 1) << shown(planned);
        if (files.size() != 1)
            return {};
        const QString migration = QString::fromUtf8(readBytes(migrations() + u'/' + files[0]));
        const CliRun applied = run(u"apply"_s, {}, {u"--no-backup"_s});
        EXPECT_EQ(applied.exitCode, 0) << shown(applied) << migration.toStdString();
        const CliRun after = run(u"diff"_s, model);
        EXPECT_EQ(after.exitCode, 0) << shown(after) << migration.toStdString();

        // The down marker's options (SQLite's `transaction:false`) go with its statements.
        const QString options = migration.section(u"-- migrate:down"_s, 1).section(u'\n', 0, 0);
        dir.write(u"migrations/0002_back.sql"_s, "-- migrate:up" + options.toUtf8() + '\n' +
                                                     downSection(migration).toUtf8() +
                                                     "\n-- migrate:down\n");
        const CliRun undone = run(u"apply"_s, {}, {u"--no-backup"_s});
        EXPECT_EQ(undone.exitCode, 0) << shown(undone) << migration.toStdString();
        const CliRun back = run(u"diff"_s, before);
        EXPECT_EQ(back.exitCode, 0) << shown(back) << migration.toStdString();
        return migration;
    }

    TestDatabase db{GetParam()};
    TempDir dir;
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

    planApplyAndUndo(u"after"_s, u"before"_s);
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

    const QString migration = planApplyAndUndo(u"after"_s, u"before"_s);
    EXPECT_TRUE(migration.contains(u"tagging"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, name FROM account ORDER BY id"_s),
              (QStringList{u"1|ursula"_s, u"2|frank"_s}));
}

INSTANTIATE_TEST_SUITE_P(Engines, ForeignKeyOrder, allBackends(), backendParamName);

} // namespace
