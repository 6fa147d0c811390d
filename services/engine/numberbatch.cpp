#include "numberbatch.h"

NumberBatch::NumberBatch(const QStringList &sids, Factory factory, int window, QObject *parent)
    : QObject(parent)
    , m_sids(sids)
    , m_factory(std::move(factory))
    , m_window(qMax(1, window))
{}

void NumberBatch::start()
{
    // Queued so the caller has connected to finished() even for an empty list.
    QMetaObject::invokeMethod(
        this,
        [this] {
            fill();
            finishIfDone();
        },
        Qt::QueuedConnection);
}

void NumberBatch::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    for (NumberTask *task : std::as_const(m_tasks))
        task->requestStop();
    finishIfDone();
}

void NumberBatch::fill()
{
    while (!m_cancelled && m_active < m_window && m_next < m_sids.size()) {
        NumberTask *task = m_factory(m_sids.at(m_next++), this);
        ++m_active;
        m_tasks.append(task);
        connect(task, &NumberTask::changed, this, &NumberBatch::numberChanged);
        connect(task, &NumberTask::finished, this,
                [this, task](NumberOutcome outcome, const NumberInfo &number) {
                    onTaskFinished(task, outcome, number);
                });
        task->start();
    }
}

void NumberBatch::onTaskFinished(NumberTask *task, NumberOutcome outcome, const NumberInfo &number)
{
    m_tasks.removeOne(task);
    task->deleteLater();
    --m_active;
    ++m_done;
    switch (outcome) {
    case NumberOutcome::Migrated:
        ++m_summary.migrated;
        break;
    case NumberOutcome::AlreadyMigrated:
        ++m_summary.alreadyMigrated;
        break;
    case NumberOutcome::Reverted:
        ++m_summary.reverted;
        break;
    case NumberOutcome::Failed:
        ++m_summary.failed;
        break;
    case NumberOutcome::Cancelled:
        ++m_summary.cancelled;
        break;
    }
    emit numberChanged(number);
    emit progress(m_done, m_sids.size());
    fill();
    finishIfDone();
}

void NumberBatch::finishIfDone()
{
    const bool noMore = m_cancelled || m_next >= m_sids.size();
    if (m_finished || m_active > 0 || !noMore)
        return;
    m_finished = true;
    // Numbers never started because of cancel().
    m_summary.cancelled += m_sids.size() - m_next;
    emit finished(m_summary);
}
