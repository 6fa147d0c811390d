// IncomingPhoneNumber emergency, receive-mode and caller-ID settings (defaults, the seed,
// update with validation), the trunk view of a number, and the SIP domain settings
// (emergency calling, emergency caller, BYOC trunk, fallback and status callback).
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

namespace {
const QString kAddress = QStringLiteral("AD0123456789abcdef0123456789abcdef");
} // namespace

class TestSandboxNumberSettings : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<SandboxTestClient> client;

    QString numbersPath() const
    {
        return client->accountPath() + QStringLiteral("/IncomingPhoneNumbers");
    }
    QString domainsPath() const { return client->accountPath() + QStringLiteral("/SIP/Domains"); }
    QJsonArray allNumbers()
    {
        return client->get(numbersPath() + QStringLiteral(".json?PageSize=1000"))
            .json.value(QLatin1String("incoming_phone_numbers"))
            .toArray();
    }
    QString numberPath(const QJsonObject &number) const
    {
        return numbersPath() + QLatin1Char('/') + number.value(QLatin1String("sid")).toString() +
               QStringLiteral(".json");
    }
    QString firstDomainPath()
    {
        const QJsonArray domains = client->get(domainsPath() + QStringLiteral(".json"))
                                       .json.value(QLatin1String("domains"))
                                       .toArray();
        return domainsPath() + QLatin1Char('/') +
               domains.at(0).toObject().value(QLatin1String("sid")).toString() +
               QStringLiteral(".json");
    }
    static QString problem(const SandboxTestClient::Result &r, int code)
    {
        return SandboxTestClient::errorProblem(r, 400, code);
    }

