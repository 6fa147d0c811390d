// FunctionDeployer against answers the sandbox does not give: no Functions in the region,
// broken or hostile JSON, builds that fail. Each must end in one clear report.
#include "../common/drainevents.h"
#include "auditlog.h"
#include "faketwilio.h"
#include "functiondeployer.h"
#include "journal.h"
#include "twilioclient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Service = QStringLiteral("ZS0123456789abcdef0123456789abcdef");
const QString Environment = QStringLiteral("ZE0123456789abcdef0123456789abcdef");
const QString Function = QStringLiteral("ZH0123456789abcdef0123456789abcdef");
const QString Version = QStringLiteral("ZN0123456789abcdef0123456789abcdef");
const QString Build = QStringLiteral("ZB0123456789abcdef0123456789abcdef");
const QString Account = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString Trunk = QStringLiteral("TK0123456789abcdef0123456789abcdef");

QString path(const QString &suffix = {})
{
    return QStringLiteral("/v1/Services/") + Service + suffix;
}
} // namespace

class TestBrokenAnswers : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    std::unique_ptr<FakeTwilio> fake;
    std::unique_ptr<TwilioClient> client;
    std::unique_ptr<Journal> journal;
    std::unique_ptr<AuditLog> audit;

    struct Outcome
    {
        int finished = 0, failed = 0, unavailable = 0;
        QString message;
    };
    Outcome deploy()
    {
        FunctionDeployer deployer(client.get(), journal.get(), audit.get(), Account);
        deployer.setBuildTiming(10, 2000);
        QSignalSpy finished(&deployer, &FunctionDeployer::finished);
        QSignalSpy failed(&deployer, &FunctionDeployer::failed);
        QSignalSpy unavailable(&deployer, &FunctionDeployer::unavailable);
        DeploymentSpec spec;
        spec.trunkSid = Trunk;
        spec.serviceUniqueName = QStringLiteral("trunk-migrator");
        spec.functions = {{QStringLiteral("inboundHandler"), QStringLiteral("/inboundHandler"),
                           "exports.handler = () => {};"}};
        deployer.start(spec);
        Outcome o;
        if (!QTest::qWaitFor(
                [&] { return finished.count() + failed.count() + unavailable.count(); }, 10000))
            return o;
        // Nothing else may follow the one report: wait until the client is idle, then deliver
        // what it queued.
        if (!QTest::qWaitFor([&] { return client->counters().operations == 0; }, 10000))
            return o;
        drainPostedEvents();
        o.finished = int(finished.count());
        o.failed = int(failed.count());
        o.unavailable = int(unavailable.count());
        const QSignalSpy &report = failed.isEmpty() ? unavailable : failed;
        if (!report.isEmpty())
            o.message = report.first().first().value<OperationError>().message;
        return o;
    }

    // A service with one environment and nothing deployed: the deployer gets to the build.
    void scriptUpToTheBuild()
    {
        fake->answer("GET", "/v1/Services/trunk-migrator", 200,
                     {{"sid", Service}, {"unique_name", "trunk-migrator"}});
        fake->answerList(path("/Environments"), "environments",
                         {{{"sid", Environment},
                           {"service_sid", Service},
                           {"unique_name", "production"},
                           {"domain_name", "tm-1234.twil.io"},
                           {"build_sid", QJsonValue()}}});
        fake->answerList(path("/Environments/" + Environment + "/Variables"), "variables", {});
        fake->answerList(path("/Functions"), "functions",
                         {{{"sid", Function}, {"friendly_name", "inboundHandler"}}});
        fake->answer("POST", path("/Functions/" + Function + "/Versions"), 201,
                     {{"sid", Version}, {"function_sid", Function}, {"path", "/inboundHandler"}});
        fake->answer("POST", path("/Builds"), 201, {{"sid", Build}, {"status", "building"}});
    }

