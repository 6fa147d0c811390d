// Serverless v1: Services, Environments, Functions and Function Versions, including the
// multipart upload that Twilio serves on serverless-upload.twilio.com.
#include "formparams.h"
#include "multipartparser.h"
#include "sandboxcontext.h"
#include "sandboxpaging.h"
#include "sandboxrecords.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"
#include "serverlessscope.h"

#include <QRegularExpression>

namespace {

const QString kSpec = QStringLiteral("twilio_serverless_v1.json");
const QString kServices = QStringLiteral("Services");

SandboxResponse conflict(const QString &message)
{
    return SandboxResponse::error(409, 20409, message);
}

bool isUniqueName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,50}\\z"));
    return pattern.match(name).hasMatch();
}

QList<QJsonObject> rendered(const SandboxContext &c, const QString &collection)
{
    QList<QJsonObject> items;
    const QList<QJsonObject> records = c.store.list(collection);
    for (const QJsonObject &record : records)
        items.append(c.renderV1(record));
    return items;
}

SandboxResponse listServices(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    return SandboxPaging::respondV1(c, request, QStringLiteral("services"), rendered(c, kServices));
}

SandboxResponse createService(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    const FormParams form = FormParams::parse(request.body);
    const QString uniqueName = form.value(QStringLiteral("UniqueName"));
    const QString friendlyName = form.value(QStringLiteral("FriendlyName"));
    if (uniqueName.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("UniqueName"));
    if (friendlyName.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("FriendlyName"));
    if (!isUniqueName(uniqueName))
        return SandboxResponse::invalidParameter(
            QStringLiteral("UniqueName must be 1 to 50 letters, digits, '-' or '_'"));
    if (c.findService(uniqueName))
        return conflict(
            QStringLiteral("Service with UniqueName %1 already exists").arg(uniqueName));
    QJsonObject service = SandboxRecords::service(c, uniqueName, friendlyName);
    if (form.contains(QStringLiteral("IncludeCredentials")))
        service.insert(QLatin1String("include_credentials"),
                       form.value(QStringLiteral("IncludeCredentials")) != QLatin1String("false"));
    if (form.contains(QStringLiteral("UiEditable")))
        service.insert(QLatin1String("ui_editable"),
                       form.value(QStringLiteral("UiEditable")) == QLatin1String("true"));
    c.store.insert(kServices, service);
    return SandboxResponse::json(201, c.renderV1(service));
}

SandboxResponse fetchService(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto service = c.findService(p.value(QStringLiteral("Sid")));
    if (!service)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, c.renderV1(*service));
}

SandboxResponse deleteService(SandboxContext &c, const SandboxRequest &request,
                              const RouteParams &p)
{
    const auto service = c.findService(p.value(QStringLiteral("Sid")));
    if (!service)
        return SandboxResponse::notFound(request.path);
    c.store.remove(kServices, service->value(QLatin1String("sid")).toString());
    return SandboxResponse::noContent();
}

// Handlers under /v1/Services/{ServiceSid}/... get the resolved service.
template<typename Handler> RouteHandler underService(Handler handler)
{
    return ServerlessScope::wrap(
        [handler](SandboxContext &c, const SandboxRequest &request, const RouteParams &p,
                  const ServerlessScope &scope) { return handler(c, request, p, scope.service); });
}

QString sidOf(const QJsonObject &record)
{
    return record.value(QLatin1String("sid")).toString();
}

SandboxResponse listEnvironments(SandboxContext &c, const SandboxRequest &request,
                                 const RouteParams &, const QJsonObject &service)
{
    return SandboxPaging::respondV1(c, request, QStringLiteral("environments"),
                                    rendered(c, sidOf(service) + QStringLiteral("/Environments")));
}

