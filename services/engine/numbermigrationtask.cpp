#include "numbermigrationtask.h"

#include "callequivalence.h"
#include "callresult.h"

#include "engineerrors.h"
#include "enginelogging.h"
#include "journal.h"
#include "migrationdecision.h"
#include "numberreadback.h"
#include "trunkingapi.h"
#include "twilioclient.h"
#include "voiceapi.h"
#include "voicesettings.h"

namespace {
const QString Post = QStringLiteral("POST");
const QString SetVoiceUrl = QStringLiteral("set_voice_url");
const QString RemoveFromTrunk = QStringLiteral("remove_from_trunk");
const QString ClearTrunkSid = QStringLiteral("clear_trunk_sid");

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
    : NumberTask(context, recorder, numberSid, numberStep, parent)
    , m_trunkSid(trunkSid)
    , m_voiceUrl(voiceUrl)
{}

void NumberMigrationTask::start()
{
    m_context.client->voice().fetchIncomingPhoneNumber(
        m_sid, this, [this](const TwilioResult<IncomingPhoneNumber> &r) { onFetched(r); });
}

Change NumberMigrationTask::change(const QString &action, const QString &before,
                                   const QString &after) const
{
    return Change{m_sid, m_number.phoneNumber, m_trunkSid, action, before, after, {}};
}

NumberReadBack *NumberMigrationTask::readBack()
{
    // Made on the first ambiguity only: most numbers never need one.
    if (!m_readBack)
        m_readBack = new NumberReadBack(m_context, m_sid, this);
    return m_readBack;
}

void NumberMigrationTask::onFetched(const TwilioResult<IncomingPhoneNumber> &result)
{
    if (!result.ok())
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::withContext(EngineErrors::fromTwilio(result.error),
                                             tr("Reading the number failed; nothing was changed")));
    m_number = result.value;
    reconcileInterrupted(m_trunkSid, [this](const QString &action) -> std::optional<bool> {
        if (action == SetVoiceUrl)
            return MigrationDecision::carriesHandler(m_number, m_voiceUrl);
        if (action == RemoveFromTrunk || action == ClearTrunkSid)
            return m_number.trunkSid.value_or(QString()).isEmpty();
        return std::nullopt;
    });
    const MigrationDecision decision = MigrationDecision::decide(m_number, m_trunkSid, m_voiceUrl);
    switch (decision.verdict) {
    case MigrationDecision::Verdict::AlreadyMigrated:
        return end(NumberOutcome::AlreadyMigrated, NumberState::Migrated);
    case MigrationDecision::Verdict::OnAnotherTrunk:
        m_recorder->refused(change(QStringLiteral("migrate_number"), QString(), QString()),
                            decision.refusal(m_number));
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::local(decision.refusal(m_number)));
    case MigrationDecision::Verdict::NotOnTrunk:
        m_recorder->refused(change(QStringLiteral("migrate_number"), QString(), QString()),
                            decision.refusal(m_number));
        return end(NumberOutcome::Failed, NumberState::NotOnTrunk,
                   EngineErrors::local(decision.refusal(m_number)));
    case MigrationDecision::Verdict::Migrate:
        break;
    }
    // Read live, so it holds whatever step 2 saw: the handlers carry voice calls only.
    if (SavedCalls::leavesFax(m_number, m_calls)) {
        return refuse(tr("%1 receives faxes (voice_receive_mode=fax) and the handlers carry "
                         "voice calls only; it was left on the trunk. Acknowledge "
                         "\"fax-numbers\" to move it anyway.")
                          .arg(m_number.phoneNumber));
    }
    // Read live as well: emergency addresses move only to a domain that routes emergency calls.
    if (m_calls && !m_calls->isNull() && m_number.hasEmergencyAddress() &&
        !m_calls->emergencyOnDomain && !m_calls->accepted.contains(QStringLiteral("emergency"))) {
        return refuse(tr("%1 has a registered emergency address and the SIP domain does not "
                         "route emergency calls; it was left on the trunk. Run step 1 "
                         "again with emergency calling, or acknowledge \"emergency\".")
                          .arg(m_number.phoneNumber));
    }
    if (stopRequested())
        return stopAtSafePoint();
    if (!saveOriginal(decision))
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::local(tr("The settings of %1 could not be saved, so it was not "
                                          "changed: %2")
                                           .arg(m_number.phoneNumber, m_recorder->errorString())));
    emit changed(infoOf(m_number, NumberState::Migrating));
    // A number already carrying the handler (stopped at the safe point, perhaps under other
    // step-2 settings) still gets this run's fallback and settled URLs before it leaves.
    const IncomingPhoneNumberUpdate sent = extras();
    if (decision.setVoiceUrl || !sent.isEmpty())
        setVoiceUrl(sent);
    else
        removeFromTrunk(); // seen carrying the new URL in the read just made
}

