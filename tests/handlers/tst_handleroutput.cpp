// Executes the generated handlers with Node.js and the twilio package's TwiML builder on sample
// requests, and compares the XML exactly.
#include "handlergenerator.h"
#include "handlerrunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Case
{
    const char *name;
    const char *context; // JSON object, "null" or ""
    const char *event;
    QString expected;
};

QString xml(const QString &body)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>") + body +
           QStringLiteral("</Response>");
}

const QString Reject = xml(QStringLiteral("<Reject reason=\"rejected\"/>"));
const QString NotConfigured =
    xml(QStringLiteral("<Say>This number cannot take calls yet because its routing is not "
                       "configured.</Say><Hangup/>"));

// The defaults of CallBehaviour: ring 600 s, calls up to 24 h, no recording, no transfers.
QString dialNumber(const char *from, const char *to)
{
    return xml(QStringLiteral("<Dial answerOnBridge=\"true\" callerId=\"%1\" timeout=\"600\" "
                              "timeLimit=\"86400\"><Number>%2</Number></Dial>")
                   .arg(QLatin1String(from), QLatin1String(to)));
}

// The first target of the outbound handler, whose Dial action comes back for the failover.
QString dialSip(const QString &callerAttribute, const QString &uri)
{
    return xml(QStringLiteral("<Dial answerOnBridge=\"true\"%1 timeout=\"600\" timeLimit=\"86400\" "
                              "action=\"outboundHandler?attempt=1\"><Sip>%2</Sip></Dial>")
                   .arg(callerAttribute, uri));
}

void addColumns()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
}

const QString Caller = QStringLiteral(" callerId=\"+61255500000\"");
const char *const CallSid = "CA0123456789abcdef0123456789abcdef";
} // namespace

class TestHandlerOutput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void inbound_data();
    void inbound();
    void outboundDefaults_data();
    void outboundDefaults();
    void outboundOptions_data();
    void outboundOptions();

private:
    // Generates with options, exports to a temporary folder (the files users would deploy) and
    // runs every case through one node process; adds one data row per case.
    void addRows(const OutboundHandlerOptions &options, const QString &file,
                 const QList<Case> &cases);

    QTemporaryDir m_dir;
    int m_exports = 0;
};

void TestHandlerOutput::initTestCase()
{
    // Not a skip: without node or the package these handlers would go untested.
    const QString problem = HandlerRunner::checkEnvironment();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(m_dir.isValid());
}

void TestHandlerOutput::addRows(const OutboundHandlerOptions &options, const QString &file,
                                const QList<Case> &cases)
{
    HandlerGenerator generator(options);
    const QString folder = m_dir.filePath(QString::number(++m_exports));
    QVERIFY2(generator.exportToDirectory(folder, QStringLiteral("pbx.example.net")),
             qPrintable(generator.errorString()));
    QJsonArray requests;
    for (const Case &c : cases) {
        QJsonObject request;
        for (const auto &[key, json] : {std::pair{"context", c.context}, {"event", c.event}}) {
            if (*json == '\0')
                continue; // left out entirely
            const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json));
            QVERIFY2(doc.isObject() || QByteArray(json) == "null", json);
            request.insert(QLatin1String(key),
                           doc.isObject() ? QJsonValue(doc.object()) : QJsonValue());
        }
        requests.append(request);
    }
    QString error;
    const QStringList outputs = HandlerRunner::run(folder + u'/' + file, requests, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (qsizetype i = 0; i < cases.size(); ++i)
        QTest::newRow(cases.at(i).name) << outputs.at(i) << cases.at(i).expected;
}

