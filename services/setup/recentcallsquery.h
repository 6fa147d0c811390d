#pragma once

#include "migrationtypes.h"
#include "twilioresult.h"
#include "voiceresources.h"

#include <QHash>
#include <QObject>

class AuditLog;
class Journal;
class TwilioClient;

// The latest calls to or from a phone number (E.164) or on a SIP domain, with both legs of
// each: the parent call and the legs it dialled (found by ParentCallSid), newest first. What
// the user looks at after a test call in steps 1 and 2. Read-only.
//
// Twilio filters To/From by exact value only, so for a domain the calls of the last few days
// are listed and those whose To or From is a SIP URI on that domain are kept.
class RecentCallsQuery : public QObject
{
    Q_OBJECT
public:
    explicit RecentCallsQuery(TwilioClient *client, QObject *parent = nullptr);
    // The shape every set-up step has; a read needs neither journal nor audit log.
    RecentCallsQuery(TwilioClient *client, Journal *journal, AuditLog *audit,
                     const QString &accountSid, QObject *parent = nullptr);

    void setLimit(int calls) { m_limit = qBound(1, calls, 200); }        // default 20
    void setWindowDays(int days) { m_windowDays = qBound(0, days, 30); } // default 2

    // Empty when the input is an E.164 number or a SIP domain name, else a sentence.
    static QString check(const QString &numberOrDomain);
    // A leg as the step pages show it.
    static CallInfo infoOf(const CallRecord &call);

    void start(const QString &numberOrDomain);
    void cancel();

signals:
    void progress(const QString &stage, int done, int total);
    void finished(const QVector<CallInfo> &calls);
    void failed(const OperationError &error);

private:
    void list(const CallFilter &filter);
    void listed(const QList<CallRecord> &calls);
    void fetchChildren();
    void complete();
    bool onDomain(const CallRecord &call) const;
    CallFilter windowFilter() const;
    void fail(const TwilioError &error);

    TwilioClient *m_client;
    QString m_number;
    QString m_domain;
    int m_limit = 20;
    int m_windowDays = 2;
    int m_pending = 0;
    QHash<QString, CallRecord> m_found;
    QHash<QString, QList<CallRecord>> m_children; // parent SID -> its legs
    QList<TwilioHandle> m_calls;
    bool m_running = false;
};
