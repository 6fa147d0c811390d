// /outboundHandler with the trunk's origination targets: the order (priority, then weight,
// deterministic per CallSid), each failover step of the Dial action, the disaster-recovery URL,
// the SIP URI composition and the <Dial> attributes. Exact XML, under Node.js and the real
// twilio package.
#include "handlergenerator.h"
#include "handlerrunner.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTest>

using namespace HandlerTest;

namespace {
const char *const Sid = "CA0123456789abcdef0123456789abcdef";
const char *const Out = "outboundHandler.js";
const QString Uui = QStringLiteral("?User-to-User=CA0123456789abcdef0123456789abcdef");
const QString Pbx1 = QStringLiteral("sip:+61255501234@pbx1.example.net:5080;transport=tcp");
const QString Pbx2 = QStringLiteral("sip:+61255501234@pbx2.example.net");
const QString Pbx3 = QStringLiteral("sip:+61255501234@pbx3.example.net:5061;transport=tls");
const QString Dr = QStringLiteral("https://dr.example.net/twiml?site=syd");

// <Dial> of attempt (1-based) with the default behaviour's attributes.
QString dial(int attempt, const QString &uri, const QString &extra = {})
{
    return xml(QStringLiteral("<Dial answerOnBridge=\"true\" callerId=\"+61255500000\" "
                              "timeout=\"600\" timeLimit=\"86400\" "
                              "action=\"outboundHandler?attempt=%1\"%2><Sip>%3</Sip></Dial>")
                   .arg(attempt)
                   .arg(extra, uri));
}

QJsonObject call(const char *attempt = nullptr, const char *status = nullptr,
                 const char *code = nullptr)
{
    QJsonObject event = ev({{"To", "+61255501234"}, {"From", "+61255500000"}, {"CallSid", Sid}});
    if (attempt)
        event.insert(QStringLiteral("attempt"), QString::fromUtf8(attempt));
    if (status)
        event.insert(QStringLiteral("DialCallStatus"), QString::fromUtf8(status));
    if (code)
        event.insert(QStringLiteral("DialSipResponseCode"), QString::fromUtf8(code));
    return event;
}

// Three priorities, so the order is the same for every CallSid: pbx1, pbx2, pbx3.
CallBehaviour threeTargets(const QString &drUrl)
{
    CallBehaviour behaviour;
    behaviour.targets = {{QStringLiteral("sip:pbx1.example.net:5080;transport=tcp"), 10, 10},
                         {QStringLiteral("sip:trunk@pbx2.example.net"), 20, 5},
                         {QStringLiteral("sips:pbx3.example.net:5061"), 30, 1}};
    behaviour.disasterRecoveryUrl = drUrl;
    return behaviour;
}

QString callSid(int i)
{
    return QStringLiteral("CA") +
           QString::fromLatin1(
               QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Md5).toHex());
}
} // namespace

class TestHandlerFailover : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void failover_data();
    void failover();
    void weightedOrder();
    void uri_data();
    void uri();
    void attributes_data();
    void attributes();
};

