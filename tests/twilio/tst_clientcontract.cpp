// Issue 2 §4: every form field and query parameter the client can send is a declared parameter
// of the OpenAPI operation it reaches (third_party/twilio-oai). Every public client operation
// runs against the in-process sandbox (ContractDriver), whose request observer records the
// names each request carried; SpecParameters checks them. The multipart upload, outside the
// spec, must carry exactly the parts twilio-api.md §4.4 documents.
#include "contractdriver.h"
#include "specparameters.h"
#include "voiceresources.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>

Q_DECLARE_METATYPE(SandboxRequestRecord)

namespace {

const QString kAccount = QStringLiteral("/2010-04-01/Accounts/{AccountSid:AC}");

QString expand(const char *pathTemplate)
{
    QString path = QString::fromLatin1(pathTemplate);
    return path.startsWith(QLatin1Char('@')) ? kAccount + path.mid(1) : path;
}

enum class Where { Form, Query, Parts };

// The operations that send names, each with the names this test must have seen it send (so a
// field or filter the driver stops setting is noticed, not silently unchecked).
struct Expected
{
    const char *method;
    const char *pathTemplate; // as in SandboxServer::routeTable(); '@' = kAccount
    Where where;
    const char *names; // space-separated
};

const Expected kExpected[] = {
    {"POST", "@/IncomingPhoneNumbers/{Sid:PN}.json", Where::Form,
     "VoiceUrl VoiceMethod VoiceFallbackUrl VoiceFallbackMethod StatusCallback "
     "StatusCallbackMethod VoiceApplicationSid TrunkSid VoiceCallerIdLookup"},
    {"GET", "@/IncomingPhoneNumbers.json", Where::Query,
     "PhoneNumber FriendlyName PageSize Page PageToken"},
    {"GET", "@/Calls.json", Where::Query,
     "To From Status ParentCallSid StartTime StartTime> StartTime< PageSize Page PageToken"},
    {"GET", "/v1/Trunks/{TrunkSid:TK}/PhoneNumbers", Where::Query, "PageSize Page PageToken"},
    {"POST", "/v1/Trunks/{TrunkSid:TK}/PhoneNumbers", Where::Form, "PhoneNumberSid"},
    {"POST", "@/SIP/Domains.json", Where::Form,
     "DomainName FriendlyName VoiceUrl VoiceMethod VoiceFallbackUrl VoiceFallbackMethod "
     "VoiceStatusCallbackUrl VoiceStatusCallbackMethod SipRegistration Secure "
     "EmergencyCallingEnabled"},
    {"POST", "@/SIP/Domains/{Sid:SD}.json", Where::Form,
     "DomainName FriendlyName VoiceUrl VoiceMethod VoiceFallbackUrl VoiceFallbackMethod "
     "VoiceStatusCallbackUrl VoiceStatusCallbackMethod SipRegistration Secure "
     "EmergencyCallingEnabled EmergencyCallerSid"},
    {"POST", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/IpAccessControlListMappings.json",
     Where::Form, "IpAccessControlListSid"},
    {"POST", "@/SIP/Domains/{DomainSid:SD}/Auth/Calls/CredentialListMappings.json", Where::Form,
     "CredentialListSid"},
    {"POST", "/v1/Services", Where::Form, "UniqueName FriendlyName"},
    {"POST", "/v1/Services/{ServiceSid}/Environments", Where::Form, "UniqueName DomainSuffix"},
    {"POST", "/v1/Services/{ServiceSid}/Functions", Where::Form, "FriendlyName"},
    {"POST", "/v1/Services/{ServiceSid}/Functions/{FunctionSid:ZH}/Versions", Where::Parts,
     "Path Visibility Content"},
    {"POST", "/v1/Services/{ServiceSid}/Builds", Where::Form,
     "FunctionVersions Dependencies Runtime"},
    {"POST", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Deployments", Where::Form,
     "BuildSid"},
    {"POST", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Variables", Where::Form,
     "Key Value"},
    {"POST", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Variables/{Sid:ZV}",
     Where::Form, "Key Value"},
};

// POST routes the sandbox serves that no client operation uses (the client never changes a
// trunk: it reads the whole of it and carries it over). Any other POST route must be reached,
// so a new create/update gets checked.
const char *const kPostRoutesNotUsed[] = {"/v1/Trunks/{Sid:TK}",
                                          "/v1/Trunks/{TrunkSid:TK}/Recording",
                                          "/v1/Trunks/{TrunkSid:TK}/OriginationUrls",
                                          "/v1/Trunks/{TrunkSid:TK}/OriginationUrls/{Sid:OU}"};

// The public operations of the typed APIs, read from their headers: a new one fails the
// coverage check until the driver calls it.
QSet<QString> publicOperations()
{
    static const QRegularExpression declaration(QStringLiteral("TwilioHandle\\s+(\\w+)\\s*\\("));
    QSet<QString> names;
    for (const char *header :
         {"trunkingapi.h", "voiceapi.h", "sipdomainapi.h", "serverlessapi.h"}) {
        QFile file(QStringLiteral(TM_SOURCE_DIR "/services/twilio/") + QLatin1String(header));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QString text = QString::fromUtf8(file.readAll());
        const QString publicPart = text.left(text.indexOf(QLatin1String("private:")));
        for (auto it = declaration.globalMatch(publicPart); it.hasNext();)
            names.insert(it.next().captured(1));
    }
    return names;
}

SandboxRequestRecord fake(const char *method, const char *pathTemplate, const QStringList &query,
                          const QStringList &form, const QStringList &parts = {})
{
    SandboxRequestRecord record;
    record.method = method;
    record.path = expand(pathTemplate);
    const QList<SandboxRouteInfo> routes = SandboxServer::routeTable();
    for (const SandboxRouteInfo &route : routes) {
        if (route.method == record.method && route.pathTemplate == record.path) {
            record.routed = true;
            record.route = route;
        }
    }
    record.queryKeys = query;
    record.formKeys = form;
    record.multipartNames = parts;
    if (!parts.isEmpty())
        record.contentType = "multipart/form-data; boundary=x";
    else if (record.method == "POST")
        record.contentType = "application/x-www-form-urlencoded";
    return record;
}

QStringList split(const char *names)
{
    return QString::fromLatin1(names).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestClientContract : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void checkerAcceptsDeclaredNames();
    void checkerRejectsUndeclaredNames_data();
    void checkerRejectsUndeclaredNames();
    void undeclaredNamesOnTheWireAreCaught();
    void everyOperationSendsDeclaredNames();

private:
    SpecParameters m_spec;
};

void TestClientContract::initTestCase()
{
    QString error;
    QVERIFY2(m_spec.load(QStringLiteral(TM_OPENAPI_DIR), &error), qPrintable(error));
}

void TestClientContract::checkerAcceptsDeclaredNames()
{
    const QList<SandboxRequestRecord> records = {
        fake("GET", "@/Calls.json",
             {QStringLiteral("To"), QStringLiteral("StartTime>"), QStringLiteral("PageSize"),
              QStringLiteral("PageToken")},
             {}),
        fake("POST", "@/SIP/Domains/{Sid:SD}.json", {}, split("VoiceUrl Secure SipRegistration")),
        fake("POST", "/v1/Services/{ServiceSid}/Environments", {},
             split("UniqueName DomainSuffix")),
        fake("POST", "/v1/Services/{ServiceSid}/Functions/{FunctionSid:ZH}/Versions", {}, {},
             split("Path Visibility Content")),
    };
    for (const SandboxRequestRecord &record : records) {
        const QStringList problems = m_spec.check(record);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
}

void TestClientContract::checkerRejectsUndeclaredNames_data()
{
    QTest::addColumn<SandboxRequestRecord>("record");
    QTest::addColumn<QString>("complaint"); // part of the expected problem text

    const auto row = [](const char *name, const SandboxRequestRecord &record, const char *text) {
        QTest::newRow(name) << record << QString::fromLatin1(text);
    };
    row("bogus form field",
        fake("POST", "@/SIP/Domains/{Sid:SD}.json", {}, split("VoiceUrl BogusField")),
        "form field \"BogusField\"");
    row("response name as form field",
        fake("POST", "@/IncomingPhoneNumbers/{Sid:PN}.json", {}, split("voice_url")),
        "form field \"voice_url\"");
    row("operator written as in curl", fake("GET", "@/Calls.json", split("StartTime>="), {}),
        "query parameter \"StartTime>=\"");
    row("filter of another list",
        fake("GET", "@/IncomingPhoneNumbers.json", split("PhoneNumber To"), {}),
        "query parameter \"To\"");
    row("form body on a read", fake("GET", "/v1/Trunks", {}, split("FriendlyName")),
        "form field \"FriendlyName\"");
    row("required field missing",
        fake("POST", "/v1/Services/{ServiceSid}/Environments/{EnvironmentSid:ZE}/Variables", {},
             split("Key")),
        "required form field \"Value\"");
    row("upload with an extra part",
        fake("POST", "/v1/Services/{ServiceSid}/Functions/{FunctionSid:ZH}/Versions", {}, {},
             split("Path Visibility Content FriendlyName")),
        "multipart parts are");
    row("upload missing a part",
        fake("POST", "/v1/Services/{ServiceSid}/Functions/{FunctionSid:ZH}/Versions", {}, {},
             split("Path Content")),
        "multipart parts are");
    row("upload as a form",
        fake("POST", "/v1/Services/{ServiceSid}/Functions/{FunctionSid:ZH}/Versions", {},
             split("Path Visibility Content")),
        "takes no form or query keys");
    row("multipart to a form operation",
        fake("POST", "/v1/Services/{ServiceSid}/Functions", {}, {}, split("FriendlyName")),
        "declares no multipart body");
    row("control endpoint", fake("POST", "/_sandbox/SimulateCall", {}, split("From To")),
        "is not an operation of the OpenAPI files");
    row("no route", fake("GET", "/v1/Nowhere", {}, {}), "no sandbox route");
}

void TestClientContract::checkerRejectsUndeclaredNames()
{
    QFETCH(SandboxRequestRecord, record);
    QFETCH(QString, complaint);
    const QStringList problems = m_spec.check(record);
    QVERIFY2(!problems.filter(complaint).isEmpty(),
             qPrintable(QStringLiteral("expected \"%1\" among: %2")
                            .arg(complaint, problems.join(QStringLiteral(" | ")))));
}

// The whole path (client encoding, sandbox observer, checker) flags what a client would send
// wrong: a bogus form field and an operator key spelt as in curl examples.
void TestClientContract::undeclaredNamesOnTheWireAreCaught()
{
    SandboxOptions options;
    options.numbers = 2;
    SandboxFixture f(options);
    const QString problem = f.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QList<SandboxRequestRecord> records;
    f.server().setRequestObserver([&records](const SandboxRequestRecord &r) { records.append(r); });

    constexpr auto Api = TwilioHosts::Product::Api;
    const QString domain = RestOperation::accountPath(
        f.client().accountSid(), QStringLiteral("/SIP/Domains/") +
                                     SandboxFixture::unknownSid("SD") + QStringLiteral(".json"));
    Waiter<SipDomain> updated; // 404 (no such domain): only what was sent matters here
    f.client().fetchAs<SipDomain>(
        TwilioRequest::update(Api, domain,
                              {{QStringLiteral("VoiceUrl"), QStringLiteral("https://a.example")},
                               {QStringLiteral("BogusField"), QStringLiteral("1")}}),
        f.context(), updated.callback(), &SipDomain::fromJson);
    QVERIFY(updated.wait());
    Waiter<QList<CallRecord>> calls;
    f.client().listAs<CallRecord>(
        TwilioRequest::get(
            Api, RestOperation::accountPath(f.client().accountSid(), QStringLiteral("/Calls.json")),
            {{QStringLiteral("StartTime>="), QStringLiteral("2024-05-01")}}),
        QStringLiteral("calls"), f.context(), calls.callback(), &CallRecord::fromJson);
    QVERIFY(calls.wait());

    QCOMPARE(records.size(), 2);
    const QStringList update = m_spec.check(records.at(0));
    QCOMPARE(update.size(), 1);
    QVERIFY2(update.first().contains(QLatin1String("\"BogusField\"")), qPrintable(update.first()));
    const QStringList list = m_spec.check(records.at(1));
    QVERIFY2(!list.filter(QStringLiteral("\"StartTime>=\"")).isEmpty(),
             qPrintable(list.join(QLatin1Char('\n'))));
}

void TestClientContract::everyOperationSendsDeclaredNames()
{
    SandboxOptions options;
    options.numbers = 8;
    SandboxFixture f(options);
    const QString problem = f.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    f.server().setBuildDurationMs(0);
    f.client().setPageSize(1); // several pages, so the followed next-page links are checked too

    // Two test calls, so the calls list has something to filter and page through (control
    // endpoint, not a client operation: sent before the observer is on).
    for (int call = 0; call < 2; ++call) {
        Waiter<TwilioAccount> simulated; // any parser: only success matters
        f.client().fetchAs<TwilioAccount>(
            TwilioRequest::create(TwilioHosts::Product::Api,
                                  QStringLiteral("/_sandbox/SimulateCall"),
                                  {{QStringLiteral("From"), QStringLiteral("+15005550006")},
                                   {QStringLiteral("To"), QStringLiteral("+61255500000")}}),
            f.context(), simulated.callback(), &TwilioAccount::fromJson);
        TM_WAIT_OK(simulated);
    }

    QList<SandboxRequestRecord> records;
    f.server().setRequestObserver([&records](const SandboxRequestRecord &r) { records.append(r); });
    ContractDriver driver(f);
    driver.run();
    f.server().setRequestObserver({});
    QVERIFY2(driver.failures().isEmpty(), qPrintable(driver.failures().join(QLatin1Char('\n'))));

    QStringList problems;
    QSet<QString> operations;
    QHash<QString, QSet<QString>> seen; // "METHOD template" -> every name sent to it
    int formKeys = 0;
    int queryKeys = 0;
    for (const SandboxRequestRecord &record : std::as_const(records)) {
        problems += m_spec.check(record);
        const QString operation =
            QString::fromLatin1(record.method) + QLatin1Char(' ') + record.route.pathTemplate;
        operations.insert(operation);
        seen[operation] += QSet<QString>(record.formKeys.cbegin(), record.formKeys.cend());
        seen[operation] += QSet<QString>(record.queryKeys.cbegin(), record.queryKeys.cend());
        seen[operation] +=
            QSet<QString>(record.multipartNames.cbegin(), record.multipartNames.cend());
        formKeys += int(record.formKeys.size() + record.multipartNames.size());
        queryKeys += int(record.queryKeys.size());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // Coverage 1: every public client operation was called.
    const QSet<QString> declared = publicOperations();
    QVERIFY2(declared.size() > 30, "cannot read the client's *api.h headers");
    const QSet<QString> notDriven = declared - driver.driven();
    const QSet<QString> unknown = driver.driven() - declared;
    QVERIFY2(notDriven.isEmpty(), qPrintable(QStringLiteral("client operations not driven: ") +
                                             notDriven.values().join(QLatin1Char(' '))));
    QVERIFY2(unknown.isEmpty(), qPrintable(QStringLiteral("driven but not in the client: ") +
                                           unknown.values().join(QLatin1Char(' '))));

    // Coverage 2: each operation that takes names was seen sending at least the listed ones.
    int expectedNames = 0;
    for (const Expected &expected : kExpected) {
        const QString operation =
            QString::fromLatin1(expected.method) + QLatin1Char(' ') + expand(expected.pathTemplate);
        const QStringList wanted = split(expected.names);
        expectedNames += int(wanted.size());
        for (const QString &name : wanted)
            QVERIFY2(seen.value(operation).contains(name),
                     qPrintable(operation + QStringLiteral(" never sent ") + name));
    }

    // Coverage 3: every POST route of the spec is reached, or listed as unused.
    const QList<SandboxRouteInfo> routes = SandboxServer::routeTable();
    for (const SandboxRouteInfo &route : routes) {
        const QString operation =
            QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pathTemplate;
        const bool unused = std::any_of(
            std::begin(kPostRoutesNotUsed), std::end(kPostRoutesNotUsed),
            [&route](const char *path) { return route.pathTemplate == QLatin1String(path); });
        if (route.method == "POST" &&
            (!route.specFile.isEmpty() || SpecParameters::isUpload(route)))
            QVERIFY2(
                unused || operations.contains(operation),
                qPrintable(operation + QStringLiteral(" (POST) reached by no client operation")));
    }

    int distinctNames = 0;
    for (const QSet<QString> &names : std::as_const(seen))
        distinctNames += int(names.size());
    qInfo("checked %d requests: %d client operations, %d distinct routes, %d form keys/parts and "
          "%d query keys sent (%d distinct operation/name pairs); %d expected names across %d "
          "name-taking operations",
          int(records.size()), int(driver.driven().size()), int(operations.size()), formKeys,
          queryKeys, distinctNames, expectedNames, int(std::size(kExpected)));
}

QTEST_GUILESS_MAIN(TestClientContract)
#include "tst_clientcontract.moc"
