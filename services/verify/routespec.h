#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// What step 2 chose for the route of PSTN calls, saved with the step's other call settings
// (SavedCalls) so verify, perhaps in a later process, knows what the handlers should do on
// top of the trunk's own settings. Only choices: the trunk's origination URLs, recording,
// transfer mode and disaster-recovery URL are read from the trunk itself when verify runs.
struct RouteSpec
{
    QString handlerUrl; // the deployed /outboundHandler
    QString pbxDomain;  // one host instead of the origination URLs; empty = the trunk's URLs
    bool secure = false;
    QString edge;
    bool userToUser = false;
    QList<QPair<QString, QString>> parameters;
    int ringTimeoutSeconds = 600;
    int timeLimitSeconds = 86400;
    // Whether the trunk's setting is carried (not dropped by the administrator's choice).
    bool recording = true;
    bool transfers = true;
    bool disasterRecovery = true;
    bool callerName = false; // CNAM looked up and passed on as X-Caller-Name
    bool emergency = false;  // emergency calling carried to the SIP domain

    bool isNull() const { return handlerUrl.isEmpty(); }
    QJsonObject toJson() const;
    static RouteSpec fromJson(const QJsonObject &json);
};
