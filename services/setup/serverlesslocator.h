#pragma once

#include "migrationtypes.h"
#include "serverlessresources.h"
#include "twilioresult.h"

#include <QObject>

class SetupRun;
class TwilioClient;

// Finds or creates the Functions service (by unique name: accounts are capped at 50 services,
// so an existing one is always reused) and its environment (by unique name or domain suffix).
// Also where a missing Functions product shows: a Serverless host that does not resolve, or a
// 404 for the Services collection itself, is reported as unavailable(), before any change.
class ServerlessLocator : public QObject
{
    Q_OBJECT
public:
    ServerlessLocator(TwilioClient *client, SetupRun *recorder, QObject *parent = nullptr);

    void start(const QString &serviceUniqueName, const QString &serviceFriendlyName,
               const QString &environmentUniqueName, const QString &environmentSuffix);
    void cancel();

signals:
    void located(const QString &serviceSid, const ServerlessEnvironment &environment);
    void unavailable(const OperationError &reason);
    void failed(const OperationError &error);

private:
    void searchServices();
    void createService();
    void useService(const ServerlessService &service);
    void createEnvironment();
    void useEnvironment(const ServerlessEnvironment &environment);
    void fail(const QString &what, const TwilioError &error);
    void failWith(const OperationError &error);
    void reportUnavailable(const TwilioError &error);
    void finish();

    TwilioClient *m_client;
    SetupRun *m_run;
    QString m_serviceName;
    QString m_serviceFriendlyName;
    QString m_environmentName;
    QString m_environmentSuffix;
    QString m_serviceSid;
    TwilioHandle m_call;
    bool m_running = false;
};
