#include "postgres_tools.h"

#include "postgres_kept_extensions.h"
#include "postgres_parameters.h"
#include "postgres_search_path.h"
#include "postgres_session.h"

#include <QFile>
#include <QTemporaryDir>

namespace burrow::dialect::postgres {
namespace {

/// A .pgpass line that matches any server: the file serves this one run only.
QByteArray passwordLine(const QString &password)
{
    QString escaped = password;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u':', QStringLiteral("\\:"));
    return (u"*:*:*:*:" + escaped + u'\n').toUtf8();
}

/// Hands the tools the URL's secrets through a 0600 file (kept alive by `secretsFile`): a
/// .pgpass for the password alone, or, with a key passphrase (?sslpassword=, which no
/// environment variable carries), a service file entry that holds both.
Status addSecrets(const DatabaseUrl &url, QProcessEnvironment &environment,
                  std::unique_ptr<PasswordFile> &secretsFile)
{
    const QString keyPassphrase = url.parameters.value(QStringLiteral("sslpassword"));
    if (keyPassphrase.isEmpty()) {
        if (url.password.isEmpty())
            return Ok{};
        Result<std::unique_ptr<PasswordFile>> file =
            PasswordFile::create(passwordLine(url.password));
        if (!file)
            return file.error();
        secretsFile = std::move(*file);
        environment.insert(QStringLiteral("PGPASSFILE"), secretsFile->path());
        return Ok{};
    }
    if (url.parameters.contains(QStringLiteral("service")))
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("?sslpassword= cannot go with ?service= in the URL"),
                     {},
                     0,
                     {},
                     QStringLiteral("put sslpassword= into the service's entry in "
                                    "pg_service.conf instead")};
    if (keyPassphrase.contains(u'\n') || url.password.contains(u'\n'))
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("the password or ?sslpassword= holds a line break, which "
                                    "pg_dump and pg_restore cannot be given")};
    const QString service = QStringLiteral("burrow");
    QString entry = u'[' + service + u"]\nsslpassword=" + keyPassphrase + u'\n';
    if (!url.password.isEmpty())
        entry += u"password=" + url.password + u'\n';
    Result<std::unique_ptr<PasswordFile>> file = PasswordFile::create(entry.toUtf8());
    if (!file)
        return file.error();
    secretsFile = std::move(*file);
    environment.insert(QStringLiteral("PGSERVICEFILE"), secretsFile->path());
    environment.insert(QStringLiteral("PGSERVICE"), service);
    return Ok{};
}

