#include "trunkingresources.h"

#include "jsonfields.h"
#include "wirefields.h"

using namespace JsonFields;

Trunk Trunk::fromJson(const QJsonObject &json)
{
    static const WireField<Trunk> fields[] = {
        {"sid", &Trunk::sid},
        {"friendly_name", &Trunk::friendlyName},
        {"domain_name", &Trunk::domainName},
        {"disaster_recovery_url", &Trunk::disasterRecoveryUrl},
        {"secure", &Trunk::secure},
    };
    Trunk trunk = readFields(json, fields);
    trunk.raw = json;
    return trunk;
}

OriginationUrl OriginationUrl::fromJson(const QJsonObject &json)
{
    using O = OriginationUrl;
    static const WireField<O> fields[] = {
        {"sid", &O::sid},
        {"trunk_sid", &O::trunkSid},
        {"friendly_name", &O::friendlyName},
        {"sip_url", &O::sipUrl},
        {"enabled", &O::enabled},
        {"weight", &O::weight},
        {"priority", &O::priority},
    };
    OriginationUrl url = readFields(json, fields);
    url.raw = json;
    return url;
}
