#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

class AuditLog;
class Journal;
class TwilioClient;

// What every engine job works with; owned by MigrationService, borrowed by the jobs.
struct EngineContext
{
    TwilioClient *client = nullptr;
    Journal *journal = nullptr;
    AuditLog *audit = nullptr;
    QString accountSid;
    // No new call for a number starts later than this after its job began (it stops at a safe
    // point instead): one slow endpoint cannot hold a run for hours. Each call is bounded by
    // the client's own deadline, so a number takes at most about this plus one call.
    int numberDeadlineMs = 5 * 60 * 1000;
    // A revert waits this long after a removal of the number failed (any failure: an attempt
    // lost in transit could still land, and after the revert it would take the number off the
    // trunk with its old settings).
    int removalSettleMs = 2 * 60 * 1000;
    // The engine's wall clock (UTC); tests move it instead of waiting.
    std::function<QDateTime()> now = [] {
        return QDateTime::currentDateTimeUtc();
    };
};