// Drops every user object of the database, so that the archive's script recreates exactly the
// backup. Event triggers first, so that none fires on the drops after; schemas other than public
// go whole; in public, everything that no extension owns; then the extensions the user may drop
// (a migration's CREATE EXTENSION, COLLATION or TEXT SEARCH object must not outlive a restore, or
// applying the migration again fails on it); then the foreign servers and wrappers, publications
// and large objects the user owns (a whole-database pg_dump holds them all: those it had come
// back, those made since do not linger).
const QString kDropUserObjects = QStringLiteral(R"sql(
DO $burrow$
DECLARE r record;
BEGIN
  FOR r IN SELECT evtname FROM pg_event_trigger e WHERE pg_has_role(e.evtowner, 'MEMBER')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_event_trigger'::regclass
                             AND d.objid = e.oid AND d.deptype = 'e')
  LOOP EXECUTE format('DROP EVENT TRIGGER IF EXISTS %I', r.evtname); END LOOP;
  FOR r IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\_%'
  LOOP EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname); END LOOP;
  FOR r IN SELECT c.oid, c.relname, c.relkind FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                             AND d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format(CASE r.relkind WHEN 'v' THEN 'DROP VIEW IF EXISTS public.%I CASCADE'
                                  WHEN 'm' THEN 'DROP MATERIALIZED VIEW IF EXISTS public.%I CASCADE'
                                  WHEN 'S' THEN 'DROP SEQUENCE IF EXISTS public.%I CASCADE'
                                  WHEN 'f' THEN 'DROP FOREIGN TABLE IF EXISTS public.%I CASCADE'
                                  ELSE 'DROP TABLE IF EXISTS public.%I CASCADE' END, r.relname);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS signature, p.prokind FROM pg_proc p
           WHERE p.pronamespace = 'public'::regnamespace
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                             AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format(CASE r.prokind WHEN 'a' THEN 'DROP AGGREGATE IF EXISTS %s CASCADE'
                                  WHEN 'p' THEN 'DROP PROCEDURE IF EXISTS %s CASCADE'
                                  ELSE 'DROP FUNCTION IF EXISTS %s CASCADE' END, r.signature);
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t
           WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'c', 'r')
             AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                             AND d.objid = t.oid AND d.deptype = 'e')
  LOOP EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', r.typname); END LOOP;
  FOR r IN SELECT 'COLLATION' AS kind, c.collname AS name FROM pg_collation c
           WHERE c.collnamespace = 'public'::regnamespace
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_collation'::regclass
                             AND d.objid = c.oid AND d.deptype = 'e')
           UNION ALL
           SELECT 'TEXT SEARCH CONFIGURATION', t.cfgname FROM pg_ts_config t
           WHERE t.cfgnamespace = 'public'::regnamespace
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_ts_config'::regclass
                             AND d.objid = t.oid AND d.deptype = 'e')
           UNION ALL
           SELECT 'TEXT SEARCH DICTIONARY', t.dictname FROM pg_ts_dict t
           WHERE t.dictnamespace = 'public'::regnamespace
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_ts_dict'::regclass
                             AND d.objid = t.oid AND d.deptype = 'e')
  LOOP EXECUTE format('DROP %s IF EXISTS public.%I CASCADE', r.kind, r.name); END LOOP;
  FOR r IN SELECT e.extname FROM pg_extension e
           WHERE e.extname <> 'plpgsql' AND pg_has_role(e.extowner, 'MEMBER')
  LOOP EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname); END LOOP;
  FOR r IN SELECT srvname FROM pg_foreign_server WHERE pg_has_role(srvowner, 'MEMBER')
  LOOP EXECUTE format('DROP SERVER IF EXISTS %I CASCADE', r.srvname); END LOOP;
  FOR r IN SELECT fdwname FROM pg_foreign_data_wrapper w WHERE pg_has_role(w.fdwowner, 'MEMBER')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d
                             WHERE d.classid = 'pg_foreign_data_wrapper'::regclass
                             AND d.objid = w.oid AND d.deptype = 'e')
  LOOP EXECUTE format('DROP FOREIGN DATA WRAPPER IF EXISTS %I CASCADE', r.fdwname); END LOOP;
  FOR r IN SELECT pubname FROM pg_publication WHERE pg_has_role(pubowner, 'MEMBER')
  LOOP EXECUTE format('DROP PUBLICATION IF EXISTS %I', r.pubname); END LOOP;
  PERFORM lo_unlink(l.oid) FROM pg_largeobject_metadata l WHERE pg_has_role(l.lomowner, 'MEMBER');
END
$burrow$;
)sql");

Result<QByteArray> runWith(const DatabaseUrl &url, ToolRun run, const QString &what)
{
    std::unique_ptr<PasswordFile> password;
    Result<QProcessEnvironment> environment = toolEnvironment(url, password);
    if (!environment)
        return environment.error();
    run.environment = *environment;
    return runTool(run, what);
}

Status statusOf(const Result<QByteArray> &ran)
{
    return ran ? Status(Ok{}) : Status(ran.error());
}

Status writeFile(const QString &path, const QByteArray &content, const QString &what)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size() || !out.flush())
        return Error{Error::Code::Tool, u"cannot write " + what + u": " + out.errorString(), path};
    return Ok{};
}

/// The archive's table of contents (pg_restore --list).
Result<QByteArray> tableOfContents(const QString &file, const QString &what)
{
    return runTool({QStringLiteral("pg_restore"), {QStringLiteral("--list"), file}}, what);
}

/// The archive `file` as the script that pg_restore `options` writes into `script`.
Status writeScript(const QString &file, const QString &script, QStringList options)
{
    options << u"--file=" + script << file;
    return statusOf(runTool({QStringLiteral("pg_restore"), options},
                            QStringLiteral("reading the backup (pg_restore)")));
}

/// Runs the SQL scripts `files` on `url` in one transaction, stopping at the first error.
Status runScripts(const DatabaseUrl &url, const QStringList &files, const QString &what)
{
    ToolRun load{QStringLiteral("psql"),
                 {QStringLiteral("--no-psqlrc"), QStringLiteral("--quiet"),
                  QStringLiteral("--single-transaction"), QStringLiteral("--set=ON_ERROR_STOP=1")}};
    for (const QString &file : files)
        load.arguments << u"--file=" + file;
    return statusOf(runWith(url, load, what));
}

} // namespace

