#pragma once

#include "auditrecord.h"
#include "secretredactor.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;
class SqliteStore;

// The durable audit trail: every change and every failed attempt, kept in the journal's
// database (table "audit") so it survives restarts, and exported as CSV. Registered secrets are
// masked before anything is stored or written.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    // store must be open and outlive this object (Journal::store()).
    explicit AuditLog(SqliteStore &store);

    void addSecretToRedact(const QString &secret) { m_redactor.addSecret(secret); }
    // Defaults to currentOperator().
    void setOperatorName(const QString &name) { m_operator = name; }

    // Fills in the time and operator when empty. Returns false with errorString() set on bad
    // input (malformed SIDs or number) or a database error; nothing is stored then.
    bool append(AuditRecord record);
    // The id of the last record append() stored (to complete() it later).
    qint64 lastId() const { return m_lastId; }
    // Completes a record written before its call (outcome "pending") with the result.
    bool complete(qint64 id, const QString &outcome, int httpStatus, int twilioCode,
                  const QString &requestId);
    // Records still "pending" of the account were written by a process that died before their
    // result: they become `outcome` (the account's run lock says no live process owns them).
    bool closePending(const QString &accountSid, const QString &outcome);
    static QString pendingOutcome() { return QStringLiteral("pending"); }
    // Oldest first; accountSid empty means every account.
    QList<AuditRecord> records(const QString &accountSid = {});

    bool exportCsv(QIODevice *device, const QString &accountSid = {});
    bool exportCsvFile(const QString &path, const QString &accountSid = {});

    QString errorString() const { return m_error; }

    // The OS user running the program.
    static QString currentOperator();

private:
    QString check(const AuditRecord &record) const;
    AuditRecord redacted(AuditRecord record) const;
    QList<AuditRecord> exportable(const QString &accountSid);

    SqliteStore &m_store;
    SecretRedactor m_redactor;
    QString m_operator;
    QString m_error;
    qint64 m_lastId = 0;
};
