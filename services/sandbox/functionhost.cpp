#include "functionhost.h"

#include "formparams.h"
#include "functionruntime.h"
#include "sandboxcontext.h"
#include "serverlessscope.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace {
const QString FunctionsPrefix = QStringLiteral("/_functions/");

SandboxResponse text(int status, const QString &body)
{
    SandboxResponse response;
    response.status = status;
    response.body = body.toUtf8();
    response.contentType = "text/plain; charset=utf-8";
    return response;
}

QString hostWithoutPort(const QByteArray &host)
{
    const QString text = QString::fromLatin1(host).trimmed().toLower();
    const qsizetype colon = text.lastIndexOf(u':');
    return colon > 0 && !text.contains(u']') ? text.left(colon) : text;
}

// The deployed function version of `path` in `build`, with its uploaded content.
std::optional<QJsonObject> versionAt(const SandboxContext &c, const QJsonObject &build,
                                     const QString &path)
{
    const QJsonArray versions = build.value(QLatin1String("function_versions")).toArray();
    for (const QJsonValue &value : versions) {
        const QJsonObject shown = value.toObject();
        if (shown.value(QLatin1String("path")).toString() != path)
            continue;
        const QString functionSid = shown.value(QLatin1String("function_sid")).toString();
        return c.store.find(functionSid + QStringLiteral("/Versions"),
                            shown.value(QLatin1String("sid")).toString());
    }
    return std::nullopt;
}
} // namespace

namespace {
// The service and environment whose domain_name is `domain` (any case), if any.
std::optional<ServerlessScope> environmentAt(const SandboxContext &c, const QString &domain)
{
    const QList<QJsonObject> services = c.store.list(QStringLiteral("Services"));
    for (const QJsonObject &service : services) {
        ServerlessScope scope;
        scope.service = service;
        const QList<QJsonObject> environments = c.store.list(scope.environments());
        for (const QJsonObject &environment : environments) {
            if (environment.value(QLatin1String("domain_name"))
                    .toString()
                    .compare(domain, Qt::CaseInsensitive) == 0) {
                scope.environment = environment;
                return scope;
            }
        }
    }
    return std::nullopt;
}
} // namespace

std::optional<DeployedFunction> FunctionHost::find(const SandboxContext &c, const QString &domain,
                                                   const QString &path)
{
    const std::optional<ServerlessScope> scope = environmentAt(c, domain);
    if (!scope)
        return std::nullopt;
    const QJsonObject &environment = scope->environment;
    const auto build =
        c.store.find(scope->builds(), environment.value(QLatin1String("build_sid")).toString());
    if (!build)
        return std::nullopt; // the domain exists, nothing is deployed on it
    const auto version = versionAt(c, *build, path);
    if (!version)
        return std::nullopt;
    DeployedFunction function;
    function.domain = environment.value(QLatin1String("domain_name")).toString();
    function.path = path;
    function.visibility = version->value(QLatin1String("visibility")).toString();
    function.code = version->value(QLatin1String("_content")).toString();
    function.serviceSid = scope->serviceSid();
    function.environmentSid = scope->environmentSid();
    const QList<QJsonObject> variables = c.store.list(scope->variables());
    for (const QJsonObject &variable : variables)
        function.variables.insert(variable.value(QLatin1String("key")).toString(),
                                  variable.value(QLatin1String("value")));
    return function;
}

bool FunctionHost::isFunctionsDomain(const SandboxContext &c, const QString &domain)
{
    return environmentAt(c, domain).has_value();
}

std::optional<SandboxResponse> FunctionHost::serve(SandboxContext &c, const SandboxRequest &request)
{
    QString domain;
    QString path;
    if (request.path.startsWith(FunctionsPrefix)) {
        const QString rest = request.path.mid(FunctionsPrefix.size());
        const qsizetype slash = rest.indexOf(u'/');
        domain = slash < 0 ? rest : rest.left(slash);
        path = slash < 0 ? QStringLiteral("/") : rest.mid(slash);
    } else {
        const QString host = hostWithoutPort(request.header("Host"));
        if (!host.endsWith(QLatin1String(".twil.io")))
            return std::nullopt;
        domain = host;
        path = request.path;
    }
    const auto function = find(c, domain, path);
    if (!function || function->visibility == QLatin1String("private"))
        return text(404, QStringLiteral("Not Found"));
    QString signedUrl = QStringLiteral("https://") + function->domain + path;
    if (!request.rawQuery.isEmpty())
        signedUrl += u'?' + QString::fromUtf8(request.rawQuery);
    const bool form =
        request.header("Content-Type").toLower().startsWith("application/x-www-form-urlencoded");
    return run(c, *function, signedUrl, FormParams::parse(request.rawQuery).pairs(),
               form ? FormParams::parse(request.body).pairs() : WebhookSignature::Parameters(),
               request.header("X-Twilio-Signature"));
}

SandboxResponse FunctionHost::invoke(SandboxContext &c, const QUrl &url,
                                     const WebhookSignature::Parameters &parameters)
{
    const auto function = find(c, url.host(), url.path());
    if (url.scheme() != QLatin1String("https") || !function ||
        function->visibility == QLatin1String("private"))
        return text(404, QStringLiteral("Not Found"));
    const QString signedUrl = url.toString(QUrl::FullyEncoded);
    return run(c, *function, signedUrl,
               FormParams::parse(url.query(QUrl::FullyEncoded).toUtf8()).pairs(), parameters,
               WebhookSignature::sign(c.authToken.toUtf8(), signedUrl, parameters));
}

SandboxResponse FunctionHost::run(const SandboxContext &c, const DeployedFunction &function,
                                  const QString &signedUrl,
                                  const WebhookSignature::Parameters &query,
                                  const WebhookSignature::Parameters &form,
                                  const QByteArray &signature)
{
    if (function.visibility == QLatin1String("protected") &&
        !WebhookSignature::verify(c.authToken.toUtf8(), signature, signedUrl, form))
        return text(401, QStringLiteral("Unauthorized - you are not authenticated to perform "
                                        "this request"));
    if (c.functionsFail)
        return text(500, QStringLiteral("Error: the sandbox's handler-error fault is on "
                                        "(/_sandbox/Functions)"));
    QJsonObject event;
    for (const auto &[name, value] : query)
        event.insert(name, value);
    for (const auto &[name, value] : form)
        event.insert(name, value);
    QJsonObject context = function.variables;
    context.insert(QStringLiteral("DOMAIN_NAME"), function.domain);
    context.insert(QStringLiteral("PATH"), function.path);
    context.insert(QStringLiteral("SERVICE_SID"), function.serviceSid);
    context.insert(QStringLiteral("ENVIRONMENT_SID"), function.environmentSid);
    const FunctionRuntime::Result result = FunctionRuntime::run(function.code, context, event);
    if (!result.ok)
        return text(500, QStringLiteral("Error - %1").arg(result.error));
    SandboxResponse response;
    response.status = 200;
    response.body = result.body.toUtf8();
    response.contentType = result.contentType.toUtf8();
    return response;
}
