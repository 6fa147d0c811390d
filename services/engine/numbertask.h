#pragma once

#include "migrationtypes.h"

#include <QObject>

struct IncomingPhoneNumber;

// How one number's job ended, for the run summary.
enum class NumberOutcome { Migrated, AlreadyMigrated, Reverted, Failed, Cancelled };

// One number's job in a batch (migrate or revert): a small state machine over asynchronous
// client calls. finished() is emitted exactly once, after start().
class NumberTask : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start() = 0;
    // Stop at the next safe point: the call in flight finishes and is recorded; no further
    // call is made. A number is never left off its trunk without its new URL by stopping.
    void requestStop() { m_stopRequested = true; }

signals:
    void changed(const NumberInfo &number); // e.g. Migrating, as the job goes
    void finished(NumberOutcome outcome, const NumberInfo &number);

protected:
    bool stopRequested() const { return m_stopRequested; }
    // The row the front ends show, from the live number.
    static NumberInfo infoOf(const IncomingPhoneNumber &number, NumberState state,
                             const OperationError &error = {});

private:
    bool m_stopRequested = false;
};
