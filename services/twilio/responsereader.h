#pragma once

#include "twiliorequest.h"

class QNetworkReply;

// Reads a finished QNetworkReply into a TwilioResponse: status, Twilio headers, the JSON body,
// or the matching error. Never trusts the body: anything that is not a JSON object on a 2xx
// becomes BadResponse, error bodies go through TwilioError::fromHttp.
namespace ResponseReader {

TwilioResponse read(QNetworkReply *reply);
// For a reply aborted by our own timer.
TwilioResponse timedOut(QNetworkReply *reply, int timeoutMs);
// No byte arrived for stallMs (the transport's stall timer).
TwilioResponse stalled(QNetworkReply *reply, int stallMs);
// The answer declared or streamed more than capBytes.
TwilioResponse tooLarge(QNetworkReply *reply, qint64 capBytes);

} // namespace ResponseReader
