#include "server_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <atomic>

namespace burrow::test {
namespace {

int nextSerial()
{
    static std::atomic<int> serial{0};
    return ++serial;
}

QString driverOf(Backend backend)
{
    switch (backend) {
    case Backend::SQLite:
        return QStringLiteral("QSQLITE");
    case Backend::PostgreSQL:
        return QStringLiteral("QPSQL");
    case Backend::MariaDB:
        return QStringLiteral("QMYSQL");
    }
    return {};
}

/// A Qt connection named `name` to `database` on the server of `adminUrl`.
QSqlDatabase openServer(Backend backend, const QUrl &adminUrl, const QString &database,
                        const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(driverOf(backend), name);
    db.setHostName(adminUrl.host());
    db.setPort(adminUrl.port());
    db.setUserName(adminUrl.userName());
    db.setPassword(adminUrl.password());
    db.setDatabaseName(database);
    EXPECT_TRUE(db.open()) << db.lastError().text().toStdString();
    return db;
}

void run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    EXPECT_TRUE(query.exec(sql)) << sql.toStdString() << ": "
                                 << query.lastError().text().toStdString();
}

/// Runs one statement on the server's admin database, through a connection of its own.
void runAdmin(Backend backend, const QUrl &adminUrl, const QString &sql)
{
    const QString name = u"burrow-test-admin-" + QString::number(nextSerial());
    {
        QSqlDatabase db = openServer(backend, adminUrl, adminUrl.path().mid(1), name);
        run(db, sql);
    }
    QSqlDatabase::removeDatabase(name);
}

QString quoted(Backend backend, const QString &name)
{
    return backend == Backend::MariaDB ? u'`' + name + u'`' : u'"' + name + u'"';
}

} // namespace

std::string backendName(Backend backend)
{
    switch (backend) {
    case Backend::SQLite:
        return "SQLite";
    case Backend::PostgreSQL:
        return "PostgreSQL";
    case Backend::MariaDB:
        return "MariaDB";
    }
    return "?";
}

std::string backendParamName(const ::testing::TestParamInfo<Backend> &info)
{
    return backendName(info.param);
}

QString serverUrl(Backend backend)
{
    switch (backend) {
    case Backend::PostgreSQL:
        return qEnvironmentVariable("BURROW_TEST_POSTGRES_URL");
    case Backend::MariaDB:
        return qEnvironmentVariable("BURROW_TEST_MARIADB_URL");
    case Backend::SQLite:
        break;
    }
    return {};
}

bool serversRequired()
{
    return qEnvironmentVariable("BURROW_REQUIRE_SERVERS") == u"1";
}

TestDatabase::TestDatabase(Backend backend)
    : m_backend(backend)
    , m_connectionName(u"burrow-test-db-" + QString::number(nextSerial()))
{
    if (backend == Backend::SQLite) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_name = m_dir->filePath(QStringLiteral("test.sqlite3"));
        m_url = u"sqlite:" + m_name;
        m_available = true;
        return;
    }
    const QString admin = serverUrl(backend);
    if (admin.isEmpty())
        return;
    m_name = u"burrow_test_" + QString::number(QCoreApplication::applicationPid()) + u'_' +
             QString::number(nextSerial());
    const QUrl adminUrl(admin);
    runAdmin(backend, adminUrl, u"CREATE DATABASE " + quoted(backend, m_name));
    QUrl url = adminUrl;
    url.setPath(u'/' + m_name);
    m_url = url.toString();
    m_available = true;
}

TestDatabase::~TestDatabase()
{
    if (!m_available || m_backend == Backend::SQLite)
        return;
    const QString force =
        m_backend == Backend::PostgreSQL ? QStringLiteral(" WITH (FORCE)") : QString();
    runAdmin(m_backend, QUrl(serverUrl(m_backend)),
             u"DROP DATABASE IF EXISTS " + quoted(m_backend, m_name) + force);
}

