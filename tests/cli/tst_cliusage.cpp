// trunk-migrator-cli end to end, read-only and refused commands: bad input exits 2 and leaves
// the sandbox account exactly as it was; trunks / numbers / plan report without changing it.
#include "cliprocess.h"
#include "sandboxinspector.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCliUsage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void badInputExitsTwo_data();
    void badInputExitsTwo();
    void wrongCredentialsExitThree();
    void trunksAndNumbers();
    void planChangesNothing();
    void helpNeverShowsSecrets();
    void embeddedSandbox();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    std::unique_ptr<CliProcess> m_cli;
    std::unique_ptr<SandboxInspector> m_inspector;
    QHash<QString, LiveNumber> m_account; // every number of the account
    QHash<QString, LiveNumber> m_initial; // those on the trunk
    QString m_phone;                      // one real number of the trunk
};

void TestCliUsage::initTestCase()
{
    QVERIFY(QFile::exists(CliProcess::executable()));
    QString error;
    QVERIFY2(m_sandbox.start({QStringLiteral("--numbers"), QStringLiteral("40")}, &error),
             qPrintable(error));
    m_cli = std::make_unique<CliProcess>(m_sandbox, m_dir.filePath(QStringLiteral("j.sqlite")));
    m_inspector = std::make_unique<SandboxInspector>(m_sandbox);
    m_account = m_inspector->numbers(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_initial = SandboxInspector::onTrunk(m_account, m_sandbox.trunkSid);
    QCOMPARE(m_initial.size(), 40);
    m_phone = m_initial.begin()->phoneNumber;
}

void TestCliUsage::badInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("raw"); // without the fixture's --base-url/--state
    QTest::addColumn<QString>("fragment");
    const QString tk = m_sandbox.trunkSid;
    QTest::newRow("malformed trunk SID")
        << QStringList{"numbers", "--trunk", "TK1234"} << false << "TK";
    QTest::newRow("malformed number")
        << QStringList{"migrate", "--trunk", tk, "--numbers", "0412 345 678", "--yes"} << false
        << "E.164";
    QTest::newRow("unknown number")
        << QStringList{"migrate", "--trunk", tk, "--numbers", "+19995550100," + m_phone, "--yes"}
        << false << "+19995550100";
    QTest::newRow("unknown revert number")
        << QStringList{"revert", "--trunk", tk, "+19995550100"} << false << "+19995550100";
    QTest::newRow("http base URL to another host")
        << QStringList{"trunks", "--base-url", "http://example.com:8080"} << true << "https";
    QTest::newRow("http voice URL to another host")
        << QStringList{"migrate",
                       "--trunk",
                       tk,
                       "--all",
                       "--yes",
                       "--voice-url",
                       "http://example.com/outboundHandler"}
        << false << "https";
    QTest::newRow("unknown command")
        << QStringList{"migrate-everything"} << false << "Unknown command";
    QTest::newRow("migrate without --yes off a terminal")
        << QStringList{"migrate", "--trunk", tk, "--all"} << false << "--yes";
    QTest::newRow("delete a trunk that has numbers")
        << QStringList{"delete-trunk", "--trunk", tk, "--yes"} << false << "still holds";
}

void TestCliUsage::badInputExitsTwo()
{
    QFETCH(QStringList, args);
    QFETCH(bool, raw);
    QFETCH(QString, fragment);
    const CliResult result = raw ? m_cli->runRaw(args) : m_cli->run(args);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.errText().contains(fragment), qPrintable(result.errText()));
    QVERIFY(result.out.isEmpty());
    // One error line (engine debug lines are on too; they start with a category).
    QCOMPARE(result.errText().count(QLatin1String("trunk-migrator-cli: error:")), 1);
    QString error;
    QVERIFY(m_inspector->numbers(&error) == m_account);
}

void TestCliUsage::wrongCredentialsExitThree()
{
    QProcessEnvironment environment = m_cli->environment();
    const QProcessEnvironment saved = environment;
    environment.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("wrong-token-123"));
    m_cli->setEnvironment(environment);
    const CliResult result = m_cli->run({QStringLiteral("trunks")});
    m_cli->setEnvironment(saved);
    QCOMPARE(result.exitCode, 3);
    QVERIFY(!result.errText().contains(QLatin1String("wrong-token-123")));

    environment.remove(QStringLiteral("TWILIO_AUTH_TOKEN"));
    m_cli->setEnvironment(environment);
    const CliResult missing = m_cli->run({QStringLiteral("trunks")});
    m_cli->setEnvironment(saved);
    QCOMPARE(missing.exitCode, 3);
    QVERIFY(missing.errText().contains(QLatin1String("TWILIO_AUTH_TOKEN")));
}

