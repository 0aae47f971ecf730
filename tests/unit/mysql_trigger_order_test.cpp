// MariaDB's trigger order (FOLLOWS / PRECEDES another trigger): a trigger placed against another
// is created after it, so the order the model gives is the order they fire in.
#include "cli_migrations.h"
#include "qt_printing.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kTables = "CREATE TABLE item (id INT PRIMARY KEY, note VARCHAR(20));\n"
                           "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, "
                           "msg VARCHAR(20));\n";

// `early` names `late`, which the model lists first: created in firing order, `early` would name
// a trigger that does not exist yet, and the migration would fail.
const QByteArray kOrdered = "CREATE TRIGGER late AFTER INSERT ON item FOR EACH ROW\n"
                            "  INSERT INTO audit (msg) VALUES ('late');\n"
                            "CREATE TRIGGER early AFTER INSERT ON item FOR EACH ROW PRECEDES late\n"
                            "  INSERT INTO audit (msg) VALUES ('early');\n";

using MariadbTriggerOrder = OneEngineCliTest<Backend::MariaDB>;

TEST_F(MariadbTriggerOrder, a_trigger_preceding_another_is_created_after_it_and_fires_first)
{
    db.exec(QString::fromUtf8(kTables));
    const QString before = cli.model(kTables, u"before.sql"_s);
    const QString migration = cli.migrateAndUndo(cli.model(kTables + kOrdered), before);
    const QString up = migration.section(u"-- migrate:down"_s, 0, 0);
    const qsizetype late = up.indexOf(u"-- create trigger late"_s);
    ASSERT_GE(late, 0) << migration.toStdString();
    EXPECT_GT(up.indexOf(u"-- create trigger early"_s), late) << migration.toStdString();

    // The down dropped both: apply the model again and watch the order they fire in.
    db.exec(u"DELETE FROM audit"_s);
    cli.migrate(cli.model(kTables + kOrdered, u"again.sql"_s));
    db.exec(u"INSERT INTO item (id) VALUES (1)"_s);
    EXPECT_EQ(db.rows(u"SELECT msg FROM audit ORDER BY id"_s),
              (QStringList{u"early"_s, u"late"_s}));
}

} // namespace
