#pragma once

// The process exit codes of trunk-migrator-cli (docs/CLI.md lists them for script authors).
// Numbers are part of the CLI's contract: never renumber, only add.
enum class ExitCode : int {
    Ok = 0,
    SomeFailed = 1,  // the run finished but some numbers failed (their old settings are intact)
    Usage = 2,       // bad command line or input; nothing was changed
    Connection = 3,  // credentials missing or rejected, or Twilio / the sandbox unreachable
    Api = 4,         // an operation failed after connecting (Twilio error, network, engine)
    Interrupted = 5, // the journal holds an interrupted run: `resume` or `rollback` it first
    Differs = 6,     // verify: a route differs from the trunk's (the report names each point)
    Cancelled = 130, // stopped by SIGINT / SIGTERM (128 + SIGINT, the shell convention)
};

inline int toInt(ExitCode code)
{
    return static_cast<int>(code);
}
