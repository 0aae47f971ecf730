// MariaDB fidelity: a migrated database reads like one the server built from the model. Unnamed
// foreign keys and CHECKs take the names the server gave them in the model's load (t_ibfk_1,
// CONSTRAINT_1) when the live table leaves them free; declared table options (ROW_FORMAT,
// KEY_BLOCK_SIZE, InnoDB's PAGE_COMPRESSED), compressed columns, the storage engine and key
// comments are compared, created and changed.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kForeignKeys =
    u"SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS "
    u"WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY CONSTRAINT_NAME"_s;
const QString kChecks = u"SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS WHERE "
                        u"CONSTRAINT_SCHEMA = DATABASE() ORDER BY CONSTRAINT_NAME"_s;

class MysqlFidelity : public ::testing::Test {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }
    /// Builds the live database from `sql` and keeps it as the model `before.sql`: the state a
    /// down section must bring back.
    QString build(const QByteArray &sql)
    {
        db.exec(QString::fromUtf8(sql).trimmed().chopped(1));
        return cli.model(sql, u"before.sql"_s);
    }
    /// Runs the down section of `migration` and expects the database to match `model` again.
    void runDownAndExpectMatching(const QString &migration, const QString &model)
    {
        db.exec(downSection(migration));
        const CliRun after = cli.diff(model);
        EXPECT_EQ(after.exitCode, 0) << CliMigrations::shown(after) << migration.toStdString();
    }
    /// The diff against `model`, which must find differences.
    CliRun expectDrift(const QString &model)
    {
        const CliRun drift = cli.diff(model);
        EXPECT_EQ(drift.exitCode, 1) << CliMigrations::shown(drift);
        return drift;
    }
    QString createOptions(const QString &table)
    {
        return db
            .rows(u"SELECT CREATE_OPTIONS FROM information_schema.TABLES WHERE "
                  u"TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"_s +
                  table + u'\'')
            .value(0);
    }
    QString keyComment(const QString &table, const QString &key)
    {
        return db
            .rows(u"SELECT INDEX_COMMENT FROM information_schema.STATISTICS WHERE "
                  u"TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"_s +
                  table + u"' AND INDEX_NAME = '"_s + key + u"' AND SEQ_IN_INDEX = 1"_s)
            .value(0);
    }

    TestDatabase db{Backend::MariaDB};
    TempDir dir;
    CliMigrations cli{db, dir};
};

const QByteArray kUsersAndPosts = "CREATE TABLE users (id BIGINT PRIMARY KEY);\n"
                                  "CREATE TABLE posts (id INT PRIMARY KEY, user_id BIGINT, "
                                  "editor_id BIGINT);\n";

