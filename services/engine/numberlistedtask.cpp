#include "numberlistedtask.h"

NumberListedTask::NumberListedTask(const EngineContext &context, ChangeRecorder *recorder,
                                   const NumberInfo &listed, qint64 numberStep, QObject *parent)
    : NumberTask(context, recorder, listed.sid, numberStep, parent)
    , m_listed(listed)
{}

void NumberListedTask::start()
{
    // Queued: finished() never comes from inside start() (NumberTask's contract).
    QMetaObject::invokeMethod(
        this,
        [this] {
            closeStep(NumberOutcome::AlreadyMigrated, {});
            NumberInfo info = m_listed;
            info.state = NumberState::Migrated;
            emit finished(NumberOutcome::AlreadyMigrated, info);
        },
        Qt::QueuedConnection);
}
