#include "callresult.h"

CallResult callResultOf(const TwilioError &error, const TwilioReplyInfo &reply)
{
    CallResult call;
    StepResult &result = call.result;
    result.ok = !error.isError();
    result.httpStatus = error.httpStatus ? error.httpStatus : reply.httpStatus;
    result.twilioCode = error.code;
    result.requestId = error.requestId.isEmpty() ? reply.requestId : error.requestId;
    result.errorMessage = error.isError() ? error.toDisplayString() : QString();
    for (const TwilioAttempt &attempt : reply.earlierAttempts)
        call.retried.append({attempt.httpStatus, attempt.code, attempt.requestId, attempt.what});
    return call;
}