private slots:
    void init()
    {
        SandboxOptions options;
        options.numbers = 30;
        server = std::make_unique<SandboxServer>(options);
        QVERIFY(server->start());
        client = std::make_unique<SandboxTestClient>(*server);
    }

    void cleanup()
    {
        client.reset();
        server.reset();
    }

    void seededNumbers()
    {
        const QJsonArray numbers = allNumbers();
        QCOMPARE(numbers.size(), 40); // 30 + 5 branch + 2 with an application + 3 bare
        int fax = 0;
        for (int i = 0; i < numbers.size(); ++i) {
            const QJsonObject n = numbers.at(i).toObject();
            const bool emergency = i < 30 && i % 10 == 9;
            QCOMPARE(n.value(QLatin1String("emergency_status")).toString(),
                     emergency ? QStringLiteral("Active") : QStringLiteral("Inactive"));
            QCOMPARE(n.value(QLatin1String("emergency_address_status")).toString(),
                     emergency ? QStringLiteral("registered") : QStringLiteral("unregistered"));
            const QJsonValue address = n.value(QLatin1String("emergency_address_sid"));
            QVERIFY(emergency ? address.toString().startsWith(QLatin1String("AD"))
                              : address.isNull());
            QCOMPARE(n.value(QLatin1String("voice_caller_id_lookup")), QJsonValue(false));
            if (n.value(QLatin1String("voice_receive_mode")).toString() == QLatin1String("fax")) {
                QCOMPARE(i, 10);
                ++fax;
            } else {
                QCOMPARE(n.value(QLatin1String("voice_receive_mode")).toString(),
                         QStringLiteral("voice"));
            }
            const bool stale = i == 4 || i == 14 || i == 24;
            if (stale) {
                QVERIFY(n.value(QLatin1String("voice_url")).isNull());
                QCOMPARE(n.value(QLatin1String("voice_fallback_url")).toString(),
                         QStringLiteral("https://old-pbx.example.net/fallback"));
                QCOMPARE(n.value(QLatin1String("status_callback")).toString(),
                         QStringLiteral("https://old-pbx.example.net/status"));
            }
        }
        QCOMPARE(fax, 1);
        // The numbers themselves are those of the seed before these settings existed.
        QCOMPARE(numbers.at(0).toObject().value(QLatin1String("phone_number")).toString(),
                 QStringLiteral("+61255500000"));
        QCOMPARE(numbers.at(29).toObject().value(QLatin1String("phone_number")).toString(),
                 QStringLiteral("+61255500029"));
    }

    void updateEmergencyReceiveModeAndLookup()
    {
        const QJsonObject before = allNumbers().at(0).toObject();
        const QString path = numberPath(before);
        auto r = client->post(path, "VoiceReceiveMode=fax&VoiceCallerIdLookup=true&"
                                    "EmergencyStatus=Active&EmergencyAddressSid=" +
                                        kAddress.toLatin1());
        QCOMPARE(r.status, 200);
        const QJsonObject fetched = client->get(path).json;
        for (const QJsonObject &n : {r.json, fetched}) {
            QCOMPARE(n.value(QLatin1String("voice_receive_mode")).toString(),
                     QStringLiteral("fax"));
            QCOMPARE(n.value(QLatin1String("voice_caller_id_lookup")), QJsonValue(true));
            QCOMPARE(n.value(QLatin1String("emergency_status")).toString(),
                     QStringLiteral("Active"));
            QCOMPARE(n.value(QLatin1String("emergency_address_sid")).toString(), kAddress);
            QCOMPARE(n.value(QLatin1String("emergency_address_status")).toString(),
                     QStringLiteral("registered"));
            for (const char *key : {"voice_url", "trunk_sid", "friendly_name"})
                QCOMPARE(n.value(QLatin1String(key)), before.value(QLatin1String(key)));
        }

        // The trunk's view carries voice_caller_id_lookup too.
        const QString trunkView =
            QStringLiteral("/v1/Trunks/%1/PhoneNumbers/%2")
                .arg(server->trunkSid(), before.value(QLatin1String("sid")).toString());
        QCOMPARE(client->get(trunkView).json.value(QLatin1String("voice_caller_id_lookup")),
                 QJsonValue(true));

        r = client->post(path, "EmergencyAddressSid=&EmergencyStatus=Inactive&"
                               "VoiceReceiveMode=voice&VoiceCallerIdLookup=false");
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QLatin1String("emergency_address_sid")).isNull());
        QCOMPARE(r.json.value(QLatin1String("emergency_address_status")).toString(),
                 QStringLiteral("unregistered"));
        QCOMPARE(r.json.value(QLatin1String("emergency_status")).toString(),
                 QStringLiteral("Inactive"));
        QCOMPARE(r.json.value(QLatin1String("voice_receive_mode")).toString(),
                 QStringLiteral("voice"));
        QCOMPARE(r.json.value(QLatin1String("voice_caller_id_lookup")), QJsonValue(false));
    }

    void badNumberUpdateChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("receive mode") << QByteArray("VoiceReceiveMode=sms") << 400;
        QTest::newRow("receive mode empty") << QByteArray("VoiceReceiveMode=") << 400;
        QTest::newRow("lookup yes") << QByteArray("VoiceCallerIdLookup=yes") << 400;
        QTest::newRow("lookup empty") << QByteArray("VoiceCallerIdLookup=") << 400;
        QTest::newRow("emergency case") << QByteArray("EmergencyStatus=active") << 400;
        QTest::newRow("emergency empty") << QByteArray("EmergencyStatus=") << 400;
        QTest::newRow("address short") << QByteArray("EmergencyAddressSid=AD12") << 400;
        QTest::newRow("address prefix")
            << QByteArray("EmergencyAddressSid=PN0123456789abcdef0123456789abcdef") << 400;
        QTest::newRow("voice url") << QByteArray("VoiceUrl=nonsense") << 21402;
        QTest::newRow("voice url ftp") << QByteArray("VoiceUrl=ftp%3A%2F%2Fa.b%2Fc") << 21402;
        QTest::newRow("fallback url") << QByteArray("VoiceFallbackUrl=sip%3Aa.b") << 21402;
        QTest::newRow("status callback") << QByteArray("StatusCallback=%2Fstatus") << 21402;
    }

    void badNumberUpdateChangesNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        const QJsonObject before = allNumbers().at(3).toObject();
        const auto r = client->post(numberPath(before), body + "&FriendlyName=changed");
        QVERIFY2(problem(r, code).isEmpty(), qPrintable(problem(r, code)));
        QCOMPARE(client->get(numberPath(before)).json, before);
    }

    void trunkViewCarriesTwiliosFields()
    {
        // twilio-api.md 3.2 / the spec's trunking.v1.trunk.phone_number: no emergency or
        // receive-mode fields there.
        const QSet<QString> expected{"sid",
                                     "account_sid",
                                     "trunk_sid",
                                     "url",
                                     "links",
                                     "phone_number",
                                     "friendly_name",
                                     "capabilities",
                                     "address_requirements",
                                     "api_version",
                                     "beta",
                                     "date_created",
                                     "date_updated",
                                     "voice_url",
                                     "voice_method",
                                     "voice_fallback_url",
                                     "voice_fallback_method",
                                     "voice_caller_id_lookup",
                                     "voice_application_sid",
                                     "sms_url",
                                     "sms_method",
                                     "sms_fallback_url",
                                     "sms_fallback_method",
                                     "sms_application_sid",
                                     "status_callback",
                                     "status_callback_method"};
        const QString list = QStringLiteral("/v1/Trunks/") + server->trunkSid() +
                             QStringLiteral("/PhoneNumbers?PageSize=30");
        const QJsonArray numbers =
            client->get(list).json.value(QLatin1String("phone_numbers")).toArray();
        QCOMPARE(numbers.size(), 30);
        for (const QJsonValue &n : numbers) {
            const QStringList keys = n.toObject().keys();
            QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()), expected);
        }
        const QJsonObject stale = numbers.at(4).toObject();
        QCOMPARE(stale.value(QLatin1String("voice_fallback_url")).toString(),
                 QStringLiteral("https://old-pbx.example.net/fallback"));
    }

    void domainStoresEverySetting()
    {
        const QJsonObject number = allNumbers().at(9).toObject();
        const QByteArray caller = number.value(QLatin1String("sid")).toString().toLatin1();
        const QByteArray byoc = "BY0123456789abcdef0123456789abcdef";
        auto r = client->post(domainsPath() + QStringLiteral(".json"),
                              "DomainName=all.sip.twilio.com&EmergencyCallingEnabled=true&"
                              "EmergencyCallerSid=" +
                                  caller + "&ByocTrunkSid=" + byoc +
                                  "&VoiceFallbackUrl=https%3A%2F%2Fa.example.com%2Ff&"
                                  "VoiceFallbackMethod=GET&"
                                  "VoiceStatusCallbackUrl=https%3A%2F%2Fa.example.com%2Fs&"
                                  "VoiceStatusCallbackMethod=GET&SipRegistration=true");
        QCOMPARE(r.status, 201);
        const QString path = domainsPath() + QLatin1Char('/') +
                             r.json.value(QLatin1String("sid")).toString() +
                             QStringLiteral(".json");
        const QJsonObject expected{
            {QStringLiteral("emergency_calling_enabled"), true},
            {QStringLiteral("emergency_caller_sid"), QString::fromLatin1(caller)},
            {QStringLiteral("byoc_trunk_sid"), QString::fromLatin1(byoc)},
            {QStringLiteral("voice_fallback_url"), QStringLiteral("https://a.example.com/f")},
            {QStringLiteral("voice_fallback_method"), QStringLiteral("GET")},
            {QStringLiteral("voice_status_callback_url"),
             QStringLiteral("https://a.example.com/s")},
            {QStringLiteral("voice_status_callback_method"), QStringLiteral("GET")},
            {QStringLiteral("sip_registration"), true},
        };
        for (const QJsonObject &domain : {r.json, client->get(path).json})
            for (auto it = expected.begin(); it != expected.end(); ++it)
                QCOMPARE(domain.value(it.key()), it.value());

        r = client->post(path, "EmergencyCallingEnabled=false&EmergencyCallerSid=&ByocTrunkSid=");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("emergency_calling_enabled")), QJsonValue(false));
        QVERIFY(r.json.value(QLatin1String("emergency_caller_sid")).isNull());
        QVERIFY(r.json.value(QLatin1String("byoc_trunk_sid")).isNull());
        QCOMPARE(r.json.value(QLatin1String("voice_fallback_url")).toString(),
                 QStringLiteral("https://a.example.com/f")); // not sent: kept
        QCOMPARE(client->get(path).json, r.json);
    }

    void emergencyCallerNeedsARegisteredAddress()
    {
        // Index 0 has no emergency address; an unknown SID is no number at all.
        const QByteArray plain =
            allNumbers().at(0).toObject().value(QLatin1String("sid")).toString().toLatin1();
        for (const QByteArray &sid : {plain, QByteArray("PN0123456789abcdef0123456789abcdef")}) {
            const auto r = client->post(domainsPath() + QStringLiteral(".json"),
                                        "DomainName=caller.sip.twilio.com&"
                                        "EmergencyCallingEnabled=true&EmergencyCallerSid=" +
                                            sid);
            QCOMPARE(r.status, 400);
            QVERIFY(r.json.value(QLatin1String("message"))
                        .toString()
                        .contains(QLatin1String("registered emergency address")));
        }
        const auto list = client->get(domainsPath() + QStringLiteral(".json"));
        for (const QJsonValue &d : list.json.value(QLatin1String("domains")).toArray())
            QVERIFY(d.toObject().value(QLatin1String("domain_name")).toString() !=
                    QLatin1String("caller.sip.twilio.com"));
    }

    void domainDefaults()
    {
        const auto r =
            client->post(domainsPath() + QStringLiteral(".json"), "DomainName=d.sip.twilio.com");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QLatin1String("emergency_calling_enabled")), QJsonValue(false));
        for (const char *key : {"emergency_caller_sid", "byoc_trunk_sid", "voice_fallback_url",
                                "voice_status_callback_url"})
            QVERIFY2(r.json.value(QLatin1String(key)).isNull(), key);
        QCOMPARE(r.json.value(QLatin1String("voice_fallback_method")).toString(),
                 QStringLiteral("POST"));
        QCOMPARE(r.json.value(QLatin1String("voice_status_callback_method")).toString(),
                 QStringLiteral("POST"));
    }

    void badDomainParametersChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("emergency yes") << QByteArray("EmergencyCallingEnabled=yes") << 400;
        QTest::newRow("emergency empty") << QByteArray("EmergencyCallingEnabled=") << 400;
        QTest::newRow("caller short") << QByteArray("EmergencyCallerSid=PN12") << 400;
        QTest::newRow("caller prefix")
            << QByteArray("EmergencyCallerSid=AD0123456789abcdef0123456789abcdef") << 400;
        QTest::newRow("byoc prefix")
            << QByteArray("ByocTrunkSid=TK0123456789abcdef0123456789abcdef") << 400;
        QTest::newRow("fallback url") << QByteArray("VoiceFallbackUrl=nonsense") << 21402;
        QTest::newRow("status callback url")
            << QByteArray("VoiceStatusCallbackUrl=ftp%3A%2F%2Fa.b") << 21402;
        QTest::newRow("voice url") << QByteArray("VoiceUrl=a.example.com%2Fv") << 21402;
        QTest::newRow("status method") << QByteArray("VoiceStatusCallbackMethod=PUT") << 400;
        QTest::newRow("fallback method") << QByteArray("VoiceFallbackMethod=get") << 400;
        QTest::newRow("secure") << QByteArray("Secure=1") << 400;
    }

    void badDomainParametersChangeNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        const QString list = domainsPath() + QStringLiteral(".json");
        QCOMPARE(client->post(list, "DomainName=keep.sip.twilio.com").status, 201);
        // Create: refused, no domain made.
        auto r = client->post(list, body + "&DomainName=new.sip.twilio.com");
        QVERIFY2(problem(r, code).isEmpty(), qPrintable(problem(r, code)));
        QCOMPARE(client->get(list).json.value(QLatin1String("domains")).toArray().size(), 1);
        // Update: refused, the domain unchanged.
        const QString path = firstDomainPath();
        const QJsonObject before = client->get(path).json;
        r = client->post(path, body + "&FriendlyName=changed");
        QVERIFY2(problem(r, code).isEmpty(), qPrintable(problem(r, code)));
        QCOMPARE(client->get(path).json, before);
    }
};

QTEST_GUILESS_MAIN(TestSandboxNumberSettings)
#include "testsandboxnumbersettings.moc"
