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
    std::optional<QString> disasterRecoveryMethod;
    bool secure = false;
    bool cnamLookupEnabled = false;
    bool symmetricRtpEnabled = false;
    QString transferMode;     // disable-all | enable-all | sip-only
    QString transferCallerId; // from-transferee | from-transferor
    QString recordingMode;    // recording.mode: do-not-record | record-from-answer | ...
    QString recordingTrim;    // recording.trim: trim-silence | do-not-trim
    QJsonObject raw;

    static Trunk fromJson(const QJsonObject &json);
};

// GET /v1/Trunks/{TK}/Recording: the trunk's recording settings.
struct TrunkRecording
{
    QString mode; // do-not-record | record-from-answer | record-from-ringing | *-dual
    QString trim; // trim-silence | do-not-trim

    static TrunkRecording fromJson(const QJsonObject &json);
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
