// CliSession and the command groups against a scripted backend: exit codes, what reaches the
// engine (nothing on bad input), output on stdout/stderr, SIGINT handling, confirmations.
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "scriptedbackend.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <pty.h>
#include <unistd.h>

namespace {

// One CLI invocation wired to a ScriptedBackend, with stdout/stderr in buffers.
struct Invocation
{
    ScriptedBackend backend;
    QBuffer out;
    QBuffer err;
    CliOutput output{&out, &err};
    std::unique_ptr<CliSession> session;
    int exitCode = -1;

    Invocation()
    {
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
        backend.seed(5);
        output.setProgressInterval(0);
    }

    void start(const QStringList &args, int inputFd = -1)
    {
        const CliParseResult parsed =
            CliParser::parse(QStringList{QStringLiteral("trunk-migrator-cli")} + args);
        QVERIFY2(parsed.kind == CliParseResult::Kind::Run, qPrintable(parsed.text));
        output.setJson(parsed.options.json);
        session = std::make_unique<CliSession>(&backend, &output, parsed.options);
        session->setConfirmationInput(inputFd);
        QObject::connect(session.get(), &CliSession::finished, session.get(),
                         [this](int code) { exitCode = code; });
        ConnectionSettings settings;
        settings.secret = QStringLiteral("tok-123");
        session->start(settings);
    }

    void run(const QStringList &args, int inputFd = -1)
    {
        start(args, inputFd);
        QTRY_VERIFY_WITH_TIMEOUT(exitCode != -1, 10000);
    }

    QString stdoutText() const { return QString::fromUtf8(out.data()); }
    QString stderrText() const { return QString::fromUtf8(err.data()); }
};

QString trunkSid(const ScriptedBackend &backend)
{
    return backend.trunks.constFirst().sid;
}

} // namespace

class TestCliSession : public QObject
{
    Q_OBJECT
private slots:
    void trunksAsTable();
    void numbersAsJson();
    void unknownNumberChangesNothing();
    void migrateAllReportsEveryNumber();
    void someFailedExitsOne();
    void connectFailureExitsThree();
    void apiFailureExitsFour();
    void verifyExitsSixOnADifference();
    void interruptedRunBlocksMigrate();
    void statusReportsInterruptedRun();
    void sigintCancelsAndWaits();
    void confirmationOnTerminal_data();
    void confirmationOnTerminal();
    void secretsAreRedacted();
    void deleteTrunkRefusesNonEmptyTrunk();
    void progressIsThrottled();
    void recoveryCommands();
};

void TestCliSession::trunksAsTable()
{
    Invocation cli;
    cli.run({"trunks"});
    QCOMPARE(cli.exitCode, 0);
    const QStringList lines = cli.stdoutText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // the header and the double's two trunks
    QVERIFY(lines.at(0).startsWith(QLatin1String("SID")));
    QVERIFY(lines.at(1).startsWith(trunkSid(cli.backend)));
    QVERIFY(lines.at(1).contains(QLatin1String("acme-pbx.pstn.twilio.com")));
}

void TestCliSession::numbersAsJson()
{
    Invocation cli;
    cli.run({"numbers", "--trunk", trunkSid(cli.backend), "--json"});
    QCOMPARE(cli.exitCode, 0);
    const QJsonArray numbers = QJsonDocument::fromJson(cli.out.data()).array();
    QCOMPARE(numbers.size(), 5);
    QCOMPARE(numbers.at(2).toObject().value(QLatin1String("phone_number")).toString(),
             ScriptedBackend::demoNumber(2, {}).phoneNumber);
    QCOMPARE(numbers.at(2).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("on-trunk"));
}

void TestCliSession::unknownNumberChangesNothing()
{
    Invocation cli;
    const QString known = ScriptedBackend::demoNumber(1, {}).phoneNumber;
    cli.run({"migrate", "--trunk", trunkSid(cli.backend), "--numbers", known + ",+61299999999",
             "--yes"});
    QCOMPARE(cli.exitCode, 2);
    QVERIFY2(cli.stderrText().contains(QLatin1String("+61299999999")),
             qPrintable(cli.stderrText()));
    QVERIFY(!cli.stderrText().contains(known));
    QCOMPARE(cli.backend.mutatingCalls(), QStringList());
}

