#include "trunkingapi.h"

#include "trunkingrequests.h"
#include "twilioclient.h"

namespace R = TrunkingRequests;

TrunkingApi::TrunkingApi(TwilioClient &client)
    : m_client(client)
{}

TwilioHandle TrunkingApi::listTrunks(QObject *context, TwilioCallback<QList<Trunk>> callback)
{
    return m_client.sendList<Trunk>(R::listTrunks(), context, std::move(callback),
                                    &Trunk::fromJson);
}

TwilioHandle TrunkingApi::fetchTrunk(const QString &trunkSid, QObject *context,
                                     TwilioCallback<Trunk> callback)
{
    return m_client.send<Trunk>(R::fetchTrunk(trunkSid), context, std::move(callback),
                                &Trunk::fromJson);
}

TwilioHandle TrunkingApi::fetchTrunkRecording(const QString &trunkSid, QObject *context,
                                              TwilioCallback<TrunkRecording> callback)
{
    return m_client.send<TrunkRecording>(R::fetchTrunkRecording(trunkSid), context,
                                         std::move(callback), &TrunkRecording::fromJson);
}

TwilioHandle TrunkingApi::deleteTrunk(const QString &trunkSid, QObject *context,
                                      TwilioCallback<TwilioNoContent> callback)
{
    return m_client.sendDelete(R::deleteTrunk(trunkSid), context, std::move(callback));
}

TwilioHandle TrunkingApi::listTrunkPhoneNumbers(const QString &trunkSid, QObject *context,
                                                TwilioCallback<QList<IncomingPhoneNumber>> callback)
{
    return m_client.sendList<IncomingPhoneNumber>(R::listPhoneNumbers(trunkSid), context,
                                                  std::move(callback),
                                                  &IncomingPhoneNumber::fromJson);
}

TwilioHandle TrunkingApi::fetchTrunkPhoneNumber(const QString &trunkSid,
                                                const QString &phoneNumberSid, QObject *context,
                                                TwilioCallback<IncomingPhoneNumber> callback)
{
    return m_client.send<IncomingPhoneNumber>(R::fetchPhoneNumber(trunkSid, phoneNumberSid),
                                              context, std::move(callback),
                                              &IncomingPhoneNumber::fromJson);
}

TwilioHandle TrunkingApi::addTrunkPhoneNumber(const QString &trunkSid,
                                              const QString &phoneNumberSid, QObject *context,
                                              TwilioCallback<IncomingPhoneNumber> callback)
{
    return m_client.send<IncomingPhoneNumber>(R::addPhoneNumber(trunkSid, phoneNumberSid), context,
                                              std::move(callback), &IncomingPhoneNumber::fromJson);
}

TwilioHandle TrunkingApi::removeTrunkPhoneNumber(const QString &trunkSid,
                                                 const QString &phoneNumberSid, QObject *context,
                                                 TwilioCallback<TwilioNoContent> callback)
{
    return m_client.sendDelete(R::removePhoneNumber(trunkSid, phoneNumberSid), context,
                               std::move(callback));
}

TwilioHandle TrunkingApi::listOriginationUrls(const QString &trunkSid, QObject *context,
                                              TwilioCallback<QList<OriginationUrl>> callback)
{
    return m_client.sendList<OriginationUrl>(R::listOriginationUrls(trunkSid), context,
                                             std::move(callback), &OriginationUrl::fromJson);
}

TwilioHandle TrunkingApi::listTrunkIpAccessControlLists(const QString &trunkSid, QObject *context,
                                                        TwilioCallback<QList<SipAuthList>> callback)
{
    return m_client.sendList<SipAuthList>(R::listIpAccessControlLists(trunkSid), context,
                                          std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle TrunkingApi::listTrunkCredentialLists(const QString &trunkSid, QObject *context,
                                                   TwilioCallback<QList<SipAuthList>> callback)
{
    return m_client.sendList<SipAuthList>(R::listCredentialLists(trunkSid), context,
                                          std::move(callback), &SipAuthList::fromJson);
}
