// Lint on MariaDB: the counts a plan gives before anything runs, in the server's own terms
// (prefix index parts, its types' limits).
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class MariadbLint : public OneEngineCliTest<Backend::MariaDB> {};

TEST_F(MariadbLint, counts_the_duplicates_a_unique_prefix_index_would_meet)
{
    db.exec(u"CREATE TABLE note (id INT PRIMARY KEY, body TEXT, code VARBINARY(20));"
            u"INSERT INTO note VALUES (1, 'Dear sir, one', 'ab1'), (2, 'Dear sir, two', 'ab2'), "
            u"(3, 'Hello', 'cd')"_s);
    const QString model =
        cli.model("CREATE TABLE note (id INT PRIMARY KEY, body TEXT, code VARBINARY(20));\n"
                  "CREATE UNIQUE INDEX note_body ON note (body(8));\n"
                  "CREATE UNIQUE INDEX note_code ON note (code(2));\n");
    const CliRun planned = cli.plan(model, {u"--allow-destructive"_s});
    const QString output = planned.out + planned.err;
    EXPECT_EQ(planned.exitCode, 0) << output.toStdString();
    EXPECT_TRUE(output.contains(u"1 duplicate value of (`body`(8)) in note"_s))
        << output.toStdString();
    EXPECT_TRUE(output.contains(u"1 duplicate value of (`code`(2)) in note"_s))
        << output.toStdString();
    EXPECT_FALSE(output.contains(u"could not count"_s)) << output.toStdString();
}

TEST_F(MariadbLint, counts_the_values_a_narrower_type_cannot_hold)
{
    db.exec(u"CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(100), kind ENUM('a','B','c'), "
            u"n INT, price DECIMAL(10,2), code VARBINARY(10));"
            u"INSERT INTO item VALUES (1, 'a long name', 'c', 300, 12345.67, 'abcdef'), "
            u"(2, 'short', 'B', 5, 1.5, 'ab'), (3, NULL, 'a', -129, 2.25, NULL)"_s);
    const QString model =
        cli.model("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(5), "
                  "kind ENUM('a','B'), n TINYINT, price DECIMAL(5,1), code VARBINARY(3));\n");
    const CliRun planned = cli.plan(model, {u"--allow-destructive"_s});
    EXPECT_EQ(planned.exitCode, 0) << planned.err.toStdString();
    for (const QString &lost :
         {u"item.name from varchar(100) to varchar(5): 1 value does not fit"_s,
          u"item.kind from enum('a','B','c') to enum('a','B'): 1 value does not fit"_s,
          u"item.n from int(11) to tinyint(4): 2 values do not fit"_s,
          u"item.price from decimal(10,2) to decimal(5,1): 2 values do not fit"_s,
          u"item.code from varbinary(10) to varbinary(3): 1 value does not fit"_s})
        EXPECT_TRUE(planned.err.contains(lost)) << planned.err.toStdString();
}

} // namespace
