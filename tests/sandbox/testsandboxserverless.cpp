// Serverless emulation (services, upload, builds, deployments, variables) and the test-call
// simulator that depends on it.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestSandboxServerless : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<SandboxTestClient> client;

    static QString sidOf(const SandboxTestClient::Result &r)
    {
        return r.json.value(QLatin1String("sid")).toString();
    }

    // Creates service "migr", environment "prod", a function with an uploaded version and a
    // completed build; returns {service, environment, build}.
    static QByteArray dialingHandler()
    {
        return "exports.handler = function (context, event, callback) {\r\n"
               "  const t = new Twilio.twiml.VoiceResponse();\r\n"
               "  t.dial().sip('sip:' + event.To + '@' + context.PBX_DOMAIN);\r\n"
               "  callback(null, t);\r\n"
               "};\r\n";
    }

    QStringList deployHandler(const QByteArray &code = dialingHandler())
    {
        const QString service =
            sidOf(client->post(QStringLiteral("/v1/Services"), "UniqueName=migr&FriendlyName=M"));
        const QString base = QStringLiteral("/v1/Services/") + service;
        const QString env = sidOf(client->post(base + QStringLiteral("/Environments"),
                                               "UniqueName=prod&DomainSuffix=prod"));
        const QString function =
            sidOf(client->post(base + QStringLiteral("/Functions"), "FriendlyName=outbound"));
        const QByteArray body = "--b0undary\r\n"
                                "Content-Disposition: form-data; name=\"Path\"\r\n\r\n"
                                "/outboundHandler\r\n"
                                "--b0undary\r\n"
                                "Content-Disposition: form-data; name=\"Visibility\"\r\n\r\n"
                                "protected\r\n"
                                "--b0undary\r\n"
                                "Content-Disposition: form-data; name=\"Content\"; "
                                "filename=\"outboundHandler.js\"\r\n"
                                "Content-Type: application/javascript\r\n\r\n" +
                                code + "--b0undary--\r\n";
        const auto upload = client->postMultipart(base + QStringLiteral("/Functions/") + function +
                                                      QStringLiteral("/Versions"),
                                                  "b0undary", body);
        if (upload.status != 201)
            return {};
        const auto build =
            client->post(base + QStringLiteral("/Builds"),
                         "FunctionVersions=" + sidOf(upload).toLatin1() + "&Runtime=node18");
        const QString buildSid = sidOf(build);
        const QString status =
            base + QStringLiteral("/Builds/") + buildSid + QStringLiteral("/Status");
        server->advanceClock(60000); // past the build's duration
        if (client->get(status).json.value(QLatin1String("status")).toString() !=
            QLatin1String("completed"))
            return {};
        return {service, env, buildSid};
    }

    // Deploys `code` as /outboundHandler (PBX_DOMAIN set when given) and returns the
    // environment's domain; empty on failure.
    QString deployLive(const QByteArray &code, const QByteArray &pbxDomain = {})
    {
        const QStringList ids = deployHandler(code);
        if (ids.size() != 3)
            return {};
        const QString envPath =
            QStringLiteral("/v1/Services/%1/Environments/%2").arg(ids[0], ids[1]);
        if (!pbxDomain.isEmpty())
            client->post(envPath + QStringLiteral("/Variables"),
                         "Key=PBX_DOMAIN&Value=" + pbxDomain);
        if (client->post(envPath + QStringLiteral("/Deployments"), "BuildSid=" + ids[2].toLatin1())
                .status != 201)
            return {};
        return client->get(envPath).json.value(QLatin1String("domain_name")).toString();
    }

    // The account's first number as the API lists it.
    QJsonObject firstNumber()
    {
        return client
            ->get(client->accountPath() + QStringLiteral("/IncomingPhoneNumbers.json?PageSize=1"))
            .json.value(QLatin1String("incoming_phone_numbers"))
            .toArray()
            .at(0)
            .toObject();
    }

    // Migrates `number` by hand: off the trunk, onto https://<host>/outboundHandler.
    bool pointAtHandler(const QJsonObject &number, const QString &host)
    {
        const QString sid = number.value(QLatin1String("sid")).toString();
        return client->del(QStringLiteral("/v1/Trunks/%1/PhoneNumbers/%2")
                               .arg(server->trunkSid(), sid))
                       .status == 204 &&
               client->post(client->accountPath() + QStringLiteral("/IncomingPhoneNumbers/") + sid +
                                QStringLiteral(".json"),
                            "VoiceUrl=" +
                                QUrl::toPercentEncoding(
                                    QStringLiteral("https://%1/outboundHandler").arg(host)))
                       .status == 200;
    }

