// TwilioHosts: product hosts per region/edge (twilio-node getHostname, serverless-toolkit
// default edges), the sandbox override, https enforcement and next-page rewriting.
#include "formencoder.h"
#include "twiliohosts.h"

#include <QTest>

using Product = TwilioHosts::Product;

class TestTwilioHosts : public QObject
{
    Q_OBJECT
private slots:
    void regionalHosts_data();
    void regionalHosts();
    void defaultsWithoutRegion();
    void serverlessDefaultEdge();
    void overrideSendsEveryProductToOneBase();
    void refusesPlainHttpToRemoteHost_data();
    void refusesPlainHttpToRemoteHost();
    void rejectsMalformedRegion();
    void queryEncodesPlusAndOperators();
    void nextPageV2010Relative();
    void nextPageV1AbsoluteIsMovedToOurBase();
    void nextPageNeverLeavesOurHost();
    void nextPageRejectsGarbage();
};

void TestTwilioHosts::regionalHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("edge");
    QTest::addColumn<QString>("expected");
    QTest::newRow("region+edge") << "api.twilio.com"
                                 << "au1"
                                 << "sydney"
                                 << "api.sydney.au1.twilio.com";
    QTest::newRow("edge only") << "api.twilio.com"
                               << ""
                               << "sydney"
                               << "api.sydney.us1.twilio.com";
    QTest::newRow("region only") << "api.twilio.com"
                                 << "au1"
                                 << ""
                                 << "api.au1.twilio.com";
    QTest::newRow("none") << "api.twilio.com"
                          << ""
                          << ""
                          << "api.twilio.com";
    QTest::newRow("trunking") << "trunking.twilio.com"
                              << "ie1"
                              << "dublin"
                              << "trunking.dublin.ie1.twilio.com";
    QTest::newRow("existing region kept") << "api.au1.twilio.com"
                                          << ""
                                          << "sydney"
                                          << "api.sydney.au1.twilio.com";
    QTest::newRow("existing edge kept") << "api.sydney.au1.twilio.com"
                                        << "jp1"
                                        << ""
                                        << "api.sydney.jp1.twilio.com";
}

void TestTwilioHosts::regionalHosts()
{
    QFETCH(QString, host);
    QFETCH(QString, region);
    QFETCH(QString, edge);
    QFETCH(QString, expected);
    QCOMPARE(TwilioHosts::regionalHost(host, region, edge), expected);
}

void TestTwilioHosts::defaultsWithoutRegion()
{
    const TwilioHosts hosts;
    QVERIFY(hosts.check().isEmpty());
    QCOMPARE(hosts.baseUrl(Product::Api), QUrl(QStringLiteral("https://api.twilio.com")));
    QCOMPARE(hosts.baseUrl(Product::Trunking), QUrl(QStringLiteral("https://trunking.twilio.com")));
    QCOMPARE(hosts.baseUrl(Product::Serverless),
             QUrl(QStringLiteral("https://serverless.twilio.com")));
    QCOMPARE(hosts.baseUrl(Product::ServerlessUpload),
             QUrl(QStringLiteral("https://serverless-upload.twilio.com")));
    QCOMPARE(hosts.url(Product::Trunking, QStringLiteral("/v1/Trunks")).toString(),
             QStringLiteral("https://trunking.twilio.com/v1/Trunks"));
}

void TestTwilioHosts::serverlessDefaultEdge()
{
    const TwilioHosts ie1(TwilioEndpoint{QStringLiteral("ie1"), {}, {}});
    QCOMPARE(ie1.baseUrl(Product::ServerlessUpload).host(),
             QStringLiteral("serverless-upload.dublin.ie1.twilio.com"));
    QCOMPARE(ie1.baseUrl(Product::Serverless).host(),
             QStringLiteral("serverless.dublin.ie1.twilio.com"));
    // api/trunking get no default edge (twilio-node leaves it out).
    QCOMPARE(ie1.baseUrl(Product::Api).host(), QStringLiteral("api.ie1.twilio.com"));
    const TwilioHosts au1(TwilioEndpoint{QStringLiteral("au1"), QStringLiteral("sydney"), {}});
    QCOMPARE(au1.baseUrl(Product::Serverless).host(),
             QStringLiteral("serverless.sydney.au1.twilio.com"));
    QCOMPARE(au1.baseUrl(Product::Api).host(), QStringLiteral("api.sydney.au1.twilio.com"));
}

void TestTwilioHosts::overrideSendsEveryProductToOneBase()
{
    const TwilioHosts hosts(TwilioEndpoint{QStringLiteral("au1"), QStringLiteral("sydney"),
                                           QUrl(QStringLiteral("http://127.0.0.1:8080/sandbox/"))});
    QVERIFY2(hosts.check().isEmpty(), qPrintable(hosts.check()));
    for (Product p :
         {Product::Api, Product::Trunking, Product::Serverless, Product::ServerlessUpload})
        QCOMPARE(hosts.baseUrl(p), QUrl(QStringLiteral("http://127.0.0.1:8080/sandbox")));
    QCOMPARE(hosts.url(Product::Api, QStringLiteral("/2010-04-01/Accounts/AC1.json")).toString(),
             QStringLiteral("http://127.0.0.1:8080/sandbox/2010-04-01/Accounts/AC1.json"));
}

