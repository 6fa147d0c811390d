// Validation: SIDs, E.164 numbers, webhook/API URLs and host names, table-driven.
#include "validation.h"

#include <QTest>

namespace {
const QString Hex32 = QStringLiteral("0123456789abcdef0123456789abcdef");
} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void sid_data();
    void sid();
    void sidMessage();
    void e164_data();
    void e164();
    void e164Message();
    void loopback_data();
    void loopback();
    void webhookUrl_data();
    void webhookUrl();
    void webhookUrlMessageHidesUserInfo_data();
    void webhookUrlMessageHidesUserInfo();
    void hostName_data();
    void hostName();
};

void TestValidation::sid_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("valid");
    for (const char *prefix : {"AC", "PN", "TK", "SK", "SD", "AL", "CL", "IP", "CA", "ZS", "ZE",
                               "ZH", "ZN", "ZB", "ZD", "ZV", "OU", "CR"}) {
        const QString p = QLatin1String(prefix);
        QTest::addRow("%s ok", prefix) << p + Hex32 << p << true;
        QTest::addRow("%s upper hex", prefix) << p + Hex32.toUpper() << p << true;
        QTest::addRow("%s short", prefix) << p + Hex32.left(31) << p << false;
        QTest::addRow("%s long", prefix) << p + Hex32 + u'0' << p << false;
    }
    QTest::newRow("other prefix") << QStringLiteral("PN") + Hex32 << QStringLiteral("AC") << false;
    QTest::newRow("lower-case prefix")
        << QStringLiteral("ac") + Hex32 << QStringLiteral("AC") << false;
    QTest::newRow("non-hex g") << QStringLiteral("AC") + Hex32.left(31) + u'g'
                               << QStringLiteral("AC") << false;
    QTest::newRow("space") << QStringLiteral("AC") + Hex32.left(31) + u' ' << QStringLiteral("AC")
                           << false;
    QTest::newRow("leading space")
        << QStringLiteral(" AC") + Hex32.left(31) << QStringLiteral("AC") << false;
    QTest::newRow("newline") << QStringLiteral("AC") + Hex32.left(31) + u'\n'
                             << QStringLiteral("AC") << false;
    QTest::newRow("fullwidth digit")
        << QStringLiteral("AC") + Hex32.left(31) + QChar(0xFF10) << QStringLiteral("AC") << false;
    QTest::newRow("empty") << QString() << QStringLiteral("AC") << false;
    QTest::newRow("prefix only") << QStringLiteral("AC") << QStringLiteral("AC") << false;
}

void TestValidation::sid()
{
    QFETCH(QString, value);
    QFETCH(QString, prefix);
    QFETCH(bool, valid);
    const QByteArray p = prefix.toLatin1();
    QCOMPARE(Validation::isSid(value, p.constData()), valid);
    QCOMPARE(Validation::checkSid(value, p.constData(), QStringLiteral("The SID")).isEmpty(),
             valid);
}

void TestValidation::sidMessage()
{
    const QString hostile = QString(500, u'x');
    const QString message = Validation::checkSid(hostile, "AC", QStringLiteral("The account SID"));
    QVERIFY(message.startsWith(QLatin1String("The account SID")));
    QVERIFY(message.contains(QLatin1String("\"AC\"")));
    QVERIFY(message.size() < 200); // a pasted novel is cut, not echoed whole
}

void TestValidation::e164_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("au") << "+61255501234" << true;
    QTest::newRow("us") << "+14155550100" << true;
    QTest::newRow("7 digits") << "+1234567" << true;
    QTest::newRow("15 digits") << "+123456789012345" << true;
    QTest::newRow("6 digits") << "+123456" << false;
    QTest::newRow("16 digits") << "+1234567890123456" << false;
    QTest::newRow("country code 0") << "+0255501234" << false;
    QTest::newRow("no plus") << "61255501234" << false;
    QTest::newRow("double plus") << "++61255501234" << false;
    QTest::newRow("spaces") << "+61 2 5550 1234" << false;
    QTest::newRow("dashes") << "+61-2-5550-1234" << false;
    QTest::newRow("leading space") << " +61255501234" << false;
    QTest::newRow("trailing space") << "+61255501234 " << false;
    QTest::newRow("fullwidth digits") << QStringLiteral("+６１２５５５０１２３４") << false;
    QTest::newRow("letters") << "+6125550ABCD" << false;
    QTest::newRow("sip uri") << "sip:+61255501234@x" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("plus only") << "+" << false;
    QTest::newRow("trailing newline") << "+61255501234\n" << false;
}

void TestValidation::e164()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isE164(value), valid);
    QCOMPARE(Validation::checkE164(value).isEmpty(), Validation::isE164(value));
}

void TestValidation::e164Message()
{
    QVERIFY(Validation::checkE164(QStringLiteral("0255501234")).contains(QLatin1String("E.164")));
    QVERIFY(Validation::checkE164(QString(1000, u'9')).size() < 200);
}

