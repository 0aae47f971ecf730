#pragma once

#include "result.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace burrow::cli {

/// Exit codes of the CLI contract.
enum ExitCode { Success = 0, Differences = 1, Failed = 1, UsageOrError = 2 };

QTextStream &out();
QTextStream &err();

/// Prints one clear line to stderr and returns the error exit code.
int fail(const Error &error);
int fail(const QString &message, const QString &hint = {});
/// "unexpected argument …" for a stray positional argument, never showing a URL's password.
int unexpectedArgument(const QString &argument, const QString &hint);

/// --workspace DIR, shared by every command.
QCommandLineOption workspaceOption();

/// Parses a subcommand's arguments; on a usage error or --help prints and returns false with
/// `exitCode` set.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int &exitCode);

} // namespace burrow::cli
