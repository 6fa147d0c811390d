#include "numbermigrationtask.h"

#include "engineerrors.h"
#include "enginelogging.h"
#include "journal.h"
#include "migrationdecision.h"
#include "trunkingapi.h"
#include "twilioclient.h"
#include "voiceapi.h"
#include "voicesettings.h"

namespace {
const QString Post = QStringLiteral("POST");

QString urlAndMethod(const IncomingPhoneNumber &n)
{
    return VoiceSettings::describe(VoiceSettings::snapshotOf(n),
                                   {QStringLiteral("voice_url"), QStringLiteral("voice_method")});
}
} // namespace

NumberMigrationTask::NumberMigrationTask(const EngineContext &context, ChangeRecorder *recorder,
                                         const QString &numberSid, qint64 numberStep,
                                         const QString &trunkSid, const QString &voiceUrl,
                                         QObject *parent)
    : NumberTask(parent)
    , m_context(context)
    , m_recorder(recorder)
    , m_sid(numberSid)
    , m_numberStep(numberStep)
    , m_trunkSid(trunkSid)
    , m_voiceUrl(voiceUrl)
{
    m_number.sid = numberSid;
}

void NumberMigrationTask::start()
{
    m_context.client->voice().fetchIncomingPhoneNumber(
        m_sid, this, [this](const TwilioResult<IncomingPhoneNumber> &r) { onFetched(r); });
}

Change NumberMigrationTask::change(const QString &action, const QString &before,
                                   const QString &after) const
{
    return Change{m_sid, m_number.phoneNumber, m_trunkSid, action, before, after};
}

void NumberMigrationTask::onFetched(const TwilioResult<IncomingPhoneNumber> &result)
{
    if (!result.ok())
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::withContext(EngineErrors::fromTwilio(result.error),
                                             tr("Reading the number failed; nothing was changed")));
    m_number = result.value;
    const MigrationDecision decision = MigrationDecision::decide(m_number, m_trunkSid, m_voiceUrl);
    switch (decision.verdict) {
    case MigrationDecision::Verdict::AlreadyMigrated:
        return end(NumberOutcome::AlreadyMigrated, NumberState::Migrated);
    case MigrationDecision::Verdict::OnAnotherTrunk:
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::local(decision.refusal(m_number)));
    case MigrationDecision::Verdict::NotOnTrunk:
        return end(NumberOutcome::Failed, NumberState::NotOnTrunk,
                   EngineErrors::local(decision.refusal(m_number)));
    case MigrationDecision::Verdict::Migrate:
        break;
    }
    if (stopRequested())
        return end(NumberOutcome::Cancelled, NumberState::OnTrunk);

    // The snapshot must be durable before the first change; INSERT OR IGNORE keeps the
    // original settings when an earlier run already saved them.
    NumberSnapshot snapshot;
    snapshot.numberSid = m_sid;
    snapshot.phoneNumber = m_number.phoneNumber;
    snapshot.priorSettings = VoiceSettings::snapshotOf(m_number);
    snapshot.priorTrunkSid = m_number.trunkSid.value_or(QString());
    if (!m_recorder->saveSnapshot(snapshot))
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::local(tr("The settings of %1 could not be saved, so it was not "
                                          "changed: %2")
                                           .arg(m_number.phoneNumber, m_recorder->errorString())));
    emit changed(infoOf(m_number, NumberState::Migrating));
    if (decision.setVoiceUrl)
        setVoiceUrl();
    else
        removeFromTrunk();
}

void NumberMigrationTask::setVoiceUrl()
{
    const Change c = change(QStringLiteral("set_voice_url"), urlAndMethod(m_number),
                            QStringLiteral("voice_url=%1; voice_method=POST").arg(m_voiceUrl));
    m_recorder->begin(c, this, [this, c](qint64 step) {
        if (step == 0)
            return failJournal();
        IncomingPhoneNumberUpdate update;
        update.voiceUrl = m_voiceUrl;
        update.voiceMethod = Post;
        m_context.client->voice().updateIncomingPhoneNumber(
            m_sid, update, this, [this, step, c](const TwilioResult<IncomingPhoneNumber> &r) {
                m_recorder->finish(step, c, r.error, r.reply);
                if (!r.ok())
                    return end(NumberOutcome::Failed, NumberState::Failed,
                               EngineErrors::withContext(
                                   EngineErrors::fromTwilio(r.error),
                                   tr("The voice URL could not be set; the number stays on the "
                                      "trunk")));
                m_number = r.value;
                if (stopRequested())
                    return end(NumberOutcome::Cancelled, NumberState::OnTrunk);
                removeFromTrunk();
            });
    });
}

