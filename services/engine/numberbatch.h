#pragma once

#include "migrationtypes.h"
#include "numbertask.h"

#include <QObject>
#include <QStringList>

#include <functional>

// Runs one NumberTask per SID with at most `window` of them active, so 2,000 numbers do not
// queue 2,000 jobs at once in the client (the client's limiter bounds requests; the window
// bounds memory and keeps cancel() prompt). Emits finished() exactly once, also for an empty
// list, and never from inside start().
class NumberBatch : public QObject
{
    Q_OBJECT
public:
    using Factory = std::function<NumberTask *(const QString &sid, QObject *parent)>;

    NumberBatch(const QStringList &sids, Factory factory, int window, QObject *parent = nullptr);

    void start();
    // No new task starts; active ones stop at their next safe point. The rest count as
    // cancelled.
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    // The SIDs no task was started for (after cancel()).
    QStringList notStarted() const { return m_sids.mid(m_next); }

signals:
    void numberChanged(const NumberInfo &number);
    void progress(int done, int total);
    void finished(const RunSummary &summary);

private:
    void fill();
    void onTaskFinished(NumberTask *task, NumberOutcome outcome, const NumberInfo &number);
    void finishIfDone();

    QStringList m_sids;
    Factory m_factory;
    int m_window;
    int m_next = 0;
    int m_active = 0;
    int m_done = 0;
    bool m_cancelled = false;
    bool m_finished = false;
    QList<NumberTask *> m_tasks;
    RunSummary m_summary;
};
