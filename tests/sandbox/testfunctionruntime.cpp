// FunctionRuntime: a Function's code run as the Functions runtime runs it, in QJSEngine; what a
// broken or hostile Function does (throws, never calls back, loops, requires a module) is a
// failed run with its reason, never a hang or a crash.
#include "functionruntime.h"

#include <QJsonObject>
#include <QTest>

namespace {
QString handler(const char *body)
{
    return QStringLiteral("exports.handler = function (context, event, callback) {\n") +
           QLatin1String(body) + QStringLiteral("\n};\n");
}
} // namespace

class TestFunctionRuntime : public QObject
{
    Q_OBJECT
private slots:
    void voiceResponseIsTwiml()
    {
        const auto r = FunctionRuntime::run(
            handler("const t = new Twilio.twiml.VoiceResponse();"
                    "t.dial({ callerId: event.From, timeout: 600, answerOnBridge: true })"
                    "  .sip('sip:' + event.To + '@' + context.PBX_DOMAIN);"
                    "callback(null, t);"),
            QJsonObject{{QStringLiteral("PBX_DOMAIN"), QStringLiteral("pbx.example.net")}},
            QJsonObject{{QStringLiteral("To"), QStringLiteral("+61255501234")},
                        {QStringLiteral("From"), QStringLiteral("+61255500000")}});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.contentType, QStringLiteral("text/xml"));
        QCOMPARE(r.body, QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                                        "<Dial callerId=\"+61255500000\" timeout=\"600\" "
                                        "answerOnBridge=\"true\"><Sip>sip:+61255501234@"
                                        "pbx.example.net</Sip></Dial></Response>"));
    }

    void escapingAndEmptyVerbs()
    {
        const auto r = FunctionRuntime::run(
            handler(
                "const t = new Twilio.twiml.VoiceResponse();"
                "t.say({ voice: 'a\"b<c&\\n' }, 'x < y & z > w');"
                "t.redirect({ method: 'GET', skip: null, none: undefined }, 'https://a/?x=1&y=2');"
                "t.hangup(); t.say('');"
                "callback(null, t);"),
            QJsonObject(), QJsonObject());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.body, QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                                        "<Say voice=\"a&quot;b&lt;c&amp;&#xA;\">x &lt; y &amp; "
                                        "z &gt; w</Say><Redirect method=\"GET\">https://a/?x=1"
                                        "&amp;y=2</Redirect><Hangup/><Say/></Response>"));
    }

    void failuresAreReported_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("reason");
        QTest::newRow("throws") << handler("throw new Error('boom');") << "threw: boom";
        QTest::newRow("error callback") << handler("callback('nope');") << "with an error: nope";
        QTest::newRow("no callback") << handler("") << "did not call back";
        QTest::newRow("require") << QStringLiteral("const fs = require('fs');") + handler("")
                                 << "require('fs') is not available";
        QTest::newRow("no handler") << QStringLiteral("exports.other = 1;") << "exports no handler";
        QTest::newRow("syntax") << QStringLiteral("exports.handler = function ( {")
                                << "does not load";
        QTest::newRow("illegal character")
            << handler("const t = new Twilio.twiml.VoiceResponse(); t.say('a\\u0001b');"
                       "callback(null, t);")
            << "threw: Invalid character";
    }
    void failuresAreReported()
    {
        QFETCH(QString, code);
        QFETCH(QString, reason);
        const auto r = FunctionRuntime::run(code, QJsonObject(), QJsonObject());
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
    }

    void aLoopIsStopped()
    {
        const auto r =
            FunctionRuntime::run(handler("for (;;) {}"), QJsonObject(), QJsonObject(), 200);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("ran past 200 ms")), qPrintable(r.error));
    }

    void runsShareNothing()
    {
        // The global object, the ES5 way (Qt 6.4's engine has no globalThis).
        const QString code = QStringLiteral("var g = (function () { return this; })();"
                                            "var seen = (typeof g.tmSeen === 'number');"
                                            "g.tmSeen = 1;") +
                             handler("callback(null, String(seen));");
        for (int i = 0; i < 2; ++i) {
            const auto r = FunctionRuntime::run(code, QJsonObject(), QJsonObject());
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.body, QStringLiteral("false"));
            QCOMPARE(r.contentType, QStringLiteral("text/html; charset=utf-8"));
        }
    }
};

QTEST_GUILESS_MAIN(TestFunctionRuntime)
#include "testfunctionruntime.moc"
