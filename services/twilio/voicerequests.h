#pragma once

#include "restoperation.h"
#include "voiceresources.h"

// API v2010 account resources (api.twilio.com/2010-04-01/Accounts/{AC}/…) as RestOperations:
// the account, its numbers, its SIP lists and its calls. VoiceApi sends them.
namespace VoiceRequests {

RestOperation fetchAccount(const QString &accountSid);
RestOperation listIncomingPhoneNumbers(const QString &accountSid, const PhoneNumberFilter &filter);
RestOperation fetchIncomingPhoneNumber(const QString &accountSid, const QString &phoneNumberSid);
RestOperation updateIncomingPhoneNumber(const QString &accountSid, const QString &phoneNumberSid,
                                        const IncomingPhoneNumberUpdate &update);
RestOperation listIpAccessControlLists(const QString &accountSid);
RestOperation listCredentialLists(const QString &accountSid);
RestOperation listCalls(const QString &accountSid, const CallFilter &filter);

} // namespace VoiceRequests
