#include "numbermigrationtask.h"

#include "engineerrors.h"
#include "enginelogging.h"
#include "journal.h"
#include "migrationdecision.h"
#include "numberrepair.h"
#include "trunkingapi.h"
#include "twilioclient.h"
#include "voiceapi.h"
#include "voicesettings.h"

namespace {
const QString Post = QStringLiteral("POST");
const QString SetVoiceUrl = QStringLiteral("set_voice_url");
const QString RemoveFromTrunk = QStringLiteral("remove_from_trunk");

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
    m_prior = snapshot.priorSettings;
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
    const Change c = change(SetVoiceUrl, urlAndMethod(m_number),
                            QStringLiteral("voice_url=%1; voice_method=POST").arg(m_voiceUrl));
    m_recorder->begin(c, this, [this, c](qint64 step) {
        if (step == 0)
            return failJournal();
        IncomingPhoneNumberUpdate update;
        update.voiceUrl = m_voiceUrl;
        update.voiceMethod = Post;
        m_context.client->voice().updateIncomingPhoneNumber(
            m_sid, update, this, [this, step, c](const TwilioResult<IncomingPhoneNumber> &r) {
                if (!r.ok())
                    return afterFailure(step, c, r.error, r.reply);
                m_recorder->finish(step, c, r.error, r.reply);
                m_number = r.value;
                if (stopRequested())
                    return end(NumberOutcome::Cancelled, NumberState::OnTrunk);
                removeFromTrunk();
            });
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
                    return afterFailure(step, c, r.error, r.reply);
                m_recorder->finish(step, c, r.error, r.reply);
                m_number.trunkSid.reset();
                end(NumberOutcome::Migrated, NumberState::Migrated);
            });
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
                if (!r.ok())
                    return afterFailure(step, c, r.error, r.reply);
                m_recorder->finish(step, c, r.error, r.reply);
                m_number = r.value;
                end(NumberOutcome::Migrated, NumberState::Migrated);
            });
    });
}

NumberRepair *NumberMigrationTask::repair()
{
    // Made on the first failure only: most numbers never need one.
    if (!m_repair)
        m_repair = new NumberRepair(m_context, m_recorder, change({}, {}, {}), m_prior, this);
    return m_repair;
}

void NumberMigrationTask::afterFailure(qint64 step, const Change &c, const TwilioError &error,
                                       const TwilioReplyInfo &reply)
{
    const bool removal = c.action != SetVoiceUrl;
    // The last answer does not tell what the earlier attempts did (a dropped one may have
    // gone through, and a 5xx says nothing either way); the live number does.
    repair()->read([this, step, c, error, reply,
                    removal](const TwilioResult<IncomingPhoneNumber> &r) {
        if (r.ok())
            m_number = r.value;
        const QString live = m_number.trunkSid.value_or(QString());
        if (r.ok() && removal && live.isEmpty()) {
            // An attempt whose answer was lost (e.g. a dropped connection) took it off.
            m_recorder->finish(step, c, TwilioError{}, reply);
            return end(NumberOutcome::Migrated, NumberState::Migrated);
        }
        m_recorder->finish(step, c, error, reply);
        const bool stillOn = r.ok() && live == m_trunkSid;
        if (stillOn && error.httpStatus == 404 && c.action == RemoveFromTrunk) {
            if (stopRequested()) // the safe point: on the trunk, new URL (see cancel())
                return end(NumberOutcome::Cancelled, NumberState::OnTrunk);
            qCInfo(lcEngine) << "trunk PhoneNumbers subresource answered 404 for" << m_sid
                             << "still on" << m_trunkSid << "- clearing TrunkSid instead";
            return clearTrunkSid();
        }
        const OperationError cause = EngineErrors::fromTwilio(error);
        if (!r.ok()) // what happened is unknown, so nothing is "restored" blindly
            return end(NumberOutcome::Failed, NumberState::Failed,
                       EngineErrors::withContext(
                           cause, removal ? tr("Taking the number off the trunk failed and it "
                                               "could not be read back: it has its new voice URL "
                                               "and may still be on the trunk (its calls then "
                                               "still reach the PBX through the trunk); retry "
                                               "or revert it")
                                          : tr("The voice URL could not be set and the number "
                                               "could not be read back: it is still on the "
                                               "trunk, but its voice URL may have changed; retry "
                                               "or revert it")));
        if (live != m_trunkSid)
            return end(NumberOutcome::Failed, NumberState::Failed,
                       EngineErrors::withContext(
                           cause, tr("The number is no longer on trunk %1 (now: "
                                     "%2); it was left as it is")
                                      .arg(m_trunkSid, live.isEmpty() ? tr("no trunk") : live)));
        restoreSnapshot(cause, removal);
    });
}

void NumberMigrationTask::restoreSnapshot(const OperationError &cause, bool removal)
{
    // Done even after cancel(): it is what leaves the number as it was.
    repair()->restore(m_number, [this, cause, removal](const NumberRepair::Outcome &o) {
        m_number = o.number;
        const QString what = removal ? tr("Taking the number off the trunk failed")
                                     : tr("The voice URL could not be set");
        if (!o.ok)
            return end(NumberOutcome::Failed, NumberState::Failed,
                       EngineErrors::withContext(
                           o.error, tr("%1 and its previous voice settings could not be put "
                                       "back: the number is still on the trunk (its calls "
                                       "still reach the PBX through the trunk), but its voice "
                                       "URL was changed; retry or revert it")
                                        .arg(what)));
        end(NumberOutcome::Failed, NumberState::Failed,
            EngineErrors::withContext(
                cause, o.changed ? tr("%1; its previous voice settings were restored, so it is "
                                      "unchanged and still on the trunk")
                                       .arg(what)
                                 : tr("%1; the number stays on the trunk with its previous "
                                      "settings")
                                       .arg(what)));
    });
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
