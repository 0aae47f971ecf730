#pragma once
// burrow-cli's diff, plan and apply against one test database, with the model and the
// migrations folder in a temporary folder: the steps the engine-level migration tests repeat.
#include "server_support.h"
#include "test_support.h"

#include <QDir>

namespace burrow::test {

using namespace Qt::Literals::StringLiterals;

class CliMigrations {
public:
    CliMigrations(const TestDatabase &db, const TempDir &dir)
        : m_db(db)
        , m_dir(dir)
    {
        EXPECT_TRUE(QDir().mkpath(migrations()));
    }

    QString migrations() const { return m_dir.path(u"migrations"_s); }
    /// Writes `sql` as the model file `name` and returns its path.
    QString model(const QByteArray &sql, const QString &name = u"model.sql"_s) const
    {
        return m_dir.write(name, sql);
    }
    CliRun diff(const QString &modelPath, const QStringList &more = {}) const
    {
        return runCli(QStringList{u"diff"_s, u"--db"_s, m_db.url(), u"--model"_s, modelPath} +
                      more);
    }
    CliRun plan(const QString &modelPath, const QStringList &more = {}) const
    {
        return runCli(QStringList{u"plan"_s, u"--db"_s, m_db.url(), u"--model"_s, modelPath,
                                  u"--migrations"_s, migrations()} +
                      more);
    }
    CliRun apply() const
    {
        return runCli(
            {u"apply"_s, u"--db"_s, m_db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
    }
    /// The newest migration file's text (empty when there is none).
    QString lastMigration() const
    {
        const QStringList files = QDir(migrations()).entryList({u"*.sql"_s}, QDir::Files);
        return files.isEmpty() ? QString()
                               : QString::fromUtf8(readBytes(migrations() + u'/' + files.last()));
    }
    /// Plans towards `modelPath`, applies, and expects no difference afterwards; returns the
    /// migration.
    QString migrate(const QString &modelPath, const QStringList &more = {}) const
    {
        const CliRun planned = plan(modelPath, more);
        EXPECT_EQ(planned.exitCode, 0) << shown(planned);
        const QString migration = lastMigration();
        const CliRun applied = apply();
        EXPECT_EQ(applied.exitCode, 0) << shown(applied) << migration.toStdString();
        const CliRun after = diff(modelPath);
        EXPECT_EQ(after.exitCode, 0) << shown(after) << migration.toStdString();
        return migration;
    }
    /// Migrates to `modelPath` (see migrate); then applies the migration's down section as a
    /// migration of its own and expects no difference from the model `beforePath`. Returns the
    /// planned migration.
    QString migrateAndUndo(const QString &modelPath, const QString &beforePath,
                           const QStringList &more = {}) const
    {
        const QString migration = migrate(modelPath, more);
        // The down marker's options (SQLite's `transaction:false`) go with its statements.
        const QString options = migration.section(u"-- migrate:down"_s, 1).section(u'\n', 0, 0);
        m_dir.write(u"migrations/9999_back.sql"_s, "-- migrate:up" + options.toUtf8() + '\n' +
                                                       downSection(migration).toUtf8() +
                                                       "\n-- migrate:down\n");
        const CliRun undone = apply();
        EXPECT_EQ(undone.exitCode, 0) << shown(undone) << migration.toStdString();
        const CliRun back = diff(beforePath);
        EXPECT_EQ(back.exitCode, 0) << shown(back) << migration.toStdString();
        return migration;
    }
    static std::string shown(const CliRun &run) { return QString(run.out + run.err).toStdString(); }

private:
    const TestDatabase &m_db;
    const TempDir &m_dir;
};

/// A test on one engine through burrow-cli.
template<Backend engine> class OneEngineCliTest : public ::testing::Test {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }

    TestDatabase db{engine};
    TempDir dir;
    CliMigrations cli{db, dir};
};

/// A test run on each engine (INSTANTIATE_TEST_SUITE_P with allBackends()) through burrow-cli.
class EngineCliTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }

    TestDatabase db{GetParam()};
    TempDir dir;
    CliMigrations cli{db, dir};
};

} // namespace burrow::test
