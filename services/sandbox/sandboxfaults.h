#pragma once

#include <QByteArray>
#include <QHash>
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
    // Requests with this HTTP method fail at `rate` instead of failRate() (e.g. only DELETEs,
    // to exercise what a client does when just one kind of call fails); a negative rate
    // removes the override.
    void setMethodFailRate(const QByteArray &method, double rate);
    double failRate() const { return m_failRate; }
    double failRate(const QByteArray &method) const;
    double dropRate() const { return m_dropRate; }

    Decision next(const QByteArray &method = {});

private:
    QRandomGenerator m_random;
    double m_failRate = 0.0;
    double m_dropRate = 0.0;
    QHash<QByteArray, double> m_methodFailRates; // upper-case method -> rate
};
