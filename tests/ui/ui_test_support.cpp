#include "ui_test_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <gtest/gtest.h>

#include <sqlite3.h>

namespace burrow::uitest {

workspace::DemoSource sourceTreeDemo()
{
    const QString root = QStringLiteral(BURROW_SOURCE_DIR);
    return {root + u"/resources/demo/legacy.sql", root + u"/resources/demo/models",
            root + u"/migrations"};
}

DemoWorkspace::DemoWorkspace()
{
    Result<workspace::Workspace> demo = workspace::createDemoWorkspace(sourceTreeDemo(), path());
    if (!demo)
        ADD_FAILURE() << demo.error().toString().toStdString();
    else
        m_workspace = *demo;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

QStringList queryColumn(const QString &path, const QString &sql)
{
    QStringList values;
    sqlite3 *db = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK &&
        sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &statement, nullptr) == SQLITE_OK) {
        while (sqlite3_step(statement) == SQLITE_ROW)
            values.append(QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return values;
}

} // namespace burrow::uitest
