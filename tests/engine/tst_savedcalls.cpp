// SavedCalls: what step 2 decided for the calls, as step 4 applies it (issue 8): the gate on
// unacknowledged changes, the fields a migrated number gets, and the journal round trip.
#include "journal.h"
#include "savedcalls.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Account = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString Trunk = QStringLiteral("TK0123456789abcdef0123456789abcdef");
const QString Fax = QStringLiteral("PN0000000000000000000000000000000f");
const QString Emergency = QStringLiteral("PN0000000000000000000000000000000e");
const QString Plain = QStringLiteral("PN0000000000000000000000000000000a");

EquivalenceItem item(const char *setting, bool needsAck)
{
    EquivalenceItem i;
    i.setting = QLatin1String(setting);
    i.title = QStringLiteral("Title of %1").arg(i.setting);
    i.onTrunk = QStringLiteral("on");
    i.after = QStringLiteral("after");
    i.carry = needsAck ? EquivalenceItem::Carry::Lost : EquivalenceItem::Carry::Translated;
    i.needsAcknowledgement = needsAck;
    return i;
}

SavedCalls saved()
{
    SavedCalls calls;
    calls.trunkSid = Trunk;
    calls.report.trunkSid = Trunk;
    calls.report.items = {item("recording", false), item("fax-numbers", true)};
    calls.fallbackUrl = QStringLiteral("https://dr.example.net/twiml");
    calls.faxSids = {Fax};
    calls.emergencySids = {Emergency};
    calls.emergencyOnDomain = true;
    return calls;
}

IncomingPhoneNumber live(const QString &fallback = {}, const QString &status = {})
{
    IncomingPhoneNumber n;
    n.sid = Plain;
    n.phoneNumber = QStringLiteral("+61255501234");
    if (!fallback.isEmpty())
        n.voiceFallbackUrl = fallback;
    n.statusCallback = status;
    return n;
}
} // namespace

class TestSavedCalls : public QObject
{
    Q_OBJECT
private slots:
    void faxIsNotARunGate()
    {
        // The fax numbers are refused one by one when read (tst_migrationflow), so the voice
        // numbers of the same selection still move.
        const SavedCalls calls = saved();
        QCOMPARE(calls.refusal({Plain, Emergency}, {}), QString());
        QCOMPARE(calls.refusal({Plain, Fax}, {}), QString());
    }

    void globalLossGatesEveryRun()
    {
        SavedCalls calls = saved();
        calls.report.items.append(item("failover", true));
        const QString refusal = calls.refusal({Plain}, {});
        QVERIFY2(refusal.contains("failover"), qPrintable(refusal));
        QVERIFY(refusal.startsWith("Nothing was changed"));
        QCOMPARE(calls.refusal({Plain}, {"failover"}), QString());
    }

    void emergencyNumbersNeedTheDomain()
    {
        SavedCalls calls = saved();
        calls.emergencyOnDomain = false;
        QCOMPARE(calls.refusal({Plain}, {}), QString());
        QVERIFY(calls.refusal({Emergency}, {}).contains("emergency"));
        QCOMPARE(calls.refusal({Emergency}, {"emergency"}), QString());
    }

    void nothingSavedNeedsUncheckedConsent()
    {
        // No step 2 for the trunk: nothing compared the calls, so that is what is acknowledged.
        const QString refusal = SavedCalls().refusal({Plain}, {});
        QVERIFY2(refusal.contains(QLatin1String("calls-unchecked")), qPrintable(refusal));
        QCOMPARE(SavedCalls().refusal({Plain}, {QStringLiteral("calls-unchecked")}), QString());
    }

    void drFallbackKeepsItsMethod()
    {
        SavedCalls calls = saved();
        calls.fallbackMethod = QStringLiteral("GET");
        const IncomingPhoneNumberUpdate update = calls.numberUpdate(live());
        QCOMPARE(update.voiceFallbackMethod, std::optional<QString>(QStringLiteral("GET")));
        // Same URL with the other method: the method is sent.
        IncomingPhoneNumber same = live(calls.fallbackUrl);
        same.voiceFallbackMethod = QStringLiteral("POST");
        QCOMPARE(calls.numberUpdate(same).voiceFallbackMethod,
                 std::optional<QString>(QStringLiteral("GET")));
        same.voiceFallbackMethod = QStringLiteral("GET");
        QVERIFY(calls.numberUpdate(same).isEmpty());
    }

