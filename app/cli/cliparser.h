#pragma once

#include "clioptions.h"

#include <QCoreApplication>
#include <QStringList>

// The outcome of reading a command line: a checked CliOptions to run, a help text to print, or a
// one-line error (exit code 2; nothing has been sent anywhere yet).
struct CliParseResult
{
    enum class Kind { Run, Help, Error };
    Kind kind = Kind::Error;
    CliOptions options;
    QString text; // the help text or the error
};

// Reads `trunk-migrator-cli [global options] COMMAND [options] [args]`. Two passes: the first,
// knowing every option of every command, finds the command word; the second accepts only that
// command's options, so a misplaced option is an error rather than silently ignored. Then each
// value is checked (SIDs, E.164, URLs) before anything connects.
class CliParser
{
    Q_DECLARE_TR_FUNCTIONS(CliParser)
public:
    // arguments includes the program name first, as QCoreApplication::arguments() does.
    static CliParseResult parse(const QStringList &arguments);
};