bool NumberMigrationTask::saveOriginal(const MigrationDecision &decision)
{
    // The snapshot must be durable before the first change. The first one is the original and
    // is kept. A number that already carries the new URL without a snapshot here was changed
    // through another journal (or by hand): what it carries now is not its original, so
    // nothing is saved and a revert through this journal says so instead of "restoring" it.
    if (m_context.journal->backup(m_context.accountSid, m_sid))
        return true;
    if (!decision.setVoiceUrl) {
        qCInfo(lcEngine) << "number" << m_sid
                         << "already carries the new URL with no saved original in this journal";
        return true;
    }
    NumberBackup snapshot;
    snapshot.numberSid = m_sid;
    snapshot.phoneNumber = m_number.phoneNumber;
    snapshot.priorSettings = VoiceSettings::snapshotOf(m_number);
    snapshot.priorTrunkSid = m_number.trunkSid.value_or(QString());
    return m_recorder->saveBackup(snapshot);
}

void NumberMigrationTask::refuse(const QString &why)
{
    // Before any change: the number stays as it is, the audit says why.
    m_recorder->refused(change(QStringLiteral("migrate_number"), QString(), QString()), why);
    end(NumberOutcome::Failed, NumberState::Failed, EngineErrors::local(why));
}

IncomingPhoneNumberUpdate NumberMigrationTask::extras() const
{
    if (!m_calls)
        return {};
    // Only what a revert can put back: without a saved original (changed through another
    // journal) nothing, and a field an older version's backup lacks is left as it is.
    const std::optional<NumberBackup> backup =
        m_context.journal->backup(m_context.accountSid, m_sid);
    if (!backup)
        return {};
    IncomingPhoneNumberUpdate update = m_calls->numberUpdate(m_number);
    if (!backup->priorSettings.contains(QLatin1String("voice_caller_id_lookup")))
        update.voiceCallerIdLookup.reset();
    return update;
}

void NumberMigrationTask::setVoiceUrl(const IncomingPhoneNumberUpdate &sent)
{
    const QString after = QStringLiteral("voice_url=%1; voice_method=POST").arg(m_voiceUrl) +
                          CallEquivalence::describe(sent);
    const Change c = change(SetVoiceUrl, urlAndMethod(m_number), after);
    m_recorder->begin(c, this, [this, c, sent](qint64 step) {
        if (step == 0)
            return failJournal();
        IncomingPhoneNumberUpdate update = sent;
        update.voiceUrl = m_voiceUrl;
        update.voiceMethod = Post;
        m_context.client->voice().updateIncomingPhoneNumber(
            m_sid, update, this, [this, step, c](const TwilioResult<IncomingPhoneNumber> &r) {
                afterUpdate(step, c, r);
            });
    });
}

