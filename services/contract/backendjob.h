#pragma once

#include "migrationtypes.h"

#include <QObject>
#include <QVariant>

#include <functional>
#include <utility>

// One call to the migration engine, from the moment MigrationBackend returns it until its
// result. It ends exactly once, with finished() or failed(), never before the caller has had
// the chance to connect (both are emitted from the event loop), and then deletes itself:
// keep it in a QPointer when holding on to it. progress() (and a RunJob's numberChanged())
// may come before the end, from the event loop too, so they never follow it. A backend
// destroyed first takes its jobs with it, unended (the front ends destroy it last).
//
// The result travels in finished() as a QVariant so one signal serves every operation; the
// typed ResultJob<T>::onFinished() is what callers connect to.
class BackendJob : public QObject
{
    Q_OBJECT
public:
    enum class Operation {
        Connect,
        LoadTrunks,
        LoadNumbers,
        SetupInbound,
        SetupOutbound,
        LoadCalls,
        Plan,
        Migrate,
        Revert,
        Resume,
        Rollback,
        ExportAudit,
        DeleteTrunk,
        Equivalence,
        Verify,
        PlaceTestCall,
        SetTestCallFaults,
        SandboxFaults
    };
    Q_ENUM(Operation)

    explicit BackendJob(Operation operation, QObject *parent = nullptr);

    Operation operation() const { return m_operation; }
    bool hasEnded() const { return m_ended; }

    // Asks the operation to stop. A run stops starting numbers (calls in flight end within
    // seconds) and finishes with its summary; set-up stops after the call in flight and
    // fails; a read is dropped and fails with "Cancelled.". Nothing once the job has ended.
    void cancel();

    // For the backend that runs the job. The job ends at once (a second end is ignored); the
    // signal follows from the event loop, so a result known before the call returns still
    // reaches the caller.
    void setCanceller(std::function<void()> canceller) { m_canceller = std::move(canceller); }
    void finishWith(const QVariant &result);
    void fail(const OperationError &error);

signals:
    // stage is a short translated sentence ("Uploading inboundHandler", "Migrating numbers").
    void progress(const QString &stage, int done, int total);
    void finished(const QVariant &result);
    void failed(const OperationError &error);

private:
    bool settle(); // false when the job has already ended
    void endLater(const std::function<void()> &emitEnd);

    Operation m_operation;
    bool m_ended = false;
    std::function<void()> m_canceller;
};

// A job whose result is a Result.
template<typename Result> class ResultJob : public BackendJob
{
public:
    using BackendJob::BackendJob;

    void succeed(const Result &result) { finishWith(QVariant::fromValue(result)); }

    // Connects functor(const Result &) to finished(), for as long as context lives.
    template<typename Functor>
    QMetaObject::Connection onFinished(const QObject *context, Functor functor)
    {
        return connect(this, &BackendJob::finished, context,
                       [functor = std::move(functor)](const QVariant &result) {
                           functor(result.value<Result>());
                       });
    }
};

using ConnectJob = ResultJob<AccountInfo>;
using TrunksJob = ResultJob<QVector<TrunkSummary>>;
using NumbersJob = ResultJob<QVector<NumberInfo>>;
using InboundJob = ResultJob<InboundResult>;
using OutboundJob = ResultJob<OutboundResult>;
using CallsJob = ResultJob<QVector<CallInfo>>;
using PlanJob = ResultJob<MigrationPlan>;
using ExportJob = ResultJob<int>;          // the rows written
using DeleteTrunkJob = ResultJob<QString>; // the deleted trunk's SID
using EquivalenceJob = ResultJob<EquivalenceReport>;
using VerifyJob = ResultJob<VerifyReport>;
using TestCallJob = ResultJob<TestCallResult>;
using TestCallFaultsJob = ResultJob<TestCallFaults>;
using SandboxFaultsJob = ResultJob<SandboxApiFaults>;

// Migrate, revert, resume and rollback: every number's new state as it is known, then the
// summary.
class RunJob : public ResultJob<RunSummary>
{
    Q_OBJECT
public:
    using ResultJob<RunSummary>::ResultJob;

signals:
    void numberChanged(const NumberInfo &number);
};
