#pragma once

// Adaptive cap on the number of requests in flight (pure logic, no Qt objects).
//
// Twilio publishes no fixed concurrency limit: it answers 429 / 20429 when an account has too
// many requests in flight and reports its current count in Twilio-Concurrent-Requests. The
// limiter is AIMD, as TCP congestion control:
//  - multiplicative decrease: a 429 halves the limit (never below 1). The highest
//    Twilio-Concurrent-Requests seen on a successful answer since the previous 429 becomes a
//    ceiling: the server has shown it tolerates that many, and that more failed (with no
//    header seen, the ceiling is one below the level that failed). The limit never exceeds
//    the ceiling. Several 429s of requests sent before the decrease count as one, or one
//    burst would collapse the limit to 1;
//  - additive increase: after `limit` successes in a row (one "round" at the current level),
//    the limit grows by one, up to the ceiling and the configured maximum.
// Without any 429 the limit stays at the configured maximum.
class RequestLimiter
{
public:
    explicit RequestLimiter(int maximum = 6);

    void setMaximum(int maximum); // also resets the adaptive state
    int maximum() const { return m_maximum; }
    int limit() const { return m_limit; }
    int inFlight() const { return m_inFlight; }
    int ceiling() const { return m_ceiling; } // 0 = none learnt yet

    bool canStart() const { return m_inFlight < m_limit; }
    // Returns a token to pass back to rateLimited().
    int started();
    // One of these when a started request ends. serverConcurrency is the answer's
    // Twilio-Concurrent-Requests value, or -1 when absent.
    void succeeded(int serverConcurrency);
    void rateLimited(int startToken);
    void failed(); // any other end (error, cancel): frees the slot only

private:
    void finish();

    int m_maximum;
    int m_limit;
    int m_inFlight = 0;
    int m_ceiling = 0;
    int m_successStreak = 0;
    int m_highestToleratedSince429 = 0;
    int m_epoch = 0; // bumped at each decrease
};
