#pragma once

#include "callroute.h"
#include "migrationtypes.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

// Compares a route point by point, in RouteDifference (migrationtypes.h) with the field keys
// of docs/VERIFY.md: targets, called-number, uri-parameters, secure, sip-headers, caller-id,
// ring-timeout, time-limit, recording, answer-supervision, transfers, disaster-recovery, busy.
// Targets are compared by priority group: the groups in order, and within one group the same
// targets in any order (the trunk shares by weight). Each field is reported once, at the first
// target where it differs, so one wrong setting is one line, not one per target.
class RouteComparison
{
    Q_DECLARE_TR_FUNCTIONS(RouteComparison)

public:
    static QVector<RouteDifference> compare(const CallRoute &expected, const CallRoute &actual);
    // "host;params (priority 10), …" / "host, …" as tried.
    static QString targetList(const CallRoute &route, bool withPriority);
};
