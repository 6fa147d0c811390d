// The pure parts of verify (docs/VERIFY.md): SIP URIs and TwiML read the way the comparison
// needs them, the route a trunk gives a call, and a comparison that names each differing
// field once and lets the trunk's weighted order within one priority be any order.
#include "expectedroute.h"
#include "routecomparison.h"
#include "twimlreader.h"
#include "webhookclient.h"

#include <QNetworkAccessManager>

#include <QTest>

namespace {
TrunkSummary demoTrunk()
{
    TrunkSummary trunk;
    trunk.sid = QStringLiteral("TK11111111111111111111111111111111");
    trunk.originationUrls = {
        {QStringLiteral("OU1"),
         {},
         QStringLiteral("sip:pbx-b.example.net:5080;transport=tcp"),
         10,
         10,
         true},
        {QStringLiteral("OU2"), {}, QStringLiteral("sip:pbx.example.net"), 10, 20, true},
        {QStringLiteral("OU3"), {}, QStringLiteral("sips:pbx-backup.example.net"), 20, 10, true},
        {QStringLiteral("OU4"), {}, QStringLiteral("sip:disabled.example.net"), 5, 10, false}};
    trunk.calls.recordingMode = QStringLiteral("record-from-answer");
    trunk.calls.recordingTrim = QStringLiteral("trim-silence");
    trunk.calls.transferMode = QStringLiteral("enable-all");
    trunk.calls.disasterRecoveryUrl = QStringLiteral("https://dr.example.net/voice");
    trunk.calls.disasterRecoveryMethod = QStringLiteral("get");
    return trunk;
}

RouteSpec demoSpec()
{
    RouteSpec spec;
    spec.handlerUrl = QStringLiteral("https://tm-1-dev.twil.io/outboundHandler");
    spec.secure = true;
    spec.userToUser = true;
    spec.edge = QStringLiteral("sydney");
    return spec;
}

const SyntheticCall kCall{
    QStringLiteral("+61255501234"), QStringLiteral("+15005550006"), QStringLiteral("CA0123"), {}};

QStringList fields(const QVector<RouteDifference> &differences)
{
    QStringList list;
    for (const RouteDifference &d : differences)
        list.append(d.field);
    return list;
}
} // namespace

class TestRouteComparison : public QObject
{
    Q_OBJECT

private slots:
    void readsSipUris();
    void readsTwiml();
    void buildsTheTrunksRoute();
    void sameRouteIsSame();
    void sameHostTwiceIsPairedByParameters();
    void orderWithinAPriorityIsFree();
    void eachFieldOnce();
    void endsAreCompared();
    void requestsGoOnlyWhereTheyShould();
};

void TestRouteComparison::readsSipUris()
{
    const SipTarget t = SipTarget::parse(
        QStringLiteral("sip:%2B61255501234@PBX.Example.net:5061;Transport=tls;secure=true"
                       "?User-to-User=CA1&X-Caller-Name=Bob%20X"));
    QCOMPARE(t.user, QStringLiteral("+61255501234"));
    QCOMPARE(t.hostPort, QStringLiteral("pbx.example.net:5061"));
    QCOMPARE(t.value(QStringLiteral("transport")), QStringLiteral("tls"));
    QVERIFY(t.has(QStringLiteral("SECURE")));
    QCOMPARE(t.headerText(), QStringLiteral("user-to-user=CA1&x-caller-name=Bob X"));
    QCOMPARE(SipTarget::parse(QStringLiteral("sips:pbx.example.net")).parameterText(),
             QStringLiteral("transport=tls"));
    QVERIFY(SipTarget::parse(QStringLiteral("tel:+61255501234")).hostPort.isEmpty());
}

void TestRouteComparison::readsTwiml()
{
    const QUrl base(QStringLiteral("https://tm-1-dev.twil.io/outboundHandler"));
    const TwimlAnswer dial = TwimlReader::read(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial answerOnBridge=\"true\" "
        "callerId=\"+15005550006\" timeout=\"600\" timeLimit=\"86400\" "
        "action=\"outboundHandler?attempt=1\" record=\"record-from-answer\" "
        "trim=\"trim-silence\" referUrl=\"referHandler?leg=outbound\">"
        "<Sip>sip:+61255501234@pbx.example.net</Sip></Dial><Say>never read</Say></Response>",
        base);
    QVERIFY(dial.dial);
    QCOMPARE(dial.dial->noun, QStringLiteral("Sip"));
    QCOMPARE(dial.dial->action,
             QStringLiteral("https://tm-1-dev.twil.io/outboundHandler?attempt=1"));
    QCOMPARE(dial.dial->timeout, QStringLiteral("600"));
    QVERIFY(dial.dial->answerOnBridge && dial.dial->referUrl);
    QCOMPARE(dial.end.kind, CallEnd::Kind::None);

    const TwimlAnswer redirect =
        TwimlReader::read("<Response><Redirect>../dr</Redirect></Response>", base);
    QCOMPARE(redirect.end.kind, CallEnd::Kind::Redirect);
    QCOMPARE(redirect.end.detail, QStringLiteral("POST https://tm-1-dev.twil.io/dr"));
    QCOMPARE(TwimlReader::read("<Response><Reject reason=\"busy\"/></Response>", base).end.detail,
             QStringLiteral("busy"));
    QCOMPARE(TwimlReader::read("<Response><Say>Sorry</Say><Hangup/></Response>", base).end.kind,
             CallEnd::Kind::Message);
    QCOMPARE(TwimlReader::read("<Response><Hangup/></Response>", base).end.kind,
             CallEnd::Kind::Hangup);
    QCOMPARE(TwimlReader::read("{\"not\":\"twiml\"}", base).end.kind, CallEnd::Kind::Error);
    QCOMPARE(TwimlReader::read("<Response><Say>unclosed</Response>", base).end.kind,
             CallEnd::Kind::Error);
}

