// Issue 9 §3/§4: verify on the seeded demo trunk through MigrationService and the sandbox,
// which runs the deployed handlers from their uploaded code. After a correct migration every
// route is the same; a voice URL changed behind the tool's back, a wrong PBX_DOMAIN variable or
// emergency calling turned off on the SIP domain is named exactly; an API key cannot sign.
#include "enginefixture.h"

#include "serverlessapi.h"
#include "sipdomainapi.h"
#include "twilioclient.h"
#include "voiceapi.h"

#include <QTest>

namespace {
// Runs one asynchronous client call to its end.
template<typename T, typename Start> TwilioResult<T> await(Start start)
{
    TwilioResult<T> result;
    QEventLoop loop;
    QObject context;
    start(&context, [&](const TwilioResult<T> &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

const RouteDifference *difference(const NumberVerification &n, const QString &field)
{
    for (const RouteDifference &d : n.differences)
        if (d.field == field)
            return &d;
    return nullptr;
}

QString describe(const VerifyReport &report)
{
    QStringList lines;
    for (const NumberVerification &n : report.numbers)
        for (const RouteDifference &d : n.differences)
            lines.append(n.phoneNumber + u' ' + d.field + QStringLiteral(": ") + d.expected +
                         QStringLiteral(" | ") + d.actual);
    for (const RouteDifference &d : report.account)
        lines.append(QStringLiteral("account ") + d.field + QStringLiteral(": ") + d.expected +
                     QStringLiteral(" | ") + d.actual);
    return lines.join(u'\n');
}
} // namespace

class TestVerify : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void sameAfterACorrectMigration();
    void namesTheNumberWhoseVoiceUrlChanged();
    void sameWithEveryStepTwoOption();
    void namesAWrongPbxDomain();
    void emergencyMustReachEmergencyRouting();
    void refusesWithoutStepTwo();
    void anApiKeyCannotSign();

private:
    bool runSetup(MigrationService &service, OutboundOptions out = {});
    VerifyReport verify(MigrationService &service, const QStringList &sids = {}, bool all = false);
    QStringList voiceSids() const;

    std::unique_ptr<EngineFixture> m_f;
    QString m_trunk;
    QHash<QString, IncomingPhoneNumber> m_before;
};

void TestVerify::init()
{
    m_f = std::make_unique<EngineFixture>();
    const QString problem = m_f->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_f->server().setBuildDurationMs(20);
    m_trunk = m_f->server().trunkSid();
    m_before = m_f->numbers();
}

QStringList TestVerify::voiceSids() const
{
    QStringList sids;
    for (const QString &sid : m_f->mainTrunkSids())
        if (!m_before.value(sid).isFax())
            sids.append(sid);
    return sids;
}

bool TestVerify::runSetup(MigrationService &service, OutboundOptions out)
{
    InboundOptions in;
    in.trunkSid = m_trunk;
    in.domainPrefix = QStringLiteral("acme-verify");
    in.calls = out.calls;
    const auto inbound = waitEnd(service.setupInbound(in), 30000);
    if (!inbound.result) {
        qWarning() << "step 1:" << inbound.why();
        return false;
    }
    out.trunkSid = m_trunk;
    const auto outbound = waitEnd(service.setupOutbound(out), 30000);
    if (!outbound.result)
        qWarning() << "step 2:" << outbound.why();
    return outbound.result.has_value();
}

VerifyReport TestVerify::verify(MigrationService &service, const QStringList &sids, bool all)
{
    const auto end = waitEnd(service.verify(m_trunk, sids, all), 60000);
    if (!end.result)
        qWarning() << "verify:" << end.why();
    return end.result.value_or(VerifyReport{});
}

void TestVerify::sameAfterACorrectMigration()
{
    QString problem;
    auto service = m_f->newService(&problem);
    QVERIFY2(service, qPrintable(problem));
    QVERIFY(runSetup(*service));
    const QStringList moved = voiceSids().mid(0, 3);
    QVERIFY(waitRun(*service, [&] { return service->migrate(moved); }));
    const auto numbersBefore = m_f->numbers();

    const VerifyReport report = verify(*service);
    QVERIFY2(report.same(), qPrintable(describe(report)));
    QCOMPARE(report.numbers.size(), moved.size());
    for (const NumberVerification &n : report.numbers) {
        QVERIFY(moved.contains(n.sid));
        QVERIFY(n.moved && n.checked);
        // The three origination targets, then the disaster-recovery URL; a simulated call.
        QVERIFY2(n.route.contains(QLatin1String("pbx-backup.example.net")), qPrintable(n.route));
        QVERIFY2(n.route.contains(QLatin1String("redirect")), qPrintable(n.route));
        QVERIFY2(n.route.contains(QLatin1String("simulated call")), qPrintable(n.route));
    }
    // Verify reads only: no number changed.
    const auto numbersAfter = m_f->numbers();
    for (auto it = numbersBefore.cbegin(); it != numbersBefore.cend(); ++it)
        QCOMPARE(numbersAfter.value(it.key()).raw, it.value().raw);

    // Every number: the ones still on the trunk are checked against the handler they will get;
    // the fax number is not compared (it stays on the trunk).
    const VerifyReport all = verify(*service, {}, true);
    QVERIFY2(all.same(), qPrintable(describe(all)));
    QCOMPARE(all.numbers.size(), m_f->mainTrunkSids().size() + moved.size()); // on it + moved
    int unchecked = 0;
    for (const NumberVerification &n : all.numbers)
        unchecked += n.checked ? 0 : 1;
    QCOMPARE(unchecked, 1);
}

void TestVerify::namesTheNumberWhoseVoiceUrlChanged()
{
    QString problem;
    auto service = m_f->newService(&problem);
    QVERIFY2(service, qPrintable(problem));
    QVERIFY(runSetup(*service));
    const QStringList moved = voiceSids().mid(0, 2);
    QVERIFY(waitRun(*service, [&] { return service->migrate(moved); }));
    IncomingPhoneNumberUpdate update;
    update.voiceUrl = QStringLiteral("https://example.com/someone-else");
    const auto changed = await<IncomingPhoneNumber>([&](QObject *c, auto done) {
        return m_f->client().voice().updateIncomingPhoneNumber(moved.last(), update, c, done);
    });
    QVERIFY(changed.ok());

    const VerifyReport report = verify(*service);
    QVERIFY(!report.same());
    QCOMPARE(report.differentCount(), 1);
    for (const NumberVerification &n : report.numbers) {
        if (n.sid != moved.last()) {
            QVERIFY2(n.differences.isEmpty(), qPrintable(describe(report)));
            continue;
        }
        QCOMPARE(n.differences.size(), 1);
        const RouteDifference *d = difference(n, QStringLiteral("voice-url"));
        QVERIFY(d);
        QCOMPARE(d->actual, QStringLiteral("https://example.com/someone-else"));
        QVERIFY(d->expected.endsWith(QLatin1String("/outboundHandler")));
    }
}

void TestVerify::sameWithEveryStepTwoOption()
{
    // ExpectedRoute against what the deployed handler really dials with step 2's options:
    // an edge, the Call SID as User-to-User, parameters (one overriding a target's transport).
    QString problem;
    auto service = m_f->newService(&problem);
    QVERIFY2(service, qPrintable(problem));
    OutboundOptions out;
    out.edge = QStringLiteral("sydney");
    out.callSidAsUserToUser = true;
    out.customParameters = {{QStringLiteral("x-site"), QStringLiteral("syd")},
                            {QStringLiteral("transport"), QStringLiteral("udp")}};
    out.calls.ringTimeoutSeconds = 45;
    QVERIFY(runSetup(*service, out));
    const QStringList moved = voiceSids().mid(0, 2);
    QVERIFY(waitRun(*service, [&] { return service->migrate(moved); }));
    const VerifyReport report = verify(*service);
    QVERIFY2(report.same(), qPrintable(describe(report)));
    QCOMPARE(report.numbers.size(), moved.size());
    QVERIFY(!report.incomplete);
}

void TestVerify::namesAWrongPbxDomain()
{
    QString problem;
    auto service = m_f->newService(&problem);
    QVERIFY2(service, qPrintable(problem));
    OutboundOptions out;
    out.pbxDomain = QStringLiteral("pbx.example.net");
    out.calls.accepted = {QStringLiteral("failover")};
    service->acceptChanges({QStringLiteral("fax-numbers"), QStringLiteral("failover")});
    QVERIFY(runSetup(*service, out));
    const QString number = voiceSids().first();
    QVERIFY(waitRun(*service, [&] { return service->migrate({number}); }));
    const VerifyReport good = verify(*service);
    QVERIFY2(good.same(), qPrintable(describe(good)));
    QVERIFY(!good.acceptedChanges.isEmpty()); // the single host was an acknowledged change

    // Someone edits the environment's PBX_DOMAIN in the Console.
    const auto services = await<QList<ServerlessService>>(
        [&](QObject *c, auto done) { return m_f->client().serverless().listServices(c, done); });
    QVERIFY(services.ok() && services.value.size() == 1);
    const QString serviceSid = services.value.first().sid;
    const auto environments = await<QList<ServerlessEnvironment>>([&](QObject *c, auto done) {
        return m_f->client().serverless().listEnvironments(serviceSid, c, done);
    });
    QVERIFY(environments.ok() && !environments.value.isEmpty());
    const QString environmentSid = environments.value.first().sid;
    const auto variables = await<QList<ServerlessVariable>>([&](QObject *c, auto done) {
        return m_f->client().serverless().listVariables(serviceSid, environmentSid, c, done);
    });
    QVERIFY(variables.ok());
    QString variableSid;
    for (const ServerlessVariable &v : variables.value)
        if (v.key == QLatin1String("PBX_DOMAIN"))
            variableSid = v.sid;
    QVERIFY(!variableSid.isEmpty());
    const auto updated = await<ServerlessVariable>([&](QObject *c, auto done) {
        return m_f->client().serverless().updateVariable(serviceSid, environmentSid, variableSid,
                                                         {}, QStringLiteral("pbx-old.example.net"),
                                                         c, done);
    });
    QVERIFY(updated.ok());

    const VerifyReport report = verify(*service);
    QCOMPARE(report.differentCount(), 1);
    const NumberVerification &n = report.numbers.first();
    QCOMPARE(n.sid, number);
    const RouteDifference *d = difference(n, QStringLiteral("targets"));
    QVERIFY2(d, qPrintable(describe(report)));
    QVERIFY2(d->expected.contains(QLatin1String("pbx.example.net")), qPrintable(d->expected));
    QCOMPARE(d->actual, QStringLiteral("pbx-old.example.net"));
}

void TestVerify::emergencyMustReachEmergencyRouting()
{
    QString problem;
    auto service = m_f->newService(&problem);
    QVERIFY2(service, qPrintable(problem));
    QVERIFY(runSetup(*service));
    const QString number = voiceSids().first();
    QVERIFY(waitRun(*service, [&] { return service->migrate({number}); }));
    const VerifyReport before = verify(*service);
    QVERIFY2(before.account.isEmpty() && before.same(), qPrintable(describe(before)));

    const auto domains = await<QList<SipDomain>>(
        [&](QObject *c, auto done) { return m_f->client().sipDomains().listSipDomains(c, done); });
    QVERIFY(domains.ok() && domains.value.size() == 1);
    SipDomainParams off;
    off.emergencyCallingEnabled = false;
    const auto updated = await<SipDomain>([&](QObject *c, auto done) {
        return m_f->client().sipDomains().updateSipDomain(domains.value.first().sid, off, c, done);
    });
    QVERIFY(updated.ok());

    const VerifyReport report = verify(*service);
    QVERIFY(!report.same());
    QStringList fields;
    for (const RouteDifference &d : report.account)
        fields.append(d.field);
    QVERIFY2(fields.contains(QLatin1String("emergency-calling")), qPrintable(describe(report)));
    // The simulated PBX call to 000 no longer reaches emergency routing.
    QVERIFY2(fields.contains(QLatin1String("emergency")), qPrintable(describe(report)));
    QVERIFY(report.numbers.first().differences.isEmpty());
}

void TestVerify::refusesWithoutStepTwo()
{
    QString problem;
    auto service = m_f->newService(&problem);
    QVERIFY2(service, qPrintable(problem));
    const auto end = waitEnd(service->verify(m_trunk, {}), 30000);
    QVERIFY(end.error);
    QVERIFY2(end.error->message.contains(QLatin1String("step 2")), qPrintable(end.why()));
    const auto bad = waitEnd(service->verify(QStringLiteral("TKnot-a-sid"), {}), 30000);
    QVERIFY(bad.error);
    QVERIFY2(bad.error->message.contains(QLatin1String("trunk SID")), qPrintable(bad.why()));
    const auto badNumber = waitEnd(service->verify(m_trunk, {QStringLiteral("PN123")}), 30000);
    QVERIFY(badNumber.error);
    QVERIFY2(badNumber.error->message.contains(QLatin1String("number SID")),
             qPrintable(badNumber.why()));
}

void TestVerify::anApiKeyCannotSign()
{
    MigrationService service;
    service.setJournalPath(m_f->journalPath()); // never the user's own data folder
    ConnectionSettings settings = m_f->settings();
    settings.apiKeySid = m_f->server().apiKeySid();
    settings.secret = m_f->server().apiKeySecret();
    QVERIFY(waitEnd(service.connectAccount(settings), 10000).result);
    const auto end = waitEnd(service.verify(m_trunk, {}), 10000);
    QVERIFY(end.error);
    QVERIFY2(end.error->message.contains(QLatin1String("auth token")), qPrintable(end.why()));
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
