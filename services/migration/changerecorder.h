#pragma once

#include "journaltypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class AuditLog;
class Journal;
struct AuditRecord;

// One write call to Twilio as the journal and the audit log see it.
struct Change
{
    QString numberSid; // empty for account-level changes (create_sip_domain, delete_trunk)
    QString phoneNumber;
    QString trunkSid;
    QString action; // set_voice_url, remove_from_trunk, create_build, ...
    QString before;
    QString after;
    QString detail; // what the journal says the call will do; `after` when empty
};

// An earlier attempt of a call that was sent again (its answer, if any).
struct RetriedAttempt
{
    int httpStatus = 0;
    int twilioCode = 0;
    QString requestId;
    QString kind; // api, network, timeout
};

// How a call ended, as recorded: the journal's result and the attempts before it. Built from
// the client's answer by callResultOf() (services/setup/callresult.h), the one rule for which
// status and request id win.
struct CallResult
{
    StepResult result;
    QList<RetriedAttempt> retried;
};

// The journal and audit writes of one run: step 4's numbers and the set-up steps alike
// (SetupRun records through it), with group commit.
//
// Rule: the intent of a call is durable before the call is made. Doing that with one SQLite
// sync per write made the journal, not Twilio, the bottleneck (a sync costs milliseconds and
// blocks the thread; 2,000 numbers need ~16,000 writes). So writes go into one open
// transaction, and begin() hands out its step id only after the transaction committed: every
// intent, result and audit record written during one event-loop turn by all the numbers in
// flight shares one sync. A crash before that commit loses only writes whose calls were never
// made, or results whose calls the resumed run re-checks against live data anyway.
//
// A job that cannot record its intent must not make the call: `then` gets 0 and errorString()
// says why (e.g. a full disk).
//
// The audit log misses nothing: each intent gets its audit record ("pending") in the same
// transaction, so a change that reached Twilio always has a row, even after kill -9 or a full
// disk; finish() completes it with the result and adds a "retried" row for every earlier
// attempt of the call (its status and request id). Pending rows a dead process left are
// closed on resume or rollback (AuditLog::closePending).
class ChangeRecorder : public QObject
{
    Q_OBJECT
public:
    ChangeRecorder(Journal *journal, AuditLog *audit, const QString &accountSid, qint64 runId,
                   QObject *parent = nullptr);
    ~ChangeRecorder() override;

    using Then = std::function<void(qint64 stepId)>;
    // Records the intent; `then` runs on `context` once it is durable (0: it could not be).
    void begin(const Change &change, QObject *context, Then then);
    // The same, durable when it returns (one commit of its own): the step id, or 0 with
    // errorString() set, and then the call must not be made. For callers that make one call at
    // a time (the set-up steps).
    qint64 beginNow(const Change &change);
    // After the call: the journal result, the audit record completed (success or failure with
    // HTTP status, Twilio code and request id) and a "retried" record per earlier attempt.
    void finish(qint64 stepId, const Change &change, const CallResult &call);
    // A number the run refused to touch (e.g. on another trunk): an audit record, no call.
    void refused(const Change &change, const QString &reason);
    // An audit record of what the live state showed (e.g. "found applied after restart").
    void note(const Change &change, const QString &outcome);
    // The number's original settings; false when it cannot be written (nothing to change then).
    bool saveBackup(const NumberBackup &snapshot);
    // Closes a number step (migrate_number / revert_number).
    void closeStep(qint64 stepId, const StepResult &result);
    // Commits now (end of a run).
    void flush();

    qint64 runId() const { return m_runId; }
    QString errorString() const { return m_error; }

private:
    struct Waiting
    {
        QPointer<QObject> context;
        Then then;
        qint64 stepId;
    };
    bool ensureTransaction();
    qint64 writeIntent(const Change &change);
    AuditRecord auditRecord(const Change &change, const QString &outcome) const;
    void writeAudit(const AuditRecord &record);

    Journal *m_journal;
    AuditLog *m_audit;
    QString m_accountSid;
    qint64 m_runId;
    bool m_open = false;
    bool m_flushQueued = false;
    QList<Waiting> m_waiting;
    QHash<qint64, qint64> m_pendingAudit; // step id -> its "pending" audit record
    QString m_error;
};
