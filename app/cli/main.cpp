// burrow-cli: Burrow's headless front end. Wiring only; the work happens in core.
#include "apply_command.h"
#include "backup_commands.h"
#include "cli_common.h"
#include "diff_command.h"
#include "history_commands.h"
#include "plan_command.h"

#include <QCoreApplication>

using namespace burrow::cli;

namespace {

const char kUsage[] = "usage: burrow-cli COMMAND [options]\n"
                      "\n"
                      "commands:\n"
                      "  diff    differences between a database and its model definitions\n"
                      "  plan    write the migration that brings the database to the model\n"
                      "  apply   back up, apply pending migrations, record them\n"
                      "  status  which migrations are applied, pending, modified or missing\n"
                      "  sql     the statements a migration will run\n"
                      "  baseline  record migrations as applied without running them\n"
                      "  resolve   settle a migration that stopped part-way\n"
                      "  backup, restore  stand-alone backup and restore\n"
                      "\n"
                      "burrow-cli COMMAND --help shows a command's options.\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burrow-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURROW_VERSION));
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.value(0);
    if (command == u"diff")
        return runDiff(arguments);
    if (command == u"plan")
        return runPlan(arguments);
    if (command == u"apply")
        return runApply(arguments);
    if (command == u"status")
        return runStatus(arguments);
    if (command == u"sql")
        return runSql(arguments);
    if (command == u"baseline")
        return runBaseline(arguments);
    if (command == u"resolve")
        return runResolve(arguments);
    if (command == u"backup")
        return runBackup(arguments);
    if (command == u"restore")
        return runRestore(arguments);
    if (command == u"--version") {
        out() << "burrow-cli " << BURROW_VERSION << Qt::endl;
        return Success;
    }
    if (command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help") {
        (command.isEmpty() ? err() : out()) << kUsage;
        return command.isEmpty() ? UsageOrError : Success;
    }
    return fail(u"unknown command '" + command + u'\'', QStringLiteral("run burrow-cli --help"));
}
