// Every golden diff case, planned and applied to a database holding rows: the result must match
// the model, keep the rows of kept columns, and the down section must lead back.
#include "diff/differ.h"
#include "diff/ignore_rules.h"
#include "plan_support.h"
#include "qt_printing.h"
#include "test_support.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace burrow;

namespace {

std::string differences(const schema::Schema &actual, const schema::Schema &expected,
                        const diff::IgnoreRules &rules)
{
    QStringList lines;
    for (const diff::Change &c : diff::diffSchemas(rules.apply(actual), rules.apply(expected)))
        lines.append(diff::kindName(c) + u' ' + c.table + u'.' + c.name + u": " + c.detail);
    return lines.join(u'\n').toStdString();
}

/// Columns that exist before and after, and so must keep their values.
QStringList keptColumns(const schema::Table &before, const schema::Table &after)
{
    QStringList kept;
    for (const schema::Column &c : before.columns) {
        const schema::Column *same = schema::findColumn(after, c.name, Qt::CaseInsensitive);
        if (same && same->typeKey == c.typeKey && same->generated == schema::Generated::No)
            kept.append(c.name);
    }
    return kept;
}

class PlanConvergence : public ::testing::TestWithParam<QString> {
protected:
    void SetUp() override
    {
        caseDir = test::testDataPath(u"diff/" + GetParam());
        database = dir.path(QStringLiteral("live.sqlite3"));
        test::createDatabase(database, test::readBytes(caseDir + u"/live.sql"));
        rowsInserted = test::fillWithRows(database, 3);
        ignore = QString::fromUtf8(test::readBytes(caseDir + u"/ignore.txt"))
                     .split(u'\n', Qt::SkipEmptyParts);
        live = test::introspectSql(test::readBytes(caseDir + u"/live.sql"));
        model = test::loadModelSql(test::readBytes(caseDir + u"/model.sql"));
    }

    test::TempDir dir;
    QString caseDir, database;
    schema::Schema live, model;
    QHash<QString, int> rowsInserted;
    QStringList ignore;
};

TEST_P(PlanConvergence, up_reaches_the_model_keeping_rows_and_down_leads_back)
{
    const diff::IgnoreRules rules(ignore + QStringList{QStringLiteral("sqlite_*")},
                                  Qt::CaseInsensitive);
    if (!rules.apply(live).tables.isEmpty()) {
        ASSERT_FALSE(rowsInserted.isEmpty()) << "no table took generated rows";
    }
    Result<plan::MigrationDraft> draft =
        test::draftFor(database, caseDir + u"/model.sql", {{}, true, {}}, ignore);
    ASSERT_TRUE(draft) << draft.error().toString().toStdString();
    QHash<QString, QStringList> before;
    for (const schema::Table &t : rules.apply(live).tables) {
        if (const schema::Table *after = schema::findTable(model, t.name, Qt::CaseInsensitive))
            before.insert(t.name, test::rowsOf(database, t.name, keptColumns(t, *after)));
    }
    Status up = test::applySection(database, draft->text);
    ASSERT_TRUE(up) << up.error().toString().toStdString() << "\n" << draft->text.toStdString();
    EXPECT_EQ(differences(test::introspectFile(database), model, rules), "")
        << draft->text.toStdString();
    EXPECT_EQ(test::queryColumn(database, QStringLiteral("PRAGMA integrity_check")),
              QStringList{QStringLiteral("ok")});
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const schema::Table &t = *schema::findTable(live, it.key(), Qt::CaseInsensitive);
        const schema::Table &m = *schema::findTable(model, it.key(), Qt::CaseInsensitive);
        EXPECT_EQ(test::rowsOf(database, m.name, keptColumns(t, m)), it.value())
            << "rows of " << it.key().toStdString() << "\n"
            << draft->text.toStdString();
    }
    Status down = test::applySection(database, draft->text, true);
    ASSERT_TRUE(down) << down.error().toString().toStdString() << "\n" << draft->text.toStdString();
    EXPECT_EQ(differences(test::introspectFile(database), live, rules), "")
        << draft->text.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Cases, PlanConvergence, ::testing::ValuesIn(test::goldenCaseNames()),
                         [](const auto &param) { return param.param.toStdString(); });

} // namespace
