#include "demoseeder.h"

#include "sandboxcontext.h"
#include "sandboxrecords.h"

#include <QJsonValue>

namespace {
const QString kNumbers = QStringLiteral("IncomingPhoneNumbers");

void addNumber(SandboxContext &c, const QString &phone, const QString &trunkSid)
{
    QJsonObject number = SandboxRecords::incomingNumber(c, phone);
    c.store.insert(kNumbers, number);
    if (!trunkSid.isEmpty())
        c.setNumberTrunk(number, trunkSid);
}
} // namespace

QString DemoSeeder::secret(SandboxContext &context)
{
    // 32 hex digits, like an auth token; the SID generator is the seeded source.
    return context.newSid("xx").mid(2);
}

void DemoSeeder::seedMainNumbers(SandboxContext &c, const QString &trunkSid, int count)
{
    for (int i = 0; i < count; ++i) {
        QJsonObject number = SandboxRecords::incomingNumber(
            c, QStringLiteral("+6125550%1").arg(i, 4, 10, QLatin1Char('0')));
        // Prior voice settings vary so the migration's backup and revert have real work:
        // Twilio keeps them on a trunked number even though the trunk routes the calls.
        switch (i % 5) {
        case 1:
            number.insert(QLatin1String("voice_url"),
                          QStringLiteral("https://pbx.example.net/voice"));
            number.insert(QLatin1String("voice_method"), QStringLiteral("GET"));
            break;
        case 2:
            number.insert(QLatin1String("voice_url"),
                          QStringLiteral("https://pbx.example.net/voice"));
            number.insert(QLatin1String("voice_fallback_url"),
                          QStringLiteral("https://pbx-backup.example.net/fallback"));
            number.insert(QLatin1String("status_callback"),
                          QStringLiteral("https://pbx.example.net/status"));
            break;
        case 3:
            number.insert(QLatin1String("voice_url"),
                          QStringLiteral("https://ivr.example.org/answer"));
            number.insert(QLatin1String("friendly_name"), QStringLiteral("Sales line %1").arg(i));
            break;
        default:
            break; // voice_url stays null
        }
        c.store.insert(kNumbers, number);
        c.setNumberTrunk(number, trunkSid);
    }
}

QString DemoSeeder::seed(SandboxContext &c, int numbers)
{
    c.accountSid = c.newSid("AC");
    c.authToken = secret(c);
    c.apiKeySid = c.newSid("SK");
    c.apiKeySecret = secret(c);

    const QString tag = c.accountSid.mid(2, 6);
    const QJsonObject trunk = SandboxRecords::trunk(
        c, QStringLiteral("Main PBX trunk"), QStringLiteral("pbx-%1.pstn.twilio.com").arg(tag));
    const QString trunkSid = trunk.value(QLatin1String("sid")).toString();
    c.store.insert(QStringLiteral("Trunks"), trunk);
    c.store.insert(trunkSid + QStringLiteral("/OriginationUrls"),
                   SandboxRecords::originationUrl(c, trunkSid,
                                                  QStringLiteral("sip:pbx.example.net:5060"), 10));
    c.store.insert(trunkSid + QStringLiteral("/OriginationUrls"),
                   SandboxRecords::originationUrl(
                       c, trunkSid, QStringLiteral("sip:pbx-backup.example.net"), 20));

    const QJsonObject acl = SandboxRecords::ipAccessControlList(c, QStringLiteral("PBX addresses"));
    const QJsonObject creds = SandboxRecords::credentialList(c, QStringLiteral("PBX users"));
    c.store.insert(QStringLiteral("IpAccessControlLists"), acl);
    c.store.insert(QStringLiteral("CredentialLists"), creds);
    c.store.insert(trunkSid + QStringLiteral("/IpAccessControlLists"),
                   SandboxRecords::link(c, acl.value(QLatin1String("sid")).toString()));
    c.store.insert(trunkSid + QStringLiteral("/CredentialLists"),
                   SandboxRecords::link(c, creds.value(QLatin1String("sid")).toString()));

    seedMainNumbers(c, trunkSid, qBound(0, numbers, maxNumbers));

    const QJsonObject branch =
        SandboxRecords::trunk(c, QStringLiteral("Branch office trunk"),
                              QStringLiteral("branch-%1.pstn.twilio.com").arg(tag));
    const QString branchSid = branch.value(QLatin1String("sid")).toString();
    c.store.insert(QStringLiteral("Trunks"), branch);
    for (int i = 0; i < 5; ++i)
        addNumber(c, QStringLiteral("+6135550%1").arg(i, 4, 10, QLatin1Char('0')), branchSid);

    // Numbers on no trunk: two answered by a TwiML application, three plain.
    for (int i = 0; i < 2; ++i) {
        QJsonObject number = SandboxRecords::incomingNumber(
            c, QStringLiteral("+6175550%1").arg(i, 4, 10, QLatin1Char('0')));
        number.insert(QLatin1String("voice_application_sid"), c.newSid("AP"));
        c.store.insert(kNumbers, number);
    }
    for (int i = 0; i < 3; ++i)
        addNumber(c, QStringLiteral("+6185550%1").arg(i, 4, 10, QLatin1Char('0')), QString());
    return trunkSid;
}
