// RetryPolicy: which failures are retried, full-jitter backoff bounds, Retry-After, and the
// create rule (never re-sent blindly after an ambiguous failure).
#include "retrypolicy.h"

#include <QTest>

using Decision = RetryPolicy::Decision;
using Kind = RetryPolicy::RequestKind;

namespace {
TwilioError apiError(int status, bool processed)
{
    TwilioError e = TwilioError::make(TwilioError::Kind::Api, QStringLiteral("x"));
    e.httpStatus = status;
    e.mayHaveBeenProcessed = processed;
    return e;
}
} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private slots:
    void neverRetriesRefusals();
    void retriesTransientFailures();
    void capsAttempts();
    void createRetriedOnlyWhenSafe();
    void backoffIsFullJitterAndCapped();
    void retryAfterWins();
    void parsesRetryAfter();
};

void TestRetryPolicy::neverRetriesRefusals()
{
    const RetryPolicy policy;
    for (int status : {400, 401, 403, 404, 409})
        QCOMPARE(policy.decide(apiError(status, false), Kind::Read, 1), Decision::Give);
    QCOMPARE(policy.decide(TwilioError(), Kind::Read, 1), Decision::Give);
}

void TestRetryPolicy::retriesTransientFailures()
{
    const RetryPolicy policy;
    for (int status : {429, 500, 502, 503, 504}) {
        QCOMPARE(policy.decide(apiError(status, true), Kind::Read, 1), Decision::Retry);
        QCOMPARE(policy.decide(apiError(status, true), Kind::Update, 1), Decision::Retry);
        QCOMPARE(policy.decide(apiError(status, true), Kind::Delete, 1), Decision::Retry);
    }
    TwilioError timeout = TwilioError::make(TwilioError::Kind::Timeout, {});
    timeout.mayHaveBeenProcessed = true;
    QCOMPARE(policy.decide(timeout, Kind::Update, 2), Decision::Retry);
}

void TestRetryPolicy::capsAttempts()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    QCOMPARE(policy.decide(apiError(503, true), Kind::Read, 2), Decision::Retry);
    QCOMPARE(policy.decide(apiError(503, true), Kind::Read, 3), Decision::Give);
}

void TestRetryPolicy::createRetriedOnlyWhenSafe()
{
    const RetryPolicy policy;
    // 429: Twilio refused before processing; safe to send again.
    QCOMPARE(policy.decide(apiError(429, true), Kind::Create, 1), Decision::Retry);
    // Ambiguous: the resource may exist; look it up first.
    QCOMPARE(policy.decide(apiError(503, true), Kind::Create, 1), Decision::LookUpFirst);
    TwilioError timeout = TwilioError::make(TwilioError::Kind::Timeout, {});
    timeout.mayHaveBeenProcessed = true;
    QCOMPARE(policy.decide(timeout, Kind::Create, 1), Decision::LookUpFirst);
    // Not sent at all: safe.
    QCOMPARE(policy.decide(apiError(503, false), Kind::Create, 1), Decision::Retry);
}

void TestRetryPolicy::backoffIsFullJitterAndCapped()
{
    RetryPolicy policy;
    policy.baseDelayMs = 100;
    policy.maxDelayMs = 1000;
    const auto top = [] {
        return 0.999999;
    };
    const auto bottom = [] {
        return 0.0;
    };
    QCOMPARE(policy.delayMs(1, -1, bottom), 0);
    QCOMPARE(policy.delayMs(1, -1, top), 99);
    QCOMPARE(policy.delayMs(2, -1, top), 199);
    QCOMPARE(policy.delayMs(3, -1, top), 399);
    QCOMPARE(policy.delayMs(10, -1, top), 999); // capped
    QCOMPARE(policy.delayMs(1000, -1, top), 999);
    QCOMPARE(policy.delayMs(3, -1, [] { return 0.5; }), 200);
    // No jitter: always the ceiling, whatever the draw.
    policy.jitter = 0;
    QCOMPARE(policy.delayMs(1, -1, bottom), 100);
    QCOMPARE(policy.delayMs(3, -1, [] { return 0.5; }), 400);
    QCOMPARE(policy.delayMs(10, -1, bottom), 1000);
    policy.jitter = 0.5; // half drawn: [ceiling / 2, ceiling)
    QCOMPARE(policy.delayMs(2, -1, bottom), 100);
}

void TestRetryPolicy::retryAfterWins()
{
    RetryPolicy policy;
    policy.maxRetryAfterMs = 5000;
    QCOMPARE(policy.delayMs(1, 2, [] { return 0.0; }), 2000);
    QCOMPARE(policy.delayMs(1, 0, [] { return 0.9; }), 0);
    QCOMPARE(policy.delayMs(1, 3600, [] { return 0.0; }), 5000);
}

void TestRetryPolicy::parsesRetryAfter()
{
    QCOMPARE(RetryPolicy::parseRetryAfter("1"), 1);
    QCOMPARE(RetryPolicy::parseRetryAfter(" 30 "), 30);
    QCOMPARE(RetryPolicy::parseRetryAfter(""), -1);
    QCOMPARE(RetryPolicy::parseRetryAfter("-3"), -1);
    QCOMPARE(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), -1);
    QCOMPARE(RetryPolicy::parseRetryAfter("99999999999999"), -1);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
