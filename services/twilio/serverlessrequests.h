#pragma once

#include "restoperation.h"
#include "serverlessresources.h"

#include <optional>

// Serverless v1 (serverless.twilio.com/v1/Services…) and the Function Version upload
// (serverless-upload.twilio.com) as RestOperations; ServerlessApi sends them. Creates that can
// be looked up (service by unique name, environment by unique name, function by friendly name,
// deployment by build, variable by key) carry their look-up; version uploads and builds do
// not (an extra unused version or build is harmless when the caller tries again).
namespace ServerlessRequests {

RestOperation listServices();
RestOperation createService(const QString &uniqueName, const QString &friendlyName);
RestOperation fetchService(const QString &sidOrUniqueName);
RestOperation listEnvironments(const QString &serviceSid);
RestOperation createEnvironment(const QString &serviceSid, const QString &uniqueName,
                                const QString &domainSuffix);
RestOperation listFunctions(const QString &serviceSid);
RestOperation createFunction(const QString &serviceSid, const QString &friendlyName);
RestOperation uploadFunctionVersion(const QString &serviceSid, const QString &functionSid,
                                    const FunctionVersionUpload &upload);
RestOperation createBuild(const QString &serviceSid, const BuildRequest &build);
RestOperation fetchBuild(const QString &serviceSid, const QString &buildSid);
RestOperation fetchBuildStatus(const QString &serviceSid, const QString &buildSid);
RestOperation createDeployment(const QString &serviceSid, const QString &environmentSid,
                               const QString &buildSid);
RestOperation listDeployments(const QString &serviceSid, const QString &environmentSid);
RestOperation listVariables(const QString &serviceSid, const QString &environmentSid);
RestOperation createVariable(const QString &serviceSid, const QString &environmentSid,
                             const QString &key, const QString &value);
RestOperation updateVariable(const QString &serviceSid, const QString &environmentSid,
                             const QString &variableSid, const std::optional<QString> &key,
                             const std::optional<QString> &value);

} // namespace ServerlessRequests
