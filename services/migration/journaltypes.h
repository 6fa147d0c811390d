#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// Plain records read from and written to the journal (see journal.h). No credentials anywhere.

enum class StepState { Intent, Done, Failed };

// What came back from one API call; Twilio's fields are 0 / empty when absent.
struct StepResult
{
    bool ok = false;
    int httpStatus = 0;
    int twilioCode = 0;
    QString requestId;
    QString errorMessage;
};

struct JournalRun
{
    qint64 id = 0;
    QString accountSid;
    QString trunkSid;
    QString kind;   // "migrate", "revert", "rollback", "setup", ...
    QString status; // "running", "finished", "failed" or "cancelled"
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while running
};

struct JournalStep
{
    qint64 id = 0;
    qint64 runId = 0;
    QString numberSid; // empty for account-level steps (deploy_*, create_domain, ...)
    QString action;    // e.g. set_voice_url, remove_from_trunk, add_to_trunk, restore_settings
    QString detail;    // what the call will do, e.g. the new voice URL (never a secret)
    StepState state = StepState::Intent;
    StepResult result;
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while in flight
};

// A number's voice settings as fetched before the first change, kept to revert it exactly.
struct NumberBackup
{
    QString numberSid;
    QString phoneNumber;
    QJsonObject priorSettings; // the fields as Twilio returned them, nulls included
    QString priorTrunkSid;     // empty when the number was on no trunk
    qint64 runId = 0;          // the run that took it
    QDateTime takenAt;
};
