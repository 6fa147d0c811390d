// Endpoints of the sandbox itself, under /_sandbox/. They are never faulted or delayed and are
// not part of Twilio's API (the contract test skips them: empty spec file).
#include "callsimulator.h"
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace {

SandboxResponse simulateCall(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    const FormParams form = FormParams::parse(request.body);
    const QString from = form.value(QStringLiteral("From"));
    const QString to = form.value(QStringLiteral("To"));
    if (from.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("From"));
    if (to.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("To"));
    QString error;
    const auto call = CallSimulator::simulate(c, from, to, &error);
    if (!call)
        return SandboxResponse::invalidParameter(error);
    QJsonArray calls;
    for (const QJsonObject &leg : call->legs)
        calls.append(c.renderV2010(leg));
    return SandboxResponse::json(
        201, QJsonObject{{QStringLiteral("calls"), calls}, {QStringLiteral("route"), call->route}});
}

// How a SIP host answers simulated calls: POST Host=pbx.example.net&Answer=down|503|486|200,
// DELETE resets every host to answering 200, GET lists the table.
SandboxResponse targets(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    if (request.method == "DELETE") {
        c.targets.clear();
    } else if (request.method == "POST") {
        const FormParams form = FormParams::parse(request.body);
        const QString host = form.value(QStringLiteral("Host")).trimmed();
        const QString answer = form.value(QStringLiteral("Answer")).trimmed().toLower();
        bool number = false;
        const int code = answer.toInt(&number);
        static const QRegularExpression hostPattern(QStringLiteral("^[A-Za-z0-9.-]{1,253}\\z"));
        if (!hostPattern.match(host).hasMatch())
            return SandboxResponse::invalidParameter(
                QStringLiteral("Host must be a host name, e.g. pbx.example.net"));
        if (answer != QLatin1String("down") && !(number && code >= 200 && code <= 699))
            return SandboxResponse::invalidParameter(
                QStringLiteral("Answer must be down or a SIP code from 200 to 699"));
        c.targets.set(host, answer == QLatin1String("down") ? CallTargets::Down : code);
    }
    return SandboxResponse::json(200, QJsonObject{{QStringLiteral("targets"), c.targets.toJson()}});
}

// Whether every deployed Function fails: POST Fail=true|false, GET the setting.
SandboxResponse functions(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    if (request.method == "POST") {
        const QString fail = FormParams::parse(request.body).value(QStringLiteral("Fail"));
        if (fail != QLatin1String("true") && fail != QLatin1String("false"))
            return SandboxResponse::invalidParameter(QStringLiteral("Fail must be true or false"));
        c.functionsFail = fail == QLatin1String("true");
    }
    return SandboxResponse::json(200, QJsonObject{{QStringLiteral("fail"), c.functionsFail}});
}

} // namespace

void SandboxRoutes::addControl(SandboxRouter &router)
{
    router.add("POST", QStringLiteral("/_sandbox/SimulateCall"), QString(), simulateCall);
    for (const char *method : {"GET", "POST", "DELETE"})
        router.add(method, QStringLiteral("/_sandbox/Targets"), QString(), targets);
    for (const char *method : {"GET", "POST"})
        router.add(method, QStringLiteral("/_sandbox/Functions"), QString(), functions);
}

SandboxRouter SandboxRoutes::all()
{
    SandboxRouter router;
    addAccountAndNumbers(router);
    addCalls(router);
    addSipDomains(router);
    addSipMappings(router);
    addTrunking(router);
    addOriginationUrls(router);
    addServerless(router);
    addBuilds(router);
    addEnvironmentChildren(router);
    addControl(router);
    return router;
}
