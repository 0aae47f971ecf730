// What Burrow neither compares nor migrates on PostgreSQL (publications, foreign servers and
// tables, casts, event triggers, operators …): a model's such objects are named in warnings,
// never silently lost, and loading the model leaves none of them in the live database.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresUncompared = PostgresCliFixture;

// Both sides: a table, an operator over a composite type (which the database has already, so
// not warned about), an event trigger's function.
constexpr char kShared[] =
    "CREATE EXTENSION IF NOT EXISTS postgres_fdw;\n"
    "CREATE TABLE t (id int PRIMARY KEY);\n"
    "CREATE TYPE pt AS (x int, y int);\n"
    "CREATE FUNCTION pt_eq(pt, pt) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1.x = "
    "$2.x';\n"
    "CREATE OPERATOR === (leftarg = pt, rightarg = pt, function = pt_eq);\n"
    "CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';\n";

// The model only: objects of kinds Burrow does not compare.
constexpr char kUncompared[] =
    "CREATE PUBLICATION pub FOR TABLE t;\n"
    "CREATE SERVER remote FOREIGN DATA WRAPPER postgres_fdw;\n"
    "CREATE FOREIGN TABLE ft (id int) SERVER remote;\n"
    "CREATE CAST (pt AS text) WITH INOUT;\n"
    "CREATE EVENT TRIGGER ev ON ddl_command_end EXECUTE FUNCTION on_ddl();\n";

const QStringList kWarned{u"cast (pt AS pg_catalog.text)"_s, u"event trigger ev"_s,
                          u"foreign table ft"_s, u"publication pub"_s, u"server remote"_s};

QStringList warnedObjects(const QString &err)
{
    QStringList objects;
    for (const QString &line : err.split(u'\n')) {
        const qsizetype from = line.indexOf(u"the model creates "_s);
        const qsizetype to = line.indexOf(u", which Burrow neither compares nor migrates"_s);
        if (from >= 0 && to > from)
            objects.append(line.mid(from + 18, to - from - 18));
    }
    return objects;
}

QStringList sharedObjects(TestDatabase &db)
{
    return db.rows(u"SELECT 'publication ' || pubname FROM pg_publication UNION ALL "
                   u"SELECT 'server ' || srvname FROM pg_foreign_server UNION ALL "
                   u"SELECT 'event trigger ' || evtname FROM pg_event_trigger UNION ALL "
                   u"SELECT 'cast ' || castsource::regtype FROM pg_cast WHERE oid >= 16384 "
                   u"UNION ALL SELECT 'foreign table ' || relname FROM pg_class "
                   u"WHERE relkind = 'f' ORDER BY 1"_s);
}

} // namespace

TEST_F(PostgresUncompared, a_models_uncompared_objects_are_named_not_created_nor_left_behind)
{
    db.exec(QString::fromUtf8(kShared));
    const QString path =
        model(QByteArray(kShared) + "ALTER TABLE t ADD COLUMN note text;\n" + kUncompared);
    const CliRun diffed = diff(path);
    EXPECT_EQ(diffed.exitCode, 1) << diffed.out.toStdString() << diffed.err.toStdString();
    EXPECT_EQ(warnedObjects(diffed.err), kWarned) << diffed.err.toStdString();
    EXPECT_EQ(sharedObjects(db), QStringList()); // the model's load left nothing behind

    const CliRun planned = plan(path);
    ASSERT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    EXPECT_EQ(warnedObjects(planned.err), kWarned);
    const QString migration = QString::fromUtf8(readBytes(planned.out.trimmed()));
    EXPECT_EQ(warnedObjects(migration), kWarned) << migration.toStdString();
    EXPECT_TRUE(migration.contains(u"-- Warnings:\n--   the model creates cast"_s))
        << migration.toStdString();
}

// The model loads in the live database: a cast it has already is an error that says why and
// what to do, at the statement's line.
TEST_F(PostgresUncompared, a_cast_the_database_has_already_is_an_error_saying_to_leave_it_out)
{
    db.exec(u"CREATE TABLE t (id int PRIMARY KEY);CREATE CAST (text AS int4range) WITH INOUT"_s);
    const CliRun diffed = diff(model("CREATE TABLE t (id int PRIMARY KEY);\n"
                                     "CREATE CAST (text AS int4range) WITH INOUT;\n"));
    EXPECT_EQ(diffed.exitCode, 2);
    EXPECT_TRUE(
        diffed.err.contains(u"model.sql:2: cast from type text to type int4range already exists"_s))
        << diffed.err.toStdString();
    EXPECT_TRUE(diffed.err.contains(u"Burrow neither compares nor migrates it: remove the "
                                    u"statement from the model"_s))
        << diffed.err.toStdString();
}

// Publications and event triggers are not even run (pg_dump writes CREATE PUBLICATION, then
// ALTER PUBLICATION … ADD TABLE, which the database has already): only named when it lacks them.
TEST_F(PostgresUncompared, publications_and_event_triggers_are_named_not_run)
{
    constexpr char kModel[] =
        "CREATE TABLE t (id int PRIMARY KEY);\n"
        "CREATE PUBLICATION pub WITH (publish = 'insert, update, delete, truncate');\n"
        "ALTER PUBLICATION pub ADD TABLE ONLY public.t;\n"
        "COMMENT ON PUBLICATION pub IS 'for the warehouse';\n"
        "CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';\n"
        "CREATE EVENT TRIGGER \"Ddl Log\" ON ddl_command_end EXECUTE FUNCTION on_ddl();\n"
        "ALTER EVENT TRIGGER \"Ddl Log\" DISABLE;\n";
    db.exec(u"CREATE TABLE t (id int PRIMARY KEY);"
            u"CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END'"_s);
    const CliRun lacking = diff(model(kModel));
    EXPECT_EQ(lacking.exitCode, 0) << lacking.out.toStdString() << lacking.err.toStdString();
    EXPECT_EQ(warnedObjects(lacking.err),
              (QStringList{u"event trigger \"Ddl Log\""_s, u"publication pub"_s}))
        << lacking.err.toStdString();

    db.exec(u"CREATE PUBLICATION pub FOR TABLE t;"
            u"CREATE EVENT TRIGGER \"Ddl Log\" ON ddl_command_end EXECUTE FUNCTION on_ddl()"_s);
    const CliRun having = diff(model(kModel));
    EXPECT_EQ(having.exitCode, 0) << having.out.toStdString() << having.err.toStdString();
    EXPECT_EQ(warnedObjects(having.err), QStringList()) << having.err.toStdString();
}
