#pragma once

#include "journaltypes.h"
#include "migrationtypes.h"

#include <QHash>
#include <QStringList>

class Journal;

// Reads an interrupted run back from the journal (a crash, kill -9 or a closed window left it
// "running") and prepares its resumption or its rollback. It makes no Twilio call: the number
// jobs re-read every number's live state before acting, which is what makes resuming safe
// whatever moment the interruption hit.
class RunRecovery
{
public:
    RunRecovery(Journal &journal, const QString &accountSid);

    // The newest unfinished run of the account; null when none (or ignoreRunId, the run this
    // process is executing right now).
    InterruptedRun find(qint64 ignoreRunId = 0) const;

    struct Pending
    {
        JournalRun run;
        QString voiceUrl;                 // migrate runs: the URL the run was setting
        QStringList order;                // numbers still to finish, in the run's order
        QHash<QString, qint64> openSteps; // their open number steps
        bool isMigrate = false;
    };

    // For resume(): closes the calls left in flight (their outcome is unknown; the live state
    // is re-checked) and lists the numbers still to finish. An interrupted set-up run (steps
    // 1-2) is closed with nothing to finish: those steps are redone by running them again.
    // False with errorString().
    bool prepareResume(qint64 runId, Pending *pending);
    // For rollback(): closes every open step of the run, marks it cancelled, and lists the
    // numbers it changed or may have changed. A revert run is completed rather than undone.
    bool prepareRollback(qint64 runId, QStringList *numbers, QString *trunkSid);

    QString errorString() const { return m_error; }

    // Number steps are journalled as <kind>_number; everything else is an API call.
    static bool isNumberStep(const JournalStep &step);

private:
    bool closeInterruptedCalls(qint64 runId, const QString &why);
    bool fail(const QString &message);

    Journal &m_journal;
    QString m_accountSid;
    QString m_error;
};
