#pragma once

#include "migrationtypes.h"
#include "twilioresult.h"
#include "voiceresources.h"

#include <QObject>

class SetupRun;
class TwilioClient;

// Lets the trunk's IP access control lists and credential lists authorise calls to a SIP
// domain (…/SIP/Domains/{SD}/Auth/Calls/…Mappings). Lists already mapped are left alone, so a
// re-run creates nothing.
class DomainMapper : public QObject
{
    Q_OBJECT
public:
    DomainMapper(TwilioClient *client, SetupRun *recorder, QObject *parent = nullptr);

    void start(const QString &domainSid, const QVector<NamedSid> &ipAccessControlLists,
               const QVector<NamedSid> &credentialLists);
    void cancel();

signals:
    void progress(const QString &stage, int done, int total);
    // Every list asked for is now mapped (whether by this run or before).
    void finished(const QVector<NamedSid> &ipAccessControlLists,
                  const QVector<NamedSid> &credentialLists);
    void failed(const OperationError &error);

private:
    enum class Kind { Acl, Credentials };
    void list(Kind kind);
    void mapNext();
    void fail(const QString &what, const TwilioError &error);

    TwilioClient *m_client;
    SetupRun *m_run;
    QString m_domainSid;
    QVector<NamedSid> m_acls;
    QVector<NamedSid> m_credentialLists;
    QStringList m_mappedAcls;
    QStringList m_mappedCredentialLists;
    QVector<QPair<Kind, NamedSid>> m_todo;
    int m_done = 0;
    TwilioHandle m_call;
    bool m_running = false;
};
