#pragma once

#include "migrationbackend.h"

#include <QHash>
#include <QSet>
#include <QStringList>

// A MigrationBackend for widget tests and screenshots: answers from a QTimer (asynchronously,
// like the engine), with realistic data, and records every call. Knobs let a test make an
// operation fail, a number fail to migrate, or a run slow enough to be stopped.
class ScriptedBackend : public MigrationBackend
{
    Q_OBJECT
public:
    explicit ScriptedBackend(QObject *parent = nullptr);

    // ---- Data it answers with (filled with a demo account by the constructor) ----
    AccountInfo accountInfo;
    QVector<TrunkSummary> trunks;
    QVector<NumberInfo> numbers;
    QVector<CallInfo> recentCalls;
    InboundResult inboundResult;
    OutboundResult outboundResult;
    CutoverSheet sheet;
    InterruptedRun interrupted;

    // ---- Script ----
    int delayMs = 5;                           // before each answer, and between numbers of a run
    QHash<Operation, OperationError> failNext; // the next call of that operation fails
    QSet<QString> failingNumbers;              // these number SIDs fail to migrate (once each)
    bool answerConnect = true; // false: connectAccount never answers (a slow network)

    // ---- What was asked ----
    QStringList log; // "connectAccount", "migrate PN..,PN..", ...
    ConnectionSettings lastConnection;
    InboundOptions lastInbound;
    OutboundOptions lastOutbound;
    QStringList lastSids; // of plan / migrate / revert
    int cancelCalls = 0;

    static OperationError error(int httpStatus, int code, const QString &message);
    static QVector<NumberInfo> demoNumbers(int count, const QString &trunkSid);

    // MigrationBackend
    bool isBusy() const override { return m_busy; }
    AccountInfo account() const override { return accountInfo; }
    void connectAccount(const ConnectionSettings &settings) override;
    void loadTrunks() override;
    void loadNumbers(const QString &trunkSid) override;
    void setupInbound(const InboundOptions &options) override;
    void setupOutbound(const OutboundOptions &options) override;
    void loadRecentCalls(const QString &numberOrDomain) override;
    CutoverSheet cutoverSheet() const override { return sheet; }
    void plan(const QStringList &numberSids, const QUrl &voiceUrl = {}) override;
    void migrate(const QStringList &numberSids, const QUrl &voiceUrl = {}) override;
    void revert(const QStringList &numberSids) override;
    void cancel() override;
    InterruptedRun interruptedRun() const override
    {
        ++interruptedRunCalls;
        return interrupted;
    }
    mutable int interruptedRunCalls = 0; // the wizard's start-up check asks once
    void resume() override;
    void rollback() override;
    void exportAudit(const QString &csvPath) override;
    void deleteTrunk(const QString &trunkSid) override;

private:
    // Runs `answer` later unless the next call of `operation` is scripted to fail.
    void later(Operation operation, std::function<void()> answer, bool longOperation = false);
    bool startLong(Operation operation);
    void setBusy(bool busy);
    void runStep(Operation operation, QStringList pending, int total, RunSummary summary);
    NumberInfo *find(const QString &sid);
    OperationError notConnected() const
    {
        return error(0, 0,
                     QStringLiteral("Connect to account %1 first.").arg(interrupted.accountSid));
    }

    bool m_busy = false;
    bool m_connected = false;
    bool m_cancelled = false;
};
