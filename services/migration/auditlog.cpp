#include "auditlog.h"

#include "urlcredentials.h"

#include "auditcsvwriter.h"
#include "sqlitestore.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace {
// A null QString binds as SQL NULL; the columns are NOT NULL and absent text is ''.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant nullIfZero(int value)
{
    return value == 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(value);
}

QString checkOptionalSid(const QString &value, const char prefix[3], const QString &what)
{
    return value.isEmpty() ? QString() : Validation::checkSid(value, prefix, what);
}
} // namespace

AuditLog::AuditLog(SqliteStore &store)
    : m_store(store)
    , m_operator(currentOperator())
{}

QString AuditLog::currentOperator()
{
#ifdef Q_OS_UNIX
    // The account the process runs as, which $USER does not prove (sudo, su, env overrides).
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("unknown");
}

QString AuditLog::check(const AuditRecord &record) const
{
    QString problem = Validation::checkSid(record.accountSid, "AC", tr("The account SID"));
    if (problem.isEmpty())
        problem = checkOptionalSid(record.numberSid, "PN", tr("The phone number SID"));
    if (problem.isEmpty())
        problem = checkOptionalSid(record.trunkSid, "TK", tr("The trunk SID"));
    if (problem.isEmpty() && !record.phoneNumber.isEmpty())
        problem = Validation::checkE164(record.phoneNumber);
    if (problem.isEmpty() && (record.action.isEmpty() || record.outcome.isEmpty()))
        problem = tr("An audit record needs an action and an outcome.");
    return problem;
}

AuditRecord AuditLog::redacted(AuditRecord record) const
{
    for (QString *text : {&record.timeUtc, &record.operatorName, &record.accountSid, &record.action,
                          &record.phoneNumber, &record.numberSid, &record.trunkSid, &record.before,
                          &record.after, &record.requestId, &record.outcome})
        *text = m_redactor.redact(*text);
    // Credentials of the customer's own systems inside the URLs a number carried: the audit
    // log says where calls went, never how to log in there (the journal keeps them exact).
    record.before = UrlCredentials::redact(record.before);
    record.after = UrlCredentials::redact(record.after);
    return record;
}

bool AuditLog::append(AuditRecord record)
{
    m_error = check(record);
    if (!m_error.isEmpty())
        return false;
    if (record.timeUtc.isEmpty())
        record.timeUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (record.operatorName.isEmpty())
        record.operatorName = m_operator;
    record = redacted(record);

    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "INSERT INTO audit (time_utc, operator, account_sid, action, phone_number, number_sid,"
        " trunk_sid, before_value, after_value, http_status, twilio_code, request_id, outcome)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QString &text :
         {record.timeUtc, record.operatorName, record.accountSid, record.action, record.phoneNumber,
          record.numberSid, record.trunkSid, record.before, record.after})
        q.addBindValue(notNull(text));
    q.addBindValue(nullIfZero(record.httpStatus));
    q.addBindValue(nullIfZero(record.twilioCode));
    q.addBindValue(notNull(record.requestId));
    q.addBindValue(record.outcome);
    if (!m_store.exec(q, tr("Writing the audit log"))) {
        m_error = m_store.errorString();
        return false;
    }
    m_lastId = q.lastInsertId().toLongLong();
    return true;
}

bool AuditLog::complete(qint64 id, const QString &outcome, int httpStatus, int twilioCode,
                        const QString &requestId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE audit SET outcome = ?, http_status = ?, twilio_code = ?,"
                             " request_id = ? WHERE id = ?"));
    q.addBindValue(m_redactor.redact(outcome));
    q.addBindValue(nullIfZero(httpStatus));
    q.addBindValue(nullIfZero(twilioCode));
    q.addBindValue(notNull(m_redactor.redact(requestId)));
    q.addBindValue(id);
    if (!m_store.exec(q, tr("Writing the audit log"))) {
        m_error = m_store.errorString();
        return false;
    }
    return true;
}

bool AuditLog::closePending(const QString &accountSid, const QString &outcome)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE audit SET outcome = ? WHERE outcome = ? AND account_sid = ?"));
    q.addBindValue(outcome);
    q.addBindValue(pendingOutcome());
    q.addBindValue(accountSid);
    if (!m_store.exec(q, tr("Writing the audit log"))) {
        m_error = m_store.errorString();
        return false;
    }
    return true;
}

QList<AuditRecord> AuditLog::records(const QString &accountSid)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT time_utc, operator, account_sid, action, phone_number, number_sid, trunk_sid,"
        " before_value, after_value, http_status, twilio_code, request_id, outcome FROM audit"
        " WHERE ? = '' OR account_sid = ? ORDER BY id"));
    q.addBindValue(notNull(accountSid));
    q.addBindValue(notNull(accountSid));
    QList<AuditRecord> result;
    m_error.clear();
    if (!m_store.exec(q, tr("Reading the audit log"))) {
        m_error = m_store.errorString();
        return result;
    }
    while (q.next()) {
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                       q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                       q.value(9).toInt(), q.value(10).toInt(), q.value(11).toString(),
                       q.value(12).toString()});
    }
    return result;
}

QList<AuditRecord> AuditLog::exportable(const QString &accountSid)
{
    QList<AuditRecord> safe = records(accountSid);
    // Redacted again: a secret registered after a record was stored must not leave either.
    for (AuditRecord &record : safe)
        record = redacted(record);
    return safe;
}

bool AuditLog::exportCsv(QIODevice *device, const QString &accountSid)
{
    const QList<AuditRecord> safe = exportable(accountSid);
    if (!m_error.isEmpty())
        return false;
    AuditCsvWriter writer;
    if (writer.write(device, safe))
        return true;
    m_error = writer.errorString();
    return false;
}

bool AuditLog::exportCsvFile(const QString &path, const QString &accountSid)
{
    const QList<AuditRecord> safe = exportable(accountSid);
    if (!m_error.isEmpty())
        return false;
    AuditCsvWriter writer;
    if (writer.writeFile(path, safe))
        return true;
    m_error = writer.errorString();
    return false;
}
