// A PostgreSQL function dropped and created again (its result type changes, or a function it
// calls is recreated) gets its privileges back: created anew it would have the defaults, and a
// SECURITY DEFINER function revoked from PUBLIC would become callable by anyone.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresFunctionPrivileges : public PostgresCliFixture {
protected:
    void SetUp() override
    {
        PostgresCliFixture::SetUp();
        if (IsSkipped())
            return;
        // Roles are the server's, shared by the tests: created once (refused after), never
        // dropped.
        db.tryExec(u"CREATE ROLE burrow_caller"_s);
    }
    /// Who may call `signature`: PUBLIC (the default) and burrow_caller, as "public|caller".
    QStringList callers(const QString &signature)
    {
        return db.rows(u"SELECT has_function_privilege('public', '"_s + signature +
                       u"', 'EXECUTE') || '|' || has_function_privilege('burrow_caller', '"_s +
                       signature + u"', 'EXECUTE')"_s);
    }
};

constexpr char kTable[] = "CREATE TABLE keep (x int);\n";

} // namespace

TEST_F(PostgresFunctionPrivileges, a_function_whose_result_changes_keeps_its_grants_and_revokes)
{
    db.exec(QString::fromUtf8(kTable) +
            u"CREATE FUNCTION secret() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 42';"
            u"REVOKE ALL ON FUNCTION secret() FROM PUBLIC;"
            u"GRANT EXECUTE ON FUNCTION secret() TO burrow_caller;"_s);
    ASSERT_EQ(callers(u"secret()"_s), QStringList{u"false|true"_s});
    const QString up = upSection(
        migrate(model(QByteArray(kTable) + "CREATE FUNCTION secret() RETURNS bigint "
                                           "LANGUAGE sql SECURITY DEFINER AS 'SELECT 42';\n")));
    EXPECT_TRUE(up.contains(u"DROP FUNCTION \"secret\"()"_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"REVOKE ALL ON FUNCTION \"secret\"() FROM PUBLIC"_s))
        << up.toStdString();
    EXPECT_EQ(callers(u"secret()"_s), QStringList{u"false|true"_s});
}

TEST_F(PostgresFunctionPrivileges, the_way_back_keeps_the_grants_and_revokes_too)
{
    db.exec(QString::fromUtf8(kTable) +
            u"CREATE FUNCTION secret() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 42';"
            u"REVOKE ALL ON FUNCTION secret() FROM PUBLIC;"
            u"GRANT EXECUTE ON FUNCTION secret() TO burrow_caller;"_s);
    const QString migration =
        migrate(model(QByteArray(kTable) + "CREATE FUNCTION secret() RETURNS bigint "
                                           "LANGUAGE sql SECURITY DEFINER AS 'SELECT 42';\n"));
    for (const QString &statement : downStatements(migration))
        db.exec(statement);
    EXPECT_EQ(db.rows(u"SELECT pg_get_function_result('secret'::regproc)"_s),
              QStringList{u"integer"_s});
    EXPECT_EQ(callers(u"secret()"_s), QStringList{u"false|true"_s}) << migration.toStdString();
}

TEST_F(PostgresFunctionPrivileges, a_function_recreated_around_the_one_it_calls_keeps_its_grants)
{
    const QByteArray caller =
        "CREATE FUNCTION caller() RETURNS int LANGUAGE sql RETURN base()::int;\n";
    db.exec(QString::fromUtf8(QByteArray(kTable) +
                              "CREATE FUNCTION base() RETURNS int LANGUAGE sql AS 'SELECT 1';\n" +
                              caller) +
            u"REVOKE ALL ON FUNCTION caller() FROM PUBLIC;"
            u"GRANT EXECUTE ON FUNCTION caller() TO burrow_caller WITH GRANT OPTION;"_s);
    const QString up = upSection(migrate(
        model(QByteArray(kTable) +
              "CREATE FUNCTION base() RETURNS bigint LANGUAGE sql AS 'SELECT 1';\n" + caller)));
    EXPECT_TRUE(up.contains(u"-- create function caller() again"_s)) << up.toStdString();
    EXPECT_TRUE(
        up.contains(u"GRANT EXECUTE ON FUNCTION \"caller\"() TO burrow_caller WITH GRANT OPTION"_s))
        << up.toStdString();
    EXPECT_EQ(callers(u"caller()"_s), QStringList{u"false|true"_s});
}

TEST_F(PostgresFunctionPrivileges, a_function_with_the_default_privileges_gets_no_grant_statements)
{
    db.exec(QString::fromUtf8(kTable) +
            u"CREATE FUNCTION open() RETURNS int LANGUAGE sql AS 'SELECT 1'"_s);
    const QString up = upSection(
        migrate(model(QByteArray(kTable) +
                      "CREATE FUNCTION open() RETURNS bigint LANGUAGE sql AS 'SELECT 1';\n")));
    EXPECT_FALSE(up.contains(u"REVOKE"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"GRANT"_s)) << up.toStdString();
    EXPECT_EQ(callers(u"open()"_s), QStringList{u"true|true"_s});
}
