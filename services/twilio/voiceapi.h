#pragma once

#include "twilioresult.h"
#include "voiceresources.h"

#include <QList>

class QObject;
class TwilioClient;

// API v2010 operations on the account, its phone numbers, SIP lists and calls
// (api.twilio.com/2010-04-01/Accounts/{AccountSid}/…).
class VoiceApi
{
public:
    explicit VoiceApi(TwilioClient &client);

    // Needs the Auth Token or a Main API key (Standard keys cannot read /Accounts).
    TwilioHandle fetchAccount(QObject *context, TwilioCallback<TwilioAccount> callback);

    TwilioHandle listIncomingPhoneNumbers(const PhoneNumberFilter &filter, QObject *context,
                                          TwilioCallback<QList<IncomingPhoneNumber>> callback);
    TwilioHandle fetchIncomingPhoneNumber(const QString &phoneNumberSid, QObject *context,
                                          TwilioCallback<IncomingPhoneNumber> callback);
    // Sends only the fields set in `update`; an empty update is refused (nothing to do).
    TwilioHandle updateIncomingPhoneNumber(const QString &phoneNumberSid,
                                           const IncomingPhoneNumberUpdate &update,
                                           QObject *context,
                                           TwilioCallback<IncomingPhoneNumber> callback);

    TwilioHandle listIpAccessControlLists(QObject *context,
                                          TwilioCallback<QList<SipAuthList>> callback);
    TwilioHandle listCredentialLists(QObject *context, TwilioCallback<QList<SipAuthList>> callback);

    TwilioHandle listCalls(const CallFilter &filter, QObject *context,
                           TwilioCallback<QList<CallRecord>> callback);

private:
    TwilioClient &m_client;
};
