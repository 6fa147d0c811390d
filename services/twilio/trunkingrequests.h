#pragma once

#include "restoperation.h"

// Elastic SIP Trunking v1 (trunking.twilio.com/v1/Trunks…) as RestOperations; TrunkingApi
// sends them.
namespace TrunkingRequests {

RestOperation listTrunks();
RestOperation fetchTrunk(const QString &trunkSid);
RestOperation fetchTrunkRecording(const QString &trunkSid);
RestOperation deleteTrunk(const QString &trunkSid);
RestOperation listPhoneNumbers(const QString &trunkSid);
RestOperation fetchPhoneNumber(const QString &trunkSid, const QString &phoneNumberSid);
// After an ambiguous failure the association is looked up before it is requested again.
RestOperation addPhoneNumber(const QString &trunkSid, const QString &phoneNumberSid);
RestOperation removePhoneNumber(const QString &trunkSid, const QString &phoneNumberSid);
RestOperation listOriginationUrls(const QString &trunkSid);
RestOperation listIpAccessControlLists(const QString &trunkSid);
RestOperation listCredentialLists(const QString &trunkSid);

} // namespace TrunkingRequests
