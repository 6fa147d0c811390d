#pragma once

#include "enginecontext.h"

#include <QString>

struct TwilioError;
struct TwilioReplyInfo;

// One write call to Twilio as the journal and the audit log see it.
struct Change
{
    QString numberSid; // empty for account-level changes (delete_trunk)
    QString phoneNumber;
    QString trunkSid;
    QString action; // set_voice_url, remove_from_trunk, clear_trunk_sid, add_to_trunk, ...
    QString before;
    QString after;
};

// Writes the journal intent before a call and, after it, the journal result plus an audit
// record (success or failure with HTTP status, Twilio code and request id). A job that cannot
// record its intent must not make the call: begin() returns 0 then and errorString() says why
// (e.g. a full disk).
class ChangeRecorder
{
public:
    ChangeRecorder(const EngineContext &context, qint64 runId);

    qint64 begin(const Change &change);
    // error.isError() == false for success. Returns false when the journal or the audit could
    // not be written (the call's effect stands; errorString() says what was not recorded).
    // reply: HTTP status and request id of the answer, recorded for successes too.
    bool finish(qint64 stepId, const Change &change, const TwilioError &error,
                const TwilioReplyInfo &reply);
    // A change found already made (e.g. removed by an earlier, dropped request): audited as
    // "already_done" without a call.
    bool noteAlreadyDone(const Change &change);

    qint64 runId() const { return m_runId; }
    QString errorString() const { return m_error; }

private:
    bool audit(const Change &change, const TwilioError *error, const TwilioReplyInfo *reply,
               const QString &outcome);

    EngineContext m_context;
    qint64 m_runId;
    QString m_error;
};
