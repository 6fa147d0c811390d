// Endpoints of the sandbox itself, under /_sandbox/. They are never faulted or delayed and are
// not part of Twilio's API (the contract test skips them: empty spec file).
#include "callsimulator.h"
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"

#include <QJsonArray>

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
    const auto legs = CallSimulator::simulate(c, from, to, &error);
    if (!legs)
        return SandboxResponse::invalidParameter(error);
    QJsonArray calls;
    for (const QJsonObject &leg : *legs)
        calls.append(c.renderV2010(leg));
    return SandboxResponse::json(201, QJsonObject{{QStringLiteral("calls"), calls}});
}

} // namespace

void SandboxRoutes::addControl(SandboxRouter &router)
{
    router.add("POST", QStringLiteral("/_sandbox/SimulateCall"), QString(), simulateCall);
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
