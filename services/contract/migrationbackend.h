#pragma once

#include "backendjob.h"
#include "migrationtypes.h"

#include <QObject>

// What the wizard and the CLI ask of the migration engine. Every operation returns its job at
// once (backendjob.h); the caller connects to that job, and only that job reports the
// operation's progress and result. At most one operation (connect, setup, plan, migrate,
// revert, resume, rollback, ...) runs at a time: one asked for while busy() returns a job that
// fails with "Another operation is still running.".
//
// MigrationService (services/engine) is the implementation on the Twilio REST client; the
// interface exists so front ends can be exercised against a scripted backend in unit tests
// (tests/common/scriptedbackend.h, held to the same contract by tst_backendcontract).
class MigrationBackend : public QObject
{
    Q_OBJECT
public:
    using Operation = BackendJob::Operation;

    using QObject::QObject;
    ~MigrationBackend() override = default;

    virtual bool isBusy() const = 0;
    virtual AccountInfo account() const = 0;

    // Verifies the credentials by fetching the account (sandbox: starts the embedded sandbox
    // first).
    virtual ConnectJob *connectAccount(const ConnectionSettings &settings) = 0;

    virtual TrunksJob *loadTrunks() = 0;
    virtual NumbersJob *loadNumbers(const QString &trunkSid) = 0;
    // The account's spare voice numbers (on no trunk, no TwiML application, never moved by
    // this tool; state NotOnTrunk): step 2's preferred test numbers, since pointing one at the
    // handler moves no production number.
    virtual NumbersJob *loadSpareNumbers() = 0;
    virtual InboundJob *setupInbound(const InboundOptions &options) = 0;
    virtual OutboundJob *setupOutbound(const OutboundOptions &options) = 0;
    // Latest calls to/from a number (E.164) or on a SIP domain (its domain name).
    virtual CallsJob *loadRecentCalls(const QString &numberOrDomain) = 0;
    virtual CutoverSheet cutoverSheet() const = 0;

    // What becomes of each of the trunk's call settings with these choices (issue 8): the
    // report steps 1 and 2 will act on. secure unset = the trunk's own.
    virtual EquivalenceJob *equivalence(const QString &trunkSid, const CallChoices &choices,
                                        std::optional<bool> secure = {}) = 0;
    // The report items (EquivalenceItem::setting) the administrator acknowledged: migrate and
    // resume refuse to start while an item of the report saved by step 2 needs one and is not
    // among them. Kept until the next call; recorded in the audit log when a run starts.
    virtual void acceptChanges(const QStringList &settings) = 0;

    // On the sandbox (built in, or a standalone one by base URL) only: a call placed the way
    // Twilio routes it, through the trunk or the deployed handlers, its legs recorded where
    // loadRecentCalls() reads them (docs/SANDBOX.md, "SimulateCall"); and faults for such
    // calls. Elsewhere both jobs fail saying so.
    virtual bool canPlaceTestCalls() const = 0;
    virtual TestCallJob *placeTestCall(const QString &from, const QString &to) = 0;
    virtual TestCallFaultsJob *setTestCallFaults(const TestCallFaults &faults) = 0;
    // The faults last set (they are the sandbox's, shared by every page); none at first.
    virtual TestCallFaults testCallFaults() const = 0;

    // The sandbox's API faults (same sandboxes as canPlaceTestCalls()): no faults given reads
    // them, else sets them and answers what the sandbox now applies. Not an operation: allowed
    // while one runs, since a failure mid-run is what they are for. Elsewhere the job fails.
    virtual SandboxFaultsJob *sandboxFaults(const std::optional<SandboxApiFaults> &set = {}) = 0;
    // Removes the kept sandbox account and its journal (ConnectionSettings::keepSandbox), so
    // the next connect starts a fresh one; disconnects from it when it is the account in use.
    // Empty when done, else why not (an operation runs, another process serves it).
    virtual QString resetKeptSandbox() = 0;

    // Verify (issue 9 §3): the route each number's calls took on the trunk against the route
    // they take now through the deployed handlers (docs/VERIFY.md). numberSids empty: every
    // number moved off the trunk (all: every number of the trunk, moved or not). Reads only.
    virtual VerifyJob *verify(const QString &trunkSid, const QStringList &numberSids,
                              bool all = false) = 0;

    // Step 4. voiceUrl empty = the outbound handler deployed in step 2.
    virtual PlanJob *plan(const QStringList &numberSids, const QUrl &voiceUrl = {}) = 0;
    virtual RunJob *migrate(const QStringList &numberSids, const QUrl &voiceUrl = {}) = 0;
    virtual RunJob *revert(const QStringList &numberSids) = 0;
    // Cancels the operation running now, if any (BackendJob::cancel()): what the CLI's first
    // SIGINT and the wizard's close do without holding the job.
    virtual void cancel() = 0;

    // Recovery from the journal after a crash or a closed window.
    virtual InterruptedRun interruptedRun() const = 0;
    // The account's newest run when the user stopped it with numbers left unfinished (it is
    // not "interrupted": nothing is unknown about it); resume() continues it when no run is
    // interrupted. Null otherwise, and by default.
    virtual InterruptedRun stoppedRun() const { return {}; }
    // The job's operation stays Resume (or Rollback) whatever kind of run it continues.
    virtual RunJob *resume() = 0;
    virtual RunJob *rollback() = 0;

    virtual ExportJob *exportAudit(const QString &csvPath) = 0;
    virtual DeleteTrunkJob *deleteTrunk(const QString &trunkSid) = 0;

signals:
    // State, not results: whether an operation is running (the wizard greys its buttons).
    void busyChanged(bool busy);
};
