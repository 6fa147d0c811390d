// trunk-migrator-cli interrupted: kill -9 in the middle of migrate, then status reports the
// interrupted run and resume ends consistent; SIGINT cancels cleanly with exit 130. The
// migration's rule is checked on the sandbox after each: no number off the trunk without the
// new voice URL.
#include "cliprocess.h"
#include "sandboxinspector.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

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
    void sigintThenResumeFinishesEveryNumber_data();
    void sigintThenResumeFinishesEveryNumber();
    void killDuringMigrateThenRollbackJson();
    void killBothThenResumeOnTheKeptAccount();
    void secondProcessIsRefusedWhileTheFirstRuns();
    void killedBySigxfszThenResumeLosesNoAuditRow();
    void cleanup();

private:
    QStringList migrateArgs() const;
    void checkRule();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<CliProcess> m_cli;
    std::unique_ptr<SandboxInspector> m_inspector;
    QHash<QString, LiveNumber> m_initial;
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
    // The seeded fax number moves too: these tests are about crashes, not about fax.
    return {"migrate",
            "--trunk",
            m_sandbox->trunkSid,
            "--all",
            "--yes",
            "--voice-url",
            kHandler,
            "--progress-interval",
            "50",
            "--accept-change",
            "fax-numbers,calls-unchecked"};
}

void TestCliCrash::checkRule()
{
    QString error;
    const QHash<QString, LiveNumber> numbers = m_inspector->numbers(&error);
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
    const QHash<QString, LiveNumber> numbers = m_inspector->numbers(&error);
    for (const LiveNumber &before : std::as_const(m_initial)) {
        QCOMPARE(numbers.value(before.sid).trunkSid, QString());
        QCOMPARE(numbers.value(before.sid).voiceUrl, kHandler);
    }
    QCOMPARE(m_cli->run({"status"}).exitCode, 0);
}

