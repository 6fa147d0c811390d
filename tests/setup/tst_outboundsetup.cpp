// Step 2 against the in-process sandbox: the outbound handler, PBX_DOMAIN and the test number.
#include "inboundsetup.h"
#include "outboundsetup.h"
#include "serverlessapi.h"
#include "setupfixture.h"
#include "trunkingapi.h"
#include "voiceapi.h"

#include <QFile>
#include <QJsonArray>

class TestOutboundSetup : public QObject
{
    Q_OBJECT

    std::unique_ptr<SetupFixture> f;
    TrunkSummary trunk;
    IncomingPhoneNumber testNumber;

    template<class Setup, class Options, class Result> struct Run
    {
        std::unique_ptr<Setup> setup;
        std::unique_ptr<QSignalSpy> finished, failed;
        Result result() const { return finished->first().first().template value<Result>(); }
        QString error() const { return failureMessage(*failed); }
    };
    using OutRun = Run<OutboundSetup, OutboundOptions, OutboundResult>;

    OutRun outbound(const OutboundOptions &options)
    {
        OutRun r;
        r.setup =
            std::make_unique<OutboundSetup>(f->client(), f->journal(), f->audit(), f->accountSid());
        r.setup->setBuildTiming(20, 5000);
        r.setup->setExportDirectory(f->tempPath(QStringLiteral("export")));
        r.finished = std::make_unique<QSignalSpy>(r.setup.get(), &OutboundSetup::finished);
        r.failed = std::make_unique<QSignalSpy>(r.setup.get(), &OutboundSetup::failed);
        r.setup->start(options, trunk);
        waitForOutcome(*r.finished, *r.failed);
        return r;
    }
    bool inbound()
    {
        InboundSetup setup(f->client(), f->journal(), f->audit(), f->accountSid());
        setup.setBuildTiming(20, 5000);
        QSignalSpy finished(&setup, &InboundSetup::finished);
        QSignalSpy failed(&setup, &InboundSetup::failed);
        InboundOptions o;
        o.domainPrefix = QStringLiteral("acme-pbx");
        o.calls.accepted = {QStringLiteral("fallback")}; // the fixture's trunk has no DR URL
        setup.start(o, trunk);
        return waitForOutcome(finished, failed) && finished.count() == 1;
    }
    OutboundOptions options() const
    {
        OutboundOptions o;
        o.trunkSid = trunk.sid;
        o.testNumberSid = testNumber.sid;
        o.calls.accepted = {QStringLiteral("fallback")};
        return o;
    }
    IncomingPhoneNumber number(const QString &sid)
    {
        return f
            ->await<IncomingPhoneNumber>([&](QObject *c, auto done) {
                return f->client()->voice().fetchIncomingPhoneNumber(sid, c, done);
            })
            .value;
    }
    QList<ServerlessService> services()
    {
        return f
            ->await<QList<ServerlessService>>([&](QObject *c, auto done) {
                return f->client()->serverless().listServices(c, done);
            })
            .value;
    }
    ServerlessEnvironment environment(const QString &service)
    {
        return f
            ->await<QList<ServerlessEnvironment>>([&](QObject *c, auto done) {
                return f->client()->serverless().listEnvironments(service, c, done);
            })
            .value.value(0);
    }

private slots:
    void init()
    {
        f = std::make_unique<SetupFixture>();
        QCOMPARE(f->start(), QString());
        trunk = f->trunkSummary();
        const auto numbers = f->await<QList<IncomingPhoneNumber>>([&](QObject *c, auto done) {
            return f->client()->trunking().listTrunkPhoneNumbers(trunk.sid, c, done);
        });
        QVERIFY(!numbers.value.isEmpty());
        testNumber = numbers.value.first();
    }
    void cleanup() { f.reset(); }

