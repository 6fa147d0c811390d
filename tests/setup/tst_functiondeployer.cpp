// FunctionDeployer against the in-process sandbox: what it creates, what a re-run leaves
// alone, how it keeps earlier functions live, and how it fails.
#include "../common/drainevents.h"
#include "functiondeployer.h"
#include "serverlessapi.h"
#include "setupfixture.h"

#include <QJsonArray>

class TestFunctionDeployer : public QObject
{
    Q_OBJECT

    std::unique_ptr<SetupFixture> f;

    DeploymentSpec spec(const QString &name = QStringLiteral("inboundHandler"),
                        const QByteArray &code = "exports.handler = () => {};") const
    {
        DeploymentSpec s;
        s.trunkSid = f->trunkSid();
        s.serviceUniqueName = QStringLiteral("trunk-migrator");
        s.serviceFriendlyName = QStringLiteral("Trunk Migrator");
        s.functions = {{name, u'/' + name, code}};
        return s;
    }

    // Runs one deployment to its end; the spies tell how it ended.
    struct Run
    {
        std::unique_ptr<FunctionDeployer> deployer;
        std::unique_ptr<QSignalSpy> finished, failed, unavailable;
        DeploymentResult result() const
        {
            return finished->first().first().value<DeploymentResult>();
        }
    };
    Run deploy(const DeploymentSpec &s, int timeoutMs = 5000)
    {
        Run run;
        run.deployer = std::make_unique<FunctionDeployer>(f->client(), f->journal(), f->audit(),
                                                          f->accountSid());
        run.deployer->setBuildTiming(20, timeoutMs);
        run.finished =
            std::make_unique<QSignalSpy>(run.deployer.get(), &FunctionDeployer::finished);
        run.failed = std::make_unique<QSignalSpy>(run.deployer.get(), &FunctionDeployer::failed);
        run.unavailable =
            std::make_unique<QSignalSpy>(run.deployer.get(), &FunctionDeployer::unavailable);
        run.deployer->start(s);
        const auto ended = [&] {
            return run.finished->count() + run.failed->count() + run.unavailable->count();
        };
        // Callers check which spy fired; a run that never ends leaves all three empty.
        if (!QTest::qWaitFor([&] { return ended() > 0; }, 20000))
            qWarning("the deployment did not end");
        return run;
    }

    QList<ServerlessService> services()
    {
        return f
            ->await<QList<ServerlessService>>([&](QObject *c, auto done) {
                return f->client()->serverless().listServices(c, done);
            })
            .value;
    }
    QList<ServerlessEnvironment> environments(const QString &service)
    {
        return f
            ->await<QList<ServerlessEnvironment>>([&](QObject *c, auto done) {
                return f->client()->serverless().listEnvironments(service, c, done);
            })
            .value;
    }
    QList<ServerlessDeployment> deployments(const DeploymentResult &r)
    {
        return f
            ->await<QList<ServerlessDeployment>>([&](QObject *c, auto done) {
                return f->client()->serverless().listDeployments(r.serviceSid, r.environmentSid, c,
                                                                 done);
            })
            .value;
    }
    QList<ServerlessVariable> variables(const DeploymentResult &r)
    {
        return f
            ->await<QList<ServerlessVariable>>([&](QObject *c, auto done) {
                return f->client()->serverless().listVariables(r.serviceSid, r.environmentSid, c,
                                                               done);
            })
            .value;
    }
    QStringList livePaths(const DeploymentResult &r)
    {
        const QString buildSid = environments(r.serviceSid).value(0).buildSid.value_or(QString());
        const auto build = f->await<ServerlessBuild>([&](QObject *c, auto done) {
            return f->client()->serverless().fetchBuild(r.serviceSid, buildSid, c, done);
        });
        QStringList paths;
        const QJsonArray versions =
            build.value.raw.value(QLatin1String("function_versions")).toArray();
        for (const QJsonValue &v : versions)
            paths.append(v.toObject().value(QLatin1String("path")).toString());
        paths.sort();
        return paths;
    }

private slots:
    void init()
    {
        f = std::make_unique<SetupFixture>();
        QCOMPARE(f->start(), QString());
    }
    void cleanup() { f.reset(); }

