// /referHandler: a REFER from the PBX under each transfer_mode, and the caller ID of the
// transferred call under each transfer_caller_id rule, for both legs. Exact XML, under Node.js
// and the real twilio package.
#include "handlergenerator.h"
#include "handlerrunner.h"

#include <QTest>

using namespace HandlerTest;

namespace {
const char *const Refer = "referHandler.js";
// The PSTN caller (+61255500000) called the migrated number (+61255501234); the PBX transfers.
const char *const Caller = "+61255500000";
const char *const Migrated = "+61255501234";
const QString Refused = xml(QStringLiteral("<Say>This call cannot be transferred to that "
                                           "destination.</Say><Hangup/>"));

QJsonObject refer(const char *target, const char *leg = "outbound", const char *from = Caller,
                  const char *to = Migrated)
{
    QJsonObject event = ev({{"From", from}, {"To", to}, {"CallSid", "CA0123"}});
    if (target)
        event.insert(QStringLiteral("ReferTransferTarget"), QString::fromUtf8(target));
    if (leg)
        event.insert(QStringLiteral("leg"), QString::fromUtf8(leg));
    return event;
}

QString caller(const char *callerId)
{
    return callerId ? QStringLiteral(" callerId=\"%1\"").arg(QLatin1String(callerId)) : QString();
}

QString toNumber(const char *number, const char *callerId = Caller)
{
    return xml(QStringLiteral("<Dial%1 timeout=\"600\" timeLimit=\"86400\"><Number>%2</Number>"
                              "</Dial>")
                   .arg(caller(callerId), QLatin1String(number)));
}

QString toSip(const QString &uri, const char *callerId = Caller, const char *leg = "outbound")
{
    return xml(QStringLiteral("<Dial%1 timeout=\"600\" timeLimit=\"86400\" "
                              "referUrl=\"referHandler?leg=%2\"><Sip>%3</Sip></Dial>")
                   .arg(caller(callerId), QLatin1String(leg), uri));
}

CallBehaviour transfers(const char *mode, const char *callerId = "from-transferee")
{
    CallBehaviour behaviour;
    behaviour.transferMode = QLatin1String(mode);
    behaviour.transferCallerId = QLatin1String(callerId);
    return behaviour;
}
} // namespace

class TestHandlerRefer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modes_data();
    void modes();
    void callerIds_data();
    void callerIds();
};

