// trunk-migrator-cli end to end through the four steps, one process per command as a script
// would run them: setup-inbound (domain + cut-over sheet), setup-outbound with a test number,
// the test call's legs via `calls`, the equivalence report, then migrate without --voice-url
// (the handler the journal recorded in step 2), which leaves the seeded fax number on the trunk
// until `--accept-change fax-numbers`; verify proves the routes after steps 2 and 4.
#include "cliprocess.h"
#include "sandboxinspector.h"
#include "sandboxprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCliFlow : public QObject
{
    Q_OBJECT
private slots:
    void fourSteps();
};

void TestCliFlow::fourSteps()
{
    QTemporaryDir dir;
    SandboxProcess sandbox;
    QString error;
    QVERIFY2(sandbox.start({"--numbers", "30"}, &error), qPrintable(error));
    CliProcess cli(sandbox, dir.filePath(QStringLiteral("j.sqlite")));
    SandboxInspector inspector(sandbox);
    const QHash<QString, LiveNumber> initial =
        SandboxInspector::onTrunk(inspector.numbers(&error), sandbox.trunkSid);
    QCOMPARE(initial.size(), 30);

    // What the steps will do with the trunk's call settings: only the fax number is lost.
    const CliResult equivalence = cli.run({"equivalence", "--trunk", sandbox.trunkSid, "--json"});
    QVERIFY2(equivalence.exitCode == 0, equivalence.err.right(2000).constData());
    const QJsonObject eq = QJsonDocument::fromJson(equivalence.out).object();
    QCOMPARE(eq.value(QLatin1String("unacknowledged")).toArray(), QJsonArray{"fax-numbers"});
    QStringList settings;
    for (const QJsonValue &item : eq.value(QLatin1String("items")).toArray())
        settings.append(item.toObject().value(QLatin1String("setting")).toString());
    for (const char *setting : {"failover", "disaster-recovery", "recording", "transfers",
                                "emergency", "fallback", "secure", "fax-numbers"})
        QVERIFY2(settings.contains(QLatin1String(setting)), setting);
    // A TLS downgrade of the secure demo trunk must be acknowledged; the text says how.
    const CliResult downgrade =
        cli.run({"equivalence", "--trunk", sandbox.trunkSid, "--no-secure"});
    QVERIFY2(downgrade.exitCode == 0, downgrade.err.right(2000).constData());
    QVERIFY(downgrade.outText().contains(QLatin1String("--accept-change secure,fax-numbers")));

    // Step 1 refuses the TLS downgrade until it is acknowledged: the domain would carry it.
    const CliResult refused = cli.run({"setup-inbound", "--trunk", sandbox.trunkSid, "--domain",
                                       "acme-pbx", "--no-secure-media"});
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.errText().contains(QLatin1String("(secure)")),
             refused.err.right(2000).constData());
    QVERIFY(refused.errText().contains(QLatin1String("--accept-change")) ||
            refused.errText().contains(QLatin1String("acknowledged")));

    // Step 1 (and 3: the sheet comes with it).
    const CliResult inbound = cli.run({"setup-inbound", "--trunk", sandbox.trunkSid, "--domain",
                                       "acme-pbx", "--secure-media", "--json"});
    QVERIFY2(inbound.exitCode == 0, inbound.err.right(2000).constData());
    const QJsonObject in = QJsonDocument::fromJson(inbound.out).object();
    QCOMPARE(in.value(QLatin1String("domain_name")).toString(),
             QStringLiteral("acme-pbx.sip.twilio.com"));
    const QJsonObject sheet = in.value(QLatin1String("cutover_sheet")).toObject();
    QCOMPARE(sheet.value(QLatin1String("domain_name")).toString(),
             QStringLiteral("acme-pbx.sip.twilio.com"));
    QCOMPARE(sheet.value(QLatin1String("srtp_required")).toBool(), true);
    QVERIFY(sheet.value(QLatin1String("sip_uris"))
                .toArray()
                .contains(QStringLiteral("sip:acme-pbx.sip.sydney.twilio.com")));
    // Re-running a finished step changes nothing: the same domain, not a second one.
    const CliResult again = cli.run({"setup-inbound", "--trunk", sandbox.trunkSid, "--domain",
                                     "acme-pbx", "--secure-media", "--json"});
    QVERIFY2(again.exitCode == 0, again.err.right(2000).constData());
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QLatin1String("domain_sid")),
             in.value(QLatin1String("domain_sid")));

    // Step 2 with a test number.
    // The first number: a voice number (the seed's fax number is the eleventh).
    LiveNumber test = *initial.begin();
    for (const LiveNumber &n : initial)
        if (n.phoneNumber < test.phoneNumber)
            test = n;
    const CliResult outbound = cli.run({"setup-outbound", "--trunk", sandbox.trunkSid,
                                        "--test-number", test.phoneNumber, "--uui", "--json"});
    QVERIFY2(outbound.exitCode == 0, outbound.err.right(2000).constData());
    const QString handler = QJsonDocument::fromJson(outbound.out)
                                .object()
                                .value(QLatin1String("handler_url"))
                                .toString();
    QVERIFY(handler.endsWith(QLatin1String("/outboundHandler")));
    QCOMPARE(inspector.numbers(&error).value(test.sid).voiceUrl, handler);

    // The test call's two legs.
    QVERIFY2(inspector.simulateCall(QStringLiteral("+61400000001"), test.phoneNumber, &error),
             qPrintable(error));
    const CliResult calls = cli.run({"calls", test.phoneNumber, "--json"});
    QVERIFY2(calls.exitCode == 0, calls.err.right(2000).constData());
    const QJsonArray legs = QJsonDocument::fromJson(calls.out).array();
    QCOMPARE(legs.size(), 2);

    // Verify before step 4: the test number (moved in step 2) routes as it did on the trunk.
    const CliResult verified = cli.run({"verify", "--trunk", sandbox.trunkSid, "--json"});
    QVERIFY2(verified.exitCode == 0, verified.out.right(2000).constData());
    const QJsonObject proof = QJsonDocument::fromJson(verified.out).object();
    QCOMPARE(proof.value(QLatin1String("same")).toBool(), true);
    const QJsonArray checked = proof.value(QLatin1String("numbers")).toArray();
    QCOMPARE(checked.size(), 1);
    QCOMPARE(checked.first().toObject().value(QLatin1String("phone_number")).toString(),
             test.phoneNumber);

    // The plan shows the report and what migrate still needs.
    const CliResult plan = cli.run({"plan", "--trunk", sandbox.trunkSid, "--all"});
    QVERIFY2(plan.exitCode == 0, plan.err.right(2000).constData());
    QVERIFY(plan.outText().contains(QLatin1String("[needs --accept-change fax-numbers]")));

    // Step 4 without --voice-url: the handler recorded in step 2. The fax number is refused
    // and stays as it was; every other number moves with the trunk's DR URL as its fallback.
    const CliResult migrate =
        cli.run({"migrate", "--trunk", sandbox.trunkSid, "--all", "--yes", "--json"});
    QCOMPARE(migrate.exitCode, 1); // some failed
    const QJsonObject report = QJsonDocument::fromJson(migrate.out).object();
    QCOMPARE(report.value(QLatin1String("failed")).toInt(), 1);
    QCOMPARE(report.value(QLatin1String("migrated")).toInt() +
                 report.value(QLatin1String("already_migrated")).toInt(),
             29);
    QHash<QString, LiveNumber> after = inspector.numbers(&error);
    QString fax;
    for (const LiveNumber &before : initial) {
        if (after.value(before.sid).trunkSid == sandbox.trunkSid) {
            QVERIFY2(fax.isEmpty(), "one number left on the trunk");
            fax = before.phoneNumber;
            QCOMPARE(after.value(before.sid), before);
            continue;
        }
        QCOMPARE(after.value(before.sid).voiceUrl, handler);
        QVERIFY(after.value(before.sid).voiceFallbackUrl.startsWith(QLatin1String("https://dr.")));
    }
    QVERIFY(!fax.isEmpty());
    const CliResult faxRun = cli.run({"migrate", "--trunk", sandbox.trunkSid, "--numbers", fax,
                                      "--yes", "--accept-change", "fax-numbers"});
    QVERIFY2(faxRun.exitCode == 0, faxRun.err.right(2000).constData());
    after = inspector.numbers(&error);
    for (const LiveNumber &before : initial) {
        QCOMPARE(after.value(before.sid).trunkSid, QString());
        QCOMPARE(after.value(before.sid).voiceUrl, handler);
    }
    // Verify after step 4: every moved number, all the same.
    const CliResult all = cli.run({"verify", "--trunk", sandbox.trunkSid});
    QVERIFY2(all.exitCode == 0, all.out.right(2000).constData());
    QVERIFY(all.outText().contains(QLatin1String("Verified 30 number")));
    QVERIFY(all.outText().contains(QLatin1String("Result: same routes")));

    // The acknowledgement is in the audit log.
    const CliResult audit = cli.run({"audit", "--csv", dir.filePath(QStringLiteral("a.csv"))});
    QVERIFY2(audit.exitCode == 0, audit.err.right(2000).constData());
    QFile csv(dir.filePath(QStringLiteral("a.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readAll().contains("accept_change"));

    // The trunk is empty now: it can go.
    const CliResult remove = cli.run({"delete-trunk", "--trunk", sandbox.trunkSid, "--yes"});
    QVERIFY2(remove.exitCode == 0, remove.err.right(2000).constData());
    const CliResult trunks = cli.run({"trunks"});
    QVERIFY(!trunks.outText().contains(sandbox.trunkSid));
    QVERIFY(!cli.allStderr.contains(sandbox.authToken.toUtf8()));
}

QTEST_GUILESS_MAIN(TestCliFlow)
#include "tst_cliflow.moc"
