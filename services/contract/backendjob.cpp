#include "backendjob.h"

BackendJob::BackendJob(Operation operation, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
{}

void BackendJob::cancel()
{
    if (!m_ended && m_canceller)
        m_canceller();
}

bool BackendJob::settle()
{
    if (m_ended)
        return false;
    m_ended = true;
    m_canceller = nullptr;
    return true;
}

void BackendJob::finishWith(const QVariant &result)
{
    if (settle())
        endLater([this, result] { emit finished(result); });
}

void BackendJob::fail(const OperationError &error)
{
    if (settle())
        endLater([this, error] { emit failed(error); });
}

void BackendJob::endLater(const std::function<void()> &emitEnd)
{
    QMetaObject::invokeMethod(
        this,
        [this, emitEnd] {
            emitEnd();
            deleteLater();
        },
        Qt::QueuedConnection);
}
