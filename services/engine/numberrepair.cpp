#include "numberrepair.h"

#include "engineerrors.h"
#include "enginelogging.h"
#include "journal.h"
#include "twilioclient.h"
#include "voiceapi.h"
#include "voicesettings.h"

#include <QTimer>

namespace {
// The first pause; each further round waits this much longer, so a short outage can pass.
constexpr int PauseMs = 500;
} // namespace

NumberRepair::NumberRepair(const EngineContext &context, ChangeRecorder *recorder,
                           const Change &base, const QJsonObject &fallbackPrior, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_recorder(recorder)
    , m_base(base)
    , m_fallbackPrior(fallbackPrior)
{}

QString NumberRepair::actionName()
{
    return QStringLiteral("restore_after_failure");
}

void NumberRepair::later(int round, const std::function<void()> &next)
{
    QTimer::singleShot(PauseMs * round, this, next);
}

void NumberRepair::read(const ReadThen &then)
{
    readRound(1, then);
}

void NumberRepair::readRound(int round, const ReadThen &then)
{
    m_context.client->voice().fetchIncomingPhoneNumber(
        m_base.numberSid, this, [this, round, then](const TwilioResult<IncomingPhoneNumber> &r) {
            if (r.ok() || round >= Rounds || !r.error.isRetryable())
                return then(r);
            later(round, [this, round, then] { readRound(round + 1, then); });
        });
}

void NumberRepair::restore(const IncomingPhoneNumber &live, const RestoreThen &then)
{
    const auto saved = m_context.journal->snapshot(m_context.accountSid, m_base.numberSid);
    const QJsonObject prior = saved ? saved->priorSettings : m_fallbackPrior;
    const IncomingPhoneNumberUpdate update = VoiceSettings::restoreUpdate(prior, live);
    if (update.isEmpty())
        return then(Outcome{true, false, live, {}});
    QStringList fields = VoiceSettings::fieldNames();
    fields.removeAll(QStringLiteral("trunk_sid")); // not changed: the number stays on its trunk
    Change change = m_base;
    change.action = actionName();
    change.before = VoiceSettings::describe(VoiceSettings::snapshotOf(live), fields);
    change.after = VoiceSettings::describe(prior, fields);
    qCInfo(lcEngine) << "restoring the saved settings of" << m_base.numberSid
                     << "after a failed migration step";
    restoreRound(1, change, update, live, then);
}

void NumberRepair::restoreRound(int round, const Change &change,
                                const IncomingPhoneNumberUpdate &update,
                                const IncomingPhoneNumber &live, const RestoreThen &then)
{
    m_recorder->begin(change, this, [this, round, change, update, live, then](qint64 step) {
        if (step == 0)
            return then(Outcome{
                false, true, live,
                EngineErrors::local(
                    tr("the journal could not be written (%1)").arg(m_recorder->errorString()))});
        m_context.client->voice().updateIncomingPhoneNumber(
            m_base.numberSid, update, this,
            [this, round, step, change, update, live,
             then](const TwilioResult<IncomingPhoneNumber> &r) {
                m_recorder->finish(step, change, r.error, r.reply);
                if (r.ok())
                    return then(Outcome{true, true, r.value, {}});
                if (round >= Rounds || !r.error.isRetryable())
                    return then(Outcome{false, true, live, EngineErrors::fromTwilio(r.error)});
                later(round, [this, round, change, update, live, then] {
                    restoreRound(round + 1, change, update, live, then);
                });
            });
    });
}
