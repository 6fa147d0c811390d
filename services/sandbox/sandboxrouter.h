#pragma once

#include "sandboxmessage.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

class SandboxContext;

// What a route is, for the contract-fidelity test: the spec file is empty for routes that
// Twilio does not document in the OpenAPI files (the upload host, /_sandbox/*).
struct SandboxRouteInfo
{
    QByteArray method;
    // Spec-style template with the SID prefix after a colon: {TrunkSid:TK}. Strip ":XX" to get
    // the OpenAPI path.
    QString pathTemplate;
    QString specFile; // e.g. "twilio_trunking_v1.json"
    // The OpenAPI path: pathTemplate without the ":XX" prefixes.
    QString specPath() const;
    bool isV2010() const { return pathTemplate.startsWith(QLatin1String("/2010-04-01/")); }
};

using RouteParams = QHash<QString, QString>;
using RouteHandler =
    std::function<SandboxResponse(SandboxContext &, const SandboxRequest &, const RouteParams &)>;

// Matches a request path against the route templates. A SID segment that does not match its
// prefix pattern makes the route not match, so a malformed SID answers 404 like Twilio.
class SandboxRouter
{
public:
    struct Route
    {
        SandboxRouteInfo info;
        RouteHandler handler;
    };
    enum class Match { Found, NoPath, WrongMethod };

    void add(const QByteArray &method, const QString &pathTemplate, const QString &specFile,
             RouteHandler handler);

    Match match(const QByteArray &method, const QString &path, const Route **route,
                RouteParams *params) const;
    QList<SandboxRouteInfo> routes() const;

private:
    static bool matchTemplate(const QString &pathTemplate, const QString &path,
                              RouteParams *params);
    QList<Route> m_routes;
};
