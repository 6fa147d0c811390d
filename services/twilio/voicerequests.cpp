#include "voicerequests.h"

namespace {

constexpr auto Api = TwilioHosts::Product::Api;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VoiceRequests)
};

QString numberPath(const QString &accountSid, const QString &phoneNumberSid)
{
    return RestOperation::accountPath(accountSid, QStringLiteral("/IncomingPhoneNumbers/") +
                                                      phoneNumberSid + QStringLiteral(".json"));
}

SidArgument number(const QString &sid)
{
    return {sid, "PN", QT_TRANSLATE_NOOP("TwilioClient", "The phone number SID")};
}

} // namespace

namespace VoiceRequests {

RestOperation fetchAccount(const QString &accountSid)
{
    return RestOperation::fetch(Api,
                                RestOperation::accountPath(accountSid, QStringLiteral(".json")));
}

RestOperation listIncomingPhoneNumbers(const QString &accountSid, const PhoneNumberFilter &filter)
{
    return RestOperation::list(
        Api, RestOperation::accountPath(accountSid, QStringLiteral("/IncomingPhoneNumbers.json")),
        QStringLiteral("incoming_phone_numbers"), filter.toQuery());
}

RestOperation fetchIncomingPhoneNumber(const QString &accountSid, const QString &phoneNumberSid)
{
    return RestOperation::fetch(Api, numberPath(accountSid, phoneNumberSid))
        .checkSids({number(phoneNumberSid)});
}

RestOperation updateIncomingPhoneNumber(const QString &accountSid, const QString &phoneNumberSid,
                                        const IncomingPhoneNumberUpdate &update)
{
    return RestOperation::update(Api, numberPath(accountSid, phoneNumberSid), update.toForm())
        .checkSids({number(phoneNumberSid)})
        .check(update.check())
        .check(update.isEmpty() ? Tr::tr("The phone number update changes nothing.") : QString());
}

RestOperation listIpAccessControlLists(const QString &accountSid)
{
    return RestOperation::list(
        Api,
        RestOperation::accountPath(accountSid, QStringLiteral("/SIP/IpAccessControlLists.json")),
        QStringLiteral("ip_access_control_lists"));
}

RestOperation listCredentialLists(const QString &accountSid)
{
    return RestOperation::list(
        Api, RestOperation::accountPath(accountSid, QStringLiteral("/SIP/CredentialLists.json")),
        QStringLiteral("credential_lists"));
}

RestOperation listCalls(const QString &accountSid, const CallFilter &filter)
{
    return RestOperation::list(
               Api, RestOperation::accountPath(accountSid, QStringLiteral("/Calls.json")),
               QStringLiteral("calls"), filter.toQuery())
        .check(filter.check());
}

} // namespace VoiceRequests
