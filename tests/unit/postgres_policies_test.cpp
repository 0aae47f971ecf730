// PostgreSQL row-level security end to end through burrow-cli: policies and ENABLE/FORCE ROW
// LEVEL SECURITY read from pg_catalog, compared with a model loaded in a scratch schema,
// created, altered in place or dropped and created, gated as destructive where they widen
// access, and undone by the down section.
#include "dialect/postgres/postgres_names.h"
#include "postgres_cli_fixture.h"
#include "sql/splitter.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresPolicies = PostgresCliFixture;

constexpr char kAccount[] = "CREATE TABLE account (id bigint PRIMARY KEY, owner text, n int);\n";

const schema::Policy *findPolicy(const schema::Schema &s, const QString &table, const QString &name)
{
    const schema::Table *t = schema::findTable(s, table, Qt::CaseSensitive);
    if (!t)
        return nullptr;
    for (const schema::Policy &p : t->policies) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

} // namespace

TEST_F(PostgresPolicies, policies_and_row_security_are_read_from_the_catalog)
{
    db.execEach({QString::fromUtf8(kAccount), u"ALTER TABLE account ENABLE ROW LEVEL SECURITY"_s,
                 u"ALTER TABLE account FORCE ROW LEVEL SECURITY"_s,
                 u"CREATE POLICY everyone ON account USING (owner = current_user) "
                 u"WITH CHECK (n > 0)"_s,
                 u"CREATE POLICY monitors ON account AS RESTRICTIVE FOR SELECT "
                 u"TO pg_read_all_data, pg_monitor USING (true)"_s,
                 u"CREATE POLICY adders ON account FOR INSERT WITH CHECK (n < 10)"_s,
                 u"COMMENT ON POLICY adders ON account IS 'small ones'"_s,
                 u"CREATE TABLE open (x int)"_s});
    const schema::Schema live = introspect(db);
    const schema::Table *account = schema::findTable(live, u"account"_s, Qt::CaseSensitive);
    const schema::Table *open = schema::findTable(live, u"open"_s, Qt::CaseSensitive);
    ASSERT_TRUE(account && open);
    EXPECT_TRUE(account->rowSecurity);
    EXPECT_TRUE(account->forceRowSecurity);
    EXPECT_FALSE(open->rowSecurity);
    EXPECT_FALSE(open->forceRowSecurity);
    ASSERT_EQ(account->policies.size(), 3);
    const schema::Policy *everyone = findPolicy(live, u"account"_s, u"everyone"_s);
    const schema::Policy *monitors = findPolicy(live, u"account"_s, u"monitors"_s);
    const schema::Policy *adders = findPolicy(live, u"account"_s, u"adders"_s);
    ASSERT_TRUE(everyone && monitors && adders);
    EXPECT_TRUE(everyone->permissive);
    EXPECT_EQ(everyone->command, u"ALL"_s);
    EXPECT_EQ(everyone->roles, QStringList{u"public"_s});
    EXPECT_EQ(everyone->usingExpression.text, u"(owner = CURRENT_USER)"_s);
    EXPECT_EQ(everyone->withCheck.text, u"(n > 0)"_s);
    EXPECT_FALSE(monitors->permissive);
    EXPECT_EQ(monitors->command, u"SELECT"_s);
    EXPECT_EQ(monitors->roles, (QStringList{u"pg_monitor"_s, u"pg_read_all_data"_s}));
    EXPECT_TRUE(monitors->withCheck.isEmpty());
    EXPECT_EQ(adders->command, u"INSERT"_s);
    EXPECT_TRUE(adders->usingExpression.isEmpty());
    EXPECT_EQ(adders->comment, u"small ones"_s);
}

