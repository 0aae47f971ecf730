// PostgreSQL constraint fidelity end to end through burrow-cli: exclusion constraints, DEFERRABLE
// keys, NO INHERIT checks, UNIQUE NULLS NOT DISTINCT, MATCH FULL foreign keys, ON DELETE SET
// NULL of some columns, and non-default
// operator classes of index keys: read, compared, planned (up and down) and applied.
#include "dialect/postgres/postgres_names.h"
#include "postgres_cli_fixture.h"
#include "sql/splitter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresConstraints : public PostgresCliFixture {
protected:
    /// The differences `diff --format json` reports, each as `kind name [attributes]`.
    QStringList differences(const QString &modelPath)
    {
        const CliRun run = diff(modelPath, {u"--format"_s, u"json"_s});
        EXPECT_NE(run.exitCode, 2) << run.err.toStdString();
        QStringList out;
        const QJsonArray all =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"differences"_s).toArray();
        for (const QJsonValue &value : all) {
            const QJsonObject d = value.toObject();
            QStringList attributes;
            for (const QJsonValue &a : d.value(u"attributes"_s).toArray())
                attributes.append(a.toString());
            out.append(
                d.value(u"kind"_s).toString() + u' ' + d.value(u"name"_s).toString() +
                (attributes.isEmpty() ? QString() : u" ["_s + attributes.join(u", ") + u']'));
        }
        return out;
    }

    /// Runs the down section of `migration` on the database.
    void runDown(const QString &migration)
    {
        const QString down = migration.section(u"-- migrate:down"_s, 1);
        const Result<QList<sql::Statement>> split =
            sql::splitStatements(down, u"down"_s, dialect::postgres::lexerOptions());
        ASSERT_TRUE(split.ok());
        QStringList statements;
        for (const sql::Statement &s : *split)
            statements.append(s.text);
        db.execEach(statements);
    }

    /// `name: definition` of each constraint of table t, by name.
    QStringList constraints()
    {
        return db.rows(u"SELECT conname || ': ' || pg_get_constraintdef(oid, true) "
                       u"FROM pg_constraint WHERE conrelid = 't'::regclass ORDER BY conname"_s);
    }
};

constexpr char kBtree[] = "CREATE TABLE t (name text, during tstzrange,\n"
                          "  CONSTRAINT ex EXCLUDE (name WITH =));\n";
constexpr char kGist[] = "CREATE TABLE t (name text, during tstzrange,\n"
                         "  CONSTRAINT ex EXCLUDE USING gist (during WITH &&));\n";

} // namespace

TEST_F(PostgresConstraints, exclusion_constraints_are_read_in_the_engines_spelling)
{
    db.execEach({u"CREATE TABLE t (name text, during tstzrange,"
                 u" CONSTRAINT ex EXCLUDE USING gist (during WITH &&) DEFERRABLE,"
                 u" EXCLUDE (lower(name) WITH =) WHERE (name <> ''))"_s,
                 u"COMMENT ON CONSTRAINT ex ON t IS 'no overlaps'"_s});
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.tables.size(), 1);
    const QList<schema::ExclusionConstraint> &x = live.tables[0].exclusions;
    ASSERT_EQ(x.size(), 2);
    EXPECT_EQ(x[0].name, u"ex"_s);
    EXPECT_EQ(x[0].definition.text, u"EXCLUDE USING gist (during WITH &&) DEFERRABLE"_s);
    EXPECT_EQ(x[0].comment, u"no overlaps"_s);
    EXPECT_EQ(x[1].name, u"t_lower_excl"_s); // the engine's name for an unnamed one
    EXPECT_EQ(x[1].definition.text,
              u"EXCLUDE USING btree (lower(name) WITH =) WHERE (name <> ''::text)"_s);
    EXPECT_TRUE(live.tables[0].indexes.isEmpty()) << "the backing index is the constraint's";
}

TEST_F(PostgresConstraints, an_exclusion_constraint_is_added_changed_and_dropped)
{
    db.exec(u"CREATE TABLE t (name text, during tstzrange)"_s);
    const QString btree = model(kBtree);
    EXPECT_EQ(differences(btree), QStringList{u"exclusion_added ex"_s});
    migrate(btree);
    EXPECT_EQ(constraints(), QStringList{u"ex: EXCLUDE USING btree (name WITH =)"_s});

    // btree → gist: dropped and added again; the way back restores the btree one.
    const QString gist = model(kGist);
    EXPECT_EQ(differences(gist), QStringList{u"exclusion_changed ex [definition]"_s});
    const QString migration = migrate(gist);
    EXPECT_EQ(constraints(), QStringList{u"ex: EXCLUDE USING gist (during WITH &&)"_s});
    runDown(migration);
    EXPECT_EQ(constraints(), QStringList{u"ex: EXCLUDE USING btree (name WITH =)"_s});

    db.exec(u"DROP TABLE t; CREATE TABLE t (name text, during tstzrange)"_s);
    migrate(gist);
    const QString none = model("CREATE TABLE t (name text, during tstzrange);\n");
    EXPECT_EQ(differences(none), QStringList{u"exclusion_removed ex"_s});
    migrate(none);
    EXPECT_TRUE(constraints().isEmpty());
}

