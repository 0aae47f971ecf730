// The index under a MariaDB foreign key: InnoDB replaces an index it made for a key when another
// key comes, but keeps one the user declared. A plan rebuilds only the former.
#include "cli_migrations.h"
#include "qt_printing.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using MariadbForeignKeyIndex = OneEngineCliTest<Backend::MariaDB>;

constexpr char kIndexes[] = "SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE "
                            "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payment' "
                            "AND INDEX_NAME <> 'PRIMARY' ORDER BY INDEX_NAME";

} // namespace

// A key added over an index of the user's own leaves that index alone: no DROP INDEX and
// ADD INDEX of the same index, which would rebuild it for nothing.
TEST_F(MariadbForeignKeyIndex, a_new_key_over_a_declared_index_leaves_the_index_alone)
{
    db.exec(u"CREATE TABLE customer (id INT PRIMARY KEY);"
            "CREATE TABLE payment (id INT PRIMARY KEY, customer_id INT,"
            "  KEY idx_fk_customer_id (customer_id))"_s);
    const QString model = cli.model(
        "CREATE TABLE customer (id INT PRIMARY KEY);\n"
        "CREATE TABLE payment (id INT PRIMARY KEY, customer_id INT,\n"
        "  KEY idx_fk_customer_id (customer_id),\n"
        "  CONSTRAINT fk_payment_customer FOREIGN KEY (customer_id) REFERENCES customer (id));\n");
    const QString migration = cli.migrate(model);
    EXPECT_TRUE(migration.contains(u"ADD CONSTRAINT `fk_payment_customer`"_s))
        << migration.toStdString();
    EXPECT_FALSE(migration.contains(u"DROP INDEX"_s)) << migration.toStdString();
    EXPECT_EQ(db.rows(QString::fromUtf8(kIndexes)), QStringList{u"idx_fk_customer_id"_s});
}

// The index InnoDB made for a key, named after that key, is the model's index too: the key's
// new name must not take it over, or the next diff would find the index renamed.
TEST_F(MariadbForeignKeyIndex, an_index_made_for_a_renamed_key_keeps_its_name)
{
    db.exec(u"CREATE TABLE customer (id INT PRIMARY KEY);"
            "CREATE TABLE payment (id INT PRIMARY KEY, customer_id INT,"
            "  CONSTRAINT payment_customer FOREIGN KEY (customer_id) REFERENCES customer (id))"_s);
    const QString model = cli.model(
        "CREATE TABLE customer (id INT PRIMARY KEY);\n"
        "CREATE TABLE payment (id INT PRIMARY KEY, customer_id INT,\n"
        "  KEY payment_customer (customer_id),\n"
        "  CONSTRAINT fk_payment_customer FOREIGN KEY (customer_id) REFERENCES customer (id));\n");
    const QString migration = cli.migrate(model);
    EXPECT_EQ(db.rows(QString::fromUtf8(kIndexes)), QStringList{u"payment_customer"_s})
        << migration.toStdString();
}
