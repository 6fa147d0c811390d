// TwilioError: parsing Twilio's error JSON and anything else a server may send instead.
#include "twilioerror.h"

#include <QNetworkReply>
#include <QTest>

class TestTwilioError : public QObject
{
    Q_OBJECT
private slots:
    void parsesTwilioErrorBody();
    void htmlBodyIsNotTrusted();
    void wrongTypesAreIgnored();
    void hugeBodyIsNotParsed();
    void controlCharactersAreRemoved();
    void codeAsString();
    void retryable_data();
    void retryable();
    void displayStringMentionsCode();
};

void TestTwilioError::parsesTwilioErrorBody()
{
    const QByteArray body =
        R"({"code": 20404, "message": "The requested resource /2010-04-01/Accounts/AC1/IncomingPhoneNumbers/PN1.json was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404})";
    const TwilioError e = TwilioError::fromHttp(404, body, QStringLiteral("RQ0123"));
    QCOMPARE(e.kind, TwilioError::Kind::Api);
    QCOMPARE(e.httpStatus, 404);
    QCOMPARE(e.code, 20404);
    QVERIFY(e.message.startsWith(QLatin1String("The requested resource")));
    QCOMPARE(e.moreInfo, QStringLiteral("https://www.twilio.com/docs/errors/20404"));
    QCOMPARE(e.requestId, QStringLiteral("RQ0123"));
    QVERIFY(!e.isRetryable());
}

void TestTwilioError::htmlBodyIsNotTrusted()
{
    const TwilioError e = TwilioError::fromHttp(502, "<html><body>Bad gateway</body></html>", {});
    QCOMPARE(e.kind, TwilioError::Kind::Api);
    QCOMPARE(e.code, 0);
    QVERIFY(e.message.contains(QLatin1String("502")));
    QVERIFY(!e.message.contains(QLatin1String("<html>")));
    QVERIFY(e.isRetryable());
}

void TestTwilioError::wrongTypesAreIgnored()
{
    const TwilioError e = TwilioError::fromHttp(
        400, R"J({"code": {"x":1}, "message": ["a"], "more_info": "javascript:alert(1)"})J", {});
    QCOMPARE(e.code, 0);
    QVERIFY(!e.message.isEmpty());
    QVERIFY(e.moreInfo.isEmpty());
    const TwilioError array = TwilioError::fromHttp(400, "[1,2,3]", {});
    QVERIFY(!array.message.isEmpty());
    const TwilioError negative = TwilioError::fromHttp(400, R"({"code": -5, "message": "m"})", {});
    QCOMPARE(negative.code, 0);
}

void TestTwilioError::hugeBodyIsNotParsed()
{
    QByteArray body = R"({"code": 20001, "message": ")" + QByteArray(1024 * 1024, 'x') + "\"}";
    const TwilioError e = TwilioError::fromHttp(400, body, {});
    QCOMPARE(e.code, 0);
    QVERIFY(e.message.size() < 600);
}

void TestTwilioError::controlCharactersAreRemoved()
{
    const TwilioError e = TwilioError::fromHttp(
        400,
        "{\"code\": 21232, \"message\": \"bad\\u001b[31m name\\n" + QByteArray(2000, 'y') + "\"}",
        QStringLiteral("RQ\nfake"));
    QCOMPARE(e.code, 21232);
    QVERIFY(!e.message.contains(QChar(0x1b)));
    QVERIFY(!e.message.contains(QLatin1Char('\n')));
    QVERIFY(e.message.size() <= 501);
    QVERIFY(!e.requestId.contains(QLatin1Char('\n')));
}

void TestTwilioError::codeAsString()
{
    const QByteArray body = R"({"code": "20429", "message": "Too many"})";
    QCOMPARE(TwilioError::fromHttp(429, body, {}).code, 20429);
}

void TestTwilioError::retryable_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("network");
    QTest::addColumn<bool>("retryable");
    const int api = int(TwilioError::Kind::Api);
    const int net = int(TwilioError::Kind::Network);
    QTest::newRow("429") << api << 429 << 0 << true;
    QTest::newRow("503") << api << 503 << 0 << true;
    QTest::newRow("502") << api << 502 << 0 << true;
    QTest::newRow("504") << api << 504 << 0 << true;
    QTest::newRow("500") << api << 500 << 0 << true;
    QTest::newRow("400") << api << 400 << 0 << false;
    QTest::newRow("401") << api << 401 << 0 << false;
    QTest::newRow("404") << api << 404 << 0 << false;
    QTest::newRow("timeout") << int(TwilioError::Kind::Timeout) << 0 << 0 << true;
    QTest::newRow("dropped") << net << 0 << int(QNetworkReply::RemoteHostClosedError) << true;
    QTest::newRow("refused") << net << 0 << int(QNetworkReply::ConnectionRefusedError) << false;
    QTest::newRow("cancelled") << int(TwilioError::Kind::Cancelled) << 0 << 0 << false;
    QTest::newRow("insecure") << int(TwilioError::Kind::InsecureUrl) << 0 << 0 << false;
}

void TestTwilioError::retryable()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(int, network);
    QFETCH(bool, retryable);
    TwilioError e = TwilioError::make(TwilioError::Kind(kind), QStringLiteral("x"));
    e.httpStatus = status;
    e.networkError = network;
    QCOMPARE(e.isRetryable(), retryable);
}

void TestTwilioError::displayStringMentionsCode()
{
    const TwilioError e = TwilioError::fromHttp(
        400,
        R"({"code": 21232, "message": "Domain name taken", "more_info": "https://www.twilio.com/docs/errors/21232"})",
        QStringLiteral("RQabc"));
    const QString text = e.toDisplayString();
    QVERIFY(text.contains(QLatin1String("21232")));
    QVERIFY(text.contains(QLatin1String("Domain name taken")));
    QVERIFY(text.contains(QLatin1String("https://www.twilio.com/docs/errors/21232")));
    QVERIFY(text.contains(QLatin1String("RQabc")));
    const QByteArray unauthorized = R"({"code":20003,"message":"Authenticate"})";
    QVERIFY(TwilioError::fromHttp(401, unauthorized, {})
                .toDisplayString()
                .contains(QLatin1String("credentials")));
    QVERIFY(TwilioError().toDisplayString().isEmpty());
}

QTEST_GUILESS_MAIN(TestTwilioError)
#include "tst_twilioerror.moc"
