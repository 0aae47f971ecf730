// Reading a migrations folder: numeric order, conflicts, parse errors, checksums.
#include "migration/migration_directory.h"
#include "qt_printing.h"
#include "test_support.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::migration;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kBody = "-- migrate:up\nCREATE TABLE t (x);\n-- migrate:down\nDROP TABLE t;\n";

class MigrationDirectory : public ::testing::Test {
protected:
    QString write(const QString &name, const QByteArray &content = kBody) const
    {
        return m_dir.write(name, content);
    }
    Result<QList<MigrationEntry>> read() const
    {
        return readMigrationDirectory(m_dir.path(), sql::LexerOptions{});
    }
    QStringList versions() const
    {
        Result<QList<MigrationEntry>> entries = read();
        EXPECT_TRUE(entries.ok()) << (entries ? "" : entries.error().toString().toStdString());
        QStringList out;
        for (const MigrationEntry &e : entries ? *entries : QList<MigrationEntry>{})
            out.append(e.version);
        return out;
    }
    Error readError() const
    {
        Result<QList<MigrationEntry>> entries = read();
        EXPECT_FALSE(entries.ok());
        return entries ? Error{} : entries.error();
    }

    test::TempDir m_dir;
};

} // namespace

TEST_F(MigrationDirectory, orders_versions_numerically_so_2_comes_before_10)
{
    write(u"10_ten.sql"_s);
    write(u"2_two.sql"_s);
    write(u"0001_one.sql"_s);
    EXPECT_EQ(versions(), QStringList({u"0001"_s, u"2"_s, u"10"_s}));
}

TEST_F(MigrationDirectory, entries_carry_name_absolute_path_and_parsed_sections)
{
    write(u"0003_add_price.sql"_s);
    Result<QList<MigrationEntry>> entries = read();
    ASSERT_TRUE(entries.ok()) << entries.error().toString().toStdString();
    ASSERT_EQ(entries->size(), 1);
    const MigrationEntry &e = entries->first();
    EXPECT_EQ(e.number, 3u);
    EXPECT_EQ(e.name, u"add_price"_s);
    EXPECT_EQ(e.path, QDir(m_dir.path()).absoluteFilePath(u"0003_add_price.sql"_s));
    EXPECT_EQ(e.file.up.statements.size(), 1);
    EXPECT_EQ(e.file.down.statements.size(), 1);
    EXPECT_EQ(e.checksum, migrationChecksum(QString::fromUtf8(kBody)));
}

TEST_F(MigrationDirectory, ignores_other_files_and_subfolders)
{
    write(u"0001_one.sql"_s);
    write(u"README.md"_s, "notes");
    write(u"notes.sql"_s, "not a migration");
    ASSERT_TRUE(QDir(m_dir.path()).mkpath(u"backups/20240101T000000Z_0001"_s));
    write(u"backups/20240101T000000Z_0001/0002_copy.sql"_s, "broken");
    EXPECT_EQ(versions(), QStringList{u"0001"_s});
}

TEST_F(MigrationDirectory, two_files_with_one_version_are_a_conflict_naming_both)
{
    write(u"0002_add_price.sql"_s);
    write(u"2_add_author.sql"_s);
    write(u"0001_one.sql"_s);
    const Error error = readError();
    EXPECT_EQ(error.code, Error::Code::Conflict);
    EXPECT_TRUE(error.message.contains(u"0002_add_price.sql")) << error.toString().toStdString();
    EXPECT_TRUE(error.message.contains(u"2_add_author.sql")) << error.toString().toStdString();
}

TEST_F(MigrationDirectory, a_parse_error_names_file_and_line_and_returns_nothing)
{
    write(u"0001_one.sql"_s);
    const QString bad = write(u"0002_bad.sql"_s, "-- migrate:up\nSELECT 1;\nSELECT 'open;\n");
    const Error error = readError();
    EXPECT_EQ(QDir::cleanPath(error.file), QDir::cleanPath(bad));
    EXPECT_EQ(error.line, 3);
}

TEST_F(MigrationDirectory, a_file_without_up_marker_is_an_error)
{
    write(u"0001_one.sql"_s, "CREATE TABLE t (x);\n");
    EXPECT_TRUE(readError().file.endsWith(u"0001_one.sql"));
}

TEST_F(MigrationDirectory, a_missing_folder_is_not_found)
{
    const Error error =
        readMigrationDirectory(m_dir.path(u"nowhere"_s), sql::LexerOptions{}).error();
    EXPECT_EQ(error.code, Error::Code::NotFound);
    EXPECT_TRUE(error.file.endsWith(u"nowhere"));
}

TEST_F(MigrationDirectory, an_empty_folder_has_no_migrations)
{
    EXPECT_EQ(versions(), QStringList());
}

TEST(MigrationDirectoryChecksum, ignores_line_endings_and_trailing_whitespace)
{
    const QString lf = u"-- migrate:up\nCREATE TABLE t (x);\n"_s;
    EXPECT_EQ(migrationChecksum(lf),
              migrationChecksum(u"-- migrate:up\r\nCREATE TABLE t (x);\r\n"_s));
    EXPECT_EQ(migrationChecksum(lf), migrationChecksum(u"-- migrate:up\rCREATE TABLE t (x);\r"_s));
    EXPECT_EQ(migrationChecksum(lf),
              migrationChecksum(u"-- migrate:up  \nCREATE TABLE t (x);\t\n\n  \n"_s));
    EXPECT_EQ(migrationChecksum(lf), migrationChecksum(u"-- migrate:up\nCREATE TABLE t (x);"_s));
}

TEST(MigrationDirectoryChecksum, changes_with_a_real_edit)
{
    const QString original = u"-- migrate:up\nCREATE TABLE t (x);\n"_s;
    EXPECT_NE(migrationChecksum(original),
              migrationChecksum(u"-- migrate:up\nCREATE TABLE t (y);\n"_s));
    EXPECT_NE(migrationChecksum(original),
              migrationChecksum(u"-- migrate:up\n  CREATE TABLE t (x);\n"_s)); // leading space
    EXPECT_NE(migrationChecksum(original),
              migrationChecksum(u"-- migrate:up\n\nCREATE TABLE t (x);\n"_s)); // inner blank
}

TEST(MigrationDirectoryChecksum, is_sha256_hex)
{
    const QString sum = migrationChecksum(u""_s);
    EXPECT_EQ(sum, u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
}
