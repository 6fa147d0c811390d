#include "serverlessscope.h"

#include "sandboxcontext.h"

#include <QDateTime>

QString ServerlessScope::serviceSid() const
{
    return service.value(QLatin1String("sid")).toString();
}

QString ServerlessScope::environmentSid() const
{
    return environment.value(QLatin1String("sid")).toString();
}

QString ServerlessScope::builds() const
{
    return serviceSid() + QStringLiteral("/Builds");
}

QString ServerlessScope::environments() const
{
    return serviceSid() + QStringLiteral("/Environments");
}

QString ServerlessScope::functions() const
{
    return serviceSid() + QStringLiteral("/Functions");
}

QString ServerlessScope::deployments() const
{
    return environmentSid() + QStringLiteral("/Deployments");
}

QString ServerlessScope::variables() const
{
    return environmentSid() + QStringLiteral("/Variables");
}

RouteHandler ServerlessScope::wrap(Handler handler)
{
    return [handler](SandboxContext &c, const SandboxRequest &request, const RouteParams &p) {
        ServerlessScope scope;
        const auto service = c.findService(p.value(QStringLiteral("ServiceSid")));
        if (!service)
            return SandboxResponse::notFound(request.path);
        scope.service = *service;
        if (p.contains(QStringLiteral("EnvironmentSid"))) {
            const auto env =
                c.store.find(scope.environments(), p.value(QStringLiteral("EnvironmentSid")));
            if (!env)
                return SandboxResponse::notFound(request.path);
            scope.environment = *env;
        }
        return handler(c, request, p, scope);
    };
}

QJsonObject ServerlessScope::refreshedBuild(SandboxContext &context, QJsonObject build) const
{
    if (build.value(QLatin1String("status")).toString() == QLatin1String("building") &&
        context.currentMSecs() >= qint64(build.value(QLatin1String("_ready_at")).toDouble())) {
        build.insert(QLatin1String("status"), QStringLiteral("completed"));
        build.insert(QLatin1String("date_updated"), context.now());
        context.store.update(builds(), build);
    }
    return build;
}