    void numberUpdate_data()
    {
        QTest::addColumn<int>("fallbackPolicy");
        QTest::addColumn<QString>("newFallback");
        QTest::addColumn<QString>("ownFallback");
        QTest::addColumn<QString>("ownStatus");
        QTest::addColumn<QString>("sentFallback"); // "-" = not sent
        QTest::addColumn<QString>("sentStatus");
        const int replace = int(CallChoices::StaleUrl::Replace);
        const int keep = int(CallChoices::StaleUrl::Keep);
        const QString fb = QStringLiteral("https://dr.example.net/twiml");
        const QString old = QStringLiteral("https://old.example.net/x");
        QTest::newRow("new fallback") << replace << fb << ""
                                      << "" << fb << "-";
        QTest::newRow("replaces own") << replace << fb << old << "" << fb << "-";
        QTest::newRow("already set") << replace << fb << fb << ""
                                     << "-"
                                     << "-";
        QTest::newRow("none: own cleared") << replace << "" << old << ""
                                           << ""
                                           << "-";
        QTest::newRow("none and none") << replace << ""
                                       << ""
                                       << ""
                                       << "-"
                                       << "-";
        QTest::newRow("keep own") << keep << fb << old << ""
                                  << "-"
                                  << "-";
        QTest::newRow("keep: gets new when none") << keep << fb << ""
                                                  << "" << fb << "-";
        QTest::newRow("status cleared") << replace << fb << fb << old << "-"
                                        << "";
    }
    void numberUpdate()
    {
        QFETCH(int, fallbackPolicy);
        QFETCH(QString, newFallback);
        QFETCH(QString, ownFallback);
        QFETCH(QString, ownStatus);
        QFETCH(QString, sentFallback);
        QFETCH(QString, sentStatus);
        SavedCalls calls = saved();
        calls.fallbackUrl = newFallback;
        calls.staleFallback = CallChoices::StaleUrl(fallbackPolicy);
        const IncomingPhoneNumberUpdate update = calls.numberUpdate(live(ownFallback, ownStatus));
        QCOMPARE(update.voiceFallbackUrl.value_or(QStringLiteral("-")), sentFallback);
        QCOMPARE(update.statusCallback.value_or(QStringLiteral("-")), sentStatus);
        QCOMPARE(update.voiceFallbackMethod.has_value(),
                 update.voiceFallbackUrl.has_value() && !update.voiceFallbackUrl->isEmpty());
        QVERIFY(update.check().isEmpty());
    }

    void callerNameLookup()
    {
        SavedCalls calls = saved();
        calls.callerIdLookup = true;
        QCOMPARE(calls.numberUpdate(live()).voiceCallerIdLookup, std::optional<bool>(true));
        IncomingPhoneNumber on = live();
        on.voiceCallerIdLookup = true;
        QVERIFY(!calls.numberUpdate(on).voiceCallerIdLookup);
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        Journal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("journal.db"))));
        QVERIFY(SavedCalls::load(journal, Account, Trunk).isNull());
        SavedCalls calls = saved();
        calls.staleStatusCallback = CallChoices::StaleUrl::Keep;
        calls.callerIdLookup = true;
        calls.fallbackMethod = QStringLiteral("GET");
        QVERIFY(SavedCalls::save(journal, Account, calls));
        QVERIFY(SavedCalls::saveEmergencyOnDomain(journal, Account, Trunk, true));
        const SavedCalls back = SavedCalls::load(journal, Account, Trunk);
        QCOMPARE(back.fallbackMethod, QStringLiteral("GET"));
        QCOMPARE(back.trunkSid, Trunk);
        QCOMPARE(back.report.items.size(), 2);
        QCOMPARE(back.report.items.at(1).setting, QStringLiteral("fax-numbers"));
        QCOMPARE(back.report.items.at(1).carry, EquivalenceItem::Carry::Lost);
        QCOMPARE(back.report.unacknowledged({}), QStringList{"fax-numbers"});
        QCOMPARE(back.fallbackUrl, calls.fallbackUrl);
        QCOMPARE(back.staleStatusCallback, CallChoices::StaleUrl::Keep);
        QVERIFY(back.callerIdLookup);
        QCOMPARE(back.faxSids, QStringList{Fax});
        QCOMPARE(back.emergencySids, QStringList{Emergency});
        QVERIFY(back.emergencyOnDomain);
        // Per account and per trunk: another account, or another trunk, has nothing saved.
        QVERIFY(
            SavedCalls::load(journal, QStringLiteral("AC") + QString(32, u'1'), Trunk).isNull());
        const QString other = QStringLiteral("TK") + QString(32, u'2');
        QVERIFY(SavedCalls::load(journal, Account, other).isNull());
        QVERIFY(!SavedCalls::load(journal, Account, other).emergencyOnDomain);
        calls.trunkSid = other;
        calls.fallbackUrl = QStringLiteral("https://other.example.net/fb");
        QVERIFY(SavedCalls::save(journal, Account, calls));
        QCOMPARE(SavedCalls::load(journal, Account, Trunk).fallbackUrl, back.fallbackUrl);
    }

    void earlierVersionsKeyIsRead()
    {
        // A journal written before the settings were kept per trunk: read for its own trunk.
        QTemporaryDir dir;
        Journal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("journal.db"))));
        const QString old =
            QStringLiteral(
                "{\"trunk_sid\":\"%1\",\"items\":[],\"fallback_url\":\"https://dr.example.net/x\"}")
                .arg(Trunk);
        QVERIFY(journal.setSetupValue(Account, QStringLiteral("engine.calls"), old));
        QVERIFY(journal.setSetupValue(Account, QStringLiteral("engine.domain_emergency_calling"),
                                      QStringLiteral("true")));
        const SavedCalls back = SavedCalls::load(journal, Account, Trunk);
        QCOMPARE(back.fallbackUrl, QStringLiteral("https://dr.example.net/x"));
        QCOMPARE(back.fallbackMethod, QStringLiteral("POST"));
        QVERIFY(back.emergencyOnDomain);
        QVERIFY(
            SavedCalls::load(journal, Account, QStringLiteral("TK") + QString(32, u'3')).isNull());
    }

    void unreadableIsNull()
    {
        QTemporaryDir dir;
        Journal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("journal.db"))));
        QVERIFY(journal.setSetupValue(Account, QStringLiteral("engine.calls.") + Trunk.toLower(),
                                      "{not json"));
        QVERIFY(SavedCalls::load(journal, Account, Trunk).isNull());
    }
};

QTEST_GUILESS_MAIN(TestSavedCalls)
#include "tst_savedcalls.moc"
