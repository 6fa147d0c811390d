#include "contractdriver.h"

#include "serverlessapi.h"
#include "sipdomainapi.h"
#include "trunkingapi.h"
#include "voiceapi.h"

#include <QDate>

namespace {

const QString kHandler = QStringLiteral("https://handler.example.com");

QString url(const char *path)
{
    return kHandler + QLatin1String(path);
}

template<class T> QString sidOf(const std::optional<T> &value)
{
    return value ? value->sid : QString();
}

template<class T> QString firstSid(const std::optional<QList<T>> &list, int index = 0)
{
    return list && list->size() > index ? list->at(index).sid : QString();
}

} // namespace

ContractDriver::ContractDriver(SandboxFixture &fixture)
    : f(fixture)
{}

template<class T, class Start>
std::optional<T> ContractDriver::drive(const char *operation, Start start)
{
    const QString name = QLatin1String(operation);
    m_driven.insert(name);
    Waiter<T> waiter;
    start(waiter.callback());
    if (!waiter.wait()) {
        m_failures.append(name + QStringLiteral(": no callback"));
        return std::nullopt;
    }
    if (!waiter.result->ok()) {
        m_failures.append(name + QStringLiteral(": ") + waiter.error().toDisplayString());
        return std::nullopt;
    }
    return waiter.value();
}

void ContractDriver::run()
{
    m_trunk = f.server().trunkSid();
    trunking();
    voice();
    calls();
    sipDomains();
    serverless();
    // Last: deleting the trunk releases its numbers.
    TrunkingApi &t = f.client().trunking();
    drive<TwilioNoContent>("deleteTrunk",
                           [&](auto cb) { return t.deleteTrunk(m_trunk, f.context(), cb); });
}

void ContractDriver::trunking()
{
    TrunkingApi &t = f.client().trunking();
    QObject *c = f.context();
    drive<QList<Trunk>>("listTrunks", [&](auto cb) { return t.listTrunks(c, cb); });
    drive<Trunk>("fetchTrunk", [&](auto cb) { return t.fetchTrunk(m_trunk, c, cb); });
    drive<TrunkRecording>("fetchTrunkRecording",
                          [&](auto cb) { return t.fetchTrunkRecording(m_trunk, c, cb); });
    const auto numbers = drive<QList<IncomingPhoneNumber>>(
        "listTrunkPhoneNumbers", [&](auto cb) { return t.listTrunkPhoneNumbers(m_trunk, c, cb); });
    m_number = firstSid(numbers, 0);
    m_otherNumber = firstSid(numbers, 1);
    // The domain's emergency caller must have a registered emergency address.
    for (const IncomingPhoneNumber &n : numbers.value_or(QList<IncomingPhoneNumber>()))
        if (n.hasEmergencyAddress() && m_emergencyNumber.isEmpty())
            m_emergencyNumber = n.sid;
    drive<IncomingPhoneNumber>("fetchTrunkPhoneNumber", [&](auto cb) {
        return t.fetchTrunkPhoneNumber(m_trunk, m_number, c, cb);
    });
    drive<TwilioNoContent>("removeTrunkPhoneNumber", [&](auto cb) {
        return t.removeTrunkPhoneNumber(m_trunk, m_number, c, cb);
    });
    drive<IncomingPhoneNumber>("addTrunkPhoneNumber", [&](auto cb) {
        return t.addTrunkPhoneNumber(m_trunk, m_number, c, cb);
    });
    drive<QList<OriginationUrl>>("listOriginationUrls",
                                 [&](auto cb) { return t.listOriginationUrls(m_trunk, c, cb); });
    drive<QList<SipAuthList>>("listTrunkIpAccessControlLists", [&](auto cb) {
        return t.listTrunkIpAccessControlLists(m_trunk, c, cb);
    });
    drive<QList<SipAuthList>>("listTrunkCredentialLists",
                              [&](auto cb) { return t.listTrunkCredentialLists(m_trunk, c, cb); });
}

