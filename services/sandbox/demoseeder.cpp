#include "demoseeder.h"

#include "sandboxcontext.h"
#include "sandboxrecords.h"

#include <QJsonValue>

namespace {
const QString kNumbers = QStringLiteral("IncomingPhoneNumbers");
constexpr int kFaxIndex = 10; // the one main-trunk number that receives faxes

void addNumber(SandboxContext &c, const QString &phone, const QString &trunkSid)
{
    QJsonObject number = SandboxRecords::incomingNumber(c, phone);
    c.store.insert(kNumbers, number);
    if (!trunkSid.isEmpty())
        c.setNumberTrunk(number, trunkSid);
}
} // namespace

void DemoSeeder::seedEmergencyAddresses(SandboxContext &c, int count)
{
    // Every tenth main-trunk number (index 9, 19, ...) has a registered emergency address.
    const QList<QJsonObject> numbers = c.store.list(kNumbers);
    for (int i = 9; i < count && i < numbers.size(); i += 10) {
        QJsonObject number = numbers.at(i);
        number.insert(QLatin1String("emergency_status"), QStringLiteral("Active"));
        number.insert(QLatin1String("emergency_address_sid"), c.newSid("AD"));
        number.insert(QLatin1String("emergency_address_status"), QStringLiteral("registered"));
        c.store.update(kNumbers, number);
    }
}

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
        if (i == 4 || i == 14 || i == 24) {
            // Left over from an earlier set-up: fallback and status callback without a voice URL.
            number.insert(QLatin1String("voice_fallback_url"),
                          QStringLiteral("https://old-pbx.example.net/fallback"));
            number.insert(QLatin1String("status_callback"),
                          QStringLiteral("https://old-pbx.example.net/status"));
        }
        if (i == kFaxIndex)
            number.insert(QLatin1String("voice_receive_mode"), QStringLiteral("fax"));
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
    QJsonObject trunk = SandboxRecords::trunk(c, QStringLiteral("Main PBX trunk"),
                                              QStringLiteral("pbx-%1.pstn.twilio.com").arg(tag));
    const QString trunkSid = trunk.value(QLatin1String("sid")).toString();
    // Every trunk setting away from its default, so a migration has all of them to carry over.
    trunk.insert(QLatin1String("recording"),
                 QJsonObject{{QStringLiteral("mode"), QStringLiteral("record-from-answer-dual")},
                             {QStringLiteral("trim"), QStringLiteral("trim-silence")}});
    trunk.insert(QLatin1String("transfer_mode"), QStringLiteral("enable-all"));
    trunk.insert(QLatin1String("transfer_caller_id"), QStringLiteral("from-transferor"));
    trunk.insert(QLatin1String("secure"), true);
    trunk.insert(QLatin1String("cnam_lookup_enabled"), true);
    trunk.insert(QLatin1String("disaster_recovery_url"),
                 QStringLiteral("https://dr.example.net/twiml/trunk-down"));
    // GET, as many DR pages are static files: the fallback must keep the trunk's method.
    trunk.insert(QLatin1String("disaster_recovery_method"), QStringLiteral("GET"));
    c.store.insert(QStringLiteral("Trunks"), trunk);
    // Two URLs share priority 10 (weights 20 and 10), a backup waits at 20. The first two draw
    // the SIDs the seed always drew here; the backup's is drawn last (see below).
    const QList<QJsonObject> primaries = {
        SandboxRecords::originationUrl(c, trunkSid,
                                       {QStringLiteral("PBX primary"),
                                        QStringLiteral("sip:pbx.example.net:5060"), 10, 20, true}),
        SandboxRecords::originationUrl(c, trunkSid,
                                       {QStringLiteral("PBX secondary"),
                                        QStringLiteral("sip:pbx-b.example.net;transport=tcp"), 10,
                                        10, true})};

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

    // SIDs drawn after everything the seed drew before these existed, so every earlier SID
    // (numbers, branch trunk, ...) stays what it was for the seed.
    for (const QJsonObject &url : primaries)
        c.store.insert(trunkSid + QStringLiteral("/OriginationUrls"), url);
    c.store.insert(trunkSid + QStringLiteral("/OriginationUrls"),
                   SandboxRecords::originationUrl(c, trunkSid,
                                                  {QStringLiteral("PBX backup"),
                                                   QStringLiteral("sip:pbx-backup.example.net"), 20,
                                                   10, true}));
    seedEmergencyAddresses(c, qBound(0, numbers, maxNumbers));
    return trunkSid;
}
