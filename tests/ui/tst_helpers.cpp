// The wizard's pure helpers: defaults proposed from a trunk, custom SIP parameter parsing, the
// region/edge pairs and how errors read.
#include "errortext.h"
#include "regioncatalog.h"
#include "sipparameters.h"
#include "trunkdefaults.h"
#include "validation.h"
#include "windowfit.h"

#include <QTest>

class TestHelpers : public QObject
{
    Q_OBJECT
private slots:
    void domainPrefix_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("spaces") << "Acme PBX Sydney"
                                << "acme-pbx-sydney";
        QTest::newRow("punctuation") << "  Acme (PBX) / Main!  "
                                     << "acme-pbx-main";
        QTest::newRow("non-ascii") << "Café Zürich"
                                   << "caf-z-rich";
        QTest::newRow("long") << QString(80, u'a') << QString(63, u'a');
        QTest::newRow("nothing usable") << "***"
                                        << "";
    }
    void domainPrefix()
    {
        QFETCH(QString, name);
        QFETCH(QString, prefix);
        QCOMPARE(TrunkDefaults::domainPrefix(name), prefix);
    }

    void pbxAddress_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("address");
        QTest::newRow("plain") << "sip:pbx.example.com"
                               << "pbx.example.com";
        QTest::newRow("default port dropped") << "sip:pbx.example.net:5060"
                                              << "pbx.example.net";
        QTest::newRow("other port kept") << "sip:pbx.example.net:5080"
                                         << "pbx.example.net:5080";
        QTest::newRow("port and params") << "sip:PBX.example.com:5061;transport=tls"
                                         << "pbx.example.com:5061";
        QTest::newRow("5060 over tls kept") << "sip:pbx.example.com:5060;transport=TLS"
                                            << "pbx.example.com:5060";
        QTest::newRow("5060 over tcp dropped") << "sip:pbx.example.com:5060;transport=tcp"
                                               << "pbx.example.com";
        QTest::newRow("sips keeps 5060") << "sips:pbx.example.com:5060"
                                         << "pbx.example.com:5060";
        QTest::newRow("user part") << "sips:trunk@pbx.example.com?x=1"
                                   << "pbx.example.com";
        QTest::newRow("user part and port") << "sip:trunk@pbx.example.com:5090;x=1"
                                            << "pbx.example.com:5090";
        QTest::newRow("ipv4 and port") << " sip:192.0.2.10:5070 "
                                       << "192.0.2.10:5070";
    }
    void pbxAddress()
    {
        QFETCH(QString, url);
        QFETCH(QString, address);
        const QString proposed = TrunkDefaults::pbxAddress(url);
        QCOMPARE(proposed, address);
        // What the wizard proposes is what the handler accepts as PBX_DOMAIN.
        QCOMPARE(Validation::checkPbxDomain(proposed), QString());
    }

    void pbxDomainChecks_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("valid");
        QTest::newRow("host") << "pbx.example.net" << true;
        QTest::newRow("host and port") << "pbx.example.net:5080" << true;
        QTest::newRow("port zero") << "pbx.example.net:0" << false;
        QTest::newRow("port too big") << "pbx.example.net:70000" << false;
        QTest::newRow("no port after colon") << "pbx.example.net:" << false;
        QTest::newRow("scheme") << "sip:pbx.example.net" << false;
        QTest::newRow("space") << "pbx example.net" << false;
    }
    void pbxDomainChecks()
    {
        // The Outbound page checks its PBX domain field with this.
        QFETCH(QString, domain);
        QFETCH(bool, valid);
        QCOMPARE(Validation::checkPbxDomain(domain).isEmpty(), valid);
    }

    void pbxDomainSkipsDisabledAndPrefersLowPriority()
    {
        TrunkSummary trunk;
        QCOMPARE(TrunkDefaults::pbxDomain(trunk), QString());
        trunk.originationUrls = {{{}, {}, QStringLiteral("sip:a.example"), 5, 10, false},
                                 {{}, {}, QStringLiteral("sip:b.example"), 20, 10, true},
                                 {{}, {}, QStringLiteral("sip:c.example"), 10, 5, true},
                                 {{}, {}, QStringLiteral("sip:d.example"), 10, 50, true}};
        // a is disabled; c and d share the best priority and d weighs more.
        QCOMPARE(TrunkDefaults::pbxDomain(trunk), QStringLiteral("d.example"));
        trunk.originationUrls[3].sipUrl = QStringLiteral("sip:d.example:5080");
        QCOMPARE(TrunkDefaults::pbxDomain(trunk), QStringLiteral("d.example:5080"));
    }

    void sipParameters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("pairs");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << "" << 0 << true;
        QTest::newRow("two") << "x-site=syd; x-tenant=42;" << 2 << true;
        QTest::newRow("no value") << "x-site" << 0 << false;
        QTest::newRow("space in key") << "bad key=1" << 0 << false;
        QTest::newRow("uri chars in value") << "x=a@b" << 0 << false;
        QTest::newRow("reserved") << "Secure=true" << 0 << false;
        QTest::newRow("twice") << "x=1;X=2" << 0 << false;
    }
    void sipParameters()
    {
        QFETCH(QString, text);
        QFETCH(int, pairs);
        QFETCH(bool, valid);
        const SipParameters parsed(text);
        QCOMPARE(parsed.isValid(), valid);
        QCOMPARE(parsed.error().isEmpty(), valid);
        QCOMPARE(int(parsed.pairs().size()), pairs);
    }

    void windowKeptOnScreen()
    {
        const QRect screen(0, 0, 1600, 1000);
        // A geometry saved on a 200 % screen of another size: shrunk and pulled back.
        QCOMPARE(WindowFit::within(QRect(300, 200, 1920, 1400), screen), screen);
        QCOMPARE(WindowFit::within(QRect(1000, 700, 800, 600), screen), QRect(800, 400, 800, 600));
        QCOMPARE(WindowFit::within(QRect(-50, -20, 800, 600), screen), QRect(0, 0, 800, 600));
        QCOMPARE(WindowFit::within(QRect(10, 10, 800, 600), screen), QRect(10, 10, 800, 600));
        // A second screen to the right keeps its own origin.
        QCOMPARE(WindowFit::within(QRect(1500, 0, 2000, 900), QRect(1600, 0, 1280, 1024)),
                 QRect(1600, 0, 1280, 900));
        QCOMPARE(WindowFit::within(QRect(5, 5, 10, 10), QRect()), QRect(5, 5, 10, 10));
    }

    void secretsCheckedWithoutRepeatingThem()
    {
        QVERIFY(Validation::checkAuthToken(QStringLiteral("0123456789abcdefABCDEF0123456789"))
                    .isEmpty());
        const QString shortToken = Validation::checkAuthToken(QStringLiteral("abc"));
        QVERIFY(shortToken.contains(QStringLiteral("has 3 character")));
        QVERIFY(!shortToken.contains(QStringLiteral("abc")));
        QVERIFY(!Validation::checkAuthToken(QStringLiteral("0123456789abcdefABCDEF012345678g"))
                     .isEmpty());
        QVERIFY(Validation::checkApiKeySecret(QStringLiteral("Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lm"))
                    .isEmpty());
        QVERIFY(!Validation::checkApiKeySecret(QStringLiteral("Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0L-"))
                     .isEmpty());
        QVERIFY(Validation::checkApiKeySecret(QStringLiteral("x"))
                    .contains(QStringLiteral("has 1 character")));
    }

    void regionsPairWithTheirEdge()
    {
        QCOMPARE(RegionCatalog::regions().first(), QString());
        QVERIFY(!RegionCatalog::regions().contains(QStringLiteral("us1"))); // "" is us1
        QCOMPARE(RegionCatalog::defaultEdge(QStringLiteral("au1")), QStringLiteral("sydney"));
        QCOMPARE(RegionCatalog::edgesFor(QStringLiteral("jp1")), QStringList{"tokyo"});
        QVERIFY(RegionCatalog::edgesFor(QString()).contains(QStringLiteral("umatilla")));
        QCOMPARE(RegionCatalog::defaultEdge(QString()), QString());
    }

    void errorText()
    {
        QCOMPARE(ErrorText::html({}), QString());
        OperationError error;
        error.message = QStringLiteral("Number <b>busy</b>");
        QCOMPARE(ErrorText::plain(error), QStringLiteral("Number <b>busy</b>"));
        error.httpStatus = 400;
        error.twilioCode = 21210;
        error.moreInfo = QUrl(QStringLiteral("https://www.twilio.com/docs/errors/21210"));
        error.requestId = QStringLiteral("RQ1");
        QCOMPARE(ErrorText::html(error),
                 QStringLiteral("Number &lt;b&gt;busy&lt;/b&gt;<br><a "
                                "href=\"https://www.twilio.com/docs/errors/21210\">Twilio error "
                                "21210</a>, HTTP 400, request RQ1"));
        QCOMPARE(ErrorText::plain(error),
                 QStringLiteral("Number <b>busy</b> (Twilio error 21210, HTTP 400, request RQ1)"));
    }
};

QTEST_GUILESS_MAIN(TestHelpers)
#include "tst_helpers.moc"
