// The trunk's own settings: defaults, the seeded main trunk, update with Twilio's validation
// (booleans, enums, URLs, methods, domain name) and the Recording subresource.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QTest>

namespace {
const char *const kSettings[] = {"friendly_name",
                                 "domain_name",
                                 "disaster_recovery_url",
                                 "disaster_recovery_method",
                                 "secure",
                                 "cnam_lookup_enabled",
                                 "symmetric_rtp_enabled",
                                 "recording",
                                 "transfer_mode",
                                 "transfer_caller_id",
                                 "auth_type",
                                 "auth_type_set",
                                 "links"};

QJsonObject recording(const char *mode, const char *trim)
{
    return QJsonObject{{QStringLiteral("mode"), QLatin1String(mode)},
                       {QStringLiteral("trim"), QLatin1String(trim)}};
}
} // namespace

class TestSandboxTrunkSettings : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<SandboxTestClient> client;

    QString trunkPath() const { return QStringLiteral("/v1/Trunks/") + server->trunkSid(); }
    QJsonObject trunk() { return client->get(trunkPath()).json; }
    // The branch office trunk: seeded with Twilio's defaults.
    QJsonObject branch()
    {
        const QJsonArray trunks =
            client->get(QStringLiteral("/v1/Trunks")).json.value(QLatin1String("trunks")).toArray();
        for (const QJsonValue &t : trunks) {
            if (t.toObject().value(QLatin1String("sid")).toString() != server->trunkSid())
                return t.toObject();
        }
        return {};
    }

