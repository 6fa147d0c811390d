// A trunk's OriginationUrls: the seeded three, create/fetch/update/delete, and Twilio's rules
// (all five parameters required on create, sip: URIs only, Weight 1..65535, Priority
// 0..65535, Enabled true|false), a refused write changing nothing.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QTest>

namespace {
const QByteArray kGood = "FriendlyName=Lab+PBX&SipUrl=sip%3Alab.example.net%3A5080&Weight=5&"
                         "Priority=30&Enabled=false";

// kGood with each "Name=value" of `change` replacing that parameter (an empty value keeps the
// key) and each "-Name" removing it.
QByteArray with(const QByteArray &change)
{
    QList<QByteArray> pairs = kGood.split('&');
    for (const QByteArray &part : change.split('&')) {
        const bool remove = part.startsWith('-');
        const QByteArray key = remove ? part.mid(1) : part.left(part.indexOf('='));
        for (qsizetype i = 0; i < pairs.size(); ++i) {
            if (!pairs.at(i).startsWith(key + '='))
                continue;
            if (remove)
                pairs.removeAt(i);
            else
                pairs[i] = part;
            break;
        }
    }
    return pairs.join('&');
}
} // namespace

class TestSandboxOrigination : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<SandboxTestClient> client;

    QString urlsPath() const
    {
        return QStringLiteral("/v1/Trunks/") + server->trunkSid() +
               QStringLiteral("/OriginationUrls");
    }
    QJsonArray urls()
    {
        return client->get(urlsPath()).json.value(QLatin1String("origination_urls")).toArray();
    }
    QString itemPath(int index)
    {
        return urlsPath() + QLatin1Char('/') +
               urls().at(index).toObject().value(QLatin1String("sid")).toString();
    }

