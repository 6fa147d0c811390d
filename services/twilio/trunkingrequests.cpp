#include "trunkingrequests.h"

namespace {

constexpr auto Trunking = TwilioHosts::Product::Trunking;

SidArgument trunk(const QString &sid)
{
    return {sid, "TK", QT_TRANSLATE_NOOP("TwilioClient", "The trunk SID")};
}

SidArgument number(const QString &sid)
{
    return {sid, "PN", QT_TRANSLATE_NOOP("TwilioClient", "The phone number SID")};
}

QString trunkPath(const QString &trunkSid, const QString &suffix = {})
{
    return QStringLiteral("/v1/Trunks/") + trunkSid + suffix;
}

QString numberPath(const QString &trunkSid, const QString &phoneNumberSid)
{
    return trunkPath(trunkSid, QStringLiteral("/PhoneNumbers/") + phoneNumberSid);
}

// GET /v1/Trunks/{TK}<suffix>, every page: the shape of every list under a trunk.
RestOperation underTrunk(const QString &trunkSid, const char *suffix, const char *listKey)
{
    return RestOperation::list(Trunking, trunkPath(trunkSid, QLatin1String(suffix)),
                               QLatin1String(listKey))
        .checkSids({trunk(trunkSid)});
}

} // namespace

namespace TrunkingRequests {

RestOperation listTrunks()
{
    return RestOperation::list(Trunking, QStringLiteral("/v1/Trunks"), QStringLiteral("trunks"));
}

RestOperation fetchTrunk(const QString &trunkSid)
{
    return RestOperation::fetch(Trunking, trunkPath(trunkSid)).checkSids({trunk(trunkSid)});
}

RestOperation fetchTrunkRecording(const QString &trunkSid)
{
    return RestOperation::fetch(Trunking, trunkPath(trunkSid, QStringLiteral("/Recording")))
        .checkSids({trunk(trunkSid)});
}

RestOperation deleteTrunk(const QString &trunkSid)
{
    return RestOperation::remove(Trunking, trunkPath(trunkSid)).checkSids({trunk(trunkSid)});
}

RestOperation listPhoneNumbers(const QString &trunkSid)
{
    return underTrunk(trunkSid, "/PhoneNumbers", "phone_numbers");
}

RestOperation fetchPhoneNumber(const QString &trunkSid, const QString &phoneNumberSid)
{
    return RestOperation::fetch(Trunking, numberPath(trunkSid, phoneNumberSid))
        .checkSids({trunk(trunkSid), number(phoneNumberSid)});
}

RestOperation addPhoneNumber(const QString &trunkSid, const QString &phoneNumberSid)
{
    CreateLookup lookup{TwilioRequest::get(Trunking, numberPath(trunkSid, phoneNumberSid)), {}, {}};
    return RestOperation::create(Trunking, trunkPath(trunkSid, QStringLiteral("/PhoneNumbers")),
                                 {{QStringLiteral("PhoneNumberSid"), phoneNumberSid}},
                                 std::move(lookup))
        .checkSids({trunk(trunkSid), number(phoneNumberSid)});
}

RestOperation removePhoneNumber(const QString &trunkSid, const QString &phoneNumberSid)
{
    return RestOperation::remove(Trunking, numberPath(trunkSid, phoneNumberSid))
        .checkSids({trunk(trunkSid), number(phoneNumberSid)});
}

RestOperation listOriginationUrls(const QString &trunkSid)
{
    return underTrunk(trunkSid, "/OriginationUrls", "origination_urls");
}

RestOperation listIpAccessControlLists(const QString &trunkSid)
{
    return underTrunk(trunkSid, "/IpAccessControlLists", "ip_access_control_lists");
}

RestOperation listCredentialLists(const QString &trunkSid)
{
    return underTrunk(trunkSid, "/CredentialLists", "credential_lists");
}

} // namespace TrunkingRequests
