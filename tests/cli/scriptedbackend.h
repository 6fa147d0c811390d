#pragma once

#include "migrationbackend.h"

#include <QSet>
#include <QStringList>

// A MigrationBackend that answers from a script, for testing the CLI's commands without a
// network: it records every call, answers asynchronously (like the engine) and runs "migrate"
// one number per timer tick so a test can interrupt it half-way.
class ScriptedBackend : public MigrationBackend
{
    Q_OBJECT
public:
    explicit ScriptedBackend(QObject *parent = nullptr);

    // Script
    OperationError connectError; // non-null: connectAccount fails with it
    QVector<TrunkSummary> trunks;
    QVector<NumberInfo> numbers; // of trunks.first()
    QSet<QString> failingSids;   // migrate reports these as failed
    InterruptedRun interrupted;
    CutoverSheet sheet;
    int stepMs = 0; // time per number in a run

    // Record
    QStringList calls; // "connect", "loadNumbers TK...", "migrate PN..,PN..", ...
    ConnectionSettings lastSettings;
    QStringList mutatingCalls() const;

    // A number of the demo trunk with a predictable SID and phone number.
    static NumberInfo demoNumber(int index, const QString &trunkSid);
    void seed(int count);

    bool isBusy() const override { return m_busy; }
    AccountInfo account() const override { return m_account; }
    void connectAccount(const ConnectionSettings &settings) override;
    void loadTrunks() override;
    void loadNumbers(const QString &trunkSid) override;
    void setupInbound(const InboundOptions &options) override;
    void setupOutbound(const OutboundOptions &options) override;
    void loadRecentCalls(const QString &numberOrDomain) override;
    CutoverSheet cutoverSheet() const override { return sheet; }
    void plan(const QStringList &numberSids, const QUrl &voiceUrl) override;
    void migrate(const QStringList &numberSids, const QUrl &voiceUrl) override;
    void revert(const QStringList &numberSids) override;
    void cancel() override;
    InterruptedRun interruptedRun() const override { return interrupted; }
    void resume() override;
    void rollback() override;
    void exportAudit(const QString &csvPath) override;
    void deleteTrunk(const QString &trunkSid) override;

private:
    void later(std::function<void()> work);
    void startRun(const QStringList &sids, NumberState target, const QString &voiceUrl);
    void step();

    AccountInfo m_account;
    bool m_busy = false;
    bool m_cancelled = false;
    QStringList m_queue;
    NumberState m_target = NumberState::Migrated;
    QString m_voiceUrl;
    RunSummary m_summary;
};
