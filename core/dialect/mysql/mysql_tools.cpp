#include "mysql_tools.h"

#include "mysql_connection.h"
#include "mysql_url_options.h"

#include <QFile>
#include <QRegularExpression>

namespace burrow::dialect::mysql {
namespace {

/// An option-file value in double quotes, with the characters the client unescapes escaped.
QString quotedOption(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

/// The [client] options of `url` for --defaults-extra-file: the password never reaches argv.
/// (No connect timeout: mariadb-dump rejects the option, and the tools run only after Burrow
/// itself has reached the server.)
QByteArray clientOptions(const DatabaseUrl &url)
{
    // The clients' own packet limit (16 MB) is far below what a server may allow: a larger row
    // would not dump ("Lost connection … when dumping table") nor load; the server's limit
    // still holds. One character set whatever the user's option files say, in which a binary
    // string passes unchanged (no byte of a UTF-8 sequence is a quote or a backslash).
    QStringList lines{QStringLiteral("[client]"), QStringLiteral("max-allowed-packet=1G"),
                      QStringLiteral("default-character-set=utf8mb4")};
    const QString socket = url.parameters.value(QStringLiteral("unix_socket"));
    if (!socket.isEmpty())
        lines << u"socket=" + quotedOption(socket);
    if (!url.host.isEmpty())
        lines << u"host=" + quotedOption(url.host);
    if (url.port > 0)
        lines << u"port=" + QString::number(url.port);
    if (!url.user.isEmpty())
        lines << u"user=" + quotedOption(url.user);
    if (!url.password.isEmpty())
        lines << u"password=" + quotedOption(url.password);
    for (const auto &[name, value] : tlsClientOptions(url))
        lines << (value.isEmpty() ? name : name + u'=' + quotedOption(value));
    return (lines.join(u'\n') + u'\n').toUtf8();
}

/// Runs a client tool with the URL's options file first (the tools demand it first).
Result<QByteArray> runClient(const DatabaseUrl &url, ToolRun run, const QString &what)
{
    Result<std::unique_ptr<PasswordFile>> options = PasswordFile::create(clientOptions(url));
    if (!options)
        return options.error();
    run.arguments.prepend(u"--defaults-extra-file=" + (*options)->path());
    return runTool(run, what);
}

/// Whether mariadb-dump can keep the rows' history (--dump-history): not when a table keeps it
/// by transaction ids (BIGINT UNSIGNED row start), which it refuses to dump so.
Result<bool> historyDumpable(const DatabaseUrl &url)
{
    Result<std::unique_ptr<ScopedConnection>> connection = openServer(url, url.database);
    if (!connection)
        return connection.error();
    Result<QSqlQuery> found = runBound(
        (*connection)->database(),
        QStringLiteral("SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND "
                       "GENERATION_EXPRESSION = 'ROW START' AND DATA_TYPE = 'bigint' LIMIT 1"),
        {url.database});
    if (!found)
        return found.error();
    return !found->next();
}

/// Where the server dropped the connection while a dump loaded, the likely cause and its cure:
/// a statement larger than the server's max_allowed_packet (a row the application stored in
/// pieces, or the limit lowered since the backup). Empty for any other error.
QString packetHint(const DatabaseUrl &url, const Error &error)
{
    if (!error.message.contains(u"Server has gone away") &&
        !error.message.contains(u"max_allowed_packet"))
        return {};
    QString limit;
    if (Result<std::unique_ptr<ScopedConnection>> db = openServer(url, url.database)) {
        Result<QSqlQuery> read =
            runQuery((*db)->database(), QStringLiteral("SELECT @@GLOBAL.max_allowed_packet"));
        if (read && read->next())
            limit = u" (" + QString::number(read->value(0).toLongLong() >> 20) + u" MB)";
    }
    return u"a statement of the dump may be larger than the server's max_allowed_packet" + limit +
           u": an administrator can raise it (SET GLOBAL max_allowed_packet = 1073741824), "
           u"then try again";
}

/// What to do where mariadb-dump stopped at a view that no longer reads (error 1356): a table,
/// column or function it names is gone, or its definer lost rights to it. Empty otherwise.
QString brokenViewHint(const Error &error)
{
    static const QRegularExpression view(QStringLiteral("View ('[^']*') references invalid"));
    const QRegularExpressionMatch found = view.match(error.message);
    if (!found.hasMatch())
        return {};
    return u"the view " + found.captured(1) +
           u" cannot be read, so it cannot be dumped: recreate it as it should read (CREATE OR "
           u"REPLACE VIEW) or drop it, then back up again";
}

} // namespace

// With the history of system-versioned tables where it can be dumped: a restore would otherwise
// lose every row's past versions. Without LOCK TABLES around each table's rows: a table whose
// default draws from a sequence cannot take them while the sequence is not locked too ("Table
// 's' was not locked with LOCK TABLES"), so such a dump would not load; they only speed up
// loading MyISAM tables. Binary strings as they are (escaped), not --hex-blob's hexadecimal:
// that doubles a blob's size, and a blob of more than half the server's max_allowed_packet,
// which the application could store, then did not load again.
Status dumpDatabase(const DatabaseUrl &url, const QString &file, DumpEvents events)
{
    Result<bool> withHistory = historyDumpable(url);
    if (!withHistory)
        return withHistory.error();
    ToolRun run{QStringLiteral("mariadb-dump"),
                {QStringLiteral("--single-transaction"), QStringLiteral("--skip-add-locks"),
                 QStringLiteral("--routines"), QStringLiteral("--triggers"),
                 events == DumpEvents::Included ? QStringLiteral("--events")
                                                : QStringLiteral("--skip-events"),
                 u"--result-file=" + file, url.database}};
    if (*withHistory)
        run.arguments.prepend(QStringLiteral("--dump-history"));
    Result<QByteArray> dumped = runClient(url, run, QStringLiteral("the backup (mariadb-dump)"));
    if (!dumped) {
        QFile::remove(file);
        Error error = dumped.error();
        error.hint = brokenViewHint(error);
        return error;
    }
    return Ok{};
}

Status checkDump(const QString &file)
{
    QFile dump(file);
    if (!dump.open(QIODevice::ReadOnly))
        return Error{Error::Code::Unreadable, u"cannot read the backup: " + dump.errorString(),
                     file};
    const qint64 tail = std::min<qint64>(dump.size(), 512);
    if (!dump.seek(dump.size() - tail) || !dump.read(tail).contains("-- Dump completed"))
        return Error{Error::Code::Corrupt,
                     QStringLiteral("the backup is not a complete mariadb-dump file (its closing "
                                    "line is missing)"),
                     file};
    return Ok{};
}

Status copyWithoutEvents(const QString &from, const QString &to)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return Error{Error::Code::Unreadable, u"cannot read the backup: " + in.errorString(), from};
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly))
        return Error{Error::Code::Unreadable,
                     u"cannot write a copy of the backup: " + out.errorString(), to};
    // The section's header, then either its events (a time zone saved, each event, the time
    // zone put back; an event's body may hold "-- " lines) or, with none, the next section.
    enum class Section { Outside, Header, Events } section = Section::Outside;
    while (!in.atEnd()) {
        const QByteArray line = in.readLine();
        if (section == Section::Outside && line.startsWith("-- Dumping events for database ")) {
            section = Section::Header;
            continue;
        }
        if (section == Section::Header) {
            if (line.startsWith("/*!50106 SET @save_time_zone"))
                section = Section::Events;
            else if (line.startsWith("-- ") || line.startsWith("/*!40"))
                section = Section::Outside;
        }
        if (section == Section::Events &&
            line.startsWith("/*!50106 SET TIME_ZONE= @save_time_zone"))
            section = Section::Header; // what follows: blank lines, then the next section
        else if (section != Section::Outside)
            continue;
        if (section == Section::Outside && out.write(line) != line.size())
            return Error{Error::Code::Unreadable,
                         u"cannot write a copy of the backup: " + out.errorString(), to};
    }
    if (section == Section::Events)
        return Error{Error::Code::Corrupt,
                     QStringLiteral("the backup's events section does not end"), from};
    if (!out.flush())
        return Error{Error::Code::Unreadable,
                     u"cannot write a copy of the backup: " + out.errorString(), to};
    return Ok{};
}

Status loadDump(const DatabaseUrl &url, const QString &file)
{
    // The dump's DROP TABLEs wait for other sessions' locks: bounded like the apply's.
    const QString seconds = QString::number(lockTimeoutSeconds(url));
    // --comments: by default the client strips comments out of what it sends, routines'
    // bodies included; and one inside a trigger or event, which the dump wraps in a version
    // comment (/*!50003 … */), it mangles so that the statement fails to load.
    ToolRun run{QStringLiteral("mariadb"),
                {QStringLiteral("--comments"),
                 u"--init-command=SET SESSION lock_wait_timeout = " + seconds +
                     u", SESSION innodb_lock_wait_timeout = " + seconds,
                 url.database}};
    run.standardInputFile = file;
    Result<QByteArray> loaded = runClient(url, run, QStringLiteral("loading the dump (mariadb)"));
    if (loaded)
        return Ok{};
    Error error = loaded.error();
    error.hint = packetHint(url, error);
    return error;
}

} // namespace burrow::dialect::mysql
