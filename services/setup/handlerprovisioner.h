#pragma once

#include "callbehaviour.h"
#include "deploymenttypes.h"
#include "migrationtypes.h"
#include "outboundhandleroptions.h"

#include <QObject>
#include <QUrl>

class AuditLog;
class FunctionDeployer;
class Journal;
class TwilioClient;

// What one set-up step needs deployed: one handler, where it may come from.
struct HandlerRequest
{
    qint64 runId = 0; // the set-up step's journal run
    QString trunkSid;
    QString serviceUniqueName;
    FunctionSource function;
    // Deployed with it, e.g. /referHandler, which both handlers' <Dial referUrl> names.
    QVector<FunctionSource> companions;
    QVector<QPair<QString, QString>> variables;
    QUrl selfHostedUrl; // set: the user hosts the handler there; Functions are left alone
    // For the export when Functions are unavailable: both handlers are written, with these.
    OutboundHandlerOptions exportOptions;
    CallBehaviour exportBehaviour;
    QString exportPbxDomain;
};

struct HandlerOutcome
{
    QUrl url;                // where Twilio must send the calls; empty if nobody hosts it yet
    bool selfHosted = false; // not on Twilio Functions
    QString exportedTo;      // folder the handler code was written to
    QString note;            // what the user has to do, if anything
};

// Gets a handler to a URL Twilio can call: deploys it as a Twilio Function, or takes the
// user's own URL, or, where the account's region offers no Functions, exports the generated
// code for the user to host and says so, so the step can finish what does not need it.
class HandlerProvisioner : public QObject
{
    Q_OBJECT
public:
    HandlerProvisioner(TwilioClient *client, Journal *journal, AuditLog *audit,
                       const QString &accountSid, QObject *parent = nullptr);

    void setBuildTiming(int pollIntervalMs, int timeoutMs);
    void setExportDirectory(const QString &directory) { m_exportDirectory = directory; }
    // The folder used when none was set: per account under the application's data folder.
    QString exportDirectory() const;

    void start(const HandlerRequest &request);
    void cancel();

signals:
    void progress(const QString &stage, int done, int total);
    void ready(const HandlerOutcome &outcome);
    void failed(const OperationError &error);

private:
    void deployed(const DeploymentResult &result);
    void exportInstead(const OperationError &reason);

    FunctionDeployer *m_deployer;
    HandlerRequest m_request;
    QString m_accountSid;
    QString m_exportDirectory;
};
