// The UI tests' main: one QApplication (offscreen unless a platform is set) for every test.
#include "style/readable_style.h"

#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    burrow::ui::useReadableStyle(); // as the application does
    QApplication::setOrganizationName(QStringLiteral("BurrowTests"));
    QApplication::setApplicationName(QStringLiteral("burrow-ui-tests"));
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
