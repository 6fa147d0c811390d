#pragma once

#include "twilioerror.h"

#include <QPointer>
#include <QString>

#include <functional>

class OperationRunner;

// HTTP status and Twilio-Request-Id of an answer (the audit log records both).
struct TwilioReplyInfo
{
    int httpStatus = 0;
    QString requestId;
    QList<TwilioAttempt> earlierAttempts; // of the last request, before the one answered here
};

// The outcome of one client operation: value is meaningful only when ok(). reply describes the
// last answer the operation received (for a paged list, its last page), also on success.
template<class T> struct TwilioResult
{
    T value{};
    TwilioError error;
    TwilioReplyInfo reply;

    bool ok() const { return !error.isError(); }
};

template<class T> using TwilioCallback = std::function<void(const TwilioResult<T> &)>;

// The answer of operations that return nothing (DELETE → 204).
struct TwilioNoContent
{
};

// Returned by every operation: cancel() stops it; its callback then gets Kind::Cancelled
// (unless it had already been called). Cheap to copy; harmless after the operation ended or
// the client was destroyed.
class TwilioHandle
{
public:
    TwilioHandle() = default;
    TwilioHandle(OperationRunner *runner, quint64 id);

    quint64 id() const { return m_id; }
    bool isValid() const { return m_id != 0; }
    void cancel() const;

private:
    QPointer<OperationRunner> m_runner;
    quint64 m_id = 0;
};
