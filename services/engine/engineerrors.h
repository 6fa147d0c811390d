#pragma once

#include "migrationtypes.h"
#include "twilioerror.h"

// Conversions from the client's error type and from local problems (journal, bad input) to the
// OperationError the front ends show.
namespace EngineErrors {

OperationError fromTwilio(const TwilioError &error);
OperationError local(const QString &message);
// "What we were doing: why it failed", keeping Twilio's code, status and request id.
OperationError withContext(const OperationError &error, const QString &context);

} // namespace EngineErrors
