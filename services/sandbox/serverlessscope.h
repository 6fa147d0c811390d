#pragma once

#include "sandboxrouter.h"

#include <QJsonObject>

// The Service (by SID or unique_name) and, when the route has one, the Environment a
// Serverless sub-resource route works under, resolved once so handlers only see valid parents.
struct ServerlessScope
{
    QJsonObject service;
    QJsonObject environment; // empty for routes without {EnvironmentSid}

    QString serviceSid() const;
    QString environmentSid() const;
    QString builds() const; // store collections
    QString environments() const;
    QString functions() const;
    QString deployments() const;
    QString variables() const;

    // A build of this service as of now: "building" turns "completed" once its time is up.
    // Done by the clock rather than a timer, so nothing runs between requests.
    QJsonObject refreshedBuild(SandboxContext &context, QJsonObject build) const;

    using Handler = std::function<SandboxResponse(SandboxContext &, const SandboxRequest &,
                                                  const RouteParams &, const ServerlessScope &)>;
    // Wraps a handler: unknown service or environment answer 404 before it runs.
    static RouteHandler wrap(Handler handler);
};
