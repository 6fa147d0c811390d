// VoiceSettings: the snapshot keeps null apart from "", and the restore update sends exactly
// the fields that differ.
#include "voicesettings.h"

#include <QJsonValue>
#include <QTest>

class TestVoiceSettings : public QObject
{
    Q_OBJECT
private slots:
    void snapshotKeepsNullsApart();
    void restoreSendsOnlyDifferences();
    void restoreClearsWithEmptyValue();
    void restoreLeavesApplicationSidWhenBackOnTrunk();
    void describeShowsNull();
    void restoreTurnsCallerNameLookupBack();
};

namespace {
IncomingPhoneNumber live()
{
    IncomingPhoneNumber n;
    n.voiceUrl = QStringLiteral("https://x.twil.io/outboundHandler");
    n.voiceMethod = QStringLiteral("POST");
    n.voiceFallbackUrl = std::nullopt;
    n.voiceFallbackMethod = QStringLiteral("POST");
    n.statusCallback = QStringLiteral("");
    n.statusCallbackMethod = QStringLiteral("POST");
    n.trunkSid = QStringLiteral("TK0123456789abcdef0123456789abcdef");
    return n;
}
} // namespace

void TestVoiceSettings::snapshotKeepsNullsApart()
{
    const QJsonObject s = VoiceSettings::snapshotOf(live());
    QCOMPARE(s.size(), VoiceSettings::fieldNames().size() + 1); // + voice_caller_id_lookup
    QCOMPARE(s.value(QLatin1String("voice_caller_id_lookup")), QJsonValue(false));
    QVERIFY(s.value(QLatin1String("voice_fallback_url")).isNull());
    QVERIFY(s.value(QLatin1String("status_callback")).isString());
    QCOMPARE(s.value(QLatin1String("status_callback")).toString(), QString());
    QVERIFY(s.value(QLatin1String("voice_application_sid")).isNull());
}

void TestVoiceSettings::restoreSendsOnlyDifferences()
{
    QJsonObject prior = VoiceSettings::snapshotOf(live());
    prior.insert(QLatin1String("voice_url"), QStringLiteral("https://pbx.example.net/voice"));
    prior.insert(QLatin1String("voice_method"), QStringLiteral("GET"));
    const IncomingPhoneNumberUpdate u = VoiceSettings::restoreUpdate(prior, live());
    QCOMPARE(u.voiceUrl, std::optional(QStringLiteral("https://pbx.example.net/voice")));
    QCOMPARE(u.voiceMethod, std::optional(QStringLiteral("GET")));
    QVERIFY(!u.voiceFallbackUrl && !u.statusCallback && !u.trunkSid && !u.voiceApplicationSid);
    QVERIFY(VoiceSettings::restoreUpdate(VoiceSettings::snapshotOf(live()), live()).isEmpty());
}

void TestVoiceSettings::restoreClearsWithEmptyValue()
{
    QJsonObject prior = VoiceSettings::snapshotOf(live());
    prior.insert(QLatin1String("voice_url"), QJsonValue::Null);
    const IncomingPhoneNumberUpdate u = VoiceSettings::restoreUpdate(prior, live());
    QVERIFY(u.voiceUrl.has_value());
    QCOMPARE(*u.voiceUrl, QString());
    QVERIFY(!u.voiceUrl->isNull()); // sent as VoiceUrl= (an empty value clears it)
    // "" and null are the same to Twilio's update: no call for that difference alone.
    IncomingPhoneNumber n = live();
    n.statusCallback = std::nullopt;
    QVERIFY(!VoiceSettings::restoreUpdate(VoiceSettings::snapshotOf(live()), n).statusCallback);
}

void TestVoiceSettings::restoreLeavesApplicationSidWhenBackOnTrunk()
{
    QJsonObject prior = VoiceSettings::snapshotOf(live());
    prior.insert(QLatin1String("voice_application_sid"),
                 QStringLiteral("AP0123456789abcdef0123456789abcdef"));
    QVERIFY(!VoiceSettings::restoreUpdate(prior, live()).voiceApplicationSid);
    prior.insert(QLatin1String("trunk_sid"), QJsonValue::Null); // a number on no trunk
    QCOMPARE(VoiceSettings::restoreUpdate(prior, live()).voiceApplicationSid,
             std::optional(QStringLiteral("AP0123456789abcdef0123456789abcdef")));
}

void TestVoiceSettings::describeShowsNull()
{
    const QString text = VoiceSettings::describe(
        VoiceSettings::snapshotOf(live()),
        {QStringLiteral("voice_fallback_url"), QStringLiteral("status_callback")});
    QCOMPARE(text, QStringLiteral("voice_fallback_url=null; status_callback="));
}

void TestVoiceSettings::restoreTurnsCallerNameLookupBack()
{
    // Step 4 turned it on (the trunk looked callers' names up); a revert turns it off again.
    IncomingPhoneNumber migrated = live();
    migrated.voiceCallerIdLookup = true;
    const auto update = VoiceSettings::restoreUpdate(VoiceSettings::snapshotOf(live()), migrated);
    QCOMPARE(update.voiceCallerIdLookup, std::optional<bool>(false));
    // A backup from before the field was kept leaves it alone.
    QJsonObject old = VoiceSettings::snapshotOf(live());
    old.remove(QLatin1String("voice_caller_id_lookup"));
    QVERIFY(!VoiceSettings::restoreUpdate(old, migrated).voiceCallerIdLookup);
}

QTEST_GUILESS_MAIN(TestVoiceSettings)
#include "tst_voicesettings.moc"
