#include "runrecovery.h"

#include "journal.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

namespace {
bool isRemoval(const QString &action)
{
    return action == QLatin1String("remove_from_trunk") ||
           action == QLatin1String("clear_trunk_sid");
}
} // namespace

RunRecovery::RunRecovery(Journal &journal, const QString &accountSid)
    : m_journal(journal)
    , m_accountSid(accountSid)
{}

bool RunRecovery::isNumberStep(const JournalStep &step)
{
    return step.action.endsWith(QLatin1String("_number"));
}

bool RunRecovery::fail(const QString &message)
{
    m_error = message;
    return false;
}

InterruptedRun RunRecovery::describe(const JournalRun &run)
{
    InterruptedRun out;
    out.runId = run.id;
    out.accountSid = run.accountSid;
    out.trunkSid = run.trunkSid;
    out.started = run.startedAt;
    return out;
}

InterruptedRun RunRecovery::find(qint64 ignoreRunId) const
{
    const auto run = m_journal.unfinishedRun(m_accountSid);
    if (!run || run->id == ignoreRunId)
        return {};
    InterruptedRun out = describe(*run);
    QSet<QString> inFlight;
    int openNumbers = 0;
    const QList<JournalStep> open = m_journal.openIntents(run->id);
    for (const JournalStep &step : open) {
        if (isNumberStep(step))
            ++openNumbers;
        else if (!step.numberSid.isEmpty())
            inFlight.insert(step.numberSid);
    }
    out.inFlight = inFlight.size();
    out.pending = qMax(0, openNumbers - out.inFlight);
    const QList<JournalStep> last = m_journal.lastStepsOfRun(run->id);
    for (const JournalStep &step : last) {
        const bool done = step.state == StepState::Done;
        if (done && (isRemoval(step.action) || step.action == QLatin1String("migrate_number")))
            ++out.migrated;
    }
    return out;
}

InterruptedRun RunRecovery::findStopped() const
{
    const auto run = m_journal.newestRun(m_accountSid);
    if (!run || run->status != QLatin1String("cancelled") ||
        (run->kind != QLatin1String("migrate") && run->kind != QLatin1String("revert")))
        return {};
    const int left = int(m_journal.cancelledNumberSteps(run->id).size());
    if (left == 0)
        return {};
    InterruptedRun out = describe(*run);
    out.pending = left;
    out.stopped = true;
    return out;
}

InterruptedRun RunRecovery::findAnyAccount(Journal &journal, qint64 ignoreRunId)
{
    // The journal is asked per account; this only finds out which account to ask for.
    QSqlQuery q(journal.store().database());
    q.prepare(QStringLiteral("SELECT account_sid FROM runs WHERE status = 'running'"
                             " ORDER BY id DESC LIMIT 1"));
    if (!journal.store().exec(q, tr("Looking for an unfinished run")) || !q.next())
        return {};
    return RunRecovery(journal, q.value(0).toString()).find(ignoreRunId);
}

bool RunRecovery::closeInterruptedCalls(qint64 runId, const QString &why)
{
    StepResult interrupted;
    interrupted.errorMessage = why;
    const QList<JournalStep> open = m_journal.openIntents(runId);
    for (const JournalStep &step : open) {
        if (isNumberStep(step))
            continue;
        if (!m_journal.recordResult(step.id, interrupted))
            return fail(m_journal.errorString());
    }
    return true;
}

QString RunRecovery::refusal(const InterruptedRun &found, const QString &connectedAccount,
                             bool resume)
{
    if (found.isNull())
        return resume ? tr("There is no interrupted run to resume.")
                      : tr("There is no interrupted run to roll back.");
    if (!found.runningElsewhere.isEmpty())
        return tr("Run %1 is not interrupted: it is still running in %2. Wait for it to finish.")
            .arg(found.runId)
            .arg(found.runningElsewhere);
    // Only the run's own account can be changed, with its credentials.
    if (connectedAccount.isEmpty())
        return (resume ? tr("Connect to account %1 first to resume its interrupted run.")
                       : tr("Connect to account %1 first to roll back its interrupted run."))
            .arg(found.accountSid);
    return {};
}

bool RunRecovery::prepare(qint64 runId, bool resume, Restart *restart)
{
    return resume ? prepareResume(runId, restart) : prepareRollback(runId, restart);
}

