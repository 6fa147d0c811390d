// Serverless v1 under an Environment: Deployments (which switch the environment's build) and
// Variables.
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxpaging.h"
#include "sandboxrecords.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"
#include "serverlessscope.h"
#include "validation.h"

namespace {

const QString kSpec = QStringLiteral("twilio_serverless_v1.json");
using Scope = ServerlessScope;

QList<QJsonObject> rendered(const SandboxContext &c, const QString &collection)
{
    QList<QJsonObject> items;
    const QList<QJsonObject> records = c.store.list(collection);
    for (const QJsonObject &record : records)
        items.append(c.renderV1(record));
    return items;
}

RouteHandler listOf(QString (Scope::*collection)() const, const QString &key)
{
    return Scope::wrap([collection, key](SandboxContext &c, const SandboxRequest &request,
                                         const RouteParams &, const Scope &s) {
        return SandboxPaging::respondV1(c, request, key, rendered(c, (s.*collection)()));
    });
}

RouteHandler fetchOf(QString (Scope::*collection)() const)
{
    return Scope::wrap([collection](SandboxContext &c, const SandboxRequest &request,
                                    const RouteParams &p, const Scope &s) {
        const auto record = c.store.find((s.*collection)(), p.value(QStringLiteral("Sid")));
        if (!record)
            return SandboxResponse::notFound(request.path);
        return SandboxResponse::json(200, c.renderV1(*record));
    });
}

SandboxResponse createDeployment(SandboxContext &c, const SandboxRequest &request,
                                 const RouteParams &, const Scope &s)
{
    const QString buildSid = FormParams::parse(request.body).value(QStringLiteral("BuildSid"));
    if (buildSid.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("BuildSid"));
    if (!Validation::isSid(buildSid, "ZB"))
        return SandboxResponse::invalidParameter(QStringLiteral("BuildSid is not a valid ZB SID"));
    const auto found = c.store.find(s.builds(), buildSid);
    if (!found)
        return SandboxResponse::notFound(
            QStringLiteral("/v1/Services/%1/Builds/%2").arg(s.serviceSid(), buildSid));
    const QJsonObject build = s.refreshedBuild(c, *found);
    if (build.value(QLatin1String("status")).toString() != QLatin1String("completed"))
        return SandboxResponse::error(
            409, 20409, QStringLiteral("Build %1 is not completed yet").arg(buildSid));

    const QJsonObject deployment =
        SandboxRecords::deployment(c, s.serviceSid(), s.environmentSid(), buildSid);
    c.store.insert(s.deployments(), deployment);
    QJsonObject environment = s.environment;
    environment.insert(QLatin1String("build_sid"), buildSid);
    environment.insert(QLatin1String("date_updated"), c.now());
    c.store.update(s.environments(), environment);
    return SandboxResponse::json(201, c.renderV1(deployment));
}

std::optional<QJsonObject> variableWithKey(const SandboxContext &c, const Scope &s,
                                           const QString &key)
{
    const QList<QJsonObject> variables = c.store.list(s.variables());
    for (const QJsonObject &variable : variables) {
        if (variable.value(QLatin1String("key")).toString() == key)
            return variable;
    }
    return std::nullopt;
}

SandboxResponse createVariable(SandboxContext &c, const SandboxRequest &request,
                               const RouteParams &, const Scope &s)
{
    const FormParams form = FormParams::parse(request.body);
    const QString key = form.value(QStringLiteral("Key"));
    if (key.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("Key"));
    if (!form.contains(QStringLiteral("Value")))
        return SandboxResponse::missingParameter(QStringLiteral("Value"));
    if (variableWithKey(c, s, key))
        return SandboxResponse::error(
            409, 20409, QStringLiteral("Variable with Key %1 already exists").arg(key));
    const QJsonObject variable = SandboxRecords::variable(c, s.serviceSid(), s.environmentSid(),
                                                          key, form.value(QStringLiteral("Value")));
    c.store.insert(s.variables(), variable);
    return SandboxResponse::json(201, c.renderV1(variable));
}

SandboxResponse updateVariable(SandboxContext &c, const SandboxRequest &request,
                               const RouteParams &p, const Scope &s)
{
    const auto found = c.store.find(s.variables(), p.value(QStringLiteral("Sid")));
    if (!found)
        return SandboxResponse::notFound(request.path);
    const FormParams form = FormParams::parse(request.body);
    QJsonObject variable = *found;
    if (form.contains(QStringLiteral("Key"))) {
        const QString key = form.value(QStringLiteral("Key"));
        const auto other = variableWithKey(c, s, key);
        if (key.isEmpty())
            return SandboxResponse::invalidParameter(QStringLiteral("Key cannot be empty"));
        if (other && other->value(QLatin1String("sid")) != variable.value(QLatin1String("sid")))
            return SandboxResponse::error(
                409, 20409, QStringLiteral("Variable with Key %1 already exists").arg(key));
        variable.insert(QLatin1String("key"), key);
    }
    if (form.contains(QStringLiteral("Value")))
        variable.insert(QLatin1String("value"), form.value(QStringLiteral("Value")));
    variable.insert(QLatin1String("date_updated"), c.now());
    c.store.update(s.variables(), variable);
    return SandboxResponse::json(200, c.renderV1(variable));
}

SandboxResponse deleteVariable(SandboxContext &c, const SandboxRequest &request,
                               const RouteParams &p, const Scope &s)
{
    if (!c.store.remove(s.variables(), p.value(QStringLiteral("Sid"))))
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::noContent();
}

} // namespace

void SandboxRoutes::addEnvironmentChildren(SandboxRouter &router)
{
    const QString env =
        QStringLiteral("/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}");
    const QString deployments = env + QStringLiteral("/Deployments");
    router.add("GET", deployments, kSpec,
               listOf(&Scope::deployments, QStringLiteral("deployments")));
    router.add("POST", deployments, kSpec, Scope::wrap(createDeployment));
    router.add("GET", deployments + QStringLiteral("/{Sid:ZD}"), kSpec,
               fetchOf(&Scope::deployments));

    const QString variables = env + QStringLiteral("/Variables");
    router.add("GET", variables, kSpec, listOf(&Scope::variables, QStringLiteral("variables")));
    router.add("POST", variables, kSpec, Scope::wrap(createVariable));
    router.add("GET", variables + QStringLiteral("/{Sid:ZV}"), kSpec, fetchOf(&Scope::variables));
    router.add("POST", variables + QStringLiteral("/{Sid:ZV}"), kSpec, Scope::wrap(updateVariable));
    router.add("DELETE", variables + QStringLiteral("/{Sid:ZV}"), kSpec,
               Scope::wrap(deleteVariable));
}
