#pragma once

#include "changerecorder.h"
#include "enginecontext.h"
#include "numbertask.h"
#include "savedcalls.h"
#include "twilioresult.h"
#include "voiceresources.h"

class NumberReadBack;
struct MigrationDecision;

struct TwilioReplyInfo;

// Migrates one number, deciding every step from live state so a re-run, a retry or a resumed
// run only does what is missing. The rules follow from the invariant (docs/ENGINE.md): a
// number leaves its trunk only after it has been *seen* carrying the new voice URL and method.
//   1. fetch the number; decide (MigrationDecision);
//   2. save its original voice settings in the journal: only when this journal has none yet
//      and the number does not already carry the new URL (that would not be an original);
//   3. set VoiceUrl + VoiceMethod=POST; the answer (or, if it does not show them, a re-read)
//      must show them, else the update counts as not applied and the number stays as it is;
//   4. take it off the trunk (DELETE trunk PhoneNumber; IE1: TrunkSid="" on the number).
// After an ambiguous failure the live number decides (NumberReadBack). A failed or ambiguous
// removal leaves the number on its trunk with the new URL (the trunk ignores voice URLs, so
// its calls still reach the PBX): its old settings are NOT put back, since a removal that
// lands late would then leave it off the trunk with the old URL. They return only through a
// revert, which puts the number back on the trunk first.
class NumberMigrationTask : public NumberTask
{
    Q_OBJECT
public:
    NumberMigrationTask(const EngineContext &context, ChangeRecorder *recorder,
                        const QString &numberSid, qint64 numberStep, const QString &trunkSid,
                        const QString &voiceUrl, QObject *parent = nullptr);

    void start() override;
    // The call settings step 2 decided (fallback URL, the number's own URLs, caller-name
    // lookup): sent with the voice URL in one update (issue 8).
    void setCallSettings(const SavedCalls *calls) { m_calls = calls; }

private:
    void onFetched(const TwilioResult<IncomingPhoneNumber> &result);
    bool saveOriginal(const MigrationDecision &decision);
    // Left on the trunk, unchanged, for `why` (audited as refused).
    void refuse(const QString &why);
    // The fields sent with the voice URL (SavedCalls::numberUpdate) that a revert can restore.
    IncomingPhoneNumberUpdate extras() const;
    void setVoiceUrl(const IncomingPhoneNumberUpdate &sent);
    void afterUpdate(qint64 step, const Change &change,
                     const TwilioResult<IncomingPhoneNumber> &result);
    void removeFromTrunk();
    void clearTrunkSid();
    void afterRemoval(qint64 step, const Change &change, const TwilioError &error,
                      const TwilioReplyInfo &reply);
    // Off the trunk without knowing the URL yet: only reached after the URL was seen.
    void leftOnTrunk(const OperationError &cause, const QString &why);
    NumberReadBack *readBack();
    Change change(const QString &action, const QString &before, const QString &after) const;
    // Ends the job: closes the number's run step and reports.
    void end(NumberOutcome outcome, NumberState state, const OperationError &error = {});
    void failJournal();
    // On the trunk, the next call not made: after cancel(), or past the number's deadline.
    void stopAtSafePoint();

    QString m_trunkSid;
    QString m_voiceUrl;
    const SavedCalls *m_calls = nullptr;
    NumberReadBack *m_readBack = nullptr;
};
