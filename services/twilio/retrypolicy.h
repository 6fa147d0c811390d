#pragma once

#include "twilioerror.h"

#include <functional>

// When and how long to wait before sending a failed request again.
//
// Delay: "full jitter" exponential backoff, uniform in [0, min(maxDelay, base * 2^retry)],
// so clients that failed together do not come back together. A Retry-After (seconds) from the
// server replaces the computed delay (capped by maxRetryAfterMs).
//
// Creates: a POST that makes a resource is retried directly only when the failure proves the
// server did not act on it (429: Twilio rejects it before processing). After an ambiguous
// failure (timeout, dropped connection, 5xx once the request was sent) the caller must first
// look the resource up; TwilioClient does that (see OperationRunner::runCreate).
class RetryPolicy
{
public:
    enum class RequestKind { Read, Update, Delete, Create };
    enum class Decision { Give, Retry, LookUpFirst };

    int maxAttempts = 5; // first try included
    int baseDelayMs = 200;
    int maxDelayMs = 8000;
    int maxRetryAfterMs = 30000;
    // The share of the delay drawn at random: 1 = full jitter (the default), 0 = always the
    // ceiling (tests that need a retry to fall at a known time).
    double jitter = 1.0;

    // attempt: 1 for the first failure.
    Decision decide(const TwilioError &error, RequestKind kind, int attempt) const;
    // random01 returns a value in [0, 1); injected so tests are deterministic.
    int delayMs(int attempt, int retryAfterSeconds, const std::function<double()> &random01) const;
    // Parses Retry-After as delta-seconds; -1 when absent or not a plain number (the HTTP-date
    // form is not used by Twilio and is ignored).
    static int parseRetryAfter(const QByteArray &header);
};
