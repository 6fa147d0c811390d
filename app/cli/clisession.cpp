#include "clisession.h"

#include "clilogging.h"
#include "clioutput.h"
#include "exitcode.h"
#include "inventorycommands.h"
#include "maintenancecommands.h"
#include "migrationcommands.h"
#include "recoverycommands.h"
#include "setupcommands.h"
#include "verifycommand.h"

namespace {

bool isOneOf(const QString &command, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (command == QLatin1String(name))
            return true;
    }
    return false;
}

} // namespace

CliSession::CliSession(MigrationBackend *backend, CliOutput *output, const CliOptions &options,
                       QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_out(output)
    , m_options(options)
{}

bool CliSession::needsConfirmation(const CliOptions &options)
{
    return !options.yes && isOneOf(options.command, {"migrate", "rollback", "delete-trunk"});
}

void CliSession::start(const ConnectionSettings &settings)
{
    qCDebug(lcCli) << "connecting; command" << m_options.command;
    ConnectJob *job = m_backend->connectAccount(settings);
    connect(job, &BackendJob::progress, this, [this](const QString &stage, int done, int total) {
        m_out->progress(stage, done, total);
    });
    job->onFinished(this, [this](const AccountInfo &) { onConnected(); });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        if (m_finished)
            return;
        m_out->error(tr("Could not connect: %1").arg(error.message));
        finish(toInt(ExitCode::Connection));
    });
}

void CliSession::onConnected()
{
    if (m_finished) // a signal came while connecting
        return;
    // A half-finished run owns its numbers: changing them now would confuse resume/rollback.
    const InterruptedRun run = m_backend->interruptedRun();
    if (!run.isNull() && run.runningElsewhere.isEmpty() &&
        isOneOf(m_options.command, {"migrate", "revert", "delete-trunk"})) {
        m_out->error(tr("Run %1 on trunk %2 was interrupted: run `resume` or `rollback` first.")
                         .arg(run.runId)
                         .arg(run.trunkSid));
        finish(toInt(ExitCode::Interrupted));
        return;
    }
    m_command = createCommand();
    m_command->setConfirmationInput(m_inputFd);
    connect(m_command, &CliCommand::finished, this, &CliSession::finish);
    m_command->start();
}

CliCommand *CliSession::createCommand()
{
    const QString &c = m_options.command;
    if (isOneOf(c, {"trunks", "numbers", "calls", "cutover-sheet"}))
        return new InventoryCommands(m_backend, m_out, m_options, this);
    if (isOneOf(c, {"setup-inbound", "setup-outbound", "equivalence"}))
        return new SetupCommands(m_backend, m_out, m_options, this);
    if (isOneOf(c, {"plan", "migrate", "revert"}))
        return new MigrationCommands(m_backend, m_out, m_options, this);
    if (c == QLatin1String("verify"))
        return new VerifyCommand(m_backend, m_out, m_options, this);
    if (isOneOf(c, {"status", "resume", "rollback"}))
        return new RecoveryCommands(m_backend, m_out, m_options, this);
    return new MaintenanceCommands(m_backend, m_out, m_options, this);
}

void CliSession::handleSignal(int signalNumber)
{
    if (m_finished)
        return;
    ++m_signals;
    qCInfo(lcCli) << "signal" << signalNumber << "count" << m_signals;
    if (m_signals == 1 && m_command && m_command->interrupt())
        return; // the run's job finishes once its in-flight calls are recorded
    if (m_signals > 1)
        m_out->note(tr("Stopped without waiting; `trunk-migrator-cli status` shows what the "
                       "journal recorded."));
    finish(toInt(ExitCode::Cancelled));
    if (m_signals == 1 && !m_command)
        m_backend->cancel(); // still connecting: drop that job too
}

void CliSession::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(exitCode);
}
