#pragma once

#include "journaltypes.h"
#include "migrationtypes.h"
#include "numberrun.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

class Journal;

// Reads an interrupted run back from the journal (a crash, kill -9 or a closed window left it
// "running") and prepares its resumption or its rollback. It makes no Twilio call: the number
// jobs re-read every number's live state before acting, which is what makes resuming safe
// whatever moment the interruption hit.
class RunRecovery
{
    Q_DECLARE_TR_FUNCTIONS(RunRecovery)

public:
    RunRecovery(Journal &journal, const QString &accountSid);

    // The newest unfinished run of the account; null when none (or ignoreRunId, the run this
    // process is executing right now).
    InterruptedRun find(qint64 ignoreRunId = 0) const;
    // The account's newest run if it was stopped (cancelled) with number steps left cancelled.
    InterruptedRun findStopped() const;
    // The same for whichever account has the newest unfinished run: before connectAccount()
    // the account is not known yet, but the wizard already offers to resume or roll back.
    static InterruptedRun findAnyAccount(Journal &journal, qint64 ignoreRunId = 0);

    // Why resume() (resume = true) or rollback() cannot start on `found`, with the account
    // connected now (empty: none); empty when it can.
    static QString refusal(const InterruptedRun &found, const QString &connectedAccount,
                           bool resume);

    // The run that resume() or rollback() starts.
    struct Restart
    {
        NumberRun::Kind kind = NumberRun::Kind::Rollback;
        QString trunkSid;
        QString voiceUrl;                 // migrate runs: the URL the run was setting
        qint64 runId = 0;                 // resume: the run continued; 0: a new run
        QStringList numbers;              // in the run's order
        QHash<QString, qint64> openSteps; // resume: the numbers' still-open number steps
    };
    // Prepares the journal and says what to run. False with errorString().
    //  - resume: closes the calls left in flight (their outcome is unknown; each number job
    //    re-reads the live state) and lists the numbers still to finish, in the same run. An
    //    interrupted set-up run (steps 1-2) is closed with nothing to finish: those steps are
    //    redone by running them again.
    //  - rollback: closes every open step of the run, marks it cancelled, and lists the numbers
    //    it changed or may have changed, for a new rollback run. A revert run is completed
    //    rather than undone.
    bool prepare(qint64 runId, bool resume, Restart *restart);

    QString errorString() const { return m_error; }

    // Number steps are journalled as <kind>_number; everything else is an API call.
    static bool isNumberStep(const JournalStep &step);

private:
    bool prepareResume(qint64 runId, Restart *restart);
    static InterruptedRun describe(const JournalRun &run);
    bool prepareRollback(qint64 runId, Restart *restart);
    bool closeInterruptedCalls(qint64 runId, const QString &why);
    bool fail(const QString &message);

    Journal &m_journal;
    QString m_accountSid;
    QString m_error;
};
