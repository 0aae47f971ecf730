// PostgreSQL rules (CREATE RULE) end to end through burrow-cli: read from the catalog (a
// view's own _RETURN rule is its definition, not a rule), compared, created after the tables
// and views they act on, dropped before what they read changes and created again after, the
// way triggers are.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresRules = PostgresCliFixture;

// A soft delete, an updatable view, and an audit rule that is disabled and has a comment.
constexpr char kItems[] =
    "CREATE TABLE audit (id serial PRIMARY KEY, what text);\n"
    "CREATE TABLE items (id int PRIMARY KEY, name varchar(200),\n"
    "  deleted boolean NOT NULL DEFAULT false);\n"
    "CREATE RULE soft_delete AS ON DELETE TO items DO INSTEAD\n"
    "  UPDATE items SET deleted = true WHERE id = old.id;\n"
    "CREATE VIEW live_items AS SELECT id, name FROM items WHERE NOT deleted;\n"
    "CREATE RULE add_item AS ON INSERT TO live_items DO INSTEAD\n"
    "  INSERT INTO items (id, name) VALUES (new.id, new.name);\n"
    "CREATE RULE log_name AS ON UPDATE TO items WHERE new.name IS DISTINCT FROM old.name\n"
    "  DO ALSO INSERT INTO audit (what) VALUES (old.name || ' -> ' || new.name);\n"
    "COMMENT ON RULE log_name ON items IS 'audit renames';\n"
    "ALTER TABLE items DISABLE RULE log_name;\n";

const schema::Trigger *findRule(const schema::Schema &s, const QString &owner, const QString &name)
{
    for (const schema::Table &t : s.tables) {
        for (const schema::Trigger &r : t.triggers)
            if (t.name == owner && r.name == name && r.kind == schema::TriggerKind::Rule)
                return &r;
    }
    for (const schema::View &v : s.views) {
        for (const schema::Trigger &r : v.triggers)
            if (v.name == owner && r.name == name && r.kind == schema::TriggerKind::Rule)
                return &r;
    }
    return nullptr;
}

} // namespace

TEST_F(PostgresRules, rules_are_read_with_their_firing_and_comment_and_views_have_none_of_their_own)
{
    db.exec(QString::fromUtf8(kItems));
    const schema::Schema live = introspect(db);
    const schema::Trigger *log = findRule(live, u"items"_s, u"log_name"_s);
    ASSERT_NE(log, nullptr);
    EXPECT_TRUE(log->definition.text.startsWith(u"CREATE RULE log_name AS"_s))
        << log->definition.text.toStdString();
    EXPECT_FALSE(log->definition.text.endsWith(u';')) << log->definition.text.toStdString();
    EXPECT_EQ(log->firing, u"DISABLE"_s);
    EXPECT_EQ(log->comment, u"audit renames"_s);
    EXPECT_NE(findRule(live, u"live_items"_s, u"add_item"_s), nullptr);
    ASSERT_EQ(live.views.size(), 1);
    EXPECT_EQ(live.views[0].triggers.size(), 1) << "the view's _RETURN rule is not one";
}

TEST_F(PostgresRules, new_rules_come_after_their_tables_and_views_and_act_as_the_model_says)
{
    db.exec(u"CREATE TABLE placeholder (id int)"_s);
    const QString path = model(QByteArray("CREATE TABLE placeholder (id int);\n") + kItems);
    const QString up = upSection(migrate(path));
    const qsizetype view = up.indexOf(u"-- create view live_items"_s);
    EXPECT_GE(view, 0) << up.toStdString();
    EXPECT_LT(view, up.indexOf(u"CREATE RULE add_item AS"_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER TABLE \"items\" DISABLE RULE \"log_name\""_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"COMMENT ON RULE \"log_name\" ON \"items\" IS E'audit renames'"_s))
        << up.toStdString();

    db.exec(u"INSERT INTO live_items VALUES (1, 'pen'), (2, 'ink');"
            u"DELETE FROM items WHERE id = 1;"
            u"UPDATE items SET name = 'quill' WHERE id = 2"_s);
    EXPECT_EQ(db.rows(u"SELECT name FROM live_items"_s), QStringList{u"quill"_s});
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM items"_s), QStringList{u"2"_s}) << "soft deleted";
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM audit"_s), QStringList{u"0"_s}) << "disabled";
}

TEST_F(PostgresRules, a_rule_reading_a_retyped_column_is_dropped_first_and_created_again)
{
    db.exec(QString::fromUtf8(kItems));
    QByteArray wanted(kItems);
    wanted.replace("name varchar(200)", "name text");
    wanted.replace("SET deleted = true", "SET deleted = true, name = old.name");
    const QString migration = migrate(model(wanted));
    const QString up = upSection(migration);
    const qsizetype dropped = up.indexOf(u"DROP RULE \"log_name\" ON \"items\""_s);
    const qsizetype retyped = up.indexOf(u"ALTER COLUMN \"name\" TYPE text"_s);
    EXPECT_GE(dropped, 0) << up.toStdString();
    EXPECT_LT(dropped, retyped) << up.toStdString();
    EXPECT_LT(retyped, up.indexOf(u"CREATE RULE log_name AS"_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"DROP RULE \"soft_delete\" ON \"items\""_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"name = old.name"_s)) << up.toStdString();

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kItems)).exitCode, 0);
}

TEST_F(PostgresRules, a_rule_the_model_no_longer_has_is_dropped)
{
    db.exec(QString::fromUtf8(kItems));
    QByteArray wanted(kItems);
    wanted.replace("CREATE RULE soft_delete AS ON DELETE TO items DO INSTEAD\n"
                   "  UPDATE items SET deleted = true WHERE id = old.id;\n",
                   "");
    const QString path = model(wanted);
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    EXPECT_TRUE(json.out.contains(u"\"rule_removed\""_s)) << json.out.toStdString();
    const QString up = upSection(migrate(path));
    EXPECT_TRUE(up.contains(u"DROP RULE \"soft_delete\" ON \"items\""_s)) << up.toStdString();
    db.exec(u"INSERT INTO items VALUES (1, 'pen');"
            u"DELETE FROM items"_s);
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM items"_s), QStringList{u"0"_s});
}
