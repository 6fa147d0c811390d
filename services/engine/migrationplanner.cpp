#include "migrationplanner.h"

#include "engineerrors.h"
#include "migrationdecision.h"
#include "twilioclient.h"
#include "voiceapi.h"

#include <QHash>

MigrationPlanner::MigrationPlanner(const EngineContext &context, const QStringList &numberSids,
                                   const QString &trunkSid, const QString &voiceUrl,
                                   QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_sids(numberSids)
    , m_trunkSid(trunkSid)
    , m_voiceUrl(voiceUrl)
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
                ++plan.numbersToMigrate;
                if (d.setVoiceUrl)
                    plan.items.append(PlanItem{sid, n.phoneNumber, tr("set voice URL"),
                                               n.voiceUrl.value_or(tr("(none)")) +
                                                   QLatin1Char(' ') +
                                                   n.voiceMethod.value_or(QString()),
                                               m_voiceUrl + QStringLiteral(" POST")});
                if (d.removeFromTrunk)
                    plan.items.append(PlanItem{sid, n.phoneNumber, tr("remove from trunk"),
                                               m_trunkSid, QString()});
            }
            plan.apiCalls = plan.items.size();
            emit ready(plan);
        });
}