void NumberMigrationTask::removeFromTrunk()
{
    const Change c =
        change(QStringLiteral("remove_from_trunk"), QStringLiteral("trunk_sid=") + m_trunkSid,
               QStringLiteral("trunk_sid=null"));
    m_recorder->begin(c, this, [this, c](qint64 step) {
        if (step == 0)
            return failJournal();
        m_context.client->trunking().removeTrunkPhoneNumber(
            m_trunkSid, m_sid, this, [this, step, c](const TwilioResult<TwilioNoContent> &r) {
                if (!r.ok() && r.error.httpStatus == 404)
                    return recheckAfter404(step, c, r.error);
                m_recorder->finish(step, c, r.error, r.reply);
                if (!r.ok())
                    return end(NumberOutcome::Failed, NumberState::Failed,
                               EngineErrors::withContext(
                                   EngineErrors::fromTwilio(r.error),
                                   tr("The number has its new voice URL but is still on the trunk, "
                                      "so its calls still go to the trunk")));
                m_number.trunkSid.reset();
                end(NumberOutcome::Migrated, NumberState::Migrated);
            });
    });
}

void NumberMigrationTask::recheckAfter404(qint64 step, const Change &c, const TwilioError &error)
{
    m_context.client->voice().fetchIncomingPhoneNumber(
        m_sid, this, [this, step, c, error](const TwilioResult<IncomingPhoneNumber> &r) {
            if (r.ok() && r.value.trunkSid.value_or(QString()).isEmpty()) {
                // An earlier attempt (its answer lost with a dropped connection) removed it.
                m_recorder->finish(step, c, TwilioError{}, TwilioReplyInfo{});
                m_number = r.value;
                return end(NumberOutcome::Migrated, NumberState::Migrated);
            }
            m_recorder->finish(step, c, error, TwilioReplyInfo{});
            if (r.ok() && r.value.trunkSid == m_trunkSid && !stopRequested()) {
                qCInfo(lcEngine) << "trunk PhoneNumbers subresource answered 404 for" << m_sid
                                 << "still on" << m_trunkSid << "- clearing TrunkSid instead";
                return clearTrunkSid();
            }
            const TwilioError &why = r.ok() ? error : r.error;
            end(NumberOutcome::Failed, NumberState::Failed,
                EngineErrors::withContext(EngineErrors::fromTwilio(why),
                                          tr("The number has its new voice URL but may still be "
                                             "on the trunk")));
        });
}

void NumberMigrationTask::clearTrunkSid()
{
    const Change c =
        change(QStringLiteral("clear_trunk_sid"), QStringLiteral("trunk_sid=") + m_trunkSid,
               QStringLiteral("trunk_sid=null"));
    m_recorder->begin(c, this, [this, c](qint64 step) {
        if (step == 0)
            return failJournal();
        IncomingPhoneNumberUpdate update;
        update.trunkSid = QStringLiteral("");
        m_context.client->voice().updateIncomingPhoneNumber(
            m_sid, update, this, [this, step, c](const TwilioResult<IncomingPhoneNumber> &r) {
                m_recorder->finish(step, c, r.error, r.reply);
                if (!r.ok())
                    return end(NumberOutcome::Failed, NumberState::Failed,
                               EngineErrors::withContext(
                                   EngineErrors::fromTwilio(r.error),
                                   tr("The number has its new voice URL but is still on the trunk, "
                                      "so its calls still go to the trunk")));
                m_number = r.value;
                end(NumberOutcome::Migrated, NumberState::Migrated);
            });
    });
}

void NumberMigrationTask::failJournal()
{
    end(NumberOutcome::Failed, NumberState::Failed,
        EngineErrors::local(tr("The journal could not be written, so the next change was not "
                               "made: %1")
                                .arg(m_recorder->errorString())));
}

void NumberMigrationTask::end(NumberOutcome outcome, NumberState state, const OperationError &error)
{
    if (m_numberStep != 0) {
        StepResult result;
        result.ok = outcome == NumberOutcome::Migrated || outcome == NumberOutcome::AlreadyMigrated;
        result.httpStatus = error.httpStatus;
        result.twilioCode = error.twilioCode;
        result.requestId = error.requestId;
        result.errorMessage =
            outcome == NumberOutcome::Cancelled ? QStringLiteral("cancelled") : error.message;
        m_recorder->closeStep(m_numberStep, result);
    }
    if (!error.isNull())
        qCInfo(lcEngine) << "number" << m_sid << "not migrated:" << error.message;
    emit finished(outcome, infoOf(m_number, state, error));
}
