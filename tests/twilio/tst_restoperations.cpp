// Every REST operation the client can send, checked as data, without a client or a server:
// method, URL (default hosts), query, form, the status that means success and, for lists and
// creates, how the answer is read or a lost create found again. Each is also held to Twilio's
// OpenAPI description (third_party/twilio-oai): the path is an operation of the spec, the
// expected status one it declares, every form and query name one of its parameters. Bad input
// gives a problem and nothing to send.
#include "formencoder.h"
#include "serverlessrequests.h"
#include "sipdomainrequests.h"
#include "specparameters.h"
#include "trunkingrequests.h"
#include "twiliohosts.h"
#include "voicerequests.h"

#include <QTest>

Q_DECLARE_METATYPE(RestOperation)

namespace {
const QString AC = QStringLiteral("AC") + QString(32, u'a');
const QString TK = QStringLiteral("TK") + QString(32, u'1');
const QString PN = QStringLiteral("PN") + QString(32, u'2');
const QString SD = QStringLiteral("SD") + QString(32, u'3');
const QString AL = QStringLiteral("AL") + QString(32, u'4');
const QString CL = QStringLiteral("CL") + QString(32, u'5');
const QString ZS = QStringLiteral("ZS") + QString(32, u'6');
const QString ZE = QStringLiteral("ZE") + QString(32, u'7');
const QString ZH = QStringLiteral("ZH") + QString(32, u'8');
const QString ZB = QStringLiteral("ZB") + QString(32, u'9');
const QString ZV = QStringLiteral("ZV") + QString(32, u'b');
const QString Account = QStringLiteral("https://api.twilio.com/2010-04-01/Accounts/") + AC;
const QString Trunking = QStringLiteral("https://trunking.twilio.com/v1/Trunks");
const QString Services = QStringLiteral("https://serverless.twilio.com/v1/Services");

QString specFile(TwilioHosts::Product product)
{
    switch (product) {
    case TwilioHosts::Product::Trunking:
        return QStringLiteral("twilio_trunking_v1.json");
    case TwilioHosts::Product::Serverless:
        return QStringLiteral("twilio_serverless_v1.json");
    case TwilioHosts::Product::ServerlessUpload:
        return {}; // not in the spec (twilio-api.md §4.4)
    default:
        return QStringLiteral("twilio_api_v2010.json");
    }
}

QString url(const RestOperation &operation)
{
    return TwilioHosts()
        .url(operation.request.product, operation.request.path, operation.request.query)
        .toString(QUrl::FullyEncoded);
}

QByteArray method(const RestOperation &operation)
{
    return operation.request.methodName().toLatin1();
}

SipDomainParams domainParams()
{
    SipDomainParams params;
    params.domainName = QStringLiteral("acme.sip.twilio.com");
    params.voiceUrl = QStringLiteral("https://h.example.com/inboundHandler");
    params.secure = true;
    params.emergencyCallingEnabled = true;
    return params;
}
} // namespace

