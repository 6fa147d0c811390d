#include "trunkingapi.h"

#include "twilioclient.h"

namespace {

constexpr auto Trunking = TwilioHosts::Product::Trunking;

QString trunkPath(const QString &trunkSid, const QString &suffix = {})
{
    return QStringLiteral("/v1/Trunks/") + trunkSid + suffix;
}

} // namespace

TrunkingApi::TrunkingApi(TwilioClient &client)
    : m_client(client)
{}

template<class T>
TwilioHandle TrunkingApi::listUnderTrunk(const QString &trunkSid, const QString &suffix,
                                         const QString &listKey, QObject *context,
                                         TwilioCallback<QList<T>> callback,
                                         T (*parse)(const QJsonObject &))
{
    if (auto error = TwilioClient::checkSid(trunkSid, "TK",
                                            QT_TRANSLATE_NOOP("TwilioClient", "The trunk SID"));
        error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.listAs<T>(TwilioRequest::get(Trunking, trunkPath(trunkSid, suffix)), listKey,
                              context, std::move(callback), parse);
}

TwilioHandle TrunkingApi::listTrunks(QObject *context, TwilioCallback<QList<Trunk>> callback)
{
    return m_client.listAs<Trunk>(TwilioRequest::get(Trunking, QStringLiteral("/v1/Trunks")),
                                  QStringLiteral("trunks"), context, std::move(callback),
                                  &Trunk::fromJson);
}

TwilioHandle TrunkingApi::fetchTrunk(const QString &trunkSid, QObject *context,
                                     TwilioCallback<Trunk> callback)
{
    if (auto error = TwilioClient::checkSid(trunkSid, "TK",
                                            QT_TRANSLATE_NOOP("TwilioClient", "The trunk SID"));
        error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.fetchAs<Trunk>(TwilioRequest::get(Trunking, trunkPath(trunkSid)), context,
                                   std::move(callback), &Trunk::fromJson);
}

TwilioHandle TrunkingApi::deleteTrunk(const QString &trunkSid, QObject *context,
                                      TwilioCallback<TwilioNoContent> callback)
{
    if (auto error = TwilioClient::checkSid(trunkSid, "TK",
                                            QT_TRANSLATE_NOOP("TwilioClient", "The trunk SID"));
        error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.deleteAs(TwilioRequest::remove(Trunking, trunkPath(trunkSid)), context,
                             std::move(callback));
}

TwilioHandle TrunkingApi::listTrunkPhoneNumbers(const QString &trunkSid, QObject *context,
                                                TwilioCallback<QList<TrunkPhoneNumber>> callback)
{
    return listUnderTrunk<TrunkPhoneNumber>(trunkSid, QStringLiteral("/PhoneNumbers"),
                                            QStringLiteral("phone_numbers"), context,
                                            std::move(callback), &TrunkPhoneNumber::fromJson);
}

TwilioHandle TrunkingApi::fetchTrunkPhoneNumber(const QString &trunkSid,
                                                const QString &phoneNumberSid, QObject *context,
                                                TwilioCallback<TrunkPhoneNumber> callback)
{
    TwilioError error =
        TwilioClient::checkSid(trunkSid, "TK", QT_TRANSLATE_NOOP("TwilioClient", "The trunk SID"));
    if (!error.isError())
        error = TwilioClient::checkSid(phoneNumberSid, "PN",
                                       QT_TRANSLATE_NOOP("TwilioClient", "The phone number SID"));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.fetchAs<TrunkPhoneNumber>(
        TwilioRequest::get(Trunking,
                           trunkPath(trunkSid, QStringLiteral("/PhoneNumbers/") + phoneNumberSid)),
        context, std::move(callback), &TrunkPhoneNumber::fromJson);
}

TwilioHandle TrunkingApi::addTrunkPhoneNumber(const QString &trunkSid,
                                              const QString &phoneNumberSid, QObject *context,
                                              TwilioCallback<TrunkPhoneNumber> callback)
{
    TwilioError error =
        TwilioClient::checkSid(trunkSid, "TK", QT_TRANSLATE_NOOP("TwilioClient", "The trunk SID"));
    if (!error.isError())
        error = TwilioClient::checkSid(phoneNumberSid, "PN",
                                       QT_TRANSLATE_NOOP("TwilioClient", "The phone number SID"));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    const TwilioRequest request =
        TwilioRequest::create(Trunking, trunkPath(trunkSid, QStringLiteral("/PhoneNumbers")),
                              {{QStringLiteral("PhoneNumberSid"), phoneNumberSid}});
    CreateLookup lookup{
        TwilioRequest::get(Trunking,
                           trunkPath(trunkSid, QStringLiteral("/PhoneNumbers/") + phoneNumberSid)),
        {},
        {}};
    return m_client.createAs<TrunkPhoneNumber>(request, lookup, context, std::move(callback),
                                               &TrunkPhoneNumber::fromJson);
}

TwilioHandle TrunkingApi::removeTrunkPhoneNumber(const QString &trunkSid,
                                                 const QString &phoneNumberSid, QObject *context,
                                                 TwilioCallback<TwilioNoContent> callback)
{
    TwilioError error =
        TwilioClient::checkSid(trunkSid, "TK", QT_TRANSLATE_NOOP("TwilioClient", "The trunk SID"));
    if (!error.isError())
        error = TwilioClient::checkSid(phoneNumberSid, "PN",
                                       QT_TRANSLATE_NOOP("TwilioClient", "The phone number SID"));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.deleteAs(
        TwilioRequest::remove(
            Trunking, trunkPath(trunkSid, QStringLiteral("/PhoneNumbers/") + phoneNumberSid)),
        context, std::move(callback));
}

TwilioHandle TrunkingApi::listOriginationUrls(const QString &trunkSid, QObject *context,
                                              TwilioCallback<QList<OriginationUrl>> callback)
{
    return listUnderTrunk<OriginationUrl>(trunkSid, QStringLiteral("/OriginationUrls"),
                                          QStringLiteral("origination_urls"), context,
                                          std::move(callback), &OriginationUrl::fromJson);
}

TwilioHandle TrunkingApi::listTrunkIpAccessControlLists(const QString &trunkSid, QObject *context,
                                                        TwilioCallback<QList<SipAuthList>> callback)
{
    return listUnderTrunk<SipAuthList>(trunkSid, QStringLiteral("/IpAccessControlLists"),
                                       QStringLiteral("ip_access_control_lists"), context,
                                       std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle TrunkingApi::listTrunkCredentialLists(const QString &trunkSid, QObject *context,
                                                   TwilioCallback<QList<SipAuthList>> callback)
{
    return listUnderTrunk<SipAuthList>(trunkSid, QStringLiteral("/CredentialLists"),
                                       QStringLiteral("credential_lists"), context,
                                       std::move(callback), &SipAuthList::fromJson);
}
