// Protocol-level behaviour shared by every endpoint: authentication, errors, headers, paging.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestSandboxProtocol : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<SandboxTestClient> client;

    QString relative(const QString &absolute) const
    {
        return absolute.mid(server->baseUrl().toString().size());
    }

private slots:
    void initTestCase()
    {
        SandboxOptions options;
        options.numbers = 120;
        server = std::make_unique<SandboxServer>(options);
        QVERIFY(server->start());
        client = std::make_unique<SandboxTestClient>(*server);
    }

    void cleanupTestCase()
    {
        client.reset();
        server.reset();
    }

    void authentication_data()
    {
        QTest::addColumn<int>("who"); // 0 none, 1 wrong token, 2 API key, 3 API key wrong secret
        QTest::addColumn<int>("status");
        QTest::newRow("no credentials") << 0 << 401;
        QTest::newRow("wrong token") << 1 << 401;
        QTest::newRow("api key") << 2 << 200;
        QTest::newRow("api key wrong secret") << 3 << 401;
    }

    void authentication()
    {
        QFETCH(int, who);
        QFETCH(int, status);
        SandboxTestClient other(*server);
        if (who == 0)
            other.setCredentials(QString(), QString());
        else if (who == 1)
            other.setCredentials(server->accountSid(), server->authToken() + QLatin1Char('x'));
        else
            other.setCredentials(server->apiKeySid(),
                                 server->apiKeySecret() +
                                     (who == 3 ? QStringLiteral("x") : QString()));
        QVERIFY(server->apiKeySid().startsWith(QLatin1String("SK")));
        for (const QString &path :
             {QStringLiteral("/v1/Trunks"), QStringLiteral("/v1/Services"),
              other.accountPath() + QStringLiteral("/IncomingPhoneNumbers.json")}) {
            const auto r = other.get(path);
            QCOMPARE(r.status, status);
            if (status == 401) {
                QCOMPARE(r.json.value(QLatin1String("code")).toInt(), 20003);
                QCOMPARE(r.json.value(QLatin1String("message")).toString(),
                         QStringLiteral("Authenticate"));
            }
        }
    }

    void notFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown path") << QStringLiteral("/v1/Nothing");
        QTest::newRow("unknown trunk")
            << QStringLiteral("/v1/Trunks/TK00000000000000000000000000000000");
        QTest::newRow("malformed trunk sid") << QStringLiteral("/v1/Trunks/TK123");
        QTest::newRow("upper-case hex")
            << QStringLiteral("/v1/Trunks/TKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("wrong prefix")
            << QStringLiteral("/v1/Trunks/PN00000000000000000000000000000000");
        QTest::newRow("other account") << QStringLiteral(
            "/2010-04-01/Accounts/AC00000000000000000000000000000000/IncomingPhoneNumbers.json");
        QTest::newRow("malformed number sid")
            << QStringLiteral("/2010-04-01/Accounts/{AC}/IncomingPhoneNumbers/PNxyz.json");
    }

    void notFound()
    {
        QFETCH(QString, path);
        path.replace(QStringLiteral("{AC}"), server->accountSid());
        const auto r = client->get(path);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json.value(QLatin1String("code")).toInt(), 20404);
        QCOMPARE(r.json.value(QLatin1String("status")).toInt(), 404);
        QCOMPARE(r.json.value(QLatin1String("more_info")).toString(),
                 QStringLiteral("https://www.twilio.com/docs/errors/20404"));
        QVERIFY(r.json.value(QLatin1String("message"))
                    .toString()
                    .startsWith(QLatin1String("The requested resource ")));
    }

    void v1NotFoundMessageOmitsVersion()
    {
        const auto r = client->get(QStringLiteral("/v1/Trunks/TK00000000000000000000000000000000"));
        QCOMPARE(
            r.json.value(QLatin1String("message")).toString(),
            QStringLiteral(
                "The requested resource /Trunks/TK00000000000000000000000000000000 was not found"));
    }

    void wrongMethod() { QCOMPARE(client->del(QStringLiteral("/v1/Trunks")).status, 405); }

    void twilioHeaders()
    {
        const auto r = client->get(QStringLiteral("/v1/Trunks"));
        static const QRegularExpression id(QStringLiteral("^RQ[0-9a-f]{32}$"));
        QVERIFY2(id.match(QString::fromLatin1(r.header("Twilio-Request-Id"))).hasMatch(),
                 r.header("Twilio-Request-Id").constData());
        QCOMPARE(r.header("Twilio-Concurrent-Requests"), QByteArray("1"));
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        const auto again = client->get(QStringLiteral("/v1/Trunks"));
        QVERIFY(again.header("Twilio-Request-Id") != r.header("Twilio-Request-Id"));
    }

    void pageSizeBounds_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code"); // Twilio's error code when refused
        QTest::newRow("0") << QStringLiteral("PageSize=0") << 400 << 400;
        QTest::newRow("1001") << QStringLiteral("PageSize=1001") << 400 << 20007;
        QTest::newRow("5000") << QStringLiteral("PageSize=5000") << 400 << 20007;
        QTest::newRow("text") << QStringLiteral("PageSize=ten") << 400 << 400;
        QTest::newRow("negative page") << QStringLiteral("Page=-1") << 400 << 400;
        QTest::newRow("bad token") << QStringLiteral("PageToken=zz") << 400 << 400;
        QTest::newRow("token without offset") << QStringLiteral("PageToken=PTx") << 400 << 400;
        QTest::newRow("negative token") << QStringLiteral("PageToken=PT-5") << 400 << 400;
        QTest::newRow("1000") << QStringLiteral("PageSize=1000") << 200 << 0;
        QTest::newRow("1") << QStringLiteral("PageSize=1") << 200 << 0;
        QTest::newRow("huge page") << QStringLiteral("Page=2147483647&PageSize=1000") << 200 << 0;
        QTest::newRow("huge token") << QStringLiteral("PageToken=PT2147483647") << 200 << 0;
    }

    void pageSizeBounds()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(int, code);
        for (const QString &list :
             {QStringLiteral("/v1/Trunks?"),
              client->accountPath() + QStringLiteral("/IncomingPhoneNumbers.json?"),
              QStringLiteral("/v1/Trunks/") + server->trunkSid() +
                  QStringLiteral("/OriginationUrls?")}) {
            const auto r = client->get(list + query);
            QCOMPARE(r.status, status);
            if (status != 200)
                QVERIFY2(SandboxTestClient::errorProblem(r, status, code).isEmpty(),
                         qPrintable(SandboxTestClient::errorProblem(r, status, code)));
        }
    }

    void v2010PagingWalksEveryItemOnce()
    {
        QString next =
            client->accountPath() + QStringLiteral("/IncomingPhoneNumbers.json?PageSize=50");
        QSet<QString> seen;
        int pages = 0;
        QJsonValue previous;
        while (!next.isEmpty()) {
            const auto r = client->get(next);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json.value(QLatin1String("page")).toInt(), pages);
            QCOMPARE(r.json.value(QLatin1String("page_size")).toInt(), 50);
            QCOMPARE(r.json.value(QLatin1String("start")).toInt(), pages * 50);
            QVERIFY(r.json.value(QLatin1String("first_page_uri"))
                        .toString()
                        .startsWith(client->accountPath()));
            QCOMPARE(r.json.value(QLatin1String("previous_page_uri")).isNull(), pages == 0);
            const QJsonArray items =
                r.json.value(QLatin1String("incoming_phone_numbers")).toArray();
            for (const QJsonValue &item : items)
                seen.insert(item.toObject().value(QLatin1String("sid")).toString());
            next = r.json.value(QLatin1String("next_page_uri")).toString();
            ++pages;
        }
        // 120 on the main trunk, 5 on the branch trunk, 2 with an application, 3 bare.
        QCOMPARE(seen.size(), 130);
        QCOMPARE(pages, 3);
    }

    void v1PagingWalksEveryItemOnce()
    {
        QString next = QStringLiteral("/v1/Trunks/") + server->trunkSid() +
                       QStringLiteral("/PhoneNumbers?PageSize=25");
        QSet<QString> seen;
        int pages = 0;
        while (!next.isEmpty()) {
            const auto r = client->get(next);
            QCOMPARE(r.status, 200);
            const QJsonObject meta = r.json.value(QLatin1String("meta")).toObject();
            QCOMPARE(meta.value(QLatin1String("key")).toString(), QStringLiteral("phone_numbers"));
            QCOMPARE(meta.value(QLatin1String("page")).toInt(), pages);
            QVERIFY(meta.value(QLatin1String("url"))
                        .toString()
                        .startsWith(server->baseUrl().toString()));
            QVERIFY(meta.value(QLatin1String("first_page_url"))
                        .toString()
                        .startsWith(QLatin1String("http://")));
            const QJsonArray items = r.json.value(QLatin1String("phone_numbers")).toArray();
            for (const QJsonValue &item : items)
                seen.insert(item.toObject().value(QLatin1String("sid")).toString());
            const QJsonValue nextUrl = meta.value(QLatin1String("next_page_url"));
            next = nextUrl.isNull() ? QString() : relative(nextUrl.toString());
            ++pages;
        }
        QCOMPARE(seen.size(), 120);
        QCOMPARE(pages, 5);
    }

    void filtersSurviveInPageLinks()
    {
        const auto r = client->get(
            client->accountPath() +
            QStringLiteral("/IncomingPhoneNumbers.json?PhoneNumber=%2B612555&PageSize=10"));
        const QString next = r.json.value(QLatin1String("next_page_uri")).toString();
        QVERIFY2(next.contains(QLatin1String("PhoneNumber=%2B612555")), qPrintable(next));
        const auto second = client->get(next);
        QCOMPARE(second.json.value(QLatin1String("incoming_phone_numbers")).toArray().size(), 10);
    }

    void missingParameter()
    {
        const auto r = client->post(QStringLiteral("/v1/Services"), "FriendlyName=x");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(QLatin1String("code")).toInt(), 20001);
        QCOMPARE(r.json.value(QLatin1String("message")).toString(),
                 QStringLiteral("Missing required parameter UniqueName in the post body"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxProtocol)
#include "testsandboxprotocol.moc"
