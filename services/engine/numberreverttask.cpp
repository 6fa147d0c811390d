#include "numberreverttask.h"

#include "engineerrors.h"
#include "enginelogging.h"
#include "journal.h"
#include "trunkingapi.h"
#include "twilioclient.h"
#include "voiceapi.h"
#include "voicesettings.h"

NumberRevertTask::NumberRevertTask(const EngineContext &context, ChangeRecorder *recorder,
                                   const QString &numberSid, qint64 numberStep, QObject *parent)
    : NumberTask(context, recorder, numberSid, numberStep, parent)
{}

void NumberRevertTask::start()
{
    m_context.client->voice().fetchIncomingPhoneNumber(
        m_sid, this, [this](const TwilioResult<IncomingPhoneNumber> &r) { onFetched(r); });
}

Change NumberRevertTask::change(const QString &action, const QString &before,
                                const QString &after) const
{
    return Change{m_sid, m_number.phoneNumber, m_snapshot.priorTrunkSid, action, before, after};
}

void NumberRevertTask::onFetched(const TwilioResult<IncomingPhoneNumber> &result)
{
    if (!result.ok())
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::withContext(EngineErrors::fromTwilio(result.error),
                                             tr("Reading the number failed; nothing was changed")));
    m_number = result.value;
    const auto snapshot = m_context.journal->snapshot(m_context.accountSid, m_sid);
    if (!snapshot) {
        const QString why = m_context.journal->errorString();
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::local(
                       why.isEmpty()
                           ? tr("No saved settings for %1: Trunk Migrator did not migrate it, so "
                                "there is nothing to revert.")
                                 .arg(m_number.phoneNumber)
                           : why));
    }
    m_snapshot = *snapshot;
    const QString live = m_number.trunkSid.value_or(QString());
    if (stopRequested())
        return end(NumberOutcome::Cancelled,
                   live.isEmpty() ? NumberState::Migrated : NumberState::OnTrunk);
    if (!live.isEmpty() && live != m_snapshot.priorTrunkSid)
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::local(tr("%1 is now on another trunk (%2); it was left "
                                          "unchanged.")
                                           .arg(m_number.phoneNumber, live)));
    emit changed(infoOf(m_number, NumberState::Reverting));
    if (!m_snapshot.priorTrunkSid.isEmpty() && live.isEmpty())
        addToTrunk();
    else
        restoreSettings();
}

void NumberRevertTask::addToTrunk()
{
    const Change c = change(QStringLiteral("add_to_trunk"), QStringLiteral("trunk_sid=null"),
                            QStringLiteral("trunk_sid=") + m_snapshot.priorTrunkSid);
    m_recorder->begin(c, this, [this, c](qint64 step) {
        if (step == 0)
            return failJournal();
        m_context.client->trunking().addTrunkPhoneNumber(
            m_snapshot.priorTrunkSid, m_sid, this,
            [this, step, c](const TwilioResult<TrunkPhoneNumber> &r) {
                if (!r.ok() && r.error.kind == TwilioError::Kind::Api)
                    return recheckAdd(step, c, r.error);
                m_recorder->finish(step, c, r.error, r.reply);
                if (!r.ok())
                    return end(NumberOutcome::Failed, NumberState::Failed,
                               EngineErrors::withContext(
                                   EngineErrors::fromTwilio(r.error),
                                   tr("The number could not be added back to the trunk; it keeps "
                                      "the new voice URL")));
                m_number.trunkSid = m_snapshot.priorTrunkSid;
                restoreSettings();
            });
    });
}

void NumberRevertTask::recheckAdd(qint64 step, const Change &c, const TwilioError &error)
{
    // "Already on the trunk" answers vary; the live number says whether the goal is reached.
    m_context.client->voice().fetchIncomingPhoneNumber(
        m_sid, this, [this, step, c, error](const TwilioResult<IncomingPhoneNumber> &r) {
            if (r.ok() && r.value.trunkSid == m_snapshot.priorTrunkSid) {
                m_recorder->finish(step, c, TwilioError{}, TwilioReplyInfo{});
                m_number = r.value;
                return restoreSettings();
            }
            m_recorder->finish(step, c, error, TwilioReplyInfo{});
            if (r.ok() && error.httpStatus == 404 && !stopRequested()) {
                qCInfo(lcEngine) << "trunk PhoneNumbers subresource answered 404 for" << m_sid
                                 << "- setting TrunkSid instead";
                return setTrunkSid();
            }
            end(NumberOutcome::Failed, NumberState::Failed,
                EngineErrors::withContext(EngineErrors::fromTwilio(r.ok() ? error : r.error),
                                          tr("The number could not be added back to the trunk; "
                                             "it keeps the new voice URL")));
        });
}

void NumberRevertTask::setTrunkSid()
{
    const Change c = change(QStringLiteral("set_trunk_sid"), QStringLiteral("trunk_sid=null"),
                            QStringLiteral("trunk_sid=") + m_snapshot.priorTrunkSid);
    IncomingPhoneNumberUpdate update;
    update.trunkSid = m_snapshot.priorTrunkSid;
    updateNumber(c, update,
                 tr("The number could not be added back to the trunk; it keeps the new voice URL"),
                 &NumberRevertTask::restoreSettings);
}

void NumberRevertTask::restoreSettings()
{
    const IncomingPhoneNumberUpdate update =
        VoiceSettings::restoreUpdate(m_snapshot.priorSettings, m_number);
    if (update.isEmpty())
        return forget();
    if (stopRequested())
        return end(NumberOutcome::Cancelled, NumberState::OnTrunk,
                   EngineErrors::local(tr("Cancelled: back on the trunk, settings not restored")));
    QStringList fields;
    for (const QString &field : VoiceSettings::fieldNames())
        if (field != QLatin1String("trunk_sid"))
            fields.append(field);
    const Change c = change(QStringLiteral("restore_settings"),
                            VoiceSettings::describe(VoiceSettings::snapshotOf(m_number), fields),
                            VoiceSettings::describe(m_snapshot.priorSettings, fields));
    updateNumber(c, update,
                 tr("The number is back on the trunk but its previous settings could not be "
                    "restored"),
                 &NumberRevertTask::forget);
}

void NumberRevertTask::updateNumber(const Change &c, const IncomingPhoneNumberUpdate &update,
                                    const QString &failure, void (NumberRevertTask::*next)())
{
    m_recorder->begin(c, this, [this, c, update, failure, next](qint64 step) {
        if (step == 0)
            return failJournal();
        m_context.client->voice().updateIncomingPhoneNumber(
            m_sid, update, this,
            [this, step, c, failure, next](const TwilioResult<IncomingPhoneNumber> &r) {
                m_recorder->finish(step, c, r.error, r.reply);
                if (!r.ok())
                    return end(
                        NumberOutcome::Failed, NumberState::Failed,
                        EngineErrors::withContext(EngineErrors::fromTwilio(r.error), failure));
                m_number = r.value;
                (this->*next)();
            });
    });
}

void NumberRevertTask::forget()
{
    if (!m_context.journal->forgetSnapshot(m_context.accountSid, m_sid))
        qCWarning(lcEngine) << "snapshot of" << m_sid
                            << "kept:" << m_context.journal->errorString();
    end(NumberOutcome::Reverted, NumberState::Reverted);
}

void NumberRevertTask::failJournal()
{
    end(NumberOutcome::Failed, NumberState::Failed, journalFailure());
}

void NumberRevertTask::end(NumberOutcome outcome, NumberState state, const OperationError &error)
{
    closeStep(outcome, error);
    emit finished(outcome, infoOf(m_number, state, error));
}
