#pragma once

#include "requestlimiter.h"
#include "retrypolicy.h"
#include "twiliocredentials.h"
#include "twiliorequest.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <unordered_map>

Q_DECLARE_LOGGING_CATEGORY(lcTwilio)

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Sends TwilioRequests: FIFO queue, adaptive concurrency limit, per-request timeout (started
// when the request actually leaves), retries with backoff. Everything runs on the thread the
// transport lives in; `done` is called exactly once per send(), never synchronously inside
// send().
class TwilioTransport : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const TwilioResponse &)>;

    explicit TwilioTransport(QObject *parent = nullptr);
    ~TwilioTransport() override;

    void configure(const TwilioCredentials &credentials, const TwilioHosts &hosts);
    void setTimeoutMs(int ms) { m_timeoutMs = qMax(1, ms); }
    int timeoutMs() const { return m_timeoutMs; }
    // No byte for this long (before or during the answer) ends the attempt like a timeout.
    void setStallTimeoutMs(int ms) { m_stallMs = qMax(1, ms); }
    // Answers (declared or streamed) past this size are aborted: no answer we ask for is near.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = qMax<qint64>(1024, bytes); }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    // No retry starts later than this after a request's first attempt, so one slow endpoint
    // cannot hold a caller for many times the timeout.
    void setDeadlineMs(int ms) { m_deadlineMs = qMax(1, ms); }
    int deadlineMs() const { return m_deadlineMs; }
    // A stop: every attempt in flight or still to start ends within ms from now (a timeout if
    // unanswered), and none starts after that. clearStopBy() returns to the usual timeouts.
    void setStopBy(int ms);
    void clearStopBy() { m_stopBy = QDeadlineTimer(QDeadlineTimer::Forever); }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }
    void setMaxConcurrency(int maximum);
    const RequestLimiter &limiter() const { return m_limiter; }

    quint64 send(const TwilioRequest &request, Done done);
    void cancel(quint64 id);
    void cancelAll();

    int queued() const { return int(m_queue.size()); }
    quint64 retries() const { return m_retries; }
    quint64 attemptsSent() const { return m_sent; }

private:
    struct Pending;
    void pump();
    void startAttempt(Pending &pending);
    int attemptTimeoutMs() const;
    void finishUnsent(quint64 id); // ends a request a stop kept from being sent (again)
    void onReplyFinished(quint64 id);
    void onTimeout(quint64 id);
    void onStalled(quint64 id);
    void onBytes(quint64 id);
    void abortAttempt(quint64 id, TwilioResponse response);
    void handleResult(quint64 id, TwilioResponse response, int limiterToken);
    void finish(quint64 id, const TwilioResponse &response);
    void detachReply(Pending &pending);
    void schedulePump();

    QNetworkAccessManager *m_nam;
    std::unique_ptr<class RequestBuilder> m_builder;
    RetryPolicy m_policy;
    RequestLimiter m_limiter;
    std::mt19937 m_random{std::random_device{}()};
    std::unordered_map<quint64, std::unique_ptr<Pending>> m_pending;
    std::deque<quint64> m_queue;
    quint64 m_nextId = 1;
    quint64 m_retries = 0;
    quint64 m_sent = 0;
    int m_timeoutMs = 30000;
    int m_stallMs = 10000;
    int m_deadlineMs = 120000;
    qint64 m_maxBodyBytes = 16 * 1024 * 1024;
    QDeadlineTimer m_stopBy{QDeadlineTimer::Forever};
    bool m_pumpScheduled = false;
};
