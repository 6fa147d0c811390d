#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"
#include "voiceresources.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <optional>

class ChangeRecorder;

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
    void requestStop()
    {
        m_stopRequested = true;
        onStopRequested();
    }

    // The row the front ends show, from the live number.
    static NumberInfo infoOf(const IncomingPhoneNumber &number, NumberState state,
                             const OperationError &error = {});

signals:
    void changed(const NumberInfo &number); // e.g. Migrating, as the job goes
    void finished(NumberOutcome outcome, const NumberInfo &number);

protected:
    // Migrate and revert both change one live number through the journal; they share what
    // they work on here so the bookkeeping below is written once.
    NumberTask(const EngineContext &context, ChangeRecorder *recorder, const QString &numberSid,
               qint64 numberStep, QObject *parent);

    // For a job that waits between calls: end at once instead of at the next call.
    virtual void onStopRequested() {}
    // A stop was asked for, or the number's deadline has passed: no new call is started.
    bool stopRequested() const { return m_stopRequested || pastDeadline(); }
    bool pastDeadline() const { return m_age.elapsed() > m_context.numberDeadlineMs; }
    // A job stopping at a safe point ends Cancelled when the user asked, and Failed with
    // deadlineError() when its deadline passed (a retry finishes it).
    NumberOutcome stopOutcome() const
    {
        return m_stopRequested ? NumberOutcome::Cancelled : NumberOutcome::Failed;
    }
    OperationError stopError(const OperationError &cancelled = {}) const;
    // The state of m_number while it is on its trunk: UrlSet when its voice settings are no
    // longer the saved original (the new URL was set and not yet reverted), else OnTrunk.
    NumberState onTrunkState() const;
    // Closes the number's run step, if the run opened one, with how the job ended.
    void closeStep(NumberOutcome outcome, const OperationError &error);
    // Why the next change was not made when its journal intent could not be written.
    OperationError journalFailure() const;
    // After a restart (resume): the call this number was in when the process died, closed by
    // RunRecovery as interrupted, is reconciled against the live number in the audit log
    // ("found applied after restart" / "found not applied after restart"). `applied` says, for
    // an action, whether the live number shows it (nullopt: not an action it knows).
    void reconcileInterrupted(const QString &trunkSid,
                              const std::function<std::optional<bool>(const QString &)> &applied);

    EngineContext m_context;
    ChangeRecorder *m_recorder = nullptr;
    QString m_sid;
    qint64 m_numberStep = 0;
    IncomingPhoneNumber m_number;

private:
    bool m_stopRequested = false;
    QElapsedTimer m_age;
};