private slots:
    void init()
    {
        SandboxOptions options;
        options.numbers = 10;
        server = std::make_unique<SandboxServer>(options);
        server->setBuildDurationMs(60000); // only the sandbox clock ends a build here
        QVERIFY(server->start());
        client = std::make_unique<SandboxTestClient>(*server);
    }

    void cleanup()
    {
        client.reset();
        server.reset();
    }

    void servicesAreUniqueAndFetchableByName()
    {
        auto r = client->post(QStringLiteral("/v1/Services"), "UniqueName=migr&FriendlyName=M");
        QCOMPARE(r.status, 201);
        const QString sid = sidOf(r);
        r = client->post(QStringLiteral("/v1/Services"), "UniqueName=migr&FriendlyName=Other");
        QCOMPARE(r.status, 409);
        QVERIFY(r.json.contains(QLatin1String("code")));
        QCOMPARE(client->post(QStringLiteral("/v1/Services"), "FriendlyName=x")
                     .json.value(QLatin1String("code"))
                     .toInt(),
                 20001);
        QCOMPARE(sidOf(client->get(QStringLiteral("/v1/Services/migr"))), sid);
        QCOMPARE(client->get(QStringLiteral("/v1/Services/nope")).status, 404);
        QCOMPARE(client->del(QStringLiteral("/v1/Services/") + sid).status, 204);
        QCOMPARE(client->get(QStringLiteral("/v1/Services/") + sid).status, 404);
    }

    void uploadBuildAndDeploy()
    {
        const QStringList ids = deployHandler();
        QCOMPARE(ids.size(), 3);
        const QString base = QStringLiteral("/v1/Services/") + ids[0];
        const QString envPath = base + QStringLiteral("/Environments/") + ids[1];

        const auto build = client->get(base + QStringLiteral("/Builds/") + ids[2]);
        const QJsonArray versions = build.json.value(QLatin1String("function_versions")).toArray();
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions.at(0).toObject().value(QLatin1String("path")).toString(),
                 QStringLiteral("/outboundHandler"));

        QVERIFY(client->get(envPath).json.value(QLatin1String("build_sid")).isNull());
        const auto deployment =
            client->post(envPath + QStringLiteral("/Deployments"), "BuildSid=" + ids[2].toLatin1());
        QCOMPARE(deployment.status, 201);
        QCOMPARE(client->get(envPath).json.value(QLatin1String("build_sid")).toString(), ids[2]);
        QCOMPARE(client->get(envPath + QStringLiteral("/Deployments/") + sidOf(deployment)).status,
                 200);
        QCOMPARE(client->post(envPath + QStringLiteral("/Deployments"), "")
                     .json.value(QLatin1String("code"))
                     .toInt(),
                 20001);
    }

    void buildStatusMovesToCompletedAndGatesDeployments()
    {
        const QString service =
            sidOf(client->post(QStringLiteral("/v1/Services"), "UniqueName=s2&FriendlyName=S"));
        const QString base = QStringLiteral("/v1/Services/") + service;
        const QString env =
            sidOf(client->post(base + QStringLiteral("/Environments"), "UniqueName=e"));
        // Dependencies double-encoded, as some tools send them.
        const auto build = client->post(base + QStringLiteral("/Builds"),
                                        "Dependencies=%22%5B%7B%5C%22name%5C%22%3A%5C%22twilio%5C%"
                                        "22%2C%5C%22version%5C%22%3A%5C%225.0.0%5C%22%7D%5D%22");
        QCOMPARE(build.status, 201);
        QCOMPARE(build.json.value(QLatin1String("status")).toString(), QStringLiteral("building"));
        QCOMPARE(build.json.value(QLatin1String("dependencies"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("name")),
                 QStringLiteral("twilio"));
        const QString statusPath =
            base + QStringLiteral("/Builds/") + sidOf(build) + QStringLiteral("/Status");
        const QString deployments =
            base + QStringLiteral("/Environments/") + env + QStringLiteral("/Deployments");
        QCOMPARE(client->post(deployments, "BuildSid=" + sidOf(build).toLatin1()).status, 409);
        // The build takes a minute of the sandbox's clock: moved on through the control endpoint.
        const auto clock = client->post(QStringLiteral("/_sandbox/Clock"), "advance_ms=30000");
        QCOMPARE(clock.status, 200);
        QCOMPARE(clock.json.value(QLatin1String("offset_ms")).toDouble(), 30000.0);
        QCOMPARE(client->get(statusPath).json.value(QLatin1String("status")).toString(),
                 QStringLiteral("building"));
        QCOMPARE(client->post(QStringLiteral("/_sandbox/Clock"), "advance_ms=-5").status, 400);
        QCOMPARE(client->post(QStringLiteral("/_sandbox/Clock"), "advance_ms=soon").status, 400);
        QCOMPARE(client->post(QStringLiteral("/_sandbox/Clock"), "advance_ms=30000").status, 200);
        QCOMPARE(client->get(statusPath).json.value(QLatin1String("status")).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(client->post(deployments, "BuildSid=" + sidOf(build).toLatin1()).status, 201);
        QCOMPARE(client->post(base + QStringLiteral("/Builds"), "Dependencies=%7Bnot").status, 400);
        QCOMPARE(client
                     ->post(base + QStringLiteral("/Builds"),
                            "FunctionVersions=ZN00000000000000000000000000000000")
                     .status,
                 400);
    }

    void environmentsAndVariables()
    {
        const QString service =
            sidOf(client->post(QStringLiteral("/v1/Services"), "UniqueName=s3&FriendlyName=S"));
        const QString envs = QStringLiteral("/v1/Services/s3/Environments");
        const QString env = sidOf(client->post(envs, "UniqueName=prod&DomainSuffix=p"));
        QCOMPARE(client->post(envs, "UniqueName=prod").status, 409);
        QCOMPARE(client->post(envs, "UniqueName=other&DomainSuffix=p").status, 409);
        const QString vars = QStringLiteral("/v1/Services/") + service +
                             QStringLiteral("/Environments/") + env + QStringLiteral("/Variables");
        auto r = client->post(vars, "Key=PBX_DOMAIN&Value=pbx.example.net");
        QCOMPARE(r.status, 201);
        const QString item = vars + QLatin1Char('/') + sidOf(r);
        QCOMPARE(client->post(vars, "Key=PBX_DOMAIN&Value=x").status, 409);
        QCOMPARE(client->post(vars, "Key=ONLY_KEY").json.value(QLatin1String("code")).toInt(),
                 20001);
        r = client->post(item, "Value=pbx2.example.net");
        QCOMPARE(r.json.value(QLatin1String("value")).toString(),
                 QStringLiteral("pbx2.example.net"));
        QCOMPARE(r.json.value(QLatin1String("key")).toString(), QStringLiteral("PBX_DOMAIN"));
        QCOMPARE(client->get(vars).json.value(QLatin1String("variables")).toArray().size(), 1);
        QCOMPARE(client->del(item).status, 204);
        QCOMPARE(client->get(vars).json.value(QLatin1String("variables")).toArray().size(), 0);
    }

    void simulatedCallsFollowTheRouting()
    {
        const QString numbers = client->accountPath() + QStringLiteral("/IncomingPhoneNumbers");
        const QJsonObject number = firstNumber();
        const QByteArray to =
            QUrl::toPercentEncoding(number.value(QLatin1String("phone_number")).toString());
        auto r =
            client->post(QStringLiteral("/_sandbox/SimulateCall"), "From=%2B15005550006&To=" + to);
        QCOMPARE(r.status, 201);
        QJsonArray legs = r.json.value(QLatin1String("calls")).toArray();
        QCOMPARE(legs.size(), 1);
        QCOMPARE(legs.at(0).toObject().value(QLatin1String("direction")).toString(),
                 QStringLiteral("trunking-originating"));

        // Migrate the number by hand: off the trunk, onto the deployed handler.
        const QString host = deployLive(dialingHandler(), "pbx.example.net");
        QVERIFY(!host.isEmpty());
        QVERIFY(pointAtHandler(number, host));

        r = client->post(QStringLiteral("/_sandbox/SimulateCall"), "From=%2B15005550006&To=" + to);
        legs = r.json.value(QLatin1String("calls")).toArray();
        QCOMPARE(legs.size(), 2);
        const QJsonObject parent = legs.at(0).toObject();
        const QJsonObject child = legs.at(1).toObject();
        QCOMPARE(parent.value(QLatin1String("direction")).toString(), QStringLiteral("inbound"));
        QCOMPARE(child.value(QLatin1String("direction")).toString(),
                 QStringLiteral("outbound-dial"));
        QCOMPARE(child.value(QLatin1String("to")).toString(),
                 QStringLiteral("sip:%1@pbx.example.net")
                     .arg(number.value(QLatin1String("phone_number")).toString()));
        QCOMPARE(child.value(QLatin1String("parent_call_sid")), parent.value(QLatin1String("sid")));

        // The Calls list finds them with Twilio's filters.
        const QString calls = client->accountPath() + QStringLiteral("/Calls.json");
        r = client->get(calls + QStringLiteral("?ParentCallSid=") +
                        parent.value(QLatin1String("sid")).toString());
        QCOMPARE(r.json.value(QLatin1String("calls")).toArray().size(), 1);
        r = client->get(calls + QStringLiteral("?To=") + QString::fromLatin1(to));
        QCOMPARE(r.json.value(QLatin1String("calls")).toArray().size(), 2);
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        r = client->get(calls + QStringLiteral("?StartTime%3E=") + today);
        QCOMPARE(r.json.value(QLatin1String("calls")).toArray().size(), 3);
        r = client->get(calls + QStringLiteral("?StartTime%3C=2001-01-01"));
        QCOMPARE(r.json.value(QLatin1String("calls")).toArray().size(), 0);
        QCOMPARE(client->get(calls + QStringLiteral("?StartTime=yesterday")).status, 400);
    }

    void handlerErrorFaultShowsTheFallback()
    {
        const QString numbers = client->accountPath() + QStringLiteral("/IncomingPhoneNumbers");
        const QJsonObject number = firstNumber();
        const QString host = deployLive(dialingHandler(), "pbx.example.net");
        QVERIFY(pointAtHandler(number, host));
        const QString sid = number.value(QLatin1String("sid")).toString();
        QCOMPARE(client
                     ->post(numbers + u'/' + sid + QStringLiteral(".json"),
                            "VoiceFallbackUrl=https%3A%2F%2Fdr.example.net%2Fdown")
                     .status,
                 200);
        const QByteArray call =
            "From=%2B15005550006&To=" +
            QUrl::toPercentEncoding(number.value(QLatin1String("phone_number")).toString());
        QCOMPARE(client->post(QStringLiteral("/_sandbox/Functions"), "Fail=maybe").status, 400);
        QCOMPARE(client->post(QStringLiteral("/_sandbox/Functions"), "Fail=true")
                     .json.value(QLatin1String("fail")),
                 QJsonValue(true));
        QJsonArray route = client->post(QStringLiteral("/_sandbox/SimulateCall"), call)
                               .json.value("route")
                               .toArray();
        QCOMPARE(route.size(), 2);
        QVERIFY(route.at(0).toObject().value(QLatin1String("error")).toString().contains("500"));
        QCOMPARE(route.at(1).toObject().value(QLatin1String("fetch")).toString(),
                 QStringLiteral("https://dr.example.net/down"));
        QCOMPARE(client->post(QStringLiteral("/_sandbox/Functions"), "Fail=false").status, 200);
        route = client->post(QStringLiteral("/_sandbox/SimulateCall"), call)
                    .json.value("route")
                    .toArray();
        QCOMPARE(route.first().toObject().value(QLatin1String("verb")).toString(),
                 QStringLiteral("Dial"));
    }

    void simulatedSipDomainCall()
    {
        const QString domains = client->accountPath() + QStringLiteral("/SIP/Domains");
        auto r = client->post(domains + QStringLiteral(".json"), "DomainName=acme.sip.twilio.com");
        QCOMPARE(r.status, 201);
        const QString domain = domains + QLatin1Char('/') + sidOf(r);
        const QByteArray call = "From=sip%3A%2B61255500001%40203.0.113.5&"
                                "To=sip%3A%2B15005550006%40acme.sip.twilio.com";
        // Twilio authenticates the PBX by the domain's mappings: with none, nobody gets in.
        r = client->post(QStringLiteral("/_sandbox/SimulateCall"), call);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json.value(QLatin1String("message")).toString().contains(QLatin1String("403")));
        const QString acl =
            client->get(client->accountPath() + QStringLiteral("/SIP/IpAccessControlLists.json"))
                .json.value(QLatin1String("ip_access_control_lists"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("sid"))
                .toString();
        QCOMPARE(client
                     ->post(domain + QStringLiteral("/Auth/Calls/IpAccessControlListMappings.json"),
                            "IpAccessControlListSid=" + acl.toLatin1())
                     .status,
                 201);
        // Authenticated, but nothing to run.
        r = client->post(QStringLiteral("/_sandbox/SimulateCall"), call);
        QCOMPARE(r.status, 400);
        QVERIFY(
            r.json.value(QLatin1String("message")).toString().contains(QLatin1String("voice URL")));

        // The domain's voice URL is the deployed Function: its TwiML decides the leg.
        const QString host = deployLive(dialingHandler(), "carrier.example");
        QVERIFY(!host.isEmpty());
        QCOMPARE(
            client
                ->post(domain + QStringLiteral(".json"),
                       "VoiceUrl=" + QUrl::toPercentEncoding(
                                         QStringLiteral("https://%1/outboundHandler").arg(host)))
                .status,
            200);
        r = client->post(QStringLiteral("/_sandbox/SimulateCall"), call);
        QCOMPARE(r.status, 201);
        QJsonArray legs = r.json.value(QLatin1String("calls")).toArray();
        QCOMPARE(legs.size(), 2);
        QCOMPARE(legs.at(1).toObject().value(QLatin1String("to")).toString(),
                 QStringLiteral("sip:sip:+15005550006@acme.sip.twilio.com@carrier.example"));

        // An emergency number with emergency calling on the domain: Twilio routes it itself.
        client->post(domain + QStringLiteral(".json"), "EmergencyCallingEnabled=true");
        r = client->post(
            QStringLiteral("/_sandbox/SimulateCall"),
            "From=sip%3A%2B61255500001%40203.0.113.5&To=sip%3A000%40acme.sip.twilio.com");
        QCOMPARE(r.status, 201);
        legs = r.json.value(QLatin1String("calls")).toArray();
        QCOMPARE(legs.size(), 2);
        QCOMPARE(legs.at(1).toObject().value(QLatin1String("to")).toString(),
                 QStringLiteral("000"));
        QCOMPARE(r.json.value(QLatin1String("route"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("emergency")),
                 QJsonValue(QStringLiteral("000")));

        r = client->post(QStringLiteral("/_sandbox/SimulateCall"),
                         "From=sip%3A%2B61255500001%40other.sip.twilio.com&"
                         "To=sip%3A%2B15005550006%40other.sip.twilio.com");
        QCOMPARE(r.status, 400);
        QCOMPARE(client->post(QStringLiteral("/_sandbox/SimulateCall"), "To=%2B1")
                     .json.value(QLatin1String("code"))
                     .toInt(),
                 20001);
    }

    void twimlIsFollowedAsTwilioFollowsIt()
    {
        // A bare number in <Dial>, no DialSipResponseCode after a <Number> dial, and an action
        // document that does not parse (Twilio's error 12100 ends the call).
        const QByteArray code =
            "exports.handler = function (context, event, callback) {\r\n"
            "  const t = new Twilio.twiml.VoiceResponse();\r\n"
            "  if (event.step === undefined) {\r\n"
            "    t.dial({ action: 'outboundHandler?step=2' }, '+15005550006');\r\n"
            "    return callback(null, t);\r\n"
            "  }\r\n"
            "  if (event.DialSipResponseCode !== undefined) throw new Error('code sent');\r\n"
            "  if (event.step === '2') return callback(null, '<Response><Dial>');\r\n"
            "  throw new Error('unreachable');\r\n"
            "};\r\n";
        const QString host = deployLive(code);
        QVERIFY(!host.isEmpty());
        const QJsonObject number =
            client
                ->get(client->accountPath() +
                      QStringLiteral("/IncomingPhoneNumbers.json?PageSize=1"))
                .json.value(QLatin1String("incoming_phone_numbers"))
                .toArray()
                .at(0)
                .toObject();
        QVERIFY(pointAtHandler(number, host));
        const auto r = client->post(
            QStringLiteral("/_sandbox/SimulateCall"),
            "From=%2B15005550001&To=" +
                QUrl::toPercentEncoding(number.value(QLatin1String("phone_number")).toString()));
        QCOMPARE(r.status, 201);
        const QJsonArray legs = r.json.value(QLatin1String("calls")).toArray();
        QCOMPARE(legs.size(), 2);
        QCOMPARE(legs.at(1).toObject().value(QLatin1String("to")).toString(),
                 QStringLiteral("+15005550006"));
        QCOMPARE(legs.at(0).toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("failed"));
        const QJsonArray route = r.json.value(QLatin1String("route")).toArray();
        QVERIFY2(route.last()
                     .toObject()
                     .value(QLatin1String("error"))
                     .toString()
                     .contains(QLatin1String("12100")),
                 QJsonDocument(route).toJson().constData());
    }

    void failoverFollowsTheTargetsAndTheDialAction()
    {
        // The trunk's own routing, as the sandbox's targets answer: the primary down, then the
        // secondary takes it; all down, the disaster-recovery URL.
        const QString numbers = client->accountPath() + QStringLiteral("/IncomingPhoneNumbers");
        const QString to = client->get(numbers + QStringLiteral(".json?PageSize=1"))
                               .json.value(QLatin1String("incoming_phone_numbers"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QLatin1String("phone_number"))
                               .toString();
        const QByteArray call = "From=%2B15005550006&To=" + QUrl::toPercentEncoding(to);
        QCOMPARE(
            client->post(QStringLiteral("/_sandbox/Targets"), "Host=pbx.example.net&Answer=down")
                .status,
            200);
        auto r = client->post(QStringLiteral("/_sandbox/SimulateCall"), call);
        QJsonArray route = r.json.value(QLatin1String("route")).toArray();
        QCOMPARE(route.size(), 2);
        QCOMPARE(route.at(0).toObject().value(QLatin1String("sip_code")).toInt(), 408);
        QVERIFY(route.at(1)
                    .toObject()
                    .value(QLatin1String("origination"))
                    .toString()
                    .contains(QLatin1String("pbx-b.example.net")));
        for (const char *host : {"pbx-b.example.net", "pbx-backup.example.net"})
            client->post(QStringLiteral("/_sandbox/Targets"),
                         QByteArray("Answer=503&Host=") + host);
        r = client->post(QStringLiteral("/_sandbox/SimulateCall"), call);
        route = r.json.value(QLatin1String("route")).toArray();
        QCOMPARE(route.size(), 5); // three URLs, the DR URL, and its fetch (another server)
        QCOMPARE(route.at(3).toObject().value(QLatin1String("disaster_recovery")).toString(),
                 QStringLiteral("https://dr.example.net/twiml/trunk-down"));
        QCOMPARE(client->del(QStringLiteral("/_sandbox/Targets")).status, 200);
        QVERIFY(client->get(QStringLiteral("/_sandbox/Targets"))
                    .json.value(QLatin1String("targets"))
                    .toObject()
                    .isEmpty());
        QCOMPARE(client->post(QStringLiteral("/_sandbox/Targets"), "Host=x&Answer=maybe").status,
                 400);
        QCOMPARE(client->post(QStringLiteral("/_sandbox/Targets"), "Host=a b&Answer=503").status,
                 400);
    }
};

QTEST_GUILESS_MAIN(TestSandboxServerless)
#include "testsandboxserverless.moc"