void NumberMigrationTask::afterUpdate(qint64 step, const Change &c,
                                      const TwilioResult<IncomingPhoneNumber> &r)
{
    if (r.ok() && MigrationDecision::carriesHandler(r.value, m_voiceUrl)) {
        m_recorder->finish(step, c, callResultOf(r.error, r.reply));
        m_number = r.value;
        if (stopRequested()) // the safe point: on the trunk, new URL
            return stopAtSafePoint();
        return removeFromTrunk();
    }
    // Failed, ambiguous, or answered without the change (Twilio ignoring a parameter answers
    // 200): only the live number can say whether the URL is set.
    readBack()->read([this, step, c, r](const TwilioResult<IncomingPhoneNumber> &live) {
        if (live.ok())
            m_number = live.value;
        const bool seen = live.ok() && MigrationDecision::carriesHandler(live.value, m_voiceUrl);
        const bool onTrunk = live.ok() && live.value.trunkSid.value_or(QString()) == m_trunkSid;
        const QString liveTrunk = live.ok() ? live.value.trunkSid.value_or(QString()) : QString();
        if (seen) {
            m_recorder->finish(step, c, callResultOf(TwilioError{}, r.reply));
            if (onTrunk && stopRequested()) // the safe point: on the trunk, new URL
                return stopAtSafePoint();
            if (onTrunk)
                return removeFromTrunk();
            if (liveTrunk.isEmpty()) // someone took it off meanwhile; it carries the new URL
                return end(NumberOutcome::Migrated, NumberState::Migrated);
            return end(NumberOutcome::Failed, NumberState::Failed,
                       EngineErrors::local(tr("The number left trunk %1 while it was being "
                                              "migrated (now: %2); it was left as it is.")
                                               .arg(m_trunkSid, liveTrunk)));
        }
        TwilioError error = r.error;
        if (r.ok()) {
            error = TwilioError::make(TwilioError::Kind::BadResponse,
                                      tr("Twilio answered the update, but the number does not "
                                         "carry the new voice URL (not applied)."));
            error.httpStatus = r.reply.httpStatus;
            error.requestId = r.reply.requestId;
        }
        m_recorder->finish(step, c, callResultOf(error, r.reply));
        const OperationError cause = EngineErrors::fromTwilio(error);
        end(NumberOutcome::Failed, NumberState::Failed,
            EngineErrors::withContext(
                cause, live.ok() ? tr("The voice URL was not set; the number is unchanged and "
                                      "still on the trunk")
                                 : tr("The voice URL may or may not have been set and the "
                                      "number could not be read back; it is still on the trunk "
                                      "(its calls still reach the PBX through the trunk); retry "
                                      "or revert it")));
    });
}

void NumberMigrationTask::removeFromTrunk()
{
    const Change c = change(RemoveFromTrunk, QStringLiteral("trunk_sid=") + m_trunkSid,
                            QStringLiteral("trunk_sid=null"));
    m_recorder->begin(c, this, [this, c](qint64 step) {
        if (step == 0)
            return failJournal();
        m_context.client->trunking().removeTrunkPhoneNumber(
            m_trunkSid, m_sid, this, [this, step, c](const TwilioResult<TwilioNoContent> &r) {
                if (!r.ok())
                    return afterRemoval(step, c, r.error, r.reply);
                m_recorder->finish(step, c, callResultOf(r.error, r.reply));
                m_number.trunkSid.reset();
                end(NumberOutcome::Migrated, NumberState::Migrated);
            });
    });
}

