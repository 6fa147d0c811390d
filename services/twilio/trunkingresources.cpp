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
        {"disaster_recovery_method", &Trunk::disasterRecoveryMethod},
        {"secure", &Trunk::secure},
        {"cnam_lookup_enabled", &Trunk::cnamLookupEnabled},
        {"symmetric_rtp_enabled", &Trunk::symmetricRtpEnabled},
        {"transfer_mode", &Trunk::transferMode},
        {"transfer_caller_id", &Trunk::transferCallerId},
    };
    Trunk trunk = readFields(json, fields);
    // Recording is an object {mode, trim} (also served as the /Recording subresource).
    const QJsonObject recording = json.value(QLatin1String("recording")).toObject();
    trunk.recordingMode = str(recording, "mode");
    trunk.recordingTrim = str(recording, "trim");
    trunk.raw = json;
    return trunk;
}

TrunkRecording TrunkRecording::fromJson(const QJsonObject &json)
{
    return TrunkRecording{str(json, "mode"), str(json, "trim")};
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
