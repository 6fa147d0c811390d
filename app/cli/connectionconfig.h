#pragma once

#include "clioptions.h"
#include "migrationtypes.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

// Turns the global options and the TWILIO_* environment into ConnectionSettings. Secrets are
// only read from the environment, so they never appear in `ps` output or shell history, and
// no message built here ever contains one.
class ConnectionConfig
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionConfig)
public:
    // Empty string on success; otherwise a sentence naming the variable that is wrong.
    static QString build(const CliOptions &options, const QProcessEnvironment &environment,
                         ConnectionSettings *settings);
    // The journal path: --state, else journal.sqlite in the user's data folder.
    static QString journalPath(const CliOptions &options);
    // The OS user, recorded as the operator in the audit log.
    static QString operatorName();
};