TEST_F(PostgresConstraints, a_new_table_gets_its_exclusions_unnamed_ones_by_the_engines_name)
{
    db.exec(u"CREATE TABLE keep (x int)"_s);
    const QString path = model("CREATE TABLE keep (x int);\n"
                               "CREATE TABLE t (during tstzrange,\n"
                               "  EXCLUDE USING gist (during WITH &&));\n"
                               "COMMENT ON CONSTRAINT t_during_excl ON t IS 'one at a time';\n");
    EXPECT_EQ(differences(path), QStringList{u"table_added t"_s});
    migrate(path);
    EXPECT_EQ(constraints(), QStringList{u"t_during_excl: EXCLUDE USING gist (during WITH &&)"_s});
    EXPECT_EQ(db.rows(u"SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint "
                      u"WHERE conname = 't_during_excl'"_s),
              QStringList{u"one at a time"_s});
    // A rename keeps the definition: the constraint is renamed, not rebuilt.
    const QString renamed = model("CREATE TABLE keep (x int);\n"
                                  "CREATE TABLE t (during tstzrange,\n"
                                  "  CONSTRAINT slot EXCLUDE USING gist (during WITH &&));\n");
    EXPECT_EQ(differences(renamed), QStringList{u"exclusion_changed slot [name, comment]"_s});
    EXPECT_TRUE(migrate(renamed).contains(u"RENAME CONSTRAINT \"t_during_excl\" TO \"slot\""_s));
}

TEST_F(PostgresConstraints, deferrable_keys_are_dropped_and_added_again_when_that_changes)
{
    db.exec(u"CREATE TABLE t (id int PRIMARY KEY, code int CONSTRAINT code_key UNIQUE)"_s);
    const QString deferred = model("CREATE TABLE t (id int PRIMARY KEY DEFERRABLE,\n"
                                   "  code int CONSTRAINT code_key UNIQUE "
                                   "DEFERRABLE INITIALLY DEFERRED);\n");
    EXPECT_EQ(differences(deferred), (QStringList{u"primary_key_changed t_pkey [deferrable]"_s,
                                                  u"unique_changed code_key [deferrable]"_s}));
    const QString migration = migrate(deferred);
    EXPECT_EQ(constraints(),
              (QStringList{u"code_key: UNIQUE (code) DEFERRABLE INITIALLY DEFERRED"_s,
                           u"t_pkey: PRIMARY KEY (id) DEFERRABLE"_s}));
    runDown(migration);
    EXPECT_EQ(constraints(),
              (QStringList{u"code_key: UNIQUE (code)"_s, u"t_pkey: PRIMARY KEY (id)"_s}));
}

TEST_F(PostgresConstraints, no_inherit_nulls_not_distinct_and_match_full_are_kept)
{
    db.execEach({u"CREATE TABLE p (a int, b int, UNIQUE (a, b))"_s,
                 u"CREATE TABLE t (a int, b int, CONSTRAINT positive CHECK (a > 0),"
                 u" CONSTRAINT pair UNIQUE (a, b),"
                 u" CONSTRAINT to_p FOREIGN KEY (a, b) REFERENCES p (a, b))"_s});
    const QString path =
        model("CREATE TABLE p (a int, b int, UNIQUE (a, b));\n"
              "CREATE TABLE t (a int, b int, CONSTRAINT positive CHECK (a > 0) NO INHERIT,\n"
              "  CONSTRAINT pair UNIQUE NULLS NOT DISTINCT (a, b),\n"
              "  CONSTRAINT to_p FOREIGN KEY (a, b) REFERENCES p (a, b) MATCH FULL);\n");
    EXPECT_EQ(differences(path), (QStringList{u"unique_changed pair [nulls not distinct]"_s,
                                              u"check_changed positive [no inherit]"_s,
                                              u"foreign_key_changed to_p [match]"_s}));
    const QString migration = migrate(path);
    EXPECT_EQ(constraints(),
              (QStringList{u"pair: UNIQUE NULLS NOT DISTINCT (a, b)"_s,
                           u"positive: CHECK (a > 0) NO INHERIT"_s,
                           u"to_p: FOREIGN KEY (a, b) REFERENCES p(a, b) MATCH FULL"_s}));
    const schema::Schema live = introspect(db);
    const schema::Table *t = schema::findTable(live, u"t"_s, Qt::CaseSensitive);
    ASSERT_TRUE(t);
    EXPECT_TRUE(t->checks.value(0).noInherit);
    EXPECT_TRUE(t->uniques.value(0).nullsNotDistinct);
    EXPECT_TRUE(t->foreignKeys.value(0).matchFull);
    runDown(migration);
    EXPECT_EQ(constraints(), (QStringList{u"pair: UNIQUE (a, b)"_s, u"positive: CHECK (a > 0)"_s,
                                          u"to_p: FOREIGN KEY (a, b) REFERENCES p(a, b)"_s}));
}