    void deploysServiceEnvironmentFunctionBuildVariableAndDeployment()
    {
        DeploymentSpec s = spec();
        s.variables = {{QStringLiteral("PBX_DOMAIN"), QStringLiteral("pbx.example.net")}};
        const Run run = deploy(s);
        QVERIFY2(run.finished->count() == 1, qPrintable(failureMessage(*run.failed)));
        const DeploymentResult r = run.result();
        QVERIFY(r.changed);
        QVERIFY(r.serviceSid.startsWith(QLatin1String("ZS")));
        QVERIFY(r.deploymentSid.startsWith(QLatin1String("ZD")));
        QVERIFY(r.domainName.endsWith(QLatin1String(".twil.io")));
        QCOMPARE(r.functionUrls.value(QStringLiteral("inboundHandler")).toString(),
                 QStringLiteral("https://%1/inboundHandler").arg(r.domainName));

        const auto all = services();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().uniqueName, QStringLiteral("trunk-migrator"));
        const auto envs = environments(r.serviceSid);
        QCOMPARE(envs.size(), 1);
        QCOMPARE(envs.first().buildSid.value_or(QString()), r.buildSid);
        QCOMPARE(livePaths(r), QStringList{QStringLiteral("/inboundHandler")});
        QCOMPARE(deployments(r).size(), 1);
        const auto vars = variables(r);
        QCOMPARE(vars.size(), 1);
        QCOMPARE(vars.first().key, QStringLiteral("PBX_DOMAIN"));
        QCOMPARE(vars.first().value, QStringLiteral("pbx.example.net"));