TEST_F(PostgresPolicies, the_same_policies_in_the_model_are_no_difference)
{
    db.execEach({QString::fromUtf8(kAccount), u"ALTER TABLE account ENABLE ROW LEVEL SECURITY"_s,
                 u"CREATE FUNCTION is_mine(o text) RETURNS boolean LANGUAGE sql STABLE "
                 u"AS $$ SELECT o = current_user $$"_s,
                 u"CREATE POLICY mine ON account AS RESTRICTIVE TO pg_monitor, public "
                 u"USING (is_mine(owner) AND EXISTS (SELECT 1 FROM account a WHERE a.n = n))"_s});
    // Written otherwise, with the schema named: the scratch schema's name must not show.
    const QString path = model(
        "CREATE TABLE public.account (id bigint PRIMARY KEY, owner text, n int);\n"
        "alter table public.account enable row level security;\n"
        "CREATE FUNCTION is_mine(o text) RETURNS boolean LANGUAGE sql STABLE\n"
        "  AS $$ SELECT o = current_user $$;\n"
        "create policy mine on public.account as restrictive for all to public, pg_monitor\n"
        "  using (is_mine(owner) and exists (select 1 from public.account a where a.n = n));\n");
    const CliRun same = diff(path);
    EXPECT_EQ(same.exitCode, 0) << same.out.toStdString() << same.err.toStdString();
}

TEST_F(PostgresPolicies, added_removed_changed_policies_and_row_security_are_reported)
{
    db.execEach({QString::fromUtf8(kAccount), u"CREATE POLICY gone ON account USING (true)"_s,
                 u"CREATE POLICY edited ON account USING (n > 0)"_s});
    const QString path = model(QByteArray(kAccount) +
                               "ALTER TABLE account ENABLE ROW LEVEL SECURITY;\n"
                               "ALTER TABLE account FORCE ROW LEVEL SECURITY;\n"
                               "CREATE POLICY edited ON account AS RESTRICTIVE USING (n > 1);\n"
                               "CREATE POLICY fresh ON account FOR UPDATE TO pg_monitor "
                               "USING (true) WITH CHECK (n < 5);\n");
    const CliRun text = diff(path);
    EXPECT_EQ(text.exitCode, 1);
    for (const QString &expected :
         {u"~ row level security  ROW LEVEL SECURITY enabled; FORCE ROW LEVEL SECURITY added"_s,
          u"+ policy fresh"_s,
          u"AS PERMISSIVE FOR UPDATE TO pg_monitor USING (true) WITH "
          u"CHECK ((n < 5))"_s,
          u"- policy gone"_s, u"~ policy edited"_s,
          u"kind PERMISSIVE → RESTRICTIVE; using (n > 0) → (n > 1)"_s})
        EXPECT_TRUE(text.out.contains(expected)) << expected.toStdString() << " in\n"
                                                 << text.out.toStdString();
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    for (const QString &kind : {u"\"policy_added\""_s, u"\"policy_removed\""_s,
                                u"\"policy_changed\""_s, u"\"row_level_security_changed\""_s})
        EXPECT_TRUE(json.out.contains(kind)) << json.out.toStdString();
}

TEST_F(PostgresPolicies, plan_creates_row_security_and_policies_and_the_down_section_undoes_it)
{
    db.exec(QString::fromUtf8(kAccount));
    const QString path =
        model(QByteArray(kAccount) + "ALTER TABLE account ENABLE ROW LEVEL SECURITY;\n"
                                     "ALTER TABLE account FORCE ROW LEVEL SECURITY;\n"
                                     "CREATE POLICY own ON account USING (owner = current_user)\n"
                                     "  WITH CHECK (n > 0);\n"
                                     "COMMENT ON POLICY own ON account IS 'owners only';\n"
                                     "CREATE TABLE ledger (id int, amount int);\n"
                                     "ALTER TABLE ledger ENABLE ROW LEVEL SECURITY;\n"
                                     "CREATE POLICY positive ON ledger AS RESTRICTIVE FOR SELECT\n"
                                     "  TO pg_monitor USING (amount > 0);\n");
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    EXPECT_LT(up.indexOf(u"CREATE TABLE \"ledger\""_s),
              up.indexOf(u"ALTER TABLE \"ledger\" ENABLE ROW LEVEL SECURITY"_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER TABLE \"account\" FORCE ROW LEVEL SECURITY"_s))
        << up.toStdString();
    EXPECT_EQ(
        db.rows(u"SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, p.polname, "
                u"p.polpermissive FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
                u"ORDER BY 1"_s),
        (QStringList{u"account|true|true|own|true"_s, u"ledger|true|false|positive|false"_s}));
    EXPECT_EQ(db.rows(u"SELECT obj_description(oid, 'pg_policy') FROM pg_policy "
                      u"WHERE polname = 'own'"_s),
              QStringList{u"owners only"_s});
    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_policy"_s), QStringList{u"0"_s});
    EXPECT_EQ(db.rows(u"SELECT relrowsecurity, relforcerowsecurity FROM pg_class "
                      u"WHERE relname = 'account'"_s),
              QStringList{u"false|false"_s});
}

