#include "numberrun.h"

#include "enginelogging.h"
#include "journal.h"
#include "numberbatch.h"
#include "numberlistedtask.h"
#include "numbermigrationtask.h"
#include "numberreverttask.h"

NumberRun::NumberRun(const EngineContext &context, Kind kind, const QString &trunkSid,
                     const QString &voiceUrl, int window, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_kind(kind)
    , m_trunkSid(trunkSid)
    , m_voiceUrl(voiceUrl)
    , m_window(window)
{}

NumberRun::~NumberRun() = default;

QString NumberRun::numberAction(Kind kind)
{
    return kind == Kind::Migrate ? QStringLiteral("migrate_number")
                                 : QStringLiteral("revert_number");
}

QString NumberRun::runKindName(Kind kind)
{
    switch (kind) {
    case Kind::Migrate:
        return QStringLiteral("migrate");
    case Kind::Revert:
        return QStringLiteral("revert");
    case Kind::Rollback:
        return QStringLiteral("rollback");
    }
    return {};
}

bool NumberRun::start(const QStringList &sids)
{
    Journal &journal = *m_context.journal;
    SqliteStore &store = journal.store();
    // One transaction: the run and every number step exist together or not at all, and 2,000
    // inserts cost one sync instead of 2,000.
    if (!store.begin()) {
        m_error = store.errorString();
        return false;
    }
    m_runId = journal.beginRun(m_context.accountSid, m_trunkSid, runKindName(m_kind));
    bool ok = m_runId != 0;
    const QString detail = m_kind == Kind::Migrate ? m_voiceUrl : QString();
    for (int i = 0; ok && i < sids.size(); ++i) {
        const qint64 step = journal.recordIntent(m_runId, sids.at(i), numberAction(m_kind), detail);
        ok = step != 0;
        m_steps.insert(sids.at(i), step);
    }
    if (!ok) {
        m_error = journal.errorString();
        store.rollback();
        m_runId = 0;
        return false;
    }
    if (!store.commit()) {
        m_error = store.errorString();
        m_runId = 0;
        return false;
    }
    launch(sids);
    return true;
}

bool NumberRun::resume(qint64 runId, const QHash<QString, qint64> &openSteps,
                       const QStringList &order)
{
    m_runId = runId;
    m_steps = openSteps;
    launch(order);
    return true;
}

void NumberRun::launch(const QStringList &sids)
{
    m_recorder =
        new ChangeRecorder(m_context.journal, m_context.audit, m_context.accountSid, m_runId, this);
    auto factory = [this](const QString &sid, QObject *parent) -> NumberTask * {
        const qint64 step = m_steps.value(sid);
        if (m_kind == Kind::Migrate && m_listed.contains(sid))
            return new NumberListedTask(m_context, m_recorder, m_listed.value(sid), step, parent);
        if (m_kind == Kind::Migrate) {
            auto *task = new NumberMigrationTask(m_context, m_recorder, sid, step, m_trunkSid,
                                                 m_voiceUrl, parent);
            task->setCallSettings(&m_calls);
            return task;
        }
        return new NumberRevertTask(m_context, m_recorder, sid, step, parent);
    };
    m_batch = new NumberBatch(sids, factory, m_window, this);
    connect(m_batch, &NumberBatch::numberChanged, this, &NumberRun::numberChanged);
    connect(m_batch, &NumberBatch::progress, this, &NumberRun::progress);
    connect(m_batch, &NumberBatch::finished, this, &NumberRun::onBatchFinished);
    qCInfo(lcEngine) << "run" << m_runId << runKindName(m_kind) << "of" << sids.size()
                     << "numbers on" << m_trunkSid;
    m_batch->start();
}

void NumberRun::cancel()
{
    if (m_batch)
        m_batch->cancel();
}

void NumberRun::onBatchFinished(const RunSummary &summary)
{
    Journal &journal = *m_context.journal;
    const QStringList skipped = m_batch->notStarted();
    StepResult cancelled;
    cancelled.errorMessage = QStringLiteral("cancelled");
    for (const QString &sid : skipped)
        if (const qint64 step = m_steps.value(sid))
            m_recorder->closeStep(step, cancelled);
    m_recorder->flush();
    const QString status =
        m_batch->isCancelled() ? QStringLiteral("cancelled") : QStringLiteral("finished");
    if (!journal.finishRun(m_runId, status))
        qCWarning(lcEngine) << "run" << m_runId << "not closed:" << journal.errorString();
    qCInfo(lcEngine) << "run" << m_runId << status << "migrated" << summary.migrated << "already"
                     << summary.alreadyMigrated << "reverted" << summary.reverted << "failed"
                     << summary.failed << "cancelled" << summary.cancelled;
    emit finished(summary);
}
