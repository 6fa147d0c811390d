#pragma once

#include "serverlessresources.h"
#include "twilioresult.h"

#include <QList>

#include <optional>

class QObject;
class TwilioClient;

// Serverless v1 operations (serverless.twilio.com/v1/Services…) and the Function Version
// upload (serverless-upload.twilio.com), described in ServerlessRequests. Creates that can be
// looked up (service by unique name, environment by unique name, function by friendly name,
// deployment by build, variable by key) are safe to retry; version uploads and builds are not
// retried after an ambiguous failure (the error is reported; an extra unused version or build is
// harmless if the caller tries again).
class ServerlessApi
{
public:
    explicit ServerlessApi(TwilioClient &client);

    TwilioHandle listServices(QObject *context, TwilioCallback<QList<ServerlessService>> callback);
    TwilioHandle createService(const QString &uniqueName, const QString &friendlyName,
                               QObject *context, TwilioCallback<ServerlessService> callback);
    // sidOrUniqueName: a ZS SID or the service's unique name.
    TwilioHandle fetchService(const QString &sidOrUniqueName, QObject *context,
                              TwilioCallback<ServerlessService> callback);

    TwilioHandle listEnvironments(const QString &serviceSid, QObject *context,
                                  TwilioCallback<QList<ServerlessEnvironment>> callback);
    TwilioHandle createEnvironment(const QString &serviceSid, const QString &uniqueName,
                                   const QString &domainSuffix, QObject *context,
                                   TwilioCallback<ServerlessEnvironment> callback);

    TwilioHandle listFunctions(const QString &serviceSid, QObject *context,
                               TwilioCallback<QList<ServerlessFunction>> callback);
    TwilioHandle createFunction(const QString &serviceSid, const QString &friendlyName,
                                QObject *context, TwilioCallback<ServerlessFunction> callback);
    TwilioHandle uploadFunctionVersion(const QString &serviceSid, const QString &functionSid,
                                       const FunctionVersionUpload &upload, QObject *context,
                                       TwilioCallback<FunctionVersion> callback);

    TwilioHandle createBuild(const QString &serviceSid, const BuildRequest &build, QObject *context,
                             TwilioCallback<ServerlessBuild> callback);
    TwilioHandle fetchBuild(const QString &serviceSid, const QString &buildSid, QObject *context,
                            TwilioCallback<ServerlessBuild> callback);
    // Poll this (about once a second) until status is "completed" or "failed".
    TwilioHandle fetchBuildStatus(const QString &serviceSid, const QString &buildSid,
                                  QObject *context, TwilioCallback<ServerlessBuild> callback);

    TwilioHandle createDeployment(const QString &serviceSid, const QString &environmentSid,
                                  const QString &buildSid, QObject *context,
                                  TwilioCallback<ServerlessDeployment> callback);
    TwilioHandle listDeployments(const QString &serviceSid, const QString &environmentSid,
                                 QObject *context,
                                 TwilioCallback<QList<ServerlessDeployment>> callback);

    TwilioHandle listVariables(const QString &serviceSid, const QString &environmentSid,
                               QObject *context,
                               TwilioCallback<QList<ServerlessVariable>> callback);
    TwilioHandle createVariable(const QString &serviceSid, const QString &environmentSid,
                                const QString &key, const QString &value, QObject *context,
                                TwilioCallback<ServerlessVariable> callback);
    // Unset key/value are not sent.
    TwilioHandle updateVariable(const QString &serviceSid, const QString &environmentSid,
                                const QString &variableSid, const std::optional<QString> &key,
                                const std::optional<QString> &value, QObject *context,
                                TwilioCallback<ServerlessVariable> callback);

private:
    TwilioClient &m_client;
};
