#include "numberreverttask.h"
#include "callresult.h"

#include "engineerrors.h"
#include "enginelogging.h"
#include "journal.h"
#include "numberreadback.h"
#include "trunkingapi.h"
#include "twilioclient.h"
#include "voiceapi.h"
#include "voicesettings.h"

#include <QTimer>

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
    return Change{m_sid, m_number.phoneNumber, m_snapshot.priorTrunkSid, action, before, after, {}};
}

void NumberRevertTask::onFetched(const TwilioResult<IncomingPhoneNumber> &result)
{
    if (!result.ok())
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::withContext(EngineErrors::fromTwilio(result.error),
                                             tr("Reading the number failed; nothing was changed")));
    m_number = result.value;
    const auto snapshot = m_context.journal->backup(m_context.accountSid, m_sid);
    if (!snapshot) {
        const QString why = m_context.journal->errorString();
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::local(
                       why.isEmpty()
                           ? tr("No saved settings for %1 in this journal, so it was left as it "
                                "is. Either Trunk Migrator did not migrate it, or it already "
                                "carried the new voice URL when this journal first saw it (it was "
                                "moved through another journal or by hand): its original "
                                "settings are in that journal and its audit log (CSV export).")
                                 .arg(m_number.phoneNumber)
                           : why));
    }
    m_snapshot = *snapshot;
    if (!m_settled) // once: a second pass after the settle wait would note it twice
        reconcileInterrupted(m_snapshot.priorTrunkSid,
                             [this](const QString &action) -> std::optional<bool> {
                                 if (action == QLatin1String("add_to_trunk") ||
                                     action == QLatin1String("set_trunk_sid"))
                                     return onPriorTrunk(m_number);
                                 if (action == QLatin1String("restore_settings"))
                                     return hasPriorSettings(m_number);
                                 return std::nullopt;
                             });
    const QString live = m_number.trunkSid.value_or(QString());
    if (stopRequested())
        return end(stopOutcome(),
                   stopOutcome() == NumberOutcome::Failed ? NumberState::Failed
                   : live.isEmpty()                       ? NumberState::Migrated
                                                          : onTrunkState(),
                   stopError());
    if (!live.isEmpty() && live != m_snapshot.priorTrunkSid)
        return end(NumberOutcome::Failed, NumberState::Failed,
                   EngineErrors::local(tr("%1 is now on another trunk (%2); it was left "
                                          "unchanged.")
                                           .arg(m_number.phoneNumber, live)));
    if (waitForUnsettledRemoval())
        return;
    emit changed(infoOf(m_number, NumberState::Reverting));
    if (!m_snapshot.priorTrunkSid.isEmpty() && live.isEmpty())
        addToTrunk();
    else
        restoreSettings();
}

bool NumberRevertTask::waitForUnsettledRemoval()
{
    if (m_settled)
        return false;
    const auto removal = m_context.journal->lastRemoval(m_sid);
    if (!removal || removal->state != StepState::Failed || !removal->finishedAt.isValid())
        return false;
    // Even a final 4xx is no proof: an earlier attempt of the same removal (timed out,
    // dropped) may still be on its way, and the journal keeps only the last answer.
    const QDateTime settled = removal->finishedAt.addMSecs(m_context.removalSettleMs);
    const qint64 waitMs = m_context.now().msecsTo(settled);
    if (waitMs <= 0)
        return false;
    const QString until = settled.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    qCInfo(lcEngine) << "revert of" << m_sid << "waits" << waitMs << "ms for an unsettled removal";
    OperationError waiting = EngineErrors::local(
        tr("Waiting until %1: its removal from the trunk failed, and a "
           "request lost on the way could still arrive. Reverting before then could leave it "
           "off the trunk with its old settings.")
            .arg(until));
    emit changed(infoOf(m_number, NumberState::Reverting, waiting));
    m_settleTimer = new QTimer(this);
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setTimerType(Qt::PreciseTimer); // never before the settle time
    connect(m_settleTimer, &QTimer::timeout, this, [this] {
        m_settleTimer->deleteLater();
        m_settleTimer = nullptr;
        m_settled = true;
        start(); // from the live number again: the removal may have landed meanwhile
    });
    m_settleTimer->start(int(qMin<qint64>(waitMs, m_context.removalSettleMs)));
    return true;
}

void NumberRevertTask::onStopRequested()
{
    if (!m_settleTimer)
        return;
    // Nothing was changed while waiting: stop now rather than at the end of the wait.
    m_settleTimer->stop();
    m_settleTimer->deleteLater();
    m_settleTimer = nullptr;
    // Queued: the batch is still asking its other jobs to stop.
    QMetaObject::invokeMethod(
        this,
        [this] {
            const bool on = !m_number.trunkSid.value_or(QString()).isEmpty();
            end(stopOutcome(), on ? onTrunkState() : NumberState::Migrated, stopError());
        },
        Qt::QueuedConnection);
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
            [this, step, c](const TwilioResult<IncomingPhoneNumber> &r) {
                // Neither an answer nor an error is proof: "already on the trunk" answers vary,
                // and a lost answer may hide an add that went through. The live number decides.
                recheckAdd(step, c, r.error);
            });
    });
}

