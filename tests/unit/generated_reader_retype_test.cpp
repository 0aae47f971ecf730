// A column whose type changes while a generated column reads it: PostgreSQL refuses the change
// ("cannot alter type of a column used by a generated column"), so the generated column is set
// aside and comes back after it, its values computed again. Every engine ends at the model.
#include "cli_migrations.h"
#include "qt_printing.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

using GeneratedReaderRetype = EngineCliTest;

TEST_P(GeneratedReaderRetype, the_generated_column_comes_back_with_its_values_computed_again)
{
    db.execEach({u"CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, price DECIMAL(8,2) NOT "
                 u"NULL, qty INTEGER NOT NULL, total DECIMAL(20,2) GENERATED ALWAYS AS "
                 u"(price * qty) STORED)"_s,
                 u"INSERT INTO item (id, price, qty) VALUES (1, 10, 2), (2, 200.5, 1)"_s});
    const QString model =
        cli.model("CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, price DECIMAL(12,2) NOT "
                  "NULL, qty INTEGER NOT NULL,\n  total DECIMAL(20,2) GENERATED ALWAYS AS "
                  "(price * qty) STORED);\n");
    const CliRun planned = cli.plan(model);
    ASSERT_EQ(planned.exitCode, 0) << CliMigrations::shown(planned);

    const CliRun applied = cli.apply();
    ASSERT_EQ(applied.exitCode, 0)
        << CliMigrations::shown(applied) << cli.lastMigration().toStdString();
    // Engines print decimals differently; cents as integers compare the same everywhere.
    EXPECT_EQ(db.rows(u"SELECT id, CAST(total * 100 AS INTEGER) FROM item ORDER BY id"_s),
              (QStringList{u"1|2000"_s, u"2|20050"_s}));
    const CliRun after = cli.diff(model);
    EXPECT_EQ(after.exitCode, 0) << CliMigrations::shown(after);
}

INSTANTIATE_TEST_SUITE_P(Engines, GeneratedReaderRetype, allBackends(), backendParamName);

} // namespace