void TestHandlerOutput::inbound_data()
{
    addColumns();
    const char *ctx = "{}";
    const QString ok = dialNumber("+61255500000", "+61255501234");
    addRows(
        {}, QStringLiteral("inboundHandler.js"),
        {
            {"tls param", ctx,
             R"({"To":"sip:+61255501234@acme.sip.twilio.com;transport=tls",
                     "From":"sip:+61255500000@203.0.113.5"})",
             ok},
            {"ports", ctx,
             R"({"To":"sip:+61255501234@acme.sip.twilio.com:5060",
                     "From":"sip:+61255500000@203.0.113.5:5061;transport=udp"})",
             ok},
            {"user=phone", ctx,
             R"({"To":"sip:+61255501234@acme.sip.twilio.com;user=phone",
                     "From":"sip:+61255500000@203.0.113.5;user=phone"})",
             ok},
            {"sips and headers", ctx,
             R"({"To":"sips:+61255501234@acme.sip.twilio.com?X-Foo=bar",
                     "From":"sip:+61255500000@pbx"})",
             ok},
            {"encoded user", ctx,
             R"({"To":"sip:%2B61255501234@acme.sip.twilio.com",
                     "From":"sip:%2b61255500000@203.0.113.5"})",
             ok},
            {"encoded uri", ctx,
             R"({"To":"sip%3A%2B61255501234%40acme.sip.twilio.com%3Btransport%3Dtls",
                     "From":"sip:+61255500000@203.0.113.5"})",
             ok},
            {"display name", ctx,
             R"({"To":"<sip:+61255501234@acme.sip.twilio.com>",
                     "From":"\"Front <desk> & co\" <sip:+61255500000@203.0.113.5>;tag=1"})",
             ok},
            {"tel and plain", ctx, R"({"To":"tel:+61255501234","From":"+61255500000"})", ok},
            {"visual separators", ctx,
             R"({"To":"sip:+61-2-5550-1234@acme.sip.twilio.com",
                     "From":"sip:+61(2)5550.0000@pbx"})",
             ok},
            {"user parameters", ctx,
             R"({"To":"sip:+61255501234;isub=12@acme.sip.twilio.com",
                     "From":"sip:+61255500000@pbx"})",
             ok},
            {"7 digits", ctx, R"({"To":"sip:+1234567@h","From":"sip:+123456789012345@h"})",
             dialNumber("+123456789012345", "+1234567")},
            {"6 digits", ctx, R"({"To":"sip:+123456@h","From":"sip:+61255500000@h"})", Reject},
            {"16 digits", ctx, R"({"To":"sip:+1234567890123456@h","From":"sip:+61255500000@h"})",
             Reject},
            {"leading zero", ctx, R"({"To":"sip:+0255501234@h","From":"sip:+61255500000@h"})",
             Reject},
            {"national form", ctx, R"({"To":"sip:0255501234@h","From":"sip:+61255500000@h"})",
             Reject},
            {"no host", ctx, R"({"To":"sip:+61255501234","From":"sip:+61255500000@h"})", Reject},
            {"anonymous caller", ctx,
             R"({"To":"sip:+61255501234@h","From":"sip:anonymous@anonymous.invalid"})", Reject},
            {"missing To", ctx, R"({"From":"sip:+61255500000@h"})", Reject},
            {"missing From", ctx, R"({"To":"sip:+61255501234@h"})", Reject},
            {"empty event", ctx, "{}", Reject},
            {"null event", "null", "null", Reject},
            {"no arguments", "", "", Reject},
            {"non-string To", ctx, R"({"To":{"a":1},"From":["+61255500000"]})", Reject},
            {"bad escape", ctx, R"({"To":"sip:%E0%A4%A@h","From":"sip:+61255500000@h"})", Reject},
            {"injection in user", ctx,
             R"({"To":"sip:+61255501234<Say>x</Say>@h","From":"sip:+61255500000@h"})", Reject},
            {"hostile params", ctx,
             R"({"To":"sip:+61255501234@h;x=\"<&>\"?y=;z","From":"sip:+61255500000@h;a=&"})", ok},
            {"hostile number chars", ctx,
             R"({"To":"sip:+61255501234?x@h","From":"sip:+61255500000&x@h"})", Reject},
        });
}

