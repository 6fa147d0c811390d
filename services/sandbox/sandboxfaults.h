#pragma once

#include <QRandomGenerator>

// Decides, per request, whether the sandbox answers normally, with a 5xx, or drops the
// connection. Deterministic for a given seed and sequence of requests.
class SandboxFaults
{
public:
    enum class Decision { Answer, Fail500, Fail503, Drop };

    explicit SandboxFaults(quint32 seed);

    void setFailRate(double rate) { m_failRate = qBound(0.0, rate, 1.0); }
    void setDropRate(double rate) { m_dropRate = qBound(0.0, rate, 1.0); }
    double failRate() const { return m_failRate; }
    double dropRate() const { return m_dropRate; }

    Decision next();

private:
    QRandomGenerator m_random;
    double m_failRate = 0.0;
    double m_dropRate = 0.0;
};
