#include "operationrunner.h"
#include "twilioresult.h"

TwilioHandle::TwilioHandle(OperationRunner *runner, quint64 id)
    : m_runner(runner)
    , m_id(id)
{}

void TwilioHandle::cancel() const
{
    if (m_runner)
        m_runner->cancel(m_id);
}