        // Every change has its intent and its result in the journal, and an audit line.
        QVERIFY(f->journal()->openIntents().isEmpty());
        QCOMPARE(f->auditCount(), 7);
        QCOMPARE(f->journal()
                     ->setupValue(f->accountSid(), QStringLiteral("serverless.build_sid"))
                     .value_or(QString()),
                 r.buildSid);
    }

    void rerunWithTheSameCodeChangesNothing()
    {
        DeploymentSpec s = spec();
        s.variables = {{QStringLiteral("PBX_DOMAIN"), QStringLiteral("pbx.example.net")}};
        const Run first = deploy(s);
        QCOMPARE(first.finished->count(), 1);
        const int audits = f->auditCount();
        const Run second = deploy(s);
        QVERIFY2(second.finished->count() == 1, qPrintable(failureMessage(*second.failed)));
        const DeploymentResult r = second.result();
        QVERIFY(!r.changed);
        QVERIFY(r.deploymentSid.isEmpty());
        QCOMPARE(r.buildSid, first.result().buildSid);
        QCOMPARE(r.functionUrls, first.result().functionUrls);
        QCOMPARE(services().size(), 1);
        QCOMPARE(deployments(r).size(), 1);
        QCOMPARE(f->auditCount(), audits);
    }

    void laterDeployKeepsEarlierFunctionsLive()
    {
        QCOMPARE(deploy(spec()).finished->count(), 1);
        const Run second = deploy(spec(QStringLiteral("outboundHandler")));
        QVERIFY2(second.finished->count() == 1, qPrintable(failureMessage(*second.failed)));
        QCOMPARE(livePaths(second.result()), (QStringList{QStringLiteral("/inboundHandler"),
                                                          QStringLiteral("/outboundHandler")}));
    }

    void changedCodeOrVariableIsRedeployedInPlace()
    {
        DeploymentSpec s = spec();
        s.variables = {{QStringLiteral("PBX_DOMAIN"), QStringLiteral("pbx.example.net")}};
        const Run first = deploy(s);
        QCOMPARE(first.finished->count(), 1);
        s.functions.first().content = "exports.handler = (c, e, cb) => cb(null, 'v2');";
        s.variables = {{QStringLiteral("PBX_DOMAIN"), QStringLiteral("pbx2.example.net")}};
        const Run second = deploy(s);
        QVERIFY2(second.finished->count() == 1, qPrintable(failureMessage(*second.failed)));
        const DeploymentResult r = second.result();
        QVERIFY(r.changed);
        QVERIFY(r.buildSid != first.result().buildSid);
        QCOMPARE(deployments(r).size(), 2);
        const auto vars = variables(r); // updated, not duplicated
        QCOMPARE(vars.size(), 1);
        QCOMPARE(vars.first().value, QStringLiteral("pbx2.example.net"));
        QCOMPARE(livePaths(r), QStringList{QStringLiteral("/inboundHandler")});
    }

    void reusesTheServiceThatExists()
    {
        const auto created = f->await<ServerlessService>([&](QObject *c, auto done) {
            return f->client()->serverless().createService(QStringLiteral("trunk-migrator"),
                                                           QStringLiteral("Made by hand"), c, done);
        });
        QVERIFY(created.ok());
        const Run run = deploy(spec());
        QCOMPARE(run.finished->count(), 1);
        QCOMPARE(run.result().serviceSid, created.value.sid);
        QCOMPARE(services().size(), 1);
    }

    void rejectsABadSpecAndChangesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("service name with a space") << "service"
                                                   << "trunk migrator";
        QTest::newRow("service name too long") << "service" << QString(51, u'a');
        QTest::newRow("empty service name") << "service" << QString();
        QTest::newRow("service name with newline") << "service"
                                                   << "trunk-migrator\n";
        QTest::newRow("path without slash") << "path"
                                            << "inboundHandler";
        QTest::newRow("path with dots") << "path"
                                        << "/../etc";
        QTest::newRow("malformed trunk") << "trunk"
                                         << "TK123";
        QTest::newRow("variable name") << "variable"
                                       << "PBX DOMAIN";
    }
    void rejectsABadSpecAndChangesNothing()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        DeploymentSpec s = spec();
        if (field == QLatin1String("service"))
            s.serviceUniqueName = value;
        else if (field == QLatin1String("path"))
            s.functions.first().path = value;
        else if (field == QLatin1String("trunk"))
            s.trunkSid = value;
        else
            s.variables = {{value, QStringLiteral("x")}};
        const Run run = deploy(s);
        QCOMPARE(run.failed->count(), 1);
        QCOMPARE(run.finished->count(), 0);
        QVERIFY(!failureMessage(*run.failed).isEmpty());
        QVERIFY(services().isEmpty());
        QCOMPARE(f->auditCount(), 0);
    }

    void buildThatNeverCompletesTimesOutWithoutDeploying()
    {
        f->server().setBuildDurationMs(60000);
        const Run run = deploy(spec(), 300);
        QCOMPARE(run.failed->count(), 1);
        QVERIFY2(failureMessage(*run.failed).contains(QLatin1String("building")),
                 qPrintable(failureMessage(*run.failed)));
        const auto all = services();
        QCOMPARE(all.size(), 1);
        const auto envs = environments(all.first().sid);
        QCOMPARE(envs.size(), 1);
        QVERIFY(!envs.first().buildSid.has_value() || envs.first().buildSid->isEmpty());
        QVERIFY(f->journal()->openIntents().isEmpty());
    }

    void cancelReportsOnceAndRecordsTheCallInFlight()
    {
        FunctionDeployer deployer(f->client(), f->journal(), f->audit(), f->accountSid());
        QSignalSpy finished(&deployer, &FunctionDeployer::finished);
        QSignalSpy failed(&deployer, &FunctionDeployer::failed);
        QSignalSpy progress(&deployer, &FunctionDeployer::progress);
        deployer.start(spec());
        QVERIFY(QTest::qWaitFor([&] { return progress.count() >= 3; }, 10000));
        deployer.cancel();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failureMessage(failed).contains(QLatin1String("cancelled")));
        // Whatever was in flight has answered (and been dropped): nothing else may follow.
        QTRY_COMPARE(f->client()->counters().operations, 0);
        drainPostedEvents();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(finished.count(), 0);
        QVERIFY(f->journal()->openIntents().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFunctionDeployer)
#include "tst_functiondeployer.moc"