// PostgreSQL 15's column list: deleting the tenant's row must keep the child's tenant (part
// of its own key) and clear only the parent reference. Read as a plain SET NULL, it compared
// equal to one and a migration dropped the list.
TEST_F(PostgresConstraints, on_delete_set_null_of_some_columns_is_read_compared_and_applied)
{
    constexpr char table[] = "CREATE TABLE t (tenant int, id int, parent int,\n"
                             "  PRIMARY KEY (tenant, id),\n"
                             "  CONSTRAINT up FOREIGN KEY (tenant, parent)\n"
                             "    REFERENCES t (tenant, id) ON DELETE SET NULL%1);\n";
    db.exec(QString::fromUtf8(table).arg(QString()).remove(u'\n').chopped(1));
    const QString path = model(QString::fromUtf8(table).arg(u" (parent)"_s).toUtf8());
    EXPECT_EQ(differences(path), QStringList{u"foreign_key_changed up [on delete]"_s});
    const QString migration = migrate(path);
    EXPECT_EQ(constraints().filter(u"up:"_s),
              QStringList{u"up: FOREIGN KEY (tenant, parent) REFERENCES t(tenant, id) "
                          u"ON DELETE SET NULL (parent)"_s});
    db.exec(u"INSERT INTO t VALUES (1, 1, NULL), (1, 2, 1);"
            u"DELETE FROM t WHERE id = 1"_s);
    EXPECT_EQ(db.rows(u"SELECT tenant, id, parent FROM t"_s), QStringList{u"1|2|NULL"_s});
    runDown(migration);
    EXPECT_EQ(differences(model(QString::fromUtf8(table).arg(QString()).toUtf8())), QStringList{});
}

TEST_F(PostgresConstraints, a_non_default_operator_class_is_read_compared_and_applied)
{
    db.execEach({u"CREATE TABLE t (name text, doc jsonb)"_s, u"CREATE INDEX by_name ON t (name)"_s,
                 u"CREATE INDEX by_doc ON t USING gin (doc)"_s});
    const QString path = model("CREATE TABLE t (name text, doc jsonb);\n"
                               "CREATE INDEX by_name ON t (name text_pattern_ops);\n"
                               "CREATE INDEX by_doc ON t USING gin (doc jsonb_path_ops);\n");
    EXPECT_EQ(differences(path), (QStringList{u"index_changed by_doc [columns]"_s,
                                              u"index_changed by_name [columns]"_s}));
    const QString migration = migrate(path);
    EXPECT_EQ(
        db.rows(u"SELECT pg_get_indexdef(indexrelid) FROM pg_index "
                u"WHERE indrelid = 't'::regclass ORDER BY indexrelid::regclass::text"_s),
        (QStringList{u"CREATE INDEX by_doc ON public.t USING gin (doc jsonb_path_ops)"_s,
                     u"CREATE INDEX by_name ON public.t USING btree (name text_pattern_ops)"_s}));
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.tables.value(0).indexes.size(), 2);
    EXPECT_EQ(live.tables[0].indexes[0].parts.value(0).opclass, u"jsonb_path_ops"_s);
    // The type's own class is no class at all: a plain index reads none.
    runDown(migration);
    EXPECT_EQ(introspect(db).tables.value(0).indexes.value(1).parts.value(0).opclass, QString());
}

