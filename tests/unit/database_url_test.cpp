// parseDatabaseUrl: the URL forms of the contract, where passwords come from, and what is refused.
#include "dialect/database_url.h"
#include "test_support.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace burrow;
using dialect::DatabaseUrl;
using dialect::Engine;
using dialect::parseDatabaseUrl;

namespace {

/// Sets (or clears) BURROW_DB_PASSWORD for one test and restores the previous state after it.
class PasswordVariable : public test::ScopedEnvironmentVariable {
public:
    explicit PasswordVariable(const QByteArray *value)
        : ScopedEnvironmentVariable("BURROW_DB_PASSWORD", value)
    {
    }
};

DatabaseUrl parsed(const QString &text, const QDir &base = QDir(QStringLiteral("/srv/base")))
{
    Result<DatabaseUrl> url = parseDatabaseUrl(text, base);
    EXPECT_TRUE(url.ok()) << text.toStdString() << ": "
                          << (url ? "" : url.error().toString().toStdString());
    return url ? *url : DatabaseUrl{};
}

Error parseError(const QString &text)
{
    Result<DatabaseUrl> url = parseDatabaseUrl(text, QDir(QStringLiteral("/srv/base")));
    EXPECT_FALSE(url.ok()) << text.toStdString() << " was accepted";
    return url ? Error{} : url.error();
}

} // namespace

TEST(DatabaseUrl, sqlite_relative_path_is_resolved_against_the_base_folder)
{
    const DatabaseUrl url = parsed(QStringLiteral("sqlite:data/app.db"));
    EXPECT_EQ(url.engine, Engine::SQLite);
    EXPECT_EQ(url.path.toStdString(), "/srv/base/data/app.db");
}

TEST(DatabaseUrl, sqlite_relative_path_with_dot_segments_is_cleaned)
{
    EXPECT_EQ(parsed(QStringLiteral("sqlite:./x/../app.db")).path.toStdString(),
              "/srv/base/app.db");
}

TEST(DatabaseUrl, sqlite_absolute_path_ignores_the_base_folder)
{
    const DatabaseUrl url = parsed(QStringLiteral("sqlite:/var/lib/app.db"));
    EXPECT_EQ(url.engine, Engine::SQLite);
    EXPECT_EQ(url.path.toStdString(), "/var/lib/app.db");
}

TEST(DatabaseUrl, sqlite_triple_slash_form_names_an_absolute_path)
{
    const DatabaseUrl url = parsed(QStringLiteral("sqlite:///var/lib/app.db"));
    EXPECT_EQ(url.engine, Engine::SQLite);
    EXPECT_EQ(url.path.toStdString(), "/var/lib/app.db");
}

TEST(DatabaseUrl, sqlite3_scheme_is_an_alias_of_sqlite)
{
    const DatabaseUrl url = parsed(QStringLiteral("sqlite3:app.db"));
    EXPECT_EQ(url.engine, Engine::SQLite);
    EXPECT_EQ(url.path.toStdString(), "/srv/base/app.db");
}

TEST(DatabaseUrl, sqlite_path_with_spaces_is_kept_verbatim)
{
    EXPECT_EQ(parsed(QStringLiteral("sqlite:my data/live db.sqlite3")).path.toStdString(),
              "/srv/base/my data/live db.sqlite3");
}

TEST(DatabaseUrl, sqlite_display_shows_the_absolute_path)
{
    EXPECT_EQ(parsed(QStringLiteral("sqlite:app.db")).display().toStdString(),
              "sqlite:/srv/base/app.db");
}

TEST(DatabaseUrl, sqlite_url_without_a_path_is_an_error_with_a_hint)
{
    const Error error = parseError(QStringLiteral("sqlite:"));
    EXPECT_EQ(error.code, Error::Code::InvalidArgument);
    EXPECT_TRUE(error.hint.contains(u"sqlite:")) << error.hint.toStdString();
}

TEST(DatabaseUrl, postgresql_url_parts_are_parsed)
{
    const PasswordVariable noVariable(nullptr);
    const DatabaseUrl url =
        parsed(QStringLiteral("postgresql://alice:s3cret@db.example.org:5433/shop"));
    EXPECT_EQ(url.engine, Engine::PostgreSQL);
    EXPECT_EQ(url.user.toStdString(), "alice");
    EXPECT_EQ(url.password.toStdString(), "s3cret");
    EXPECT_EQ(url.host.toStdString(), "db.example.org");
    EXPECT_EQ(url.port, 5433);
    EXPECT_EQ(url.database.toStdString(), "shop");
}

TEST(DatabaseUrl, postgres_scheme_is_an_alias_of_postgresql)
{
    EXPECT_EQ(parsed(QStringLiteral("postgres://alice@localhost/shop")).engine, Engine::PostgreSQL);
}

TEST(DatabaseUrl, port_is_zero_when_the_url_gives_none)
{
    EXPECT_EQ(parsed(QStringLiteral("postgresql://alice@localhost/shop")).port, 0);
}

TEST(DatabaseUrl, percent_encoded_password_is_decoded)
{
    const PasswordVariable noVariable(nullptr);
    EXPECT_EQ(parsed(QStringLiteral("postgresql://alice:p%40ss%3Aw@localhost/shop"))
                  .password.toStdString(),
              "p@ss:w");
}

TEST(DatabaseUrl, query_parameters_are_kept)
{
    const DatabaseUrl url =
        parsed(QStringLiteral("postgresql://alice@localhost/shop?sslmode=require"));
    EXPECT_EQ(url.parameters.value(QStringLiteral("sslmode")).toStdString(), "require");
    EXPECT_EQ(url.database.toStdString(), "shop");
}

