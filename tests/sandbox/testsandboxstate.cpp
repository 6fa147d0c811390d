// State transitions of the v2010 and Trunking emulation, driven over HTTP.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QTest>

class TestSandboxState : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<SandboxTestClient> client;

    QString numbersPath() const
    {
        return client->accountPath() + QStringLiteral("/IncomingPhoneNumbers");
    }
    QString trunkNumbersPath() const
    {
        return QStringLiteral("/v1/Trunks/") + server->trunkSid() + QStringLiteral("/PhoneNumbers");
    }
    QJsonArray allNumbers()
    {
        const auto r = client->get(numbersPath() + QStringLiteral(".json?PageSize=1000"));
        return r.json.value(QLatin1String("incoming_phone_numbers")).toArray();
    }
    int trunkNumberCount()
    {
        const auto r = client->get(trunkNumbersPath() + QStringLiteral("?PageSize=1000"));
        return int(r.json.value(QLatin1String("phone_numbers")).toArray().size());
    }
    QJsonObject fetchNumber(const QString &sid)
    {
        return client->get(numbersPath() + QLatin1Char('/') + sid + QStringLiteral(".json")).json;
    }

private slots:
    void init()
    {
        SandboxOptions options;
        options.numbers = 20;
        server = std::make_unique<SandboxServer>(options);
        QVERIFY(server->start());
        client = std::make_unique<SandboxTestClient>(*server);
    }

    void cleanup()
    {
        client.reset();
        server.reset();
    }

    void trunkRemoveAndAddRoundTrip()
    {
        QCOMPARE(trunkNumberCount(), 20);
        const QString sid = allNumbers().at(0).toObject().value(QLatin1String("sid")).toString();
        QCOMPARE(fetchNumber(sid).value(QLatin1String("trunk_sid")).toString(), server->trunkSid());

        const auto removed = client->del(trunkNumbersPath() + QLatin1Char('/') + sid);
        QCOMPARE(removed.status, 204);
        QVERIFY(removed.body.isEmpty());
        QCOMPARE(trunkNumberCount(), 19);
        QVERIFY(fetchNumber(sid).value(QLatin1String("trunk_sid")).isNull());
        QCOMPARE(client->get(trunkNumbersPath() + QLatin1Char('/') + sid).status, 404);

        const auto added = client->post(trunkNumbersPath(), "PhoneNumberSid=" + sid.toLatin1());
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json.value(QLatin1String("trunk_sid")).toString(), server->trunkSid());
        QCOMPARE(trunkNumberCount(), 20);
        QCOMPARE(fetchNumber(sid).value(QLatin1String("trunk_sid")).toString(), server->trunkSid());
    }

    void addNumberChecksItsParameter()
    {
        QCOMPARE(client->post(trunkNumbersPath(), "").json.value(QLatin1String("code")).toInt(),
                 20001);
        QCOMPARE(client->post(trunkNumbersPath(), "PhoneNumberSid=PN123").status, 400);
        const auto unknown =
            client->post(trunkNumbersPath(), "PhoneNumberSid=PN00000000000000000000000000000000");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(trunkNumberCount(), 20);
    }

    void partialUpdateAndClear()
    {
        const QJsonObject before = allNumbers().at(2).toObject(); // i % 5 == 2: full settings
        const QString path = numbersPath() + QLatin1Char('/') +
                             before.value(QLatin1String("sid")).toString() +
                             QStringLiteral(".json");
        auto r = client->post(path, "VoiceUrl=https%3A%2F%2Fnew.example.com%2Fa%3Fx%3D1&"
                                    "FriendlyName=Main+line+%2B1");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("voice_url")).toString(),
                 QStringLiteral("https://new.example.com/a?x=1"));
        QCOMPARE(r.json.value(QLatin1String("friendly_name")).toString(),
                 QStringLiteral("Main line +1"));
        // Fields not sent keep their values.
        for (const char *key :
             {"voice_fallback_url", "status_callback", "voice_method", "trunk_sid"})
            QCOMPARE(r.json.value(QLatin1String(key)), before.value(QLatin1String(key)));

        r = client->post(path, "VoiceFallbackUrl=");
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QLatin1String("voice_fallback_url")).isNull());
        QCOMPARE(fetchNumber(before.value(QLatin1String("sid")).toString())
                     .value(QLatin1String("voice_url"))
                     .toString(),
                 QStringLiteral("https://new.example.com/a?x=1"));
    }

    void badUpdateChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("ftp url") << QByteArray("FriendlyName=x&VoiceUrl=ftp%3A%2F%2Fa.b%2Fc")
                                 << 21402;
        QTest::newRow("not a url") << QByteArray("FriendlyName=x&VoiceUrl=nonsense") << 21402;
        QTest::newRow("method") << QByteArray("FriendlyName=x&VoiceMethod=PUT") << 400;
        QTest::newRow("trunk sid") << QByteArray("FriendlyName=x&TrunkSid=TK12") << 400;
        QTest::newRow("unknown trunk")
            << QByteArray("FriendlyName=x&TrunkSid=TK00000000000000000000000000000000") << 400;
        QTest::newRow("app sid") << QByteArray("FriendlyName=x&VoiceApplicationSid=XX") << 400;
    }

    void badUpdateChangesNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        const QJsonObject before = allNumbers().at(1).toObject();
        const QString sid = before.value(QLatin1String("sid")).toString();
        const auto r =
            client->post(numbersPath() + QLatin1Char('/') + sid + QStringLiteral(".json"), body);
        QVERIFY2(SandboxTestClient::errorProblem(r, 400, code).isEmpty(),
                 qPrintable(SandboxTestClient::errorProblem(r, 400, code)));
        QCOMPARE(fetchNumber(sid), before);
    }

    void trunkAndApplicationExcludeEachOther()
    {
        QJsonObject withApp;
        const QJsonArray numbers = allNumbers();
        for (const QJsonValue &n : numbers) {
            if (!n.toObject().value(QLatin1String("voice_application_sid")).isNull())
                withApp = n.toObject();
        }
        QVERIFY(!withApp.isEmpty());
        QVERIFY(withApp.value(QLatin1String("trunk_sid")).isNull());
        const QString sid = withApp.value(QLatin1String("sid")).toString();
        const QString path = numbersPath() + QLatin1Char('/') + sid + QStringLiteral(".json");

        auto r = client->post(path, "TrunkSid=" + server->trunkSid().toLatin1());
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QLatin1String("voice_application_sid")).isNull());
        QCOMPARE(trunkNumberCount(), 21);

        r = client->post(path, "VoiceApplicationSid=AP0123456789abcdef0123456789abcdef");
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QLatin1String("trunk_sid")).isNull());
        QCOMPARE(trunkNumberCount(), 20);
    }

    void numberFilters()
    {
        auto r = client->get(numbersPath() + QStringLiteral(".json?PhoneNumber=%2B61255500003"));
        QJsonArray found = r.json.value(QLatin1String("incoming_phone_numbers")).toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).toObject().value(QLatin1String("phone_number")).toString(),
                 QStringLiteral("+61255500003"));
        r = client->get(numbersPath() + QStringLiteral(".json?FriendlyName=Sales+line+3"));
        QCOMPARE(r.json.value(QLatin1String("incoming_phone_numbers")).toArray().size(), 1);
    }

    void domainNamesAreCheckedAndUnique()
    {
        const QString domains = client->accountPath() + QStringLiteral("/SIP/Domains.json");
        auto r = client->post(domains, "DomainName=pbx-calls.sip.twilio.com&VoiceUrl="
                                       "https%3A%2F%2Fa.example.com%2Fv");
        QCOMPARE(r.status, 201);
        const QString sid = r.json.value(QLatin1String("sid")).toString();
        QCOMPARE(r.json.value(QLatin1String("voice_url")).toString(),
                 QStringLiteral("https://a.example.com/v"));

        for (const QByteArray &bad : {QByteArray("DomainName=pbx-calls.sip.twilio.com"),
                                      QByteArray("DomainName=bad_name.sip.twilio.com"),
                                      QByteArray("DomainName=x.example.com")}) {
            r = client->post(domains, bad);
            QCOMPARE(r.status, 400);
            QCOMPARE(r.json.value(QLatin1String("code")).toInt(), 21232);
        }
        r = client->post(domains, "FriendlyName=x");
        QCOMPARE(r.json.value(QLatin1String("code")).toInt(), 20001);
        QCOMPARE(r.json.value(QLatin1String("message")).toString(),
                 QStringLiteral("Missing required parameter DomainName in the post body"));

        const QString item =
            client->accountPath() + QStringLiteral("/SIP/Domains/") + sid + QStringLiteral(".json");
        r = client->post(item, "FriendlyName=Calls");
        QCOMPARE(r.json.value(QLatin1String("friendly_name")).toString(), QStringLiteral("Calls"));
        QCOMPARE(r.json.value(QLatin1String("domain_name")).toString(),
                 QStringLiteral("pbx-calls.sip.twilio.com"));
        QCOMPARE(client->del(item).status, 204);
        QCOMPARE(client->get(item).status, 404);
        // A deleted name is free again in the sandbox (Twilio holds it for a while).
        QCOMPARE(client->post(domains, "DomainName=pbx-calls.sip.twilio.com").status, 201);
    }

    void domainMappings()
    {
        const QString sip = client->accountPath() + QStringLiteral("/SIP/");
        const QString domainSid =
            client->post(sip + QStringLiteral("Domains.json"), "DomainName=m.sip.twilio.com")
                .json.value(QLatin1String("sid"))
                .toString();
        const struct
        {
            const char *lists, *listKey, *mappings, *param;
        } kinds[] = {
            {"IpAccessControlLists", "ip_access_control_lists", "IpAccessControlListMappings",
             "IpAccessControlListSid"},
            {"CredentialLists", "credential_lists", "CredentialListMappings", "CredentialListSid"}};
        for (const auto &kind : kinds) {
            const auto lists =
                client->get(sip + QLatin1String(kind.lists) + QStringLiteral(".json"));
            const QJsonObject list =
                lists.json.value(QLatin1String(kind.listKey)).toArray().at(0).toObject();
            const QByteArray listSid = list.value(QLatin1String("sid")).toString().toLatin1();
            QVERIFY(!listSid.isEmpty());
            const QString base = sip + QStringLiteral("Domains/") + domainSid +
                                 QStringLiteral("/Auth/Calls/") + QLatin1String(kind.mappings);
            const QByteArray body = QByteArray(kind.param) + '=' + listSid;
            auto r = client->post(base + QStringLiteral(".json"), body);
            QCOMPARE(r.status, 201);
            QCOMPARE(r.json.value(QLatin1String("friendly_name")),
                     list.value(QLatin1String("friendly_name")));
            r = client->post(base + QStringLiteral(".json"), body);
            QCOMPARE(r.json.value(QLatin1String("code")).toInt(), 21231);
            const QByteArray unknown =
                QByteArray(kind.param) + '=' + listSid.left(2) + QByteArray(32, '0');
            QCOMPARE(client->post(base + QStringLiteral(".json"), unknown).status, 404);
            QCOMPARE(
                client->post(base + QStringLiteral(".json"), QByteArray(kind.param) + "=zz").status,
                400);

            r = client->get(base + QStringLiteral(".json"));
            QCOMPARE(r.json.value(QLatin1String("contents")).toArray().size(), 1);
            const QString item =
                base + QLatin1Char('/') + QString::fromLatin1(listSid) + QStringLiteral(".json");
            QCOMPARE(client->get(item).status, 200);
            QCOMPARE(client->del(item).status, 204);
            QCOMPARE(client->get(item).status, 404);
            r = client->get(base + QStringLiteral(".json"));
            QCOMPARE(r.json.value(QLatin1String("contents")).toArray().size(), 0);
        }
    }

    void deletingTrunkReleasesItsNumbers()
    {
        const QString sid = allNumbers().at(0).toObject().value(QLatin1String("sid")).toString();
        QCOMPARE(client->del(QStringLiteral("/v1/Trunks/") + server->trunkSid()).status, 204);
        QVERIFY(fetchNumber(sid).value(QLatin1String("trunk_sid")).isNull());
        QCOMPARE(client->get(QStringLiteral("/v1/Trunks/") + server->trunkSid()).status, 404);
    }

    void trunkPhoneNumbersCanBeMissingAsInIe1()
    {
        const QString sid = allNumbers().at(0).toObject().value(QLatin1String("sid")).toString();
        const QString one = trunkNumbersPath() + QLatin1Char('/') + sid;
        server->setTrunkPhoneNumbersAvailable(false);
        for (const auto &r :
             {client->get(trunkNumbersPath()), client->get(one), client->del(one),
              client->post(trunkNumbersPath(), "PhoneNumberSid=" + sid.toLatin1())}) {
            QCOMPARE(r.status, 404);
            QCOMPARE(r.json.value(QLatin1String("code")).toInt(), 20404);
        }
        // Nothing moved; the trunk itself and the number's TrunkSid still work.
        QCOMPARE(fetchNumber(sid).value(QLatin1String("trunk_sid")).toString(), server->trunkSid());
        QCOMPARE(client->get(QStringLiteral("/v1/Trunks/") + server->trunkSid()).status, 200);
        const QString numberPath = numbersPath() + QLatin1Char('/') + sid + QStringLiteral(".json");
        QCOMPARE(client->post(numberPath, "TrunkSid=").status, 200);
        QVERIFY(fetchNumber(sid).value(QLatin1String("trunk_sid")).isNull());
        QCOMPARE(client->post(numberPath, "TrunkSid=" + server->trunkSid().toLatin1()).status, 200);
        QCOMPARE(fetchNumber(sid).value(QLatin1String("trunk_sid")).toString(), server->trunkSid());

        server->setTrunkPhoneNumbersAvailable(true);
        QCOMPARE(client->get(one).status, 200);
        QCOMPARE(trunkNumberCount(), 20);
    }
};

QTEST_GUILESS_MAIN(TestSandboxState)
#include "testsandboxstate.moc"