SandboxResponse createEnvironment(SandboxContext &c, const SandboxRequest &request,
                                  const RouteParams &, const QJsonObject &service)
{
    const FormParams form = FormParams::parse(request.body);
    const QString uniqueName = form.value(QStringLiteral("UniqueName"));
    const QString suffix = form.value(QStringLiteral("DomainSuffix"));
    if (uniqueName.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("UniqueName"));
    if (!isUniqueName(uniqueName) || (!suffix.isEmpty() && !isUniqueName(suffix)))
        return SandboxResponse::invalidParameter(
            QStringLiteral("UniqueName and DomainSuffix must be letters, digits, '-' or '_'"));
    const QString collection = sidOf(service) + QStringLiteral("/Environments");
    const QList<QJsonObject> existing = c.store.list(collection);
    for (const QJsonObject &env : existing) {
        if (env.value(QLatin1String("unique_name")).toString() == uniqueName ||
            (!suffix.isEmpty() && env.value(QLatin1String("domain_suffix")).toString() == suffix))
            return conflict(
                QStringLiteral("Environment with this UniqueName or DomainSuffix already exists."));
    }
    const QJsonObject env = SandboxRecords::environment(c, service, uniqueName, suffix);
    c.store.insert(collection, env);
    return SandboxResponse::json(201, c.renderV1(env));
}

// Fetch by SID within a collection under the service: `child` is e.g. "Environments".
RouteHandler fetchChild(const QString &child)
{
    return underService([child](SandboxContext &c, const SandboxRequest &request,
                                const RouteParams &p, const QJsonObject &service) {
        const auto record =
            c.store.find(sidOf(service) + QLatin1Char('/') + child, p.value(QStringLiteral("Sid")));
        if (!record)
            return SandboxResponse::notFound(request.path);
        return SandboxResponse::json(200, c.renderV1(*record));
    });
}

SandboxResponse listFunctions(SandboxContext &c, const SandboxRequest &request, const RouteParams &,
                              const QJsonObject &service)
{
    return SandboxPaging::respondV1(c, request, QStringLiteral("functions"),
                                    rendered(c, sidOf(service) + QStringLiteral("/Functions")));
}

SandboxResponse createFunction(SandboxContext &c, const SandboxRequest &request,
                               const RouteParams &, const QJsonObject &service)
{
    const QString name = FormParams::parse(request.body).value(QStringLiteral("FriendlyName"));
    if (name.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("FriendlyName"));
    if (name.size() > 255)
        return SandboxResponse::invalidParameter(
            QStringLiteral("FriendlyName is longer than 255 characters"));
    const QJsonObject function = SandboxRecords::function(c, sidOf(service), name);
    c.store.insert(sidOf(service) + QStringLiteral("/Functions"), function);
    return SandboxResponse::json(201, c.renderV1(function));
}

// Version handlers also need the function: {FunctionSid} must belong to the service.
std::optional<QJsonObject> findFunction(const SandboxContext &c, const QJsonObject &service,
                                        const RouteParams &p)
{
    return c.store.find(sidOf(service) + QStringLiteral("/Functions"),
                        p.value(QStringLiteral("FunctionSid")));
}

SandboxResponse listVersions(SandboxContext &c, const SandboxRequest &request, const RouteParams &p,
                             const QJsonObject &service)
{
    const auto function = findFunction(c, service, p);
    if (!function)
        return SandboxResponse::notFound(request.path);
    return SandboxPaging::respondV1(c, request, QStringLiteral("function_versions"),
                                    rendered(c, sidOf(*function) + QStringLiteral("/Versions")));
}

