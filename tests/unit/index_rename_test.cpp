// An index whose name alone differs from the model's is renamed in place where the engine can
// (PostgreSQL's ALTER INDEX, MariaDB's RENAME INDEX), not dropped and built again; SQLite,
// which cannot, builds it again. Planned, applied and undone through the real burrow-cli.
#include "cli_migrations.h"

#include <QRegularExpression>

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kBefore = "CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, "
                           "code VARCHAR(20), qty INTEGER);\n"
                           "CREATE INDEX item_code_idx ON item (code);\n"
                           "CREATE INDEX item_qty ON item (qty);\n";

class IndexRename : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.execEach(QString::fromUtf8(kBefore).split(u";\n"_s, Qt::SkipEmptyParts) +
                    QStringList{u"INSERT INTO item VALUES (1, 'a', 5), (2, 'b', 7)"_s});
    }
    QString before() const { return cli.model(kBefore, u"before.sql"_s); }
    /// The model: item with `moreColumns`, its code index as `codeIndex` creates it.
    QString modelWith(const QByteArray &codeIndex, const QByteArray &moreColumns = {}) const
    {
        return cli.model("CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(20), "
                         "qty INTEGER" +
                         moreColumns + ");\n" + codeIndex +
                         ";\nCREATE INDEX item_qty ON item (qty);\n");
    }
    /// The statements of the migration's up section that build or drop an index.
    static QStringList rebuilds(const QString &migration)
    {
        static const QRegularExpression builds(u"\\b(CREATE|DROP|ADD)( UNIQUE)? (INDEX|KEY)\\b"_s);
        QStringList out;
        for (const QString &line : upSection(migration).split(u'\n')) {
            if (builds.match(line).hasMatch())
                out.append(line.trimmed());
        }
        return out;
    }
    bool canRename() const { return GetParam() != Backend::SQLite; }
    /// Migrates owner and pet (pet's foreign key references owner.code, its key `key`: a
    /// constraint within the table, or a statement of its own) to the same with `renamedKey`,
    /// and back; expects pet's row to keep its owner. The migration.
    QString renameReferencedKey(const QByteArray &key, const QByteArray &renamedKey,
                                bool keyInTable)
    {
        const auto owners = [&](const QByteArray &ownerKey) -> QByteArray {
            QByteArray sql = "CREATE TABLE owner (id INTEGER NOT NULL PRIMARY KEY, code "
                             "VARCHAR(10) NOT NULL";
            sql += keyInTable ? QByteArray(", " + ownerKey + ");\n")
                              : QByteArray(");\n" + ownerKey + ";\n");
            return sql + "CREATE TABLE pet (id INTEGER NOT NULL PRIMARY KEY, owner_code "
                         "VARCHAR(10), CONSTRAINT pet_owner_fk FOREIGN KEY (owner_code) "
                         "REFERENCES owner (code));\n";
        };
        db.execEach(QString::fromUtf8(owners(key)).split(u";\n"_s, Qt::SkipEmptyParts) +
                    QStringList{u"INSERT INTO owner VALUES (1, 'x')"_s,
                                u"INSERT INTO pet VALUES (1, 'x')"_s});
        const QString migration =
            cli.migrateAndUndo(cli.model(kBefore + owners(renamedKey)),
                               cli.model(kBefore + owners(key), u"owners.sql"_s));
        EXPECT_EQ(
            db.rows(u"SELECT p.id, o.code FROM pet p JOIN owner o ON o.code = p.owner_code"_s),
            QStringList{u"1|x"_s});
        return migration;
    }

    TestDatabase db{GetParam()};
    TempDir dir;
    CliMigrations cli{db, dir};
};

TEST_P(IndexRename, an_index_whose_name_alone_changes_is_renamed_in_place)
{
    const QString model = modelWith("CREATE INDEX item_code_index ON item (code)");
    const QString migration = cli.migrateAndUndo(model, before());
    if (canRename()) {
        EXPECT_EQ(rebuilds(migration), QStringList{}) << migration.toStdString();
        EXPECT_TRUE(upSection(migration).contains(u"item_code_index"_s)) << migration.toStdString();
    } else {
        EXPECT_EQ(rebuilds(migration).size(), 2) << migration.toStdString();
    }
    EXPECT_FALSE(migration.contains(u"item_qty"_s)) << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"Not renamed"_s)) << migration.toStdString();
}

// MariaDB makes all of a table's changes in one ALTER TABLE: the rename goes into it.
TEST_P(IndexRename, a_renamed_index_goes_with_the_rest_of_its_tables_alteration)
{
    const QString model =
        modelWith("CREATE INDEX item_code_index ON item (code)", ", note VARCHAR(40)");
    const QString migration = cli.migrateAndUndo(model, before());
    if (canRename()) {
        EXPECT_EQ(rebuilds(migration), QStringList{}) << migration.toStdString();
    }
    EXPECT_EQ(db.rows(u"SELECT id, code, qty FROM item ORDER BY id"_s),
              (QStringList{u"1|a|5"_s, u"2|b|7"_s}));
}

// Two live indexes alike and one in the model: which one it is cannot be told, so the plan
// does not guess.
TEST_P(IndexRename, an_ambiguous_match_is_dropped_and_built_again)
{
    db.exec(u"CREATE INDEX item_code_twin ON item (code)"_s);
    const QString model = modelWith("CREATE INDEX item_code_index ON item (code)");
    const QString migration = cli.migrate(model);
    EXPECT_FALSE(migration.contains(u"RENAME"_s)) << migration.toStdString();
    EXPECT_EQ(rebuilds(migration).size(), 3) << migration.toStdString();
}

