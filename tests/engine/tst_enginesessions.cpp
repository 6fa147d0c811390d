// What the engine keeps from one session (process) to the next: the cut-over sheet of step 1
// outlives the process, and embedded-sandbox sessions never share the on-disk journal, whose
// set-up values would name Functions resources the next sandbox does not have.
#include "enginefixture.h"
#include "enginestorage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTest>

class TestEngineSessions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cutoverSheetOutlivesTheSession();
    void embeddedSandboxSessionsDoNotShareTheJournal();
    void chosenJournalIsKeptForTheSandbox();
    void keptSandboxOutlivesTheSession();
    void abandonedTemporaryJournalsAreRemoved();

private:
    // Connects to the embedded sandbox (kept or not) and runs step 1; empty on success, else
    // why not.
    static QString stepOneOnEmbeddedSandbox(MigrationService &service, bool keep = false);
    // The SIP domain names the sandbox's account holds now.
    static QStringList domainNames(SandboxServer *sandbox);
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

QString TestEngineSessions::stepOneOnEmbeddedSandbox(MigrationService &service, bool keep)
{
    SandboxOptions options;
    options.numbers = 10;
    service.setSandboxOptions(options);
    ConnectionSettings settings; // sandbox = true
    settings.keepSandbox = keep;
    const auto connected = waitEnd(service.connectAccount(settings), 15000);
    if (!connected.ended())
        return QStringLiteral("connect timed out");
    if (connected.error)
        return connected.error->message;
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

QStringList TestEngineSessions::domainNames(SandboxServer *sandbox)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(sandbox->baseUrl().toString() +
                                 QStringLiteral("/2010-04-01/Accounts/") + sandbox->accountSid() +
                                 QStringLiteral("/SIP/Domains.json")));
    request.setRawHeader(
        "Authorization",
        "Basic " + (sandbox->accountSid() + u':' + sandbox->authToken()).toUtf8().toBase64());
    QNetworkReply *reply = nam.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return {};
    QStringList names;
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    for (const QJsonValue &d : body.value(QLatin1String("domains")).toArray())
        names.append(d.toObject().value(QLatin1String("domain_name")).toString());
    delete reply;
    return names;
}

void TestEngineSessions::keptSandboxOutlivesTheSession()
{
    QString error;
    QVERIFY2(EngineStorage::removeKeptSandbox(&error), qPrintable(error));
    QString domain;
    {
        MigrationService service;
        const QString problem = stepOneOnEmbeddedSandbox(service, true);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!service.sandbox()->isKeptAccount());
        domain = service.cutoverSheet().domainName;
        QVERIFY(domainNames(service.sandbox()).contains(domain));

        // A second process (here: service) cannot serve the same kept account meanwhile.
        MigrationService second;
        ConnectionSettings keep;
        keep.keepSandbox = true;
        const auto refused = waitFailure(second.connectAccount(keep), 15000);
        QVERIFY(refused);
        QVERIFY2(refused->message.contains(QLatin1String("in use")), qPrintable(refused->message));
        QCOMPARE(second.resetKeptSandbox().isEmpty(), false);
    }
    QVERIFY(QFile::exists(EngineStorage::keptSandboxStatePath()));
    QVERIFY(QFile::exists(EngineStorage::keptSandboxJournalPath()));

    MigrationService again;
    ConnectionSettings keep;
    keep.keepSandbox = true;
    QVERIFY(waitJob(again.connectAccount(keep), 15000));
    QVERIFY(again.sandbox()->isKeptAccount());
    QCOMPARE(again.cutoverSheet().domainName, domain);      // the journal was kept
    QVERIFY(domainNames(again.sandbox()).contains(domain)); // and the account with it

    // Reset while connected to it: disconnected, both files gone, the next one is fresh.
    QCOMPARE(again.resetKeptSandbox(), QString());
    QVERIFY(again.account().sid.isEmpty());
    QVERIFY(!QFile::exists(EngineStorage::keptSandboxStatePath()));
    QVERIFY(!QFile::exists(EngineStorage::keptSandboxJournalPath()));
    QVERIFY(waitJob(again.connectAccount(keep), 15000));
    QVERIFY(!again.sandbox()->isKeptAccount());
    QCOMPARE(again.cutoverSheet().domainName, QString());
    QVERIFY(!domainNames(again.sandbox()).contains(domain));
    QCOMPARE(again.resetKeptSandbox(), QString());
    QVERIFY(!QFile::exists(EngineStorage::defaultPath()));
}

void TestEngineSessions::abandonedTemporaryJournalsAreRemoved()
{
    // A process killed with -9 leaves its temporary journal behind: the next one removes it,
    // and leaves alone the folder of a process that still runs.
    const QString prefix = QDir::tempPath() + QStringLiteral("/trunk-migrator-sandbox-");
    QDir(prefix + QStringLiteral("deadtest")).removeRecursively();
    QVERIFY(QDir().mkpath(prefix + QStringLiteral("deadtest")));
    qint64 deadPid = 0;
    {
        QProcess child; // a pid that surely ended: a child we watched exit
        child.start(QStringLiteral("cat"), QStringList{});
        QVERIFY(child.waitForStarted(5000));
        deadPid = child.processId();
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(5000));
    }
    QFile lock(prefix + QStringLiteral("deadtest/owner.lock"));
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write(QByteArray::number(deadPid) + "\ntrunk-migrator\n" +
               QSysInfo::machineHostName().toUtf8() + "\n");
    lock.close();
    QFile(prefix + QStringLiteral("deadtest/journal.sqlite")).open(QIODevice::WriteOnly);

    QVERIFY(QDir().mkpath(prefix + QStringLiteral("livetest")));
    QLockFile live(prefix + QStringLiteral("livetest/owner.lock"));
    QVERIFY(live.tryLock(0));

    const auto ours = [] {
        return QDir(QDir::tempPath())
            .entryList({QStringLiteral("trunk-migrator-sandbox-*")},
                       QDir::Dirs | QDir::NoDotAndDotDot);
    };
    QStringList during;
    {
        MigrationService service;
        const QString problem = stepOneOnEmbeddedSandbox(service);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        during = ours();
    }
    QVERIFY(!during.contains(QStringLiteral("trunk-migrator-sandbox-deadtest")));
    QVERIFY(during.contains(QStringLiteral("trunk-migrator-sandbox-livetest")));
    QCOMPARE(during.size(), 2); // livetest and the service's own
    QCOMPARE(ours(),
             QStringList{QStringLiteral("trunk-migrator-sandbox-livetest")}); // its own went
    live.unlock();
    QDir(prefix + QStringLiteral("livetest")).removeRecursively();
}

QTEST_GUILESS_MAIN(TestEngineSessions)
#include "tst_enginesessions.moc"
