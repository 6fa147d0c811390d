#include "serverlessapi.h"

#include "twilioclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

constexpr auto Serverless = TwilioHosts::Product::Serverless;

QString servicePath(const QString &service, const QString &suffix = {})
{
    return QStringLiteral("/v1/Services/") + service + suffix;
}

QString environmentPath(const QString &service, const QString &environment, const QString &suffix)
{
    return servicePath(service, QStringLiteral("/Environments/") + environment + suffix);
}

// Unique names end up in URLs and host names: letters, digits, '-' and '_' only.
bool isUniqueName(const QString &name, int maxLength)
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_-]+")));
    return !name.isEmpty() && name.size() <= maxLength && re.match(name).hasMatch();
}

std::function<bool(const QJsonObject &)> fieldEquals(const char *field, const QString &value)
{
    return [field, value](const QJsonObject &item) {
        return item.value(QLatin1String(field)).toString() == value;
    };
}

} // namespace

ServerlessApi::ServerlessApi(TwilioClient &client)
    : m_client(client)
{}

TwilioError ServerlessApi::checkServiceAndEnvironment(const QString &serviceSid,
                                                      const QString &environmentSid) const
{
    TwilioError error = TwilioClient::checkSid(
        serviceSid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID"));
    if (!error.isError())
        error = TwilioClient::checkSid(environmentSid, "ZE",
                                       QT_TRANSLATE_NOOP("TwilioClient", "The environment SID"));
    return error;
}

TwilioHandle ServerlessApi::listServices(QObject *context,
                                         TwilioCallback<QList<ServerlessService>> callback)
{
    return m_client.listAs<ServerlessService>(
        TwilioRequest::get(Serverless, QStringLiteral("/v1/Services")), QStringLiteral("services"),
        context, std::move(callback), &ServerlessService::fromJson);
}

TwilioHandle ServerlessApi::createService(const QString &uniqueName, const QString &friendlyName,
                                          QObject *context,
                                          TwilioCallback<ServerlessService> callback)
{
    if (!isUniqueName(uniqueName, 50) || friendlyName.isEmpty() || friendlyName.size() > 255)
        return m_client.rejectAs(
            TwilioClient::invalidInput(tr("A service needs a unique name of up to 50 letters, "
                                          "digits, '-' or '_', and a friendly name.")),
            context, std::move(callback));
    // Twilio serves a service by its unique name too: a GET tells whether it exists.
    CreateLookup lookup{TwilioRequest::get(Serverless, servicePath(uniqueName)), {}, {}};
    return m_client.createAs<ServerlessService>(
        TwilioRequest::create(Serverless, QStringLiteral("/v1/Services"),
                              {{QStringLiteral("UniqueName"), uniqueName},
                               {QStringLiteral("FriendlyName"), friendlyName}}),
        lookup, context, std::move(callback), &ServerlessService::fromJson);
}

TwilioHandle ServerlessApi::fetchService(const QString &sidOrUniqueName, QObject *context,
                                         TwilioCallback<ServerlessService> callback)
{
    if (!isUniqueName(sidOrUniqueName, 50))
        return m_client.rejectAs(
            TwilioClient::invalidInput(tr("\"%1\" is neither a service SID nor a unique name.")
                                           .arg(sidOrUniqueName.left(64))),
            context, std::move(callback));
    return m_client.fetchAs<ServerlessService>(
        TwilioRequest::get(Serverless, servicePath(sidOrUniqueName)), context, std::move(callback),
        &ServerlessService::fromJson);
}

TwilioHandle ServerlessApi::listEnvironments(const QString &serviceSid, QObject *context,
                                             TwilioCallback<QList<ServerlessEnvironment>> callback)
{
    if (auto error = TwilioClient::checkSid(
            serviceSid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID"));
        error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.listAs<ServerlessEnvironment>(
        TwilioRequest::get(Serverless, servicePath(serviceSid, QStringLiteral("/Environments"))),
        QStringLiteral("environments"), context, std::move(callback),
        &ServerlessEnvironment::fromJson);
}

TwilioHandle ServerlessApi::createEnvironment(const QString &serviceSid, const QString &uniqueName,
                                              const QString &domainSuffix, QObject *context,
                                              TwilioCallback<ServerlessEnvironment> callback)
{
    TwilioError error = TwilioClient::checkSid(
        serviceSid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID"));
    if (!error.isError() && (!isUniqueName(uniqueName, 100) ||
                             (!domainSuffix.isEmpty() && !isUniqueName(domainSuffix, 16))))
        error = TwilioClient::invalidInput(
            tr("An environment needs a unique name (up to 100 characters) and an optional domain "
               "suffix (up to 16) of letters, digits, '-' or '_'."));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    FormFields form{{QStringLiteral("UniqueName"), uniqueName}};
    if (!domainSuffix.isEmpty())
        form.append({QStringLiteral("DomainSuffix"), domainSuffix});
    const QString path = servicePath(serviceSid, QStringLiteral("/Environments"));
    CreateLookup lookup{TwilioRequest::get(Serverless, path), QStringLiteral("environments"),
                        fieldEquals("unique_name", uniqueName)};
    return m_client.createAs<ServerlessEnvironment>(TwilioRequest::create(Serverless, path, form),
                                                    lookup, context, std::move(callback),
                                                    &ServerlessEnvironment::fromJson);
}

TwilioHandle ServerlessApi::listFunctions(const QString &serviceSid, QObject *context,
                                          TwilioCallback<QList<ServerlessFunction>> callback)
{
    if (auto error = TwilioClient::checkSid(
            serviceSid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID"));
        error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.listAs<ServerlessFunction>(
        TwilioRequest::get(Serverless, servicePath(serviceSid, QStringLiteral("/Functions"))),
        QStringLiteral("functions"), context, std::move(callback), &ServerlessFunction::fromJson);
}

TwilioHandle ServerlessApi::createFunction(const QString &serviceSid, const QString &friendlyName,
                                           QObject *context,
                                           TwilioCallback<ServerlessFunction> callback)
{
    TwilioError error = TwilioClient::checkSid(
        serviceSid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID"));
    if (!error.isError() && (friendlyName.isEmpty() || friendlyName.size() > 255))
        error = TwilioClient::invalidInput(tr("A function needs a name of 1 to 255 characters."));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    const QString path = servicePath(serviceSid, QStringLiteral("/Functions"));
    CreateLookup lookup{TwilioRequest::get(Serverless, path), QStringLiteral("functions"),
                        fieldEquals("friendly_name", friendlyName)};
    return m_client.createAs<ServerlessFunction>(
        TwilioRequest::create(Serverless, path, {{QStringLiteral("FriendlyName"), friendlyName}}),
        lookup, context, std::move(callback), &ServerlessFunction::fromJson);
}

TwilioHandle ServerlessApi::uploadFunctionVersion(const QString &serviceSid,
                                                  const QString &functionSid,
                                                  const FunctionVersionUpload &upload,
                                                  QObject *context,
                                                  TwilioCallback<FunctionVersion> callback)
{
    TwilioError error = TwilioClient::checkSid(
        serviceSid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID"));
    if (!error.isError())
        error = TwilioClient::checkSid(functionSid, "ZH",
                                       QT_TRANSLATE_NOOP("TwilioClient", "The function SID"));
    if (!error.isError() && !upload.check().isEmpty())
        error = TwilioClient::invalidInput(upload.check());
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    TwilioRequest request =
        TwilioRequest::create(TwilioHosts::Product::ServerlessUpload,
                              servicePath(serviceSid, QStringLiteral("/Functions/") + functionSid +
                                                          QStringLiteral("/Versions")),
                              {});
    request.multipart = {{QStringLiteral("Path"), {}, {}, upload.path.toUtf8()},
                         {QStringLiteral("Visibility"), {}, {}, upload.visibility.toUtf8()},
                         {QStringLiteral("Content"), upload.fileName,
                          QStringLiteral("application/javascript"), upload.content}};
    return m_client.createAs<FunctionVersion>(request, std::nullopt, context, std::move(callback),
                                              &FunctionVersion::fromJson);
}

TwilioHandle ServerlessApi::createBuild(const QString &serviceSid, const BuildRequest &build,
                                        QObject *context, TwilioCallback<ServerlessBuild> callback)
{
    TwilioError error = TwilioClient::checkSid(
        serviceSid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID"));
    if (!error.isError() && !build.check().isEmpty())
        error = TwilioClient::invalidInput(build.check());
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    FormFields form;
    for (const QString &sid : build.functionVersionSids)
        form.append({QStringLiteral("FunctionVersions"), sid});
    if (!build.dependencies.isEmpty()) {
        QJsonArray dependencies;
        for (const BuildDependency &dependency : build.dependencies)
            dependencies.append(QJsonObject{{QStringLiteral("name"), dependency.name},
                                            {QStringLiteral("version"), dependency.version}});
        // A JSON string inside the form, as twilio-node sends it.
        form.append(
            {QStringLiteral("Dependencies"),
             QString::fromUtf8(QJsonDocument(dependencies).toJson(QJsonDocument::Compact))});
    }
    if (!build.runtime.isEmpty())
        form.append({QStringLiteral("Runtime"), build.runtime});
    return m_client.createAs<ServerlessBuild>(
        TwilioRequest::create(Serverless, servicePath(serviceSid, QStringLiteral("/Builds")), form),
        std::nullopt, context, std::move(callback), &ServerlessBuild::fromJson);
}

TwilioHandle ServerlessApi::fetchBuild(const QString &serviceSid, const QString &buildSid,
                                       QObject *context, TwilioCallback<ServerlessBuild> callback)
{
    TwilioError error = TwilioClient::checkSid(
        serviceSid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID"));
    if (!error.isError())
        error = TwilioClient::checkSid(buildSid, "ZB",
                                       QT_TRANSLATE_NOOP("TwilioClient", "The build SID"));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.fetchAs<ServerlessBuild>(
        TwilioRequest::get(Serverless,
                           servicePath(serviceSid, QStringLiteral("/Builds/") + buildSid)),
        context, std::move(callback), &ServerlessBuild::fromJson);
}

TwilioHandle ServerlessApi::fetchBuildStatus(const QString &serviceSid, const QString &buildSid,
                                             QObject *context,
                                             TwilioCallback<ServerlessBuild> callback)
{
    TwilioError error = TwilioClient::checkSid(
        serviceSid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID"));
    if (!error.isError())
        error = TwilioClient::checkSid(buildSid, "ZB",
                                       QT_TRANSLATE_NOOP("TwilioClient", "The build SID"));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.fetchAs<ServerlessBuild>(
        TwilioRequest::get(Serverless,
                           servicePath(serviceSid, QStringLiteral("/Builds/") + buildSid +
                                                       QStringLiteral("/Status"))),
        context, std::move(callback), &ServerlessBuild::fromJson);
}

TwilioHandle ServerlessApi::createDeployment(const QString &serviceSid,
                                             const QString &environmentSid, const QString &buildSid,
                                             QObject *context,
                                             TwilioCallback<ServerlessDeployment> callback)
{
    TwilioError error = checkServiceAndEnvironment(serviceSid, environmentSid);
    if (!error.isError())
        error = TwilioClient::checkSid(buildSid, "ZB",
                                       QT_TRANSLATE_NOOP("TwilioClient", "The build SID"));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    const QString path =
        environmentPath(serviceSid, environmentSid, QStringLiteral("/Deployments"));
    CreateLookup lookup{TwilioRequest::get(Serverless, path), QStringLiteral("deployments"),
                        fieldEquals("build_sid", buildSid)};
    return m_client.createAs<ServerlessDeployment>(
        TwilioRequest::create(Serverless, path, {{QStringLiteral("BuildSid"), buildSid}}), lookup,
        context, std::move(callback), &ServerlessDeployment::fromJson);
}

TwilioHandle ServerlessApi::listDeployments(const QString &serviceSid,
                                            const QString &environmentSid, QObject *context,
                                            TwilioCallback<QList<ServerlessDeployment>> callback)
{
    if (auto error = checkServiceAndEnvironment(serviceSid, environmentSid); error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.listAs<ServerlessDeployment>(
        TwilioRequest::get(Serverless, environmentPath(serviceSid, environmentSid,
                                                       QStringLiteral("/Deployments"))),
        QStringLiteral("deployments"), context, std::move(callback),
        &ServerlessDeployment::fromJson);
}

TwilioHandle ServerlessApi::listVariables(const QString &serviceSid, const QString &environmentSid,
                                          QObject *context,
                                          TwilioCallback<QList<ServerlessVariable>> callback)
{
    if (auto error = checkServiceAndEnvironment(serviceSid, environmentSid); error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.listAs<ServerlessVariable>(
        TwilioRequest::get(
            Serverless, environmentPath(serviceSid, environmentSid, QStringLiteral("/Variables"))),
        QStringLiteral("variables"), context, std::move(callback), &ServerlessVariable::fromJson);
}

TwilioHandle ServerlessApi::createVariable(const QString &serviceSid, const QString &environmentSid,
                                           const QString &key, const QString &value,
                                           QObject *context,
                                           TwilioCallback<ServerlessVariable> callback)
{
    TwilioError error = checkServiceAndEnvironment(serviceSid, environmentSid);
    if (!error.isError() && (key.isEmpty() || key.size() > 128 || value.toUtf8().size() > 450))
        error = TwilioClient::invalidInput(
            tr("A variable needs a key of 1 to 128 characters and a value of at most 450 bytes."));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    const QString path = environmentPath(serviceSid, environmentSid, QStringLiteral("/Variables"));
    CreateLookup lookup{TwilioRequest::get(Serverless, path), QStringLiteral("variables"),
                        fieldEquals("key", key)};
    return m_client.createAs<ServerlessVariable>(
        TwilioRequest::create(Serverless, path,
                              {{QStringLiteral("Key"), key}, {QStringLiteral("Value"), value}}),
        lookup, context, std::move(callback), &ServerlessVariable::fromJson);
}

TwilioHandle ServerlessApi::updateVariable(const QString &serviceSid, const QString &environmentSid,
                                           const QString &variableSid,
                                           const std::optional<QString> &key,
                                           const std::optional<QString> &value, QObject *context,
                                           TwilioCallback<ServerlessVariable> callback)
{
    TwilioError error = checkServiceAndEnvironment(serviceSid, environmentSid);
    if (!error.isError())
        error = TwilioClient::checkSid(variableSid, "ZV",
                                       QT_TRANSLATE_NOOP("TwilioClient", "The variable SID"));
    if (!error.isError() && ((!key && !value) || (key && (key->isEmpty() || key->size() > 128)) ||
                             (value && value->toUtf8().size() > 450)))
        error = TwilioClient::invalidInput(
            tr("A variable update needs a key of 1 to 128 characters and/or a value of at most "
               "450 bytes."));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    FormFields form;
    if (key)
        form.append({QStringLiteral("Key"), *key});
    if (value)
        form.append({QStringLiteral("Value"), *value});
    return m_client.fetchAs<ServerlessVariable>(
        TwilioRequest::update(Serverless,
                              environmentPath(serviceSid, environmentSid,
                                              QStringLiteral("/Variables/") + variableSid),
                              form),
        context, std::move(callback), &ServerlessVariable::fromJson);
}
