// Regions without the trunk's PhoneNumbers subresource (IE1): the sandbox answers 404 20404 on
// /v1/Trunks/{TK}/PhoneNumbers, and the engine moves numbers with the IncomingPhoneNumber's
// TrunkSid instead, both ways. Checked field by field on the sandbox.
#include "enginefixture.h"

#include <QFile>
#include <QTest>

class TestIe1Fallback : public QObject
{
    Q_OBJECT
private slots:
    void migrateAndRevertWithoutTrunkPhoneNumbers();
};

void TestIe1Fallback::migrateAndRevertWithoutTrunkPhoneNumbers()
{
    SandboxOptions options;
    options.numbers = 20;
    EngineFixture f(options);
    QString problem = f.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString trunk = f.server().trunkSid();
    const QStringList all = f.mainTrunkSids();
    const QStringList sids = all.mid(0, 5); // one of each kind of seeded number
    const auto before = f.numbers();
    f.server().setTrunkPhoneNumbersAvailable(false);

    auto service = f.newService(&problem); // listing the trunk's numbers answers 404 too
    QVERIFY2(service, qPrintable(problem));
    const auto migrated =
        waitRun(*service, [&] { return service->migrate(sids, EngineFixture::handlerUrl()); });
    QVERIFY(migrated);
    QCOMPARE(migrated->migrated, 5);
    QCOMPARE(migrated->failed, 0);
    auto now = f.numbers();
    for (const QString &sid : sids) {
        QJsonObject expected = voiceFields(before.value(sid));
        expected.insert(QLatin1String("voice_url"), EngineFixture::handlerUrl().toString());
        expected.insert(QLatin1String("voice_method"), QStringLiteral("POST"));
        expected.insert(QLatin1String("trunk_sid"), QJsonValue::Null);
        QCOMPARE(voiceFields(now.value(sid)), expected);
    }
    for (const QString &sid : all.mid(5)) // the others untouched
        QCOMPARE(voiceFields(now.value(sid)), voiceFields(before.value(sid)));

    const auto reverted = waitRun(*service, [&] { return service->revert(sids); });
    QVERIFY(reverted);
    QCOMPARE(reverted->reverted, 5);
    QCOMPARE(reverted->failed, 0);
    now = f.numbers();
    for (const QString &sid : sids) {
        QCOMPARE(voiceFields(now.value(sid)), voiceFields(before.value(sid)));
        QCOMPARE(now.value(sid).trunkSid, std::optional(trunk));
    }

    // The ways taken, on record: every removal and every add-back went through TrunkSid.
    const QString csvPath = f.journalPath() + QStringLiteral(".csv");
    QVERIFY(waitJob(service->exportAudit(csvPath), 5000));
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QCOMPARE(csv.count(",clear_trunk_sid,"), 5);
    QCOMPARE(csv.count(",set_trunk_sid,"), 5);
    QCOMPARE(csv.count(",remove_from_trunk,"), 5); // each 404, then checked and replaced
    QCOMPARE(csv.count(",add_to_trunk,"), 5);

    // With the subresource back, the trunk lists the numbers again (the association is one).
    f.server().setTrunkPhoneNumbersAvailable(true);
    const auto rows = waitJob(service->loadNumbers(trunk), 15000);
    QVERIFY(rows);
    int onTrunk = 0;
    for (const NumberInfo &row : *rows)
        onTrunk += row.trunkSid == trunk ? 1 : 0;
    QCOMPARE(onTrunk, 20);
}

QTEST_GUILESS_MAIN(TestIe1Fallback)
#include "tst_ie1fallback.moc"
