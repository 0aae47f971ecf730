// A PostgreSQL function that must be dropped and created again (a parameter renamed, a new
// result type) while a column default, a CHECK or an index uses it: PostgreSQL refuses the
// drop ("other objects depend on it"), so those users go first and come back after it, the
// rows kept. Through burrow-cli, up and down.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresFunctionUsers = PostgresCliFixture;

constexpr char kBefore[] =
    "CREATE FUNCTION normalized(raw text) RETURNS text LANGUAGE sql IMMUTABLE\n"
    "  AS $$ SELECT lower(trim(raw)) $$;\n"
    "CREATE TABLE tag (\n"
    "  id int PRIMARY KEY,\n"
    "  label text NOT NULL CHECK (normalized(label) <> ''),\n"
    "  slug text DEFAULT normalized('Untitled')\n"
    ");\n"
    "CREATE UNIQUE INDEX tag_label_key ON tag (normalized(label));\n";

// The parameter's new name needs the function dropped; its users stay as they are.
QByteArray renamedParameter()
{
    return QByteArray(kBefore)
        .replace("normalized(raw text)", "normalized(input text)")
        .replace("trim(raw)", "trim(input)");
}

} // namespace

TEST_F(PostgresFunctionUsers, its_default_check_and_index_step_aside_while_it_is_recreated)
{
    db.exec(QString::fromUtf8(kBefore).chopped(2));
    db.exec(u"INSERT INTO tag (id, label) VALUES (1, ' Red'), (2, 'blue')"_s);

    const QString migration = migrate(model(renamedParameter()));
    const QString up = upSection(migration);
    EXPECT_TRUE(up.contains(u"DROP FUNCTION"_s)) << up.toStdString();
    EXPECT_EQ(db.rows(u"SELECT id, label, slug FROM tag ORDER BY id"_s),
              (QStringList{u"1| Red|untitled"_s, u"2|blue|untitled"_s}));
    // The users are back (the clean diff above says so too) and work with the new function.
    EXPECT_EQ(db.rows(u"SELECT pg_get_indexdef('tag_label_key'::regclass)"_s),
              QStringList{u"CREATE UNIQUE INDEX tag_label_key ON public.tag USING btree "
                          u"(normalized(label))"_s});
    EXPECT_EQ(db.rows(u"SELECT count(*) FROM pg_constraint WHERE conrelid = 'tag'::regclass "
                      u"AND contype = 'c'"_s),
              QStringList{u"1"_s});
    db.exec(u"INSERT INTO tag (id, label) VALUES (5, 'green')"_s);
    EXPECT_EQ(db.rows(u"SELECT slug FROM tag WHERE id = 5"_s), QStringList{u"untitled"_s});

    db.execEach(downStatements(migration));
    EXPECT_EQ(diff(model(kBefore)).exitCode, 0) << migration.toStdString();
}