SandboxResponse uploadVersion(SandboxContext &c, const SandboxRequest &request,
                              const RouteParams &p, const QJsonObject &service)
{
    const auto function = findFunction(c, service, p);
    if (!function)
        return SandboxResponse::notFound(request.path);
    QString error;
    const auto parts = MultipartParser::parse(request.header("Content-Type"), request.body, &error);
    if (!parts)
        return SandboxResponse::invalidParameter(error);
    QString path, visibility;
    std::optional<QByteArray> content;
    for (const MultipartParser::Part &part : *parts) {
        if (part.name == QLatin1String("Path"))
            path = QString::fromUtf8(part.data);
        else if (part.name == QLatin1String("Visibility"))
            visibility = QString::fromUtf8(part.data);
        else if (part.name == QLatin1String("Content") && !part.fileName.isEmpty())
            content = part.data;
    }
    if (path.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("Path"));
    if (visibility.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("Visibility"));
    if (!content)
        return SandboxResponse::missingParameter(QStringLiteral("Content"));
    if (!path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char(' ')))
        return SandboxResponse::invalidParameter(
            QStringLiteral("Path must start with '/' and contain no spaces"));
    if (visibility != QLatin1String("public") && visibility != QLatin1String("private") &&
        visibility != QLatin1String("protected"))
        return SandboxResponse::invalidParameter(
            QStringLiteral("Visibility must be public, private or protected"));
    QJsonObject version =
        SandboxRecords::functionVersion(c, sidOf(service), sidOf(*function), path, visibility);
    version.insert(QLatin1String("_content"), QString::fromUtf8(*content));
    c.store.insert(sidOf(*function) + QStringLiteral("/Versions"), version);
    return SandboxResponse::json(201, c.renderV1(version));
}

std::optional<QJsonObject> findVersion(const SandboxContext &c, const QJsonObject &service,
                                       const RouteParams &p)
{
    const auto function = findFunction(c, service, p);
    if (!function)
        return std::nullopt;
    return c.store.find(sidOf(*function) + QStringLiteral("/Versions"),
                        p.value(QStringLiteral("Sid")));
}

SandboxResponse fetchVersion(SandboxContext &c, const SandboxRequest &request, const RouteParams &p,
                             const QJsonObject &service)
{
    const auto version = findVersion(c, service, p);
    if (!version)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, c.renderV1(*version));
}

SandboxResponse fetchVersionContent(SandboxContext &c, const SandboxRequest &request,
                                    const RouteParams &p, const QJsonObject &service)
{
    const auto version = findVersion(c, service, p);
    if (!version)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(
        200, c.renderV1(QJsonObject{
                 {QStringLiteral("sid"), version->value(QLatin1String("sid"))},
                 {QStringLiteral("account_sid"), c.accountSid},
                 {QStringLiteral("service_sid"), sidOf(service)},
                 {QStringLiteral("function_sid"), version->value(QLatin1String("function_sid"))},
                 {QStringLiteral("content"), version->value(QLatin1String("_content"))},
                 {QStringLiteral("url"),
                  version->value(QLatin1String("url")).toString() + QStringLiteral("/Content")},
             }));
}

} // namespace

void SandboxRoutes::addServerless(SandboxRouter &router)
{
    const QString upload; // the upload host is not in the OpenAPI files
    router.add("GET", QStringLiteral("/v1/Services"), kSpec, listServices);
    router.add("POST", QStringLiteral("/v1/Services"), kSpec, createService);
    router.add("GET", QStringLiteral("/v1/Services/{Sid}"), kSpec, fetchService);
    router.add("DELETE", QStringLiteral("/v1/Services/{Sid}"), kSpec, deleteService);

    const QString service = QStringLiteral("/v1/Services/{ServiceSid}");
    router.add("GET", service + QStringLiteral("/Environments"), kSpec,
               underService(listEnvironments));
    router.add("POST", service + QStringLiteral("/Environments"), kSpec,
               underService(createEnvironment));
    router.add("GET", service + QStringLiteral("/Environments/{Sid:ZE}"), kSpec,
               fetchChild(QStringLiteral("Environments")));
    router.add("GET", service + QStringLiteral("/Functions"), kSpec, underService(listFunctions));
    router.add("POST", service + QStringLiteral("/Functions"), kSpec, underService(createFunction));
    router.add("GET", service + QStringLiteral("/Functions/{Sid:ZH}"), kSpec,
               fetchChild(QStringLiteral("Functions")));

    const QString versions = service + QStringLiteral("/Functions/{FunctionSid:ZH}/Versions");
    router.add("GET", versions, kSpec, underService(listVersions));
    router.add("POST", versions, upload, underService(uploadVersion));
    router.add("GET", versions + QStringLiteral("/{Sid:ZN}"), kSpec, underService(fetchVersion));
    router.add("GET", versions + QStringLiteral("/{Sid:ZN}/Content"), kSpec,
               underService(fetchVersionContent));
}