void TestCliCrash::killBothThenResumeOnTheKeptAccount()
{
    // The tool's machine dies with the sandbox on it (both kill -9) while the account, kept in
    // its file (--state), goes on as a Twilio account does: the next sandbox on that file is
    // the same account, and resume finishes the run against it.
    const QString state = m_dir->filePath(QStringLiteral("account.sqlite"));
    const QString journal = m_dir->filePath(QStringLiteral("kept-journal.sqlite"));
    const QStringList sandboxArgs{"--numbers", "300", "--latency-ms", "20", "--state", state};
    QString error;
    auto first = std::make_unique<SandboxProcess>();
    QVERIFY2(first->start(sandboxArgs, &error), qPrintable(error));
    const QString trunkSid = first->trunkSid;
    const QHash<QString, LiveNumber> initial =
        SandboxInspector::onTrunk(SandboxInspector(*first).numbers(&error), trunkSid);
    QCOMPARE(initial.size(), 300);
    QStringList args = migrateArgs();
    args[args.indexOf(QStringLiteral("--trunk")) + 1] = trunkSid;
    CliProcess cli(*first, journal);
    QProcess process;
    cli.start(&process, args);
    QByteArray err;
    const int done = waitForProgress(&process, &err, 40);
    QVERIFY2(done >= 40 && done < 300, qPrintable(QString::number(done)));
    process.kill();
    first->kill();
    QVERIFY(process.waitForFinished(5000));

    SandboxProcess again;
    QVERIFY2(again.start(sandboxArgs, &error), qPrintable(error));
    QCOMPARE(again.accountSid, first->accountSid);
    SandboxInspector inspector(again);
    QCOMPARE(SandboxInspector::offTrunkWithoutUrl(inspector.numbers(&error), initial, kHandler),
             QStringList());
    CliProcess after(again, journal);
    const CliResult status = after.run({"status", "--json"});
    QCOMPARE(status.exitCode, 5);
    QVERIFY(
        QJsonDocument::fromJson(status.out).object().value(QLatin1String("interrupted")).toBool());
    const CliResult resume = after.run({"resume", "--json"});
    QVERIFY2(resume.exitCode == 0, resume.err.right(2000).constData());
    const QHash<QString, LiveNumber> numbers = inspector.numbers(&error);
    for (const LiveNumber &before : std::as_const(initial)) {
        QCOMPARE(numbers.value(before.sid).trunkSid, QString());
        QCOMPARE(numbers.value(before.sid).voiceUrl, kHandler);
    }
    // And the table says so: every number migrated, none "failed" by the crash.
    const CliResult listed = after.run({"numbers", "--trunk", trunkSid, "--json"});
    QCOMPARE(listed.exitCode, 0);
    const QJsonDocument rows = QJsonDocument::fromJson(listed.out);
    const QJsonArray list =
        rows.isArray() ? rows.array() : rows.object().value(QLatin1String("numbers")).toArray();
    QCOMPARE(list.size(), 300);
    for (const QJsonValue &row : list)
        QCOMPARE(row.toObject().value(QLatin1String("state")).toString(),
                 QStringLiteral("migrated"));
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

void TestCliCrash::sigintThenResumeFinishesEveryNumber_data()
{
    QTest::addColumn<bool>("twice");
    QTest::newRow("one SIGINT") << false;
    QTest::newRow("a second SIGINT while cancelling") << true;
}

void TestCliCrash::sigintThenResumeFinishesEveryNumber()
{
    QFETCH(bool, twice);
    QProcess process;
    m_cli->start(&process, migrateArgs());
    QByteArray err;
    QVERIFY(waitForProgress(&process, &err, 60) >= 60);
    // The first asks to finish what is in flight; a second, once that is announced, stops
    // without waiting (sent after the note, so the two are never merged into one signal).
    ::kill(pid_t(process.processId()), SIGINT);
    if (twice) {
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("Cancelling"),
                                 10000);
        ::kill(pid_t(process.processId()), SIGINT);
    }
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 130);
    checkRule();
    // Resume finishes every number, those the SIGINT stopped at a safe point included (on the
    // trunk with the new URL) and those never started, and reports each.
    const CliResult resume = m_cli->run({"resume", "--json"});
    QVERIFY2(resume.exitCode == 0, resume.err.right(2000).constData());
    QString error;
    const QHash<QString, LiveNumber> numbers = m_inspector->numbers(&error);
    int stillOnTrunk = 0;
    for (const LiveNumber &before : std::as_const(m_initial))
        stillOnTrunk += numbers.value(before.sid).trunkSid.isEmpty() ? 0 : 1;
    QVERIFY2(stillOnTrunk == 0, (resume.out.left(600) + resume.err.right(1500)).constData());
    const QJsonObject report = QJsonDocument::fromJson(resume.out).object();
    QCOMPARE(report.value(QLatin1String("migrated")).toInt() +
                 report.value(QLatin1String("already_migrated")).toInt(),
             report.value(QLatin1String("numbers")).toArray().size());
    QCOMPARE(m_cli->run({"status"}).exitCode, 0);
}

void TestCliCrash::killDuringMigrateThenRollbackJson()
{
    QProcess process;
    m_cli->start(&process, migrateArgs());
    QByteArray err;
    QVERIFY(waitForProgress(&process, &err, 60) >= 60);
    process.kill();
    QVERIFY(process.waitForFinished(5000));
    checkRule();
    const CliResult rollback = m_cli->run({"rollback", "--yes", "--json", "--settle", "1"});
    QVERIFY2(rollback.exitCode == 0, rollback.err.right(2000).constData());
    // Exactly one JSON document (the summary), not the status and then the summary.
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(rollback.out, &parse);
    QVERIFY2(parse.error == QJsonParseError::NoError, rollback.out.left(2000).constData());
    QVERIFY(doc.isObject());
    QString error;
    const QHash<QString, LiveNumber> numbers = m_inspector->numbers(&error);
    for (const LiveNumber &before : std::as_const(m_initial))
        QVERIFY2(numbers.value(before.sid) == before, qPrintable(before.sid));
}

