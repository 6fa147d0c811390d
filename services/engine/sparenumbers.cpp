#include "sparenumbers.h"

#include "engineerrors.h"
#include "journal.h"
#include "numbertask.h"
#include "twilioclient.h"
#include "voiceapi.h"

SpareNumbers::SpareNumbers(const EngineContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

void SpareNumbers::start()
{
    m_context.client->voice().listIncomingPhoneNumbers(
        {}, this, [this](const TwilioResult<QList<IncomingPhoneNumber>> &r) {
            if (!r.ok())
                return emit failed(EngineErrors::fromTwilio(r.error));
            QVector<NumberInfo> spare;
            for (const IncomingPhoneNumber &n : r.value) {
                if (!n.trunkSid.value_or(QString()).isEmpty() ||
                    !n.voiceApplicationSid.value_or(QString()).isEmpty() || n.isFax())
                    continue;
                if (m_context.journal->backup(m_context.accountSid, n.sid))
                    continue;
                spare.append(NumberTask::infoOf(n, NumberState::NotOnTrunk));
            }
            emit loaded(spare);
        });
}
