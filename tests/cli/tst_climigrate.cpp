// trunk-migrator-cli end to end on 250 numbers: migrate --all moves every one (checked field
// by field on the sandbox), revert restores one number exactly, audit --csv has a row per
// change, and the token appears in no file and no output.
#include "cliprocess.h"
#include "csvreader.h"
#include "sandboxinspector.h"
#include "sandboxprocess.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kHandler = QStringLiteral("https://h.example.com/outboundHandler");
}

class TestCliMigrate : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void migrateAll();
    void rerunChangesNothing();
    void revertOne();
    void auditCsv();
    void noSecretAnywhere();

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    std::unique_ptr<CliProcess> m_cli;
    std::unique_ptr<SandboxInspector> m_inspector;
    QHash<QString, LiveNumber> m_initial;
    LiveNumber m_reverted;
};

void TestCliMigrate::initTestCase()
{
    QString error;
    QVERIFY2(m_sandbox.start({QStringLiteral("--numbers"), QStringLiteral("250")}, &error),
             qPrintable(error));
    m_cli = std::make_unique<CliProcess>(m_sandbox, m_dir.filePath(QStringLiteral("j.sqlite")));
    m_inspector = std::make_unique<SandboxInspector>(m_sandbox);
    m_initial = SandboxInspector::onTrunk(m_inspector->numbers(&error), m_sandbox.trunkSid);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_initial.size(), 250);
}

void TestCliMigrate::migrateAll()
{
    // A voice URL of the caller's own and no step 2: nothing compared the calls with the
    // trunk's, so that needs its own acknowledgement, and nothing moves without it.
    const CliResult refused = m_cli->run(
        {QStringLiteral("migrate"), QStringLiteral("--trunk"), m_sandbox.trunkSid,
         QStringLiteral("--all"), QStringLiteral("--yes"), QStringLiteral("--accept-change"),
         QStringLiteral("fax-numbers"), QStringLiteral("--voice-url"), kHandler});
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.errText().contains(QLatin1String("calls-unchecked")),
             refused.err.right(2000).constData());
    QString unchanged;
    QCOMPARE(SandboxInspector::onTrunk(m_inspector->numbers(&unchanged), m_sandbox.trunkSid),
             m_initial);

    const CliResult run = m_cli->run(
        {QStringLiteral("migrate"), QStringLiteral("--trunk"), m_sandbox.trunkSid,
         QStringLiteral("--all"), QStringLiteral("--yes"), QStringLiteral("--accept-change"),
         QStringLiteral("fax-numbers,calls-unchecked"), QStringLiteral("--voice-url"), kHandler,
         QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QLatin1String("migrated")).toInt(), 250);
    QCOMPARE(report.value(QLatin1String("failed")).toInt(), 0);
    QCOMPARE(report.value(QLatin1String("numbers")).toArray().size(), 250);
    QVERIFY(run.errText().contains(QLatin1String("250/250")));

    QString error;
    const QHash<QString, LiveNumber> after = m_inspector->numbers(&error);
    for (const LiveNumber &before : std::as_const(m_initial)) {
        const LiveNumber now = after.value(before.sid);
        QCOMPARE(now.trunkSid, QString());
        QCOMPARE(now.voiceUrl, kHandler);
        QCOMPARE(now.voiceMethod, QStringLiteral("POST"));
        // Only the voice URL/method and the trunk change; everything else stays.
        QCOMPARE(now.voiceFallbackUrl, before.voiceFallbackUrl);
        QCOMPARE(now.statusCallback, before.statusCallback);
        QCOMPARE(now.voiceApplicationSid, before.voiceApplicationSid);
    }
}

void TestCliMigrate::rerunChangesNothing()
{
    const CliResult run = m_cli->run(
        {QStringLiteral("migrate"), QStringLiteral("--trunk"), m_sandbox.trunkSid,
         QStringLiteral("--all"), QStringLiteral("--yes"), QStringLiteral("--accept-change"),
         QStringLiteral("fax-numbers,calls-unchecked"), QStringLiteral("--voice-url"), kHandler,
         QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QLatin1String("migrated")).toInt(), 0);
    QCOMPARE(report.value(QLatin1String("already_migrated")).toInt(), 250);
}

void TestCliMigrate::revertOne()
{
    m_reverted = *m_initial.begin();
    const CliResult run = m_cli->run({QStringLiteral("revert"), QStringLiteral("--trunk"),
                                      m_sandbox.trunkSid, m_reverted.phoneNumber});
    QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
    QVERIFY(run.outText().contains(m_reverted.phoneNumber));
    QString error;
    const QHash<QString, LiveNumber> after = m_inspector->numbers(&error);
    QVERIFY(after.value(m_reverted.sid) == m_reverted); // every voice field as before
    QCOMPARE(SandboxInspector::onTrunk(after, m_sandbox.trunkSid).size(), 1);
    QCOMPARE(SandboxInspector::offTrunkWithoutUrl(after, m_initial, kHandler), QStringList());
}

void TestCliMigrate::auditCsv()
{
    const QString csvPath = m_dir.filePath(QStringLiteral("audit.csv"));
    const CliResult run = m_cli->run({QStringLiteral("audit"), QStringLiteral("--csv"), csvPath});
    QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QStringList> rows;
    QVERIFY(readCsv(file.readAll(), &rows));
    QVERIFY(rows.size() > 1);
    const QStringList header = rows.takeFirst();
    const int numberColumn = int(header.indexOf(QStringLiteral("number_sid")));
    const int outcomeColumn = int(header.indexOf(QStringLiteral("outcome")));
    QVERIFY2(numberColumn >= 0 && outcomeColumn >= 0, qPrintable(header.join(QLatin1Char(','))));
    QVERIFY(run.outText().contains(QString::number(rows.size())));
    // Each migrated number: its voice URL set and its removal from the trunk; the reverted
    // one has its way back too. Reads and the idempotent re-run add no rows.
    QHash<QString, int> perNumber;
    for (const QStringList &row : std::as_const(rows)) {
        QCOMPARE(row.size(), header.size());
        ++perNumber[row.at(numberColumn)];
    }
    for (const LiveNumber &n : std::as_const(m_initial)) {
        const int expected = n.sid == m_reverted.sid ? 4 : 2;
        QVERIFY2(perNumber.value(n.sid) >= expected,
                 qPrintable(QStringLiteral("%1: %2 rows").arg(n.sid).arg(perNumber.value(n.sid))));
    }
}

void TestCliMigrate::noSecretAnywhere()
{
    const QByteArray token = m_sandbox.authToken.toUtf8();
    QVERIFY(!m_cli->allStderr.contains(token));
    // The journal (with its WAL and shared memory files) and the CSV, byte for byte.
    QDirIterator files(m_dir.path(), QDir::Files);
    int checked = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(token), qPrintable(file.fileName()));
        ++checked;
    }
    QVERIFY(checked >= 2);
}

QTEST_GUILESS_MAIN(TestCliMigrate)
#include "tst_climigrate.moc"
