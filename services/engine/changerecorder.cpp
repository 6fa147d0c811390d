#include "changerecorder.h"

#include "auditlog.h"
#include "enginelogging.h"
#include "journal.h"
#include "twilioerror.h"
#include "twilioresult.h"

ChangeRecorder::ChangeRecorder(const EngineContext &context, qint64 runId)
    : m_context(context)
    , m_runId(runId)
{
}

qint64 ChangeRecorder::begin(const Change &change)
{
    const qint64 step =
        m_context.journal->recordIntent(m_runId, change.numberSid, change.action, change.after);
    if (step == 0)
        m_error = m_context.journal->errorString();
    return step;
}

bool ChangeRecorder::finish(qint64 stepId, const Change &change, const TwilioError &error,
                            const TwilioReplyInfo &reply)
{
    StepResult result;
    result.ok = !error.isError();
    result.httpStatus = error.httpStatus ? error.httpStatus : reply.httpStatus;
    result.twilioCode = error.code;
    result.requestId = error.requestId.isEmpty() ? reply.requestId : error.requestId;
    result.errorMessage = error.isError() ? error.toDisplayString() : QString();
    bool ok = m_context.journal->recordResult(stepId, result);
    if (!ok) {
        m_error = m_context.journal->errorString();
        qCWarning(lcEngine) << "journal result of" << change.action << change.numberSid
                            << "not recorded:" << m_error;
    }
    const QString outcome = error.isError() ? QStringLiteral("failed") : QStringLiteral("success");
    return audit(change, &error, &reply, outcome) && ok;
}

bool ChangeRecorder::noteAlreadyDone(const Change &change)
{
    return audit(change, nullptr, nullptr, QStringLiteral("already_done"));
}

bool ChangeRecorder::audit(const Change &change, const TwilioError *error,
                           const TwilioReplyInfo *reply, const QString &outcome)
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
    if (error) {
        record.httpStatus = error->httpStatus;
        record.twilioCode = error->code;
        record.requestId = error->requestId;
    }
    if (reply && record.httpStatus == 0)
        record.httpStatus = reply->httpStatus;
    if (reply && record.requestId.isEmpty())
        record.requestId = reply->requestId;
    if (m_context.audit->append(record))
        return true;
    m_error = m_context.audit->errorString();
    qCWarning(lcEngine) << "audit record of" << change.action << change.numberSid
                        << "not written:" << m_error;
    return false;
}