TEST_F(MysqlFidelity, unnamed_keys_and_checks_take_the_names_the_server_gave_them_in_the_model)
{
    const QString before = build(kUsersAndPosts);
    const QString model = cli.model(
        "CREATE TABLE users (id BIGINT PRIMARY KEY);\n"
        "CREATE TABLE posts (id INT PRIMARY KEY, user_id BIGINT, editor_id BIGINT,\n"
        "  FOREIGN KEY (user_id) REFERENCES users (id), CHECK (id > 0), CHECK (id < 1000));\n");
    const QString migration = cli.migrate(model);
    EXPECT_TRUE(upSection(migration).contains(u"`posts_ibfk_1`"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(kForeignKeys), QStringList{u"posts_ibfk_1"_s});
    EXPECT_EQ(db.rows(kChecks), (QStringList{u"CONSTRAINT_1"_s, u"CONSTRAINT_2"_s}));

    runDownAndExpectMatching(migration, before);
    EXPECT_TRUE(db.rows(kForeignKeys).isEmpty());
    EXPECT_TRUE(db.rows(kChecks).isEmpty());
}

TEST_F(MysqlFidelity, a_server_name_the_live_table_already_uses_falls_back_to_burrows_own)
{
    // The live key on editor_id and the live check hold the names the server gives the model's
    // new key and check (those come first in the model): the new ones need other names.
    const QString before =
        build("CREATE TABLE users (id BIGINT PRIMARY KEY);\n"
              "CREATE TABLE posts (id INT PRIMARY KEY, user_id BIGINT, editor_id BIGINT,\n"
              "  FOREIGN KEY (editor_id) REFERENCES users (id), CHECK (id < 1000));\n");
    const QString model =
        cli.model("CREATE TABLE users (id BIGINT PRIMARY KEY);\n"
                  "CREATE TABLE posts (id INT PRIMARY KEY, user_id BIGINT, editor_id BIGINT,\n"
                  "  FOREIGN KEY (user_id) REFERENCES users (id),\n"
                  "  FOREIGN KEY (editor_id) REFERENCES users (id),\n"
                  "  CHECK (id > 0), CHECK (id < 1000));\n");
    const QString migration = cli.migrate(model);
    EXPECT_EQ(db.rows(kForeignKeys), (QStringList{u"posts_ibfk_1"_s, u"posts_user_id_fk"_s}))
        << migration.toStdString();
    const QStringList checks = db.rows(kChecks);
    ASSERT_EQ(checks.size(), 2);
    EXPECT_EQ(checks[0], u"CONSTRAINT_1"_s);
    EXPECT_TRUE(checks[1].startsWith(u"posts_chk_"_s)) << checks[1].toStdString();

    runDownAndExpectMatching(migration, before);
    EXPECT_EQ(db.rows(kForeignKeys), QStringList{u"posts_ibfk_1"_s});
    EXPECT_EQ(db.rows(kChecks), QStringList{u"CONSTRAINT_1"_s});
}

// The key a foreign key references is rebuilt (a wider primary key, a new unique): the
// foreign key is dropped first and added back. InnoDB would replace the index it created for
// an unnamed key with one named after the key, a difference the next diff reports; the down
// section drops the key under the name the server gave it.
TEST_F(MysqlFidelity, a_foreign_key_dropped_while_its_referenced_key_changes_keeps_its_index)
{
    const QString before = build("CREATE TABLE item (id INT PRIMARY KEY, tenant INT NOT NULL);\n"
                                 "CREATE TABLE tag (item_id INT REFERENCES item (id));\n");
    const QString migration =
        cli.migrate(cli.model("CREATE TABLE item (id INT, tenant INT NOT NULL,\n"
                              "  PRIMARY KEY (tenant, id), UNIQUE (id));\n"
                              "CREATE TABLE tag (item_id INT REFERENCES item (id));\n"));
    EXPECT_TRUE(upSection(migration).contains(u"DROP FOREIGN KEY `tag_ibfk_1`"_s))
        << migration.toStdString();
    const QString tagIndexes = u"SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE "
                               u"TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tag'"_s;
    EXPECT_EQ(db.rows(tagIndexes), QStringList{u"item_id"_s});
    EXPECT_EQ(db.rows(kForeignKeys), QStringList{u"tag_ibfk_1"_s});

    EXPECT_TRUE(downSection(migration).contains(u"DROP FOREIGN KEY `tag_ibfk_1`"_s))
        << migration.toStdString();
    runDownAndExpectMatching(migration, before);
    EXPECT_EQ(db.rows(tagIndexes), QStringList{u"item_id"_s});
}

// SELECT *, INSERT without a column list and the dumps see the columns in the table's order:
// an added column goes where the model has it (FIRST, AFTER), as does a column added again
// (a generated column made a plain one); columns added at the end need no position.
TEST_F(MysqlFidelity, added_columns_take_their_place_in_the_models_order)
{
    const QString before = build("CREATE TABLE t (id INT PRIMARY KEY, a INT,\n"
                                 "  twice INT AS (a * 2) VIRTUAL, z INT);\n");
    db.exec(u"INSERT INTO t (id, a, z) VALUES (1, 5, 9)"_s);
    const QString migration = cli.migrate(
        cli.model("CREATE TABLE t (lead INT, id INT PRIMARY KEY, a INT, n INT CHECK (n > 0),\n"
                  "  twice INT, z INT, tail INT);\n"));
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"ADD COLUMN `n` int(11) NULL CHECK (`n` > 0) AFTER `a`"_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"ADD COLUMN `tail` int(11) NULL;"_s)) << up.toStdString();
    const QString order = u"SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION) FROM "
                          u"information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND "
                          u"TABLE_NAME = 't'"_s;
    EXPECT_EQ(db.rows(order), QStringList{u"lead,id,a,n,twice,z,tail"_s});
    EXPECT_EQ(db.rows(u"SELECT * FROM t"_s), QStringList{u"NULL|1|5|NULL|10|9|NULL"_s});

    runDownAndExpectMatching(migration, before);
    EXPECT_EQ(db.rows(order), QStringList{u"id,a,twice,z"_s});
}

