// A MariaDB server whose default sql_mode has NO_BACKSLASH_ESCAPES: the texts Burrow writes
// (its literals, and the defaults, enum labels and comments the catalog prints, which escape
// backslashes whatever the mode) must not come out with every backslash doubled, and bodies
// keep the mode they were written for. The server's global mode is changed for the test:
// ctest runs this binary alone (RUN_SERIAL).
#include "server_support.h"
#include "test_support.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Adds NO_BACKSLASH_ESCAPES to the server's default mode while it lives; sessions opened
/// afterwards take it.
class GlobalNoBackslashEscapes {
public:
    explicit GlobalNoBackslashEscapes(TestDatabase &db)
        : m_db(db)
        , m_saved(db.rows(u"SELECT @@GLOBAL.sql_mode"_s).value(0))
    {
        m_db.exec(u"SET GLOBAL sql_mode = 'NO_BACKSLASH_ESCAPES," + m_saved + u'\'');
    }
    ~GlobalNoBackslashEscapes() { m_db.exec(u"SET GLOBAL sql_mode = '" + m_saved + u'\''); }
    GlobalNoBackslashEscapes(const GlobalNoBackslashEscapes &) = delete;
    GlobalNoBackslashEscapes &operator=(const GlobalNoBackslashEscapes &) = delete;

private:
    TestDatabase &m_db;
    QString m_saved;
};

// Under the test's mode a backslash in a literal is itself: 'C:\temp' is C, :, \, t, e, m, p.
const QString kLive = u"CREATE TABLE pathy (id INT PRIMARY KEY,"
                      u" dir VARCHAR(50) DEFAULT 'C:\\temp' COMMENT 'a\\b',"
                      u" kind ENUM('a\\b', 'c') DEFAULT 'c') COMMENT 't\\x'"_s;
const QString kModel = u"CREATE TABLE pathy (id INT PRIMARY KEY,"
                       u" dir VARCHAR(60) DEFAULT 'C:\\temp' COMMENT 'a\\b',"
                       u" kind ENUM('a\\b', 'c', 'd\\e') DEFAULT 'c',"
                       u" note VARCHAR(10) DEFAULT 'x\\y' COMMENT 'n\\m') COMMENT 't\\x2';\n"
                       u"CREATE TRIGGER pathy_bi BEFORE INSERT ON pathy FOR EACH ROW\n"
                       u"    SET NEW.note = REPLACE(NEW.note, '/', '\\x');\n"_s;

TEST(MariadbNoBackslashEscapes, a_migration_keeps_every_backslash_as_the_model_wrote_it)
{
    TestDatabase db(Backend::MariaDB);
    BURROW_REQUIRE_BACKEND(db);
    const GlobalNoBackslashEscapes mode(db);
    db.exec(kLive);
    TempDir dir;
    const QString model = dir.write(u"model.sql"_s, kModel.toUtf8());
    const QString migrations = dir.path(u"migrations"_s);
    ASSERT_TRUE(QDir().mkpath(migrations));

    const CliRun plan = runCli(
        {u"plan"_s, u"--db"_s, db.url(), u"--model"_s, model, u"--migrations"_s, migrations});
    ASSERT_EQ(plan.exitCode, 0) << plan.out.toStdString() << plan.err.toStdString();
    const CliRun applied = runCli({u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations});
    ASSERT_EQ(applied.exitCode, 0) << applied.out.toStdString() << applied.err.toStdString();
    const CliRun diff = runCli({u"diff"_s, u"--db"_s, db.url(), u"--model"_s, model});
    EXPECT_EQ(diff.exitCode, 0) << diff.out.toStdString() << diff.err.toStdString();

    // Compared with CHAR(92), a backslash whatever the mode: one each, not two.
    const QString oneBackslash = u"SELECT %1 = CONCAT(%2, CHAR(92), %3)"_s;
    const auto holds = [&](const QString &value, const char *before, const char *after) {
        return db.rows(oneBackslash.arg(value, QString::fromLatin1(before),
                                        QString::fromLatin1(after)))
                   .value(0) == u"1"_s;
    };
    const QString column = u"(SELECT %1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                           u"DATABASE() AND TABLE_NAME = 'pathy' AND COLUMN_NAME = '%2')"_s;
    EXPECT_TRUE(holds(column.arg(u"COLUMN_COMMENT"_s, u"note"_s), "'n'", "'m'"));
    EXPECT_TRUE(holds(column.arg(u"COLUMN_COMMENT"_s, u"dir"_s), "'a'", "'b'"));
    EXPECT_TRUE(holds(u"(SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE "
                      u"TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'pathy')"_s,
                      "'t'", "'x2'"));
    db.exec(u"INSERT INTO pathy (id, kind, note) VALUES (1, 'd\\e', 'p/q')"_s);
    EXPECT_TRUE(holds(u"(SELECT dir FROM pathy)"_s, "'C:'", "'temp'")) << "the default";
    EXPECT_TRUE(holds(u"(SELECT kind FROM pathy)"_s, "'d'", "'e'")) << "the new enum label";
    EXPECT_TRUE(holds(u"(SELECT note FROM pathy)"_s, "'p'", "'xq'")) << "the trigger's body";
}

} // namespace
