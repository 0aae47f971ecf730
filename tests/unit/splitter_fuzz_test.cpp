// Randomized tests of the statement splitter and the migration file parser (the fuzz target;
// clang's libFuzzer is not on the machine). Seeds are fixed so a failure reproduces; set
// BURROW_FUZZ_ITERATIONS for a longer run.
#include "dialect/sqlite/sqlite_lexer.h"
#include "migration/migration_file.h"
#include "sql/splitter.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace burrow;
using namespace Qt::Literals::StringLiterals;

namespace {

int iterations()
{
    const int fromEnvironment = qEnvironmentVariableIntValue("BURROW_FUZZ_ITERATIONS");
    return fromEnvironment > 0 ? fromEnvironment : 3000;
}

// Whole statements that each split as exactly one, whatever surrounds them.
const QStringList kStatements = {
    u"CREATE TABLE t (a TEXT DEFAULT ';', b \"x;y\")"_s,
    u"INSERT INTO t VALUES ('it''s; fine', X'3B')"_s,
    u"CREATE TRIGGER g AFTER INSERT ON t BEGIN UPDATE t SET a = CASE WHEN 1 THEN ';' END; "
    u"DELETE FROM t WHERE a = 'END;'; END"_s,
    u"SELECT 1 /* ; */ + 2 -- ;\n"_s,
    u"CREATE VIEW \"v;1\" AS SELECT [a;b] FROM `t;`"_s,
    u"UPDATE t SET a = 'BEGIN' WHERE b = 'CASE'"_s,
};

// Fragments that make text hostile: unbalanced quotes, comment starts, keywords, odd bytes.
const QStringList kNoise = {u"'"_s,     u"\""_s,      u"`"_s,      u"["_s,  u"]"_s,
                            u"/*"_s,    u"*/"_s,      u"--"_s,     u";"_s,  u"\n"_s,
                            u"BEGIN"_s, u"END"_s,     u"CASE"_s,   u"$$"_s, u"\u00e9"_s,
                            u"\r\n"_s,  u"TRIGGER"_s, u"CREATE"_s, u"\t"_s, QString(QChar(0xFFFD))};

QString noise(QRandomGenerator &random)
{
    QString text;
    const int pieces = int(random.bounded(1, 40));
    for (int i = 0; i < pieces; ++i)
        text += random.bounded(3) == 0 ? QString(QChar(char16_t(random.bounded(32, 0x250))))
                                       : kNoise[random.bounded(kNoise.size())];
    return text;
}

TEST(SplitterFuzz, well_formed_scripts_split_into_exactly_their_statements)
{
    QRandomGenerator random(20261121);
    for (int i = 0; i < iterations(); ++i) {
        QStringList chosen;
        const int count = int(random.bounded(1, 8));
        for (int n = 0; n < count; ++n)
            chosen.append(kStatements[random.bounded(kStatements.size())]);
        const QString script = chosen.join(u";\n"_s) + u';';
        Result<QList<sql::Statement>> split =
            sql::splitStatements(script, u"fuzz.sql"_s, dialect::sqlite::lexerOptions());
        ASSERT_TRUE(split) << "iteration " << i << ": " << script.toStdString();
        ASSERT_EQ(split->size(), count) << "iteration " << i << ": " << script.toStdString();
    }
}

TEST(SplitterFuzz, hostile_text_splits_or_fails_with_a_line_inside_the_text)
{
    QRandomGenerator random(7);
    for (int i = 0; i < iterations(); ++i) {
        const QString script = noise(random);
        const int lines = int(script.count(u'\n') + script.count(u'\r') + 1);
        Result<QList<sql::Statement>> split =
            sql::splitStatements(script, u"fuzz.sql"_s, dialect::sqlite::lexerOptions());
        if (split) {
            for (const sql::Statement &s : *split)
                ASSERT_TRUE(s.line >= 1 && s.line <= lines) << script.toStdString();
        } else {
            ASSERT_TRUE(split.error().line >= 1 && split.error().line <= lines)
                << "iteration " << i << ": line " << split.error().line;
        }
    }
}

TEST(SplitterFuzz, migration_files_parse_or_fail_with_a_line_inside_the_file)
{
    const QStringList markers = {u"-- migrate:up\n"_s,
                                 u"-- migrate:down\n"_s,
                                 u"-- migrate:up transaction:false\n"_s,
                                 u"-- +goose Up\n"_s,
                                 u"-- +goose StatementBegin\n"_s,
                                 u"-- +goose StatementEnd\n"_s};
    QRandomGenerator random(42);
    for (int i = 0; i < iterations(); ++i) {
        QString text;
        const int parts = int(random.bounded(1, 8));
        for (int n = 0; n < parts; ++n)
            text +=
                random.bounded(2) ? markers[random.bounded(markers.size())] : noise(random) + u'\n';
        const int lines = int(text.count(u'\n') + text.count(u'\r') + 1);
        Result<migration::MigrationFile> file =
            migration::parseMigration(text, u"fuzz.sql"_s, dialect::sqlite::lexerOptions());
        if (!file) {
            ASSERT_TRUE(file.error().line >= 0 && file.error().line <= lines)
                << "iteration " << i << ": line " << file.error().line << "\n"
                << text.toStdString();
        }
    }
}

} // namespace
