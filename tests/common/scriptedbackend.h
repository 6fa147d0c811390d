#pragma once

#include "migrationbackend.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>

// The one MigrationBackend test double, for the wizard's widget tests, the screenshots and the
// CLI's session tests. It answers from a QTimer (asynchronously, like the engine) with a demo
// account, runs a migration one number per tick so a test can stop it half-way, and records
// every call. tst_backendcontract holds it to the same rules as the real engine: one
// operation at a time, each job ends exactly once, refusals change nothing.
class ScriptedBackend : public MigrationBackend
{
    Q_OBJECT
public:
    explicit ScriptedBackend(QObject *parent = nullptr);

    // ---- Data it answers with (filled with a demo account by the constructor) ----
    AccountInfo accountInfo;
    QVector<TrunkSummary> trunks;
    QVector<NumberInfo> numbers;      // of trunks.first()
    QVector<NumberInfo> spareNumbers; // on no trunk (loadSpareNumbers()); one by default
    QVector<CallInfo> recentCalls;
    InboundResult inboundResult;
    OutboundResult outboundResult;
    CutoverSheet sheet;
    InterruptedRun interrupted;

    // ---- Script ----
    int delayMs = 5;                           // before each answer, and between numbers of a run
    QHash<Operation, OperationError> failNext; // the next call of that operation fails
    QSet<QString> failingNumbers;              // these number SIDs fail to migrate (once each)
    QSet<QString> deletedTrunks;               // deleteTrunk() adds; revert then refuses
    OperationError numberError;                // what a failing number reports
    bool answerConnect = true;           // false: connectAccount never answers (a slow network)
    EquivalenceReport equivalenceReport; // what equivalence() answers (its trunkSid is set)
    VerifyReport verifyReport;           // what verify() answers (its trunkSid is set)
    bool testCalls = false;              // canPlaceTestCalls()
    TestCallResult testCall;             // what placeTestCall() answers
    TestCallFaults lastFaults;           // of setTestCallFaults()
    SandboxApiFaults apiFaults;          // what sandboxFaults() answers (and last set)
    QString resetAnswer;                 // what resetKeptSandbox() answers
    int resetCalls = 0;
    TestCallFaults faultsSet; // what testCallFaults() answers (set on success)
    // Settings migrate() refuses to move without (as the engine's step-2 report would).
    QStringList needsAcknowledgement;

    // ---- What was asked ----
    QStringList log; // "connectAccount", "migrate PN..,PN..", "cancel", ...
    ConnectionSettings lastConnection;
    InboundOptions lastInbound;
    OutboundOptions lastOutbound;
    QStringList lastSids;    // of plan / migrate / revert
    CallChoices lastChoices; // of equivalence()
    QStringList accepted;    // acceptChanges()
    int cancelCalls = 0;
    mutable int interruptedRunCalls = 0; // the wizard's start-up check asks once
    QStringList mutatingCalls() const;   // the log's entries that would change the account

    static OperationError error(int httpStatus, int code, const QString &message);
    static NumberInfo demoNumber(int index, const QString &trunkSid); // index from 0
    static QVector<NumberInfo> demoNumbers(int count, const QString &trunkSid);
    void seed(int count); // `count` demo numbers on trunks.first()

    // MigrationBackend
    bool isBusy() const override { return m_busy; }
    AccountInfo account() const override { return accountInfo; }
    ConnectJob *connectAccount(const ConnectionSettings &settings) override;
    TrunksJob *loadTrunks() override;
    NumbersJob *loadNumbers(const QString &trunkSid) override;
    NumbersJob *loadSpareNumbers() override;
    InboundJob *setupInbound(const InboundOptions &options) override;
    OutboundJob *setupOutbound(const OutboundOptions &options) override;
    CallsJob *loadRecentCalls(const QString &numberOrDomain) override;
    CutoverSheet cutoverSheet() const override { return sheet; }
    VerifyJob *verify(const QString &trunkSid, const QStringList &numberSids,
                      bool all = false) override;
    bool canPlaceTestCalls() const override { return testCalls; }
    TestCallJob *placeTestCall(const QString &from, const QString &to) override;
    TestCallFaultsJob *setTestCallFaults(const TestCallFaults &faults) override;
    TestCallFaults testCallFaults() const override { return faultsSet; }
    SandboxFaultsJob *sandboxFaults(const std::optional<SandboxApiFaults> &set = {}) override;
    QString resetKeptSandbox() override
    {
        ++resetCalls;
        return resetAnswer;
    }
    EquivalenceJob *equivalence(const QString &trunkSid, const CallChoices &choices,
                                std::optional<bool> secure = {}) override;
    void acceptChanges(const QStringList &settings) override { accepted = settings; }
    PlanJob *plan(const QStringList &numberSids, const QUrl &voiceUrl = {}) override;
    RunJob *migrate(const QStringList &numberSids, const QUrl &voiceUrl = {}) override;
    RunJob *revert(const QStringList &numberSids) override;
    void cancel() override;
    InterruptedRun interruptedRun() const override
    {
        ++interruptedRunCalls;
        return interrupted;
    }
    RunJob *resume() override;
    RunJob *rollback() override;
    ExportJob *exportAudit(const QString &csvPath) override;
    DeleteTrunkJob *deleteTrunk(const QString &trunkSid) override;

private:
    // The job of a new operation, logged as `entry`.
    template<typename Job> Job *newJob(Operation operation, const QString &entry);
    // Makes the job the current operation; false (and the job failed) when one runs already.
    bool start(BackendJob *job);
    // After delayMs: the scripted failure, "Cancelled." after a stop (a run's answer() handles
    // the stop itself: it ends with its summary), or answer().
    void answerLater(BackendJob *job, std::function<void()> answer, bool isRun = false);
    // Fails the job (true) when the SID is malformed, as the engine does.
    bool refuseBadTrunk(BackendJob *job, const QString &trunkSid);
    // Ends the operation with `result` later, as the engine would.
    template<typename Job, typename Result> void succeedLater(Job *job, const Result &result)
    {
        answerLater(job, [this, job, result] {
            end();
            job->succeed(result);
        });
    }
    void end(); // the operation is over: not busy any more
    static void postProgress(BackendJob *job, const QString &stage, int done, int total);
    void stop();
    void setBusy(bool busy);
    void startRun(RunJob *job, const QStringList &sids);
    void runStep(RunJob *job, QStringList pending, int total, RunSummary summary);
    RunJob *recover(Operation operation); // resume() or rollback()
    NumberInfo *find(const QString &sid);
    OperationError notConnected() const;

    QPointer<BackendJob> m_current;
    bool m_busy = false;
    bool m_connected = false;
    bool m_cancelled = false;
    QString m_voiceUrl; // of the migration running now
};
