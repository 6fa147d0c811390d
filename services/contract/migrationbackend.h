#pragma once

#include "migrationtypes.h"

#include <QObject>

// What the wizard and the CLI ask of the migration engine. Every call returns at once; results
// arrive through the signals, on the thread the backend lives in. At most one long operation
// (connect, setup, plan, migrate, revert, resume, rollback) runs at a time: a call made while
// busy() fails at once with Operation::Busy.
//
// MigrationService (services/migration) is the implementation on the Twilio REST client; the
// interface exists so front ends can be exercised against a scripted backend in unit tests.
class MigrationBackend : public QObject
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
        Busy
    };
    Q_ENUM(Operation)

    using QObject::QObject;
    ~MigrationBackend() override = default;

    virtual bool isBusy() const = 0;
    virtual AccountInfo account() const = 0;

    // Connect: verifies the credentials by fetching the account (sandbox: starts the embedded
    // sandbox first). Emits connected() or failed(Connect, ...).
    virtual void connectAccount(const ConnectionSettings &settings) = 0;

    virtual void loadTrunks() = 0;                                  // trunksLoaded
    virtual void loadNumbers(const QString &trunkSid) = 0;          // numbersLoaded
    virtual void setupInbound(const InboundOptions &options) = 0;   // inboundReady
    virtual void setupOutbound(const OutboundOptions &options) = 0; // outboundReady
    // Latest calls to/from a number (E.164) or on a SIP domain (its domain name).
    virtual void loadRecentCalls(const QString &numberOrDomain) = 0; // callsLoaded
    virtual CutoverSheet cutoverSheet() const = 0;

    // Step 4. voiceUrl empty = the outbound handler deployed in step 2.
    virtual void plan(const QStringList &numberSids, const QUrl &voiceUrl = {}) = 0;
    virtual void migrate(const QStringList &numberSids, const QUrl &voiceUrl = {}) = 0;
    virtual void revert(const QStringList &numberSids) = 0;
    // Stops new work; calls in flight finish and are recorded; runFinished follows.
    virtual void cancel() = 0;

    // Recovery from the journal after a crash or a closed window.
    virtual InterruptedRun interruptedRun() const = 0;
    // The account's newest run when the user stopped it with numbers left unfinished (it is
    // not "interrupted": nothing is unknown about it); resume() continues it when no run is
    // interrupted. Null otherwise, and by default.
    virtual InterruptedRun stoppedRun() const { return {}; }
    virtual void resume() = 0;
    virtual void rollback() = 0;

    virtual void exportAudit(const QString &csvPath) = 0;  // auditExported
    virtual void deleteTrunk(const QString &trunkSid) = 0; // trunkDeleted

signals:
    void busyChanged(bool busy);
    // stage is a short translated sentence ("Uploading inboundHandler", "Migrating numbers").
    void progress(const QString &stage, int done, int total);
    void failed(MigrationBackend::Operation operation, const OperationError &error);

    void connected(const AccountInfo &account);
    void trunksLoaded(const QVector<TrunkSummary> &trunks);
    void numbersLoaded(const QString &trunkSid, const QVector<NumberInfo> &numbers);
    void inboundReady(const InboundResult &result);
    void outboundReady(const OutboundResult &result);
    void callsLoaded(const QString &numberOrDomain, const QVector<CallInfo> &calls);
    void planReady(const MigrationPlan &plan);
    void numberChanged(const NumberInfo &number); // one row, as results arrive
    void runFinished(const RunSummary &summary);
    void auditExported(const QString &csvPath, int rows);
    void trunkDeleted(const QString &trunkSid);
};
