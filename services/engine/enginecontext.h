#pragma once

#include <QString>

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
};