void TestHandlerFailover::initTestCase()
{
    const QString problem = HandlerRunner::checkEnvironment();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestHandlerFailover::failover_data()
{
    addColumns();
    const QString busy = xml(QStringLiteral("<Reject reason=\"busy\"/>"));
    const QString hangup = xml(QStringLiteral("<Hangup/>"));
    const QString redirect =
        xml(QStringLiteral("<Redirect method=\"POST\">") + Dr + QStringLiteral("</Redirect>"));
    HandlerGenerator withDr({}, threeTargets(Dr));
    addRows(
        withDr, QString::fromLatin1(Out),
        {
            {"first request: first target", call(), dial(1, Pbx1 + Uui)},
            {"503 -> next target", call("1", "failed", "503"), dial(2, Pbx2 + Uui)},
            {"no-answer -> next target", call("1", "no-answer"), dial(2, Pbx2 + Uui)},
            {"rang out: no-answer with 487, no failover", call("1", "no-answer", "487"), hangup},
            {"408 -> next target", call("1", "failed", "408"), dial(2, Pbx2 + Uui)},
            {"480 -> next target", call("1", "failed", "480"), dial(2, Pbx2 + Uui)},
            {"500 -> next target", call("1", "failed", "500"), dial(2, Pbx2 + Uui)},
            {"failed, no code -> next target", call("2", "failed"), dial(3, Pbx3 + Uui)},
            {"unknown status -> next target", call("2", "odd", "302"), dial(3, Pbx3 + Uui)},
            {"busy -> Reject busy", call("1", "busy", "486"), busy},
            {"486 -> Reject busy", call("1", "failed", "486"), busy},
            {"600 -> Reject busy", call("2", "failed", "600"), busy},
            {"404 -> Hangup, no failover", call("1", "failed", "404"), hangup},
            {"484 -> Hangup", call("1", "failed", "484"), hangup},
            {"487 from the PBX -> Hangup", call("1", "failed", "487"), hangup},
            {"603 -> Hangup", call("1", "failed", "603"), hangup},
            {"completed -> Hangup", call("1", "completed", "200"), hangup},
            {"answered -> Hangup", call("2", "answered"), hangup},
            {"canceled -> Hangup", call("1", "canceled", "487"), hangup},
            {"exhausted -> DR", call("3", "failed", "503"), redirect},
            {"attempt 0", call("0", "failed", "503"), redirect},
            {"attempt too big", call("4", "failed", "503"), redirect},
            {"attempt not a number", call("two", "failed", "503"), redirect},
            {"attempt negative", call("-1", "failed", "503"), redirect},
            {"attempt fraction", call("1.5", "failed", "503"), redirect},
            {"attempt empty", call("", "failed", "503"), redirect},
            {"attempt leading zero", call("01", "failed", "503"), redirect},
            {"hostile code", call("1", "failed", "486<x>"), dial(2, Pbx2 + Uui)},
        });
    CallBehaviour get = threeTargets(Dr);
    get.disasterRecoveryMethod = QStringLiteral("get");
    HandlerGenerator withGet({}, get);
    addRows(
        withGet, QString::fromLatin1(Out),
        {{"exhausted -> DR with GET", call("3", "no-answer"),
          xml(QStringLiteral("<Redirect method=\"GET\">") + Dr + QStringLiteral("</Redirect>"))}});
    HandlerGenerator withoutDr({}, threeTargets({}));
    const QString sorry = xml(QStringLiteral("<Say>We could not connect your call. Please try "
                                             "again later.</Say><Hangup/>"));
    addRows(withoutDr, QString::fromLatin1(Out),
            {
                {"no DR: exhausted -> Say, Hangup", call("3", "failed", "503"), sorry},
                {"no DR: bad attempt -> Say, Hangup", call("x", "failed"), sorry},
                {"no DR: still fails over", call("1", "failed", "503"), dial(2, Pbx2 + Uui)},
                // Targets set: PBX_DOMAIN is neither needed nor read.
                {"targets without PBX_DOMAIN", call(), dial(1, Pbx1 + Uui), QJsonObject()},
            });
    // Values that look like code or like the generator's markers stay data (JSON strings).
    CallBehaviour odd =
        threeTargets(QStringLiteral("https://dr.example.net/__TM_OPTIONS__*/x?a=1&b='2'"));
    odd.targets[1].sipUrl = QStringLiteral("sip:pbx2.example.net;x=*/;y=__TM_BEHAVIOUR__");
    HandlerGenerator inert({}, odd);
    addRows(inert, QString::fromLatin1(Out),
            {
                {"inert: target parameters", call("1", "failed", "503"),
                 dial(2, Pbx2 + QStringLiteral(";x=*/;y=__TM_BEHAVIOUR__") + Uui)},
                {"inert: DR URL", call("3", "failed", "503"),
                 xml(QStringLiteral("<Redirect method=\"POST\">https://dr.example.net/"
                                    "__TM_OPTIONS__*/x?a=1&amp;b='2'</Redirect>"))},
            });
    // Without targets the one target is PBX_DOMAIN; after it, the DR URL.
    CallBehaviour drOnly;
    drOnly.disasterRecoveryUrl = Dr;
    HandlerGenerator single({}, drOnly);
    const QJsonObject pbx{{QStringLiteral("PBX_DOMAIN"), QStringLiteral("pbx.example.net")}};
    addRows(single, QString::fromLatin1(Out),
            {
                {"PBX_DOMAIN: first", call(),
                 dial(1, QStringLiteral("sip:+61255501234@pbx.example.net") + Uui), pbx},
                {"PBX_DOMAIN: 503 -> DR", call("1", "failed", "503"), redirect, pbx},
            });
}

void TestHandlerFailover::failover()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestHandlerFailover::weightedOrder()
{
    // a and b share priority 10 (weights 30 and 10), c comes after them (priority 20).
    CallBehaviour behaviour;
    behaviour.targets = {{QStringLiteral("sip:a.example.net"), 10, 30},
                         {QStringLiteral("sip:b.example.net"), 10, 10},
                         {QStringLiteral("sip:c.example.net"), 20, 10}};
    HandlerGenerator generator({}, behaviour);
    constexpr int Calls = 200;
    QJsonArray cases;
    for (int i = 0; i < Calls; ++i) {
        QJsonObject event = ev({{"To", "+61255501234"}, {"From", "+61255500000"}});
        event.insert(QStringLiteral("CallSid"), callSid(i));
        cases.append(request(event));
        for (const char *attempt : {"1", "2"}) {
            event.insert(QStringLiteral("attempt"), QString::fromLatin1(attempt));
            event.insert(QStringLiteral("DialCallStatus"), QStringLiteral("failed"));
            event.insert(QStringLiteral("DialSipResponseCode"), QStringLiteral("503"));
            cases.append(request(event));
        }
    }
    QString error;
    const QStringList first =
        HandlerRunner::runGenerated(generator, QString::fromLatin1(Out), cases, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Stateless and deterministic: another process computes the same orders.
    QCOMPARE(HandlerRunner::runGenerated(generator, QString::fromLatin1(Out), cases, &error),
             first);
    static const QRegularExpression host(QStringLiteral("<Sip>sip:\\+61255501234@([a-c])\\."));
    int aFirst = 0;
    int bFirst = 0;
    for (int i = 0; i < Calls; ++i) {
        QString order;
        for (int step = 0; step < 3; ++step) {
            const QRegularExpressionMatch match = host.match(first.at(i * 3 + step));
            QVERIFY2(match.hasMatch(), qPrintable(first.at(i * 3 + step)));
            order += match.captured(1);
        }
        QVERIFY2(order == QLatin1String("abc") || order == QLatin1String("bac"), qPrintable(order));
        (order.startsWith(u'a') ? aFirst : bFirst)++;
    }
    // Both orders occur, and the heavier target (3/4 of the weight) leads far more often.
    QVERIFY2(bFirst >= 1 && aFirst > 2 * bFirst,
             qPrintable(QStringLiteral("a first %1, b first %2").arg(aFirst).arg(bFirst)));
}

void TestHandlerFailover::uri_data()
{
    addColumns();
    // Options that overlap the target's own parameters: the options win, each name once.
    OutboundHandlerOptions options;
    options.secure = true;
    options.edge = QStringLiteral("sydney");
    options.sipParameters = {{QStringLiteral("x-site"), QStringLiteral("syd")}};
    CallBehaviour behaviour;
    behaviour.targets = {
        {QStringLiteral("sip:ignored@pbx1.example.net:5080;transport=tcp;edge=dublin;"
                        "X-Site=old;lr;x-tag=a%20b"),
         10, 10}};
    behaviour.passCallerName = true;
    HandlerGenerator generator(options, behaviour);
    const QString uri = QStringLiteral("sip:+61255501234@pbx1.example.net:5080;transport=tcp;lr;"
                                       "x-tag=a%20b;secure=true;edge=sydney;x-site=syd");
    QJsonObject named = call();
    named.insert(QStringLiteral("CallerName"), QStringLiteral(" José O'Brien & Co;x=1? "));
    QJsonObject empty = call();
    empty.insert(QStringLiteral("CallerName"), QString());
    addRows(generator, QString::fromLatin1(Out),
            {
                {"parameters kept, options win", call(), dial(1, uri + Uui)},
                {"CallerName header", named,
                 dial(1, uri + Uui +
                             QStringLiteral("&amp;X-Caller-Name=Jos%C3%A9%20O'Brien%20%26%20Co%3Bx%"
                                            "3D1?"))},
                {"empty CallerName", empty, dial(1, uri + Uui)},
            });
    options = {};
    options.passCallSidAsUserToUser = false;
    HandlerGenerator noUui(options, behaviour);
    QJsonObject longName = call();
    longName.insert(QStringLiteral("CallerName"), QString(60, u'N'));
    const QString plain = QStringLiteral("sip:+61255501234@pbx1.example.net:5080;transport=tcp;"
                                         "edge=dublin;X-Site=old;lr;x-tag=a%20b");
    addRows(noUui, QString::fromLatin1(Out),
            {
                {"CallerName without User-to-User", named,
                 dial(1, plain + QStringLiteral("?X-Caller-Name=Jos%C3%A9%20O'Brien%20%26%20Co%"
                                                "3Bx%3D1?"))},
                {"long CallerName cut to 48", longName,
                 dial(1, plain + QStringLiteral("?X-Caller-Name=") + QString(48, u'N'))},
            });
    // passCallerName off: the name is not sent.
    behaviour.passCallerName = false;
    HandlerGenerator noName({}, behaviour);
    addRows(noName, QString::fromLatin1(Out),
            {{"CallerName not passed", named, dial(1, plain + Uui)}});
}

void TestHandlerFailover::uri()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestHandlerFailover::attributes_data()
{
    addColumns();
    const QString pbx = QStringLiteral("sip:+61255501234@pbx.example.net") + Uui;
    const QJsonObject context{{QStringLiteral("PBX_DOMAIN"), QStringLiteral("pbx.example.net")}};
    CallBehaviour behaviour;
    behaviour.ringTimeoutSeconds = 45;
    behaviour.timeLimitSeconds = 3600;
    behaviour.recordingMode = QStringLiteral("record-from-answer-dual");
    behaviour.recordingTrim = QStringLiteral("trim-silence");
    behaviour.transferMode = QStringLiteral("enable-all");
    HandlerGenerator recorded({}, behaviour);
    const QString dialed =
        xml(QStringLiteral("<Dial answerOnBridge=\"true\" callerId=\"+61255500000\" timeout=\"45\" "
                           "timeLimit=\"3600\" action=\"outboundHandler?attempt=1\" "
                           "record=\"record-from-answer-dual\" trim=\"trim-silence\" "
                           "referUrl=\"referHandler?leg=outbound\"><Sip>") +
            pbx + QStringLiteral("</Sip></Dial>"));
    QJsonObject withheld = call();
    withheld.insert(QStringLiteral("From"), QStringLiteral("anonymous"));
    addRows(recorded, QString::fromLatin1(Out),
            {
                {"record, trim, referUrl", call(), dialed, context},
                {"withheld caller: no callerId", withheld,
                 QString(dialed).remove(QStringLiteral(" callerId=\"+61255500000\"")), context},
            });
    behaviour.transferMode = QStringLiteral("sip-only");
    behaviour.recordingMode = QStringLiteral("record-from-ringing");
    behaviour.recordingTrim = QStringLiteral("do-not-trim");
    HandlerGenerator sipOnly({}, behaviour);
    addRows(sipOnly, QString::fromLatin1(Out),
            {{"sip-only: referUrl", call(),
              xml(QStringLiteral("<Dial answerOnBridge=\"true\" callerId=\"+61255500000\" "
                                 "timeout=\"45\" timeLimit=\"3600\" "
                                 "action=\"outboundHandler?attempt=1\" "
                                 "record=\"record-from-ringing\" trim=\"do-not-trim\" "
                                 "referUrl=\"referHandler?leg=outbound\"><Sip>") +
                  pbx + QStringLiteral("</Sip></Dial>")),
              context}});
    // disable-all (the default): no referUrl, so Twilio refuses a REFER as the trunk did.
    HandlerGenerator defaults;
    addRows(defaults, QString::fromLatin1(Out),
            {{"disable-all: no referUrl, no record", call(), dial(1, pbx), context}});
}

void TestHandlerFailover::attributes()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestHandlerFailover)
#include "tst_handlerfailover.moc"
