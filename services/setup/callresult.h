#pragma once

#include "changerecorder.h"
#include "twilioresult.h"

// How a client call ended, for the journal and the audit log: THE rule for both set-up and
// step 4. The status and the request id are the error's when it has them (the answer that
// failed), else the last answer's; every earlier attempt becomes a retried record.
CallResult callResultOf(const TwilioError &error, const TwilioReplyInfo &reply);