// Where an index puts NULLs decides which ORDER BY it serves: NULLS FIRST on an ascending
// part (or LAST on a descending one) is told apart; the engine's default spelled out is not.
TEST_F(PostgresConstraints, where_an_index_puts_nulls_is_compared)
{
    db.execEach({u"CREATE TABLE t (a int, b int)"_s, u"CREATE INDEX by_a ON t (a)"_s,
                 u"CREATE INDEX by_b ON t (b DESC)"_s});
    const QString path = model("CREATE TABLE t (a int, b int);\n"
                               "CREATE INDEX by_a ON t (a NULLS FIRST);\n"
                               "CREATE INDEX by_b ON t (b DESC NULLS FIRST);\n");
    EXPECT_EQ(differences(path), QStringList{u"index_changed by_a [columns]"_s});
    const QString migration = migrate(path);
    EXPECT_EQ(db.rows(u"SELECT pg_get_indexdef('by_a'::regclass)"_s),
              QStringList{u"CREATE INDEX by_a ON public.t USING btree (a NULLS FIRST)"_s});
    runDown(migration);
    EXPECT_EQ(db.rows(u"SELECT pg_get_indexdef('by_a'::regclass)"_s),
              QStringList{u"CREATE INDEX by_a ON public.t USING btree (a)"_s});
}

// A unique index (Rails' way) meeting a model that declares UNIQUE or a primary key (Django's)
// becomes that constraint in place: the same index, not built again, the rows checked all along.
// One that does not fit (an expression) is left to the usual drop and create.
TEST_F(PostgresConstraints, a_unique_index_becomes_the_models_constraint_in_place)
{
    db.execEach({u"CREATE TABLE t (id int NOT NULL, code int, tag int)"_s,
                 u"CREATE UNIQUE INDEX t_id_idx ON t (id)"_s,
                 u"CREATE UNIQUE INDEX by_code ON t (code)"_s,
                 u"CREATE UNIQUE INDEX by_tag ON t ((tag + 0))"_s,
                 u"INSERT INTO t VALUES (1, 10, 100), (2, 20, 200)"_s});
    const QString indexOids =
        u"SELECT 't_id_idx'::regclass::oid || ',' || 'by_code'::regclass::oid"_s;
    const QStringList before = db.rows(indexOids);
    const QString path = model("CREATE TABLE t (id int PRIMARY KEY, code int, tag int,\n"
                               "  CONSTRAINT code_key UNIQUE (code) DEFERRABLE,\n"
                               "  CONSTRAINT tag_key UNIQUE (tag));\n");
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"ADD CONSTRAINT \"t_pkey\" PRIMARY KEY USING INDEX \"t_id_idx\""_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"ADD CONSTRAINT \"code_key\" UNIQUE USING INDEX \"by_code\" "
                            u"DEFERRABLE INITIALLY IMMEDIATE"_s))
        << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP INDEX \"by_code\""_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"DROP INDEX \"by_tag\""_s)) << up.toStdString();
    // Their indexes are the ones that were there (renamed after the constraints).
    EXPECT_EQ(db.rows(u"SELECT string_agg(conindid::text, ',' ORDER BY conname DESC) FROM "
                      u"pg_constraint WHERE conname IN ('t_pkey', 'code_key')"_s),
              before);
    runDown(migration);
    EXPECT_EQ(db.rows(u"SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = "
                      u"'t'::regclass ORDER BY 1"_s),
              (QStringList{u"by_code"_s, u"by_tag"_s, u"t_id_idx"_s}));
}

TEST_F(PostgresConstraints, a_foreign_keys_deferral_changes_in_place)
{
    db.execEach({u"CREATE TABLE p (id int PRIMARY KEY)"_s,
                 u"CREATE TABLE t (p_id int CONSTRAINT to_p REFERENCES p ON DELETE CASCADE)"_s,
                 u"COMMENT ON CONSTRAINT to_p ON t IS 'owner'"_s});
    const QString path = model("CREATE TABLE p (id int PRIMARY KEY);\n"
                               "CREATE TABLE t (p_id int CONSTRAINT to_p REFERENCES p\n"
                               "  ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);\n"
                               "COMMENT ON CONSTRAINT to_p ON t IS 'owner';\n");
    EXPECT_EQ(differences(path), QStringList{u"foreign_key_changed to_p [deferrable]"_s});
    const QString migration = migrate(path);
    const QString up = migration.section(u"-- migrate:down"_s, 0, 0);
    EXPECT_TRUE(up.contains(u"ALTER CONSTRAINT \"to_p\" DEFERRABLE INITIALLY DEFERRED"_s))
        << migration.toStdString();
    EXPECT_FALSE(up.contains(u"DROP CONSTRAINT"_s)) << migration.toStdString();
    EXPECT_EQ(constraints(), QStringList{u"to_p: FOREIGN KEY (p_id) REFERENCES p(id) ON DELETE "
                                         u"CASCADE DEFERRABLE INITIALLY DEFERRED"_s});
    runDown(migration);
    EXPECT_EQ(constraints(),
              QStringList{u"to_p: FOREIGN KEY (p_id) REFERENCES p(id) ON DELETE CASCADE"_s});
    EXPECT_EQ(db.rows(u"SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint "
                      u"WHERE conname = 'to_p'"_s),
              QStringList{u"owner"_s});
}

