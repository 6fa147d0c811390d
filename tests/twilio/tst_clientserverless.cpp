// The Serverless deploy sequence through the client against the sandbox: service,
// environment, function, version upload (multipart), build and its status, deployment,
// variables; plus the look-up that makes a repeated create return the existing resource.
#include "sandboxfixture.h"
#include "serverlessapi.h"

class TestClientServerless : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void serviceCreateFetchList();
    void environmentAndFunction();
    void uploadBuildDeploy();
    void variables();
    void invalidInputSendsNothing();

private:
    std::unique_ptr<SandboxFixture> f;
    ServerlessApi &api() { return f->client().serverless(); }
    ServerlessService m_service;
    ServerlessEnvironment m_environment;
    ServerlessFunction m_function;
};

void TestClientServerless::initTestCase()
{
    SandboxOptions options;
    options.numbers = 5;
    f = std::make_unique<SandboxFixture>(options);
    const QString problem = f->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestClientServerless::cleanupTestCase()
{
    f.reset();
}

void TestClientServerless::serviceCreateFetchList()
{
    Waiter<ServerlessService> created;
    api().createService(QStringLiteral("trunk-migrator"), QStringLiteral("Trunk Migrator"),
                        f->context(), created.callback());
    TM_WAIT_OK(created);
    m_service = created.value();
    QVERIFY(m_service.sid.startsWith(QLatin1String("ZS")));
    QCOMPARE(m_service.uniqueName, QStringLiteral("trunk-migrator"));

    Waiter<ServerlessService> bySid;
    api().fetchService(m_service.sid, f->context(), bySid.callback());
    TM_WAIT_OK(bySid);
    QCOMPARE(bySid.value().uniqueName, m_service.uniqueName);
    Waiter<ServerlessService> byName;
    api().fetchService(QStringLiteral("trunk-migrator"), f->context(), byName.callback());
    TM_WAIT_OK(byName);
    QCOMPARE(byName.value().sid, m_service.sid);

    Waiter<QList<ServerlessService>> list;
    api().listServices(f->context(), list.callback());
    TM_WAIT_OK(list);
    QCOMPARE(list.value().size(), 1);
}

void TestClientServerless::environmentAndFunction()
{
    QVERIFY(!m_service.sid.isEmpty());
    Waiter<ServerlessEnvironment> environment;
    api().createEnvironment(m_service.sid, QStringLiteral("production"), QString(), f->context(),
                            environment.callback());
    TM_WAIT_OK(environment);
    m_environment = environment.value();
    QVERIFY(m_environment.domainName.endsWith(QLatin1String(".twil.io")));
    QVERIFY(!m_environment.buildSid.has_value());

    Waiter<QList<ServerlessEnvironment>> environments;
    api().listEnvironments(m_service.sid, f->context(), environments.callback());
    TM_WAIT_OK(environments);
    QCOMPARE(environments.value().size(), 1);

    Waiter<ServerlessFunction> function;
    api().createFunction(m_service.sid, QStringLiteral("outboundHandler"), f->context(),
                         function.callback());
    TM_WAIT_OK(function);
    m_function = function.value();
    QVERIFY(m_function.sid.startsWith(QLatin1String("ZH")));
    Waiter<QList<ServerlessFunction>> functions;
    api().listFunctions(m_service.sid, f->context(), functions.callback());
    TM_WAIT_OK(functions);
    QCOMPARE(functions.value().size(), 1);
    QCOMPARE(functions.value().first().friendlyName, QStringLiteral("outboundHandler"));
}

void TestClientServerless::uploadBuildDeploy()
{
    QVERIFY(!m_function.sid.isEmpty());
    FunctionVersionUpload upload;
    upload.path = QStringLiteral("/outboundHandler");
    upload.visibility = QStringLiteral("public");
    upload.fileName = QStringLiteral("outboundHandler.js");
    upload.content =
        "exports.handler = function (context, event, callback) { callback(null, 'ok'); };\n";
    Waiter<FunctionVersion> version;
    api().uploadFunctionVersion(m_service.sid, m_function.sid, upload, f->context(),
                                version.callback());
    TM_WAIT_OK(version);
    QVERIFY(version.value().sid.startsWith(QLatin1String("ZN")));
    QCOMPARE(version.value().path, upload.path);
    QCOMPARE(version.value().functionSid, m_function.sid);

    BuildRequest request;
    request.functionVersionSids = {version.value().sid};
    request.dependencies = {{QStringLiteral("twilio"), QStringLiteral("^5.0.0")}};
    request.runtime = QStringLiteral("node18");
    f->server().setBuildDurationMs(30000); // builds take time; the clock skips it below
    Waiter<ServerlessBuild> build;
    api().createBuild(m_service.sid, request, f->context(), build.callback());
    TM_WAIT_OK(build);
    const QString buildSid = build.value().sid;
    QCOMPARE(build.value().status, QStringLiteral("building"));
    QCOMPARE(build.value().runtime, QStringLiteral("node18"));

    // Still building until the sandbox's clock has passed the build's duration.
    Waiter<ServerlessBuild> early;
    api().fetchBuildStatus(m_service.sid, buildSid, f->context(), early.callback());
    TM_WAIT_OK(early);
    QCOMPARE(early.value().status, QStringLiteral("building"));
    f->server().advanceClock(60 * 1000);
    Waiter<ServerlessBuild> poll;
    api().fetchBuildStatus(m_service.sid, buildSid, f->context(), poll.callback());
    TM_WAIT_OK(poll);
    const QString status = poll.value().status;
    QCOMPARE(status, QStringLiteral("completed"));
    Waiter<ServerlessBuild> fetched;
    api().fetchBuild(m_service.sid, buildSid, f->context(), fetched.callback());
    TM_WAIT_OK(fetched);
    QCOMPARE(fetched.value().status, QStringLiteral("completed"));

    Waiter<ServerlessDeployment> deployment;
    api().createDeployment(m_service.sid, m_environment.sid, buildSid, f->context(),
                           deployment.callback());
    TM_WAIT_OK(deployment);
    QCOMPARE(deployment.value().buildSid, buildSid);
    Waiter<QList<ServerlessDeployment>> deployments;
    api().listDeployments(m_service.sid, m_environment.sid, f->context(), deployments.callback());
    TM_WAIT_OK(deployments);
    QCOMPARE(deployments.value().size(), 1);
}

void TestClientServerless::variables()
{
    QVERIFY(!m_environment.sid.isEmpty());
    Waiter<ServerlessVariable> created;
    api().createVariable(m_service.sid, m_environment.sid, QStringLiteral("PBX_DOMAIN"),
                         QStringLiteral("pbx.example.net"), f->context(), created.callback());
    TM_WAIT_OK(created);
    QCOMPARE(created.value().key, QStringLiteral("PBX_DOMAIN"));

    Waiter<ServerlessVariable> updated;
    api().updateVariable(m_service.sid, m_environment.sid, created.value().sid, std::nullopt,
                         QStringLiteral("pbx2.example.net"), f->context(), updated.callback());
    TM_WAIT_OK(updated);
    QCOMPARE(updated.value().value, QStringLiteral("pbx2.example.net"));
    QCOMPARE(updated.value().key, QStringLiteral("PBX_DOMAIN"));

    Waiter<QList<ServerlessVariable>> list;
    api().listVariables(m_service.sid, m_environment.sid, f->context(), list.callback());
    TM_WAIT_OK(list);
    QCOMPARE(list.value().size(), 1);
    QCOMPARE(list.value().first().value, QStringLiteral("pbx2.example.net"));
}

void TestClientServerless::invalidInputSendsNothing()
{
    const quint64 before = f->server().requestCount();
    Waiter<ServerlessService> service;
    api().createService(QStringLiteral("bad/name"), QStringLiteral("x"), f->context(),
                        service.callback());
    Waiter<ServerlessBuild> build;
    api().createBuild(m_service.sid, BuildRequest{{QStringLiteral("ZNnothex")}, {}, {}},
                      f->context(), build.callback());
    FunctionVersionUpload upload;
    upload.path = QStringLiteral("/x");
    upload.visibility = QStringLiteral("everyone");
    upload.fileName = QStringLiteral("x.js");
    Waiter<FunctionVersion> version;
    api().uploadFunctionVersion(m_service.sid, m_function.sid, upload, f->context(),
                                version.callback());
    Waiter<ServerlessService> fetch;
    api().fetchService(QStringLiteral("../Accounts"), f->context(), fetch.callback());
    QVERIFY(service.wait() && build.wait() && version.wait() && fetch.wait());
    QCOMPARE(service.error().kind, TwilioError::Kind::InvalidInput);
    QCOMPARE(build.error().kind, TwilioError::Kind::InvalidInput);
    QCOMPARE(version.error().kind, TwilioError::Kind::InvalidInput);
    QCOMPARE(fetch.error().kind, TwilioError::Kind::InvalidInput);
    QCOMPARE(f->server().requestCount(), before);
}

QTEST_GUILESS_MAIN(TestClientServerless)
#include "tst_clientserverless.moc"
