// MariaDB views: who a view runs as (SQL SECURITY INVOKER reads with the caller's privileges,
// DEFINER with its creator's), how it is run (ALGORITHM) and its CHECK OPTION are compared and
// created as the model has them, and taken back by the down section.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class MariadbViewOptions : public OneEngineCliTest<Backend::MariaDB> {
protected:
    /// `security|algorithm|check option` of view v.
    QStringList options()
    {
        return db.rows(u"SELECT CONCAT(SECURITY_TYPE, '|', ALGORITHM, '|', CHECK_OPTION) FROM "
                       "information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() AND "
                       "TABLE_NAME = 'v'"_s);
    }
};

TEST_F(MariadbViewOptions, security_algorithm_and_check_option_are_compared_and_migrated)
{
    const QByteArray table = "CREATE TABLE t (id INT PRIMARY KEY, n INT);\n";
    const QByteArray live = table + "CREATE VIEW v AS SELECT id, n FROM t WHERE n > 0;\n";
    db.exec(QString::fromUtf8(live).trimmed().chopped(1).replace(u";\n"_s, u";"_s));
    EXPECT_EQ(options(), QStringList{u"DEFINER|UNDEFINED|NONE"_s});
    const QString before = cli.model(live, u"before.sql"_s);
    const QString model =
        cli.model(table + "CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v AS "
                          "SELECT id, n FROM t WHERE n > 0 WITH CASCADED CHECK OPTION;\n");
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"view v"_s)) << CliMigrations::shown(differs);

    cli.migrate(model);
    EXPECT_EQ(options(), QStringList{u"INVOKER|MERGE|CASCADED"_s});

    cli.migrate(before);
    EXPECT_EQ(options(), QStringList{u"DEFINER|UNDEFINED|NONE"_s});
}

} // namespace
