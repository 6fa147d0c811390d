// What the engine keeps from one session (process) to the next: the cut-over sheet of step 1
// outlives the process, and embedded-sandbox sessions never share the on-disk journal, whose
// set-up values would name Functions resources the next sandbox does not have.
#include "enginefixture.h"
#include "enginestorage.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

class TestEngineSessions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cutoverSheetOutlivesTheSession();
    void embeddedSandboxSessionsDoNotShareTheJournal();
    void chosenJournalIsKeptForTheSandbox();

private:
    // Connects to the embedded sandbox and runs step 1; empty on success, else why not.
    static QString stepOneOnEmbeddedSandbox(MigrationService &service);
};

void TestEngineSessions::initTestCase()
{
    // The default journal goes under the user's data folder: use the test one, and start
    // without a journal there.
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(EngineStorage::defaultPath());
    QVERIFY(!QFile::exists(EngineStorage::defaultPath()));
}

void TestEngineSessions::cutoverSheetOutlivesTheSession()
{
    EngineFixture f;
    QString problem = f.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    f.server().setBuildDurationMs(0);
    auto first = f.newService(&problem);
    QVERIFY2(first, qPrintable(problem));
    QCOMPARE(first->cutoverSheet().domainName, QString()); // no step 1 yet
    InboundOptions options;
    options.trunkSid = f.server().trunkSid();
    options.domainPrefix = QStringLiteral("acme-pbx");
    options.friendlyName = QStringLiteral("Acme PBX");
    options.secureMedia = true;
    const auto inbound = waitEnd(first->setupInbound(options), 30000);
    QVERIFY2(inbound.result, qPrintable(inbound.why()));
    const CutoverSheet sheet = first->cutoverSheet();
    QCOMPARE(sheet.domainName, QStringLiteral("acme-pbx.sip.twilio.com"));
    QVERIFY(sheet.sipUris.size() > 1); // the edge variants too
    QVERIFY(sheet.tlsRequired && sheet.srtpRequired);
    QCOMPARE(sheet.ipAccessControlLists.size(), 1);
    QCOMPARE(sheet.credentialLists.size(), 1);
    first.reset();

    // The next process: a new service on the same journal, connected, nothing else.
    auto next = f.newService(&problem);
    QVERIFY2(next, qPrintable(problem));
    const CutoverSheet again = next->cutoverSheet();
    QCOMPARE(again.domainName, sheet.domainName);
    QCOMPARE(again.sipUris, sheet.sipUris);
    QCOMPARE(again.tlsRequired, true);
    QCOMPARE(again.srtpRequired, true);
    QCOMPARE(again.port, sheet.port);
    QCOMPARE(again.tlsPort, sheet.tlsPort);
    QCOMPARE(again.ipAccessControlLists.size(), 1);
    QCOMPARE(again.ipAccessControlLists.first().sid, sheet.ipAccessControlLists.first().sid);
    QCOMPARE(again.ipAccessControlLists.first().friendlyName,
             sheet.ipAccessControlLists.first().friendlyName);
    QCOMPARE(again.credentialLists.first().sid, sheet.credentialLists.first().sid);
    QCOMPARE(again.credentialLists.first().friendlyName,
             sheet.credentialLists.first().friendlyName);
    QCOMPARE(again.asText(), sheet.asText());

    // Another account on the same journal has no sheet.
    SandboxOptions otherAccount;
    otherAccount.seed = 7;
    EngineFixture other(otherAccount);
    QVERIFY(other.start().isEmpty());
    MigrationService stranger;
    stranger.setJournalPath(f.journalPath());
    QVERIFY(waitJob(stranger.connectAccount(other.settings()), 15000));
    QCOMPARE(stranger.account().sid, other.server().accountSid());
    QVERIFY(stranger.account().sid != f.server().accountSid());
    QCOMPARE(stranger.cutoverSheet().domainName, QString());
}

QString TestEngineSessions::stepOneOnEmbeddedSandbox(MigrationService &service)
{
    SandboxOptions options;
    options.numbers = 10;
    service.setSandboxOptions(options);
    if (!waitJob(service.connectAccount(ConnectionSettings{}), 15000)) // sandbox = true
        return QStringLiteral("connect failed");
    service.sandbox()->setBuildDurationMs(0);
    InboundOptions in;
    in.trunkSid = service.sandbox()->trunkSid();
    in.domainPrefix = QStringLiteral("sandbox-pbx");
    in.friendlyName = QStringLiteral("Sandbox PBX");
    const auto inbound = waitEnd(service.setupInbound(in), 30000);
    if (!inbound.ended())
        return QStringLiteral("step 1 timed out");
    if (inbound.error)
        return inbound.error->message;
    return service.cutoverSheet().domainName.isEmpty() ? QStringLiteral("no sheet") : QString();
}

void TestEngineSessions::embeddedSandboxSessionsDoNotShareTheJournal()
{
    // Two wizard runs with --sandbox, one after the other, on the default journal path (the
    // second one used to fail: "... is not a function version of this service").
    for (int session = 1; session <= 2; ++session) {
        MigrationService service;
        const QString problem = stepOneOnEmbeddedSandbox(service);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QStringLiteral("session %1: %2").arg(session).arg(problem)));
    }
    // The CLI names the default path explicitly when --state is not given: the same holds.
    for (int session = 1; session <= 2; ++session) {
        MigrationService service;
        service.setJournalPath(EngineStorage::defaultPath());
        const QString problem = stepOneOnEmbeddedSandbox(service);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QVERIFY(!QFile::exists(EngineStorage::defaultPath()));
}

void TestEngineSessions::chosenJournalIsKeptForTheSandbox()
{
    // A journal the caller chose is used as given, sandbox or not.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chosen.sqlite"));
    {
        MigrationService service;
        service.setJournalPath(path);
        const QString problem = stepOneOnEmbeddedSandbox(service);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QVERIFY(QFile::exists(path));
    QVERIFY(!QFile::exists(EngineStorage::defaultPath()));
}

QTEST_GUILESS_MAIN(TestEngineSessions)
#include "tst_enginesessions.moc"
