#include "changerecorder.h"

#include "auditlog.h"
#include "enginelogging.h"
#include "journal.h"
#include "twilioerror.h"
#include "twilioresult.h"

ChangeRecorder::ChangeRecorder(const EngineContext &context, qint64 runId, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_runId(runId)
{}

ChangeRecorder::~ChangeRecorder()
{
    // Results written since the last commit are kept; waiting jobs are gone with the run.
    if (m_open)
        m_context.journal->store().commit();
}

bool ChangeRecorder::ensureTransaction()
{
    if (!m_open) {
        if (!m_context.journal->store().begin()) {
            m_error = m_context.journal->store().errorString();
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
        committed = m_context.journal->store().commit();
        if (!committed) {
            m_error = m_context.journal->store().errorString();
            qCWarning(lcEngine) << "journal commit failed:" << m_error;
        }
    }
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    for (const Waiting &w : waiting)
        if (w.context)
            w.then(committed ? w.stepId : 0);
}

void ChangeRecorder::begin(const Change &change, QObject *context, Then then)
{
    qint64 step = 0;
    if (ensureTransaction()) {
        step =
            m_context.journal->recordIntent(m_runId, change.numberSid, change.action, change.after);
        if (step == 0) {
            m_error = m_context.journal->errorString();
        } else if (m_context.audit->append(auditRecord(change, AuditLog::pendingOutcome()))) {
            m_pendingAudit.insert(step, m_context.audit->lastId());
        } else {
            // No call without its audit row. The transaction is shared with other calls'
            // intents, so it is not rolled back: this intent is closed as never sent.
            m_error = m_context.audit->errorString();
            StepResult notSent;
            notSent.errorMessage = QStringLiteral("not sent: the audit log could not be written");
            m_context.journal->recordResult(step, notSent);
            step = 0;
        }
    }
    // Answered after the commit even on failure, so a job never re-enters itself.
    m_waiting.append(Waiting{context, std::move(then), step});
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &ChangeRecorder::flush, Qt::QueuedConnection);
    }
}

void ChangeRecorder::finish(qint64 stepId, const Change &change, const TwilioError &error,
                            const TwilioReplyInfo &reply)
{
    // One rule for the status and the request id (the error's when it has them, else the
    // answer's), shared by the journal result and the audit record.
    StepResult result;
    result.ok = !error.isError();
    result.httpStatus = error.httpStatus ? error.httpStatus : reply.httpStatus;
    result.twilioCode = error.code;
    result.requestId = error.requestId.isEmpty() ? reply.requestId : error.requestId;
    result.errorMessage = error.isError() ? error.toDisplayString() : QString();
    if (!ensureTransaction() || !m_context.journal->recordResult(stepId, result)) {
        m_error = m_context.journal->errorString();
        qCWarning(lcEngine) << "journal result of" << change.action << change.numberSid
                            << "not recorded:" << m_error;
    }
    for (const TwilioAttempt &attempt : reply.earlierAttempts) {
        AuditRecord retried = auditRecord(change, QStringLiteral("retried (%1)").arg(attempt.what));
        retried.httpStatus = attempt.httpStatus;
        retried.twilioCode = attempt.code;
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
    if (!ensureTransaction() || !m_context.audit->complete(pending, outcome, result.httpStatus,
                                                           result.twilioCode, result.requestId)) {
        m_error = m_context.audit->errorString();
        qCWarning(lcEngine) << "audit record of" << change.action << change.numberSid
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

bool ChangeRecorder::saveSnapshot(const NumberSnapshot &snapshot)
{
    if (!ensureTransaction())
        return false;
    if (m_context.journal->saveSnapshot(m_runId, m_context.accountSid, snapshot))
        return true;
    m_error = m_context.journal->errorString();
    return false;
}

void ChangeRecorder::closeStep(qint64 stepId, const StepResult &result)
{
    if (!ensureTransaction() || !m_context.journal->recordResult(stepId, result))
        qCWarning(lcEngine) << "closing step" << stepId
                            << "failed:" << m_context.journal->errorString();
}

AuditRecord ChangeRecorder::auditRecord(const Change &change, const QString &outcome) const
{
    AuditRecord record;
    record.accountSid = m_context.accountSid;
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
    if (ensureTransaction() && m_context.audit->append(record))
        return;
    m_error = m_context.audit->errorString();
    qCWarning(lcEngine) << "audit record of" << record.action << record.numberSid
                        << "not written:" << m_error;
}