void TestCliCrash::secondProcessIsRefusedWhileTheFirstRuns()
{
    QProcess first;
    m_cli->start(&first, migrateArgs());
    QByteArray err;
    QVERIFY(waitForProgress(&first, &err, 30) >= 30);
    // Slow the account down so the first run is certainly still running while the others ask
    // (no clock decides the order: the run cannot finish 500 numbers at 300 ms per call
    // within the few requests the other processes make).
    QString error;
    QVERIFY2(m_inspector->setFaults("latency_ms=300", &error), qPrintable(error));

    // The same journal: the run is reported as running, never "interrupted".
    const CliResult status = m_cli->run({"status", "--json"});
    const QJsonObject run = QJsonDocument::fromJson(status.out).object();
    QVERIFY2(run.value(QLatin1String("running")).toBool(), status.out.constData());
    QCOMPARE(run.value(QLatin1String("interrupted")).toBool(), false);
    QVERIFY(
        run.value(QLatin1String("holder")).toString().contains(QString::number(first.processId())));
    for (const QStringList &command : {QStringList{"resume"}, QStringList{"rollback", "--yes"}}) {
        const CliResult refused = m_cli->run(command);
        QVERIFY2(refused.exitCode != 0 && refused.err.contains("still running"),
                 refused.err.constData());
    }
    // Another journal (a second administrator's CLI): refused before any change.
    CliProcess other(*m_sandbox, m_dir->filePath(QStringLiteral("other.sqlite")));
    const CliResult second = other.run(migrateArgs());
    QVERIFY2(second.exitCode != 0 && second.err.contains("right now"), second.err.constData());

    QVERIFY2(m_inspector->setFaults("latency_ms=0", &error), qPrintable(error));
    QVERIFY(first.waitForFinished(60000));
    QCOMPARE(first.exitCode(), 0);
    checkRule();
    QCOMPARE(m_cli->run({"status"}).exitCode, 0);
}

void TestCliCrash::killedBySigxfszThenResumeLosesNoAuditRow()
{
    // The journal's write-ahead log reaches the file-size limit mid-run: the kernel sends
    // SIGXFSZ, whose default action kills the process inside a write. Every change that took
    // effect must still have its audit row, and resume must finish and reconcile the rest.
    QProcess process;
    process.setChildProcessModifier([] {
        const rlimit size{1536 * 1024, 1536 * 1024};
        const rlimit noCore{0, 0};
        ::setrlimit(RLIMIT_FSIZE, &size);
        ::setrlimit(RLIMIT_CORE, &noCore);
        ::signal(SIGXFSZ, SIG_DFL);
    });
    m_cli->start(&process, migrateArgs());
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QCOMPARE(process.exitCode(), int(SIGXFSZ));
    checkRule();

    QString error;
    const QHash<QString, LiveNumber> atCrash = m_inspector->numbers(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString csvPath = m_dir->filePath(QStringLiteral("at-crash.csv"));
    const CliResult exported = m_cli->run({"audit", "--csv", csvPath});
    QVERIFY2(exported.exitCode == 0, exported.err.right(2000).constData());
    QFile csvFile(csvPath);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = csvFile.readAll().split('\n');
    auto hasRow = [&rows](const QString &sid, const QByteArray &action) {
        for (const QByteArray &row : rows)
            if (row.contains(sid.toLatin1()) && row.contains(',' + action + ','))
                return true;
        return false;
    };
    int changed = 0;
    for (const LiveNumber &was : std::as_const(m_initial)) {
        const LiveNumber &is = atCrash.value(was.sid);
        if (is.voiceUrl != was.voiceUrl) {
            ++changed;
            QVERIFY2(hasRow(was.sid, "set_voice_url"), qPrintable(was.sid));
        }
        if (is.trunkSid != was.trunkSid)
            QVERIFY2(hasRow(was.sid, "remove_from_trunk"), qPrintable(was.sid));
    }
    QVERIFY2(changed > 0 && changed < 600, qPrintable(QString::number(changed)));

    const CliResult resume = m_cli->run({"resume", "--json"});
    QVERIFY2(resume.exitCode == 0, resume.err.right(2000).constData());
    const QHash<QString, LiveNumber> numbers = m_inspector->numbers(&error);
    for (const LiveNumber &before : std::as_const(m_initial)) {
        QCOMPARE(numbers.value(before.sid).trunkSid, QString());
        QCOMPARE(numbers.value(before.sid).voiceUrl, kHandler);
    }
    const QString afterPath = m_dir->filePath(QStringLiteral("after.csv"));
    QCOMPARE(m_cli->run({"audit", "--csv", afterPath}).exitCode, 0);
    QFile after(afterPath);
    QVERIFY(after.open(QIODevice::ReadOnly));
    const QByteArray csv = after.readAll();
    QCOMPARE(csv.count(",pending"), 0);
    qInfo("%d numbers changed when SIGXFSZ killed the run", changed);
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
