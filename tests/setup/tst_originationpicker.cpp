#include "originationpicker.h"
#include "outboundsetup.h"

#include <QTest>

namespace {
OriginationInfo url(const QString &sipUrl, int priority, int weight, bool enabled = true)
{
    OriginationInfo info;
    info.sipUrl = sipUrl;
    info.priority = priority;
    info.weight = weight;
    info.enabled = enabled;
    return info;
}
} // namespace

class TestOriginationPicker : public QObject
{
    Q_OBJECT
private slots:
    void hostOf_data()
    {
        QTest::addColumn<QString>("sipUrl");
        QTest::addColumn<QString>("host");
        QTest::newRow("plain") << "sip:pbx.example.net"
                               << "pbx.example.net";
        QTest::newRow("default port dropped") << "sip:pbx.example.net:5060"
                                              << "pbx.example.net";
        QTest::newRow("other port kept") << "sip:pbx.example.net:5080"
                                         << "pbx.example.net:5080";
        QTest::newRow("params") << "sip:PBX.example.net:5060;transport=tcp;edge=x"
                                << "pbx.example.net";
        QTest::newRow("user and headers") << "sip:trunk@pbx.example.net?X=1"
                                          << "pbx.example.net";
        QTest::newRow("sips") << "sips:pbx.example.net:5061"
                              << "pbx.example.net:5061";
        QTest::newRow("sips keeps 5060") << "sips:pbx.example.net:5060"
                                         << "pbx.example.net:5060";
        QTest::newRow("tls transport keeps 5060") << "sip:pbx.example.net:5060;transport=TLS"
                                                  << "pbx.example.net:5060";
        QTest::newRow("not sip") << "https://pbx.example.net"
                                 << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void hostOf()
    {
        QFETCH(QString, sipUrl);
        QFETCH(QString, host);
        QCOMPARE(OriginationPicker::hostOf(sipUrl), host);
    }

    void prefersLowestPriorityThenHighestWeight()
    {
        const QVector<OriginationInfo> urls{
            url(QStringLiteral("sip:disabled.example.net"), 0, 100, false),
            url(QStringLiteral("sip:backup.example.net"), 20, 50),
            url(QStringLiteral("sip:light.example.net"), 10, 5),
            url(QStringLiteral("sip:heavy.example.net:5070"), 10, 30),
        };
        QCOMPARE(OriginationPicker::defaultPbxDomain(urls),
                 QStringLiteral("heavy.example.net:5070"));
        QCOMPARE(OriginationPicker::defaultPbxDomain({urls.first()}), QString());
    }

    void outboundDefaultsToThePreferredHost()
    {
        TrunkSummary trunk;
        trunk.originationUrls = {url(QStringLiteral("sip:b.example.net"), 20, 10),
                                 url(QStringLiteral("sip:a.example.net"), 10, 10)};
        OutboundOptions options;
        QCOMPARE(OutboundSetup::pbxDomainFor(options, trunk), QStringLiteral("a.example.net"));
        options.pbxDomain = QStringLiteral("chosen.example.net");
        QCOMPARE(OutboundSetup::pbxDomainFor(options, trunk), QStringLiteral("chosen.example.net"));
    }
};

QTEST_GUILESS_MAIN(TestOriginationPicker)
#include "tst_originationpicker.moc"