void TestCliUsage::trunksAndNumbers()
{
    const CliResult trunks = m_cli->run({QStringLiteral("trunks")});
    QCOMPARE(trunks.exitCode, 0);
    QVERIFY2(trunks.outText().contains(m_sandbox.trunkSid), trunks.out.constData());

    const CliResult numbers = m_cli->run({QStringLiteral("numbers"), QStringLiteral("--trunk"),
                                          m_sandbox.trunkSid, QStringLiteral("--json")});
    QCOMPARE(numbers.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(numbers.out).array();
    QCOMPARE(rows.size(), m_initial.size());
    for (const QJsonValue &row : rows) {
        const QJsonObject o = row.toObject();
        const LiveNumber expected = m_initial.value(o.value(QLatin1String("sid")).toString());
        QCOMPARE(o.value(QLatin1String("phone_number")).toString(), expected.phoneNumber);
        QCOMPARE(o.value(QLatin1String("voice_url")).toString(), expected.voiceUrl);
        QCOMPARE(o.value(QLatin1String("trunk_sid")).toString(), m_sandbox.trunkSid);
        QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("on-trunk"));
    }
    const CliResult text =
        m_cli->run({QStringLiteral("numbers"), QStringLiteral("--trunk"), m_sandbox.trunkSid});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.outText().count(QLatin1Char('\n')), m_initial.size() + 1); // header + rows
}

void TestCliUsage::planChangesNothing()
{
    const CliResult plan = m_cli->run(
        {QStringLiteral("plan"), QStringLiteral("--trunk"), m_sandbox.trunkSid,
         QStringLiteral("--all"), QStringLiteral("--voice-url"),
         QStringLiteral("https://h.example.com/outboundHandler"), QStringLiteral("--json")});
    QCOMPARE(plan.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(plan.out).object();
    // The seeded fax number stays; without step 2 migrate would need calls-unchecked.
    QCOMPARE(json.value(QLatin1String("numbers_to_migrate")).toInt(), m_initial.size() - 1);
    QCOMPARE(json.value(QLatin1String("api_calls")).toInt(), 2 * (m_initial.size() - 1));
    QVERIFY(
        json.value(QLatin1String("refusal")).toString().contains(QLatin1String("calls-unchecked")));
    QString error;
    QVERIFY(m_inspector->numbers(&error) == m_account);
    const CliResult status = m_cli->run({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
}

void TestCliUsage::helpNeverShowsSecrets()
{
    for (const QStringList &args : {QStringList{"--help"}, QStringList{"migrate", "--help"}}) {
        const CliResult help = m_cli->run(args);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.outText().contains(QLatin1String("Usage")));
        QVERIFY(!help.out.contains(m_sandbox.authToken.toUtf8()));
    }
}

void TestCliUsage::embeddedSandbox()
{
    // --sandbox needs no credentials: the sandbox lives inside the CLI process.
    QProcessEnvironment environment = m_cli->environment();
    const QProcessEnvironment saved = environment;
    environment.remove(QStringLiteral("TWILIO_ACCOUNT_SID"));
    environment.remove(QStringLiteral("TWILIO_AUTH_TOKEN"));
    m_cli->setEnvironment(environment);
    const CliResult trunks = m_cli->runRaw({QStringLiteral("trunks"), QStringLiteral("--sandbox"),
                                            QStringLiteral("--json"), QStringLiteral("--state"),
                                            m_dir.filePath(QStringLiteral("embedded.sqlite"))});
    m_cli->setEnvironment(saved);
    QVERIFY2(trunks.exitCode == 0, trunks.err.right(2000).constData());
    const QJsonArray list = QJsonDocument::fromJson(trunks.out).array();
    QVERIFY(!list.isEmpty());
    QVERIFY(list.first()
                .toObject()
                .value(QLatin1String("sid"))
                .toString()
                .startsWith(QLatin1String("TK")));
}

void TestCliUsage::cleanupTestCase()
{
    // No run above may have echoed the token, whatever it printed.
    QVERIFY(!m_cli->allStderr.contains(m_sandbox.authToken.toUtf8()));
}

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cliusage.moc"
