#pragma once

#include "engineerrors.h"
#include "enginestorage.h"
#include "migrationbackend.h"
#include "sandboxserver.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class NumberRun;
class RunLock;
class SandboxCalls;
class SetupSteps;
class TwilioClient;
struct EngineContext;

// The migration engine behind the wizard and the CLI, on the Twilio REST client. A thin
// dispatcher: each operation is one small job object (AccountConnector, TrunkCatalog,
// NumberInventory, MigrationPlanner, NumberRun, RunRecovery, TrunkDeletion and the set-up
// classes of services/setup); this class checks input, keeps the one-operation-at-a-time rule
// and ends the caller's BackendJob with the worker's result. See docs/ENGINE.md.
//
// Needs no GUI and no running event loop at construction; results arrive once the caller's
// event loop runs.
class MigrationService : public MigrationBackend
{
    Q_OBJECT
public:
    explicit MigrationService(QObject *parent = nullptr);
    ~MigrationService() override;

    // Settings; call before connectAccount().
    void setJournalPath(const QString &path); // default: EngineStorage::defaultPath()
    void setSandboxOptions(const SandboxOptions &options);
    void setConcurrency(int maximum); // the client's request ceiling; 0 = automatic
    void setOperatorName(const QString &name);
    void setNumberDeadlineMs(int ms) { m_numberDeadlineMs = qMax(1, ms); } // default 5 min
    // How long a revert waits after a removal of the number failed ambiguously (default 2 min,
    // see EngineContext::removalSettleMs); 0 = not at all.
    void setRemovalSettleMs(int ms) { m_removalSettleMs = qMax(0, ms); }
    // The wall clock the engine reads (UTC); tests move it instead of waiting.
    void setClock(std::function<QDateTime()> now) { m_clock = std::move(now); }

    TwilioClient *client() const { return m_client; }
    SandboxServer *sandbox() const { return m_sandbox.data(); }
    QString currentTrunk() const { return m_trunkSid; }

    bool isBusy() const override { return m_busy; }
    AccountInfo account() const override { return m_account; }

    ConnectJob *connectAccount(const ConnectionSettings &settings) override;
    TrunksJob *loadTrunks() override;
    NumbersJob *loadNumbers(const QString &trunkSid) override;
    NumbersJob *loadSpareNumbers() override;
    InboundJob *setupInbound(const InboundOptions &options) override;
    OutboundJob *setupOutbound(const OutboundOptions &options) override;
    CallsJob *loadRecentCalls(const QString &numberOrDomain) override;
    VerifyJob *verify(const QString &trunkSid, const QStringList &numberSids,
                      bool all = false) override;
    bool canPlaceTestCalls() const override;
    TestCallJob *placeTestCall(const QString &from, const QString &to) override;
    TestCallFaultsJob *setTestCallFaults(const TestCallFaults &faults) override;
    TestCallFaults testCallFaults() const override { return m_testFaults; }
    SandboxFaultsJob *sandboxFaults(const std::optional<SandboxApiFaults> &set = {}) override;
    QString resetKeptSandbox() override;
    CutoverSheet cutoverSheet() const override { return m_sheet; }

    EquivalenceJob *equivalence(const QString &trunkSid, const CallChoices &choices,
                                std::optional<bool> secure = {}) override;
    void acceptChanges(const QStringList &settings) override { m_accepted = settings; }
    PlanJob *plan(const QStringList &numberSids, const QUrl &voiceUrl = {}) override;
    RunJob *migrate(const QStringList &numberSids, const QUrl &voiceUrl = {}) override;
    RunJob *revert(const QStringList &numberSids) override;
    void cancel() override;

    InterruptedRun interruptedRun() const override;
    InterruptedRun stoppedRun() const override;
    RunJob *resume() override;
    RunJob *rollback() override;

    ExportJob *exportAudit(const QString &csvPath) override;
    DeleteTrunkJob *deleteTrunk(const QString &trunkSid) override;

private:
    QString testCallProblem() const;
    SandboxCalls *startSandboxCalls(); // the worker of a test-call operation, failing it on error
    // The job for a new operation, already failed when `problem` is set.
    // A new job of this operation; one with a problem has already failed with it.
    template<typename Job> Job *newJob(Operation operation, const QString &problem = {})
    {
        auto *job = new Job(operation, this);
        if (!problem.isEmpty())
            job->fail(EngineErrors::local(problem));
        return job;
    }
    // False (and the job failed) when another operation runs, no account is connected or
    // another process holds the run lock; else the job is the current operation's.
    bool beginOperation(BackendJob *job, bool needsAccount = true);
    // Operations that change the account also take its RunLock; false (and the job failed)
    // when another live process holds it.
    bool takeRunLock(BackendJob *job);
    // host[:port] of the API the client talks to: part of the run lock's key.
    QString apiAuthority() const;
    // Ends the current operation; its job is returned for the caller to end.
    BackendJob *endOperation();
    template<typename Job, typename Result> void succeedOperation(const Result &result)
    {
        if (auto *job = static_cast<Job *>(endOperation()))
            job->succeed(result);
    }
    void failOperation(const OperationError &error);
    void cancelOperation();
    EngineContext context();
    int window() const;
    void startRun(NumberRun *run, RunJob *job);
    RunJob *recover(Operation operation); // resume() or rollback()
    SetupSteps *startSetup(BackendJob *job);

    TwilioClient *m_client;
    std::unique_ptr<EngineStorage> m_storage; // a pointer so const queries can read the journal
    SandboxOptions m_sandboxOptions;
    QPointer<SandboxServer> m_sandbox;
    AccountInfo m_account;
    bool m_busy = false;
    QPointer<BackendJob> m_front; // the caller's job for the operation running now
    QPointer<QObject> m_job;      // the worker doing it
    QPointer<NumberRun> m_run;
    std::function<void()> m_cancelJob; // jobs with a cancel() of their own
    QVector<TrunkSummary> m_trunks;    // from the last loadTrunks()
    QStringList m_accepted;            // acceptChanges()
    QString m_trunkSid;
    QString m_handlerUrl;
    QString m_authToken; // verify signs with it; empty with an API key. Memory only.
    QUrl m_sandboxBase;  // verify places simulated calls there
    TestCallFaults m_testFaults;
    CutoverSheet m_sheet;
    // From the last loadNumbers(): the numbers off m_trunkSid, by SID, with the URL they carry.
    // Used by the next migrate() only, within a minute, and by nothing after any change.
    QHash<QString, NumberInfo> m_listedOff;
    QElapsedTimer m_listedAt;
    std::unique_ptr<RunLock> m_lock;
    int m_numberDeadlineMs = 5 * 60 * 1000;
    std::function<QDateTime()> m_clock;
    int m_removalSettleMs = 2 * 60 * 1000;
    bool m_stopping = false; // the client's calls are bounded by StopDeadlineMs
    static constexpr int StopDeadlineMs = 3000;
};
