#include "serverlessapi.h"

#include "serverlessrequests.h"
#include "twilioclient.h"

namespace R = ServerlessRequests;

ServerlessApi::ServerlessApi(TwilioClient &client)
    : m_client(client)
{}

TwilioHandle ServerlessApi::listServices(QObject *context,
                                         TwilioCallback<QList<ServerlessService>> callback)
{
    return m_client.sendList<ServerlessService>(R::listServices(), context, std::move(callback),
                                                &ServerlessService::fromJson);
}

TwilioHandle ServerlessApi::createService(const QString &uniqueName, const QString &friendlyName,
                                          QObject *context,
                                          TwilioCallback<ServerlessService> callback)
{
    return m_client.send<ServerlessService>(R::createService(uniqueName, friendlyName), context,
                                            std::move(callback), &ServerlessService::fromJson);
}

TwilioHandle ServerlessApi::fetchService(const QString &sidOrUniqueName, QObject *context,
                                         TwilioCallback<ServerlessService> callback)
{
    return m_client.send<ServerlessService>(R::fetchService(sidOrUniqueName), context,
                                            std::move(callback), &ServerlessService::fromJson);
}

TwilioHandle ServerlessApi::listEnvironments(const QString &serviceSid, QObject *context,
                                             TwilioCallback<QList<ServerlessEnvironment>> callback)
{
    return m_client.sendList<ServerlessEnvironment>(R::listEnvironments(serviceSid), context,
                                                    std::move(callback),
                                                    &ServerlessEnvironment::fromJson);
}

TwilioHandle ServerlessApi::createEnvironment(const QString &serviceSid, const QString &uniqueName,
                                              const QString &domainSuffix, QObject *context,
                                              TwilioCallback<ServerlessEnvironment> callback)
{
    return m_client.send<ServerlessEnvironment>(
        R::createEnvironment(serviceSid, uniqueName, domainSuffix), context, std::move(callback),
        &ServerlessEnvironment::fromJson);
}

TwilioHandle ServerlessApi::listFunctions(const QString &serviceSid, QObject *context,
                                          TwilioCallback<QList<ServerlessFunction>> callback)
{
    return m_client.sendList<ServerlessFunction>(
        R::listFunctions(serviceSid), context, std::move(callback), &ServerlessFunction::fromJson);
}

TwilioHandle ServerlessApi::createFunction(const QString &serviceSid, const QString &friendlyName,
                                           QObject *context,
                                           TwilioCallback<ServerlessFunction> callback)
{
    return m_client.send<ServerlessFunction>(R::createFunction(serviceSid, friendlyName), context,
                                             std::move(callback), &ServerlessFunction::fromJson);
}

TwilioHandle ServerlessApi::uploadFunctionVersion(const QString &serviceSid,
                                                  const QString &functionSid,
                                                  const FunctionVersionUpload &upload,
                                                  QObject *context,
                                                  TwilioCallback<FunctionVersion> callback)
{
    return m_client.send<FunctionVersion>(R::uploadFunctionVersion(serviceSid, functionSid, upload),
                                          context, std::move(callback), &FunctionVersion::fromJson);
}

TwilioHandle ServerlessApi::createBuild(const QString &serviceSid, const BuildRequest &build,
                                        QObject *context, TwilioCallback<ServerlessBuild> callback)
{
    return m_client.send<ServerlessBuild>(R::createBuild(serviceSid, build), context,
                                          std::move(callback), &ServerlessBuild::fromJson);
}

TwilioHandle ServerlessApi::fetchBuild(const QString &serviceSid, const QString &buildSid,
                                       QObject *context, TwilioCallback<ServerlessBuild> callback)
{
    return m_client.send<ServerlessBuild>(R::fetchBuild(serviceSid, buildSid), context,
                                          std::move(callback), &ServerlessBuild::fromJson);
}

TwilioHandle ServerlessApi::fetchBuildStatus(const QString &serviceSid, const QString &buildSid,
                                             QObject *context,
                                             TwilioCallback<ServerlessBuild> callback)
{
    return m_client.send<ServerlessBuild>(R::fetchBuildStatus(serviceSid, buildSid), context,
                                          std::move(callback), &ServerlessBuild::fromJson);
}

TwilioHandle ServerlessApi::createDeployment(const QString &serviceSid,
                                             const QString &environmentSid, const QString &buildSid,
                                             QObject *context,
                                             TwilioCallback<ServerlessDeployment> callback)
{
    return m_client.send<ServerlessDeployment>(
        R::createDeployment(serviceSid, environmentSid, buildSid), context, std::move(callback),
        &ServerlessDeployment::fromJson);
}

TwilioHandle ServerlessApi::listDeployments(const QString &serviceSid,
                                            const QString &environmentSid, QObject *context,
                                            TwilioCallback<QList<ServerlessDeployment>> callback)
{
    return m_client.sendList<ServerlessDeployment>(R::listDeployments(serviceSid, environmentSid),
                                                   context, std::move(callback),
                                                   &ServerlessDeployment::fromJson);
}

TwilioHandle ServerlessApi::listVariables(const QString &serviceSid, const QString &environmentSid,
                                          QObject *context,
                                          TwilioCallback<QList<ServerlessVariable>> callback)
{
    return m_client.sendList<ServerlessVariable>(R::listVariables(serviceSid, environmentSid),
                                                 context, std::move(callback),
                                                 &ServerlessVariable::fromJson);
}

TwilioHandle ServerlessApi::createVariable(const QString &serviceSid, const QString &environmentSid,
                                           const QString &key, const QString &value,
                                           QObject *context,
                                           TwilioCallback<ServerlessVariable> callback)
{
    return m_client.send<ServerlessVariable>(
        R::createVariable(serviceSid, environmentSid, key, value), context, std::move(callback),
        &ServerlessVariable::fromJson);
}

TwilioHandle ServerlessApi::updateVariable(const QString &serviceSid, const QString &environmentSid,
                                           const QString &variableSid,
                                           const std::optional<QString> &key,
                                           const std::optional<QString> &value, QObject *context,
                                           TwilioCallback<ServerlessVariable> callback)
{
    return m_client.send<ServerlessVariable>(
        R::updateVariable(serviceSid, environmentSid, variableSid, key, value), context,
        std::move(callback), &ServerlessVariable::fromJson);
}