TEST(DatabaseUrl, display_never_contains_the_password)
{
    const PasswordVariable noVariable(nullptr);
    const DatabaseUrl url =
        parsed(QStringLiteral("postgresql://alice:s3cret@db.example.org:5433/shop"));
    const QString shown = url.display();
    EXPECT_FALSE(shown.contains(u"s3cret")) << shown.toStdString();
    EXPECT_TRUE(shown.contains(u"alice")) << shown.toStdString();
    EXPECT_TRUE(shown.contains(u"db.example.org:5433")) << shown.toStdString();
    EXPECT_TRUE(shown.endsWith(u"/shop")) << shown.toStdString();
    EXPECT_TRUE(shown.startsWith(u"postgresql://")) << shown.toStdString();
}

TEST(DatabaseUrl, display_never_contains_a_password_taken_from_the_environment)
{
    const QByteArray secret("env-s3cret");
    const PasswordVariable variable(&secret);
    const DatabaseUrl url = parsed(QStringLiteral("mysql://bob@localhost/shop"));
    EXPECT_EQ(url.password.toStdString(), "env-s3cret");
    EXPECT_FALSE(url.display().contains(u"env-s3cret")) << url.display().toStdString();
}

TEST(DatabaseUrl, password_comes_from_the_environment_when_the_url_has_none)
{
    const QByteArray secret("from-env");
    const PasswordVariable variable(&secret);
    EXPECT_EQ(parsed(QStringLiteral("postgresql://alice@localhost/shop")).password.toStdString(),
              "from-env");
}

TEST(DatabaseUrl, password_in_the_url_wins_over_the_environment)
{
    const QByteArray secret("from-env");
    const PasswordVariable variable(&secret);
    EXPECT_EQ(
        parsed(QStringLiteral("postgresql://alice:from-url@localhost/shop")).password.toStdString(),
        "from-url");
}

TEST(DatabaseUrl, password_is_empty_without_url_password_or_environment)
{
    const PasswordVariable noVariable(nullptr);
    EXPECT_TRUE(parsed(QStringLiteral("postgresql://alice@localhost/shop")).password.isEmpty());
}

TEST(DatabaseUrl, mariadb_and_mysql_schemes_both_map_to_mysql)
{
    const DatabaseUrl maria = parsed(QStringLiteral("mariadb://carol@dbhost:3307/inventory"));
    EXPECT_EQ(maria.engine, Engine::MySQL);
    EXPECT_EQ(maria.user.toStdString(), "carol");
    EXPECT_EQ(maria.host.toStdString(), "dbhost");
    EXPECT_EQ(maria.port, 3307);
    EXPECT_EQ(maria.database.toStdString(), "inventory");
    EXPECT_EQ(parsed(QStringLiteral("mysql://carol@dbhost/inventory")).engine, Engine::MySQL);
}

TEST(DatabaseUrl, scheme_is_case_insensitive)
{
    EXPECT_EQ(parsed(QStringLiteral("PostgreSQL://alice@localhost/shop")).engine,
              Engine::PostgreSQL);
    EXPECT_EQ(parsed(QStringLiteral("SQLITE:app.db")).engine, Engine::SQLite);
}

TEST(DatabaseUrl, server_url_without_a_host_is_an_error_with_a_hint)
{
    const Error error = parseError(QStringLiteral("postgresql:///shop"));
    EXPECT_EQ(error.code, Error::Code::InvalidArgument);
    EXPECT_FALSE(error.hint.isEmpty());
}

TEST(DatabaseUrl, malformed_server_url_error_shows_it_without_the_password)
{
    for (const QString &text : {QStringLiteral("postgresql://alice:s3cret@/shop"),
                                QStringLiteral("postgresql://alice:s3cret@db:port/shop"),
                                QStringLiteral("mysql://alice:s3c@ret@db:99999999/shop")}) {
        const Error error = parseError(text);
        EXPECT_FALSE(error.toString().contains(u"s3c")) << error.toString().toStdString();
        EXPECT_TRUE(error.message.contains(u"alice:***@")) << error.toString().toStdString();
    }
}

TEST(DatabaseUrl, without_password_leaves_urls_without_one_as_they_are)
{
    for (const QString &text :
         {QStringLiteral("postgresql://alice@db:5432/shop"), QStringLiteral("sqlite:a:b@c.db"),
          QStringLiteral("mysql://db:3306/shop"), QStringLiteral("notes.sql")})
        EXPECT_EQ(dialect::withoutPassword(text), text);
}

TEST(DatabaseUrl, unknown_scheme_is_an_error_naming_it_with_a_hint)
{
    const Error error = parseError(QStringLiteral("oracle://scott@localhost/orcl"));
    EXPECT_EQ(error.code, Error::Code::InvalidArgument);
    EXPECT_TRUE(error.message.contains(u"oracle")) << error.message.toStdString();
    EXPECT_TRUE(error.hint.contains(u"sqlite:")) << error.hint.toStdString();
}

TEST(DatabaseUrl, bare_path_without_scheme_is_an_error_suggesting_the_sqlite_url)
{
    const Error error = parseError(QStringLiteral("data/app.db"));
    EXPECT_EQ(error.code, Error::Code::InvalidArgument);
    EXPECT_TRUE(error.message.contains(u"data/app.db")) << error.message.toStdString();
    EXPECT_TRUE(error.hint.contains(u"sqlite:data/app.db")) << error.hint.toStdString();
}
