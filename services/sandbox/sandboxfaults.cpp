#include "sandboxfaults.h"

SandboxFaults::SandboxFaults(quint32 seed)
    // A different stream from the data seeder, so turning faults on does not change the data.
    : m_random(seed ^ 0x9e3779b9u)
{}

void SandboxFaults::setMethodFailRate(const QByteArray &method, double rate)
{
    if (rate < 0)
        m_methodFailRates.remove(method.toUpper());
    else
        m_methodFailRates.insert(method.toUpper(), qMin(rate, 1.0));
}

double SandboxFaults::failRate(const QByteArray &method) const
{
    return m_methodFailRates.value(method.toUpper(), m_failRate);
}

SandboxFaults::Decision SandboxFaults::next(const QByteArray &method)
{
    // Always draw both numbers so a rate change does not shift later decisions.
    const double dropDraw = m_random.generateDouble();
    const double failDraw = m_random.generateDouble();
    const double failRate = this->failRate(method);
    if (dropDraw < m_dropRate)
        return Decision::Drop;
    if (failDraw < failRate)
        return failDraw < failRate / 2 ? Decision::Fail500 : Decision::Fail503;
    return Decision::Answer;
}
