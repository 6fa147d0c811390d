// Serverless v1 Builds: the status moves building -> completed after buildDurationMs.
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxpaging.h"
#include "sandboxrecords.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"
#include "serverlessscope.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

const QString kSpec = QStringLiteral("twilio_serverless_v1.json");
const QStringList kRuntimes = {QStringLiteral("node14"), QStringLiteral("node16"),
                               QStringLiteral("node18"), QStringLiteral("node20"),
                               QStringLiteral("node22")};

QString sidOf(const QJsonObject &record)
{
    return record.value(QLatin1String("sid")).toString();
}

using Scope = ServerlessScope;

// Twilio's tools send Dependencies as a JSON string; some double-encode it ("\"[...]\"").
std::optional<QJsonArray> parseDependencies(const QString &text)
{
    QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]");
    if (!doc.isArray() || doc.array().size() != 1)
        return std::nullopt;
    QJsonValue value = doc.array().first();
    if (value.isString()) {
        doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (!doc.isArray())
            return std::nullopt;
        return doc.array();
    }
    if (!value.isArray())
        return std::nullopt;
    return value.toArray();
}

SandboxResponse listBuilds(SandboxContext &c, const SandboxRequest &request, const RouteParams &,
                           const Scope &s)
{
    QList<QJsonObject> items;
    const QList<QJsonObject> builds = c.store.list(s.builds());
    for (const QJsonObject &build : builds)
        items.append(c.renderV1(s.refreshedBuild(c, build)));
    return SandboxPaging::respondV1(c, request, QStringLiteral("builds"), items);
}

SandboxResponse createBuild(SandboxContext &c, const SandboxRequest &request, const RouteParams &,
                            const Scope &s)
{
    const FormParams form = FormParams::parse(request.body);
    QJsonArray versions;
    const QStringList versionSids = form.values(QStringLiteral("FunctionVersions"));
    const QList<QJsonObject> functions = c.store.list(s.functions());
    for (const QString &sid : versionSids) {
        std::optional<QJsonObject> version;
        for (const QJsonObject &function : functions) {
            if (!version)
                version = c.store.find(sidOf(function) + QStringLiteral("/Versions"), sid);
        }
        if (!version)
            return SandboxResponse::invalidParameter(
                QStringLiteral("FunctionVersions: %1 is not a function version of this service")
                    .arg(sid.left(40)));
        QJsonObject shown = c.renderV1(*version);
        shown.remove(QLatin1String("url"));
        shown.remove(QLatin1String("links"));
        versions.append(shown);
    }
    QJsonArray dependencies;
    if (form.contains(QStringLiteral("Dependencies"))) {
        const auto parsed = parseDependencies(form.value(QStringLiteral("Dependencies")));
        if (!parsed)
            return SandboxResponse::invalidParameter(
                QStringLiteral("Dependencies must be a JSON array"));
        dependencies = *parsed;
    }
    const QString runtime = form.value(QStringLiteral("Runtime"));
    if (!runtime.isEmpty() && !kRuntimes.contains(runtime))
        return SandboxResponse::invalidParameter(
            QStringLiteral("Unsupported Runtime %1").arg(runtime));

    QJsonObject build = SandboxRecords::build(c, s.serviceSid());
    build.insert(QLatin1String("function_versions"), versions);
    build.insert(QLatin1String("dependencies"), dependencies);
    if (!runtime.isEmpty())
        build.insert(QLatin1String("runtime"), runtime);
    build.insert(QLatin1String("_ready_at"), double(c.currentMSecs() + c.buildDurationMs));
    c.store.insert(s.builds(), build);
    return SandboxResponse::json(201, c.renderV1(build));
}

SandboxResponse fetchBuild(SandboxContext &c, const SandboxRequest &request, const RouteParams &p,
                           const Scope &s)
{
    const auto build = c.store.find(s.builds(), p.value(QStringLiteral("Sid")));
    if (!build)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, c.renderV1(s.refreshedBuild(c, *build)));
}

SandboxResponse fetchBuildStatus(SandboxContext &c, const SandboxRequest &request,
                                 const RouteParams &p, const Scope &s)
{
    const auto found = c.store.find(s.builds(), p.value(QStringLiteral("Sid")));
    if (!found)
        return SandboxResponse::notFound(request.path);
    const QJsonObject build = s.refreshedBuild(c, *found);
    return SandboxResponse::json(
        200, c.renderV1(QJsonObject{
                 {QStringLiteral("sid"), sidOf(build)},
                 {QStringLiteral("account_sid"), c.accountSid},
                 {QStringLiteral("service_sid"), s.serviceSid()},
                 {QStringLiteral("status"), build.value(QLatin1String("status"))},
                 {QStringLiteral("url"),
                  build.value(QLatin1String("url")).toString() + QStringLiteral("/Status")},
             }));
}

} // namespace

void SandboxRoutes::addBuilds(SandboxRouter &router)
{
    const QString builds = QStringLiteral("/v1/Services/{ServiceSid}/Builds");
    router.add("GET", builds, kSpec, Scope::wrap(listBuilds));
    router.add("POST", builds, kSpec, Scope::wrap(createBuild));
    router.add("GET", builds + QStringLiteral("/{Sid:ZB}"), kSpec, Scope::wrap(fetchBuild));
    router.add("GET", builds + QStringLiteral("/{Sid:ZB}/Status"), kSpec,
               Scope::wrap(fetchBuildStatus));
}
