#include "numbertask.h"

#include "voiceresources.h"

NumberInfo NumberTask::infoOf(const IncomingPhoneNumber &number, NumberState state,
                              const OperationError &error)
{
    NumberInfo info;
    info.sid = number.sid;
    info.phoneNumber = number.phoneNumber;
    info.friendlyName = number.friendlyName;
    info.voiceUrl = number.voiceUrl.value_or(QString());
    info.voiceMethod = number.voiceMethod.value_or(QString());
    info.trunkSid = number.trunkSid.value_or(QString());
    info.state = state;
    info.lastError = error;
    return info;
}
