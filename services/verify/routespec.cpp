#include "routespec.h"

#include <QJsonArray>

QJsonObject RouteSpec::toJson() const
{
    QJsonArray list;
    for (const auto &[name, value] : parameters)
        list.append(QJsonArray{name, value});
    return {{QStringLiteral("handlerUrl"), handlerUrl},
            {QStringLiteral("pbxDomain"), pbxDomain},
            {QStringLiteral("secure"), secure},
            {QStringLiteral("edge"), edge},
            {QStringLiteral("userToUser"), userToUser},
            {QStringLiteral("parameters"), list},
            {QStringLiteral("ringTimeout"), ringTimeoutSeconds},
            {QStringLiteral("timeLimit"), timeLimitSeconds},
            {QStringLiteral("recording"), recording},
            {QStringLiteral("transfers"), transfers},
            {QStringLiteral("disasterRecovery"), disasterRecovery},
            {QStringLiteral("callerName"), callerName},
            {QStringLiteral("emergency"), emergency}};
}

RouteSpec RouteSpec::fromJson(const QJsonObject &json)
{
    RouteSpec spec;
    spec.handlerUrl = json.value(QLatin1String("handlerUrl")).toString();
    spec.pbxDomain = json.value(QLatin1String("pbxDomain")).toString();
    spec.secure = json.value(QLatin1String("secure")).toBool();
    spec.edge = json.value(QLatin1String("edge")).toString();
    spec.userToUser = json.value(QLatin1String("userToUser")).toBool();
    for (const QJsonValue &pair : json.value(QLatin1String("parameters")).toArray())
        spec.parameters.append({pair.toArray().at(0).toString(), pair.toArray().at(1).toString()});
    spec.ringTimeoutSeconds = json.value(QLatin1String("ringTimeout")).toInt(600);
    spec.timeLimitSeconds = json.value(QLatin1String("timeLimit")).toInt(86400);
    spec.recording = json.value(QLatin1String("recording")).toBool(true);
    spec.transfers = json.value(QLatin1String("transfers")).toBool(true);
    spec.disasterRecovery = json.value(QLatin1String("disasterRecovery")).toBool(true);
    spec.callerName = json.value(QLatin1String("callerName")).toBool();
    spec.emergency = json.value(QLatin1String("emergency")).toBool();
    return spec;
}