TEST_F(MysqlFidelity, declared_table_options_are_created_changed_and_removed)
{
    const QString dynamic = cli.model("CREATE TABLE users (id BIGINT) ROW_FORMAT=DYNAMIC;\n");
    const QString created = cli.migrate(dynamic);
    EXPECT_TRUE(upSection(created).contains(u"ROW_FORMAT=DYNAMIC"_s)) << created.toStdString();
    EXPECT_EQ(createOptions(u"users"_s), u"row_format=DYNAMIC"_s);

    const QString compressed =
        cli.model("CREATE TABLE users (id BIGINT) KEY_BLOCK_SIZE=8;\n", u"compressed.sql"_s);
    const CliRun json = cli.diff(compressed, {u"--format"_s, u"json"_s});
    EXPECT_EQ(json.exitCode, 1) << CliMigrations::shown(json);
    EXPECT_TRUE(json.out.contains(u"\"options\""_s)) << CliMigrations::shown(json);
    EXPECT_TRUE(json.out.contains(u"KEY_BLOCK_SIZE=8"_s)) << CliMigrations::shown(json);
    const QString changed = cli.migrate(compressed);
    EXPECT_EQ(createOptions(u"users"_s), u"key_block_size=8"_s) << changed.toStdString();

    runDownAndExpectMatching(changed, dynamic);
    EXPECT_EQ(createOptions(u"users"_s), u"row_format=DYNAMIC"_s);

    const QString plain = cli.model("CREATE TABLE users (id BIGINT);\n", u"plain.sql"_s);
    cli.migrate(plain);
    EXPECT_EQ(createOptions(u"users"_s), QString());
}

// InnoDB's own attributes (PAGE_COMPRESSED, ENCRYPTED, …) are listed quoted in CREATE_OPTIONS;
// they are compared, changed and set back to DEFAULT like the others.
TEST_F(MysqlFidelity, the_engines_own_table_attributes_are_created_changed_and_removed)
{
    const QString before = build("CREATE TABLE logs (id BIGINT);\n");
    const QString model =
        cli.model("CREATE TABLE logs (id BIGINT) PAGE_COMPRESSED=1 PAGE_COMPRESSION_LEVEL=3;\n");
    expectDrift(model);
    cli.migrate(model);
    EXPECT_EQ(createOptions(u"logs"_s), u"`PAGE_COMPRESSED`='1' `PAGE_COMPRESSION_LEVEL`='3'"_s);

    const QString level9 = cli.model(
        "CREATE TABLE logs (id BIGINT) PAGE_COMPRESSED=1 PAGE_COMPRESSION_LEVEL=9;\n", u"9.sql"_s);
    const QString changed = cli.migrate(level9);
    EXPECT_EQ(createOptions(u"logs"_s), u"`PAGE_COMPRESSED`='1' `PAGE_COMPRESSION_LEVEL`='9'"_s)
        << changed.toStdString();

    cli.migrate(before);
    EXPECT_EQ(createOptions(u"logs"_s), QString());
}

// MariaDB writes a compressed column as `blob /*M!100301 COMPRESSED*/`; the attribute is part
// of the column's type, not a comment to skip.
TEST_F(MysqlFidelity, a_compressed_column_differs_from_a_plain_one_and_is_made_compressed)
{
    const QString before = build("CREATE TABLE notes (id INT PRIMARY KEY, body BLOB);\n");
    const QString model =
        cli.model("CREATE TABLE notes (id INT PRIMARY KEY, body BLOB COMPRESSED);\n");
    const CliRun drift = expectDrift(model);
    EXPECT_TRUE(drift.out.contains(u"blob COMPRESSED"_s)) << CliMigrations::shown(drift);
    const QString migration = cli.migrate(model);
    const QString columnType = u"SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE "
                               u"TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'body'"_s;
    EXPECT_EQ(db.rows(columnType), QStringList{u"blob /*M!100301 COMPRESSED*/"_s})
        << migration.toStdString();
    runDownAndExpectMatching(migration, before);
    EXPECT_EQ(db.rows(columnType), QStringList{u"blob"_s});
}

