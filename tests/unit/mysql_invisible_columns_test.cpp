// MariaDB's INVISIBLE columns (left out of SELECT *): read, compared, and kept invisible by every
// column the migration writes, where a MODIFY without the word would make them visible.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

class MariadbInvisibleColumns : public OneEngineCliTest<Backend::MariaDB> {
protected:
    /// The columns `SELECT *` shows, in order.
    QStringList visibleColumns()
    {
        return db.rows(u"SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                       "DATABASE() AND TABLE_NAME = 'doc' AND EXTRA NOT LIKE '%INVISIBLE%' "
                       "ORDER BY ORDINAL_POSITION"_s);
    }
};

TEST_F(MariadbInvisibleColumns, a_changed_invisible_column_stays_invisible_and_others_turn)
{
    const QByteArray live = "CREATE TABLE doc (id INT PRIMARY KEY, secret INT INVISIBLE "
                            "DEFAULT 3, shown INT, hidden INT INVISIBLE)";
    db.exec(QString::fromUtf8(live));
    db.exec(u"INSERT INTO doc (id, secret, shown, hidden) VALUES (1, 7, 8, 9)"_s);
    const QString before = cli.model(live, u"before.sql"_s);
    const QString model = cli.model("CREATE TABLE doc (id INT PRIMARY KEY, secret BIGINT "
                                    "INVISIBLE DEFAULT 3, shown INT INVISIBLE, hidden INT, "
                                    "added INT INVISIBLE)");
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"column shown   INVISIBLE added"_s))
        << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"column hidden  INVISIBLE dropped"_s))
        << CliMigrations::shown(differs);

    const QString migration = cli.migrateAndUndo(model, before);
    EXPECT_TRUE(migration.contains(u"MODIFY COLUMN `secret` bigint(20) NULL DEFAULT 3 INVISIBLE"_s))
        << migration.toStdString();
    EXPECT_EQ(visibleColumns(), (QStringList{u"id"_s, u"shown"_s})); // the down ran last
    EXPECT_EQ(db.rows(u"SELECT * FROM doc"_s), QStringList{u"1|8"_s});
    EXPECT_EQ(db.rows(u"SELECT secret, hidden FROM doc"_s), QStringList{u"7|9"_s});
}

TEST_F(MariadbInvisibleColumns, a_new_table_keeps_its_invisible_columns)
{
    const QString model = cli.model("CREATE TABLE doc (id INT PRIMARY KEY, secret INT INVISIBLE "
                                    "NOT NULL DEFAULT 1, title VARCHAR(20))");
    cli.migrate(model);
    EXPECT_EQ(visibleColumns(), (QStringList{u"id"_s, u"title"_s}));
}

} // namespace