// Django names its keys its own way and makes them deferrable: renamed and altered, the key is
// not dropped and added again (which would check every row under a lock).
TEST_F(PostgresConstraints, a_foreign_key_renamed_and_made_deferrable_changes_in_place)
{
    db.execEach({u"CREATE TABLE p (id int PRIMARY KEY)"_s,
                 u"CREATE TABLE t (p_id int REFERENCES p)"_s, u"INSERT INTO p VALUES (1)"_s,
                 u"INSERT INTO t VALUES (1)"_s});
    const QString path = model("CREATE TABLE p (id int PRIMARY KEY);\n"
                               "CREATE TABLE t (p_id int CONSTRAINT t_p_id_fk_p_id REFERENCES p\n"
                               "  DEFERRABLE INITIALLY DEFERRED);\n");
    const QString migration = migrate(path);
    const QString up = migration.section(u"-- migrate:down"_s, 0, 0);
    EXPECT_TRUE(up.contains(u"RENAME CONSTRAINT \"t_p_id_fkey\" TO \"t_p_id_fk_p_id\""_s))
        << migration.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER CONSTRAINT \"t_p_id_fk_p_id\" DEFERRABLE INITIALLY DEFERRED"_s))
        << migration.toStdString();
    EXPECT_FALSE(up.contains(u"DROP CONSTRAINT"_s)) << migration.toStdString();
    EXPECT_FALSE(up.contains(u"ADD CONSTRAINT"_s)) << migration.toStdString();
    EXPECT_EQ(constraints(), QStringList{u"t_p_id_fk_p_id: FOREIGN KEY (p_id) REFERENCES p(id) "
                                         u"DEFERRABLE INITIALLY DEFERRED"_s});
    runDown(migration);
    EXPECT_EQ(constraints(), QStringList{u"t_p_id_fkey: FOREIGN KEY (p_id) REFERENCES p(id)"_s});
}

TEST_F(PostgresConstraints, a_primary_key_that_other_tables_reference_changes_with_their_keys)
{
    db.execEach({u"CREATE TABLE items (item_id int PRIMARY KEY, supplier_id int)"_s,
                 u"CREATE TABLE t (item_id int, supplier_id int,"
                 u" CONSTRAINT to_item FOREIGN KEY (item_id) REFERENCES items (item_id))"_s});
    // PostgreSQL refuses to drop items_pkey while to_item depends on it: the key goes first.
    const QString path =
        model("CREATE TABLE items (item_id int, supplier_id int,\n"
              "  PRIMARY KEY (supplier_id, item_id));\n"
              "CREATE TABLE t (item_id int, supplier_id int, CONSTRAINT to_item\n"
              "  FOREIGN KEY (supplier_id, item_id) REFERENCES items (supplier_id, item_id));\n");
    const QString migration = migrate(path);
    EXPECT_EQ(constraints(), QStringList{u"to_item: FOREIGN KEY (supplier_id, item_id) "
                                         u"REFERENCES items(supplier_id, item_id)"_s});
    runDown(migration);
    EXPECT_EQ(constraints(),
              QStringList{u"to_item: FOREIGN KEY (item_id) REFERENCES items(item_id)"_s});
}

TEST_F(PostgresConstraints, a_unique_index_that_treats_nulls_as_equal_is_told_apart)
{
    db.execEach({u"CREATE TABLE t (code int)"_s, u"CREATE UNIQUE INDEX by_code ON t (code)"_s});
    EXPECT_FALSE(introspect(db).tables.value(0).indexes.value(0).nullsNotDistinct);
    const QString path = model("CREATE TABLE t (code int);\n"
                               "CREATE UNIQUE INDEX by_code ON t (code) NULLS NOT DISTINCT;\n");
    EXPECT_EQ(differences(path), QStringList{u"index_changed by_code [nulls not distinct]"_s});
    migrate(path);
    EXPECT_EQ(db.rows(u"SELECT pg_get_indexdef('by_code'::regclass)"_s),
              QStringList{u"CREATE UNIQUE INDEX by_code ON public.t USING btree (code) NULLS NOT "
                          u"DISTINCT"_s});
    EXPECT_TRUE(introspect(db).tables.value(0).indexes.value(0).nullsNotDistinct);
}
