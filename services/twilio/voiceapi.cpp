#include "voiceapi.h"

#include "twilioclient.h"
#include "voicerequests.h"

namespace R = VoiceRequests;

VoiceApi::VoiceApi(TwilioClient &client)
    : m_client(client)
{}

TwilioHandle VoiceApi::fetchAccount(QObject *context, TwilioCallback<TwilioAccount> callback)
{
    return m_client.send<TwilioAccount>(R::fetchAccount(m_client.accountSid()), context,
                                        std::move(callback), &TwilioAccount::fromJson);
}

TwilioHandle VoiceApi::listIncomingPhoneNumbers(const PhoneNumberFilter &filter, QObject *context,
                                                TwilioCallback<QList<IncomingPhoneNumber>> callback)
{
    return m_client.sendList<IncomingPhoneNumber>(
        R::listIncomingPhoneNumbers(m_client.accountSid(), filter), context, std::move(callback),
        &IncomingPhoneNumber::fromJson);
}

TwilioHandle VoiceApi::fetchIncomingPhoneNumber(const QString &phoneNumberSid, QObject *context,
                                                TwilioCallback<IncomingPhoneNumber> callback)
{
    return m_client.send<IncomingPhoneNumber>(
        R::fetchIncomingPhoneNumber(m_client.accountSid(), phoneNumberSid), context,
        std::move(callback), &IncomingPhoneNumber::fromJson);
}

TwilioHandle VoiceApi::updateIncomingPhoneNumber(const QString &phoneNumberSid,
                                                 const IncomingPhoneNumberUpdate &update,
                                                 QObject *context,
                                                 TwilioCallback<IncomingPhoneNumber> callback)
{
    return m_client.send<IncomingPhoneNumber>(
        R::updateIncomingPhoneNumber(m_client.accountSid(), phoneNumberSid, update), context,
        std::move(callback), &IncomingPhoneNumber::fromJson);
}

TwilioHandle VoiceApi::listIpAccessControlLists(QObject *context,
                                                TwilioCallback<QList<SipAuthList>> callback)
{
    return m_client.sendList<SipAuthList>(R::listIpAccessControlLists(m_client.accountSid()),
                                          context, std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle VoiceApi::listCredentialLists(QObject *context,
                                           TwilioCallback<QList<SipAuthList>> callback)
{
    return m_client.sendList<SipAuthList>(R::listCredentialLists(m_client.accountSid()), context,
                                          std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle VoiceApi::listCalls(const CallFilter &filter, QObject *context,
                                 TwilioCallback<QList<CallRecord>> callback)
{
    return m_client.sendList<CallRecord>(R::listCalls(m_client.accountSid(), filter), context,
                                         std::move(callback), &CallRecord::fromJson);
}
