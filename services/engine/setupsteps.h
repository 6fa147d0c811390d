#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"

#include <QObject>
#include <QPointer>

#include <functional>

// One run of step 1 or step 2 for MigrationService: gets the trunk's summary
// (TrunkSummaryLoader), checks the options, then drives InboundSetup or OutboundSetup from
// services/setup, exporting handler code next to the journal when the region has no Functions.
// Step 1's result (SavedInbound: what the cut-over sheet needs) and step 2's handler URL are
// saved in the journal's set-up values, so a later session (the CLI's next command) prints the
// sheet and migrates to that URL by default; step 2 also saves the call settings step 4 applies
// and the equivalence report it gates on (SavedCalls). Emits one result signal or failed().
class SetupSteps : public QObject
{
    Q_OBJECT
public:
    SetupSteps(const EngineContext &context, const QVector<TrunkSummary> &knownTrunks,
               const QString &exportDirectory, QObject *parent = nullptr);

    void startInbound(const InboundOptions &options);
    void startOutbound(const OutboundOptions &options);
    // The equivalence report of the trunk with these choices (reads only the trunk summary).
    void startEquivalence(const QString &trunkSid, const CallChoices &choices,
                          std::optional<bool> secure);
    // The step stops after its call in flight (still recorded) and reports failed().
    void cancel();

    // The set-up key under which the outbound handler URL is kept, per account.
    static QString handlerUrlKey();

signals:
    void progress(const QString &stage, int done, int total);
    void inboundReady(const InboundResult &result, const CutoverSheet &sheet);
    void outboundReady(const OutboundResult &result);
    void equivalenceReady(const EquivalenceReport &report);
    void failed(const OperationError &error);

private:
    void withTrunk(const QString &trunkSid, const std::function<void(const TrunkSummary &)> &then);
    template<class Step> Step *makeStep();

    EngineContext m_context;
    QVector<TrunkSummary> m_known;
    QString m_exportDirectory;
    std::function<void()> m_cancel;
    bool m_cancelled = false;
};
