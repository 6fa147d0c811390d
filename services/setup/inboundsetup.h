#pragma once

#include "callequivalence.h"
#include "handlerprovisioner.h"
#include "migrationtypes.h"
#include "setuprun.h"
#include "twilioresult.h"
#include "voiceresources.h"

#include <QObject>
#include <QUrl>

#include <optional>

class AuditLog;
class DomainMapper;
class Journal;
class TwilioClient;

// Step 1, calls from the PBX to the PSTN: deploys /inboundHandler, creates the SIP domain
// <prefix>.sip.twilio.com pointing at it and lets the trunk's IP ACLs and credential lists
// authorise calls to it. Safe to run again: a domain this account already has and that points
// at our handler (or that the journal says we created) is updated only where it differs,
// and lists already mapped are left alone. A name used by anything else is refused before
// anything changes.
//
// Emits exactly one of finished() or failed() per start().
class InboundSetup : public QObject
{
    Q_OBJECT
public:
    InboundSetup(TwilioClient *client, Journal *journal, AuditLog *audit, const QString &accountSid,
                 QObject *parent = nullptr);

    // Use a handler the user hosts instead of deploying a Twilio Function.
    void setSelfHostedHandlerUrl(const QUrl &url) { m_selfHostedUrl = url; }
    // Where the handler code is exported when the region has no Functions.
    void setExportDirectory(const QString &directory);
    void setBuildTiming(int pollIntervalMs, int timeoutMs);

    // Empty when the step can run with these inputs, else one translated sentence.
    QString check(const InboundOptions &options, const TrunkSummary &trunk) const;

    void start(const InboundOptions &options, const TrunkSummary &trunk);
    void cancel();

signals:
    void progress(const QString &stage, int done, int total);
    void finished(const InboundResult &result);
    void failed(const OperationError &error);

private:
    CallEquivalence equivalence() const;
    void checkDomainName();
    bool isOurs(const SipDomain &domain) const;
    void provisioned(const HandlerOutcome &outcome);
    void writeDomain();
    void domainReady(const SipDomain &domain);
    void mapped(const QVector<NamedSid> &acls, const QVector<NamedSid> &credentialLists);
    void failWith(const OperationError &error);

    SetupRun m_run;
    TwilioClient *m_client;
    HandlerProvisioner *m_provisioner;
    DomainMapper *m_mapper;
    InboundOptions m_options;
    TrunkSummary m_trunk;
    QUrl m_selfHostedUrl;
    QString m_domainName;
    QString m_friendlyName;
    std::optional<SipDomain> m_existing;
    HandlerOutcome m_handler;
    InboundResult m_result;
    TwilioHandle m_call;
    bool m_running = false;
};