private slots:
    void init()
    {
        SandboxOptions options;
        options.numbers = 5;
        server = std::make_unique<SandboxServer>(options);
        QVERIFY(server->start());
        client = std::make_unique<SandboxTestClient>(*server);
    }

    void cleanup()
    {
        client.reset();
        server.reset();
    }

    void newTrunkHasTwiliosDefaults()
    {
        const QJsonObject t = branch();
        QCOMPARE(t.value(QLatin1String("friendly_name")).toString(),
                 QStringLiteral("Branch office trunk"));
        QVERIFY(t.value(QLatin1String("disaster_recovery_url")).isNull());
        QCOMPARE(t.value(QLatin1String("disaster_recovery_method")).toString(),
                 QStringLiteral("POST"));
        for (const char *flag : {"secure", "cnam_lookup_enabled", "symmetric_rtp_enabled"}) {
            QVERIFY2(t.value(QLatin1String(flag)).isBool(), flag);
            QVERIFY2(!t.value(QLatin1String(flag)).toBool(), flag);
        }
        QCOMPARE(t.value(QLatin1String("recording")).toObject(),
                 recording("do-not-record", "do-not-trim"));
        QCOMPARE(t.value(QLatin1String("transfer_mode")).toString(), QStringLiteral("disable-all"));
        QCOMPARE(t.value(QLatin1String("transfer_caller_id")).toString(),
                 QStringLiteral("from-transferee"));
        const QString url = t.value(QLatin1String("url")).toString();
        const QJsonObject links = t.value(QLatin1String("links")).toObject();
        QCOMPARE(links.value(QLatin1String("recording")).toString(),
                 url + QStringLiteral("/Recording"));
        for (const char *key :
             {"origination_urls", "credential_lists", "ip_access_control_lists", "phone_numbers"})
            QVERIFY2(links.value(QLatin1String(key)).toString().startsWith(url + QLatin1Char('/')),
                     key);
    }

    void seededMainTrunkSetsEverything()
    {
        const QJsonObject t = trunk();
        QCOMPARE(t.value(QLatin1String("recording")).toObject(),
                 recording("record-from-answer-dual", "trim-silence"));
        QCOMPARE(t.value(QLatin1String("transfer_mode")).toString(), QStringLiteral("enable-all"));
        QCOMPARE(t.value(QLatin1String("transfer_caller_id")).toString(),
                 QStringLiteral("from-transferor"));
        QCOMPARE(t.value(QLatin1String("secure")).toBool(), true);
        QCOMPARE(t.value(QLatin1String("cnam_lookup_enabled")).toBool(), true);
        QCOMPARE(t.value(QLatin1String("disaster_recovery_url")).toString(),
                 QStringLiteral("https://dr.example.net/twiml/trunk-down"));
        QCOMPARE(t.value(QLatin1String("disaster_recovery_method")).toString(),
                 QStringLiteral("GET"));
        const auto r = client->get(trunkPath() + QStringLiteral("/Recording"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json, recording("record-from-answer-dual", "trim-silence"));
    }

    void updateKeepsEverySetting()
    {
        const QJsonObject before = branch();
        const QString path =
            QStringLiteral("/v1/Trunks/") + before.value(QLatin1String("sid")).toString();
        const auto r = client->post(path, "FriendlyName=Branch+%2B+lab&"
                                          "DomainName=branch-new.pstn.twilio.com&"
                                          "DisasterRecoveryUrl=https%3A%2F%2Fdr.example.org%2Fx&"
                                          "DisasterRecoveryMethod=GET&TransferMode=sip-only&"
                                          "TransferCallerId=from-transferor&Secure=true&"
                                          "CnamLookupEnabled=true");
        QCOMPARE(r.status, 200);
        const QJsonObject expected{
            {QStringLiteral("friendly_name"), QStringLiteral("Branch + lab")},
            {QStringLiteral("domain_name"), QStringLiteral("branch-new.pstn.twilio.com")},
            {QStringLiteral("disaster_recovery_url"), QStringLiteral("https://dr.example.org/x")},
            {QStringLiteral("disaster_recovery_method"), QStringLiteral("GET")},
            {QStringLiteral("transfer_mode"), QStringLiteral("sip-only")},
            {QStringLiteral("transfer_caller_id"), QStringLiteral("from-transferor")},
            {QStringLiteral("secure"), true},
            {QStringLiteral("cnam_lookup_enabled"), true},
        };
        const QJsonObject fetched = client->get(path).json;
        for (const QJsonObject &answer : {r.json, fetched}) {
            for (auto it = expected.begin(); it != expected.end(); ++it)
                QCOMPARE(answer.value(it.key()), it.value());
            // What was not sent stays.
            for (const char *key : {"symmetric_rtp_enabled", "recording", "auth_type", "sid"})
                QCOMPARE(answer.value(QLatin1String(key)), before.value(QLatin1String(key)));
        }

        // Booleans go back to false, and an empty URL clears to null (the method stays).
        const auto back = client->post(path, "Secure=false&CnamLookupEnabled=false&"
                                             "DisasterRecoveryUrl=&TransferMode=disable-all");
        QCOMPARE(back.status, 200);
        QCOMPARE(back.json.value(QLatin1String("secure")), QJsonValue(false));
        QCOMPARE(back.json.value(QLatin1String("cnam_lookup_enabled")), QJsonValue(false));
        QVERIFY(back.json.value(QLatin1String("disaster_recovery_url")).isNull());
        QCOMPARE(back.json.value(QLatin1String("disaster_recovery_method")).toString(),
                 QStringLiteral("GET"));
        QCOMPARE(back.json.value(QLatin1String("transfer_mode")).toString(),
                 QStringLiteral("disable-all"));
        QCOMPARE(back.json.value(QLatin1String("friendly_name")).toString(),
                 QStringLiteral("Branch + lab"));
    }

    void symmetricRtpIsNotAnUpdateParameter()
    {
        // Not in the spec's UpdateTrunkRequest: ignored like any unknown parameter.
        const auto r = client->post(trunkPath(), "SymmetricRtpEnabled=true");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("symmetric_rtp_enabled")), QJsonValue(false));
        QCOMPARE(client->post(trunkPath(), "SymmetricRtpEnabled=bogus").status, 200);
    }

    void badUpdateChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("secure yes") << QByteArray("Secure=yes") << 400;
        QTest::newRow("secure empty") << QByteArray("Secure=") << 400;
        QTest::newRow("secure True") << QByteArray("Secure=True") << 400;
        QTest::newRow("cnam 1") << QByteArray("CnamLookupEnabled=1") << 400;
        QTest::newRow("cnam empty") << QByteArray("CnamLookupEnabled=") << 400;
        QTest::newRow("transfer mode") << QByteArray("TransferMode=all") << 400;
        QTest::newRow("transfer mode empty") << QByteArray("TransferMode=") << 400;
        QTest::newRow("transfer mode case") << QByteArray("TransferMode=Enable-All") << 400;
        QTest::newRow("caller id") << QByteArray("TransferCallerId=from-caller") << 400;
        QTest::newRow("dr url ftp")
            << QByteArray("DisasterRecoveryUrl=ftp%3A%2F%2Fa.b%2Fc") << 21402;
        QTest::newRow("dr url text") << QByteArray("DisasterRecoveryUrl=nonsense") << 21402;
        QTest::newRow("dr url sip")
            << QByteArray("DisasterRecoveryUrl=sip%3Apbx.example.net") << 21402;
        QTest::newRow("dr method") << QByteArray("DisasterRecoveryMethod=PUT") << 400;
        QTest::newRow("domain") << QByteArray("DomainName=x.example.com") << 21248;
        QTest::newRow("domain empty") << QByteArray("DomainName=") << 21248;
        QTest::newRow("friendly name") << QByteArray("FriendlyName=") + QByteArray(256, 'x') << 400;
    }

    void badUpdateChangesNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        const QJsonObject before = trunk();
        // Good values next to the bad one (after it: a repeated key's first value counts):
        // nothing at all may change.
        const auto r = client->post(trunkPath(), body + "&FriendlyName=changed&Secure=false");
        QVERIFY2(SandboxTestClient::errorProblem(r, 400, code).isEmpty(),
                 qPrintable(SandboxTestClient::errorProblem(r, 400, code)));
        QCOMPARE(trunk(), before);
    }

    void domainNameIsUnique()
    {
        const QByteArray taken = branch().value(QLatin1String("domain_name")).toString().toLatin1();
        const auto r = client->post(trunkPath(), "DomainName=" + taken);
        QVERIFY2(SandboxTestClient::errorProblem(r, 400, 21248).isEmpty(),
                 qPrintable(SandboxTestClient::errorProblem(r, 400, 21248)));
    }

    void recordingFetchAndUpdate()
    {
        const QString path = trunkPath() + QStringLiteral("/Recording");
        auto r = client->post(path, "Mode=record-from-ringing");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json, recording("record-from-ringing", "trim-silence")); // trim kept
        r = client->post(path, "Trim=do-not-trim");
        QCOMPARE(r.json, recording("record-from-ringing", "do-not-trim"));
        r = client->post(path, "Mode=do-not-record&Trim=trim-silence");
        QCOMPARE(r.json, recording("do-not-record", "trim-silence"));
        QCOMPARE(client->get(path).json, recording("do-not-record", "trim-silence"));
        QCOMPARE(trunk().value(QLatin1String("recording")).toObject(),
                 recording("do-not-record", "trim-silence"));
        // Nothing sent: nothing changes, still 200.
        QCOMPARE(client->post(path, "").json, recording("do-not-record", "trim-silence"));
        for (const char *mode : {"record-from-answer", "record-from-ringing-dual",
                                 "record-from-answer-dual", "do-not-record"})
            QCOMPARE(client->post(path, QByteArray("Mode=") + mode).json,
                     recording(mode, "trim-silence"));
    }

    void badRecordingChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("mode") << QByteArray("Mode=record");
        QTest::newRow("mode empty") << QByteArray("Mode=");
        QTest::newRow("trim") << QByteArray("Trim=trim");
        QTest::newRow("trim empty") << QByteArray("Trim=");
        QTest::newRow("good mode, bad trim") << QByteArray("Mode=do-not-record&Trim=yes");
    }

    void badRecordingChangesNothing()
    {
        QFETCH(QByteArray, body);
        const QString path = trunkPath() + QStringLiteral("/Recording");
        const QJsonObject before = trunk();
        const auto r = client->post(path, body);
        QVERIFY2(SandboxTestClient::errorProblem(r, 400, 400).isEmpty(),
                 qPrintable(SandboxTestClient::errorProblem(r, 400, 400)));
        QCOMPARE(trunk(), before);
    }

    void recordingOfUnknownTrunk()
    {
        const QString path =
            QStringLiteral("/v1/Trunks/TK00000000000000000000000000000000/Recording");
        QCOMPARE(client->get(path).status, 404);
        QCOMPARE(client->post(path, "Mode=do-not-record").status, 404);
        QCOMPARE(client->del(trunkPath() + QStringLiteral("/Recording")).status, 405);
        QCOMPARE(client->get(QStringLiteral("/v1/Trunks/TK123/Recording")).status, 404);
    }

    void ignoredRecordingWriteIsAnsweredUnchanged()
    {
        // A POST to Recording updates an existing resource, so --ignore-write applies to it.
        FaultSettings faults;
        faults.ignoreWrite = 1.0;
        server->setFaults(faults);
        const auto r =
            client->post(trunkPath() + QStringLiteral("/Recording"), "Mode=do-not-record");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json, recording("record-from-answer-dual", "trim-silence"));
        server->setFaults({});
        QCOMPARE(client->get(trunkPath() + QStringLiteral("/Recording")).json,
                 recording("record-from-answer-dual", "trim-silence"));
    }

    void everySettingIsInTheList()
    {
        const QJsonArray trunks =
            client->get(QStringLiteral("/v1/Trunks")).json.value(QLatin1String("trunks")).toArray();
        QCOMPARE(trunks.size(), 2);
        for (const QJsonValue &t : trunks)
            for (const char *key : kSettings)
                QVERIFY2(t.toObject().contains(QLatin1String(key)), key);
    }
};

QTEST_GUILESS_MAIN(TestSandboxTrunkSettings)
#include "testsandboxtrunksettings.moc"
