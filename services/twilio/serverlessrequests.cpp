#include "serverlessrequests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

constexpr auto Serverless = TwilioHosts::Product::Serverless;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ServerlessRequests)
};

SidArgument service(const QString &sid)
{
    return {sid, "ZS", QT_TRANSLATE_NOOP("TwilioClient", "The Functions service SID")};
}

SidArgument environment(const QString &sid)
{
    return {sid, "ZE", QT_TRANSLATE_NOOP("TwilioClient", "The environment SID")};
}

SidArgument build(const QString &sid)
{
    return {sid, "ZB", QT_TRANSLATE_NOOP("TwilioClient", "The build SID")};
}

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

// A create found again by listing its collection and matching one field.
CreateLookup listedWith(const QString &path, const char *listKey, const char *field,
                        const QString &value)
{
    return {TwilioRequest::get(Serverless, path), QLatin1String(listKey),
            [field, value](const QJsonObject &item) {
                return item.value(QLatin1String(field)).toString() == value;
            }};
}

bool isBadVariable(const std::optional<QString> &key, const std::optional<QString> &value)
{
    const bool badKey = key && (key->isEmpty() || key->size() > 128);
    const bool badValue = value && value->toUtf8().size() > 450;
    return badKey || badValue;
}

} // namespace

namespace ServerlessRequests {

RestOperation listServices()
{
    return RestOperation::list(Serverless, QStringLiteral("/v1/Services"),
                               QStringLiteral("services"));
}

RestOperation createService(const QString &uniqueName, const QString &friendlyName)
{
    // Twilio serves a service by its unique name too: a GET tells whether it exists.
    CreateLookup lookup{TwilioRequest::get(Serverless, servicePath(uniqueName)), {}, {}};
    const bool fine =
        isUniqueName(uniqueName, 50) && !friendlyName.isEmpty() && friendlyName.size() <= 255;
    return RestOperation::create(Serverless, QStringLiteral("/v1/Services"),
                                 {{QStringLiteral("UniqueName"), uniqueName},
                                  {QStringLiteral("FriendlyName"), friendlyName}},
                                 std::move(lookup))
        .check(fine ? QString()
                    : Tr::tr("A service needs a unique name of up to 50 letters, digits, '-' or "
                             "'_', and a friendly name."));
}

RestOperation fetchService(const QString &sidOrUniqueName)
{
    return RestOperation::fetch(Serverless, servicePath(sidOrUniqueName))
        .check(isUniqueName(sidOrUniqueName, 50)
                   ? QString()
                   : Tr::tr("\"%1\" is neither a service SID nor a unique name.")
                         .arg(sidOrUniqueName.left(64)));
}

RestOperation listEnvironments(const QString &serviceSid)
{
    return RestOperation::list(Serverless, servicePath(serviceSid, QStringLiteral("/Environments")),
                               QStringLiteral("environments"))
        .checkSids({service(serviceSid)});
}

RestOperation createEnvironment(const QString &serviceSid, const QString &uniqueName,
                                const QString &domainSuffix)
{
    FormFields form{{QStringLiteral("UniqueName"), uniqueName}};
    if (!domainSuffix.isEmpty())
        form.append({QStringLiteral("DomainSuffix"), domainSuffix});
    const QString path = servicePath(serviceSid, QStringLiteral("/Environments"));
    const bool fine =
        isUniqueName(uniqueName, 100) && (domainSuffix.isEmpty() || isUniqueName(domainSuffix, 16));
    return RestOperation::create(Serverless, path, form,
                                 listedWith(path, "environments", "unique_name", uniqueName))
        .checkSids({service(serviceSid)})
        .check(fine ? QString()
                    : Tr::tr("An environment needs a unique name (up to 100 characters) and an "
                             "optional domain suffix (up to 16) of letters, digits, '-' or '_'."));
}

RestOperation listFunctions(const QString &serviceSid)
{
    return RestOperation::list(Serverless, servicePath(serviceSid, QStringLiteral("/Functions")),
                               QStringLiteral("functions"))
        .checkSids({service(serviceSid)});
}

RestOperation createFunction(const QString &serviceSid, const QString &friendlyName)
{
    const QString path = servicePath(serviceSid, QStringLiteral("/Functions"));
    return RestOperation::create(Serverless, path, {{QStringLiteral("FriendlyName"), friendlyName}},
                                 listedWith(path, "functions", "friendly_name", friendlyName))
        .checkSids({service(serviceSid)})
        .check(friendlyName.isEmpty() || friendlyName.size() > 255
                   ? Tr::tr("A function needs a name of 1 to 255 characters.")
                   : QString());
}

RestOperation uploadFunctionVersion(const QString &serviceSid, const QString &functionSid,
                                    const FunctionVersionUpload &upload)
{
    RestOperation operation =
        RestOperation::create(TwilioHosts::Product::ServerlessUpload,
                              servicePath(serviceSid, QStringLiteral("/Functions/") + functionSid +
                                                          QStringLiteral("/Versions")),
                              {}, std::nullopt);
    operation.request.multipart = {
        {QStringLiteral("Path"), {}, {}, upload.path.toUtf8()},
        {QStringLiteral("Visibility"), {}, {}, upload.visibility.toUtf8()},
        {QStringLiteral("Content"), upload.fileName, QStringLiteral("application/javascript"),
         upload.content}};
    return operation
        .checkSids({service(serviceSid),
                    {functionSid, "ZH", QT_TRANSLATE_NOOP("TwilioClient", "The function SID")}})
        .check(upload.check());
}

RestOperation createBuild(const QString &serviceSid, const BuildRequest &request)
{
    FormFields form;
    for (const QString &sid : request.functionVersionSids)
        form.append({QStringLiteral("FunctionVersions"), sid});
    if (!request.dependencies.isEmpty()) {
        QJsonArray dependencies;
        for (const BuildDependency &dependency : request.dependencies)
            dependencies.append(QJsonObject{{QStringLiteral("name"), dependency.name},
                                            {QStringLiteral("version"), dependency.version}});
        // A JSON string inside the form, as twilio-node sends it.
        form.append(
            {QStringLiteral("Dependencies"),
             QString::fromUtf8(QJsonDocument(dependencies).toJson(QJsonDocument::Compact))});
    }
    if (!request.runtime.isEmpty())
        form.append({QStringLiteral("Runtime"), request.runtime});
    return RestOperation::create(Serverless, servicePath(serviceSid, QStringLiteral("/Builds")),
                                 form, std::nullopt)
        .checkSids({service(serviceSid)})
        .check(request.check());
}

RestOperation fetchBuild(const QString &serviceSid, const QString &buildSid)
{
    return RestOperation::fetch(Serverless,
                                servicePath(serviceSid, QStringLiteral("/Builds/") + buildSid))
        .checkSids({service(serviceSid), build(buildSid)});
}

RestOperation fetchBuildStatus(const QString &serviceSid, const QString &buildSid)
{
    return RestOperation::fetch(Serverless,
                                servicePath(serviceSid, QStringLiteral("/Builds/") + buildSid +
                                                            QStringLiteral("/Status")))
        .checkSids({service(serviceSid), build(buildSid)});
}

RestOperation createDeployment(const QString &serviceSid, const QString &environmentSid,
                               const QString &buildSid)
{
    const QString path =
        environmentPath(serviceSid, environmentSid, QStringLiteral("/Deployments"));
    return RestOperation::create(Serverless, path, {{QStringLiteral("BuildSid"), buildSid}},
                                 listedWith(path, "deployments", "build_sid", buildSid))
        .checkSids({service(serviceSid), environment(environmentSid), build(buildSid)});
}

RestOperation listDeployments(const QString &serviceSid, const QString &environmentSid)
{
    return RestOperation::list(
               Serverless,
               environmentPath(serviceSid, environmentSid, QStringLiteral("/Deployments")),
               QStringLiteral("deployments"))
        .checkSids({service(serviceSid), environment(environmentSid)});
}

RestOperation listVariables(const QString &serviceSid, const QString &environmentSid)
{
    return RestOperation::list(
               Serverless,
               environmentPath(serviceSid, environmentSid, QStringLiteral("/Variables")),
               QStringLiteral("variables"))
        .checkSids({service(serviceSid), environment(environmentSid)});
}

RestOperation createVariable(const QString &serviceSid, const QString &environmentSid,
                             const QString &key, const QString &value)
{
    const QString path = environmentPath(serviceSid, environmentSid, QStringLiteral("/Variables"));
    return RestOperation::create(Serverless, path,
                                 {{QStringLiteral("Key"), key}, {QStringLiteral("Value"), value}},
                                 listedWith(path, "variables", "key", key))
        .checkSids({service(serviceSid), environment(environmentSid)})
        .check(isBadVariable(key, value) ? Tr::tr("A variable needs a key of 1 to 128 characters "
                                                  "and a value of at most 450 bytes.")
                                         : QString());
}

RestOperation updateVariable(const QString &serviceSid, const QString &environmentSid,
                             const QString &variableSid, const std::optional<QString> &key,
                             const std::optional<QString> &value)
{
    FormFields form;
    if (key)
        form.append({QStringLiteral("Key"), *key});
    if (value)
        form.append({QStringLiteral("Value"), *value});
    return RestOperation::update(Serverless,
                                 environmentPath(serviceSid, environmentSid,
                                                 QStringLiteral("/Variables/") + variableSid),
                                 form)
        .checkSids({service(serviceSid),
                    environment(environmentSid),
                    {variableSid, "ZV", QT_TRANSLATE_NOOP("TwilioClient", "The variable SID")}})
        .check(form.isEmpty() || isBadVariable(key, value)
                   ? Tr::tr("A variable update needs a key of 1 to 128 characters and/or a value "
                            "of at most 450 bytes.")
                   : QString());
}

} // namespace ServerlessRequests