void TestHandlerOutput::inbound()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestHandlerOutput::outboundDefaults_data()
{
    addColumns();
    const char *pbx = R"({"PBX_DOMAIN":"pbx.example.net"})";
    const QString sip = QStringLiteral("sip:+61255501234@pbx.example.net?User-to-User=%1")
                            .arg(QLatin1String(CallSid));
    addRows(
        {}, QStringLiteral("outboundHandler.js"),
        {
            {"pstn call", pbx,
             R"({"To":"+61255501234","From":"+61255500000",
                     "CallSid":"CA0123456789abcdef0123456789abcdef"})",
             dialSip(Caller, sip)},
            {"withheld caller", pbx,
             R"({"To":"+61255501234","From":"Anonymous",
                     "CallSid":"CA0123456789abcdef0123456789abcdef"})",
             dialSip({}, sip)},
            {"no CallSid", pbx, R"({"To":"+61255501234","From":"+61255500000"})",
             dialSip(Caller, QStringLiteral("sip:+61255501234@pbx.example.net"))},
            {"hostile CallSid", pbx,
             R"({"To":"+61255501234","From":"+61255500000","CallSid":"CA1;x=y?z&w<\"é%"})",
             dialSip(Caller, QStringLiteral("sip:+61255501234@pbx.example.net?User-to-User="
                                            "CA1%3Bx%3Dy?z%26w%3C%22%C3%A9%25"))},
            {"port in PBX_DOMAIN", R"({"PBX_DOMAIN":" pbx.example.net:5061 "})",
             R"({"To":"+61255501234","From":"+61255500000"})",
             dialSip(Caller, QStringLiteral("sip:+61255501234@pbx.example.net:5061"))},
            {"IP address PBX", R"({"PBX_DOMAIN":"203.0.113.5"})",
             R"({"To":"+61255501234","From":"+61255500000"})",
             dialSip(Caller, QStringLiteral("sip:+61255501234@203.0.113.5"))},
            {"To as SIP URI", pbx,
             R"({"To":"sip:+61255501234@x.example;user=phone","From":"+61255500000"})",
             dialSip(Caller, QStringLiteral("sip:+61255501234@pbx.example.net"))},
            {"missing To", pbx, R"({"From":"+61255500000"})", Reject},
            {"malformed To", pbx, R"({"To":"+61 2 5550 1234&x","From":"+61255500000"})", Reject},
            {"no PBX_DOMAIN", "{}", R"({"To":"+61255501234"})", NotConfigured},
            {"SIP_DOMAIN is not read", R"({"SIP_DOMAIN":"pbx.example.net"})",
             R"({"To":"+61255501234"})", NotConfigured},
            {"PBX_DOMAIN with params", R"({"PBX_DOMAIN":"pbx.example.net;transport=tcp"})",
             R"({"To":"+61255501234"})", NotConfigured},
            {"PBX_DOMAIN bad port", R"({"PBX_DOMAIN":"pbx.example.net:70000"})",
             R"({"To":"+61255501234"})", NotConfigured},
            {"PBX_DOMAIN not text", R"({"PBX_DOMAIN":42})", R"({"To":"+61255501234"})",
             NotConfigured},
            {"null context", "null", R"({"To":"+61255501234"})", NotConfigured},
            {"no arguments", "", "", NotConfigured},
        });
}

void TestHandlerOutput::outboundDefaults()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestHandlerOutput::outboundOptions_data()
{
    addColumns();
    OutboundHandlerOptions options;
    options.secure = true;
    options.edge = QStringLiteral("sydney");
    options.sipParameters = {
        {QStringLiteral("x-site"), QStringLiteral("syd 1;a=b?c&d<\"é")},
        {QStringLiteral("lr"), QString()},
        // A value that would end the JSON string and the statement if it were spliced raw.
        {QStringLiteral("x-js"), QStringLiteral("\"}];process.exit(7);//\u2028")}};
    const char *pbx = R"({"PBX_DOMAIN":"pbx.example.net"})";
    const QString params =
        QStringLiteral(";secure=true;edge=sydney;x-site=syd%201%3Ba%3Db%3Fc&amp;d%3C%22%C3%A9;lr;"
                       "x-js=%22%7D]%3Bprocess.exit(7)%3B//%E2%80%A8");
    addRows(options, QStringLiteral("outboundHandler.js"),
            {
                {"all options", pbx,
                 R"({"To":"+61255501234","From":"+61255500000",
                     "CallSid":"CA0123456789abcdef0123456789abcdef"})",
                 dialSip(Caller, QStringLiteral("sip:+61255501234@pbx.example.net") + params +
                                     QStringLiteral("?User-to-User=") + QLatin1String(CallSid))},
            });
    options = {};
    options.passCallSidAsUserToUser = false;
    options.edge = QStringLiteral("sao-paulo");
    addRows(
        options, QStringLiteral("outboundHandler.js"),
        {
            {"no User-to-User", pbx,
             R"({"To":"+61255501234","From":"+61255500000",
                     "CallSid":"CA0123456789abcdef0123456789abcdef"})",
             dialSip(Caller, QStringLiteral("sip:+61255501234@pbx.example.net;edge=sao-paulo"))},
        });
}

void TestHandlerOutput::outboundOptions()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestHandlerOutput)
#include "tst_handleroutput.moc"
