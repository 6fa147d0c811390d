#pragma once

#include "changerecorder.h"
#include "enginecontext.h"
#include "numbertask.h"
#include "voiceresources.h"

#include <QJsonObject>

class NumberRepair;

struct TwilioError;
struct TwilioReplyInfo;
template<class T> struct TwilioResult;

// Migrates one number, re-reading its live state first so a re-run, a retry or a resumed run
// only does what is missing:
//   1. fetch the number; decide (MigrationDecision);
//   2. save its voice settings in the journal (the first snapshot is kept);
//   3. set VoiceUrl + VoiceMethod=POST;
//   4. only after 3 succeeded, take it off the trunk (DELETE trunk PhoneNumber).
// When a write fails for good (after the client's retries) the live number decides what
// happened (NumberRepair::read): off the trunk means an earlier removal whose answer was lost
// went through (done); still on the trunk after a 404 means the trunk's PhoneNumbers
// subresource is missing (IE1), and the number is taken off by updating the
// IncomingPhoneNumber with TrunkSid="" instead; still on the trunk otherwise means the number
// is put back to its snapshot (NumberRepair::restore), so a failed number keeps its old
// settings. Only when that restore fails too is a number left on the trunk with its new URL,
// reported as such, and left to a retry, a revert or a rollback.
// Every write has a journal intent before and a result plus an audit record after.
class NumberMigrationTask : public NumberTask
{
    Q_OBJECT
public:
    NumberMigrationTask(const EngineContext &context, ChangeRecorder *recorder,
                        const QString &numberSid, qint64 numberStep, const QString &trunkSid,
                        const QString &voiceUrl, QObject *parent = nullptr);

    void start() override;

private:
    void onFetched(const TwilioResult<IncomingPhoneNumber> &result);
    void setVoiceUrl();
    void removeFromTrunk();
    void clearTrunkSid();
    // A write failed for good: find out from the live number what happened, then finish,
    // fall back to clear_trunk_sid (IE1) or restore the snapshot.
    void afterFailure(qint64 step, const Change &change, const TwilioError &error,
                      const TwilioReplyInfo &reply);
    void restoreSnapshot(const OperationError &cause, bool removal);
    NumberRepair *repair();
    Change change(const QString &action, const QString &before, const QString &after) const;
    // Ends the job: closes the number's run step and reports.
    void end(NumberOutcome outcome, NumberState state, const OperationError &error = {});
    void failJournal();

    QString m_trunkSid;
    QString m_voiceUrl;
    QJsonObject m_prior; // the settings read before this run's first change
    NumberRepair *m_repair = nullptr;
};