void TestTwilioHosts::refusesPlainHttpToRemoteHost_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("loopback v4") << "http://127.0.0.1:1234" << true;
    QTest::newRow("localhost") << "http://localhost:1234" << true;
    QTest::newRow("loopback v6") << "http://[::1]:1234" << true;
    QTest::newRow("https remote") << "https://sandbox.example.com" << true;
    QTest::newRow("http remote") << "http://sandbox.example.com" << false;
    QTest::newRow("http lan") << "http://192.168.1.5:8080" << false;
    QTest::newRow("ftp") << "ftp://127.0.0.1" << false;
    QTest::newRow("with user") << "https://user@example.com" << false;
    QTest::newRow("with query") << "https://example.com/?a=b" << false;
}

void TestTwilioHosts::refusesPlainHttpToRemoteHost()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    const TwilioHosts hosts(TwilioEndpoint{{}, {}, QUrl(url)});
    QCOMPARE(hosts.check().isEmpty(), accepted);
}

void TestTwilioHosts::rejectsMalformedRegion()
{
    QVERIFY(
        !TwilioHosts(TwilioEndpoint{QStringLiteral("au1.evil.com/"), {}, {}}).check().isEmpty());
    QVERIFY(!TwilioHosts(TwilioEndpoint{{}, QStringLiteral("syd ney"), {}}).check().isEmpty());
    QVERIFY(TwilioHosts(TwilioEndpoint{QStringLiteral("us1"), QStringLiteral("ashburn"), {}})
                .check()
                .isEmpty());
}

void TestTwilioHosts::queryEncodesPlusAndOperators()
{
    const TwilioHosts hosts;
    const QUrl url = hosts.url(Product::Api, QStringLiteral("/2010-04-01/Accounts/AC1/Calls.json"),
                               {{QStringLiteral("To"), QStringLiteral("+61255501234")},
                                {QStringLiteral("StartTime>"), QStringLiteral("2024-05-01")}});
    const QByteArray wire = url.toEncoded();
    QVERIFY2(wire.contains("To=%2B61255501234"), wire.constData());
    QVERIFY2(wire.contains("StartTime%3E=2024-05-01"), wire.constData());
    QCOMPARE(
        FormEncoder::encode({{QStringLiteral("VoiceUrl"), QStringLiteral("https://h/x?a=1&b=2 c")},
                             {QStringLiteral("FunctionVersions"), QStringLiteral("ZN1")},
                             {QStringLiteral("FunctionVersions"), QStringLiteral("ZN2")},
                             {QStringLiteral("Number"), QStringLiteral("+1 ü")}}),
        QByteArray("VoiceUrl=https%3A%2F%2Fh%2Fx%3Fa%3D1%26b%3D2%20c&FunctionVersions=ZN1&"
                   "FunctionVersions=ZN2&Number=%2B1%20%C3%BC"));
}

void TestTwilioHosts::nextPageV2010Relative()
{
    const TwilioHosts hosts(TwilioEndpoint{QStringLiteral("au1"), QStringLiteral("sydney"), {}});
    const QUrl next = hosts.nextPageUrl(
        Product::Api,
        QStringLiteral(
            "/2010-04-01/Accounts/AC1/SIP/Domains.json?PageSize=2&Page=1&PageToken=PA12"));
    QCOMPARE(next.toString(),
             QStringLiteral("https://api.sydney.au1.twilio.com/2010-04-01/Accounts/AC1/"
                            "SIP/Domains.json?PageSize=2&Page=1&PageToken=PA12"));
}

void TestTwilioHosts::nextPageV1AbsoluteIsMovedToOurBase()
{
    const TwilioHosts sandbox(
        TwilioEndpoint{{}, {}, QUrl(QStringLiteral("http://127.0.0.1:5000"))});
    QCOMPARE(sandbox
                 .nextPageUrl(
                     Product::Trunking,
                     QStringLiteral(
                         "https://trunking.twilio.com/v1/Trunks?PageSize=50&Page=1&PageToken=PT9"))
                 .toString(),
             QStringLiteral("http://127.0.0.1:5000/v1/Trunks?PageSize=50&Page=1&PageToken=PT9"));
    const TwilioHosts regional(TwilioEndpoint{QStringLiteral("ie1"), QStringLiteral("dublin"), {}});
    QCOMPARE(regional
                 .nextPageUrl(Product::Trunking,
                              QStringLiteral("https://trunking.twilio.com/v1/Trunks?Page=1"))
                 .host(),
             QStringLiteral("trunking.dublin.ie1.twilio.com"));
    // A '+' encoded in the token stays encoded.
    QVERIFY(sandbox.nextPageUrl(Product::Api, QStringLiteral("/x.json?PhoneNumber=%2B61&Page=1"))
                .toEncoded()
                .contains("PhoneNumber=%2B61"));
}

void TestTwilioHosts::nextPageNeverLeavesOurHost()
{
    const TwilioHosts hosts;
    const QUrl next = hosts.nextPageUrl(
        Product::Trunking, QStringLiteral("https://attacker.example/v1/Trunks?Page=1"));
    QCOMPARE(next.host(), QStringLiteral("trunking.twilio.com"));
}

void TestTwilioHosts::nextPageRejectsGarbage()
{
    const TwilioHosts hosts;
    QVERIFY(!hosts.nextPageUrl(Product::Api, QString()).isValid());
    QVERIFY(!hosts.nextPageUrl(Product::Api, QStringLiteral("relative/path")).isValid());
    QVERIFY(!hosts.nextPageUrl(Product::Api, QStringLiteral("/a/../b")).isValid());
    QVERIFY(!hosts.nextPageUrl(Product::Api, QString(9000, QLatin1Char('a'))).isValid());
}

QTEST_GUILESS_MAIN(TestTwilioHosts)
#include "tst_twiliohosts.moc"
