#pragma once

#include "trunkingresources.h"
#include "twilioresult.h"
#include "voiceresources.h"

#include <QList>

class QObject;
class TwilioClient;

// Elastic SIP Trunking v1 operations (trunking.twilio.com/v1/Trunks…), described in
// TrunkingRequests. SID arguments are checked before anything is sent; a malformed one fails
// with InvalidInput.
class TrunkingApi
{
public:
    explicit TrunkingApi(TwilioClient &client);

    TwilioHandle listTrunks(QObject *context, TwilioCallback<QList<Trunk>> callback);
    TwilioHandle fetchTrunk(const QString &trunkSid, QObject *context,
                            TwilioCallback<Trunk> callback);
    TwilioHandle fetchTrunkRecording(const QString &trunkSid, QObject *context,
                                     TwilioCallback<TrunkRecording> callback);
    TwilioHandle deleteTrunk(const QString &trunkSid, QObject *context,
                             TwilioCallback<TwilioNoContent> callback);

    TwilioHandle listTrunkPhoneNumbers(const QString &trunkSid, QObject *context,
                                       TwilioCallback<QList<IncomingPhoneNumber>> callback);
    TwilioHandle fetchTrunkPhoneNumber(const QString &trunkSid, const QString &phoneNumberSid,
                                       QObject *context,
                                       TwilioCallback<IncomingPhoneNumber> callback);
    // Associates a number with the trunk. Safe to retry: after an ambiguous failure the
    // association is looked up (GET …/PhoneNumbers/{PN}) before it is requested again.
    TwilioHandle addTrunkPhoneNumber(const QString &trunkSid, const QString &phoneNumberSid,
                                     QObject *context,
                                     TwilioCallback<IncomingPhoneNumber> callback);
    TwilioHandle removeTrunkPhoneNumber(const QString &trunkSid, const QString &phoneNumberSid,
                                        QObject *context, TwilioCallback<TwilioNoContent> callback);

    TwilioHandle listOriginationUrls(const QString &trunkSid, QObject *context,
                                     TwilioCallback<QList<OriginationUrl>> callback);
    TwilioHandle listTrunkIpAccessControlLists(const QString &trunkSid, QObject *context,
                                               TwilioCallback<QList<SipAuthList>> callback);
    TwilioHandle listTrunkCredentialLists(const QString &trunkSid, QObject *context,
                                          TwilioCallback<QList<SipAuthList>> callback);

private:
    TwilioClient &m_client;
};