bool RunRecovery::prepareResume(qint64 runId, Restart *restart)
{
    auto run = m_journal.run(runId);
    // A run the user stopped is continued like an interrupted one.
    if (run && run->status == QLatin1String("cancelled") && m_journal.reopenRun(runId))
        run = m_journal.run(runId);
    if (!run || run->status != QLatin1String("running"))
        return fail(tr("There is no interrupted run %1 to resume.").arg(runId));
    if (!closeInterruptedCalls(runId, QStringLiteral("interrupted; live state re-checked")))
        return false;
    const bool isMigrate = run->kind == QLatin1String("migrate");
    restart->kind = isMigrate ? NumberRun::Kind::Migrate : NumberRun::Kind::Revert;
    restart->trunkSid = run->trunkSid;
    restart->runId = runId;
    const bool numberRun =
        isMigrate || run->kind == QLatin1String("revert") || run->kind == QLatin1String("rollback");
    if (!numberRun) {
        // A set-up step (steps 1-2) redoes itself idempotently when run again; resuming
        // closes it so it is not offered forever.
        if (!closeInterruptedCalls(runId, QStringLiteral("interrupted; run the step again")) ||
            !m_journal.finishRun(runId, QStringLiteral("cancelled")))
            return fail(m_journal.errorString());
        return true;
    }
    const QList<JournalStep> open = m_journal.openIntents(runId);
    for (const JournalStep &step : open) {
        if (!isNumberStep(step) || step.numberSid.isEmpty())
            continue;
        restart->numbers.append(step.numberSid);
        restart->openSteps.insert(step.numberSid, step.id);
        if (isMigrate && restart->voiceUrl.isEmpty())
            restart->voiceUrl = step.detail;
    }
    // Numbers a first SIGINT stopped (at a safe point, or before they started) while a second
    // one then ended the process: the run never closed, so they are its business too. Each
    // gets a new number step in the same run, so resume finishes and reports every number.
    const QList<JournalStep> stopped = m_journal.cancelledNumberSteps(runId);
    for (const JournalStep &step : stopped) {
        if (step.numberSid.isEmpty() || restart->openSteps.contains(step.numberSid))
            continue;
        const qint64 reopened =
            m_journal.recordIntent(runId, step.numberSid, step.action, step.detail);
        if (reopened == 0)
            return fail(m_journal.errorString());
        restart->numbers.append(step.numberSid);
        restart->openSteps.insert(step.numberSid, reopened);
        if (isMigrate && restart->voiceUrl.isEmpty())
            restart->voiceUrl = step.detail;
    }
    if (isMigrate && !restart->numbers.isEmpty() && restart->voiceUrl.isEmpty())
        return fail(tr("The journal does not say which voice URL run %1 was setting.").arg(runId));
    return true;
}

bool RunRecovery::prepareRollback(qint64 runId, Restart *restart)
{
    const auto run = m_journal.run(runId);
    if (!run || run->status != QLatin1String("running"))
        return fail(tr("There is no interrupted run %1 to roll back.").arg(runId));
    restart->kind = NumberRun::Kind::Rollback;
    restart->trunkSid = run->trunkSid;
    const bool wasMigrate = run->kind == QLatin1String("migrate");
    // A number's newest step is an API call exactly when the run changed (or may have
    // changed) it: its number step is always written first. That includes a restore after a
    // failed removal, whether or not the restore went through.
    // An interrupted revert (or rollback) is rolled back by finishing it: only its numbers not
    // yet reverted. One it did revert has no snapshot any more; reverting it again would report
    // a false failure ("no saved settings").
    if (!wasMigrate) {
        QSet<QString> unfinished;
        for (const JournalStep &step : m_journal.openIntents(runId))
            if (isNumberStep(step) && !step.numberSid.isEmpty())
                unfinished.insert(step.numberSid);
        for (const JournalStep &step : m_journal.cancelledNumberSteps(runId))
            unfinished.insert(step.numberSid);
        for (const JournalStep &step : m_journal.lastStepsOfRun(runId))
            if (unfinished.contains(step.numberSid))
                restart->numbers.append(step.numberSid);
    }
    const QList<JournalStep> last = m_journal.lastStepsOfRun(runId);
    for (const JournalStep &step : last) {
        if (wasMigrate && !isNumberStep(step))
            restart->numbers.append(step.numberSid);
    }
    StepResult rolledBack;
    rolledBack.errorMessage = QStringLiteral("interrupted; rolled back");
    const QList<JournalStep> open = m_journal.openIntents(runId);
    for (const JournalStep &step : open)
        if (!m_journal.recordResult(step.id, rolledBack))
            return fail(m_journal.errorString());
    if (!m_journal.finishRun(runId, QStringLiteral("cancelled")))
        return fail(m_journal.errorString());
    return true;
}
