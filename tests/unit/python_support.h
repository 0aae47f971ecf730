#pragma once

// The ORM model source tests run real Python projects (tests/data/django_project,
// tests/data/sqlalchemy_models) with Debian's interpreter, which sees python3-django,
// python3-sqlalchemy and python3-alembic (installed by ./dev setup), unlike a pyenv python3
// that may come first on PATH.
#include "test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>

#include <gtest/gtest.h>

namespace burrow::test {

inline const QString kDebianPython = QStringLiteral("/usr/bin/python3");

/// Copies the folder `from` to `to` (created), files and subfolders alike; returns `to`.
inline QString copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(path);
        if (it.fileInfo().isDir())
            QDir().mkpath(target);
        else
            EXPECT_TRUE(QFile::copy(path, target)) << target.toStdString();
    }
    return to;
}

/// Runs Debian's Python with `arguments` in `workingDirectory`, `environment` added.
inline CliRun runPython(const QStringList &arguments, const QString &workingDirectory,
                        const QMap<QString, QString> &environment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(workingDirectory);
    process.start(kDebianPython, arguments);
    EXPECT_TRUE(process.waitForFinished(120000)) << arguments.join(u' ').toStdString();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace burrow::test