void TestHandlerRefer::initTestCase()
{
    const QString problem = HandlerRunner::checkEnvironment();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestHandlerRefer::modes_data()
{
    addColumns();
    const char *pbxNumber = "<sip:+61255501299@pbx.example.net;transport=udp>";
    const QString pbxNumberUri = QStringLiteral("sip:+61255501299@pbx.example.net;transport=udp");
    const char *twilioNumber = "<sip:+61255501299@acme.pstn.twilio.com>";
    const char *tel = "<tel:+61255501299>";
    const char *extension = "sip:201@pbx.example.net";
    HandlerGenerator disabled({}, transfers("disable-all"));
    addRows(disabled, QString::fromLatin1(Refer),
            {
                {"disable-all: extension", refer(extension), Refused},
                {"disable-all: tel", refer(tel), Refused},
            });
    HandlerGenerator sipOnly({}, transfers("sip-only"));
    addRows(sipOnly, QString::fromLatin1(Refer),
            {
                {"sip-only: extension", refer(extension),
                 toSip(QStringLiteral("sip:201@pbx.example.net"))},
                {"sip-only: number at the PBX is SIP", refer(pbxNumber), toSip(pbxNumberUri)},
                {"sip-only: tel refused", refer(tel), Refused},
                {"sip-only: number at Twilio refused", refer(twilioNumber), Refused},
                {"sip-only: headers kept", refer("<sip:201@pbx.example.net?User-to-User=abc>"),
                 toSip(QStringLiteral("sip:201@pbx.example.net?User-to-User=abc"))},
                {"sip-only: inbound leg", refer(extension, "inbound", "sip:201@pbx", Caller),
                 toSip(QStringLiteral("sip:201@pbx.example.net"), Caller, "inbound")},
            });
    HandlerGenerator all({}, transfers("enable-all"));
    addRows(
        all, QString::fromLatin1(Refer),
        {
            {"enable-all: tel", refer(tel), toNumber("+61255501299")},
            {"enable-all: tel with separators", refer("tel:+61-2-5550-1299"),
             toNumber("+61255501299")},
            {"enable-all: number at Twilio", refer(twilioNumber), toNumber("+61255501299")},
            {"enable-all: number at the PBX is SIP", refer(pbxNumber), toSip(pbxNumberUri)},
            {"enable-all: display name", refer("\"Reception\" <sip:201@pbx.example.net>"),
             toSip(QStringLiteral("sip:201@pbx.example.net"))},
            {"enable-all: host only", refer("<sip:pbx.example.net:5062>"),
             toSip(QStringLiteral("sip:pbx.example.net:5062"))},
            {"enable-all: sips becomes TLS", refer("<sips:201@pbx.example.net:5061>"),
             toSip(QStringLiteral("sip:201@pbx.example.net:5061;transport=tls"))},
            {"enable-all: sips keeps parameters and headers",
             refer("<sips:201@pbx.example.net;transport=tcp;x=1?User-to-User=abc>"),
             toSip(QStringLiteral("sip:201@pbx.example.net;x=1;transport=tls?User-to-User=abc"))},
            {"enable-all: national tel refused", refer("tel:0255501299"), Refused},
            {"enable-all: no target", refer(nullptr), Refused},
            {"enable-all: empty target", refer(""), Refused},
            {"enable-all: http target", refer("<http://example.net/>"), Refused},
            {"enable-all: bad host", refer("<sip:201@pbx_example.net>"), Refused},
            {"enable-all: hostile", refer("<sip:201@pbx.example.net;x=\"<Say>\">"), Refused},
            {"enable-all: space", refer("sip:201@pbx.example.net;x=a b"), Refused},
            {"enable-all: no leg", refer(extension, nullptr), Refused},
            {"enable-all: unknown leg", refer(extension, "sideways"), Refused},
        });
}

void TestHandlerRefer::modes()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestHandlerRefer::callerIds_data()
{
    addColumns();
    const char *tel = "<tel:+61255501299>";
    // Inbound leg: the PBX's extension (its DID +61255500000) called the PSTN +61255509999.
    const char *pbxCaller = "sip:+61255500000@pbx.example.net";
    const char *callee = "sip:+61255509999@acme.sip.twilio.com";
    HandlerGenerator transferee({}, transfers("enable-all", "from-transferee"));
    addRows(
        transferee, QString::fromLatin1(Refer),
        {
            {"transferee, outbound leg: the PSTN caller", refer(tel),
             toNumber("+61255501299", Caller)},
            {"transferee, inbound leg: the PSTN callee", refer(tel, "inbound", pbxCaller, callee),
             toNumber("+61255501299", "+61255509999")},
            {"transferee withheld: no callerId", refer(tel, "outbound", "anonymous"),
             toNumber("+61255501299", nullptr)},
        });
    HandlerGenerator transferor({}, transfers("enable-all", "from-transferor"));
    addRows(
        transferor, QString::fromLatin1(Refer),
        {
            {"transferor, outbound leg: the migrated number", refer(tel),
             toNumber("+61255501299", Migrated)},
            {"transferor, inbound leg: the PBX's caller", refer(tel, "inbound", pbxCaller, callee),
             toNumber("+61255501299", "+61255500000")},
            {"transferor not E.164: no callerId",
             refer(tel, "inbound", "sip:201@pbx.example.net", callee),
             toNumber("+61255501299", nullptr)},
        });
    CallBehaviour withDefault = transfers("enable-all", "from-transferor");
    withDefault.defaultCallerId = QStringLiteral("+61255500001");
    HandlerGenerator fallback({}, withDefault);
    addRows(fallback, QString::fromLatin1(Refer),
            {{"transferor without DID: default caller ID",
              refer(tel, "inbound", "sip:201@pbx.example.net", callee),
              toNumber("+61255501299", "+61255500001")}});
    // The transferred call keeps the trunk's recording.
    CallBehaviour recorded = transfers("sip-only");
    recorded.recordingMode = QStringLiteral("record-from-answer");
    HandlerGenerator recording({}, recorded);
    addRows(recording, QString::fromLatin1(Refer),
            {{"recording kept", refer("sip:201@pbx.example.net"),
              xml(QStringLiteral("<Dial callerId=\"+61255500000\" timeout=\"600\" "
                                 "timeLimit=\"86400\" record=\"record-from-answer\" "
                                 "trim=\"do-not-trim\" referUrl=\"referHandler?leg=outbound\">"
                                 "<Sip>sip:201@pbx.example.net</Sip></Dial>"))}});
}

void TestHandlerRefer::callerIds()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestHandlerRefer)
#include "tst_handlerrefer.moc"
