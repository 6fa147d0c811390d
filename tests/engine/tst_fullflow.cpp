// Steps 1 to 4 through MigrationService on the sandbox, as the wizard and the CLI drive them:
// inbound handler and SIP domain, outbound handler with its test number, the cut-over sheet,
// then every number migrated to the deployed handler, and the handler remembered by the next
// session.
#include "enginefixture.h"

#include <QTest>

class TestFullFlow : public QObject
{
    Q_OBJECT
private slots:
    void stepsOneToFour();
};

void TestFullFlow::stepsOneToFour()
{
    EngineFixture f;
    QString problem = f.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    f.server().setBuildDurationMs(50);
    const QStringList sids = f.mainTrunkSids();
    const auto before = f.numbers();
    const QString trunk = f.server().trunkSid();
    auto service = f.newService(&problem);
    QVERIFY2(service, qPrintable(problem));

    // Step 1.
    InboundOptions in;
    in.trunkSid = trunk;
    in.domainPrefix = QStringLiteral("acme-pbx");
    in.friendlyName = QStringLiteral("Acme PBX");
    const auto inbound = waitEnd(service->setupInbound(in), 30000);
    QVERIFY2(inbound.ended(), "step 1 timed out");
    QVERIFY2(inbound.result, qPrintable(inbound.why()));
    const InboundResult inResult = *inbound.result;
    QCOMPARE(inResult.domainName, QStringLiteral("acme-pbx.sip.twilio.com"));
    QVERIFY(!inResult.sipUris.isEmpty());
    QCOMPARE(inResult.handlerUrl.scheme(), QStringLiteral("https"));

    // Step 3's sheet comes from step 1.
    const CutoverSheet sheet = service->cutoverSheet();
    QCOMPARE(sheet.domainName, inResult.domainName);
    QCOMPARE(sheet.ipAccessControlLists.size(), 1);
    QCOMPARE(sheet.credentialLists.size(), 1);

    // Step 2, with the first number as the test number.
    OutboundOptions out;
    out.trunkSid = trunk;
    out.testNumberSid = sids.first();
    const auto outbound = waitEnd(service->setupOutbound(out), 30000);
    QVERIFY2(outbound.ended(), "step 2 timed out");
    QVERIFY2(outbound.result, qPrintable(outbound.why()));
    const OutboundResult outResult = *outbound.result;
    QVERIFY(outResult.handlerUrl.isValid());
    const QString handler = outResult.handlerUrl.toString();
    QCOMPARE(f.numbers().value(sids.first()).voiceUrl, std::optional(handler));

    QVERIFY(waitJob(service->loadRecentCalls(outResult.testPhoneNumber), 15000));

    // Step 4 to the deployed handler (no URL given): the test number is already done.
    const auto summary = waitRun(*service, [&] { return service->migrate(sids); });
    QVERIFY(summary);
    QCOMPARE(summary->migrated, 249);
    QCOMPARE(summary->alreadyMigrated, 1);
    const auto now = f.numbers();
    for (const QString &sid : sids) {
        QCOMPARE(now.value(sid).voiceUrl, std::optional(handler));
        QVERIFY(!now.value(sid).trunkSid.has_value());
    }

    // A new session (the CLI's next command) knows the handler from the journal.
    service.reset();
    auto next = f.newService(&problem);
    QVERIFY2(next, qPrintable(problem));
    const auto plan = waitJob(next->plan(sids), 15000);
    QVERIFY(plan);
    QCOMPARE(plan->alreadyMigrated, 250);
    QCOMPARE(plan->voiceUrl, handler);

    // The test number reverts to its settings from before step 2.
    QVERIFY(waitRun(*next, [&] { return next->revert({sids.first()}); }));
    QCOMPARE(voiceFields(f.numbers().value(sids.first())), voiceFields(before.value(sids.first())));
}

QTEST_GUILESS_MAIN(TestFullFlow)
#include "tst_fullflow.moc"
