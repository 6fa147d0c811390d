#include "sandboxfaults.h"

SandboxFaults::SandboxFaults(quint32 seed)
    // A different stream from the data seeder, so turning faults on does not change the data.
    : m_random(seed ^ 0x9e3779b9u)
{}

SandboxFaults::Decision SandboxFaults::next()
{
    // Always draw both numbers so a rate change does not shift later decisions.
    const double dropDraw = m_random.generateDouble();
    const double failDraw = m_random.generateDouble();
    if (dropDraw < m_dropRate)
        return Decision::Drop;
    if (failDraw < m_failRate)
        return failDraw < m_failRate / 2 ? Decision::Fail500 : Decision::Fail503;
    return Decision::Answer;
}
