#include "requestlimiter.h"

#include <algorithm>

RequestLimiter::RequestLimiter(int maximum)
    : m_maximum(std::max(1, maximum))
    , m_limit(m_maximum)
{}

void RequestLimiter::setMaximum(int maximum)
{
    m_maximum = std::max(1, maximum);
    m_limit = m_maximum;
    m_ceiling = 0;
    m_successStreak = 0;
    m_highestToleratedSince429 = 0;
    ++m_epoch;
}

void RequestLimiter::finish()
{
    m_inFlight = std::max(0, m_inFlight - 1);
}

void RequestLimiter::succeeded(int serverConcurrency)
{
    finish();
    m_highestToleratedSince429 = std::max(m_highestToleratedSince429, serverConcurrency);
    if (++m_successStreak < m_limit)
        return;
    m_successStreak = 0;
    const int top = m_ceiling > 0 ? std::min(m_ceiling, m_maximum) : m_maximum;
    m_limit = std::min(top, m_limit + 1);
}

int RequestLimiter::started()
{
    ++m_inFlight;
    return m_epoch;
}

void RequestLimiter::rateLimited(int startToken)
{
    finish();
    m_successStreak = 0;
    if (startToken < m_epoch)
        return; // sent before the last decrease: already accounted for
    ++m_epoch;
    const int failedLevel = m_limit;
    m_ceiling =
        m_highestToleratedSince429 > 0 ? m_highestToleratedSince429 : std::max(1, failedLevel - 1);
    m_limit = std::max(1, std::min(m_limit / 2, m_ceiling));
    m_highestToleratedSince429 = 0;
}

void RequestLimiter::failed()
{
    finish();
}
