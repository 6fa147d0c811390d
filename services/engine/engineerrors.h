#pragma once

#include "migrationtypes.h"
#include "twilioerror.h"

// The engine's error messages. The conversion itself is services/setup's toOperationError (one
// sentence; code, link and request id in their own fields); the engine adds what it means for
// the number ("...; the number stays on the trunk"), which reads better after the cause.
namespace EngineErrors {

OperationError fromTwilio(const TwilioError &error);
OperationError local(const QString &message);
// "<consequence>: <cause>", keeping Twilio's code, status and request id.
OperationError withContext(const OperationError &error, const QString &context);

} // namespace EngineErrors