private slots:
    void init()
    {
        SandboxOptions options;
        options.numbers = 3;
        server = std::make_unique<SandboxServer>(options);
        QVERIFY(server->start());
        client = std::make_unique<SandboxTestClient>(*server);
    }

    void cleanup()
    {
        client.reset();
        server.reset();
    }

    void seededUrls()
    {
        const QJsonArray all = urls();
        QCOMPARE(all.size(), 3);
        const struct
        {
            const char *sipUrl;
            int priority, weight;
        } expected[] = {{"sip:pbx.example.net:5060", 10, 20},
                        {"sip:pbx-b.example.net;transport=tcp", 10, 10},
                        {"sip:pbx-backup.example.net", 20, 10}};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject url = all.at(i).toObject();
            QCOMPARE(url.value(QLatin1String("sip_url")).toString(),
                     QLatin1String(expected[i].sipUrl));
            QCOMPARE(url.value(QLatin1String("priority")).toInt(), expected[i].priority);
            QCOMPARE(url.value(QLatin1String("weight")).toInt(), expected[i].weight);
            QCOMPARE(url.value(QLatin1String("enabled")), QJsonValue(true));
            QCOMPARE(url.value(QLatin1String("trunk_sid")).toString(), server->trunkSid());
            QVERIFY(!url.value(QLatin1String("friendly_name")).toString().isEmpty());
            QVERIFY(url.value(QLatin1String("url"))
                        .toString()
                        .endsWith(url.value(QLatin1String("sid")).toString()));
        }
    }

    void createFetchUpdateDelete()
    {
        auto r = client->post(urlsPath(), kGood);
        QCOMPARE(r.status, 201);
        const QString sid = r.json.value(QLatin1String("sid")).toString();
        QVERIFY(sid.startsWith(QLatin1String("OU")));
        QCOMPARE(r.json.value(QLatin1String("friendly_name")).toString(),
                 QStringLiteral("Lab PBX"));
        QCOMPARE(r.json.value(QLatin1String("sip_url")).toString(),
                 QStringLiteral("sip:lab.example.net:5080"));
        QCOMPARE(r.json.value(QLatin1String("weight")).toInt(), 5);
        QCOMPARE(r.json.value(QLatin1String("priority")).toInt(), 30);
        QCOMPARE(r.json.value(QLatin1String("enabled")), QJsonValue(false));
        QCOMPARE(r.json.value(QLatin1String("account_sid")).toString(), server->accountSid());
        QCOMPARE(urls().size(), 4);

        const QString item = urlsPath() + QLatin1Char('/') + sid;
        QCOMPARE(client->get(item).json, r.json);

        r = client->post(item, "Weight=65535&Enabled=true&SipUrl=sip%3Alab2.example.net");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("weight")).toInt(), 65535);
        QCOMPARE(r.json.value(QLatin1String("enabled")), QJsonValue(true));
        QCOMPARE(r.json.value(QLatin1String("sip_url")).toString(),
                 QStringLiteral("sip:lab2.example.net"));
        QCOMPARE(r.json.value(QLatin1String("priority")).toInt(), 30); // not sent: kept
        QCOMPARE(r.json.value(QLatin1String("friendly_name")).toString(),
                 QStringLiteral("Lab PBX"));
        QCOMPARE(client->get(item).json, r.json);

        const auto removed = client->del(item);
        QCOMPARE(removed.status, 204);
        QVERIFY(removed.body.isEmpty());
        QCOMPARE(client->get(item).status, 404);
        QCOMPARE(client->del(item).status, 404);
        QCOMPARE(urls().size(), 3);
    }

    void createAcceptsTwiliosForms_data()
    {
        QTest::addColumn<QByteArray>("change");
        QTest::newRow("lowest weight, priority 0") << QByteArray("Weight=1&Priority=0");
        QTest::newRow("highest") << QByteArray("Weight=65535&Priority=65535");
        QTest::newRow("user and transport")
            << QByteArray("SipUrl=sip%3Atrunk%40pbx.example.net%3Btransport%3Dtls");
        QTest::newRow("ipv4 and port") << QByteArray("SipUrl=sip%3A203.0.113.5%3A5061");
        QTest::newRow("ipv6") << QByteArray("SipUrl=sip%3A%5B2001%3Adb8%3A%3A1%5D%3A5060");
        QTest::newRow("spec example slashes")
            << QByteArray("SipUrl=sip%3A%2F%2Fsip-box.com%3A1234");
        QTest::newRow("64 character name") << QByteArray("FriendlyName=") + QByteArray(64, 'n');
    }

    void createAcceptsTwiliosForms()
    {
        QFETCH(QByteArray, change);
        const QByteArray body = with(change);
        const auto r = client->post(urlsPath(), body);
        QVERIFY2(r.status == 201, r.body.constData());
    }

    void createNeedsEveryParameter_data()
    {
        QTest::addColumn<QByteArray>("change");
        QTest::addColumn<QString>("missing");
        for (const char *name : {"FriendlyName", "SipUrl", "Weight", "Priority", "Enabled"}) {
            QTest::addRow("without %s", name)
                << QByteArray("-") + name << QString::fromLatin1(name);
            QTest::addRow("empty %s", name) << QByteArray(name) + '=' << QString::fromLatin1(name);
        }
    }

    void createNeedsEveryParameter()
    {
        QFETCH(QByteArray, change);
        QFETCH(QString, missing);
        const auto r = client->post(urlsPath(), with(change));
        QVERIFY2(SandboxTestClient::errorProblem(r, 400, 20001).isEmpty(),
                 qPrintable(SandboxTestClient::errorProblem(r, 400, 20001)));
        QCOMPARE(r.json.value(QLatin1String("message")).toString(),
                 QStringLiteral("Missing required parameter %1 in the post body").arg(missing));
        QCOMPARE(urls().size(), 3);
    }

    void badValues_data()
    {
        QTest::addColumn<QByteArray>("change");
        QTest::addColumn<int>("code");
        QTest::newRow("https url") << QByteArray("SipUrl=https%3A%2F%2Fpbx.example.net") << 21402;
        QTest::newRow("sips url") << QByteArray("SipUrl=sips%3Apbx.example.net") << 21402;
        QTest::newRow("bare host") << QByteArray("SipUrl=pbx.example.net") << 21402;
        QTest::newRow("no host") << QByteArray("SipUrl=sip%3A") << 21402;
        QTest::newRow("port too big")
            << QByteArray("SipUrl=sip%3Apbx.example.net%3A70000") << 21402;
        QTest::newRow("port zero") << QByteArray("SipUrl=sip%3Apbx.example.net%3A0") << 21402;
        QTest::newRow("space") << QByteArray("SipUrl=sip%3Apbx+example.net") << 21402;
        QTest::newRow("weight 0") << QByteArray("Weight=0") << 400;
        QTest::newRow("weight 65536") << QByteArray("Weight=65536") << 400;
        QTest::newRow("weight text") << QByteArray("Weight=ten") << 400;
        QTest::newRow("weight sign") << QByteArray("Weight=%2B5") << 400;
        QTest::newRow("weight decimal") << QByteArray("Weight=5.0") << 400;
        QTest::newRow("priority -1") << QByteArray("Priority=-1") << 400;
        QTest::newRow("priority 65536") << QByteArray("Priority=65536") << 400;
        QTest::newRow("enabled yes") << QByteArray("Enabled=yes") << 400;
        QTest::newRow("enabled True") << QByteArray("Enabled=True") << 400;
        QTest::newRow("65 character name")
            << QByteArray("FriendlyName=") + QByteArray(65, 'n') << 400;
    }

    void badValues()
    {
        QFETCH(QByteArray, change);
        QFETCH(int, code);
        // On create: nothing is created.
        auto r = client->post(urlsPath(), with(change));
        QVERIFY2(SandboxTestClient::errorProblem(r, 400, code).isEmpty(),
                 qPrintable(SandboxTestClient::errorProblem(r, 400, code)));
        QCOMPARE(urls().size(), 3);
        // On update, next to a good value: nothing changes.
        const QString item = itemPath(0);
        const QJsonObject before = client->get(item).json;
        r = client->post(item, change + "&FriendlyName=changed");
        QVERIFY2(SandboxTestClient::errorProblem(r, 400, code).isEmpty(),
                 qPrintable(SandboxTestClient::errorProblem(r, 400, code)));
        QCOMPARE(client->get(item).json, before);
    }

    void updateCannotClearAField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("name") << QByteArray("FriendlyName=") << 400;
        QTest::newRow("sip url") << QByteArray("SipUrl=") << 21402;
        QTest::newRow("weight") << QByteArray("Weight=") << 400;
        QTest::newRow("priority") << QByteArray("Priority=") << 400;
        QTest::newRow("enabled") << QByteArray("Enabled=") << 400;
    }

    void updateCannotClearAField()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        const QString item = itemPath(1);
        const QJsonObject before = client->get(item).json;
        const auto r = client->post(item, body);
        QVERIFY2(SandboxTestClient::errorProblem(r, 400, code).isEmpty(),
                 qPrintable(SandboxTestClient::errorProblem(r, 400, code)));
        QCOMPARE(client->get(item).json, before);
    }

    void unknownTrunkOrUrl()
    {
        const QString unknownTrunk =
            QStringLiteral("/v1/Trunks/TK00000000000000000000000000000000/OriginationUrls");
        QCOMPARE(client->get(unknownTrunk).status, 404);
        QCOMPARE(client->post(unknownTrunk, kGood).status, 404);
        const QString unknownUrl =
            urlsPath() + QStringLiteral("/OU00000000000000000000000000000000");
        QCOMPARE(client->get(unknownUrl).status, 404);
        QCOMPARE(client->post(unknownUrl, "Weight=1").status, 404);
        QCOMPARE(client->del(unknownUrl).status, 404);
        QCOMPARE(client->get(urlsPath() + QStringLiteral("/OU123")).status, 404);

        // A URL of the main trunk does not exist under the branch trunk.
        const QJsonArray trunks =
            client->get(QStringLiteral("/v1/Trunks")).json.value(QLatin1String("trunks")).toArray();
        const QString branch = trunks.at(1).toObject().value(QLatin1String("sid")).toString();
        QVERIFY(branch != server->trunkSid());
        const QString sid = urls().at(0).toObject().value(QLatin1String("sid")).toString();
        const QString foreign = QStringLiteral("/v1/Trunks/%1/OriginationUrls/%2").arg(branch, sid);
        QCOMPARE(client->get(foreign).status, 404);
        QCOMPARE(client->del(foreign).status, 404);
        QCOMPARE(urls().size(), 3);
    }

    void deletedTrunkTakesItsUrls()
    {
        const QString item = itemPath(0);
        QCOMPARE(client->del(QStringLiteral("/v1/Trunks/") + server->trunkSid()).status, 204);
        QCOMPARE(client->get(urlsPath()).status, 404);
        QCOMPARE(client->get(item).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestSandboxOrigination)
#include "testsandboxorigination.moc"
