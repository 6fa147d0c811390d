#include "recoverycommands.h"

#include "cliformat.h"
#include "clioutput.h"

void RecoveryCommands::start()
{
    InterruptedRun run = m_backend->interruptedRun();
    if (run.isNull() && m_options.command == QLatin1String("resume"))
        run = m_backend->stoppedRun(); // stopped by SIGINT: resume finishes it
    if (m_options.command == QLatin1String("status")) {
        printStatus(run);
        finish(run.isNull() ? ExitCode::Ok : ExitCode::Interrupted);
        return;
    }
    if (run.isNull()) {
        m_out->note(tr("No interrupted run in the journal; nothing to do."));
        if (m_out->isJson())
            m_out->resultJson(CliFormat::toJson(run));
        finish(ExitCode::Ok);
        return;
    }
    if (m_options.command == QLatin1String("resume")) {
        followRun(m_backend->resume());
        return;
    }
    // With --json the run's summary is the one document printed; the status goes before the
    // question only on a terminal-style report.
    if (!m_out->isJson())
        printStatus(run);
    confirm(tr("Put the numbers of run %1 back on trunk %2?").arg(run.runId).arg(run.trunkSid),
            [this] { followRun(m_backend->rollback()); });
}

void RecoveryCommands::printStatus(const InterruptedRun &run)
{
    if (m_out->isJson()) {
        m_out->resultJson(CliFormat::toJson(run));
        return;
    }
    if (run.isNull()) {
        m_out->result(tr("No interrupted run.\n"));
        return;
    }
    if (!run.runningElsewhere.isEmpty()) {
        m_out->result(tr("Run %1 on trunk %2 (account %3) is running in %4; it is not "
                         "interrupted.\n")
                          .arg(run.runId)
                          .arg(run.trunkSid, run.accountSid, run.runningElsewhere));
        return;
    }
    m_out->result(tr("Interrupted run %1 on trunk %2 (account %3), started %4 UTC:\n"
                     "  %5 migrated, %6 in flight, %7 pending.\n"
                     "Run `trunk-migrator-cli resume` to finish it or `trunk-migrator-cli "
                     "rollback` to undo it.\n")
                      .arg(run.runId)
                      .arg(run.trunkSid, run.accountSid,
                           run.started.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                      .arg(run.migrated)
                      .arg(run.inFlight)
                      .arg(run.pending));
}