void TestRouteComparison::buildsTheTrunksRoute()
{
    const CallRoute route = ExpectedRoute::build(demoTrunk(), demoSpec(), kCall);
    QCOMPARE(route.attempts.size(), 3); // the disabled URL is not dialled
    QCOMPARE(route.attempts[0].priority, 10);
    QCOMPARE(route.attempts[2].sip.hostPort, QStringLiteral("pbx-backup.example.net"));
    QCOMPARE(route.attempts[2].sip.parameterText(),
             QStringLiteral("edge=sydney;secure=true;transport=tls"));
    QCOMPARE(route.attempts[0].sip.parameterText(),
             QStringLiteral("edge=sydney;secure=true;transport=tcp"));
    QCOMPARE(route.attempts[0].sip.headerText(), QStringLiteral("user-to-user=CA0123"));
    QCOMPARE(route.attempts[0].record, QStringLiteral("record-from-answer"));
    QVERIFY(route.attempts[0].referUrl);
    QCOMPARE(route.exhausted.detail, QStringLiteral("GET https://dr.example.net/voice"));
    QCOMPARE(route.onBusy.detail, QStringLiteral("busy"));

    RouteSpec single = demoSpec();
    single.pbxDomain = QStringLiteral("PBX.example.net:5061");
    single.disasterRecovery = false;
    single.recording = false;
    const CallRoute one = ExpectedRoute::build(demoTrunk(), single, kCall);
    QCOMPARE(one.attempts.size(), 1);
    QCOMPARE(one.attempts[0].sip.hostPort, QStringLiteral("pbx.example.net:5061"));
    QVERIFY(one.attempts[0].record.isEmpty());
    QCOMPARE(one.exhausted.kind, CallEnd::Kind::Message);

    TrunkSummary unknown = demoTrunk();
    unknown.calls.unknown = {QStringLiteral("recording")};
    QVERIFY(ExpectedRoute::build(unknown, demoSpec(), kCall).attempts[0].record.isEmpty());
}

void TestRouteComparison::sameRouteIsSame()
{
    // The TwiML /outboundHandler answers for the demo trunk (as tst_handlers checks it), read
    // back: the same route as the trunk's, though within priority 10 the order is the other.
    const QUrl base(QStringLiteral("https://tm-1-dev.twil.io/outboundHandler"));
    const auto dialDoc = [](const QByteArray &uri, int attempt) {
        return "<Response><Dial answerOnBridge=\"true\" callerId=\"+15005550006\" "
               "timeout=\"600\" timeLimit=\"86400\" action=\"outboundHandler?attempt=" +
               QByteArray::number(attempt) +
               "\" record=\"record-from-answer\" trim=\"trim-silence\" "
               "referUrl=\"referHandler?leg=outbound\"><Sip>" +
               uri + "</Sip></Dial></Response>";
    };
    CallRoute actual;
    for (const QByteArray &uri :
         {QByteArray("sip:+61255501234@pbx.example.net;secure=true;edge=sydney"
                     "?User-to-User=CA0123"),
          QByteArray("sip:+61255501234@pbx-b.example.net:5080;transport=tcp;secure=true;"
                     "edge=sydney?User-to-User=CA0123"),
          QByteArray("sip:+61255501234@pbx-backup.example.net;transport=tls;secure=true;"
                     "edge=sydney?User-to-User=CA0123")})
        actual.attempts.append(*TwimlReader::read(dialDoc(uri, 1), base).dial);
    actual.exhausted = TwimlReader::read("<Response><Redirect method=\"GET\">"
                                         "https://dr.example.net/voice</Redirect></Response>",
                                         base)
                           .end;
    actual.onBusy = TwimlReader::read("<Response><Reject reason=\"busy\"/></Response>", base).end;
    const CallRoute expected = ExpectedRoute::build(demoTrunk(), demoSpec(), kCall);
    const QVector<RouteDifference> differences = RouteComparison::compare(expected, actual);
    QVERIFY2(differences.isEmpty(),
             qPrintable(differences.isEmpty() ? QString()
                                              : differences.first().field + QStringLiteral(": ") +
                                                    differences.first().actual));
    // One wrong parameter on one target is one line.
    actual.attempts[2].sip.parameters.append({QStringLiteral("maddr"), QStringLiteral("x")});
    QCOMPARE(fields(RouteComparison::compare(expected, actual)), QStringList{"uri-parameters"});
}

