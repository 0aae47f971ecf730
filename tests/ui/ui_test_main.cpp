// The UI tests' main: one QApplication (offscreen unless a platform is set) for every test.
#include "style/readable_style.h"

#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    // Every test sees its models loaded by the engine; the model cache's tests turn it on.
    if (!qEnvironmentVariableIsSet("BURROW_MODEL_CACHE"))
        qputenv("BURROW_MODEL_CACHE", "off");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    burrow::ui::useReadableStyle(); // as the application does
    QApplication::setOrganizationName(QStringLiteral("BurrowTests"));
    QApplication::setApplicationName(QStringLiteral("burrow-ui-tests"));
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
