// Contract fidelity against Twilio's OpenAPI files (third_party/twilio-oai):
//  (a) every route the sandbox serves exists in the spec with that method and SID patterns;
//  (b) every answer of every route carries every field of the spec's response schema, with
//      the spec's JSON type (and enum value); every form key a step sends is a parameter the
//      spec declares for that operation. Routes without a spec file (upload host, /_sandbox/*)
//      are the documented exceptions.
#include "formparams.h"
#include "openapischema.h"
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {
struct Step
{
    const char *method;
    const char *pathTemplate; // exactly as in the route table
    const char *body;         // {XX} is replaced by the SID with that prefix; "@upload" multipart
};

const QString kAccount = QStringLiteral("/2010-04-01/Accounts/{AccountSid:AC}");

// Every route, in an order where each creates what later ones need.
const Step kSteps[] = {
    {"GET", "/2010-04-01/Accounts/{Sid:AC}.json", nullptr},
    {"GET", "@/IncomingPhoneNumbers.json", nullptr},
    {"GET", "@/IncomingPhoneNumbers/{Sid:PN}.json", nullptr},
    {"POST", "@/IncomingPhoneNumbers/{Sid:PN}.json",
     "FriendlyName=Contract&VoiceReceiveMode=fax&VoiceCallerIdLookup=true&EmergencyStatus=Active&"
     "EmergencyAddressSid=AD0123456789abcdef0123456789abcdef&"
     "VoiceFallbackUrl=https%3A%2F%2Fa.example.com%2Ff&StatusCallback=https%3A%2F%2Fa.example.com"
     "%2Fs"},
    {"GET", "/v1/Trunks", nullptr},
    {"GET", "/v1/Trunks/{Sid:TK}", nullptr},
    {"POST", "/v1/Trunks/{Sid:TK}",
     "FriendlyName=Contract+trunk&DisasterRecoveryUrl=https%3A%2F%2Fdr.example.com%2Fx&"
     "DisasterRecoveryMethod=GET&TransferMode=sip-only&TransferCallerId=from-transferee&"
     "Secure=false&CnamLookupEnabled=false"},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/Recording", nullptr},
    {"POST", "/v1/Trunks/{TrunkSid:TK}/Recording", "Mode=record-from-ringing&Trim=do-not-trim"},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/PhoneNumbers", nullptr},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/PhoneNumbers/{Sid:PN}", nullptr},
    {"DELETE", "/v1/Trunks/{TrunkSid:TK}/PhoneNumbers/{Sid:PN}", nullptr},
    {"POST", "/v1/Trunks/{TrunkSid:TK}/PhoneNumbers", "PhoneNumberSid={PN}"},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/OriginationUrls", nullptr},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/OriginationUrls/{Sid:OU}", nullptr},
    {"POST", "/v1/Trunks/{TrunkSid:TK}/OriginationUrls",
     "FriendlyName=Contract&SipUrl=sip%3Acontract.example.net&Weight=10&Priority=5&Enabled=true"},
    {"POST", "/v1/Trunks/{TrunkSid:TK}/OriginationUrls/{Sid:OU}", "Weight=5&Enabled=false"},
    {"DELETE", "/v1/Trunks/{TrunkSid:TK}/OriginationUrls/{Sid:OU}", nullptr},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/IpAccessControlLists", nullptr},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/IpAccessControlLists/{Sid:AL}", nullptr},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/CredentialLists", nullptr},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/CredentialLists/{Sid:CL}", nullptr},
    {"GET", "@/SIP/IpAccessControlLists.json", nullptr},
    {"GET", "@/SIP/IpAccessControlLists/{Sid:AL}.json", nullptr},
    {"GET", "@/SIP/CredentialLists.json", nullptr},
    {"GET", "@/SIP/CredentialLists/{Sid:CL}.json", nullptr},
    {"POST", "@/SIP/Domains.json",
     "DomainName=contract.sip.twilio.com&EmergencyCallingEnabled=true&EmergencyCallerSid={PN}&"
     "ByocTrunkSid=BY0123456789abcdef0123456789abcdef&"
     "VoiceFallbackUrl=https%3A%2F%2Fa.example.com%2Ff&VoiceStatusCallbackUrl=https%3A%2F%2Fa."
     "example.com%2Fs"},
    {"GET", "@/SIP/Domains.json", nullptr},
    {"GET", "@/SIP/Domains/{Sid:SD}.json", nullptr},
    {"POST", "@/SIP/Domains/{Sid:SD}.json",
     "VoiceUrl=https%3A%2F%2Fa.example.com%2Fv&EmergencyCallingEnabled=false&EmergencyCallerSid="},
    {"POST", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/IpAccessControlListMappings.json",
     "IpAccessControlListSid={AL}"},
    {"GET", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/IpAccessControlListMappings.json", nullptr},
    {"GET", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/IpAccessControlListMappings/{Sid:AL}.json",
     nullptr},
    {"POST", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/CredentialListMappings.json",
     "CredentialListSid={CL}"},
    {"GET", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/CredentialListMappings.json", nullptr},
    {"GET", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/CredentialListMappings/{Sid:CL}.json",
     nullptr},
    {"POST", "/_sandbox/SimulateCall", "From=%2B15005550006&To=%2B61255500000"},
    {"GET", "/_sandbox/Targets", nullptr},
    {"POST", "/_sandbox/Targets", "Host=pbx.example.net&Answer=503"},
    {"DELETE", "/_sandbox/Targets", nullptr},
    {"GET", "/_sandbox/Functions", nullptr},
    {"POST", "/_sandbox/Functions", "Fail=false"},
    {"GET", "@/Calls.json", nullptr},
    {"GET", "@/Calls/{Sid:CA}.json", nullptr},
    {"POST", "/v1/Services", "UniqueName=contract&FriendlyName=Contract"},
    {"GET", "/v1/Services", nullptr},
    {"GET", "/v1/Services/{Sid}", nullptr},
    {"POST", "/v1/Services/{ServiceSid}/Environments", "UniqueName=prod&DomainSuffix=prod"},
    {"GET", "/v1/Services/{ServiceSid}/Environments", nullptr},
    {"GET", "/v1/Services/{ServiceSid}/Environments/{Sid:ZE}", nullptr},
    {"POST", "/v1/Services/{ServiceSid}/Functions", "FriendlyName=outbound"},
    {"GET", "/v1/Services/{ServiceSid}/Functions", nullptr},
    {"GET", "/v1/Services/{ServiceSid}/Functions/{Sid:ZH}", nullptr},
    {"POST", "/v1/Services/{ServiceSid}/Functions/{FunctionSid:ZH}/Versions", "@upload"},
    {"GET", "/v1/Services/{ServiceSid}/Functions/{FunctionSid:ZH}/Versions", nullptr},
    {"GET", "/v1/Services/{ServiceSid}/Functions/{FunctionSid:ZH}/Versions/{Sid:ZN}", nullptr},
    {"GET", "/v1/Services/{ServiceSid}/Functions/{FunctionSid:ZH}/Versions/{Sid:ZN}/Content",
     nullptr},
    {"POST", "/v1/Services/{ServiceSid}/Builds",
     "FunctionVersions={ZN}&Dependencies=%5B%5D&Runtime=node18"},
    {"GET", "/v1/Services/{ServiceSid}/Builds", nullptr},
    {"GET", "/v1/Services/{ServiceSid}/Builds/{Sid:ZB}", nullptr},
    {"GET", "/v1/Services/{ServiceSid}/Builds/{Sid:ZB}/Status", nullptr},
    {"POST", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Deployments",
     "BuildSid={ZB}"},
    {"GET", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Deployments", nullptr},
    {"GET", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Deployments/{Sid:ZD}",
     nullptr},
    {"POST", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Variables",
     "Key=PBX_DOMAIN&Value=pbx.example.net"},
    {"GET", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Variables", nullptr},
    {"GET", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Variables/{Sid:ZV}",
     nullptr},
    {"POST", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Variables/{Sid:ZV}",
     "Value=pbx2.example.net"},
    {"DELETE", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Variables/{Sid:ZV}",
     nullptr},
    {"DELETE", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/IpAccessControlListMappings/{Sid:AL}.json",
     nullptr},
    {"DELETE", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/CredentialListMappings/{Sid:CL}.json",
     nullptr},
    {"DELETE", "@/SIP/Domains/{Sid:SD}.json", nullptr},
    {"DELETE", "/v1/Services/{Sid}", nullptr},
    {"DELETE", "/v1/Trunks/{Sid:TK}", nullptr},
};

QString templateOf(const Step &step)
{
    QString path = QString::fromLatin1(step.pathTemplate);
    if (path.startsWith(QLatin1Char('@')))
        path = kAccount + path.mid(1);
    return path;
}

const QByteArray kUpload =
    "--contract\r\n"
    "Content-Disposition: form-data; name=\"Path\"\r\n\r\n/outboundHandler\r\n"
    "--contract\r\n"
    "Content-Disposition: form-data; name=\"Visibility\"\r\n\r\nprotected\r\n"
    "--contract\r\n"
    "Content-Disposition: form-data; name=\"Content\"; filename=\"h.js\"\r\n"
    "Content-Type: application/javascript\r\n\r\nexports.handler = 1;\r\n"
    "--contract--\r\n";
} // namespace

class TestSandboxContract : public QObject
{
    Q_OBJECT
private:
    OpenApiSchema spec;
    QHash<QString, QString> sids; // by prefix: "TK" -> "TK..."

    // Remembers SIDs seen in an answer: the created resource's, else the first of each kind.
    void capture(const SandboxTestClient::Result &r)
    {
        const QString sid = r.json.value(QLatin1String("sid")).toString();
        if (r.status == 201 && sid.size() == 34)
            sids.insert(sid.left(2), sid);
        for (auto it = r.json.begin(); it != r.json.end(); ++it) {
            const QJsonValue first = it.value().toArray().at(0);
            const QString listed = first.toObject().value(QLatin1String("sid")).toString();
            if (listed.size() == 34 && (!sids.contains(listed.left(2)) || r.status == 201))
                sids.insert(listed.left(2), listed);
        }
    }

    QString substitute(QString text) const
    {
        static const QRegularExpression placeholder(QStringLiteral("\\{(\\w+)(?::([A-Z]{2}))?\\}"));
        QRegularExpressionMatch m;
        while ((m = placeholder.match(text)).hasMatch()) {
            const QString prefix =
                m.captured(2).isEmpty()
                    ? (m.captured(1).size() == 2 ? m.captured(1) : QStringLiteral("ZS"))
                    : m.captured(2);
            text.replace(m.capturedStart(), m.capturedLength(),
                         sids.value(prefix, QStringLiteral("MISSING")));
        }
        return text;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(spec.load(QStringLiteral(TM_OPENAPI_DIR), &error), qPrintable(error));
    }

    void everyRouteIsInTheSpec()
    {
        QStringList problems;
        const QList<SandboxRouteInfo> routes = SandboxServer::routeTable();
        for (const SandboxRouteInfo &route : routes) {
            const QString name =
                QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pathTemplate;
            if (route.specFile.isEmpty()) {
                // The documented exceptions only.
                if (!route.pathTemplate.startsWith(QLatin1String("/_sandbox/")) &&
                    !(route.method == "POST" &&
                      route.pathTemplate.endsWith(QLatin1String("/Versions"))))
                    problems.append(name + QStringLiteral(": no spec file"));
                continue;
            }
            if (!spec.hasOperation(route.specFile, route.specPath(), route.method)) {
                problems.append(name + QStringLiteral(": not in ") + route.specFile);
                continue;
            }
            // The SID prefix we enforce on each path segment is the spec's pattern.
            const auto prefixes = spec.sidPrefixes(route.specFile, route.specPath(), route.method);
            for (auto it = prefixes.begin(); it != prefixes.end(); ++it) {
                const QString expected =
                    QLatin1Char('{') + it.key() + QLatin1Char(':') + it.value() + QLatin1Char('}');
                if (!route.pathTemplate.contains(expected))
                    problems.append(
                        name +
                        QStringLiteral(": parameter %1 should be %2").arg(it.key(), expected));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(routes.size() >= 60);
    }

    void everyAnswerMatchesTheSpecSchema()
    {
        SandboxOptions options;
        options.numbers = 3;
        SandboxServer server(options);
        server.setBuildDurationMs(0);
        QVERIFY(server.start());
        SandboxTestClient client(server);
        sids.insert(QStringLiteral("AC"), server.accountSid());
        sids.insert(QStringLiteral("TK"), server.trunkSid());

        QHash<QString, SandboxRouteInfo> routes;
        for (const SandboxRouteInfo &route : SandboxServer::routeTable())
            routes.insert(QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pathTemplate,
                          route);

        QStringList problems;
        QSet<QString> exercised;
        for (const Step &step : kSteps) {
            const QString key =
                QString::fromLatin1(step.method) + QLatin1Char(' ') + templateOf(step);
            QVERIFY2(routes.contains(key), qPrintable(key + QStringLiteral(" is not a route")));
            exercised.insert(key);
            const QString path = substitute(templateOf(step));
            const QByteArray method(step.method);
            SandboxTestClient::Result r;
            if (step.body && QByteArray(step.body) == "@upload")
                r = client.postMultipart(path, "contract", kUpload);
            else if (method == "POST")
                r = client.post(path, substitute(QString::fromLatin1(step.body)).toLatin1());
            else if (method == "DELETE")
                r = client.del(path);
            else
                r = client.get(path);
            QVERIFY2(r.status >= 200 && r.status < 300,
                     qPrintable(
                         key +
                         QStringLiteral(" -> %1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
            if (path.endsWith(QLatin1String("SimulateCall")))
                sids.insert(QStringLiteral("CA"), r.json.value(QLatin1String("calls"))
                                                      .toArray()
                                                      .at(0)
                                                      .toObject()
                                                      .value(QLatin1String("sid"))
                                                      .toString());
            capture(r);
            const SandboxRouteInfo &route = routes[key];
            if (route.specFile.isEmpty())
                continue;
            if (step.body && method == "POST" && QByteArray(step.body) != "@upload") {
                const QStringList declared =
                    spec.formParameters(route.specFile, route.specPath(), route.method);
                for (const QString &sent : FormParams::parse(QByteArray(step.body)).keys()) {
                    if (!declared.contains(sent))
                        problems.append(key + QStringLiteral(": sends undeclared ") + sent);
                }
            }
            if (r.status == 204 && !r.body.isEmpty())
                problems.append(key + QStringLiteral(": 204 with a body"));
            const QStringList found =
                spec.check(route.specFile, route.specPath(), route.method, r.status, r.json);
            for (const QString &problem : found)
                problems.append(key + QStringLiteral(": ") + problem);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // A new route must be added to kSteps to be checked.
        for (auto it = routes.begin(); it != routes.end(); ++it)
            QVERIFY2(exercised.contains(it.key()),
                     qPrintable(it.key() + QStringLiteral(" not exercised")));
    }
};

QTEST_GUILESS_MAIN(TestSandboxContract)
#include "testsandboxcontract.moc"
