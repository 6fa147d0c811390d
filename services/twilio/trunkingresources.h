#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// Trunking v1 resources; `raw` keeps the whole answer.

struct Trunk
{
    QString sid;
    QString friendlyName;
    QString domainName;
    std::optional<QString> disasterRecoveryUrl;
    bool secure = false;
    QJsonObject raw;

    static Trunk fromJson(const QJsonObject &json);
};

struct OriginationUrl
{
    QString sid;
    QString trunkSid;
    QString friendlyName;
    QString sipUrl;
    bool enabled = false;
    int weight = 0;
    int priority = 0; // lower is preferred
    QJsonObject raw;

    static OriginationUrl fromJson(const QJsonObject &json);
};