void TestValidation::loopback_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("localhost") << "localhost" << true;
    QTest::newRow("LOCALHOST") << "LOCALHOST" << true;
    QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
    QTest::newRow("127.1.2.3") << "127.1.2.3" << true;
    QTest::newRow("::1") << "::1" << true;
    QTest::newRow("0:0:0:0:0:0:0:1") << "0:0:0:0:0:0:0:1" << true;
    QTest::newRow("lan") << "192.168.1.10" << false;
    QTest::newRow("any v4") << "0.0.0.0" << false;
    QTest::newRow("any v6") << "::" << false;
    QTest::newRow("public") << "api.twilio.com" << false;
    QTest::newRow("localhost suffix") << "localhost.evil.example" << false;
    QTest::newRow("localhost prefix") << "evil-localhost" << false;
    QTest::newRow("empty") << "" << false;
}

void TestValidation::loopback()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(Validation::isLoopbackHost(host), loopback);
}

void TestValidation::webhookUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::newRow("https") << "https://acme-1234.twil.io/outboundHandler" << true;
    QTest::newRow("https port") << "https://pbx.example.net:8443/twiml" << true;
    QTest::newRow("HTTPS upper") << "HTTPS://pbx.example.net/" << true;
    QTest::newRow("http loopback v4") << "http://127.0.0.1:8080/x" << true;
    QTest::newRow("http localhost") << "http://localhost:5000/" << true;
    QTest::newRow("http loopback v6") << "http://[::1]:8080/x" << true;
    QTest::newRow("http public") << "http://pbx.example.net/twiml" << false;
    QTest::newRow("http lan") << "http://192.168.1.10/" << false;
    QTest::newRow("http localhost suffix") << "http://localhost.evil.example/" << false;
    QTest::newRow("http v6 public") << "http://[2001:db8::1]/" << false;
    QTest::newRow("ftp") << "ftp://pbx.example.net/" << false;
    QTest::newRow("sip") << "sip:pbx.example.net" << false;
    QTest::newRow("no scheme") << "pbx.example.net/twiml" << false;
    QTest::newRow("no host") << "https:///path" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("space in host") << "https://pbx example.net/" << false;
    QTest::newRow("javascript") << "javascript:alert(1)" << false;
}

void TestValidation::webhookUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    QCOMPARE(Validation::checkWebhookUrl(QUrl(url)).isEmpty(), valid);
    QCOMPARE(Validation::checkApiBaseUrl(QUrl(url)).isEmpty(), valid);
}

void TestValidation::webhookUrlMessageHidesUserInfo_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");
    QTest::newRow("http public") << "http://admin:s3cr3t-pw@pbx.example.net/twiml"
                                 << "http://pbx.example.net/twiml";
    QTest::newRow("ftp") << "ftp://admin:s3cr3t-pw@pbx.example.net/"
                         << "ftp://pbx.example.net/";
    QTest::newRow("no host") << "https://admin:s3cr3t-pw@/x"
                             << "https:///x";
}

void TestValidation::webhookUrlMessageHidesUserInfo()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    for (const QString &message :
         {Validation::checkWebhookUrl(QUrl(url)), Validation::checkApiBaseUrl(QUrl(url))}) {
        QVERIFY(!message.isEmpty());
        QVERIFY2(!message.contains(QLatin1String("s3cr3t-pw")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("admin")), qPrintable(message));
        QVERIFY2(message.contains(shown), qPrintable(message));
    }
}

void TestValidation::hostName_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("valid");
    const QString label63 = QString(63, u'a');
    QTest::newRow("simple") << "pbx.example.net" << true;
    QTest::newRow("single label") << "pbx" << true;
    QTest::newRow("digits and hyphen") << "pbx-01.example.net" << true;
    QTest::newRow("punycode") << "xn--bcher-kva.example" << true;
    QTest::newRow("ipv4") << "203.0.113.5" << true;
    QTest::newRow("63-char label") << label63 + QStringLiteral(".example") << true;
    QTest::newRow("64-char label") << label63 + QStringLiteral("a.example") << false;
    QTest::newRow("253 chars") << QString(label63 + u'.').repeated(3) + QString(61, u'b') << true;
    QTest::newRow("254 chars") << QString(label63 + u'.').repeated(3) + QString(62, u'b') << false;
    QTest::newRow("leading hyphen") << "-pbx.example.net" << false;
    QTest::newRow("trailing hyphen") << "pbx-.example.net" << false;
    QTest::newRow("empty label") << "pbx..example.net" << false;
    QTest::newRow("leading dot") << ".example.net" << false;
    QTest::newRow("trailing dot") << "example.net." << false;
    QTest::newRow("underscore") << "_sip._tcp.example.net" << false;
    QTest::newRow("port") << "pbx.example.net:5060" << false;
    QTest::newRow("space") << "pbx example.net" << false;
    QTest::newRow("unicode") << QStringLiteral("bücher.example") << false;
    QTest::newRow("ipv6") << "::1" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("semicolon") << "pbx.example.net;transport=tls" << false;
    QTest::newRow("trailing newline") << "pbx.example.net\n" << false;
}

void TestValidation::hostName()
{
    QFETCH(QString, host);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isHostName(host), valid);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