void NumberRevertTask::recheckAdd(qint64 step, const Change &c, const TwilioError &error)
{
    if (!m_readBack)
        m_readBack = new NumberReadBack(m_context, m_sid, this);
    m_readBack->read([this, step, c, error](const TwilioResult<IncomingPhoneNumber> &r) {
        if (r.ok() && onPriorTrunk(r.value)) {
            m_recorder->finish(step, c, callResultOf(TwilioError{}, r.reply));
            m_number = r.value;
            return restoreSettings();
        }
        TwilioError why = error;
        if (!why.isError() && r.ok())
            why = TwilioError::make(TwilioError::Kind::BadResponse,
                                    tr("Twilio answered, but the number is not on the trunk."));
        m_recorder->finish(step, c, callResultOf(why, r.reply));
        if (r.ok() && error.httpStatus == 404 && !stopRequested()) {
            qCInfo(lcEngine) << "trunk PhoneNumbers subresource answered 404 for" << m_sid
                             << "- setting TrunkSid instead";
            return setTrunkSid();
        }
        end(NumberOutcome::Failed, NumberState::Failed,
            EngineErrors::withContext(EngineErrors::fromTwilio(r.ok() ? why : r.error),
                                      tr("The number could not be added back to the trunk; "
                                         "it keeps the new voice URL")));
    });
}

bool NumberRevertTask::onPriorTrunk(const IncomingPhoneNumber &number) const
{
    return number.trunkSid.value_or(QString()) == m_snapshot.priorTrunkSid;
}

bool NumberRevertTask::hasPriorSettings(const IncomingPhoneNumber &number) const
{
    return VoiceSettings::restoreUpdate(m_snapshot.priorSettings, number).isEmpty();
}

void NumberRevertTask::setTrunkSid()
{
    const Change c = change(QStringLiteral("set_trunk_sid"), QStringLiteral("trunk_sid=null"),
                            QStringLiteral("trunk_sid=") + m_snapshot.priorTrunkSid);
    IncomingPhoneNumberUpdate update;
    update.trunkSid = m_snapshot.priorTrunkSid;
    updateNumber(c, update, &NumberRevertTask::onPriorTrunk,
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
        return end(stopOutcome(),
                   stopOutcome() == NumberOutcome::Failed ? NumberState::Failed : onTrunkState(),
                   stopError(EngineErrors::local(
                       tr("Cancelled: back on the trunk, settings not restored"))));
    QStringList fields;
    for (const QString &field : VoiceSettings::fieldNames())
        if (field != QLatin1String("trunk_sid"))
            fields.append(field);
    const Change c = change(QStringLiteral("restore_settings"),
                            VoiceSettings::describe(VoiceSettings::snapshotOf(m_number), fields),
                            VoiceSettings::describe(m_snapshot.priorSettings, fields));
    updateNumber(c, update, &NumberRevertTask::hasPriorSettings,
                 tr("The number is back on the trunk but its previous settings could not be "
                    "restored"),
                 &NumberRevertTask::forget);
}

void NumberRevertTask::updateNumber(const Change &c, const IncomingPhoneNumberUpdate &update,
                                    Reached reached, const QString &failure,
                                    void (NumberRevertTask::*next)())
{
    m_recorder->begin(c, this, [this, c, update, reached, failure, next](qint64 step) {
        if (step == 0)
            return failJournal();
        m_context.client->voice().updateIncomingPhoneNumber(
            m_sid, update, this,
            [this, step, c, reached, failure, next](const TwilioResult<IncomingPhoneNumber> &r) {
                if (r.ok() && (this->*reached)(r.value)) {
                    m_recorder->finish(step, c, callResultOf(r.error, r.reply));
                    m_number = r.value;
                    return (this->*next)();
                }
                // Failed, ambiguous, or answered without the change: read what is live.
                if (!m_readBack)
                    m_readBack = new NumberReadBack(m_context, m_sid, this);
                m_readBack->read([this, step, c, r, reached, failure,
                                  next](const TwilioResult<IncomingPhoneNumber> &live) {
                    if (live.ok() && (this->*reached)(live.value)) {
                        m_recorder->finish(step, c, callResultOf(TwilioError{}, r.reply));
                        m_number = live.value;
                        return (this->*next)();
                    }
                    if (live.ok())
                        m_number = live.value;
                    TwilioError why = r.error;
                    if (r.ok())
                        why = TwilioError::make(TwilioError::Kind::BadResponse,
                                                tr("Twilio answered the update, but the number "
                                                   "does not show it (not applied)."));
                    m_recorder->finish(step, c, callResultOf(why, r.reply));
                    end(NumberOutcome::Failed, NumberState::Failed,
                        EngineErrors::withContext(EngineErrors::fromTwilio(why), failure));
                });
            });
    });
}

void NumberRevertTask::forget()
{
    if (!m_context.journal->forgetBackup(m_context.accountSid, m_sid))
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
