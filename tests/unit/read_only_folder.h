#pragma once

// A folder no one can write into, for tests of "permission denied" paths.
#include <QDir>
#include <QFile>
#include <QProcess>

#include <gtest/gtest.h>

namespace burrow::test {

/// Root ignores permission bits, so as root the folder is also made immutable (chattr +i);
/// canWrite() tells whether that failed here.
struct ReadOnlyFolder {
    explicit ReadOnlyFolder(const QString &folder)
        : path(folder)
    {
        EXPECT_TRUE(QDir().mkpath(path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::ExeOwner);
        immutable = canWrite() &&
                    QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) == 0;
    }
    ~ReadOnlyFolder()
    {
        if (immutable)
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    ReadOnlyFolder(const ReadOnlyFolder &) = delete;
    ReadOnlyFolder &operator=(const ReadOnlyFolder &) = delete;

    bool canWrite() const
    {
        QFile probe(path + u"/probe");
        return probe.open(QIODevice::WriteOnly) && probe.remove();
    }

    const QString path;
    bool immutable = false;
};

} // namespace burrow::test