void ContractDriver::voice()
{
    VoiceApi &v = f.client().voice();
    QObject *c = f.context();
    drive<TwilioAccount>("fetchAccount", [&](auto cb) { return v.fetchAccount(c, cb); });
    const auto number = drive<IncomingPhoneNumber>("fetchIncomingPhoneNumber", [&](auto cb) {
        return v.fetchIncomingPhoneNumber(m_otherNumber, c, cb);
    });
    PhoneNumberFilter filter;
    filter.phoneNumber = number ? number->phoneNumber.right(4) : QStringLiteral("0000");
    filter.friendlyName = number ? number->friendlyName : QStringLiteral("none");
    // Then a filter every number matches: with the test's page size of 1 the client follows
    // v2010 next-page links, which must carry the filter and only declared keys.
    PhoneNumberFilter everyNumber;
    everyNumber.phoneNumber = QStringLiteral("+");
    for (const PhoneNumberFilter *query : {&filter, &everyNumber})
        drive<QList<IncomingPhoneNumber>>("listIncomingPhoneNumbers", [&](auto cb) {
            return v.listIncomingPhoneNumbers(*query, c, cb);
        });

    // Every optional field. TrunkSid and VoiceApplicationSid exclude each other (Twilio and
    // the sandbox answer 400 to both at once), so the number first goes to an application
    // and then back to its trunk.
    IncomingPhoneNumberUpdate toApplication;
    toApplication.voiceUrl = url("/voice");
    toApplication.voiceMethod = QStringLiteral("POST");
    toApplication.voiceFallbackUrl = url("/fallback");
    toApplication.voiceFallbackMethod = QStringLiteral("GET");
    toApplication.statusCallback = url("/status");
    toApplication.statusCallbackMethod = QStringLiteral("POST");
    toApplication.voiceApplicationSid = SandboxFixture::unknownSid("AP");
    toApplication.voiceCallerIdLookup = true;
    IncomingPhoneNumberUpdate toTrunk;
    toTrunk.trunkSid = m_trunk;
    for (const IncomingPhoneNumberUpdate *update : {&toApplication, &toTrunk})
        drive<IncomingPhoneNumber>("updateIncomingPhoneNumber", [&](auto cb) {
            return v.updateIncomingPhoneNumber(m_otherNumber, *update, c, cb);
        });

    m_acl = firstSid(drive<QList<SipAuthList>>(
        "listIpAccessControlLists", [&](auto cb) { return v.listIpAccessControlLists(c, cb); }));
    m_credentialList = firstSid(drive<QList<SipAuthList>>(
        "listCredentialLists", [&](auto cb) { return v.listCredentialLists(c, cb); }));
}

void ContractDriver::calls()
{
    VoiceApi &v = f.client().voice();
    QObject *c = f.context();
    CallFilter window;
    window.to = QStringLiteral("+61255500000");
    window.from = QStringLiteral("+15005550006");
    window.status = QStringLiteral("completed");
    window.startTimeAfter = QStringLiteral("2000-01-01");
    window.startTimeBefore = QStringLiteral("2999-12-31T23:59:59Z");
    const auto found =
        drive<QList<CallRecord>>("listCalls", [&](auto cb) { return v.listCalls(window, c, cb); });
    CallFilter bothCalls; // both test calls: more than one page
    bothCalls.startTimeAfter = window.startTimeAfter;
    bothCalls.startTimeBefore = window.startTimeBefore;
    drive<QList<CallRecord>>("listCalls", [&](auto cb) { return v.listCalls(bothCalls, c, cb); });
    CallFilter children;
    children.parentCallSid =
        found && !found->isEmpty() ? found->first().sid : SandboxFixture::unknownSid("CA");
    children.startTime = QDate::currentDate().toString(Qt::ISODate);
    drive<QList<CallRecord>>("listCalls", [&](auto cb) { return v.listCalls(children, c, cb); });
}

void ContractDriver::sipDomains()
{
    SipDomainApi &s = f.client().sipDomains();
    QObject *c = f.context();
    SipDomainParams params;
    params.domainName = QStringLiteral("contract-check.sip.twilio.com");
    params.friendlyName = QStringLiteral("Contract check");
    params.voiceUrl = url("/sip");
    params.voiceMethod = QStringLiteral("POST");
    params.voiceFallbackUrl = url("/sip-fallback");
    params.voiceFallbackMethod = QStringLiteral("GET");
    params.voiceStatusCallbackUrl = url("/sip-status");
    params.voiceStatusCallbackMethod = QStringLiteral("POST");
    params.sipRegistration = true;
    params.secure = true;
    params.emergencyCallingEnabled = false;
    const QString domain = sidOf(drive<SipDomain>(
        "createSipDomain", [&](auto cb) { return s.createSipDomain(params, c, cb); }));
    drive<QList<SipDomain>>("listSipDomains", [&](auto cb) { return s.listSipDomains(c, cb); });
    drive<SipDomain>("fetchSipDomain", [&](auto cb) { return s.fetchSipDomain(domain, c, cb); });
    params.domainName = QStringLiteral("contract-renamed.sip.twilio.com");
    params.friendlyName = QStringLiteral("Contract renamed");
    params.sipRegistration = false;
    params.secure = false;
    params.emergencyCallingEnabled = true;
    params.emergencyCallerSid = m_emergencyNumber;
    drive<SipDomain>("updateSipDomain",
                     [&](auto cb) { return s.updateSipDomain(domain, params, c, cb); });

    drive<SipAuthList>("createIpAccessControlListMapping", [&](auto cb) {
        return s.createIpAccessControlListMapping(domain, m_acl, c, cb);
    });
    drive<QList<SipAuthList>>("listIpAccessControlListMappings", [&](auto cb) {
        return s.listIpAccessControlListMappings(domain, c, cb);
    });
    drive<SipAuthList>("createCredentialListMapping", [&](auto cb) {
        return s.createCredentialListMapping(domain, m_credentialList, c, cb);
    });
    drive<QList<SipAuthList>>("listCredentialListMappings",
                              [&](auto cb) { return s.listCredentialListMappings(domain, c, cb); });
    drive<TwilioNoContent>("deleteIpAccessControlListMapping", [&](auto cb) {
        return s.deleteIpAccessControlListMapping(domain, m_acl, c, cb);
    });
    drive<TwilioNoContent>("deleteCredentialListMapping", [&](auto cb) {
        return s.deleteCredentialListMapping(domain, m_credentialList, c, cb);
    });
    drive<TwilioNoContent>("deleteSipDomain",
                           [&](auto cb) { return s.deleteSipDomain(domain, c, cb); });
}

