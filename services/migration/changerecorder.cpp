#include "changerecorder.h"

#include "auditlog.h"
#include "journal.h"
#include "migrationlogging.h"

ChangeRecorder::ChangeRecorder(Journal *journal, AuditLog *audit, const QString &accountSid,
                               qint64 runId, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_audit(audit)
    , m_accountSid(accountSid)
    , m_runId(runId)
{}

ChangeRecorder::~ChangeRecorder()
{
    // Results written since the last commit are kept; waiting jobs are gone with the run.
    if (m_open)
        m_journal->store().commit();
}

bool ChangeRecorder::ensureTransaction()
{
    if (!m_open) {
        if (!m_journal->store().begin()) {
            m_error = m_journal->store().errorString();
            return false;
        }
        m_open = true;
    }
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &ChangeRecorder::flush, Qt::QueuedConnection);
    }
    return true;
}

void ChangeRecorder::flush()
{
    m_flushQueued = false;
    bool committed = true;
    if (m_open) {
        m_open = false;
        committed = m_journal->store().commit();
        if (!committed) {
            m_error = m_journal->store().errorString();
            qCWarning(lcMigration) << "journal commit failed:" << m_error;
        }
    }
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    for (const Waiting &w : waiting)
        if (w.context)
            w.then(committed ? w.stepId : 0);
}

qint64 ChangeRecorder::writeIntent(const Change &change)
{
    const QString detail = change.detail.isEmpty() ? change.after : change.detail;
    const qint64 step = m_journal->recordIntent(m_runId, change.numberSid, change.action, detail);
    if (step == 0) {
        m_error = m_journal->errorString();
        return 0;
    }
    if (m_audit->append(auditRecord(change, AuditLog::pendingOutcome()))) {
        m_pendingAudit.insert(step, m_audit->lastId());
        return step;
    }
    // No call without its audit row. The transaction may be shared with other calls'
    // intents, so it is not rolled back: this intent is closed as never sent.
    m_error = m_audit->errorString();
    StepResult notSent;
    notSent.errorMessage = QStringLiteral("not sent: the audit log could not be written");
    m_journal->recordResult(step, notSent);
    return 0;
}

void ChangeRecorder::begin(const Change &change, QObject *context, Then then)
{
    const qint64 step = ensureTransaction() ? writeIntent(change) : 0;
    // Answered after the commit even on failure, so a job never re-enters itself.
    m_waiting.append(Waiting{context, std::move(then), step});
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &ChangeRecorder::flush, Qt::QueuedConnection);
    }
}

qint64 ChangeRecorder::beginNow(const Change &change)
{
    if (!ensureTransaction())
        return 0;
    qint64 step = writeIntent(change);
    // Committed before returning, with whatever else the transaction holds: the intent must
    // be durable before the call it announces.
    m_open = false;
    if (!m_journal->store().commit()) {
        m_error = m_journal->store().errorString();
        qCWarning(lcMigration) << "journal commit failed:" << m_error;
        step = 0;
    }
    return step;
}

void ChangeRecorder::finish(qint64 stepId, const Change &change, const CallResult &call)
{
    const StepResult &result = call.result;
    if (!ensureTransaction() || !m_journal->recordResult(stepId, result)) {
        m_error = m_journal->errorString();
        qCWarning(lcMigration) << "journal result of" << change.action << change.numberSid
                               << "not recorded:" << m_error;
    }
    for (const RetriedAttempt &attempt : call.retried) {
        AuditRecord retried = auditRecord(change, QStringLiteral("retried (%1)").arg(attempt.kind));
        retried.httpStatus = attempt.httpStatus;
        retried.twilioCode = attempt.twilioCode;
        retried.requestId = attempt.requestId;
        writeAudit(retried);
    }
    const QString outcome = result.ok ? QStringLiteral("success") : QStringLiteral("failed");
    const qint64 pending = m_pendingAudit.take(stepId);
    if (pending == 0) {
        AuditRecord record = auditRecord(change, outcome);
        record.httpStatus = result.httpStatus;
        record.twilioCode = result.twilioCode;
        record.requestId = result.requestId;
        return writeAudit(record);
    }
    if (!ensureTransaction() || !m_audit->complete(pending, outcome, result.httpStatus,
                                                   result.twilioCode, result.requestId)) {
        m_error = m_audit->errorString();
        qCWarning(lcMigration) << "audit record of" << change.action << change.numberSid
                               << "not completed:" << m_error;
    }
}

void ChangeRecorder::note(const Change &change, const QString &outcome)
{
    writeAudit(auditRecord(change, outcome));
}

void ChangeRecorder::refused(const Change &change, const QString &reason)
{
    AuditRecord record = auditRecord(change, QStringLiteral("refused"));
    record.after = reason;
    writeAudit(record);
}

bool ChangeRecorder::saveBackup(const NumberBackup &snapshot)
{
    if (!ensureTransaction())
        return false;
    if (m_journal->saveBackup(m_runId, m_accountSid, snapshot))
        return true;
    m_error = m_journal->errorString();
    return false;
}

void ChangeRecorder::closeStep(qint64 stepId, const StepResult &result)
{
    if (!ensureTransaction() || !m_journal->recordResult(stepId, result))
        qCWarning(lcMigration) << "closing step" << stepId << "failed:" << m_journal->errorString();
}

AuditRecord ChangeRecorder::auditRecord(const Change &change, const QString &outcome) const
{
    AuditRecord record;
    record.accountSid = m_accountSid;
    record.action = change.action;
    record.phoneNumber = change.phoneNumber;
    record.numberSid = change.numberSid;
    record.trunkSid = change.trunkSid;
    record.before = change.before;
    record.after = change.after;
    record.outcome = outcome;
    return record;
}

void ChangeRecorder::writeAudit(const AuditRecord &record)
{
    if (ensureTransaction() && m_audit->append(record))
        return;
    m_error = m_audit->errorString();
    qCWarning(lcMigration) << "audit record of" << record.action << record.numberSid
                           << "not written:" << m_error;
}