Result<QProcessEnvironment> toolEnvironment(const DatabaseUrl &url,
                                            std::unique_ptr<PasswordFile> &secretsFile)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PGPASSWORD")); // only the file may carry one
    const QString host = url.parameters.value(QStringLiteral("host"), url.host);
    if (!host.isEmpty())
        environment.insert(QStringLiteral("PGHOST"), host);
    if (url.port > 0)
        environment.insert(QStringLiteral("PGPORT"), QString::number(url.port));
    if (!url.user.isEmpty())
        environment.insert(QStringLiteral("PGUSER"), url.user);
    environment.insert(QStringLiteral("PGDATABASE"), url.database);
    environment.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("10"));
    const QMap<QString, QString> settings = libpqSettings(url);
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        if (const QString variable = libpqEnvironmentVariable(it.key()); !variable.isEmpty())
            environment.insert(variable, it.value());
    }
    if (Status added = addSecrets(url, environment, secretsFile); !added)
        return added.error();
    return environment;
}

Status dumpDatabase(const DatabaseUrl &url, const QString &file)
{
    // pg_dump waits for a share lock on every table: one another session holds exclusively
    // fails the backup after the lock timeout instead of hanging it.
    ToolRun run{QStringLiteral("pg_dump"),
                {QStringLiteral("--format=custom"),
                 u"--lock-wait-timeout=" + QString::number(lockTimeoutSeconds(url) * 1000),
                 u"--file=" + file}};
    Status dumped = statusOf(runWith(url, run, QStringLiteral("the backup (pg_dump)")));
    if (!dumped)
        QFile::remove(file);
    return dumped;
}

Status listArchive(const QString &file)
{
    Result<QByteArray> listed = tableOfContents(file, u"checking the backup " + file);
    if (!listed)
        return listed.error();
    if (!listed->contains("; Archive created at"))
        return Error{Error::Code::Corrupt,
                     QStringLiteral("the backup is not a complete pg_dump archive"), file};
    return Ok{};
}

Status loadArchive(const DatabaseUrl &url, const QString &file)
{
    ToolRun run{QStringLiteral("pg_restore"),
                {QStringLiteral("--no-owner"), QStringLiteral("--exit-on-error"),
                 QStringLiteral("--single-transaction"), u"--dbname=" + url.database, file}};
    Status loaded =
        statusOf(runWith(url, run, QStringLiteral("copying the database (pg_restore)")));
    if (loaded || !missedAName(loaded.error()))
        return loaded;
    // Nothing was loaded (one transaction): once more as a script, under the database's
    // search_path (postgres_search_path.h).
    QTemporaryDir scripts;
    const QString script = scripts.filePath(QStringLiteral("copy.sql"));
    if (Status written = writeScript(file, script, {QStringLiteral("--no-owner")}); !written)
        return written;
    if (!keepDatabaseSearchPath(script))
        return loaded;
    return runScripts(url, {script}, QStringLiteral("copying the database (psql)"));
}

Status replaceWithArchive(const DatabaseUrl &url, const QString &file)
{
    QTemporaryDir scripts;
    const QString drop = scripts.filePath(QStringLiteral("drop.sql"));
    const QString restore = scripts.filePath(QStringLiteral("restore.sql"));
    // The drops wait for every lock other sessions hold on the tables: bounded like the apply's
    // statements. (The archive's own script then sets lock_timeout = 0, but by then every
    // table it replaces is gone and locked by this transaction.)
    const QString limit =
        u"SET lock_timeout = '" + QString::number(lockTimeoutSeconds(url)) + u"s';\n";
    const QString script = QStringLiteral("the restore script");
    if (Status written = writeFile(drop, (limit + kDropUserObjects).toUtf8(), script); !written)
        return written;
    QStringList clean{QStringLiteral("--clean"), QStringLiteral("--if-exists")};
    Result<QStringList> othersExtensions = extensionsOfOthers(url);
    if (!othersExtensions)
        return othersExtensions.error();
    if (!othersExtensions->isEmpty()) {
        Result<QByteArray> contents =
            tableOfContents(file, QStringLiteral("reading the backup (pg_restore)"));
        if (!contents)
            return contents.error();
        const QString list = scripts.filePath(QStringLiteral("restore.list"));
        if (Status written = writeFile(list, listWithout(*contents, *othersExtensions), script);
            !written)
            return written;
        clean << u"--use-list=" + list;
    }
    if (Status written = writeScript(file, restore, clean); !written)
        return written;
    const QString what = QStringLiteral("the restore (psql)");
    Status restored = runScripts(url, {drop, restore}, what);
    // On any error nothing changed (one transaction): once more under the database's
    // search_path where an emptied one may be why (postgres_search_path.h).
    if (restored || !missedAName(restored.error()) || !keepDatabaseSearchPath(restore))
        return restored;
    return runScripts(url, {drop, restore}, what);
}

} // namespace burrow::dialect::postgres
