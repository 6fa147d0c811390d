#include "setuprun.h"

#include "auditlog.h"
#include "callresult.h"
#include "journal.h"
#include "setuplogging.h"
#include "twilioerror.h"

#include <QCoreApplication>

SetupRun::SetupRun(Journal *journal, AuditLog *audit, const QString &accountSid)
    : m_journal(journal)
    , m_audit(audit)
    , m_accountSid(accountSid)
{}

bool SetupRun::beginRun(const QString &trunkSid, const QString &kind)
{
    m_error.clear();
    if (!m_journal || !m_journal->isOpen()) {
        m_error = tr("The journal is not open, so changes could not be recorded.");
        return false;
    }
    m_trunkSid = trunkSid;
    m_runId = m_journal->beginRun(m_accountSid, trunkSid, kind);
    m_ownsRun = m_runId != 0;
    if (!m_runId) {
        m_error = m_journal->errorString();
        return false;
    }
    m_changes = std::make_unique<ChangeRecorder>(m_journal, m_audit, m_accountSid, m_runId);
    return true;
}

void SetupRun::joinRun(qint64 runId, const QString &trunkSid)
{
    m_runId = runId;
    m_trunkSid = trunkSid;
    m_ownsRun = false;
    m_changes = std::make_unique<ChangeRecorder>(m_journal, m_audit, m_accountSid, m_runId);
}

void SetupRun::finishRun(const QString &status)
{
    if (m_ownsRun && m_runId && !m_journal->finishRun(m_runId, status))
        qCWarning(lcSetup) << "could not close journal run" << m_runId << m_journal->errorString();
    m_ownsRun = false;
}

Change SetupRun::changeOf(const SetupChange &change) const
{
    return Change{change.numberSid, change.phoneNumber, m_trunkSid,   change.action,
                  change.before,    change.after,       change.detail};
}

qint64 SetupRun::intent(const SetupChange &change)
{
    if (!m_changes) {
        m_error = tr("No set-up run is open, so \"%1\" could not be recorded.").arg(change.action);
        return 0;
    }
    const qint64 step = m_changes->beginNow(changeOf(change));
    if (!step)
        m_error = tr("Could not record \"%1\" in the journal: %2")
                      .arg(change.action, m_changes->errorString());
    return step;
}

void SetupRun::result(qint64 stepId, const SetupChange &change, const TwilioError &error,
                      const TwilioReplyInfo &reply)
{
    if (!m_changes)
        return;
    m_changes->finish(stepId, changeOf(change), callResultOf(error, reply));
    m_changes->flush();
}

QString SetupRun::value(const QString &key) const
{
    return m_journal->setupValue(m_accountSid, key).value_or(QString());
}

bool SetupRun::setValue(const QString &key, const QString &value)
{
    if (m_journal->setSetupValue(m_accountSid, key, value))
        return true;
    m_error = m_journal->errorString();
    qCWarning(lcSetup) << "could not save set-up value" << key << m_error;
    return false;
}