// A different definition under a new name is a new index, not a rename.
TEST_P(IndexRename, an_index_that_changes_with_its_name_is_built_again)
{
    const QString model = modelWith("CREATE UNIQUE INDEX item_code_index ON item (code)");
    const QString migration = cli.migrate(model);
    EXPECT_FALSE(migration.contains(u"RENAME"_s)) << migration.toStdString();
    EXPECT_EQ(rebuilds(migration).size(), 2) << migration.toStdString();
}

// The engines carry an index over to a renamed column: under the model's new name too, it is
// the same index, renamed, not built again.
TEST_P(IndexRename, an_index_on_a_renamed_column_is_renamed_with_it)
{
    const QString model =
        cli.model("CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, sku VARCHAR(20), "
                  "qty INTEGER);\nCREATE INDEX item_sku_idx ON item (sku);\n"
                  "CREATE INDEX item_qty ON item (qty);\n");
    const QString migration =
        cli.migrateAndUndo(model, before(), {u"--rename"_s, u"item.code=sku"_s});
    if (canRename()) {
        EXPECT_EQ(rebuilds(migration), QStringList{}) << migration.toStdString();
        EXPECT_TRUE(upSection(migration).contains(u"item_sku_idx"_s)) << migration.toStdString();
    }
    EXPECT_EQ(db.rows(u"SELECT id, code, qty FROM item ORDER BY id"_s),
              (QStringList{u"1|a|5"_s, u"2|b|7"_s}));
}

// A foreign key depends on the key it references; renaming that key keeps it, so the foreign
// key stays as it is: not dropped and added again (which checks every row under a lock).
TEST_P(IndexRename, a_foreign_key_stays_while_the_key_it_references_is_renamed)
{
    const QString migration = renameReferencedKey("CONSTRAINT owner_code UNIQUE (code)",
                                                  "CONSTRAINT owner_code_key UNIQUE (code)", true);
    if (canRename()) {
        EXPECT_FALSE(migration.contains(u"pet_owner_fk"_s)) << migration.toStdString();
        EXPECT_TRUE(upSection(migration).contains(u"owner_code_key"_s)) << migration.toStdString();
    }
}

// The same with a unique index, not a constraint, as the key: the rename is matched before the
// foreign keys in the way are lifted.
TEST_P(IndexRename, a_foreign_key_stays_while_the_unique_index_it_references_is_renamed)
{
    const QString migration = renameReferencedKey("CREATE UNIQUE INDEX owner_code ON owner (code)",
                                                  "CREATE UNIQUE INDEX owner_code_uq ON owner "
                                                  "(code)",
                                                  false);
    if (canRename()) {
        EXPECT_FALSE(migration.contains(u"pet_owner_fk"_s)) << migration.toStdString();
        EXPECT_EQ(rebuilds(migration), QStringList{}) << migration.toStdString();
        EXPECT_TRUE(upSection(migration).contains(u"owner_code_uq"_s)) << migration.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, IndexRename, allBackends(), backendParamName);

class MariaDbIndexRename : public IndexRename {};

// MariaDB refuses to drop the index a foreign key needs ("needed in a foreign key
// constraint"): a rename keeps it.
TEST_P(MariaDbIndexRename, the_index_a_foreign_key_needs_is_renamed)
{
    const QByteArray pets = "CREATE TABLE owner (id INTEGER NOT NULL PRIMARY KEY);\n"
                            "CREATE TABLE pet (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER, "
                            "KEY pet_owner (owner_id), CONSTRAINT pet_owner_fk FOREIGN KEY "
                            "(owner_id) REFERENCES owner (id));\n";
    db.execEach(QString::fromUtf8(pets).split(u";\n"_s, Qt::SkipEmptyParts) +
                QStringList{u"INSERT INTO owner VALUES (1)"_s, u"INSERT INTO pet VALUES (1, 1)"_s});
    QByteArray renamed = pets;
    renamed.replace("KEY pet_owner ", "KEY pet_owner_idx ");
    const QString migration =
        cli.migrateAndUndo(cli.model(kBefore + renamed), cli.model(kBefore + pets, u"pets.sql"_s));
    EXPECT_TRUE(migration.contains(u"RENAME INDEX `pet_owner` TO `pet_owner_idx`"_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, owner_id FROM pet"_s), QStringList{u"1|1"_s});
}

INSTANTIATE_TEST_SUITE_P(Engines, MariaDbIndexRename, ::testing::Values(Backend::MariaDB),
                         backendParamName);

class PostgresIndexRename : public IndexRename {};

// PostgreSQL's own text of the index names its INCLUDE columns and predicate too: a renamed
// column there still leaves the same index.
TEST_P(PostgresIndexRename, a_covering_partial_index_follows_its_renamed_columns)
{
    db.exec(u"CREATE INDEX item_cover ON item (code) INCLUDE (qty) WHERE qty > 0"_s);
    const QString model = cli.model(
        "CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(20), amount INTEGER);\n"
        "CREATE INDEX item_code_idx ON item (code);\nCREATE INDEX item_qty ON item (amount);\n"
        "CREATE INDEX item_cover_amount ON item (code) INCLUDE (amount) WHERE amount > 0;\n");
    const QString migration = cli.migrateAndUndo(
        model,
        cli.model(kBefore + "CREATE INDEX item_cover ON item (code) INCLUDE (qty) WHERE qty > 0;\n",
                  u"cover.sql"_s),
        {u"--rename"_s, u"item.qty=amount"_s});
    EXPECT_EQ(rebuilds(migration), QStringList{}) << migration.toStdString();
    EXPECT_TRUE(upSection(migration).contains(
        u"ALTER INDEX \"item_cover\" RENAME TO \"item_cover_amount\""_s))
        << migration.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Engines, PostgresIndexRename, ::testing::Values(Backend::PostgreSQL),
                         backendParamName);

} // namespace
