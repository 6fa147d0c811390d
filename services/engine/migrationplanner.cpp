#include "migrationplanner.h"

#include "callequivalence.h"
#include "engineerrors.h"
#include "migrationdecision.h"
#include "twilioclient.h"
#include "voiceapi.h"

#include <QHash>

MigrationPlanner::MigrationPlanner(const EngineContext &context, const QStringList &numberSids,
                                   const QString &trunkSid, const QString &voiceUrl,
                                   const SavedCalls &calls, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_sids(numberSids)
    , m_trunkSid(trunkSid)
    , m_voiceUrl(voiceUrl)
    , m_calls(calls)
{}

void MigrationPlanner::start()
{
    m_context.client->voice().listIncomingPhoneNumbers(
        {}, this, [this](const TwilioResult<QList<IncomingPhoneNumber>> &r) {
            if (!r.ok())
                return emit failed(EngineErrors::fromTwilio(r.error));
            QHash<QString, IncomingPhoneNumber> bySid;
            for (const IncomingPhoneNumber &n : r.value)
                bySid.insert(n.sid, n);
            MigrationPlan plan;
            plan.voiceUrl = m_voiceUrl;
            for (const QString &sid : std::as_const(m_sids)) {
                const auto it = bySid.constFind(sid);
                if (it == bySid.cend())
                    return emit failed(EngineErrors::local(
                        tr("%1 is not a phone number of this account.").arg(sid.left(40))));
                const IncomingPhoneNumber &n = *it;
                const MigrationDecision d = MigrationDecision::decide(n, m_trunkSid, m_voiceUrl);
                if (d.verdict == MigrationDecision::Verdict::AlreadyMigrated) {
                    ++plan.alreadyMigrated;
                    continue;
                }
                if (d.verdict != MigrationDecision::Verdict::Migrate)
                    return emit failed(EngineErrors::local(d.refusal(n)));
                // NumberMigrationTask's own test: the run leaves such a number as it is.
                if (SavedCalls::leavesFax(n, &m_calls)) {
                    plan.items.append(PlanItem{sid, n.phoneNumber, tr("leave on trunk"),
                                               tr("receives faxes"),
                                               tr("refused unless \"fax-numbers\" is accepted")});
                    continue;
                }
                ++plan.numbersToMigrate;
                plan.apiCalls += int(d.setVoiceUrl) + int(d.removeFromTrunk);
                if (d.setVoiceUrl)
                    plan.items.append(
                        PlanItem{sid, n.phoneNumber, tr("set voice URL"),
                                 n.voiceUrl.value_or(tr("(none)")) + QLatin1Char(' ') +
                                     n.voiceMethod.value_or(QString()),
                                 m_voiceUrl + QStringLiteral(" POST") +
                                     CallEquivalence::describe(m_calls.numberUpdate(n))});
                if (d.removeFromTrunk)
                    plan.items.append(PlanItem{sid, n.phoneNumber, tr("remove from trunk"),
                                               m_trunkSid, QString()});
            }

            emit ready(plan);
        });
}
