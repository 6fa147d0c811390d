// CallEquivalence: the one decision of how a trunk's calls are carried (issue 8), for the
// seeded demo trunk's shape and for trunks with each setting on and off.
#include "callequivalence.h"

#include <QTest>

#include <algorithm>

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

NumberUrl number(int i, const QString &url = {})
{
    return NumberUrl{QStringLiteral("PN%1").arg(i, 32, 10, QLatin1Char('0')),
                     QStringLiteral("+6125550%1").arg(1000 + i), url};
}

// A trunk that does nothing beyond routing to one PBX.
TrunkSummary plainTrunk()
{
    TrunkSummary t;
    t.sid = QStringLiteral("TK") + QString(32, u'a');
    t.originationUrls = {url(QStringLiteral("sip:pbx.example.net"), 10, 10)};
    t.numbers.countries = {QStringLiteral("AU")};
    return t;
}

// The seeded demo trunk's shape: everything on.
TrunkSummary demoTrunk()
{
    TrunkSummary t = plainTrunk();
    t.secure = true;
    t.originationUrls = {url(QStringLiteral("sip:pbx-a.example.net:5060"), 10, 20),
                         url(QStringLiteral("sip:pbx-b.example.net;transport=tcp"), 10, 10),
                         url(QStringLiteral("sip:pbx-backup.example.net"), 20, 10),
                         url(QStringLiteral("sip:pbx-old.example.net"), 5, 10, false)};
    t.calls.recordingMode = QStringLiteral("record-from-answer-dual");
    t.calls.recordingTrim = QStringLiteral("trim-silence");
    t.calls.transferMode = QStringLiteral("enable-all");
    t.calls.transferCallerId = QStringLiteral("from-transferor");
    t.calls.cnamLookupEnabled = true;
    t.calls.disasterRecoveryUrl = QStringLiteral("https://dr.example.net/twiml/trunk-down");
    t.numbers.emergencyNumbers = {number(0), number(10)};
    t.numbers.faxNumbers = {number(7)};
    t.numbers.staleFallbackUrls = {number(3, QStringLiteral("https://old.example.net/fb"))};
    t.numbers.staleStatusCallbacks = {number(4, QStringLiteral("https://old.example.net/st"))};
    return t;
}

QStringList settings(const EquivalenceReport &report)
{
    QStringList out;
    for (const EquivalenceItem &i : report.items)
        out.append(i.setting);
    return out;
}
} // namespace

class TestCallEquivalence : public QObject
{
    Q_OBJECT
private slots:
    void demoTrunkIsCarried()
    {
        const CallEquivalence eq(demoTrunk(), {});
        QCOMPARE(eq.check(), QString());
        const EquivalenceReport report = eq.report();
        QCOMPARE(settings(report),
                 QStringList({"failover", "disaster-recovery", "secure", "fallback",
                              "stale-fallback", "stale-status-callback", "recording", "transfers",
                              "answer-supervision", "ring-timeout", "time-limit", "caller-name",
                              "sip-headers", "emergency", "caller-id", "fax-numbers"}));
        // Only the fax numbers cannot be carried; everything else is kept or translated.
        QCOMPARE(report.unacknowledged({}), QStringList{"fax-numbers"});
        QCOMPARE(report.item("failover")->carry, EquivalenceItem::Carry::Translated);
        QCOMPARE(report.item("secure")->carry, EquivalenceItem::Carry::Same);
        QVERIFY(report.item("fax-numbers")->onTrunk.contains(number(7).phoneNumber));
        QVERIFY(report.unacknowledged({"fax-numbers"}).isEmpty());
    }

    void demoBehaviour()
    {
        const CallBehaviour b = CallEquivalence(demoTrunk(), {}).behaviour();
        // Enabled URLs only, in the trunk's priority order, each whole.
        QCOMPARE(b.targets.size(), 3);
        QCOMPARE(b.targets.at(0).sipUrl, QStringLiteral("sip:pbx-a.example.net:5060"));
        QCOMPARE(b.targets.at(0).weight, 20);
        QCOMPARE(b.targets.at(1).sipUrl, QStringLiteral("sip:pbx-b.example.net;transport=tcp"));
        QCOMPARE(b.targets.at(2).priority, 20);
        QCOMPARE(b.disasterRecoveryUrl, QStringLiteral("https://dr.example.net/twiml/trunk-down"));
        QCOMPARE(b.recordingMode, QStringLiteral("record-from-answer-dual"));
        QCOMPARE(b.recordingTrim, QStringLiteral("trim-silence"));
        QCOMPARE(b.transferMode, QStringLiteral("enable-all"));
        QCOMPARE(b.transferCallerId, QStringLiteral("from-transferor"));
        QVERIFY(b.passCallerName);
        QCOMPARE(b.country, QStringLiteral("AU"));
        QCOMPARE(b.ringTimeoutSeconds, 600);
        QCOMPARE(b.timeLimitSeconds, 86400);
        const CallEquivalence eq(demoTrunk(), {});
        QVERIFY(eq.emergencyCalling());
        QCOMPARE(eq.fallbackUrl(), QStringLiteral("https://dr.example.net/twiml/trunk-down"));
        QVERIFY(eq.secure());
    }

