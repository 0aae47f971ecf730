// PostgreSQL triggers disabled by hand (ALTER TABLE … DISABLE TRIGGER, often left so after a bulk
// load) or set to fire on replicas only: pg_trigger.tgenabled is compared with the model's, and a
// trigger is created firing as the model has it.
#include "cli_migrations.h"

using namespace burrow;
using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList kAuditedStatements{
    u"CREATE TABLE item (id int PRIMARY KEY, stamped boolean NOT NULL DEFAULT false)"_s,
    u"CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS\n"
    "$$ BEGIN NEW.stamped := true; RETURN NEW; END $$"_s,
    u"CREATE TRIGGER stamp_item BEFORE INSERT ON item FOR EACH ROW EXECUTE FUNCTION stamp()"_s};
const QByteArray kAudited = kAuditedStatements.join(u";\n").toUtf8() + ";\n";

class PostgresTriggerFiring : public OneEngineCliTest<Backend::PostgreSQL> {
protected:
    QStringList firing()
    {
        return db.rows(u"SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'stamp_item'"_s);
    }
};

TEST_F(PostgresTriggerFiring, a_trigger_disabled_by_hand_is_enabled_again_and_the_down_disables_it)
{
    const QByteArray disabled = kAudited + "ALTER TABLE item DISABLE TRIGGER stamp_item;\n";
    db.execEach(kAuditedStatements + QStringList{u"ALTER TABLE item DISABLE TRIGGER stamp_item"_s});
    const QString before = cli.model(disabled, u"before.sql"_s);
    const QString model = cli.model(kAudited);
    const CliRun differs = cli.diff(model);
    EXPECT_EQ(differs.exitCode, 1) << CliMigrations::shown(differs);
    EXPECT_TRUE(differs.out.contains(u"trigger stamp_item  firing DISABLE → enabled"_s))
        << CliMigrations::shown(differs);

    const QString migration = cli.migrateAndUndo(model, before);
    EXPECT_TRUE(
        downSection(migration).contains(u"ALTER TABLE \"item\" DISABLE TRIGGER \"stamp_item\""_s))
        << migration.toStdString();
    EXPECT_EQ(firing(), QStringList{u"D"_s}); // the down ran last
}

TEST_F(PostgresTriggerFiring, a_model_trigger_firing_on_replicas_only_is_created_so)
{
    db.exec(u"CREATE TABLE item (id int PRIMARY KEY, stamped boolean NOT NULL DEFAULT false)"_s);
    cli.migrate(cli.model(kAudited + "ALTER TABLE item ENABLE REPLICA TRIGGER stamp_item;\n"));
    EXPECT_EQ(firing(), QStringList{u"R"_s});
    db.exec(u"INSERT INTO item (id) VALUES (1)"_s);
    EXPECT_EQ(db.rows(u"SELECT stamped FROM item"_s), QStringList{u"false"_s});
}

} // namespace
