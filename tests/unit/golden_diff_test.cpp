// Golden cases: tests/data/diff/<case>/{live.sql, model.sql, [ignore.txt], expected.txt}.
// After a reviewed change of output, regenerate with tests/data/regenerate-golden.
#include "diff/compare.h"
#include "diff/report.h"
#include "qt_printing.h"
#include "test_support.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace burrow;

namespace {

QString actualOutput(const QString &caseDir)
{
    test::TempDir dir;
    const QString live = dir.path(QStringLiteral("live.sqlite3"));
    test::createDatabase(live, test::readBytes(caseDir + u"/live.sql"));
    diff::CompareRequest request;
    request.database = u"sqlite:" + live;
    request.models = {caseDir + u"/model.sql"};
    const QString ignore = QString::fromUtf8(test::readBytes(caseDir + u"/ignore.txt"));
    request.ignore = ignore.split(u'\n', Qt::SkipEmptyParts);
    Result<diff::Comparison> comparison = diff::compareWithModel(request);
    if (!comparison)
        return u"error: " + comparison.error().toString() + u'\n';
    return diff::formatText(comparison->changes);
}

class GoldenDiff : public ::testing::TestWithParam<QString> {};

TEST_P(GoldenDiff, text_output_matches_expected)
{
    const QString caseDir = test::testDataPath(u"diff/" + GetParam());
    const QString actual = actualOutput(caseDir);
    const QString expectedPath = caseDir + u"/expected.txt";
    if (qEnvironmentVariableIntValue("BURROW_REGENERATE") == 1) {
        QFile out(expectedPath);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(actual.toUtf8());
        return;
    }
    ASSERT_TRUE(QFile::exists(expectedPath)) << "missing " << expectedPath.toStdString();
    EXPECT_EQ(actual.toStdString(), test::readBytes(expectedPath).toStdString());
}

TEST(GoldenDiffCases, there_are_at_least_forty)
{
    EXPECT_GE(test::goldenCaseNames().size(), 40);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenDiff, ::testing::ValuesIn(test::goldenCaseNames()),
                         [](const auto &param) { return param.param.toStdString(); });

} // namespace
