#pragma once
// burrow-cli end to end on a fresh PostgreSQL database: diff, plan, and apply a model, then
// expect no differences; what the catalog reads back. Shared by the PostgreSQL CLI tests.
#include "dialect/postgres/postgres_dialect.h"
#include "dialect/postgres/postgres_names.h"
#include "qt_printing.h"
#include "server_support.h"
#include "sql/splitter.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace burrow::test {

using namespace Qt::Literals::StringLiterals;

class PostgresCliFixture : public ::testing::Test {
protected:
    void SetUp() override { BURROW_REQUIRE_BACKEND(db); }

    QString model(const QByteArray &sql) { return dir.write(u"model.sql"_s, sql); }
    CliRun diff(const QString &modelPath, const QStringList &more = {})
    {
        return runCli(QStringList{u"diff"_s, u"--db"_s, db.url(), u"--model"_s, modelPath} + more);
    }
    CliRun plan(const QString &modelPath, bool allowDestructive = false)
    {
        QStringList args{u"plan"_s, u"--db"_s,         db.url(),    u"--model"_s,
                         modelPath, u"--migrations"_s, migrations()};
        if (allowDestructive)
            args.append(u"--allow-destructive"_s);
        return runCli(args);
    }
    /// Plans, applies with burrow-cli and expects no differences after; returns the migration.
    QString migrate(const QString &modelPath, bool allowDestructive = false)
    {
        const CliRun planned = plan(modelPath, allowDestructive);
        EXPECT_EQ(planned.exitCode, 0) << planned.err.toStdString();
        const QString path = planned.out.trimmed();
        const QString text = QString::fromUtf8(readBytes(path));
        const CliRun applied = runCli(
            {u"apply"_s, u"--db"_s, db.url(), u"--migrations"_s, migrations(), u"--no-backup"_s});
        EXPECT_EQ(applied.exitCode, 0) << applied.err.toStdString() << "\n" << text.toStdString();
        const CliRun again = diff(modelPath);
        EXPECT_EQ(again.exitCode, 0) << again.out.toStdString() << again.err.toStdString() << "\n"
                                     << text.toStdString();
        return text;
    }
    /// Loads `sql` into the database, statement by statement (bodies with `;` stay whole).
    void load(const QByteArray &sql);
    /// Migrates to `after` (see migrate), then runs the down section: the database matches
    /// `before` again. Returns the migration.
    QString migrateAndBack(const QByteArray &before, const QByteArray &after,
                           bool allowDestructive = false);
    QString migrations() const { return dir.path(u"migrations"_s); }

    TestDatabase db{Backend::PostgreSQL};
    TempDir dir;
};

/// The schema of `db` as Burrow reads it.
inline schema::Schema introspect(const TestDatabase &db)
{
    const Result<dialect::DatabaseUrl> url = dialect::parseDatabaseUrl(db.url());
    EXPECT_TRUE(url.ok());
    if (!url)
        return {};
    Result<schema::Schema> schema = dialect::postgres::PostgresDialect(*url).introspect(*url);
    EXPECT_TRUE(schema.ok()) << (schema ? "" : schema.error().toString().toStdString());
    return schema ? *schema : schema::Schema{};
}

/// The statements of `sql`, split as the runner splits them (bodies with `;` stay whole).
inline QStringList statementsOf(const QString &sql)
{
    const Result<QList<sql::Statement>> split =
        sql::splitStatements(sql, u"sql"_s, dialect::postgres::lexerOptions());
    EXPECT_TRUE(split.ok());
    QStringList out;
    for (const sql::Statement &s : split ? *split : QList<sql::Statement>{})
        out.append(s.text);
    return out;
}

/// The statements of a migration's down section.
inline QStringList downStatements(const QString &migration)
{
    return statementsOf(migration.section(u"-- migrate:down"_s, 1));
}

inline void PostgresCliFixture::load(const QByteArray &sql)
{
    db.execEach(statementsOf(QString::fromUtf8(sql)));
}

inline QString PostgresCliFixture::migrateAndBack(const QByteArray &before, const QByteArray &after,
                                                  bool allowDestructive)
{
    const QString migration = migrate(model(after), allowDestructive);
    db.execEach(downStatements(migration));
    const CliRun back = diff(model(before));
    EXPECT_EQ(back.exitCode, 0) << QString(back.out + back.err).toStdString()
                                << migration.toStdString();
    return migration;
}

} // namespace burrow::test
