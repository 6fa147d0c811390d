#pragma once

#include "changerecorder.h"
#include "enginecontext.h"
#include "migrationtypes.h"
#include "savedcalls.h"

#include <QHash>
#include <QObject>
#include <QStringList>

class NumberBatch;

// One journalled run of step 4 over a set of numbers: migrate or revert (rollback is a revert
// run of the numbers an interrupted run touched). It writes the run and one "number step" per
// number (migrate_number / revert_number, an open intent until that number is done) in a
// single transaction before any call, so after a crash the journal knows which numbers were
// still pending; then it runs the numbers through a NumberBatch and closes the run.
class NumberRun : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Migrate, Revert, Rollback };

    NumberRun(const EngineContext &context, Kind kind, const QString &trunkSid,
              const QString &voiceUrl, int window, QObject *parent = nullptr);
    ~NumberRun() override;

    // A new journal run over `sids`. False with errorString() when the journal cannot record
    // it; nothing was changed then.
    bool start(const QStringList &sids);
    // Numbers the listing read just before showed already migrated (NumberListedTask): no call.
    void setListedMigrated(const QHash<QString, NumberInfo> &numbers) { m_listed = numbers; }
    // What step 2 decided for the numbers' other call settings (migrate only).
    void setCallSettings(const SavedCalls &calls) { m_calls = calls; }
    // Continues an interrupted run: `openSteps` maps each pending number to its still-open
    // number step.
    bool resume(qint64 runId, const QHash<QString, qint64> &openSteps, const QStringList &order);
    void cancel();

    Kind kind() const { return m_kind; }
    qint64 runId() const { return m_runId; }
    QString errorString() const { return m_error; }

    // Journal names of the number step of each kind of run.
    static QString numberAction(Kind kind);
    static QString runKindName(Kind kind);

signals:
    void numberChanged(const NumberInfo &number);
    void progress(int done, int total);
    void finished(const RunSummary &summary);

private:
    void launch(const QStringList &sids);
    void onBatchFinished(const RunSummary &summary);

    EngineContext m_context;
    Kind m_kind;
    QString m_trunkSid;
    QString m_voiceUrl;
    SavedCalls m_calls;
    int m_window;
    qint64 m_runId = 0;
    QHash<QString, qint64> m_steps;
    QHash<QString, NumberInfo> m_listed;
    ChangeRecorder *m_recorder = nullptr;
    NumberBatch *m_batch = nullptr;
    QString m_error;
};
