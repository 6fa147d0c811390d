#pragma once

#include "numbertask.h"

// A number the listing read just before this run showed off the trunk with the run's voice
// URL and method: already migrated, so it costs no call at all (a re-run of a finished trunk
// makes none, and cannot fail on a read it did not need). Nothing is written either way, so
// the invariant does not depend on how fresh the listing is.
class NumberListedTask : public NumberTask
{
    Q_OBJECT
public:
    NumberListedTask(const EngineContext &context, ChangeRecorder *recorder,
                     const NumberInfo &listed, qint64 numberStep, QObject *parent = nullptr);

    void start() override;

private:
    NumberInfo m_listed;
};
