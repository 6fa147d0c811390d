#include "numberreadback.h"

#include "twilioclient.h"
#include "voiceapi.h"

#include <QTimer>

namespace {
// The first pause; each further round waits this much longer.
constexpr int PauseMs = 500;
} // namespace

NumberReadBack::NumberReadBack(const EngineContext &context, const QString &numberSid,
                               QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_sid(numberSid)
{}

void NumberReadBack::read(const Then &then)
{
    readRound(1, then);
}

void NumberReadBack::readRound(int round, const Then &then)
{
    m_context.client->voice().fetchIncomingPhoneNumber(
        m_sid, this, [this, round, then](const TwilioResult<IncomingPhoneNumber> &r) {
            if (r.ok() || round >= Rounds || !r.error.isRetryable())
                return then(r);
            QTimer::singleShot(PauseMs * round, this,
                               [this, round, then] { readRound(round + 1, then); });
        });
}
