#include "retrypolicy.h"

#include <algorithm>
#include <cmath>

RetryPolicy::Decision RetryPolicy::decide(const TwilioError &error, RequestKind kind,
                                          int attempt) const
{
    if (!error.isRetryable() || attempt >= maxAttempts)
        return Decision::Give;
    if (kind != RequestKind::Create)
        return Decision::Retry; // GET, DELETE and POST-to-instance are idempotent
    const bool rateLimited = error.httpStatus == 429 || error.code == 20429;
    if (rateLimited || !error.mayHaveBeenProcessed)
        return Decision::Retry;
    return Decision::LookUpFirst;
}

int RetryPolicy::delayMs(int attempt, int retryAfterSeconds,
                         const std::function<double()> &random01) const
{
    if (retryAfterSeconds >= 0)
        return static_cast<int>(
            std::min<qint64>(qint64(retryAfterSeconds) * 1000, maxRetryAfterMs));
    const int exponent = std::clamp(attempt - 1, 0, 20);
    const double ceiling =
        std::min<double>(maxDelayMs, double(baseDelayMs) * std::pow(2.0, exponent));
    const double r = std::clamp(random01(), 0.0, 1.0);
    const double share = std::clamp(jitter, 0.0, 1.0);
    return static_cast<int>(ceiling * (1.0 - share * (1.0 - r)));
}

int RetryPolicy::parseRetryAfter(const QByteArray &header)
{
    const QByteArray trimmed = header.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 9)
        return -1;
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}
