#pragma once

#include "changerecorder.h"
#include "enginecontext.h"
#include "journaltypes.h"
#include "numbertask.h"
#include "twilioresult.h"
#include "voiceresources.h"

// Reverts one number to the settings saved before its first migration:
//   1. fetch the live number and read its snapshot from the journal;
//   2. put it back on its trunk (POST trunk PhoneNumbers; already there counts as done; a 404
//      from a missing subresource (IE1) falls back to updating TrunkSid), and confirm from the
//      live number that it is there: an answer alone is not proof;
//   3. only then restore every saved voice field that differs (VoiceSettings::restoreUpdate),
//      confirmed the same way (an update Twilio answered without applying is not a restore);
//   4. forget the snapshot, once both succeeded.
// Adding back first means the number routes through the trunk again before its URL changes:
// it is never off the trunk without the handler URL at any moment.
class NumberRevertTask : public NumberTask
{
    Q_OBJECT
public:
    NumberRevertTask(const EngineContext &context, ChangeRecorder *recorder,
                     const QString &numberSid, qint64 numberStep, QObject *parent = nullptr);

    void start() override;

private:
    void onFetched(const TwilioResult<IncomingPhoneNumber> &result);
    // A failed removal of this number may still land (an attempt in transit); until its
    // settle time (EngineContext::removalSettleMs) the revert waits, then starts over. True
    // while waiting.
    bool waitForUnsettledRemoval();
    void onStopRequested() override;
    void addToTrunk();
    void recheckAdd(qint64 step, const Change &change, const TwilioError &error);
    void setTrunkSid();
    void restoreSettings();
    using Reached = bool (NumberRevertTask::*)(const IncomingPhoneNumber &) const;
    // Records and sends one IncomingPhoneNumber update; once the answer (or a re-read) shows
    // `reached`, takes it as the live number and goes on with `next`, otherwise ends the job
    // with `failure` as the context.
    void updateNumber(const Change &change, const IncomingPhoneNumberUpdate &update,
                      Reached reached, const QString &failure, void (NumberRevertTask::*next)());
    bool onPriorTrunk(const IncomingPhoneNumber &number) const;
    bool hasPriorSettings(const IncomingPhoneNumber &number) const;
    void forget();
    Change change(const QString &action, const QString &before, const QString &after) const;
    void end(NumberOutcome outcome, NumberState state, const OperationError &error = {});
    void failJournal();

    NumberBackup m_snapshot;
    class NumberReadBack *m_readBack = nullptr;
    class QTimer *m_settleTimer = nullptr;
    bool m_settled = false; // waited once already
};
