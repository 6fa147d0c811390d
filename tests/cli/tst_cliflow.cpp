// trunk-migrator-cli end to end through the four steps, one process per command as a script
// would run them: setup-inbound (domain + cut-over sheet), setup-outbound with a test number,
// the test call's legs via `calls`, then migrate without --voice-url (the handler the journal
// recorded in step 2).
#include "cliprocess.h"
#include "sandboxinspector.h"
#include "sandboxprocess.h"

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
    const LiveNumber test = *initial.begin();
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

    // Step 4 without --voice-url: the handler recorded in step 2.
    const CliResult migrate =
        cli.run({"migrate", "--trunk", sandbox.trunkSid, "--all", "--yes", "--json"});
    QVERIFY2(migrate.exitCode == 0, migrate.err.right(2000).constData());
    const QJsonObject report = QJsonDocument::fromJson(migrate.out).object();
    QCOMPARE(report.value(QLatin1String("migrated")).toInt() +
                 report.value(QLatin1String("already_migrated")).toInt(),
             30);
    const QHash<QString, LiveNumber> after = inspector.numbers(&error);
    for (const LiveNumber &before : initial) {
        QCOMPARE(after.value(before.sid).trunkSid, QString());
        QCOMPARE(after.value(before.sid).voiceUrl, handler);
    }

    // The trunk is empty now: it can go.
    const CliResult remove = cli.run({"delete-trunk", "--trunk", sandbox.trunkSid, "--yes"});
    QVERIFY2(remove.exitCode == 0, remove.err.right(2000).constData());
    const CliResult trunks = cli.run({"trunks"});
    QVERIFY(!trunks.outText().contains(sandbox.trunkSid));
    QVERIFY(!cli.allStderr.contains(sandbox.authToken.toUtf8()));
}

QTEST_GUILESS_MAIN(TestCliFlow)
#include "tst_cliflow.moc"
