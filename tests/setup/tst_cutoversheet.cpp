#include "cutoversheet.h"
#include "sipedgeuris.h"

#include <QTest>

class TestCutoverSheet : public QObject
{
    Q_OBJECT

    static InboundResult result()
    {
        InboundResult r;
        r.domainName = QStringLiteral("acme-pbx.sip.twilio.com");
        r.sipUris = SipEdgeUris::uris(r.domainName);
        r.ipAccessControlLists = {{QStringLiteral("AL0123456789abcdef0123456789abcdef"),
                                   QStringLiteral("PBX addresses")}};
        r.credentialLists = {
            {QStringLiteral("CL0123456789abcdef0123456789abcdef"), QStringLiteral("PBX users")}};
        return r;
    }

private slots:
    void edgeUrisFollowTwilioForm()
    {
        const QStringList uris = SipEdgeUris::uris(QStringLiteral("Acme-PBX.sip.twilio.com"));
        QCOMPARE(uris.size(), 9);
        QCOMPARE(uris.first(), QStringLiteral("sip:acme-pbx.sip.twilio.com"));
        QVERIFY(uris.contains(QStringLiteral("sip:acme-pbx.sip.sydney.twilio.com")));
        QVERIFY(uris.contains(QStringLiteral("sip:acme-pbx.sip.sao-paulo.twilio.com")));
        QVERIFY(uris.contains(QStringLiteral("sip:acme-pbx.sip.umatilla.twilio.com")));
        QCOMPARE(SipEdgeUris::uris(QStringLiteral("not-a-sip-domain.example.net")).size(), 1);
    }

    void prefixRules_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("ok");
        QTest::newRow("simple") << "acme-pbx" << true;
        QTest::newRow("digits") << "pbx2" << true;
        QTest::newRow("one char") << "a" << true;
        QTest::newRow("63 chars") << QString(63, u'a') << true;
        QTest::newRow("64 chars") << QString(64, u'a') << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("leading dash") << "-acme" << false;
        QTest::newRow("trailing dash") << "acme-" << false;
        QTest::newRow("dot") << "acme.pbx" << false;
        QTest::newRow("underscore") << "acme_pbx" << false;
        QTest::newRow("space") << "acme pbx" << false;
        QTest::newRow("newline") << "acme\n" << false;
        QTest::newRow("unicode") << QStringLiteral("acmé") << false;
    }
    void prefixRules()
    {
        QFETCH(QString, prefix);
        QFETCH(bool, ok);
        QCOMPARE(SipEdgeUris::checkPrefix(prefix).isEmpty(), ok);
    }

    void plainSheet()
    {
        InboundOptions options;
        const CutoverSheet sheet = makeCutoverSheet(result(), options);
        QVERIFY(!sheet.tlsRequired);
        QVERIFY(!sheet.srtpRequired);
        const QString text = sheet.asText();
        QVERIFY(text.contains(QLatin1String("sip:acme-pbx.sip.twilio.com\n")));
        QVERIFY(text.contains(QLatin1String("sip:acme-pbx.sip.tokyo.twilio.com\n")));
        QVERIFY(text.contains(QLatin1String("port 5060")));
        QVERIFY(text.contains(QLatin1String("SRTP not required")));
        QVERIFY(text.contains(QLatin1String("PBX addresses (AL0123456789abcdef0123456789abcdef)")));
        QVERIFY(text.contains(QLatin1String("PBX users (CL0123456789abcdef0123456789abcdef)")));
        QVERIFY(text.contains(QLatin1String("sip:+61255501234@acme-pbx.sip.twilio.com")));
    }

    void secureSheetAsksForTlsAndSrtp()
    {
        InboundOptions options;
        options.secureMedia = true;
        InboundResult r = result();
        r.credentialLists.clear();
        const CutoverSheet sheet = makeCutoverSheet(r, options);
        QVERIFY(sheet.tlsRequired);
        QVERIFY(sheet.srtpRequired);
        const QString text = sheet.asText();
        QVERIFY(text.contains(QLatin1String("TLS on port 5061")));
        QVERIFY(text.contains(QLatin1String("SRTP is required")));
        QVERIFY(text.contains(QLatin1String("(none)")));
        QVERIFY(!text.contains(QLatin1String("digest challenge")));
    }
};

QTEST_GUILESS_MAIN(TestCutoverSheet)
#include "tst_cutoversheet.moc"