void TestCliSession::migrateAllReportsEveryNumber()
{
    Invocation cli;
    cli.run({"migrate", "--trunk", trunkSid(cli.backend), "--all", "--yes", "--voice-url",
             "https://h.example.com/outboundHandler"});
    QCOMPARE(cli.exitCode, 0);
    QStringList sids;
    for (const NumberInfo &number : std::as_const(cli.backend.numbers))
        sids.append(number.sid);
    QCOMPARE(cli.backend.mutatingCalls(),
             QStringList{QStringLiteral("migrate ") + sids.join(QLatin1Char(','))});
    const QString out = cli.stdoutText();
    for (const NumberInfo &number : std::as_const(cli.backend.numbers))
        QVERIFY(out.contains(number.phoneNumber + QLatin1String("  ") + number.sid));
    QVERIFY(out.contains(QLatin1String("Migrated 5,")));
    // One progress line per update (interval 0 in this test) on stderr, never on stdout.
    QCOMPARE(cli.stderrText().count(QLatin1String("Migrating numbers:")), 5);
    QVERIFY(!out.contains(QLatin1String("Migrating numbers:")));
}

void TestCliSession::someFailedExitsOne()
{
    Invocation cli;
    cli.backend.failingNumbers.insert(cli.backend.numbers.at(3).sid);
    cli.run({"migrate", "--trunk", trunkSid(cli.backend), "--all", "--yes", "--json"});
    QCOMPARE(cli.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(cli.out.data()).object();
    QCOMPARE(report.value(QLatin1String("failed")).toInt(), 1);
    QCOMPARE(report.value(QLatin1String("migrated")).toInt(), 4);
    const QJsonObject failed = report.value(QLatin1String("numbers")).toArray().at(3).toObject();
    QCOMPARE(failed.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(failed.value(QLatin1String("error")).toObject().value(QLatin1String("http_status")),
             QJsonValue(cli.backend.numberError.httpStatus));
}

void TestCliSession::connectFailureExitsThree()
{
    Invocation cli;
    cli.backend.failNext.insert(MigrationBackend::Operation::Connect,
                                ScriptedBackend::error(401, 20003, QStringLiteral("Authenticate")));
    cli.run({"trunks"});
    QCOMPARE(cli.exitCode, 3);
    QVERIFY(cli.stderrText().contains(QLatin1String("Authenticate")));
    QCOMPARE(cli.backend.log, QStringList{QStringLiteral("connectAccount")});
}

void TestCliSession::apiFailureExitsFour()
{
    Invocation cli;
    // The scripted backend answers 404 for any trunk but its own.
    cli.run({"numbers", "--trunk", "TK" + QString(32, QLatin1Char('f'))});
    QCOMPARE(cli.exitCode, 4);
    QVERIFY(cli.stderrText().contains(QLatin1String("20404")));
    QCOMPARE(cli.stdoutText(), QString());
}

void TestCliSession::verifyExitsSixOnADifference()
{
    NumberVerification number;
    number.sid = QStringLiteral("PN00000000000000000000000000000001");
    number.phoneNumber = QStringLiteral("+61255501001");
    number.moved = true;
    number.route = QStringLiteral("pbx1.acme.example");
    {
        Invocation same;
        same.backend.verifyReport.numbers = {number};
        same.run({"verify", "--trunk", trunkSid(same.backend)});
        QCOMPARE(same.exitCode, 0);
        QVERIFY(same.stdoutText().contains(QLatin1String("+61255501001 (moved): same.")));
        QVERIFY(
            same.backend.log.contains(QStringLiteral("verify %1 ").arg(trunkSid(same.backend))));
    }
    number.differences = {{QStringLiteral("ring-timeout"), QStringLiteral("600"),
                           QStringLiteral("30 (at pbx1.acme.example)")}};
    Invocation differs;
    differs.backend.verifyReport.numbers = {number};
    differs.run({"verify", "--trunk", trunkSid(differs.backend), "--numbers", "+61255501001"});
    QCOMPARE(differs.exitCode, 6);
    QVERIFY2(differs.stdoutText().contains(
                 QLatin1String("ring-timeout: expected 600; now 30 (at pbx1.acme.example)")),
             qPrintable(differs.stdoutText()));
    // --numbers reached the engine as the number's SID.
    QVERIFY(differs.backend.lastSids.contains(differs.backend.numbers.first().sid));
    Invocation json;
    json.backend.verifyReport.numbers = {number};
    json.run({"verify", "--trunk", trunkSid(json.backend), "--all", "--json"});
    QCOMPARE(json.exitCode, 6);
    const QJsonObject doc = QJsonDocument::fromJson(json.out.data()).object();
    QCOMPARE(doc.value(QLatin1String("same")).toBool(true), false);
    const QJsonObject first = doc.value(QLatin1String("numbers")).toArray().first().toObject();
    QCOMPARE(first.value(QLatin1String("differences"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("field")),
             QJsonValue(QStringLiteral("ring-timeout")));
    QVERIFY(
        json.backend.log.filter(QStringLiteral("verify")).first().endsWith(QLatin1String(" all")));
    // A number that is not the trunk's stops before the engine is asked.
    Invocation unknown;
    unknown.run({"verify", "--trunk", trunkSid(unknown.backend), "--numbers", "+61299999999"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.backend.log.filter(QStringLiteral("verify")).isEmpty());
}

void TestCliSession::interruptedRunBlocksMigrate()
{
    Invocation cli;
    cli.backend.interrupted.runId = 7;
    cli.backend.interrupted.trunkSid = trunkSid(cli.backend);
    cli.run({"migrate", "--trunk", trunkSid(cli.backend), "--all", "--yes"});
    QCOMPARE(cli.exitCode, 5);
    QVERIFY(cli.stderrText().contains(QLatin1String("resume")));
    QCOMPARE(cli.backend.mutatingCalls(), QStringList());
}

void TestCliSession::statusReportsInterruptedRun()
{
    Invocation clean;
    clean.run({"status"});
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(clean.stdoutText().contains(QLatin1String("No interrupted run")));

    Invocation cli;
    cli.backend.interrupted.runId = 7;
    cli.backend.interrupted.trunkSid = trunkSid(cli.backend);
    cli.backend.interrupted.migrated = 120;
    cli.backend.interrupted.inFlight = 3;
    cli.backend.interrupted.pending = 477;
    cli.run({"status", "--json"});
    QCOMPARE(cli.exitCode, 5);
    const QJsonObject status = QJsonDocument::fromJson(cli.out.data()).object();
    QCOMPARE(status.value(QLatin1String("interrupted")).toBool(), true);
    QCOMPARE(status.value(QLatin1String("migrated")).toInt(), 120);
    QCOMPARE(status.value(QLatin1String("pending")).toInt(), 477);
}

void TestCliSession::sigintCancelsAndWaits()
{
    Invocation cli;
    cli.backend.seed(50);
    cli.backend.delayMs = 5;
    cli.start({"migrate", "--trunk", trunkSid(cli.backend), "--all", "--yes"});
    QTRY_VERIFY(cli.stderrText().count(QLatin1String("Migrating numbers:")) >= 3);
    cli.session->handleSignal(SIGINT);
    QVERIFY(cli.backend.log.contains(QStringLiteral("cancel")));
    QCOMPARE(cli.exitCode, -1); // still waiting for the in-flight work to be recorded
    QTRY_COMPARE(cli.exitCode, 130);
    QVERIFY(!cli.backend.isBusy());
    QVERIFY(cli.stdoutText().contains(QLatin1String("cancelled")));
    QVERIFY(!cli.stdoutText().contains(QLatin1String("cancelled 0.")));
}

void TestCliSession::confirmationOnTerminal_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("migrated");
    QTest::newRow("yes") << QByteArray("yes\n") << 0 << true;
    QTest::newRow("y") << QByteArray("Y\n") << 0 << true;
    QTest::newRow("no") << QByteArray("no\n") << 130 << false;
    QTest::newRow("empty") << QByteArray("\n") << 130 << false;
}

void TestCliSession::confirmationOnTerminal()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, exitCode);
    QFETCH(bool, migrated);
    // A pseudo-terminal, so the prompt sees a real TTY as it would interactively.
    int master = -1;
    int slave = -1;
    QCOMPARE(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
    Invocation cli;
    cli.start({"migrate", "--trunk", trunkSid(cli.backend), "--all"}, slave);
    QTRY_VERIFY(cli.stderrText().contains(QLatin1String("[y/N]")));
    QVERIFY(cli.stderrText().contains(QLatin1String("5 numbers to migrate")));
    QCOMPARE(cli.backend.mutatingCalls(), QStringList());
    QCOMPARE(::write(master, answer.constData(), size_t(answer.size())), ssize_t(answer.size()));
    QTRY_VERIFY(cli.exitCode != -1);
    QCOMPARE(cli.exitCode, exitCode);
    QCOMPARE(!cli.backend.mutatingCalls().isEmpty(), migrated);
    ::close(master);
    ::close(slave);
}

void TestCliSession::secretsAreRedacted()
{
    Invocation cli;
    SecretRedactor redactor;
    redactor.addSecret(QStringLiteral("tok-123"));
    cli.output.setRedactor(redactor);
    cli.backend.failNext.insert(
        MigrationBackend::Operation::Connect,
        ScriptedBackend::error(0, 0, QStringLiteral("proxy said: bad password tok-123")));
    cli.run({"trunks"});
    QCOMPARE(cli.exitCode, 3);
    QVERIFY(!cli.stderrText().contains(QLatin1String("tok-123")));
    QVERIFY(cli.stderrText().contains(QLatin1String(SecretRedactor::Mask)));
}

void TestCliSession::deleteTrunkRefusesNonEmptyTrunk()
{
    Invocation cli;
    cli.run({"delete-trunk", "--trunk", trunkSid(cli.backend), "--yes"});
    QCOMPARE(cli.exitCode, 2);
    QCOMPARE(cli.backend.mutatingCalls(), QStringList());

    Invocation empty;
    empty.backend.seed(0);
    empty.run({"delete-trunk", "--trunk", trunkSid(empty.backend), "--yes"});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(empty.backend.mutatingCalls(),
             QStringList{QStringLiteral("deleteTrunk ") + trunkSid(empty.backend)});
}

void TestCliSession::progressIsThrottled()
{
    Invocation cli;
    cli.output.setProgressInterval(60000);
    cli.run({"migrate", "--trunk", trunkSid(cli.backend), "--all", "--yes"});
    QCOMPARE(cli.exitCode, 0);
    // Five updates within milliseconds: the first and the last print, nothing between.
    QCOMPARE(cli.stderrText(), QStringLiteral("Migrating numbers: 1/5\nMigrating numbers: 5/5\n"));
}

void TestCliSession::recoveryCommands()
{
    Invocation nothing;
    nothing.run({"resume"});
    QCOMPARE(nothing.exitCode, 0);
    QCOMPARE(nothing.backend.mutatingCalls(), QStringList());

    Invocation resume;
    resume.backend.interrupted.runId = 3;
    resume.run({"resume", "--concurrency", "2"});
    QCOMPARE(resume.exitCode, 0);
    QCOMPARE(resume.backend.mutatingCalls(), QStringList{QStringLiteral("resume")});

    // rollback changes the account: off a terminal it needs --yes.
    Invocation refused;
    refused.backend.interrupted.runId = 3;
    refused.run({"rollback"});
    QCOMPARE(refused.exitCode, 2);
    QCOMPARE(refused.backend.mutatingCalls(), QStringList());

    Invocation rollback;
    rollback.backend.interrupted.runId = 3;
    rollback.run({"rollback", "--yes"});
    QCOMPARE(rollback.exitCode, 0);
    QCOMPARE(rollback.backend.mutatingCalls(), QStringList{QStringLiteral("rollback")});
}

QTEST_GUILESS_MAIN(TestCliSession)
#include "tst_clisession.moc"
