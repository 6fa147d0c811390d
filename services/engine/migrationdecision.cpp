#include "migrationdecision.h"

#include <QCoreApplication>

namespace {
const QString Post = QStringLiteral("POST");
}

MigrationDecision MigrationDecision::decide(const IncomingPhoneNumber &number,
                                            const QString &trunkSid, const QString &voiceUrl)
{
    MigrationDecision d;
    const QString liveTrunk = number.trunkSid.value_or(QString());
    const bool urlSet = carriesHandler(number, voiceUrl);
    if (liveTrunk.isEmpty()) {
        d.verdict = urlSet ? Verdict::AlreadyMigrated : Verdict::NotOnTrunk;
        return d;
    }
    if (liveTrunk != trunkSid) {
        d.verdict = Verdict::OnAnotherTrunk;
        return d;
    }
    d.setVoiceUrl = !urlSet;
    d.removeFromTrunk = true;
    return d;
}

bool MigrationDecision::carriesHandler(const IncomingPhoneNumber &number, const QString &voiceUrl)
{
    return !voiceUrl.isEmpty() && number.voiceUrl.value_or(QString()) == voiceUrl &&
           number.voiceMethod.value_or(Post) == Post;
}

QString MigrationDecision::refusal(const IncomingPhoneNumber &number) const
{
    switch (verdict) {
    case Verdict::OnAnotherTrunk:
        return QCoreApplication::translate("MigrationDecision",
                                           "%1 is on another trunk (%2); it was left unchanged.")
            .arg(number.phoneNumber, number.trunkSid.value_or(QString()));
    case Verdict::NotOnTrunk:
        return QCoreApplication::translate(
                   "MigrationDecision",
                   "%1 is on no trunk and does not use the new voice URL; it was left unchanged.")
            .arg(number.phoneNumber);
    case Verdict::Migrate:
    case Verdict::AlreadyMigrated:
        break;
    }
    return {};
}
