#include "numberstateresolver.h"

#include "journal.h"

namespace {
bool isRevertAction(const QString &action)
{
    return action == QLatin1String("revert_number") || action == QLatin1String("add_to_trunk") ||
           action == QLatin1String("set_trunk_sid") || action == QLatin1String("restore_settings");
}
} // namespace

NumberStateResolver::NumberStateResolver(Journal &journal, const QString &accountSid,
                                         const QString &trunkSid)
    : m_journal(journal)
    , m_accountSid(accountSid)
    , m_trunkSid(trunkSid)
{}

std::optional<NumberInfo> NumberStateResolver::resolve(const IncomingPhoneNumber &number,
                                                       bool onTrunk)
{
    NumberInfo info;
    info.sid = number.sid;
    info.phoneNumber = number.phoneNumber;
    info.friendlyName = number.friendlyName;
    info.voiceUrl = number.voiceUrl.value_or(QString());
    info.voiceMethod = number.voiceMethod.value_or(QString());
    info.trunkSid = number.trunkSid.value_or(QString());

    const auto last = m_journal.lastStep(number.sid);
    // A cancelled number was left as it was; its failure is not one to show.
    const bool lastFailed = last && last->state == StepState::Failed &&
                            last->result.errorMessage != QLatin1String("cancelled");
    if (lastFailed) {
        info.lastError.message = last->result.errorMessage;
        info.lastError.httpStatus = last->result.httpStatus;
        info.lastError.twilioCode = last->result.twilioCode;
        info.lastError.requestId = last->result.requestId;
    }
    if (onTrunk) {
        const auto done = m_journal.lastDoneStep(number.sid);
        info.state = lastFailed                             ? NumberState::Failed
                     : done && isRevertAction(done->action) ? NumberState::Reverted
                                                            : NumberState::OnTrunk;
        return info;
    }
    const auto snapshot = m_journal.snapshot(m_accountSid, number.sid);
    if (!snapshot || snapshot->priorTrunkSid != m_trunkSid)
        return std::nullopt;
    info.state = lastFailed ? NumberState::Failed : NumberState::Migrated;
    return info;
}