void ContractDriver::serverless()
{
    ServerlessApi &s = f.client().serverless();
    QObject *c = f.context();
    const QString unique = QStringLiteral("contract-check");
    const QString service = sidOf(drive<ServerlessService>("createService", [&](auto cb) {
        return s.createService(unique, QStringLiteral("Contract check"), c, cb);
    }));
    drive<QList<ServerlessService>>("listServices", [&](auto cb) { return s.listServices(c, cb); });
    for (const QString &key : {service, unique})
        drive<ServerlessService>("fetchService",
                                 [&](auto cb) { return s.fetchService(key, c, cb); });

    const QString environment =
        sidOf(drive<ServerlessEnvironment>("createEnvironment", [&](auto cb) {
            return s.createEnvironment(service, QStringLiteral("production"),
                                       QStringLiteral("prod"), c, cb);
        }));
    drive<QList<ServerlessEnvironment>>(
        "listEnvironments", [&](auto cb) { return s.listEnvironments(service, c, cb); });
    const QString function = sidOf(drive<ServerlessFunction>("createFunction", [&](auto cb) {
        return s.createFunction(service, QStringLiteral("inbound"), c, cb);
    }));
    drive<QList<ServerlessFunction>>("listFunctions",
                                     [&](auto cb) { return s.listFunctions(service, c, cb); });
    serverlessBuild(service, environment, function);

    const QString variable = sidOf(drive<ServerlessVariable>("createVariable", [&](auto cb) {
        return s.createVariable(service, environment, QStringLiteral("PBX_HOST"),
                                QStringLiteral("pbx.example.net"), c, cb);
    }));
    drive<QList<ServerlessVariable>>(
        "listVariables", [&](auto cb) { return s.listVariables(service, environment, c, cb); });
    drive<ServerlessVariable>("updateVariable", [&](auto cb) {
        return s.updateVariable(service, environment, variable, QStringLiteral("PBX_HOST"),
                                QStringLiteral("pbx2.example.net"), c, cb);
    });
}

void ContractDriver::serverlessBuild(const QString &service, const QString &environment,
                                     const QString &function)
{
    ServerlessApi &s = f.client().serverless();
    QObject *c = f.context();
    FunctionVersionUpload upload;
    upload.path = QStringLiteral("/inbound");
    upload.visibility = QStringLiteral("protected");
    upload.fileName = QStringLiteral("inbound.js");
    upload.content = "exports.handler = (context, event, callback) => callback(null, '');\n";
    const QString version = sidOf(drive<FunctionVersion>("uploadFunctionVersion", [&](auto cb) {
        return s.uploadFunctionVersion(service, function, upload, c, cb);
    }));

    BuildRequest request;
    request.functionVersionSids = {version};
    request.dependencies = {{QStringLiteral("twilio"), QStringLiteral("^5.0.0")},
                            {QStringLiteral("@twilio/runtime-handler"), QStringLiteral("1.3.0")}};
    request.runtime = QStringLiteral("node18");
    const QString build = sidOf(drive<ServerlessBuild>(
        "createBuild", [&](auto cb) { return s.createBuild(service, request, c, cb); }));
    drive<ServerlessBuild>("fetchBuild",
                           [&](auto cb) { return s.fetchBuild(service, build, c, cb); });
    // The test sets a zero build duration: the first status read finds it completed.
    drive<ServerlessBuild>("fetchBuildStatus",
                           [&](auto cb) { return s.fetchBuildStatus(service, build, c, cb); });
    drive<ServerlessDeployment>("createDeployment", [&](auto cb) {
        return s.createDeployment(service, environment, build, c, cb);
    });
    drive<QList<ServerlessDeployment>>(
        "listDeployments", [&](auto cb) { return s.listDeployments(service, environment, c, cb); });
}
