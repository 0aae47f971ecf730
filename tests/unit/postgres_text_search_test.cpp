// PostgreSQL text search dictionaries and configurations end to end through burrow-cli: read
// with their template or parser, options and mappings; created before the tables and indexes
// whose expressions name them; altered in place (options, mappings) while a column uses them.
#include "postgres_cli_fixture.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using PostgresTextSearch = PostgresCliFixture;

// A dictionary without stop words, a configuration using it, and a table whose generated
// column and index name that configuration.
constexpr char kDocs[] =
    "CREATE TEXT SEARCH DICTIONARY english_all (TEMPLATE = snowball, language = english);\n"
    "COMMENT ON TEXT SEARCH DICTIONARY english_all IS 'keeps stop words';\n"
    "CREATE TEXT SEARCH CONFIGURATION english_all (COPY = english);\n"
    "ALTER TEXT SEARCH CONFIGURATION english_all\n"
    "  ALTER MAPPING FOR asciiword, word WITH english_all;\n"
    "ALTER TEXT SEARCH CONFIGURATION english_all DROP MAPPING FOR url;\n"
    "CREATE TABLE docs (id int PRIMARY KEY, body text,\n"
    "  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english_all', body)) STORED);\n"
    "CREATE INDEX docs_body ON docs USING gin (to_tsvector('english_all', body));\n";

} // namespace

TEST_F(PostgresTextSearch, dictionaries_and_configurations_are_read_with_their_settings)
{
    db.exec(QString::fromUtf8(kDocs));
    const schema::Schema live = introspect(db);
    ASSERT_EQ(live.textSearchDictionaries.size(), 1);
    const schema::TextSearch &dictionary = live.textSearchDictionaries[0];
    EXPECT_EQ(dictionary.source, u"snowball"_s);
    EXPECT_EQ(dictionary.settings, QStringList{u"language = 'english'"_s});
    EXPECT_EQ(dictionary.comment, u"keeps stop words"_s);
    ASSERT_EQ(live.textSearchConfigurations.size(), 1);
    const schema::TextSearch &configuration = live.textSearchConfigurations[0];
    EXPECT_EQ(configuration.source, u"\"default\""_s);
    EXPECT_EQ(configuration.settings.first(), u"asciiword WITH english_all"_s);
    EXPECT_TRUE(configuration.settings.contains(u"numword WITH simple"_s));
    EXPECT_FALSE(configuration.settings.join(u' ').contains(u"url WITH"_s)) << "dropped mapping";
}

TEST_F(PostgresTextSearch,
       new_ones_come_before_the_table_naming_them_and_the_down_section_drops_them)
{
    db.exec(u"CREATE TABLE other (id int)"_s);
    const QString path = model(QByteArray("CREATE TABLE other (id int);\n") + kDocs);
    const CliRun json = diff(path, {u"--format"_s, u"json"_s});
    EXPECT_TRUE(json.out.contains(u"\"text_search_configuration_added\""_s))
        << json.out.toStdString();
    const QString migration = migrate(path);
    const QString up = upSection(migration);
    const qsizetype dictionary = up.indexOf(u"CREATE TEXT SEARCH DICTIONARY \"english_all\" "
                                            u"(TEMPLATE = snowball, language = 'english')"_s);
    const qsizetype configuration =
        up.indexOf(u"CREATE TEXT SEARCH CONFIGURATION \"english_all\" (PARSER = \"default\")"_s);
    EXPECT_GE(dictionary, 0) << up.toStdString();
    EXPECT_LT(dictionary, configuration) << up.toStdString();
    EXPECT_LT(configuration, up.indexOf(u"-- create table docs"_s)) << up.toStdString();
    db.exec(u"INSERT INTO docs VALUES (1, 'The cats')"_s);
    EXPECT_EQ(db.rows(u"SELECT tsv::text FROM docs"_s), QStringList{u"'cat':2 'the':1"_s})
        << "the stop word is kept, as the dictionary says";

    db.execEach(downStatements(migration));
    const schema::Schema back = introspect(db);
    EXPECT_TRUE(back.textSearchConfigurations.isEmpty());
    EXPECT_TRUE(back.textSearchDictionaries.isEmpty());
}

TEST_F(PostgresTextSearch, settings_change_in_place_while_a_column_uses_the_configuration)
{
    db.exec(QString::fromUtf8(kDocs));
    QByteArray wanted(kDocs);
    wanted.replace("language = english", "language = english, stopwords = english");
    wanted.replace("ALTER MAPPING FOR asciiword, word WITH english_all",
                   "ALTER MAPPING FOR asciiword, word WITH simple");
    wanted.replace("ALTER TEXT SEARCH CONFIGURATION english_all DROP MAPPING FOR url;\n", "");
    const QString up = upSection(migrate(model(wanted)));
    EXPECT_TRUE(up.contains(u"ALTER TEXT SEARCH DICTIONARY \"english_all\" (language = "
                            u"'english', stopwords = 'english')"_s))
        << up.toStdString();
    EXPECT_TRUE(up.contains(u"ALTER MAPPING FOR asciiword WITH simple"_s)) << up.toStdString();
    EXPECT_TRUE(up.contains(u"ADD MAPPING FOR url WITH simple"_s)) << up.toStdString();
    EXPECT_FALSE(up.contains(u"DROP TEXT SEARCH"_s)) << up.toStdString();
}
