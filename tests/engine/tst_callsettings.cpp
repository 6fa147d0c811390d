// Issue 8 through MigrationService on the seeded demo trunk (three origination URLs, recording,
// transfers, secure, CNAM, a DR URL, emergency addresses, a fax number, stale URLs): steps 1
// and 2 carry the trunk's call settings, step 4 refuses what was not acknowledged, gives every
// migrated number its fallback, settles the URLs the trunk ignored, and a revert restores all.
#include "enginefixture.h"

#include "sipdomainapi.h"
#include "twilioclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {
QStringList sidsWhere(const QHash<QString, IncomingPhoneNumber> &numbers, const QStringList &sids,
                      const std::function<bool(const IncomingPhoneNumber &)> &test)
{
    QStringList out;
    for (const QString &sid : sids)
        if (test(numbers.value(sid)))
            out.append(sid);
    return out;
}
} // namespace

class TestCallSettings : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void stepsCarryTheTrunk();
    void collapsedFailoverIsRefusedUntilAccepted();
    void callsTakeTheTrunksRoutesBeforeAndAfter();

private:
    // POST to a sandbox control endpoint; the JSON answer (empty on failure).
    QJsonObject control(const QString &path, const QByteArray &body,
                        const QByteArray &method = "POST");
    QJsonArray routeOf(const QString &from, const QString &to);
    QNetworkAccessManager m_nam;
    std::optional<SipDomain> domain(const QString &name);
    bool runSetup(MigrationService &service, const OutboundOptions &out);

    std::unique_ptr<EngineFixture> m_f;
    QString m_trunk;
    QStringList m_sids;
    QHash<QString, IncomingPhoneNumber> m_before;
};

void TestCallSettings::init()
{
    m_f = std::make_unique<EngineFixture>();
    const QString problem = m_f->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_f->server().setBuildDurationMs(20);
    m_trunk = m_f->server().trunkSid();
    m_sids = m_f->mainTrunkSids();
    m_before = m_f->numbers();
}

std::optional<SipDomain> TestCallSettings::domain(const QString &name)
{
    std::optional<SipDomain> found;
    QEventLoop loop;
    QObject context;
    m_f->client().sipDomains().listSipDomains(&context,
                                              [&](const TwilioResult<QList<SipDomain>> &r) {
                                                  for (const SipDomain &d : r.value)
                                                      if (d.domainName == name)
                                                          found = d;
                                                  loop.quit();
                                              });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    return found;
}

bool TestCallSettings::runSetup(MigrationService &service, const OutboundOptions &out)
{
    InboundOptions in;
    in.trunkSid = m_trunk;
    in.domainPrefix = QStringLiteral("acme-calls");
    in.calls = out.calls;
    const auto inbound = waitEnd(service.setupInbound(in), 30000);
    if (!inbound.result) {
        qWarning() << "step 1:" << inbound.why();
        return false;
    }
    const auto outbound = waitEnd(service.setupOutbound(out), 30000);
    if (!outbound.result)
        qWarning() << "step 2:" << outbound.why();
    return outbound.result.has_value();
}

