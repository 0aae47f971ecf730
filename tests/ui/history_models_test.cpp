// The migrations and backups item models on their own: Qt's model checker, and what each
// state reads as (an icon and a text, never color alone).
#include "backups/backups_model.h"
#include "migrations/migrations_model.h"

#include <QAbstractItemModelTester>
#include <QIcon>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::ui;
using namespace Qt::Literals::StringLiterals;
using migration::MigrationState;

namespace {

migration::MigrationStatus status(const QString &version, MigrationState state,
                                  const QString &recordedAs = u"applied"_s)
{
    migration::MigrationStatus s{version, u"step_"_s + version, state, {}, {}};
    if (state != MigrationState::Missing)
        s.entry = migration::MigrationEntry{version,   version.toULongLong(),
                                            s.name,    u"/m/"_s + version + u"_x.sql"_s,
                                            u"f11e"_s, {}};
    if (state != MigrationState::Pending) {
        migration::AppliedMigration row;
        row.version = version;
        row.checksum = u"5eed"_s;
        row.startedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
        row.finishedAt = row.startedAt.addMSecs(42);
        row.durationMs = 42;
        row.appliedBy = u"ann@host"_s;
        row.status = recordedAs;
        s.applied = row;
    }
    return s;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

TEST(MigrationsModel, passes_the_model_checker_through_resets)
{
    MigrationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setStatus({status(u"0001"_s, MigrationState::Applied, u"baseline"_s),
                     status(u"0002"_s, MigrationState::Pending)});
    model.setStatus({});
    model.setStatus({status(u"0003"_s, MigrationState::Missing)});
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.columnCount(), MigrationsModel::ColumnCount);
}

TEST(MigrationsModel, each_state_has_its_own_text_and_an_icon)
{
    MigrationsModel model;
    model.setStatus(
        {status(u"0001"_s, MigrationState::Applied, u"baseline"_s),
         status(u"0002"_s, MigrationState::Applied), status(u"0003"_s, MigrationState::Modified),
         status(u"0004"_s, MigrationState::Missing), status(u"0005"_s, MigrationState::Pending)});
    QStringList states;
    for (int row = 0; row < model.rowCount(); ++row) {
        states.append(cell(model, row, MigrationsModel::State));
        EXPECT_FALSE(model.index(row, MigrationsModel::State)
                         .data(Qt::DecorationRole)
                         .value<QIcon>()
                         .isNull());
    }
    EXPECT_EQ(states, (QStringList{u"baseline"_s, u"applied"_s, u"modified since applied"_s,
                                   u"applied, file missing"_s, u"pending"_s}));
    EXPECT_EQ(cell(model, 0, MigrationsModel::Duration), u"not run"_s);
    EXPECT_EQ(cell(model, 1, MigrationsModel::Duration), u"42 ms"_s);
    EXPECT_EQ(cell(model, 1, MigrationsModel::AppliedBy), u"ann@host"_s);
    EXPECT_FALSE(cell(model, 1, MigrationsModel::AppliedAt).isEmpty());
    EXPECT_TRUE(cell(model, 4, MigrationsModel::AppliedAt).isEmpty()) << "pending: not applied";
}

TEST(MigrationsModel, tooltips_name_the_file_and_its_checksums)
{
    MigrationsModel model;
    model.setStatus(
        {status(u"0003"_s, MigrationState::Modified), status(u"0004"_s, MigrationState::Missing)});
    const QString modified = cell(model, 0, MigrationsModel::Name, Qt::ToolTipRole);
    EXPECT_TRUE(modified.contains(u"0003_x.sql"_s)) << modified.toStdString();
    EXPECT_TRUE(modified.contains(u"f11e"_s) && modified.contains(u"5eed"_s))
        << "the file's and the recorded checksum";
    const QString missing = cell(model, 1, MigrationsModel::Name, Qt::ToolTipRole);
    EXPECT_TRUE(missing.contains(u"gone"_s)) << missing.toStdString();
    EXPECT_EQ(model.index(0, 0).data(MigrationsModel::NumberRole).toULongLong(), 3u);
}

backup::BackupListing listing(const QString &name, const QStringList &versions, bool damaged)
{
    backup::Manifest m;
    m.source = u"sqlite:/db.sqlite3"_s;
    m.versions = versions;
    m.files = {{u"before.sqlite3"_s, u"ab"_s, 2048}, {u"migrations/0002_x.sql"_s, u"cd"_s, 1024}};
    m.createdAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    backup::BackupListing b{u"/m/backups/"_s + name, m, {}, m.createdAt};
    if (damaged)
        b.problem = Error{Error::Code::Corrupt, u"before.sqlite3 differs"_s, b.path};
    return b;
}

TEST(BackupsModel, passes_the_model_checker_and_shows_size_versions_and_state)
{
    BackupsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setBackups({listing(u"20240501T100000Z_0002"_s, {u"0002"_s}, false),
                      listing(u"pre-restore-20240501T090000Z"_s, {}, true)});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(cell(model, 0, BackupsModel::Versions), u"before 0002"_s);
    EXPECT_EQ(cell(model, 1, BackupsModel::Versions), u"replaced by a restore"_s);
    EXPECT_EQ(cell(model, 0, BackupsModel::Size), QLocale().formattedDataSize(3072));
    EXPECT_EQ(cell(model, 0, BackupsModel::State), u"complete"_s);
    EXPECT_EQ(cell(model, 1, BackupsModel::State), u"damaged"_s);
    EXPECT_TRUE(cell(model, 1, BackupsModel::State, Qt::ToolTipRole).contains(u"differs"_s));
    EXPECT_EQ(model.rowOf(u"/m/backups/pre-restore-20240501T090000Z"_s), 1);
    model.setBackups({});
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
