// The wizard's pure helpers: defaults proposed from a trunk, custom SIP parameter parsing, the
// region/edge pairs and how errors read.
#include "errortext.h"
#include "regioncatalog.h"
#include "sipparameters.h"
#include "trunkdefaults.h"

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

    void sipHost_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::newRow("plain") << "sip:pbx.example.com"
                               << "pbx.example.com";
        QTest::newRow("port and params") << "sip:PBX.example.com:5061;transport=tls"
                                         << "pbx.example.com";
        QTest::newRow("user part") << "sips:trunk@pbx.example.com?x=1"
                                   << "pbx.example.com";
    }
    void sipHost()
    {
        QFETCH(QString, url);
        QFETCH(QString, host);
        QCOMPARE(TrunkDefaults::sipHost(url), host);
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

    void regionsPairWithTheirEdge()
    {
        QCOMPARE(RegionCatalog::regions().first(), QString());
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
