// A PostgreSQL view or function that the migration drops and creates again would belong to the
// role the migration runs as: the application's role, which owned it, would lose its access
// (an owner's privileges are not grants), and a view owned by a superuser skips the row-level
// security of the tables it reads. Such objects get their owner back, up and down; those the
// migration's own role owns get no statement. A type created again (an enum reordered, a
// composite reshaped) takes over the owner and privileges of the one it replaces. Owners are not
// compared.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class PostgresOwners : public PostgresCliFixture {
protected:
    void SetUp() override
    {
        PostgresCliFixture::SetUp();
        if (IsSkipped())
            return;
        // Roles are the server's, shared by the tests: created once (refused after).
        db.tryExec(u"CREATE ROLE burrow_app"_s);
    }
    /// "name|owner" of each view, materialized view and routine, sorted.
    QStringList owners()
    {
        return db.rows(u"SELECT relname || '|' || pg_get_userbyid(relowner) FROM pg_class "
                       u"WHERE relkind IN ('v', 'm') AND relnamespace = 'public'::regnamespace "
                       u"UNION ALL SELECT proname || '|' || pg_get_userbyid(proowner) FROM pg_proc "
                       u"WHERE pronamespace = 'public'::regnamespace ORDER BY 1"_s);
    }
};

constexpr char kBefore[] =
    "CREATE TABLE book (id int PRIMARY KEY, title varchar(50), pages int);\n"
    "CREATE VIEW titles AS SELECT id, title FROM book;\n"
    "CREATE MATERIALIZED VIEW thick AS SELECT id, pages FROM book WHERE pages > 500;\n"
    "CREATE VIEW mine AS SELECT id FROM book;\n"
    "CREATE FUNCTION longest() RETURNS int LANGUAGE sql STABLE\n"
    "  BEGIN ATOMIC SELECT max(pages) FROM book; END;\n";

} // namespace

TEST_F(PostgresOwners, views_and_functions_created_again_get_their_owner_back)
{
    load(kBefore);
    db.exec(u"ALTER VIEW titles OWNER TO burrow_app;"
            u"ALTER MATERIALIZED VIEW thick OWNER TO burrow_app;"
            u"ALTER FUNCTION longest() OWNER TO burrow_app"_s);
    const QStringList before = owners();
    ASSERT_EQ(before, (QStringList{u"longest|burrow_app"_s, u"mine|postgres"_s,
                                   u"thick|burrow_app"_s, u"titles|burrow_app"_s}));
    // Both columns change type: every view and the function are created again.
    const QByteArray after =
        QByteArray(kBefore).replace("title varchar(50), pages int", "title text, pages bigint");

    const QString migration = migrate(model(after));
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"DROP FUNCTION \"longest\"()"_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER VIEW \"titles\" OWNER TO burrow_app"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"ALTER VIEW \"mine\" OWNER"_s)) << up.toStdString();
    EXPECT_EQ(owners(), before) << migration.toStdString();

    db.execEach(downStatements(migration));
    EXPECT_EQ(owners(), before) << migration.toStdString();
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0);
}

TEST_F(PostgresOwners, types_created_again_keep_their_owner_and_privileges)
{
    constexpr char kTypes[] =
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
        "CREATE DOMAIN gentle AS mood;\n"
        "CREATE TYPE pair AS (a int, b text);\n"
        "CREATE TABLE person (id int PRIMARY KEY, m mood, g gentle, p pair);\n";
    load(kTypes);
    db.tryExec(u"CREATE ROLE burrow_reader"_s);
    db.exec(u"ALTER TYPE mood OWNER TO burrow_app; ALTER DOMAIN gentle OWNER TO burrow_app;"
            u"ALTER TYPE pair OWNER TO burrow_app; REVOKE USAGE ON TYPE mood FROM PUBLIC;"
            u"GRANT USAGE ON TYPE mood TO burrow_reader WITH GRANT OPTION;"
            u"INSERT INTO person VALUES (1, 'happy', 'ok', (1, 'x'))"_s);
    const QString types = u"SELECT typname || '|' || pg_get_userbyid(typowner) || '|' || "
                          u"COALESCE(typacl::text, 'default') FROM pg_type WHERE typname IN "
                          u"('mood', 'gentle', 'pair') ORDER BY 1"_s;
    const QStringList before = db.rows(types);
    ASSERT_EQ(before, (QStringList{u"gentle|burrow_app|default"_s,
                                   u"mood|burrow_app|{burrow_app=U/burrow_app,"
                                   u"burrow_reader=U*/burrow_app}"_s,
                                   u"pair|burrow_app|default"_s}));
    // Labels reordered and attributes swapped: each type is created again.
    const QByteArray after = QByteArray(kTypes)
                                 .replace("('sad', 'ok', 'happy')", "('happy', 'ok', 'sad')")
                                 .replace("(a int, b text)", "(b text, a int)");

    const QString migration = migrate(model(after), true);
    EXPECT_TRUE(upSection(migration).contains(u"RENAME TO \"mood__burrow_old\""_s))
        << migration.toStdString();
    EXPECT_EQ(db.rows(types), before) << migration.toStdString();
    EXPECT_EQ(db.rows(u"SELECT m || '|' || g || '|' || (p).a FROM person"_s),
              QStringList{u"happy|ok|1"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(db.rows(types), before) << migration.toStdString();
}
