#pragma once

#include "migrationtypes.h"
#include "twilioerror.h"

#include <QString>

// Turns the client's errors into the front ends' OperationError. The message is one sentence
// for an administrator; the Twilio code, more_info link and request id travel in their own
// fields so the wizard can show them apart (and so they are not repeated in the message).
OperationError toOperationError(const TwilioError &error);

// The same, with what we were doing in front: "Creating the SIP domain failed: ...".
OperationError toOperationError(const QString &what, const TwilioError &error);

// An error found before anything was sent (bad input, a conflict we detected ourselves).
OperationError makeOperationError(const QString &message);
