#include "numberinventory.h"

#include "engineerrors.h"
#include "journal.h"
#include "numberstateresolver.h"
#include "trunkingapi.h"
#include "twilioclient.h"
#include "voiceapi.h"

NumberInventory::NumberInventory(const EngineContext &context, const QString &trunkSid,
                                 QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_trunkSid(trunkSid)
{}

void NumberInventory::start()
{
    m_pending = 3;
    m_context.client->trunking().fetchTrunk(m_trunkSid, this, [this](const TwilioResult<Trunk> &r) {
        if (!r.ok() && r.error.httpStatus == 404) {
            TwilioError unknown = r.error;
            unknown.message = tr("Trunk %1 does not exist in this account.").arg(m_trunkSid);
            return fail(unknown);
        }
        if (!r.ok())
            return fail(r.error);
        --m_pending;
        finishIfReady();
    });
    m_context.client->trunking().listTrunkPhoneNumbers(
        m_trunkSid, this, [this](const TwilioResult<QList<IncomingPhoneNumber>> &r) {
            if (!r.ok() && r.error.httpStatus != 404)
                return fail(r.error);
            for (const IncomingPhoneNumber &n : r.value)
                m_onTrunk.insert(n.sid);
            --m_pending;
            finishIfReady();
        });
    m_context.client->voice().listIncomingPhoneNumbers(
        {}, this, [this](const TwilioResult<QList<IncomingPhoneNumber>> &r) {
            if (!r.ok())
                return fail(r.error);
            m_numbers = r.value;
            --m_pending;
            finishIfReady();
        });
}

void NumberInventory::fail(const TwilioError &error)
{
    if (m_failed)
        return;
    m_failed = true;
    emit failed(EngineErrors::fromTwilio(error));
}

void NumberInventory::finishIfReady()
{
    if (m_failed || m_pending > 0)
        return;
    NumberStateResolver resolver(*m_context.journal, m_context.accountSid, m_trunkSid);
    QVector<NumberInfo> rows;
    for (const IncomingPhoneNumber &number : std::as_const(m_numbers)) {
        const bool onTrunk = number.trunkSid == m_trunkSid || m_onTrunk.contains(number.sid);
        if (auto row = resolver.resolve(number, onTrunk))
            rows.append(*row);
    }
    emit loaded(m_trunkSid, rows);
}