void NumberMigrationTask::clearTrunkSid()
{
    const Change c = change(ClearTrunkSid, QStringLiteral("trunk_sid=") + m_trunkSid,
                            QStringLiteral("trunk_sid=null"));
    m_recorder->begin(c, this, [this, c](qint64 step) {
        if (step == 0)
            return failJournal();
        IncomingPhoneNumberUpdate update;
        update.trunkSid = QStringLiteral("");
        m_context.client->voice().updateIncomingPhoneNumber(
            m_sid, update, this, [this, step, c](const TwilioResult<IncomingPhoneNumber> &r) {
                if (r.ok() && !r.value.trunkSid.value_or(QString()).isEmpty()) {
                    TwilioError ignored = TwilioError::make(
                        TwilioError::Kind::BadResponse,
                        tr("Twilio answered the update, but the number is still on the trunk "
                           "(not applied)."));
                    ignored.httpStatus = r.reply.httpStatus;
                    ignored.requestId = r.reply.requestId;
                    return afterRemoval(step, c, ignored, r.reply);
                }
                if (!r.ok())
                    return afterRemoval(step, c, r.error, r.reply);
                m_recorder->finish(step, c, callResultOf(r.error, r.reply));
                m_number = r.value;
                end(NumberOutcome::Migrated, NumberState::Migrated);
            });
    });
}

void NumberMigrationTask::afterRemoval(qint64 step, const Change &c, const TwilioError &error,
                                       const TwilioReplyInfo &reply)
{
    // The last answer does not tell what the earlier attempts did (a dropped one may have
    // gone through, and a 5xx says nothing either way); the live number does.
    readBack()->read([this, step, c, error, reply](const TwilioResult<IncomingPhoneNumber> &r) {
        if (r.ok())
            m_number = r.value;
        const QString live = m_number.trunkSid.value_or(QString());
        if (r.ok() && live.isEmpty()) {
            // An attempt whose answer was lost took it off; its URL was seen before the removal.
            m_recorder->finish(step, c, callResultOf(TwilioError{}, reply));
            return end(NumberOutcome::Migrated, NumberState::Migrated);
        }
        m_recorder->finish(step, c, callResultOf(error, reply));
        const bool stillOn = r.ok() && live == m_trunkSid;
        if (stillOn && error.httpStatus == 404 && c.action == RemoveFromTrunk) {
            if (stopRequested()) // the safe point: on the trunk, new URL (see cancel())
                return stopAtSafePoint();
            qCInfo(lcEngine) << "trunk PhoneNumbers subresource answered 404 for" << m_sid
                             << "still on" << m_trunkSid << "- clearing TrunkSid instead";
            return clearTrunkSid();
        }
        const OperationError cause = EngineErrors::fromTwilio(error);
        if (r.ok() && !stillOn)
            return end(NumberOutcome::Failed, NumberState::Failed,
                       EngineErrors::withContext(
                           cause, tr("The number is no longer on trunk %1 (now: %2); it was "
                                     "left as it is")
                                      .arg(m_trunkSid, live)));
        leftOnTrunk(cause, r.ok() ? tr("Taking the number off the trunk failed")
                                  : tr("Taking the number off the trunk failed and it could "
                                       "not be read back"));
    });
}

void NumberMigrationTask::leftOnTrunk(const OperationError &cause, const QString &why)
{
    // Deliberately no restore of the old URL: see the class comment.
    end(NumberOutcome::Failed, NumberState::Failed,
        EngineErrors::withContext(
            cause, tr("%1: it stays on the trunk with the new voice URL, which the trunk ignores, "
                      "so its calls still reach the PBX through the trunk. Retry to finish the "
                      "move, or revert to restore its old settings")
                       .arg(why)));
}

void NumberMigrationTask::stopAtSafePoint()
{
    const NumberOutcome outcome = stopOutcome();
    // Stopped before the first change, or between the two: the row says which.
    end(outcome, outcome == NumberOutcome::Cancelled ? onTrunkState() : NumberState::Failed,
        stopError());
}

void NumberMigrationTask::failJournal()
{
    end(NumberOutcome::Failed, NumberState::Failed, journalFailure());
}

void NumberMigrationTask::end(NumberOutcome outcome, NumberState state, const OperationError &error)
{
    closeStep(outcome, error);
    if (!error.isNull())
        qCInfo(lcEngine) << "number" << m_sid << "not migrated:" << error.message;
    emit finished(outcome, infoOf(m_number, state, error));
}