void TestCallSettings::stepsCarryTheTrunk()
{
    const QStringList fax =
        sidsWhere(m_before, m_sids, [](const IncomingPhoneNumber &n) { return n.isFax(); });
    const QStringList staleFallback = sidsWhere(m_before, m_sids, [](const IncomingPhoneNumber &n) {
        return !n.voiceFallbackUrl.value_or(QString()).isEmpty();
    });
    const QStringList staleStatus = sidsWhere(m_before, m_sids, [](const IncomingPhoneNumber &n) {
        return !n.statusCallback.value_or(QString()).isEmpty();
    });
    QCOMPARE(fax.size(), 1);
    QVERIFY(!staleFallback.isEmpty());
    QVERIFY(!staleStatus.isEmpty());
    QString problem;
    auto service = m_f->newService(&problem);
    QVERIFY2(service, qPrintable(problem));
    service->acceptChanges({}); // the fixture's acknowledgement is what this test is about

    // The report before anything is deployed: only the fax number cannot be carried.
    const auto report = waitJob(service->equivalence(m_trunk, {}), 15000);
    QVERIFY(report);
    QCOMPARE(report->unacknowledged({}), QStringList{"fax-numbers"});
    QVERIFY(report->item("recording"));
    QVERIFY(report->item("transfers"));
    QVERIFY(report->item("emergency"));
    QCOMPARE(report->item("failover")->carry, EquivalenceItem::Carry::Translated);

    OutboundOptions out;
    out.trunkSid = m_trunk;
    QVERIFY(runSetup(*service, out));

    // Step 1: the domain is secure like the trunk, routes emergency calls, falls back to the
    // trunk's DR URL.
    const auto created = domain(QStringLiteral("acme-calls.sip.twilio.com"));
    QVERIFY(created);
    QVERIFY(created->secure);
    QVERIFY(created->emergencyCallingEnabled);
    const QString dr = created->voiceFallbackUrl.value_or(QString());
    QVERIFY(dr.startsWith(QLatin1String("https://")));
    // The trunk fetches its DR URL with GET: so does the fallback.
    QCOMPARE(created->voiceFallbackMethod, std::optional<QString>(QStringLiteral("GET")));

    // The plan carries the report and says what still needs consent.
    const auto plan = waitJob(service->plan(m_sids), 15000);
    QVERIFY(plan);
    QCOMPARE(plan->unacknowledged, QStringList{"fax-numbers"});
    QCOMPARE(plan->fallbackUrl, dr);
    // Each number's item shows the fields sent with its voice URL; the fax number stays.
    QCOMPARE(plan->numbersToMigrate, int(m_sids.size()) - 1);
    int faxItems = 0;
    for (const PlanItem &item : plan->items) {
        if (item.numberSid == fax.first()) {
            ++faxItems;
            QCOMPARE(item.action, QStringLiteral("leave on trunk"));
        } else if (item.action == QLatin1String("set voice URL")) {
            QVERIFY2(item.after.contains(QStringLiteral("voice_fallback_url=") + dr),
                     qPrintable(item.after));
            QVERIFY2(item.after.contains(QLatin1String("voice_caller_id_lookup=true")) ||
                         m_before.value(item.numberSid).voiceCallerIdLookup,
                     qPrintable(item.after));
            QCOMPARE(item.after.contains(QLatin1String("status_callback=")),
                     staleStatus.contains(item.numberSid));
        }
    }
    QCOMPARE(faxItems, 1);
    QCOMPARE(plan->apiCalls, 2 * plan->numbersToMigrate);

    // Step 4 without consent: the fax number stays on the trunk, untouched; the rest move.
    QHash<QString, NumberInfo> rows;
    const auto summary =
        waitRun(*service, [&] { return recordRows(service->migrate(m_sids), &rows); });
    QVERIFY(summary);
    QCOMPARE(summary->failed, 1);
    QCOMPARE(summary->migrated, int(m_sids.size()) - 1);
    QVERIFY(rows.value(fax.first()).lastError.message.contains(QLatin1String("fax")));
    auto now = m_f->numbers();
    QCOMPARE(voiceFields(now.value(fax.first())), voiceFields(m_before.value(fax.first())));
    QCOMPARE(now.value(fax.first()).trunkSid, std::optional(m_trunk));
    for (const QString &sid : m_sids) {
        if (sid == fax.first())
            continue;
        const IncomingPhoneNumber &n = now.value(sid);
        QVERIFY(!n.trunkSid.has_value());
        QCOMPARE(n.voiceFallbackUrl, std::optional(dr));
        QCOMPARE(n.voiceFallbackMethod, std::optional<QString>(QStringLiteral("GET")));
        QVERIFY2(n.statusCallback.value_or(QString()).isEmpty(), qPrintable(sid));
        QVERIFY(n.voiceCallerIdLookup); // the trunk looked callers' names up
    }

    // Acknowledged, the fax number moves too.
    service->acceptChanges({QStringLiteral("fax-numbers")});
    const auto faxRun = waitRun(*service, [&] { return service->migrate(fax); });
    QVERIFY(faxRun);
    QCOMPARE(faxRun->migrated, 1);

    // A revert restores what the trunk had, the ignored URLs included.
    QStringList back = staleFallback.mid(0, 2);
    back.append(staleStatus.first());
    back.removeDuplicates();
    QVERIFY(waitRun(*service, [&] { return service->revert(back); }));
    now = m_f->numbers();
    for (const QString &sid : back) {
        QCOMPARE(voiceFields(now.value(sid)), voiceFields(m_before.value(sid)));
        QCOMPARE(now.value(sid).voiceCallerIdLookup, m_before.value(sid).voiceCallerIdLookup);
        QCOMPARE(now.value(sid).trunkSid, std::optional(m_trunk));
    }
}