void TestRouteComparison::sameHostTwiceIsPairedByParameters()
{
    // Two URLs on one host that differ by transport: each attempt meets its own.
    TrunkSummary trunk = demoTrunk();
    trunk.originationUrls = {{QStringLiteral("OU1"),
                              {},
                              QStringLiteral("sip:pbx.example.net;transport=tls"),
                              10,
                              10,
                              true},
                             {QStringLiteral("OU2"),
                              {},
                              QStringLiteral("sip:pbx.example.net;transport=udp"),
                              20,
                              10,
                              true}};
    const CallRoute expected = ExpectedRoute::build(trunk, demoSpec(), kCall);
    QVERIFY(RouteComparison::compare(expected, expected).isEmpty());
    CallRoute swapped = expected;
    std::swap(swapped.attempts[0], swapped.attempts[1]);
    // Same host both times, but udp (priority 20) tried before tls (priority 10): the order.
    QCOMPARE(fields(RouteComparison::compare(expected, swapped)), QStringList{"targets"});
}

void TestRouteComparison::orderWithinAPriorityIsFree()
{
    const CallRoute expected = ExpectedRoute::build(demoTrunk(), demoSpec(), kCall);
    CallRoute swapped = expected;
    std::swap(swapped.attempts[0], swapped.attempts[1]);
    QVERIFY(RouteComparison::compare(expected, swapped).isEmpty());
    CallRoute backupFirst = expected;
    std::swap(backupFirst.attempts[0], backupFirst.attempts[2]);
    QCOMPARE(fields(RouteComparison::compare(expected, backupFirst)), QStringList{"targets"});
    CallRoute missing = expected;
    missing.attempts.removeLast();
    QCOMPARE(fields(RouteComparison::compare(expected, missing)), QStringList{"targets"});
}

void TestRouteComparison::eachFieldOnce()
{
    const CallRoute expected = ExpectedRoute::build(demoTrunk(), demoSpec(), kCall);
    CallRoute actual = expected;
    for (DialAttempt &a : actual.attempts) {
        a.timeout = QStringLiteral("30");
        a.sip.parameters.removeIf([](const auto &p) { return p.first == "secure"; });
        a.record.clear();
    }
    actual.attempts[1].callerId.clear();
    const QVector<RouteDifference> differences = RouteComparison::compare(expected, actual);
    QCOMPARE(fields(differences),
             (QStringList{"secure", "ring-timeout", "recording", "caller-id"}));
    QCOMPARE(differences[0].expected, QStringLiteral("on"));
    QVERIFY(differences[0].actual.startsWith(QLatin1String("off")));
}

void TestRouteComparison::endsAreCompared()
{
    const CallRoute expected = ExpectedRoute::build(demoTrunk(), demoSpec(), kCall);
    CallRoute actual = expected;
    actual.exhausted = {CallEnd::Kind::Message, {}};
    actual.onBusy = {CallEnd::Kind::Error, QStringLiteral("fails over to pbx-b.example.net")};
    QCOMPARE(fields(RouteComparison::compare(expected, actual)),
             (QStringList{"disaster-recovery", "busy"}));
}

void TestRouteComparison::requestsGoOnlyWhereTheyShould()
{
    QNetworkAccessManager network;
    const WebhookClient real(&network, "token", QUrl());
    const QUrl handler(QStringLiteral("https://tm-1-dev.twil.io/outboundHandler?attempt=1"));
    QCOMPARE(real.wireUrl(handler), handler);
    QVERIFY(
        !real.wireUrl(QUrl(QStringLiteral("http://tm-1-dev.twil.io/outboundHandler"))).isValid());
    QVERIFY(!real.wireUrl(QUrl(QStringLiteral("ftp://example.com/x"))).isValid());
    // Plain http to this computer only with a sandbox there: never a local service by mistake.
    QVERIFY(!real.wireUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/h"))).isValid());
    // On the sandbox a Functions URL goes to its /_functions/ path, query kept.
    const WebhookClient sandbox(&network, "token", QUrl(QStringLiteral("http://127.0.0.1:4000")));
    QCOMPARE(sandbox.wireUrl(handler),
             QUrl(QStringLiteral("http://127.0.0.1:4000/_functions/tm-1-dev.twil.io/"
                                 "outboundHandler?attempt=1")));
    QVERIFY(sandbox.wireUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/h"))).isValid());
    // Another https host is not the sandbox's to answer: sent as it is.
    QCOMPARE(sandbox.wireUrl(QUrl(QStringLiteral("https://dr.example.net/x"))),
             QUrl(QStringLiteral("https://dr.example.net/x")));
}

QTEST_GUILESS_MAIN(TestRouteComparison)
#include "tst_routecomparison.moc"