    void deploysNextToInboundAndMovesTheTestNumber()
    {
        QVERIFY(inbound());
        const IncomingPhoneNumber before = number(testNumber.sid);
        const OutRun r = outbound(options());
        QVERIFY2(r.finished->count() == 1, qPrintable(r.error()));
        const OutboundResult result = r.result();
        QCOMPARE(result.handlerUrl.path(), QStringLiteral("/outboundHandler"));
        QCOMPARE(result.testNumberSid, testNumber.sid);
        QCOMPARE(result.testPhoneNumber, testNumber.phoneNumber);
        QVERIFY(!result.selfHosted);

        // One service; its live build serves both handlers; PBX_DOMAIN is the preferred
        // origination host (sip:pbx.example.net:5060, priority 10).
        const auto all = services();
        QCOMPARE(all.size(), 1);
        const ServerlessEnvironment env = environment(all.first().sid);
        QCOMPARE(result.handlerUrl.host(), env.domainName);
        const auto build = f->await<ServerlessBuild>([&](QObject *c, auto done) {
            return f->client()->serverless().fetchBuild(all.first().sid,
                                                        env.buildSid.value_or(QString()), c, done);
        });
        QStringList paths;
        for (const QJsonValue &v :
             build.value.raw.value(QLatin1String("function_versions")).toArray())
            paths.append(v.toObject().value(QLatin1String("path")).toString());
        paths.sort();
        // /referHandler comes with either handler: their <Dial referUrl> names it.
        QCOMPARE(paths,
                 (QStringList{QStringLiteral("/inboundHandler"), QStringLiteral("/outboundHandler"),
                              QStringLiteral("/referHandler")}));
        const auto vars = f->await<QList<ServerlessVariable>>([&](QObject *c, auto done) {
            return f->client()->serverless().listVariables(all.first().sid, env.sid, c, done);
        });
        QCOMPARE(vars.value.size(), 1);
        QCOMPARE(vars.value.first().key, QStringLiteral("PBX_DOMAIN"));
        QCOMPARE(vars.value.first().value, QStringLiteral("pbx.example.net"));

        // The test number: new URL, off the trunk, its old settings kept for a revert.
        const IncomingPhoneNumber after = number(testNumber.sid);
        QCOMPARE(after.voiceUrl.value_or(QString()), result.handlerUrl.toString());
        QCOMPARE(after.voiceMethod.value_or(QString()), QStringLiteral("POST"));
        QVERIFY(after.trunkSid.value_or(QString()).isEmpty());
        const auto snapshot = f->journal()->backup(f->accountSid(), testNumber.sid);
        QVERIFY(snapshot.has_value());
        QCOMPARE(snapshot->priorTrunkSid, trunk.sid);
        QCOMPARE(snapshot->priorSettings.value(QLatin1String("voice_url")),
                 before.raw.value(QLatin1String("voice_url")));
        QCOMPARE(snapshot->priorSettings.value(QLatin1String("trunk_sid")).toString(), trunk.sid);
        const auto last = f->journal()->lastDoneStep(testNumber.sid);
        QVERIFY(last.has_value());
        QCOMPARE(last->action, QStringLiteral("remove_from_trunk"));
        QVERIFY(f->journal()->openIntents().isEmpty());
        // The safe order: the new URL is in place before the number leaves the trunk.
        QStringList numberActions;
        for (const AuditRecord &record : f->audit()->records(f->accountSid())) {
            if (record.numberSid != testNumber.sid)
                continue;
            QCOMPARE(record.phoneNumber, testNumber.phoneNumber);
            QCOMPARE(record.outcome, QStringLiteral("success"));
            QVERIFY(record.httpStatus == 200 || record.httpStatus == 204);
            numberActions.append(record.action);
        }
        QCOMPARE(numberActions, (QStringList{QStringLiteral("set_voice_url"),
                                             QStringLiteral("remove_from_trunk")}));
    }

    void rerunChangesNothing()
    {
        const OutRun first = outbound(options());
        QVERIFY2(first.finished->count() == 1, qPrintable(first.error()));
        const int audits = f->auditCount();
        const OutRun second = outbound(options());
        QVERIFY2(second.finished->count() == 1, qPrintable(second.error()));
        QCOMPARE(second.result().handlerUrl, first.result().handlerUrl);
        QCOMPARE(f->auditCount(), audits);
        QCOMPARE(services().size(), 1);
    }

