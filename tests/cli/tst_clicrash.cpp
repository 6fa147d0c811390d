// trunk-migrator-cli interrupted: kill -9 in the middle of migrate, then status reports the
// interrupted run and resume ends consistent; SIGINT cancels cleanly with exit 130. The
// migration's rule is checked on the sandbox after each: no number off the trunk without the
// new voice URL.
#include "cliprocess.h"
#include "sandboxinspector.h"
#include "sandboxprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString kHandler = QStringLiteral("https://h.example.com/outboundHandler");

// Waits until the running migrate has reported at least `least` numbers done; returns the count.
int waitForProgress(QProcess *process, QByteArray *err, int least)
{
    static const QRegularExpression line(QStringLiteral("Migrating numbers: (\\d+)/\\d+"));
    int done = 0;
    process->setReadChannel(QProcess::StandardError); // what waitForReadyRead watches
    while (done < least && process->waitForReadyRead(20000)) {
        *err += process->readAllStandardError();
        auto matches = line.globalMatch(QString::fromUtf8(*err));
        while (matches.hasNext())
            done = matches.next().captured(1).toInt();
    }
    return done;
}

} // namespace

class TestCliCrash : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void killDuringMigrateThenResume();
    void sigintCancels();
    void cleanup();

private:
    QStringList migrateArgs() const;
    void checkRule();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<CliProcess> m_cli;
    std::unique_ptr<SandboxInspector> m_inspector;
    QHash<QString, NumberSnapshot> m_initial;
};

void TestCliCrash::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sandbox = std::make_unique<SandboxProcess>();
    QString error;
    QVERIFY2(m_sandbox->start({"--numbers", "600", "--latency-ms", "20"}, &error),
             qPrintable(error));
    m_cli = std::make_unique<CliProcess>(*m_sandbox, m_dir->filePath(QStringLiteral("j.sqlite")));
    m_inspector = std::make_unique<SandboxInspector>(*m_sandbox);
    m_initial = SandboxInspector::onTrunk(m_inspector->numbers(&error), m_sandbox->trunkSid);
    QCOMPARE(m_initial.size(), 600);
}

QStringList TestCliCrash::migrateArgs() const
{
    return {"migrate",     "--trunk", m_sandbox->trunkSid,   "--all", "--yes",
            "--voice-url", kHandler,  "--progress-interval", "50"};
}

void TestCliCrash::checkRule()
{
    QString error;
    const QHash<QString, NumberSnapshot> numbers = m_inspector->numbers(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(SandboxInspector::offTrunkWithoutUrl(numbers, m_initial, kHandler), QStringList());
}

void TestCliCrash::killDuringMigrateThenResume()
{
    QProcess process;
    m_cli->start(&process, migrateArgs());
    QByteArray err;
    const int done = waitForProgress(&process, &err, 60);
    QVERIFY2(done >= 60 && done < 600, qPrintable(QString::number(done)));
    process.kill(); // SIGKILL: no chance to clean up
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    checkRule();

    const CliResult status = m_cli->run({"status", "--json"});
    QCOMPARE(status.exitCode, 5);
    const QJsonObject run = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(run.value(QLatin1String("interrupted")).toBool(), true);
    QCOMPARE(run.value(QLatin1String("trunk_sid")).toString(), m_sandbox->trunkSid);
    QVERIFY(run.value(QLatin1String("pending")).toInt() > 0);

    // While the run is unresolved, a new migrate is refused.
    QCOMPARE(m_cli->run(migrateArgs()).exitCode, 5);

    const CliResult resume = m_cli->run({"resume", "--json"});
    QVERIFY2(resume.exitCode == 0, resume.err.right(2000).constData());
    QString error;
    const QHash<QString, NumberSnapshot> numbers = m_inspector->numbers(&error);
    for (const NumberSnapshot &before : std::as_const(m_initial)) {
        QCOMPARE(numbers.value(before.sid).trunkSid, QString());
        QCOMPARE(numbers.value(before.sid).voiceUrl, kHandler);
    }
    QCOMPARE(m_cli->run({"status"}).exitCode, 0);
}

void TestCliCrash::sigintCancels()
{
    QProcess process;
    m_cli->start(&process, migrateArgs());
    QByteArray err;
    const int done = waitForProgress(&process, &err, 60);
    QVERIFY2(done >= 60 && done < 600, qPrintable(QString::number(done)));
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    err += process.readAllStandardError();
    QVERIFY(err.contains("Cancelling"));
    checkRule();

    // A cancelled run is finished business: a plain re-run completes the rest.
    const CliResult rerun = m_cli->run(migrateArgs());
    QVERIFY2(rerun.exitCode == 0, rerun.err.right(2000).constData());
    checkRule();
    QVERIFY(!m_cli->allStderr.contains(m_sandbox->authToken.toUtf8()));
}

void TestCliCrash::cleanup()
{
    m_inspector.reset();
    m_cli.reset();
    m_sandbox.reset();
    m_dir.reset();
}

QTEST_GUILESS_MAIN(TestCliCrash)
#include "tst_clicrash.moc"