TEST_F(PostgresPolicies, roles_and_expressions_change_in_place_kind_and_command_by_drop_and_create)
{
    db.execEach({QString::fromUtf8(kAccount), u"CREATE POLICY tweak ON account USING (n > 0)"_s,
                 u"CREATE POLICY flip ON account USING (n > 0)"_s});
    const QString path =
        model(QByteArray(kAccount) + "CREATE POLICY tweak ON account TO pg_monitor USING (n > 1)\n"
                                     "  WITH CHECK (n < 9);\n"
                                     "CREATE POLICY flip ON account AS RESTRICTIVE FOR DELETE "
                                     "USING (n > 0);\n");
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"ALTER POLICY \"tweak\" ON \"account\" TO \"pg_monitor\" USING "
                            u"((n > 1)) WITH CHECK ((n < 9))"_s))
        << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP POLICY \"tweak\""_s)) << up.toStdString();
    const qsizetype drop = up.indexOf(u"DROP POLICY \"flip\" ON \"account\""_s);
    EXPECT_GE(drop, 0) << up.toStdString();
    EXPECT_LT(drop,
              up.indexOf(u"CREATE POLICY \"flip\" ON \"account\" AS RESTRICTIVE FOR DELETE"_s))
        << up.toStdString();
    // Back: the WITH CHECK the way up added cannot be taken away by ALTER POLICY.
    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(u"SELECT polname, polcmd, polpermissive, polwithcheck IS NULL, "
                      u"polroles = '{0}' FROM pg_policy ORDER BY 1"_s),
              (QStringList{u"flip|*|true|true|true"_s, u"tweak|*|true|true|true"_s}));
}

TEST_F(PostgresPolicies, dropping_a_policy_or_disabling_row_security_needs_allow_destructive)
{
    db.execEach({QString::fromUtf8(kAccount), u"ALTER TABLE account ENABLE ROW LEVEL SECURITY"_s,
                 u"ALTER TABLE account FORCE ROW LEVEL SECURITY"_s,
                 u"CREATE POLICY own ON account USING (owner = current_user)"_s});
    const QString path = model(kAccount);
    const CliRun refused = plan(path);
    EXPECT_TRUE(refused.err.contains(u"left out (destructive)"_s)) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"policy own"_s)) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(u"row level security"_s)) << refused.err.toStdString();
    QDir(migrations()).removeRecursively();

    const QString migration = migrate(path, true);
    EXPECT_EQ(
        db.rows(u"SELECT relrowsecurity, relforcerowsecurity, "
                u"(SELECT count(*) FROM pg_policy) FROM pg_class WHERE relname = 'account'"_s),
        QStringList{u"false|false|0"_s});
    db.execEach(downStatements(migration));
    EXPECT_EQ(
        db.rows(u"SELECT relrowsecurity, relforcerowsecurity, "
                u"(SELECT count(*) FROM pg_policy) FROM pg_class WHERE relname = 'account'"_s),
        QStringList{u"true|true|1"_s});
}

TEST_F(PostgresPolicies, a_policy_reading_a_column_whose_type_changes_is_dropped_and_created)
{
    db.execEach({QString::fromUtf8(kAccount), u"CREATE POLICY small ON account USING (n < 10)"_s});
    const QString path =
        model("CREATE TABLE account (id bigint PRIMARY KEY, owner text, n bigint);\n"
              "CREATE POLICY small ON account USING (n < 10);\n");
    const QString up = upSection(migrate(path));
    const qsizetype drop = up.indexOf(u"DROP POLICY \"small\""_s);
    EXPECT_GE(drop, 0) << up.toStdString();
    EXPECT_LT(drop, up.indexOf(u"TYPE bigint"_s)) << up.toStdString();
    EXPECT_LT(up.indexOf(u"TYPE bigint"_s), up.indexOf(u"CREATE POLICY \"small\""_s))
        << up.toStdString();
}