    void plainTrunkNeedsNothing()
    {
        CallChoices choices;
        choices.fallbackUrl = QStringLiteral("https://fallback.example.net/voice");
        const EquivalenceReport report = CallEquivalence(plainTrunk(), choices).report();
        QVERIFY(report.unacknowledged({}).isEmpty());
        for (const char *absent : {"recording", "transfers", "caller-name", "symmetric-rtp",
                                   "fax-numbers", "emergency", "disaster-recovery", "user-part"})
            QVERIFY2(!report.item(QLatin1String(absent)), absent);
        QCOMPARE(report.item("failover")->carry, EquivalenceItem::Carry::Same);
    }

    // Each refusal the issue names is an item that needs an acknowledgement.
    void lossesNeedAcknowledgement_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::newRow("collapsed failover") << "failover";
        QTest::newRow("dropped recording") << "recording";
        QTest::newRow("dropped transfers") << "transfers";
        QTest::newRow("dropped DR URL") << "disaster-recovery";
        QTest::newRow("dropped emergency") << "emergency";
        QTest::newRow("TLS downgrade") << "secure";
        QTest::newRow("no fallback") << "fallback";
        QTest::newRow("symmetric RTP") << "symmetric-rtp";
        QTest::newRow("kept stale fallback") << "stale-fallback";
        QTest::newRow("kept stale status callback") << "stale-status-callback";
        QTest::newRow("dropped caller name") << "caller-name";
    }
    void lossesNeedAcknowledgement()
    {
        QFETCH(QString, setting);
        TrunkSummary trunk = demoTrunk();
        CallChoices choices;
        std::optional<bool> secure;
        if (setting == "failover")
            choices.pbxDomain = QStringLiteral("pbx-a.example.net");
        else if (setting == "secure")
            secure = false;
        else if (setting == "fallback")
            choices.fallbackToDisasterRecovery = false;
        else if (setting == "symmetric-rtp")
            trunk.calls.symmetricRtpEnabled = true;
        else if (setting == "stale-fallback")
            choices.staleFallback = CallChoices::StaleUrl::Keep;
        else if (setting == "stale-status-callback")
            choices.staleStatusCallback = CallChoices::StaleUrl::Keep;
        else
            choices.dropped = {setting};
        const CallEquivalence eq(trunk, choices, secure);
        QCOMPARE(eq.check(), QString());
        const EquivalenceReport report = eq.report();
        const EquivalenceItem *item = report.item(setting);
        QVERIFY(item);
        QCOMPARE(item->carry, EquivalenceItem::Carry::Lost);
        QVERIFY(item->needsAcknowledgement);
        QVERIFY(!item->change.isEmpty());
        QVERIFY(report.unacknowledged({"fax-numbers"}).contains(setting));
        QVERIFY(!report.unacknowledged({"fax-numbers", setting}).contains(setting));
    }

    void droppedSettingsLeaveTheHandlers()
    {
        CallChoices choices;
        choices.dropped = {"recording", "transfers", "disaster-recovery", "caller-name",
                           "emergency"};
        const CallEquivalence eq(demoTrunk(), choices);
        const CallBehaviour b = eq.behaviour();
        QCOMPARE(b.recordingMode, QStringLiteral("do-not-record"));
        QCOMPARE(b.transferMode, QStringLiteral("disable-all"));
        QVERIFY(b.disasterRecoveryUrl.isEmpty());
        QVERIFY(!b.passCallerName);
        QVERIFY(!eq.emergencyCalling());
        // Without the DR URL there is no fallback either, unless one is given.
        QVERIFY(eq.fallbackUrl().isEmpty());
    }

    void typedPbxDomainReplacesTheTable()
    {
        CallChoices choices;
        choices.pbxDomain = QStringLiteral("pbx.example.net");
        QVERIFY(CallEquivalence(demoTrunk(), choices).behaviour().targets.isEmpty());
        // One enabled URL: nothing is lost by naming its host.
        const EquivalenceReport report = CallEquivalence(plainTrunk(), choices).report();
        QCOMPARE(report.item("failover")->carry, EquivalenceItem::Carry::Same);
    }

    void userPartIsReported()
    {
        TrunkSummary trunk = plainTrunk();
        trunk.originationUrls = {url(QStringLiteral("sip:trunk1@pbx.example.net"), 10, 10)};
        const EquivalenceItem *item = CallEquivalence(trunk, {}).report().item("user-part");
        QVERIFY(item);
        QCOMPARE(item->carry, EquivalenceItem::Carry::Translated);
    }

    void ownFallbackWins()
    {
        CallChoices choices;
        choices.fallbackUrl = QStringLiteral("https://fallback.example.net/voice");
        const CallEquivalence eq(demoTrunk(), choices);
        QCOMPARE(eq.fallbackUrl(), choices.fallbackUrl);
        QVERIFY(eq.report().item("stale-fallback")->after.contains(choices.fallbackUrl));
    }

    void whatTwilioDidNotSayIsLost()
    {
        TrunkSummary trunk = demoTrunk();
        trunk.calls.unknown = {QStringLiteral("recording"), QStringLiteral("transfers")};
        const EquivalenceReport report = CallEquivalence(trunk, {}).report();
        for (const char *setting : {"recording", "transfers"}) {
            const EquivalenceItem *item = report.item(QLatin1String(setting));
            QVERIFY2(item, setting);
            QCOMPARE(item->carry, EquivalenceItem::Carry::Lost);
            QVERIFY(item->needsAcknowledgement);
            QVERIFY(item->onTrunk.startsWith(QLatin1String("Unknown")));
        }
        // One row each, not a second "carried" one from the defaults standing in.
        QCOMPARE(std::count_if(report.items.cbegin(), report.items.cend(),
                               [](const EquivalenceItem &i) { return i.setting == "recording"; }),
                 1);
        QVERIFY(CallEquivalence(trunk, {}).behaviour().recordingMode == "do-not-record");
    }

    void drFallbackKeepsTheTrunksMethod()
    {
        TrunkSummary trunk = demoTrunk();
        trunk.calls.disasterRecoveryMethod = QStringLiteral("GET");
        QCOMPARE(CallEquivalence(trunk, {}).fallbackMethod(), QStringLiteral("GET"));
        CallChoices own;
        own.fallbackUrl = QStringLiteral("https://fallback.example.net/voice");
        QCOMPARE(CallEquivalence(trunk, own).fallbackMethod(), QStringLiteral("POST"));
    }

    void emergencyCallerNumber()
    {
        CallChoices choices;
        choices.emergencyCallerSid = number(10).sid;
        QCOMPARE(CallEquivalence(demoTrunk(), choices).behaviour().emergencyCallerId,
                 number(10).phoneNumber);
    }

    void badChoices_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown drop") << "drop"
                                      << "everything"
                                      << "can be dropped";
        QTest::newRow("fallback not a URL") << "fallback"
                                            << "not a url"
                                            << "fallback URL";
        QTest::newRow("fallback on Functions") << "fallback"
                                               << "https://trunk-migrator-1234.twil.io/x"
                                               << "Functions";
        QTest::newRow("ring too short") << "ring"
                                        << "2"
                                        << "ring time";
        QTest::newRow("ring too long") << "ring"
                                       << "601"
                                       << "ring time";
        QTest::newRow("time limit") << "limit"
                                    << "86401"
                                    << "time limit";
        QTest::newRow("country") << "country"
                                 << "XX"
                                 << "country";
        QTest::newRow("emergency caller") << "caller"
                                          << "PN123"
                                          << "emergency caller";
        QTest::newRow("emergency caller off the trunk's emergency numbers")
            << "caller" << number(5).sid << "registered emergency address";
        QTest::newRow("default caller") << "default"
                                        << "0255501234"
                                        << "E.164";
    }
    void badChoices()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        CallChoices c;
        if (field == "drop")
            c.dropped = {value};
        else if (field == "fallback")
            c.fallbackUrl = value;
        else if (field == "ring")
            c.ringTimeoutSeconds = value.toInt();
        else if (field == "limit")
            c.timeLimitSeconds = value.toInt();
        else if (field == "country")
            c.country = value;
        else if (field == "caller")
            c.emergencyCallerSid = value;
        else
            c.defaultCallerId = value;
        const QString problem = CallEquivalence(demoTrunk(), c).check();
        QVERIFY2(problem.contains(message, Qt::CaseInsensitive), qPrintable(problem));
    }

    void countryOf()
    {
        QCOMPARE(CallEquivalence::countryOf("+61255501234"), QStringLiteral("AU"));
        QCOMPARE(CallEquivalence::countryOf("+353115550123"), QStringLiteral("IE"));
        QCOMPARE(CallEquivalence::countryOf("+12025550123"), QStringLiteral("US"));
        QCOMPARE(CallEquivalence::countryOf("+81355501234"), QString());
    }
};

QTEST_GUILESS_MAIN(TestCallEquivalence)
#include "tst_callequivalence.moc"