private slots:
    void init()
    {
        fake = std::make_unique<FakeTwilio>();
        const quint16 port = fake->start();
        QVERIFY(port != 0);
        client = std::make_unique<TwilioClient>();
        QUrl base(QStringLiteral("http://127.0.0.1"));
        base.setPort(port);
        QCOMPARE(client->configure({Account, {}, QStringLiteral("secret")}, {{}, {}, base}),
                 QString());
        journal = std::make_unique<Journal>();
        QVERIFY(journal->open(
            dir.filePath(QStringLiteral("j%1.db").arg(QTest::currentTestFunction()))));
        audit = std::make_unique<AuditLog>(journal->store());
    }
    void cleanup()
    {
        audit.reset();
        journal.reset();
        client.reset();
        fake.reset();
    }

    void noServicesCollectionMeansUnavailable()
    {
        // Both the fetch by name and the list answer 404: the product is not there.
        const Outcome o = deploy();
        QCOMPARE(o.unavailable, 1);
        QCOMPARE(o.failed + o.finished, 0);
        QCOMPARE(fake->changes(), 0);
        QCOMPARE(fake->requests(),
                 (QStringList{"GET /v1/Services/trunk-migrator", "GET /v1/Services"}));
    }

    void missingServiceIsCreatedWhenTheListWorks()
    {
        fake->answerList("/v1/Services", "services", {});
        fake->answer("POST", "/v1/Services", 400, {{"code", 20001}, {"message", "refused"}});
        const Outcome o = deploy();
        QCOMPARE(o.failed, 1);
        QCOMPARE(o.unavailable, 0);
        QVERIFY(o.message.contains(QLatin1String("refused")));
        QCOMPARE(fake->changes(), 1); // the create was tried, once
    }

    void malformedServiceSidIsNotUsed()
    {
        fake->answer("GET", "/v1/Services/trunk-migrator", 200,
                     {{"sid", "../../Accounts"}, {"unique_name", "trunk-migrator"}});
        const Outcome o = deploy();
        QCOMPARE(o.failed, 1);
        QVERIFY2(o.message.contains(QLatin1String("service SID")), qPrintable(o.message));
        QCOMPARE(fake->requests().size(), 1);
    }

    void hostileEnvironmentDomainIsNotUsed()
    {
        scriptUpToTheBuild();
        fake->answerList(path("/Environments"), "environments",
                         {{{"sid", Environment},
                           {"unique_name", "production"},
                           {"domain_name", "evil.example.com/steal?x="}}});
        const Outcome o = deploy();
        QCOMPARE(o.failed, 1);
        QVERIFY2(o.message.contains(QLatin1String("domain name")), qPrintable(o.message));
        QCOMPARE(fake->changes(), 0);
    }

    void failedBuildIsReportedAndNothingDeployed()
    {
        scriptUpToTheBuild();
        fake->answer("GET", path("/Builds/" + Build + "/Status"), 200,
                     {{"sid", Build}, {"status", "failed"}});
        const Outcome o = deploy();
        QCOMPARE(o.failed, 1);
        QVERIFY2(o.message.contains(QLatin1String("failed")), qPrintable(o.message));
        for (const QString &request : fake->requests())
            QVERIFY(!request.contains(QLatin1String("Deployments")));
        QVERIFY(journal->openIntents().isEmpty());
    }

    void unknownBuildStatusIsNotWaitedOn()
    {
        scriptUpToTheBuild();
        fake->answer("GET", path("/Builds/" + Build + "/Status"), 200,
                     {{"sid", Build}, {"status", "exploded\u001b[31m"}});
        const Outcome o = deploy();
        QCOMPARE(o.failed, 1);
        QVERIFY2(o.message.contains(QLatin1String("unknown build status")), qPrintable(o.message));
        QVERIFY(!o.message.contains(QChar(0x1b)));
    }
};

QTEST_GUILESS_MAIN(TestBrokenAnswers)
#include "tst_brokenanswers.moc"
