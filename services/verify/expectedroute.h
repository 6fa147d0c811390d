#pragma once

#include "callroute.h"
#include "migrationtypes.h"
#include "routespec.h"

// The route a PSTN call to `number` took on the trunk, carried over with step 2's choices:
// the trunk's enabled origination URLs by priority (each target with its priority; within a
// priority the trunk shares calls by weight, so the order there is free), each dialled as
// sip:<number>@<host[:port]> with the URL's parameters and the chosen options, with the
// trunk's recording and transfers, answered on bridge; the disaster-recovery URL when every
// target failed; a busy answer passed to the caller. Pure logic.
struct SyntheticCall
{
    QString number;     // To, E.164
    QString from;       // From, E.164
    QString callSid;    // CA…
    QString callerName; // CallerName, sent when CNAM is carried
};

class ExpectedRoute
{
public:
    static CallRoute build(const TrunkSummary &trunk, const RouteSpec &spec,
                           const SyntheticCall &call);
};
