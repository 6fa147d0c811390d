#pragma once

#include "changerecorder.h"
#include "enginecontext.h"
#include "numbertask.h"
#include "voiceresources.h"

struct TwilioError;
template<class T> struct TwilioResult;

// Migrates one number, re-reading its live state first so a re-run, a retry or a resumed run
// only does what is missing:
//   1. fetch the number; decide (MigrationDecision);
//   2. save its voice settings in the journal (the first snapshot is kept);
//   3. set VoiceUrl + VoiceMethod=POST;
//   4. only after 3 succeeded, take it off the trunk (DELETE trunk PhoneNumber).
// If step 4 answers 404 the number is fetched again: already off the trunk (an earlier,
// dropped DELETE went through) counts as done; still on the trunk means the trunk's
// PhoneNumbers subresource is missing (IE1), and the number is taken off by updating the
// IncomingPhoneNumber with TrunkSid="" instead.
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
    void recheckAfter404(qint64 step, const Change &change, const TwilioError &error);
    void clearTrunkSid();
    Change change(const QString &action, const QString &before, const QString &after) const;
    // Ends the job: closes the number's run step and reports.
    void end(NumberOutcome outcome, NumberState state, const OperationError &error = {});
    void failJournal();

    EngineContext m_context;
    ChangeRecorder *m_recorder;
    QString m_sid;
    qint64 m_numberStep;
    QString m_trunkSid;
    QString m_voiceUrl;
    IncomingPhoneNumber m_number;
};
