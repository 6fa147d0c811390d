#include "trunkdeletion.h"

#include "callresult.h"
#include "changerecorder.h"
#include "engineerrors.h"
#include "journal.h"
#include "trunkingapi.h"
#include "twilioclient.h"
#include "validation.h"
#include "voiceapi.h"

TrunkDeletion::TrunkDeletion(const EngineContext &context, const QString &trunkSid, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_trunkSid(trunkSid)
{}

void TrunkDeletion::start()
{
    const QString problem = Validation::checkSid(m_trunkSid, "TK", tr("The trunk SID"));
    if (!problem.isEmpty()) {
        // Queued: the caller connects after start().
        QMetaObject::invokeMethod(
            this, [this, problem] { emit failed(EngineErrors::local(problem)); },
            Qt::QueuedConnection);
        return;
    }
    m_context.client->voice().listIncomingPhoneNumbers(
        {}, this, [this](const TwilioResult<QList<IncomingPhoneNumber>> &r) {
            if (!r.ok())
                return emit failed(EngineErrors::withContext(
                    EngineErrors::fromTwilio(r.error),
                    tr("Checking that the trunk is empty failed; it was not deleted")));
            int onTrunk = 0;
            for (const IncomingPhoneNumber &n : r.value)
                onTrunk += n.trunkSid == m_trunkSid ? 1 : 0;
            if (onTrunk > 0)
                return emit failed(EngineErrors::local(
                    tr("The trunk still holds %n number(s); it was not deleted. Migrate or "
                       "move them first.",
                       nullptr, onTrunk)));
            deleteTrunk();
        });
}

void TrunkDeletion::deleteTrunk()
{
    const qint64 run = m_context.journal->beginRun(m_context.accountSid, m_trunkSid,
                                                   QStringLiteral("delete_trunk"));
    if (run == 0)
        return emit failed(EngineErrors::local(m_context.journal->errorString()));
    auto *recorder =
        new ChangeRecorder(m_context.journal, m_context.audit, m_context.accountSid, run, this);
    const Change change{{}, {}, m_trunkSid, QStringLiteral("delete_trunk"), m_trunkSid, {}, {}};
    recorder->begin(change, this, [this, recorder, run, change](qint64 step) {
        if (step == 0) {
            m_context.journal->finishRun(run, QStringLiteral("failed"));
            return emit failed(EngineErrors::local(recorder->errorString()));
        }
        m_context.client->trunking().deleteTrunk(
            m_trunkSid, this,
            [this, recorder, run, step, change](const TwilioResult<TwilioNoContent> &r) {
                recorder->finish(step, change, callResultOf(r.error, r.reply));
                recorder->flush();
                m_context.journal->finishRun(run, r.ok() ? QStringLiteral("finished")
                                                         : QStringLiteral("failed"));
                if (!r.ok())
                    return emit failed(EngineErrors::withContext(EngineErrors::fromTwilio(r.error),
                                                                 tr("Deleting the trunk failed")));
                emit deleted(m_trunkSid);
            });
    });
}
