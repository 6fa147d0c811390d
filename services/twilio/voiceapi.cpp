#include "voiceapi.h"

#include "twilioclient.h"

#include <QCoreApplication>

namespace {
constexpr auto Api = TwilioHosts::Product::Api;
}

VoiceApi::VoiceApi(TwilioClient &client)
    : m_client(client)
{}

TwilioHandle VoiceApi::fetchAccount(QObject *context, TwilioCallback<TwilioAccount> callback)
{
    return m_client.fetchAs<TwilioAccount>(
        TwilioRequest::get(Api, m_client.accountPath(QStringLiteral(".json"))), context,
        std::move(callback), &TwilioAccount::fromJson);
}

TwilioHandle VoiceApi::listIncomingPhoneNumbers(const PhoneNumberFilter &filter, QObject *context,
                                                TwilioCallback<QList<IncomingPhoneNumber>> callback)
{
    return m_client.listAs<IncomingPhoneNumber>(
        TwilioRequest::get(Api, m_client.accountPath(QStringLiteral("/IncomingPhoneNumbers.json")),
                           filter.toQuery()),
        QStringLiteral("incoming_phone_numbers"), context, std::move(callback),
        &IncomingPhoneNumber::fromJson);
}

TwilioHandle VoiceApi::fetchIncomingPhoneNumber(const QString &phoneNumberSid, QObject *context,
                                                TwilioCallback<IncomingPhoneNumber> callback)
{
    if (auto error = TwilioClient::checkSid(
            phoneNumberSid, "PN", QT_TRANSLATE_NOOP("TwilioClient", "The phone number SID"));
        error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.fetchAs<IncomingPhoneNumber>(
        TwilioRequest::get(Api, m_client.accountPath(QStringLiteral("/IncomingPhoneNumbers/") +
                                                     phoneNumberSid + QStringLiteral(".json"))),
        context, std::move(callback), &IncomingPhoneNumber::fromJson);
}

TwilioHandle VoiceApi::updateIncomingPhoneNumber(const QString &phoneNumberSid,
                                                 const IncomingPhoneNumberUpdate &update,
                                                 QObject *context,
                                                 TwilioCallback<IncomingPhoneNumber> callback)
{
    TwilioError error = TwilioClient::checkSid(
        phoneNumberSid, "PN", QT_TRANSLATE_NOOP("TwilioClient", "The phone number SID"));
    if (!error.isError() && !update.check().isEmpty())
        error = TwilioClient::invalidInput(update.check());
    if (!error.isError() && update.isEmpty())
        error = TwilioClient::invalidInput(
            QCoreApplication::translate("VoiceApi", "The phone number update changes nothing."));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.fetchAs<IncomingPhoneNumber>(
        TwilioRequest::update(Api,
                              m_client.accountPath(QStringLiteral("/IncomingPhoneNumbers/") +
                                                   phoneNumberSid + QStringLiteral(".json")),
                              update.toForm()),
        context, std::move(callback), &IncomingPhoneNumber::fromJson);
}

TwilioHandle VoiceApi::listIpAccessControlLists(QObject *context,
                                                TwilioCallback<QList<SipAuthList>> callback)
{
    return m_client.listAs<SipAuthList>(
        TwilioRequest::get(Api,
                           m_client.accountPath(QStringLiteral("/SIP/IpAccessControlLists.json"))),
        QStringLiteral("ip_access_control_lists"), context, std::move(callback),
        &SipAuthList::fromJson);
}

TwilioHandle VoiceApi::listCredentialLists(QObject *context,
                                           TwilioCallback<QList<SipAuthList>> callback)
{
    return m_client.listAs<SipAuthList>(
        TwilioRequest::get(Api, m_client.accountPath(QStringLiteral("/SIP/CredentialLists.json"))),
        QStringLiteral("credential_lists"), context, std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle VoiceApi::listCalls(const CallFilter &filter, QObject *context,
                                 TwilioCallback<QList<CallRecord>> callback)
{
    if (const QString problem = filter.check(); !problem.isEmpty())
        return m_client.rejectAs(TwilioClient::invalidInput(problem), context, std::move(callback));
    return m_client.listAs<CallRecord>(
        TwilioRequest::get(Api, m_client.accountPath(QStringLiteral("/Calls.json")),
                           filter.toQuery()),
        QStringLiteral("calls"), context, std::move(callback), &CallRecord::fromJson);
}
