#include "numbertask.h"

#include "changerecorder.h"
#include "engineerrors.h"
#include "journal.h"
#include "journaltypes.h"
#include "voicesettings.h"

NumberTask::NumberTask(const EngineContext &context, ChangeRecorder *recorder,
                       const QString &numberSid, qint64 numberStep, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_recorder(recorder)
    , m_sid(numberSid)
    , m_numberStep(numberStep)
{
    m_number.sid = numberSid;
    m_age.start();
}

NumberInfo NumberTask::infoOf(const IncomingPhoneNumber &number, NumberState state,
                              const OperationError &error)
{
    NumberInfo info;
    info.sid = number.sid;
    info.phoneNumber = number.phoneNumber;
    info.friendlyName = number.friendlyName;
    info.voiceUrl = number.voiceUrl.value_or(QString());
    info.voiceMethod = number.voiceMethod.value_or(QString());
    info.trunkSid = number.trunkSid.value_or(QString());
    info.state = state;
    info.lastError = error;
    return info;
}

NumberState NumberTask::onTrunkState() const
{
    const std::optional<NumberBackup> backup =
        m_context.journal->backup(m_context.accountSid, m_sid);
    const bool changed =
        backup && !VoiceSettings::restoreUpdate(backup->priorSettings, m_number).isEmpty();
    return changed ? NumberState::UrlSet : NumberState::OnTrunk;
}

void NumberTask::closeStep(NumberOutcome outcome, const OperationError &error)
{
    if (m_numberStep == 0)
        return;
    StepResult result;
    // A migrate job never ends Reverted and a revert job never ends (Already)Migrated, so one
    // rule serves both.
    result.ok = outcome == NumberOutcome::Migrated || outcome == NumberOutcome::AlreadyMigrated ||
                outcome == NumberOutcome::Reverted;
    result.httpStatus = error.httpStatus;
    result.twilioCode = error.twilioCode;
    result.requestId = error.requestId;
    result.errorMessage =
        outcome == NumberOutcome::Cancelled ? QStringLiteral("cancelled") : error.message;
    m_recorder->closeStep(m_numberStep, result);
}

OperationError NumberTask::journalFailure() const
{
    return EngineErrors::local(tr("The journal could not be written, so the next change was not "
                                  "made: %1")
                                   .arg(m_recorder->errorString()));
}

void NumberTask::reconcileInterrupted(
    const QString &trunkSid, const std::function<std::optional<bool>(const QString &)> &applied)
{
    const auto last = m_context.journal->lastStep(m_sid);
    if (!last || last->runId != m_recorder->runId() || last->state != StepState::Failed ||
        !last->result.errorMessage.startsWith(QLatin1String("interrupted")))
        return;
    const std::optional<bool> verdict = applied(last->action);
    if (!verdict)
        return;
    m_recorder->note(
        Change{m_sid, m_number.phoneNumber, trunkSid, last->action, QString(), last->detail, {}},
        *verdict ? QStringLiteral("found applied after restart")
                 : QStringLiteral("found not applied after restart"));
}

OperationError NumberTask::stopError(const OperationError &cancelled) const
{
    if (m_stopRequested)
        return cancelled;
    return EngineErrors::local(
        tr("Stopped at a safe point after %n minute(s), its deadline: Twilio answered too "
           "slowly. Retry it.",
           nullptr, qMax(1, m_context.numberDeadlineMs / 60000)));
}
