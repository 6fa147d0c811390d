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
};