void TestCallSettings::collapsedFailoverIsRefusedUntilAccepted()
{
    QString problem;
    auto service = m_f->newService(&problem);
    QVERIFY2(service, qPrintable(problem));
    OutboundOptions out;
    out.trunkSid = m_trunk;
    out.pbxDomain = QStringLiteral("pbx-a.example.net"); // one host for three URLs
    QVERIFY(runSetup(*service, out));
    const QStringList voice = sidsWhere(m_before, m_sids, [](const IncomingPhoneNumber &n) {
                                  return !n.isFax();
                              }).mid(0, 5);

    const auto refused = waitFailure(service->migrate(voice), 15000);
    QVERIFY(refused);
    QVERIFY2(refused->message.contains(QLatin1String("failover")), qPrintable(refused->message));
    const auto now = m_f->numbers();
    for (const QString &sid : voice)
        QCOMPARE(voiceFields(now.value(sid)), voiceFields(m_before.value(sid)));

    service->acceptChanges({QStringLiteral("failover")});
    const auto summary = waitRun(*service, [&] { return service->migrate(voice); });
    QVERIFY(summary);
    QCOMPARE(summary->migrated, 5);
}

QJsonObject TestCallSettings::control(const QString &path, const QByteArray &body,
                                      const QByteArray &method)
{
    QUrl url = m_f->server().baseUrl();
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(
        "Authorization",
        "Basic " +
            (m_f->server().accountSid() + u':' + m_f->server().authToken()).toUtf8().toBase64());
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
        reply->abort();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

QJsonArray TestCallSettings::routeOf(const QString &from, const QString &to)
{
    return control(QStringLiteral("/_sandbox/SimulateCall"),
                   "From=" + QUrl::toPercentEncoding(from) + "&To=" + QUrl::toPercentEncoding(to))
        .value(QLatin1String("route"))
        .toArray();
}

namespace {
// The hosts a call tried, in order, from its route: the trunk's origination URLs, or the
// handler's <Dial><Sip> targets.
QStringList hostsTried(const QJsonArray &route)
{
    static const QRegularExpression host(QStringLiteral("^sips?:(?:[^@;?]*@)?([^:;?]+)"));
    QStringList hosts;
    for (const QJsonValue &value : route) {
        const QJsonObject step = value.toObject();
        const QString uri = step.contains(QLatin1String("origination"))
                                ? step.value(QLatin1String("origination")).toString()
                                : step.value(QLatin1String("target")).toString();
        if (const auto m = host.match(uri); m.hasMatch())
            hosts.append(m.captured(1));
    }
    return hosts;
}

// Where a call went once every target failed: the disaster-recovery URL, either way.
QString lastResort(const QJsonArray &route)
{
    for (const QJsonValue &value : route) {
        const QJsonObject step = value.toObject();
        if (step.contains(QLatin1String("disaster_recovery")))
            return step.value(QLatin1String("disaster_recovery")).toString();
        if (step.value(QLatin1String("verb")).toString() == QLatin1String("Redirect"))
            return step.value(QLatin1String("text")).toString();
    }
    return {};
}
} // namespace

void TestCallSettings::callsTakeTheTrunksRoutesBeforeAndAfter()
{
    // Issue 9: the same number called with the same targets down, on the trunk and then through
    // the deployed handlers (run by the sandbox from their uploaded code), tries the same
    // origination targets (priority order; within priority 10 the weighted draw may swap the
    // two), then the same disaster-recovery URL; PBX calls reach emergency routing.
    const QStringList voice =
        sidsWhere(m_before, m_sids, [](const IncomingPhoneNumber &n) { return !n.isFax(); });
    const QString number = m_before.value(voice.first()).phoneNumber;
    const QString caller = QStringLiteral("+15005550006");
    const QStringList primaries{QStringLiteral("pbx.example.net"),
                                QStringLiteral("pbx-b.example.net")};
    const auto down = [this](const QStringList &hosts) {
        control(QStringLiteral("/_sandbox/Targets"), {}, "DELETE");
        for (const QString &host : hosts)
            control(QStringLiteral("/_sandbox/Targets"), "Answer=down&Host=" + host.toLatin1());
    };
    const QStringList all = primaries + QStringList{QStringLiteral("pbx-backup.example.net")};

    down({QStringLiteral("pbx.example.net")});
    const QStringList trunkFailover = hostsTried(routeOf(caller, number));
    QCOMPARE(trunkFailover, primaries);
    down(all);
    const QJsonArray trunkDown = routeOf(caller, number);
    QCOMPARE(hostsTried(trunkDown), all);
    const QString dr = lastResort(trunkDown);
    QVERIFY(!dr.isEmpty());

    QString problem;
    auto service = m_f->newService(&problem);
    QVERIFY2(service, qPrintable(problem));
    OutboundOptions out;
    out.trunkSid = m_trunk;
    QVERIFY(runSetup(*service, out));
    QVERIFY(waitRun(*service, [&] { return service->migrate({voice.first()}); }));

    down({QStringLiteral("pbx.example.net")});
    const QStringList handlerFailover = hostsTried(routeOf(caller, number));
    QVERIFY2(handlerFailover.size() <= 2 && handlerFailover.last() == primaries.last(),
             qPrintable(handlerFailover.join(u' ')));
    down(all);
    const QJsonArray handlerDown = routeOf(caller, number);
    const QStringList tried = hostsTried(handlerDown);
    QCOMPARE(tried.size(), 3);
    QCOMPARE(QSet<QString>(tried.cbegin(), tried.cbegin() + 2),
             QSet<QString>(primaries.cbegin(), primaries.cend()));
    QCOMPARE(tried.last(), all.last());
    QCOMPARE(lastResort(handlerDown), dr);
    control(QStringLiteral("/_sandbox/Targets"), {}, "DELETE");

    // PBX -> PSTN through the domain: an ordinary number through /inboundHandler, an
    // emergency number straight to emergency routing.
    const QString domain = QStringLiteral("acme-calls.sip.twilio.com");
    const QString pbx = QStringLiteral("sip:%1@203.0.113.5").arg(number);
    const QJsonArray outward = routeOf(pbx, QStringLiteral("sip:+61255509999@") + domain);
    QCOMPARE(outward.first().toObject().value(QLatin1String("target")).toString(),
             QStringLiteral("+61255509999"));
    const QJsonArray emergency = routeOf(pbx, QStringLiteral("sip:000@") + domain);
    QCOMPARE(emergency.first().toObject().value(QLatin1String("emergency")).toString(),
             QStringLiteral("000"));
}

QTEST_GUILESS_MAIN(TestCallSettings)
#include "tst_callsettings.moc"