TEST_F(MysqlFidelity, a_legacy_myisam_table_moves_to_the_models_engine_before_its_new_keys)
{
    db.exec(u"CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, KEY (parent_id)) "
            "ENGINE=MyISAM; CREATE TABLE parent (id INT PRIMARY KEY) ENGINE=MyISAM;"
            "INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1, 1)"_s);
    const QString before = cli.model("CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, KEY "
                                     "(parent_id)) ENGINE=MyISAM;\nCREATE TABLE parent (id INT "
                                     "PRIMARY KEY) ENGINE=MyISAM;\n",
                                     u"before.sql"_s);
    const QString model =
        cli.model("CREATE TABLE parent (id INT PRIMARY KEY);\n"
                  "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, "
                  "CONSTRAINT fk FOREIGN KEY (parent_id) REFERENCES parent (id));\n");
    const CliRun differs = cli.diff(model);
    EXPECT_TRUE(differs.out.contains(u"ENGINE=MyISAM → ENGINE=InnoDB"_s))
        << CliMigrations::shown(differs);
    const QString migration = cli.migrate(model);
    EXPECT_TRUE(upSection(migration).indexOf(u"ALTER TABLE `parent`\n  ENGINE=InnoDB"_s) <
                upSection(migration).indexOf(u"ADD CONSTRAINT `fk`"_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                      "DATABASE() AND TABLE_NAME IN ('child', 'parent')"_s),
              (QStringList{u"InnoDB"_s, u"InnoDB"_s}));
    EXPECT_FALSE(db.tryExec(u"INSERT INTO child VALUES (2, 99)"_s)) << "the key is enforced";
    runDownAndExpectMatching(migration, before);
    EXPECT_EQ(db.rows(u"SELECT id FROM child"_s), QStringList{u"1"_s});
}

TEST_F(MysqlFidelity, key_comments_are_created_and_changed)
{
    db.exec(u"CREATE TABLE friends (user_id bigint NOT NULL PRIMARY KEY,"
            u"  friend_id bigint NOT NULL, KEY by_friend (friend_id))"_s);
    const QString before = cli.model("CREATE TABLE friends (user_id bigint NOT NULL PRIMARY KEY,"
                                     "  friend_id bigint NOT NULL, KEY by_friend (friend_id));\n",
                                     u"before.sql"_s);
    const QString model =
        cli.model("CREATE TABLE friends (user_id bigint NOT NULL, friend_id bigint NOT NULL,\n"
                  "  PRIMARY KEY (user_id, friend_id) COMMENT 'new primary key',\n"
                  "  KEY by_friend (friend_id) COMMENT 'lookups');\n");
    const QString migration = cli.migrate(model);
    EXPECT_EQ(keyComment(u"friends"_s, u"PRIMARY"_s), u"new primary key"_s);
    EXPECT_EQ(keyComment(u"friends"_s, u"by_friend"_s), u"lookups"_s);

    const QString recommented = cli.model(
        QByteArray("CREATE TABLE friends (user_id bigint NOT NULL, friend_id bigint NOT NULL,\n"
                   "  PRIMARY KEY (user_id, friend_id) COMMENT 'pairs',\n"
                   "  KEY by_friend (friend_id) COMMENT 'lookups');\n"),
        u"recommented.sql"_s);
    const CliRun differences = cli.diff(recommented);
    EXPECT_TRUE(differences.out.contains(u"comment new primary key → pairs"_s))
        << CliMigrations::shown(differences);
    const QString changed = cli.migrate(recommented);
    EXPECT_EQ(keyComment(u"friends"_s, u"PRIMARY"_s), u"pairs"_s) << changed.toStdString();

    runDownAndExpectMatching(changed, model);
    runDownAndExpectMatching(migration, before);
    EXPECT_EQ(keyComment(u"friends"_s, u"PRIMARY"_s), QString());
}

} // namespace
