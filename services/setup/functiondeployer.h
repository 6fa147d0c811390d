#pragma once

#include "buildwatcher.h"
#include "deploymenttypes.h"
#include "migrationtypes.h"
#include "serverlessresources.h"
#include "setuprun.h"
#include "twilioresult.h"

#include <QObject>

class AuditLog;
class Journal;
class FunctionUploader;
class ServerlessLocator;
class TwilioClient;

// Deploys Twilio Functions the way serverless-toolkit does (twilio-api.md §4.8): reuse the
// service by unique name, find or create the environment and each function (by friendly name),
// upload new versions, build with the current version of EVERY function of the service (so a
// later deploy never drops an earlier handler from the live build), wait for the build, set
// the environment variables (create or update by key), deploy.
//
// Idempotent: a function whose code hash the journal knows reuses its version, and when the
// live build already holds every chosen version and the variables already have their values,
// nothing is created at all. Each change is recorded in the journal (intent, then result) and
// the audit log.
//
// Emits exactly one of finished(), failed() or unavailable() per start().
class FunctionDeployer : public QObject
{
    Q_OBJECT
public:
    FunctionDeployer(TwilioClient *client, Journal *journal, AuditLog *audit,
                     const QString &accountSid, QObject *parent = nullptr);
    ~FunctionDeployer() override;

    // Record into the caller's journal run; 0 (default) opens a run of its own.
    void setRunId(qint64 runId) { m_outerRunId = runId; }
    // How often the build status is polled and when to give up (default 1 s and 5 min).
    void setBuildTiming(int pollIntervalMs, int timeoutMs);
    bool isRunning() const { return m_running; }

    void start(const DeploymentSpec &spec);
    // Stops after the call in flight (which is still recorded); failed() follows at once.
    void cancel();

signals:
    void progress(const QString &stage, int done, int total);
    void finished(const DeploymentResult &result);
    void failed(const OperationError &error);
    // Twilio Functions are not offered where this account lives (the Serverless host does not
    // resolve, or has no Services collection). Nothing was changed.
    void unavailable(const OperationError &reason);

private:
    template<class T> using Request = std::function<TwilioHandle(TwilioCallback<T>)>;
    template<class T> using Next = std::function<void(const T &)>;
    template<class T>
    void change(const SetupChange &description, const QString &what, const Request<T> &request,
                const Next<T> &next);
    template<class T>
    void read(const QString &what, const Request<T> &request, const Next<T> &next);

    void located(const QString &serviceSid, const ServerlessEnvironment &environment);
    void readLiveBuild(const QString &buildSid);
    void readVariables();
    void decide(const QMap<QString, QString> &chosen,
                const QMap<QString, QString> &uploadedEarlier);
    void createBuild(const QStringList &versions);
    void buildDone(BuildWatcher::Outcome outcome, const QString &status, const TwilioError &error);
    void setVariable(int index);
    void deploy();
    void complete(bool changed);

    QStringList changedVariables() const;
    void fail(const QString &what, const TwilioError &error);
    void failWith(const OperationError &error);
    void end(const QString &runStatus);

    TwilioClient *m_client;
    SetupRun m_run;
    ServerlessLocator *m_locator;
    FunctionUploader *m_uploader;
    BuildWatcher *m_watcher;
    DeploymentSpec m_spec;
    DeploymentResult m_result;
    QMap<QString, QString> m_live; // function SID -> version SID of the live build
    QList<ServerlessVariable> m_variables;
    QStringList m_pendingVariables; // keys to create or update
    TwilioHandle m_call;
    qint64 m_outerRunId = 0;
    bool m_running = false;
};
