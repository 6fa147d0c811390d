#pragma once

#include "clioptions.h"
#include "migrationbackend.h"

#include <QObject>
#include <QPointer>

class CliCommand;
class CliOutput;

// One invocation of the CLI: connect, refuse to change anything while the journal holds an
// interrupted run, run the command, report its exit code. Owns the reaction to SIGINT/SIGTERM.
class CliSession : public QObject
{
    Q_OBJECT
public:
    CliSession(MigrationBackend *backend, CliOutput *output, const CliOptions &options,
               QObject *parent = nullptr);

    // Where confirmations are read from (stdin in production, a pipe in tests).
    void setConfirmationInput(int fd) { m_inputFd = fd; }
    void start(const ConnectionSettings &settings);
    // A SIGINT/SIGTERM: the first cancels (a run finishes its in-flight calls), the second
    // exits at once, trusting the journal.
    void handleSignal(int signalNumber);

    // Commands that need a confirmation; without a terminal they need --yes.
    static bool needsConfirmation(const CliOptions &options);

signals:
    void finished(int exitCode);

private:
    void onConnected();
    CliCommand *createCommand();
    void finish(int exitCode);

    MigrationBackend *m_backend;
    CliOutput *m_out;
    CliOptions m_options;
    QPointer<CliCommand> m_command;
    int m_inputFd = 0;
    int m_signals = 0;
    bool m_finished = false;
};
