#include "numberstateresolver.h"

#include "journal.h"
#include "voicesettings.h"

#include <QCoreApplication>

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
    // The table keeps these for every row: shared strings, not one copy per number (100,000
    // rows on one trunk).
    static const QString post = QStringLiteral("POST");
    static const QString get = QStringLiteral("GET");
    const QString method = number.voiceMethod.value_or(QString());
    info.voiceMethod = method == post ? post : method == get ? get : method;
    info.trunkSid =
        number.trunkSid == m_trunkSid ? m_trunkSid : number.trunkSid.value_or(QString());

    const auto last = m_journal.lastStep(number.sid);
    // A cancelled number was left as it was; its failure is not one to show. Nor is a call a
    // crash cut off ("interrupted; ..."): the resume or rollback that closed it read the
    // number again and acted on what it found (a removal that landed unseen is no failure).
    const bool lastFailed = last && last->state == StepState::Failed &&
                            last->result.errorMessage != QLatin1String("cancelled") &&
                            !last->result.errorMessage.startsWith(QLatin1String("interrupted;"));
    if (lastFailed) {
        info.lastError.message = last->result.errorMessage;
        info.lastError.httpStatus = last->result.httpStatus;
        info.lastError.twilioCode = last->result.twilioCode;
        info.lastError.requestId = last->result.requestId;
    }
    // Journals of earlier versions restored a number after a failed step
    // ("restore_after_failure"); the row must still say the number did not migrate, and in
    // which state it was left.
    const bool repair = last && last->action == QLatin1String("restore_after_failure") &&
                        last->state != StepState::Intent;
    const bool removalFailed = lastFailed && onTrunk &&
                               (last->action == QLatin1String("remove_from_trunk") ||
                                last->action == QLatin1String("clear_trunk_sid"));
    if (removalFailed)
        info.lastError.message =
            tr("Not moved: taking it off the trunk failed, so it is on the trunk with the new "
               "voice URL (the trunk ignores it; its calls still reach the PBX through the "
               "trunk). Retry to finish, or revert to restore its old settings. %1")
                .arg(last->result.errorMessage);
    else if (repair && lastFailed)
        info.lastError.message =
            tr("Not migrated, and its previous voice settings could not be put back: it is still "
               "on the trunk (its calls still reach the PBX through the trunk), but its voice "
               "URL was changed; retry or revert it. %1")
                .arg(last->result.errorMessage);
    else if (repair)
        info.lastError.message = tr("Not migrated: a change failed, so its previous voice settings "
                                    "were restored; it is unchanged and still on the trunk.");
    if (onTrunk) {
        if (lastFailed || repair) {
            info.state = NumberState::Failed;
            return info;
        }
        // A number never touched has no journal entry, so its backup need not be looked up.
        // One whose saved original differs from what it carries now has the new URL set.
        const auto snapshot = last ? m_journal.backup(m_accountSid, number.sid) : std::nullopt;
        if (snapshot && snapshot->priorTrunkSid == m_trunkSid &&
            !VoiceSettings::restoreUpdate(snapshot->priorSettings, number).isEmpty()) {
            info.state = NumberState::UrlSet;
            return info;
        }
        const auto done = last ? m_journal.lastDoneStep(number.sid) : std::nullopt;
        info.state =
            done && isRevertAction(done->action) ? NumberState::Reverted : NumberState::OnTrunk;
        return info;
    }
    const auto snapshot = m_journal.backup(m_accountSid, number.sid);
    if (!snapshot || snapshot->priorTrunkSid != m_trunkSid)
        return std::nullopt;
    info.state = lastFailed ? NumberState::Failed : NumberState::Migrated;
    return info;
}
