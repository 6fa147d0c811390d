#include "setuprecorder.h"

#include "auditlog.h"
#include "journal.h"
#include "setuplogging.h"
#include "twilioerror.h"

#include <QCoreApplication>

SetupRecorder::SetupRecorder(Journal *journal, AuditLog *audit, const QString &accountSid)
    : m_journal(journal)
    , m_audit(audit)
    , m_accountSid(accountSid)
{}

bool SetupRecorder::beginRun(const QString &trunkSid, const QString &kind)
{
    m_error.clear();
    if (!m_journal || !m_journal->isOpen()) {
        m_error = tr("The journal is not open, so changes could not be recorded.");
        return false;
    }
    m_trunkSid = trunkSid;
    m_runId = m_journal->beginRun(m_accountSid, trunkSid, kind);
    m_ownsRun = m_runId != 0;
    if (!m_runId)
        m_error = m_journal->errorString();
    return m_runId != 0;
}

void SetupRecorder::joinRun(qint64 runId, const QString &trunkSid)
{
    m_runId = runId;
    m_trunkSid = trunkSid;
    m_ownsRun = false;
}

void SetupRecorder::finishRun(const QString &status)
{
    if (m_ownsRun && m_runId && !m_journal->finishRun(m_runId, status))
        qCWarning(lcSetup) << "could not close journal run" << m_runId << m_journal->errorString();
    m_ownsRun = false;
}

qint64 SetupRecorder::intent(const SetupChange &change)
{
    const qint64 step =
        m_journal->recordIntent(m_runId, change.numberSid, change.action, change.detail);
    if (!step)
        m_error = tr("Could not record \"%1\" in the journal: %2")
                      .arg(change.action, m_journal->errorString());
    return step;
}

void SetupRecorder::result(qint64 stepId, const SetupChange &change, const TwilioError &error,
                           const TwilioReplyInfo &reply)
{
    StepResult result;
    result.ok = !error.isError();
    result.httpStatus = reply.httpStatus                       ? reply.httpStatus
                        : error.kind == TwilioError::Kind::Api ? error.httpStatus
                                                               : 0;
    result.twilioCode = error.code;
    result.requestId = reply.requestId.isEmpty() ? error.requestId : reply.requestId;
    result.errorMessage = error.isError() ? error.toDisplayString() : QString();
    if (!m_journal->recordResult(stepId, result))
        qCWarning(lcSetup) << "could not record the result of step" << stepId
                           << m_journal->errorString();
    audit(change, &error, reply, result.ok ? QStringLiteral("success") : QStringLiteral("failed"));
}

void SetupRecorder::audit(const SetupChange &change, const TwilioError *error,
                          const TwilioReplyInfo &reply, const QString &outcome)
{
    if (!m_audit)
        return;
    AuditRecord record;
    record.accountSid = m_accountSid;
    record.action = change.action;
    record.phoneNumber = change.phoneNumber;
    record.numberSid = change.numberSid;
    record.trunkSid = m_trunkSid;
    record.before = change.before;
    record.after = change.after;
    record.httpStatus = reply.httpStatus;
    record.requestId = reply.requestId;
    if (error && error->isError()) {
        if (!record.httpStatus && error->kind == TwilioError::Kind::Api)
            record.httpStatus = error->httpStatus;
        if (record.requestId.isEmpty())
            record.requestId = error->requestId;
        record.twilioCode = error->code;
    }
    record.outcome = outcome;
    if (!m_audit->append(record))
        qCWarning(lcSetup) << "could not write the audit log:" << m_audit->errorString();
}

QString SetupRecorder::value(const QString &key) const
{
    return m_journal->setupValue(m_accountSid, key).value_or(QString());
}

bool SetupRecorder::setValue(const QString &key, const QString &value)
{
    if (m_journal->setSetupValue(m_accountSid, key, value))
        return true;
    m_error = m_journal->errorString();
    qCWarning(lcSetup) << "could not save set-up value" << key << m_error;
    return false;
}