class TestRestOperations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_spec.load(QStringLiteral(TM_OPENAPI_DIR), &error), qPrintable(error));
    }

    void operation_data()
    {
        QTest::addColumn<RestOperation>("operation");
        QTest::addColumn<QString>("expectedMethod");
        QTest::addColumn<QString>("expectedUrl");
        QTest::addColumn<QString>("expectedForm");
        QTest::addColumn<int>("expectedStatus");
        QTest::addColumn<QString>("listKey");
        QTest::addColumn<QString>("lookupUrl"); // a create's look-up, empty when none

        namespace T = TrunkingRequests;
        namespace V = VoiceRequests;
        namespace S = SipDomainRequests;
        namespace F = ServerlessRequests;
        const auto row = [](const char *name, const RestOperation &op, const char *method,
                            const QString &url, const QString &form, int status,
                            const char *listKey = "", const QString &lookup = {}) {
            QTest::newRow(name) << op << QString::fromLatin1(method) << url << form << status
                                << QString::fromLatin1(listKey) << lookup;
        };
        // Elastic SIP Trunking
        row("listTrunks", T::listTrunks(), "GET", Trunking, {}, 200, "trunks");
        row("fetchTrunk", T::fetchTrunk(TK), "GET", Trunking + '/' + TK, {}, 200);
        row("deleteTrunk", T::deleteTrunk(TK), "DELETE", Trunking + '/' + TK, {}, 204);
        row("listTrunkNumbers", T::listPhoneNumbers(TK), "GET",
            Trunking + '/' + TK + "/PhoneNumbers", {}, 200, "phone_numbers");
        row("fetchTrunkNumber", T::fetchPhoneNumber(TK, PN), "GET",
            Trunking + '/' + TK + "/PhoneNumbers/" + PN, {}, 200);
        row("addTrunkNumber", T::addPhoneNumber(TK, PN), "POST",
            Trunking + '/' + TK + "/PhoneNumbers", "PhoneNumberSid=" + PN, 201, "",
            Trunking + '/' + TK + "/PhoneNumbers/" + PN);
        row("removeTrunkNumber", T::removePhoneNumber(TK, PN), "DELETE",
            Trunking + '/' + TK + "/PhoneNumbers/" + PN, {}, 204);
        row("listOriginationUrls", T::listOriginationUrls(TK), "GET",
            Trunking + '/' + TK + "/OriginationUrls", {}, 200, "origination_urls");
        row("listTrunkAcls", T::listIpAccessControlLists(TK), "GET",
            Trunking + '/' + TK + "/IpAccessControlLists", {}, 200, "ip_access_control_lists");
        row("listTrunkCredentialLists", T::listCredentialLists(TK), "GET",
            Trunking + '/' + TK + "/CredentialLists", {}, 200, "credential_lists");
        // Account, numbers, lists, calls
        row("fetchAccount", V::fetchAccount(AC), "GET", Account + ".json", {}, 200);
        PhoneNumberFilter filter;
        filter.phoneNumber = QStringLiteral("+6125550");
        row("listNumbers", V::listIncomingPhoneNumbers(AC, filter), "GET",
            Account + "/IncomingPhoneNumbers.json?PhoneNumber=%2B6125550", {}, 200,
            "incoming_phone_numbers");
        row("fetchNumber", V::fetchIncomingPhoneNumber(AC, PN), "GET",
            Account + "/IncomingPhoneNumbers/" + PN + ".json", {}, 200);
        IncomingPhoneNumberUpdate update;
        update.voiceUrl = QStringLiteral("https://h.example.com/outboundHandler");
        update.voiceMethod = QStringLiteral("POST");
        update.trunkSid = QString(); // sent empty: off the trunk
        row("updateNumber", V::updateIncomingPhoneNumber(AC, PN, update), "POST",
            Account + "/IncomingPhoneNumbers/" + PN + ".json",
            "VoiceUrl=https%3A%2F%2Fh.example.com%2FoutboundHandler&VoiceMethod=POST&TrunkSid=",
            200);
        row("listAcls", V::listIpAccessControlLists(AC), "GET",
            Account + "/SIP/IpAccessControlLists.json", {}, 200, "ip_access_control_lists");
        row("listCredentialLists", V::listCredentialLists(AC), "GET",
            Account + "/SIP/CredentialLists.json", {}, 200, "credential_lists");
        CallFilter calls;
        calls.to = QStringLiteral("+61255501001");
        calls.startTimeAfter = QStringLiteral("2026-12-01");
        row("listCalls", V::listCalls(AC, calls), "GET",
            Account + "/Calls.json?To=%2B61255501001&StartTime%3E=2026-12-01", {}, 200, "calls");
        // SIP domains and their mappings
        const QString domains = Account + "/SIP/Domains";
        row("listDomains", S::listDomains(AC), "GET", domains + ".json", {}, 200, "domains");
        row("createDomain", S::createDomain(AC, domainParams()), "POST", domains + ".json",
            "DomainName=acme.sip.twilio.com&VoiceUrl=https%3A%2F%2Fh.example.com%2FinboundHandler"
            "&Secure=true&EmergencyCallingEnabled=true",
            201, "", domains + ".json");
        row("fetchDomain", S::fetchDomain(AC, SD), "GET", domains + '/' + SD + ".json", {}, 200);
        SipDomainParams voice;
        voice.voiceUrl = QStringLiteral("https://h.example.com/inboundHandler");
        row("updateDomain", S::updateDomain(AC, SD, voice), "POST", domains + '/' + SD + ".json",
            "VoiceUrl=https%3A%2F%2Fh.example.com%2FinboundHandler", 200);
        row("deleteDomain", S::deleteDomain(AC, SD), "DELETE", domains + '/' + SD + ".json", {},
            204);
        const QString acls = domains + '/' + SD + "/Auth/Calls/IpAccessControlListMappings";
        const QString creds = domains + '/' + SD + "/Auth/Calls/CredentialListMappings";
        using M = SipDomainRequests::Mapping;
        row("listAclMappings", S::listMappings(AC, M::IpAccessControlList, SD), "GET",
            acls + ".json", {}, 200, "contents");
        row("createAclMapping", S::createMapping(AC, M::IpAccessControlList, SD, AL), "POST",
            acls + ".json", "IpAccessControlListSid=" + AL, 201, "", acls + '/' + AL + ".json");
        row("deleteAclMapping", S::deleteMapping(AC, M::IpAccessControlList, SD, AL), "DELETE",
            acls + '/' + AL + ".json", {}, 204);
        row("listCredentialMappings", S::listMappings(AC, M::CredentialList, SD), "GET",
            creds + ".json", {}, 200, "contents");
        row("createCredentialMapping", S::createMapping(AC, M::CredentialList, SD, CL), "POST",
            creds + ".json", "CredentialListSid=" + CL, 201, "", creds + '/' + CL + ".json");
        row("deleteCredentialMapping", S::deleteMapping(AC, M::CredentialList, SD, CL), "DELETE",
            creds + '/' + CL + ".json", {}, 204);
        // Functions
        const QString service = Services + '/' + ZS;
        const QString environment = service + "/Environments/" + ZE;
        row("listServices", F::listServices(), "GET", Services, {}, 200, "services");
        row("createService", F::createService("trunk-migrator", "Trunk Migrator"), "POST", Services,
            "UniqueName=trunk-migrator&FriendlyName=Trunk%20Migrator", 201, "",
            Services + "/trunk-migrator");
        row("fetchService", F::fetchService("trunk-migrator"), "GET", Services + "/trunk-migrator",
            {}, 200);
        row("listEnvironments", F::listEnvironments(ZS), "GET", service + "/Environments", {}, 200,
            "environments");
        row("createEnvironment", F::createEnvironment(ZS, "production", "prod"), "POST",
            service + "/Environments", "UniqueName=production&DomainSuffix=prod", 201, "",
            service + "/Environments");
        row("listFunctions", F::listFunctions(ZS), "GET", service + "/Functions", {}, 200,
            "functions");
        row("createFunction", F::createFunction(ZS, "/inboundHandler"), "POST",
            service + "/Functions", "FriendlyName=%2FinboundHandler", 201, "",
            service + "/Functions");
        BuildRequest build;
        build.functionVersionSids = {QStringLiteral("ZN") + QString(32, u'c')};
        build.runtime = QStringLiteral("node18");
        row("createBuild", F::createBuild(ZS, build), "POST", service + "/Builds",
            "FunctionVersions=ZN" + QString(32, u'c') + "&Runtime=node18", 201);
        row("fetchBuild", F::fetchBuild(ZS, ZB), "GET", service + "/Builds/" + ZB, {}, 200);
        row("fetchBuildStatus", F::fetchBuildStatus(ZS, ZB), "GET",
            service + "/Builds/" + ZB + "/Status", {}, 200);
        row("createDeployment", F::createDeployment(ZS, ZE, ZB), "POST",
            environment + "/Deployments", "BuildSid=" + ZB, 201, "", environment + "/Deployments");
        row("listDeployments", F::listDeployments(ZS, ZE), "GET", environment + "/Deployments", {},
            200, "deployments");
        row("listVariables", F::listVariables(ZS, ZE), "GET", environment + "/Variables", {}, 200,
            "variables");
        row("createVariable", F::createVariable(ZS, ZE, "PBX_DOMAIN", "pbx.example.com"), "POST",
            environment + "/Variables", "Key=PBX_DOMAIN&Value=pbx.example.com", 201, "",
            environment + "/Variables");
        row("updateVariable", F::updateVariable(ZS, ZE, ZV, std::nullopt, QStringLiteral("x")),
            "POST", environment + "/Variables/" + ZV, "Value=x", 200);
    }

    void operation()
    {
        QFETCH(RestOperation, operation);
        QFETCH(QString, expectedMethod);
        QFETCH(QString, expectedUrl);
        QFETCH(QString, expectedForm);
        QFETCH(int, expectedStatus);
        QFETCH(QString, listKey);
        QFETCH(QString, lookupUrl);

        QVERIFY2(!operation.problem.isError(), qPrintable(operation.problem.message));
        QCOMPARE(operation.request.methodName(), expectedMethod);
        QCOMPARE(url(operation), expectedUrl);
        QCOMPARE(QString::fromLatin1(FormEncoder::encode(operation.request.form)), expectedForm);
        QCOMPARE(operation.expectedStatus, expectedStatus);
        QCOMPARE(operation.listKey, listKey);
        QCOMPARE(operation.lookup.has_value(), !lookupUrl.isEmpty());
        if (operation.lookup) {
            const TwilioRequest &lookup = operation.lookup->request;
            QCOMPARE(lookup.methodName(), QStringLiteral("GET"));
            QCOMPARE(TwilioHosts().url(lookup.product, lookup.path).toString(), lookupUrl);
        }

        // Held to Twilio's description of the same operation.
        const QString file = specFile(operation.request.product);
        const QString path = m_spec.pathTemplate(file, operation.request.path, method(operation));
        QVERIFY2(!path.isEmpty(), qPrintable(operation.request.path));
        QVERIFY2(m_spec.successStatuses(file, path, method(operation)).contains(expectedStatus),
                 qPrintable(path));
        const QSet<QString> declared = m_spec.formFields(file, path, method(operation));
        for (const auto &field : operation.request.form)
            QVERIFY2(declared.contains(field.first), qPrintable(field.first));
        const QSet<QString> parameters = m_spec.queryParameters(file, path, method(operation));
        for (const auto &field : operation.request.query)
            QVERIFY2(parameters.contains(field.first), qPrintable(field.first));
    }

    // The one request outside the spec: its parts are Twilio's documented upload form.
    void upload()
    {
        FunctionVersionUpload upload;
        upload.path = QStringLiteral("/inboundHandler");
        upload.visibility = QStringLiteral("protected");
        upload.fileName = QStringLiteral("inboundHandler.js");
        upload.content = "exports.handler = () => {};";
        const RestOperation op = ServerlessRequests::uploadFunctionVersion(ZS, ZH, upload);
        QVERIFY(!op.problem.isError());
        QCOMPARE(url(op), QStringLiteral("https://serverless-upload.twilio.com/v1/Services/") + ZS +
                              "/Functions/" + ZH + "/Versions");
        QCOMPARE(op.expectedStatus, 201);
        QVERIFY(!op.lookup); // an extra version is harmless; a look-up could not tell them apart
        QStringList parts;
        for (const MultipartField &part : op.request.multipart)
            parts.append(part.name);
        QCOMPARE(parts, SpecParameters::uploadPartNames());
        QCOMPARE(op.request.multipart.at(2).data, upload.content);
    }

    void badInputIsNeverSent_data()
    {
        QTest::addColumn<RestOperation>("operation");
        QTest::addColumn<QString>("mentions");
        const QString bad = QStringLiteral("TK123");
        namespace T = TrunkingRequests;
        namespace S = SipDomainRequests;
        namespace F = ServerlessRequests;
        using M = SipDomainRequests::Mapping;
        QTest::newRow("trunk") << T::fetchTrunk(bad) << "trunk SID";
        QTest::newRow("second SID") << T::removePhoneNumber(TK, "PN../Trunks") << "phone number";
        QTest::newRow("number") << VoiceRequests::fetchIncomingPhoneNumber(AC, TK)
                                << "phone number";
        QTest::newRow("empty update")
            << VoiceRequests::updateIncomingPhoneNumber(AC, PN, {}) << "changes nothing";
        IncomingPhoneNumberUpdate insecure;
        insecure.voiceUrl = QStringLiteral("http://h.example.com/outboundHandler");
        QTest::newRow("http voice URL")
            << VoiceRequests::updateIncomingPhoneNumber(AC, PN, insecure) << "https";
        QTest::newRow("domain") << S::fetchDomain(AC, PN) << "SIP domain";
        QTest::newRow("domain name") << S::createDomain(AC, {}) << "domain name";
        QTest::newRow("list") << S::createMapping(AC, M::CredentialList, SD, AL)
                              << "credential list";
        QTest::newRow("service") << F::listFunctions(QStringLiteral("ZSx")) << "service";
        QTest::newRow("service name") << F::fetchService(QStringLiteral("a/b")) << "neither";
        QTest::newRow("variable") << F::createVariable(ZS, ZE, {}, QStringLiteral("v")) << "key";
        QTest::newRow("nothing to update")
            << F::updateVariable(ZS, ZE, ZV, std::nullopt, std::nullopt) << "and/or a value";
        QTest::newRow("value too long")
            << F::updateVariable(ZS, ZE, ZV, std::nullopt, QString(451, u'x')) << "and/or a value";
    }

    void badInputIsNeverSent()
    {
        QFETCH(RestOperation, operation);
        QFETCH(QString, mentions);
        QCOMPARE(operation.problem.kind, TwilioError::Kind::InvalidInput);
        QVERIFY2(operation.problem.message.contains(mentions, Qt::CaseInsensitive),
                 qPrintable(operation.problem.message));
    }

private:
    SpecParameters m_spec;
};

QTEST_GUILESS_MAIN(TestRestOperations)
#include "tst_restoperations.moc"