    void numberOnAnotherTrunkIsRefusedBeforeAnyChange()
    {
        const auto trunks = f->await<QList<Trunk>>(
            [&](QObject *c, auto done) { return f->client()->trunking().listTrunks(c, done); });
        QString other;
        for (const Trunk &t : trunks.value) {
            if (t.sid != trunk.sid)
                other = t.sid;
        }
        QVERIFY(!other.isEmpty());
        const auto numbers = f->await<QList<IncomingPhoneNumber>>([&](QObject *c, auto done) {
            return f->client()->trunking().listTrunkPhoneNumbers(other, c, done);
        });
        OutboundOptions o = options();
        o.testNumberSid = numbers.value.first().sid;
        const OutRun r = outbound(o);
        QCOMPARE(r.failed->count(), 1);
        QVERIFY2(r.error().contains(other), qPrintable(r.error()));
        QVERIFY(services().isEmpty());
        QCOMPARE(number(o.testNumberSid).trunkSid.value_or(QString()), other);
        QCOMPARE(f->auditCount(), 0);
    }

    void badInputIsRefusedWithoutChanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("pbx domain with space") << "pbx"
                                               << "pbx example.net";
        QTest::newRow("pbx domain bad port") << "pbx"
                                             << "pbx.example.net:99999";
        QTest::newRow("pbx domain newline") << "pbx"
                                            << "pbx.example.net\nX=1";
        QTest::newRow("test number") << "number"
                                     << "PN123";
        QTest::newRow("edge") << "edge"
                              << "mars";
        QTest::newRow("parameter name") << "parameter"
                                        << "bad name";
        QTest::newRow("plain http handler") << "url"
                                            << "http://pbx.example.net/out";
        QTest::newRow("handler at another path") << "url"
                                                 << "https://pbx.example.net/voice/outbound";
        QTest::newRow("other trunk") << "trunk"
                                     << "TK0123456789abcdef0123456789abcdef";
    }
    void badInputIsRefusedWithoutChanges()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        OutboundOptions o = options();
        if (field == QLatin1String("pbx"))
            o.pbxDomain = value;
        else if (field == QLatin1String("number"))
            o.testNumberSid = value;
        else if (field == QLatin1String("edge"))
            o.edge = value;
        else if (field == QLatin1String("parameter"))
            o.customParameters = {{value, QStringLiteral("1")}};
        else if (field == QLatin1String("url"))
            o.selfHostedHandlerUrl = QUrl(value);
        else
            o.trunkSid = value;
        const OutRun r = outbound(o);
        QCOMPARE(r.failed->count(), 1);
        QVERIFY(!r.error().isEmpty());
        QVERIFY(services().isEmpty());
        QCOMPARE(number(testNumber.sid).trunkSid.value_or(QString()), trunk.sid);
        QCOMPARE(f->auditCount(), 0);
    }

    void lostSettingsAreAcknowledgedBeforeTheTestNumberMoves()
    {
        // The fixture's trunk has no disaster-recovery URL, so a failing handler has no
        // fallback: the test number moves only once that is acknowledged.
        QVERIFY(inbound());
        OutboundOptions o = options();
        o.calls.accepted.clear();
        const OutRun r = outbound(o);
        QCOMPARE(r.failed->count(), 1);
        QVERIFY2(r.error().contains(QLatin1String("(fallback)")), qPrintable(r.error()));
        QCOMPARE(number(testNumber.sid).trunkSid.value_or(QString()), trunk.sid);
        QCOMPARE(number(testNumber.sid).voiceUrl, testNumber.voiceUrl);
    }

    void anAnswerWithoutTheHandlerKeepsTheNumberOnTheTrunk()
    {
        // Twilio answers 200 to the voice URL update but has not applied it: the test number
        // must not leave the trunk (the invariant), and the step says why.
        QVERIFY(inbound());
        OutboundOptions deployOnly = options();
        deployOnly.testNumberSid.clear();
        QCOMPARE(outbound(deployOnly).finished->count(), 1);
        FaultSettings faults = f->server().faults();
        faults.ignoreWrite = 1.0;
        f->server().setFaults(faults);
        const OutRun r = outbound(options());
        f->server().setFaults(FaultSettings());
        QCOMPARE(r.failed->count(), 1);
        QVERIFY2(r.error().contains(QLatin1String("left on the trunk")), qPrintable(r.error()));
        const IncomingPhoneNumber now = number(testNumber.sid);
        QCOMPARE(now.trunkSid.value_or(QString()), trunk.sid);
        QCOMPARE(now.voiceUrl, testNumber.voiceUrl);
    }

    void withoutATestNumberOnlyDeploys()
    {
        OutboundOptions o = options();
        o.testNumberSid.clear();
        o.pbxDomain = QStringLiteral("pbx.example.net:5080");
        const OutRun r = outbound(o);
        QVERIFY2(r.finished->count() == 1, qPrintable(r.error()));
        QVERIFY(r.result().testNumberSid.isEmpty());
        QCOMPARE(number(testNumber.sid).trunkSid.value_or(QString()), trunk.sid);
        QCOMPARE(f->journal()
                     ->setupValue(f->accountSid(), QStringLiteral("outbound.pbx_domain"))
                     .value_or(QString()),
                 QStringLiteral("pbx.example.net:5080"));
    }

    void withoutFunctionsTheHandlerIsExportedAndTheNumberStays()
    {
        f->server().setServerlessAvailable(false);
        const OutRun r = outbound(options());
        QVERIFY2(r.finished->count() == 1, qPrintable(r.error()));
        const OutboundResult result = r.result();
        QVERIFY(result.selfHosted);
        QVERIFY(result.handlerUrl.isEmpty());
        QFile env(result.exportedTo + QStringLiteral("/.env"));
        QVERIFY(env.open(QIODevice::ReadOnly));
        QCOMPARE(env.readAll(), QByteArray("PBX_DOMAIN=pbx.example.net\n"));
        QVERIFY(QFile::exists(result.exportedTo + QStringLiteral("/outboundHandler.js")));
        QVERIFY(result.note.contains(testNumber.phoneNumber));
        QCOMPARE(number(testNumber.sid).trunkSid.value_or(QString()), trunk.sid);
        QVERIFY(!f->journal()->backup(f->accountSid(), testNumber.sid).has_value());

        // With the user's own handler address, the test number moves.
        OutboundOptions o = options();
        o.selfHostedHandlerUrl = QUrl(QStringLiteral("https://pbx.example.net/outboundHandler"));
        const OutRun hosted = outbound(o);
        QVERIFY2(hosted.finished->count() == 1, qPrintable(hosted.error()));
        const IncomingPhoneNumber after = number(testNumber.sid);
        QCOMPARE(after.voiceUrl.value_or(QString()), o.selfHostedHandlerUrl.toString());
        QVERIFY(after.trunkSid.value_or(QString()).isEmpty());
    }

    void withoutTheTrunkPhoneNumbersApiTheNumberItselfLeavesTheTrunk()
    {
        f->server().setTrunkPhoneNumbersAvailable(false); // as in IE1
        const OutRun r = outbound(options());
        QVERIFY2(r.finished->count() == 1, qPrintable(r.error()));
        const IncomingPhoneNumber after = number(testNumber.sid);
        QCOMPARE(after.voiceUrl.value_or(QString()), r.result().handlerUrl.toString());
        QVERIFY(after.trunkSid.value_or(QString()).isEmpty());
        const auto last = f->journal()->lastDoneStep(testNumber.sid);
        QVERIFY(last.has_value());
        QCOMPARE(last->action, QStringLiteral("clear_trunk_sid"));
        QVERIFY(f->journal()->openIntents().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOutboundSetup)
#include "tst_outboundsetup.moc"