void TestDatabase::withConnection(const std::function<void(QSqlDatabase &)> &work)
{
    {
        QSqlDatabase db;
        if (m_backend == Backend::SQLite) {
            db = QSqlDatabase::addDatabase(driverOf(m_backend), m_connectionName);
            db.setDatabaseName(m_name);
            EXPECT_TRUE(db.open()) << db.lastError().text().toStdString();
        } else {
            db = openServer(m_backend, QUrl(m_url), m_name, m_connectionName);
        }
        work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void TestDatabase::exec(const QString &statements)
{
    withConnection([&statements](QSqlDatabase &db) {
        for (const QString &statement : statements.split(u';', Qt::SkipEmptyParts)) {
            if (!statement.trimmed().isEmpty())
                run(db, statement);
        }
    });
}

QStringList TestDatabase::columnNames()
{
    switch (m_backend) {
    case Backend::SQLite:
        return rows(QStringLiteral("SELECT m.name || '.' || p.name FROM sqlite_master m, "
                                   "pragma_table_info(m.name) p WHERE m.type = 'table' "
                                   "ORDER BY 1"));
    case Backend::PostgreSQL:
        return rows(QStringLiteral("SELECT table_name || '.' || column_name FROM "
                                   "information_schema.columns WHERE table_schema = 'public' "
                                   "ORDER BY 1"));
    case Backend::MariaDB:
        return rows(QStringLiteral("SELECT CONCAT(table_name, '.', column_name) FROM "
                                   "information_schema.columns WHERE table_schema = DATABASE() "
                                   "ORDER BY 1"));
    }
    return {};
}

QStringList TestDatabase::rows(const QString &query)
{
    QStringList out;
    withConnection([&query, &out](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        EXPECT_TRUE(q.exec(query))
            << query.toStdString() << ": " << q.lastError().text().toStdString();
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << (q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
            out << values.join(u'|');
        }
    });
    return out;
}

bool TestDatabase::tryExec(const QString &statement)
{
    bool ran = false;
    withConnection([&](QSqlDatabase &db) { ran = QSqlQuery(db).exec(statement); });
    return ran;
}

void TestDatabase::execEach(const QStringList &statements)
{
    withConnection([&statements](QSqlDatabase &db) {
        for (const QString &statement : statements)
            run(db, statement);
    });
}

QStringList databasesLike(TestDatabase &db, const QString &pattern)
{
    const QString names =
        db.backend() == Backend::PostgreSQL
            ? QStringLiteral("SELECT datname FROM pg_database WHERE datname")
            : QStringLiteral("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                             "WHERE SCHEMA_NAME");
    return db.rows(names + u" LIKE '" + pattern + u'\'');
}

QStringList leftoverDatabases(TestDatabase &db, const QString &pattern, const QStringList &before)
{
    QElapsedTimer timer;
    timer.start();
    QStringList added;
    do {
        added = databasesLike(db, pattern);
        added.removeIf([&before](const QString &name) { return before.contains(name); });
        if (added.isEmpty())
            break;
        QThread::msleep(100);
    } while (timer.elapsed() < 15000);
    return added;
}

ServerSession::ServerSession(const TestDatabase &db)
    : m_connectionName(u"burrow-test-session-" + QString::number(nextSerial()))
{
    openServer(db.backend(), QUrl(db.url()), db.name(), m_connectionName);
}

ServerSession::~ServerSession()
{
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void ServerSession::exec(const QString &sql)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    run(db, sql);
}

QStringList ServerSession::rows(const QString &query)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    EXPECT_TRUE(q.exec(query)) << query.toStdString() << ": " << q.lastError().text().toStdString();
    QStringList out;
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < q.record().count(); ++i)
            values << (q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
        out << values.join(u'|');
    }
    return out;
}

QString ServerSession::waitForRow(const QString &query, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    do {
        const QStringList found = rows(query);
        if (!found.isEmpty())
            return found.first().section(u'|', 0, 0);
        QThread::msleep(50);
    } while (timer.elapsed() < timeoutMs);
    return {};
}

} // namespace burrow::test
