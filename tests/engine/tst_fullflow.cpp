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
    QSignalSpy failed(service.get(), &MigrationBackend::failed);

    // Step 1.
    QSignalSpy inbound(service.get(), &MigrationBackend::inboundReady);
    InboundOptions in;
    in.trunkSid = trunk;
    in.domainPrefix = QStringLiteral("acme-pbx");
    in.friendlyName = QStringLiteral("Acme PBX");
    service->setupInbound(in);
    QVERIFY2(waitAny({&inbound, &failed}, 30000), "step 1 timed out");
    QVERIFY2(failed.isEmpty(),
             qPrintable(failed.value(0).value(1).value<OperationError>().message));
    const auto inResult = inbound.first().at(0).value<InboundResult>();
    QCOMPARE(inResult.domainName, QStringLiteral("acme-pbx.sip.twilio.com"));
    QVERIFY(!inResult.sipUris.isEmpty());
    QCOMPARE(inResult.handlerUrl.scheme(), QStringLiteral("https"));

    // Step 3's sheet comes from step 1.
    const CutoverSheet sheet = service->cutoverSheet();
    QCOMPARE(sheet.domainName, inResult.domainName);
    QCOMPARE(sheet.ipAccessControlLists.size(), 1);
    QCOMPARE(sheet.credentialLists.size(), 1);

    // Step 2, with the first number as the test number.
    QSignalSpy outbound(service.get(), &MigrationBackend::outboundReady);
    OutboundOptions out;
    out.trunkSid = trunk;
    out.testNumberSid = sids.first();
    service->setupOutbound(out);
    QVERIFY2(waitAny({&outbound, &failed}, 30000), "step 2 timed out");
    QVERIFY2(failed.isEmpty(),
             qPrintable(failed.value(0).value(1).value<OperationError>().message));
    const auto outResult = outbound.first().at(0).value<OutboundResult>();
    QVERIFY(outResult.handlerUrl.isValid());
    const QString handler = outResult.handlerUrl.toString();
    QCOMPARE(f.numbers().value(sids.first()).voiceUrl, std::optional(handler));

    QSignalSpy calls(service.get(), &MigrationBackend::callsLoaded);
    service->loadRecentCalls(outResult.testPhoneNumber);
    QVERIFY(calls.wait(15000));

    // Step 4 to the deployed handler (no URL given): the test number is already done.
    const auto summary = waitRun(*service, [&] { service->migrate(sids); });
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
    QSignalSpy plan(next.get(), &MigrationBackend::planReady);
    next->plan(sids);
    QVERIFY(plan.wait(15000));
    QCOMPARE(plan.first().at(0).value<MigrationPlan>().alreadyMigrated, 250);
    QCOMPARE(plan.first().at(0).value<MigrationPlan>().voiceUrl, handler);

    // The test number reverts to its settings from before step 2.
    QVERIFY(waitRun(*next, [&] { next->revert({sids.first()}); }));
    QCOMPARE(voiceFields(f.numbers().value(sids.first())), voiceFields(before.value(sids.first())));
}

QTEST_GUILESS_MAIN(TestFullFlow)
#include "tst_fullflow.moc"
