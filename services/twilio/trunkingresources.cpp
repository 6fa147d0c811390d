#include "trunkingresources.h"

#include "jsonfields.h"

using namespace JsonFields;

Trunk Trunk::fromJson(const QJsonObject &json)
{
    Trunk trunk;
    trunk.sid = str(json, "sid");
    trunk.friendlyName = str(json, "friendly_name");
    trunk.domainName = str(json, "domain_name");
    trunk.disasterRecoveryUrl = optStr(json, "disaster_recovery_url");
    trunk.secure = boolean(json, "secure");
    trunk.raw = json;
    return trunk;
}

TrunkPhoneNumber TrunkPhoneNumber::fromJson(const QJsonObject &json)
{
    TrunkPhoneNumber number;
    number.sid = str(json, "sid");
    number.trunkSid = str(json, "trunk_sid");
    number.phoneNumber = str(json, "phone_number");
    number.friendlyName = str(json, "friendly_name");
    number.voiceUrl = optStr(json, "voice_url");
    number.raw = json;
    return number;
}

OriginationUrl OriginationUrl::fromJson(const QJsonObject &json)
{
    OriginationUrl url;
    url.sid = str(json, "sid");
    url.trunkSid = str(json, "trunk_sid");
    url.friendlyName = str(json, "friendly_name");
    url.sipUrl = str(json, "sip_url");
    url.enabled = boolean(json, "enabled");
    url.weight = integer(json, "weight");
    url.priority = integer(json, "priority");
    url.raw = json;
    return url;
}
