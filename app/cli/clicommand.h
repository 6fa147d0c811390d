#pragma once

#include "clioptions.h"
#include "exitcode.h"
#include "migrationbackend.h"
#include "runreport.h"

#include <QObject>

#include <functional>

class CliOutput;

// Base of the command groups. A command starts once the account is connected, talks to the
// engine only through MigrationBackend and the jobs its calls return, and ends by emitting
// finished() exactly once. Helpers here cover what several groups share: following a job
// (progress and failure), resolving numbers on a trunk, asking for confirmation, and following
// a run (migrate, revert, resume, rollback) to its summary.
class CliCommand : public QObject
{
    Q_OBJECT
public:
    CliCommand(MigrationBackend *backend, CliOutput *output, const CliOptions &options,
               QObject *parent = nullptr);

    virtual void start() = 0;
    // SIGINT/SIGTERM arrived. Returns true when the command winds down by itself (a run that
    // lets its in-flight calls finish); false when the caller should exit now.
    virtual bool interrupt();
    // Where a confirmation is read from; without a terminal, --yes is required up front.
    void setConfirmationInput(int fd) { m_inputFd = fd; }
    bool isFinished() const { return m_finished; }

    static ExitCode exitCodeFor(MigrationBackend::Operation operation, const OperationError &error);

signals:
    void finished(int exitCode);

protected:
    void finish(ExitCode code);
    void fail(ExitCode code, const QString &message);
    // Default: print the error and finish with exitCodeFor().
    virtual void onFailed(MigrationBackend::Operation operation, const OperationError &error);

    // Shows the job's progress on stderr and hands its failure to onFailed(). Every job a
    // command starts goes through here (or through followRun()); its result is the caller's.
    void follow(BackendJob *job);
    // Loads the trunk's numbers, then calls next with them.
    void withNumbers(const QString &trunkSid,
                     std::function<void(const QVector<NumberInfo> &)> next);
    // --yes, or a y/N question on the terminal; "no" ends the command with nothing changed.
    void confirm(const QString &question, std::function<void()> onYes);
    // Follows the run's numbers and summary, prints the report, finishes with 0, 1 or 130.
    void followRun(RunJob *job);

    MigrationBackend *m_backend;
    CliOutput *m_out;
    CliOptions m_options;

private:
    void onRunFinished(const RunSummary &summary);

    bool m_finished = false;
    bool m_inRun = false;
    bool m_interrupted = false;
    int m_inputFd = 0;
    RunReport m_report;
};
