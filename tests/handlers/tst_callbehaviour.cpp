// CallBehaviour without Node.js: every refused value (one row each, with its message), the
// accepted ones, how an origination URL is split for the handler, and that no value can
// become code in the generated handlers.
#include "callbehaviour.h"
#include "handlergenerator.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Sets one field of a default CallBehaviour from text, as the rows below name it.
CallBehaviour withField(const QString &field, const QString &value)
{
    CallBehaviour b;
    const auto target = [&](int priority, int weight) {
        b.targets = {{QStringLiteral("sip:pbx.example.net"), priority, weight}};
    };
    if (field == QLatin1String("sipUrl"))
        b.targets = {{value, 10, 10}};
    else if (field == QLatin1String("targets"))
        b.targets = QVector<OriginationTarget>(value.toInt(), {QStringLiteral("sip:pbx.net")});
    else if (field == QLatin1String("priority"))
        target(value.toInt(), 10);
    else if (field == QLatin1String("weight"))
        target(10, value.toInt());
    else if (field == QLatin1String("disasterRecoveryUrl"))
        b.disasterRecoveryUrl = value;
    else if (field == QLatin1String("disasterRecoveryMethod"))
        b.disasterRecoveryMethod = value;
    else if (field == QLatin1String("ringTimeoutSeconds"))
        b.ringTimeoutSeconds = value.toInt();
    else if (field == QLatin1String("timeLimitSeconds"))
        b.timeLimitSeconds = value.toInt();
    else if (field == QLatin1String("recordingMode"))
        b.recordingMode = value;
    else if (field == QLatin1String("recordingTrim"))
        b.recordingTrim = value;
    else if (field == QLatin1String("transferMode"))
        b.transferMode = value;
    else if (field == QLatin1String("transferCallerId"))
        b.transferCallerId = value;
    else if (field == QLatin1String("country"))
        b.country = value;
    else if (field == QLatin1String("emergencyCallerId"))
        b.emergencyCallerId = value;
    else if (field == QLatin1String("defaultCallerId"))
        b.defaultCallerId = value;
    else
        qFatal("unknown field %s", qPrintable(field));
    return b;
}
} // namespace

class TestCallBehaviour : public QObject
{
    Q_OBJECT

private slots:
    void refused_data();
    void refused();
    void accepted_data();
    void accepted();
    void parseSipUrl();
    void valuesStayData();
};

void TestCallBehaviour::refused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const char *field, const QString &value,
                        const char *message) {
        QTest::newRow(name) << QString::fromLatin1(field) << value << QString::fromUtf8(message);
    };
    const char *notSip = "is not a SIP URI";
    row("11 targets", "targets", QStringLiteral("11"), "At most 10 origination URLs");
    row("http scheme", "sipUrl", QStringLiteral("http://pbx.example.net"), notSip);
    row("no scheme", "sipUrl", QStringLiteral("pbx.example.net"), notSip);
    row("empty", "sipUrl", QString(), notSip);
    row("no host", "sipUrl", QStringLiteral("sip:"), "no valid host name");
    row("two @", "sipUrl", QStringLiteral("sip:a@b@pbx.example.net"), notSip);
    row("space", "sipUrl", QStringLiteral("sip:pbx.example.net ;x=1"), notSip);
    row("newline", "sipUrl", QStringLiteral("sip:pbx.example.net\n;x=1"), notSip);
    row("non-ascii", "sipUrl", QStringLiteral("sip:pbx.exämple.net"), notSip);
    row("ipv6", "sipUrl", QStringLiteral("sip:[2001:db8::1]:5060"), "no valid host name");
    row("port 0", "sipUrl", QStringLiteral("sip:pbx.example.net:0"), "no valid host name");
    row("port too big", "sipUrl", QStringLiteral("sip:pbx.example.net:70000"),
        "no valid host name");
    row("underscore host", "sipUrl", QStringLiteral("sip:pbx_1.example.net"), "no valid host name");
    row("headers", "sipUrl", QStringLiteral("sip:pbx.example.net?X-A=1"), "SIP headers");
    row("quote in value", "sipUrl", QStringLiteral("sip:pbx.example.net;x=\"};exit(1);//"),
        "invalid URI parameter");
    row("bad escape", "sipUrl", QStringLiteral("sip:pbx.example.net;x=%2"),
        "invalid URI parameter");
    row("percent in name", "sipUrl", QStringLiteral("sip:pbx.example.net;a%62=1"),
        "invalid URI parameter");
    row("empty parameter", "sipUrl", QStringLiteral("sip:pbx.example.net;;lr"),
        "invalid URI parameter");
    row("parameter twice", "sipUrl", QStringLiteral("sip:pbx.example.net;lr;LR"), "twice");
    row("long value", "sipUrl", QStringLiteral("sip:pbx.example.net;x=") + QString(49, u'v'),
        "longer than 48");
    row("9 parameters", "sipUrl", QStringLiteral("sip:h;a;b;c;d;e;f;g;i;j"),
        "more than 8 URI parameters");
    row("too long", "sipUrl", QStringLiteral("sip:pbx.example.net;x=") + QString(240, u'v'),
        "longer than 255");
    row("sips over udp", "sipUrl", QStringLiteral("sips:pbx.example.net;transport=udp"),
        "another transport than TLS");
    row("priority -1", "priority", QStringLiteral("-1"), "between 0 and 65535");
    row("priority 65536", "priority", QStringLiteral("65536"), "between 0 and 65535");
    row("weight 0", "weight", QStringLiteral("0"), "between 1 and 65535");
    row("weight 65536", "weight", QStringLiteral("65536"), "between 1 and 65535");
    const char *notUrl = "is not an http:// or https:// URL";
    row("DR ftp", "disasterRecoveryUrl", QStringLiteral("ftp://dr.example.net/x"), notUrl);
    row("DR javascript", "disasterRecoveryUrl", QStringLiteral("javascript:alert(1)"), notUrl);
    row("DR no host", "disasterRecoveryUrl", QStringLiteral("https:///twiml"), notUrl);
    row("DR relative", "disasterRecoveryUrl", QStringLiteral("/twiml"), notUrl);
    row("DR quote", "disasterRecoveryUrl", QStringLiteral("https://dr.example.net/\"};x()//"),
        notUrl);
    row("DR newline", "disasterRecoveryUrl", QStringLiteral("https://dr.example.net/a\nb"), notUrl);
    row("DR space", "disasterRecoveryUrl", QStringLiteral("https://dr.example.net/a b"), notUrl);
    row("DR angle", "disasterRecoveryUrl", QStringLiteral("https://dr.example.net/<x>"), notUrl);
    row("DR too long", "disasterRecoveryUrl",
        QStringLiteral("https://dr.example.net/") + QString(2100, u'a'), notUrl);
    row("method PUT", "disasterRecoveryMethod", QStringLiteral("PUT"), "neither GET nor POST");
    row("method PATCH", "disasterRecoveryMethod", QStringLiteral("patch"), "neither GET nor POST");
    row("ring 4 s", "ringTimeoutSeconds", QStringLiteral("4"), "between 5 and 600 seconds");
    row("ring 601 s", "ringTimeoutSeconds", QStringLiteral("601"), "between 5 and 600 seconds");
    row("limit 0", "timeLimitSeconds", QStringLiteral("0"), "between 1 and 86400 seconds");
    row("limit 86401", "timeLimitSeconds", QStringLiteral("86401"), "between 1 and 86400 seconds");
    row("recording mode", "recordingMode", QStringLiteral("record-always"),
        "The recording mode \"record-always\" is not one of");
    row("recording trim", "recordingTrim", QStringLiteral("trim"), "The recording trim");
    row("transfer mode", "transferMode", QStringLiteral("enable-some"), "The transfer mode");
    row("transfer caller ID", "transferCallerId", QStringLiteral("from-nobody"),
        "The transfer caller ID");
    row("unknown country", "country", QStringLiteral("XX"), "The country \"XX\" is not one of");
    row("lower-case country", "country", QStringLiteral("au"), "The country");
    row("emergency caller ID", "emergencyCallerId", QStringLiteral("000"),
        "The emergency caller ID \"000\" is not a phone number in E.164");
    row("default caller ID", "defaultCallerId", QStringLiteral("0255501234"),
        "The default caller ID");
}

void TestCallBehaviour::refused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const CallBehaviour behaviour = withField(field, value);
    QVERIFY2(behaviour.check().contains(message), qPrintable(behaviour.check()));
    // No handler is generated from it, and nothing is written.
    HandlerGenerator generator({}, behaviour);
    QVERIFY(generator.inboundSource().isEmpty());
    QVERIFY2(generator.errorString().contains(message), qPrintable(generator.errorString()));
    QVERIFY(generator.outboundSource().isEmpty());
    QVERIFY(generator.errorString().contains(message));
    QVERIFY(generator.referSource().isEmpty());
    QVERIFY(generator.errorString().contains(message));
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("never"));
    QVERIFY(!generator.exportToDirectory(folder, QStringLiteral("pbx.example.net")));
    QVERIFY(!QFileInfo::exists(folder));
}

void TestCallBehaviour::accepted_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    const auto row = [](const char *field, const QString &value) {
        QTest::addRow("%s=%s", field, qPrintable(value.left(40)))
            << QString::fromLatin1(field) << value;
    };
    for (const QString &mode : CallBehaviour::recordingModes())
        row("recordingMode", mode);
    for (const QString &trim : CallBehaviour::recordingTrims())
        row("recordingTrim", trim);
    for (const QString &mode : CallBehaviour::transferModes())
        row("transferMode", mode);
    for (const QString &id : CallBehaviour::transferCallerIds())
        row("transferCallerId", id);
    for (const QString &country : CallBehaviour::countries())
        row("country", country);
    row("targets", QStringLiteral("10"));
    row("priority", QStringLiteral("0"));
    row("priority", QStringLiteral("65535"));
    row("weight", QStringLiteral("1"));
    row("weight", QStringLiteral("65535"));
    row("ringTimeoutSeconds", QStringLiteral("5"));
    row("timeLimitSeconds", QStringLiteral("1"));
    row("disasterRecoveryMethod", QStringLiteral("GET"));
    row("disasterRecoveryMethod", QStringLiteral("post")); // sent as POST
    row("disasterRecoveryMethod", QString());              // Twilio's default, POST
    row("disasterRecoveryUrl", QStringLiteral("https://dr.example.net/twiml?a=1&b='2'"));
    // The trunk's own DR URL may be plain http; Twilio fetches it as the trunk did.
    row("disasterRecoveryUrl", QStringLiteral("http://dr.example.net/twiml"));
    row("disasterRecoveryUrl", QStringLiteral("https://user:secret@dr.example.net/a*/b"));
    row("emergencyCallerId", QStringLiteral("+61255500000"));
    row("defaultCallerId", QStringLiteral("+12025550100"));
    row("sipUrl", QStringLiteral("sip:203.0.113.5:5060;transport=udp"));
    row("sipUrl", QStringLiteral("SIPS:pbx.example.net;Transport=TLS"));
}

void TestCallBehaviour::accepted()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    const CallBehaviour behaviour = withField(field, value);
    QVERIFY2(behaviour.check().isEmpty(), qPrintable(behaviour.check()));
    HandlerGenerator generator({}, behaviour);
    QVERIFY2(!generator.outboundSource().isEmpty(), qPrintable(generator.errorString()));
    QVERIFY(!generator.inboundSource().isEmpty());
    QVERIFY(!generator.referSource().isEmpty());
}

void TestCallBehaviour::parseSipUrl()
{
    using Parameters = QList<QPair<QString, QString>>;
    CallBehaviour::ParsedSipUrl parsed;
    QVERIFY(
        CallBehaviour::parseSipUrl(
            QStringLiteral("sip:trunk:pw@pbx.example.net:5080;transport=tcp;x=a%20b;lr"), &parsed)
            .isEmpty());
    QCOMPARE(parsed.host, QStringLiteral("pbx.example.net:5080"));
    QCOMPARE(parsed.parameters, (Parameters{{QStringLiteral("transport"), QStringLiteral("tcp")},
                                            {QStringLiteral("x"), QStringLiteral("a b")},
                                            {QStringLiteral("lr"), QString()}}));
    QVERIFY(CallBehaviour::parseSipUrl(QStringLiteral("sips:pbx.example.net"), &parsed).isEmpty());
    QCOMPARE(parsed.host, QStringLiteral("pbx.example.net"));
    QCOMPARE(parsed.parameters, (Parameters{{QStringLiteral("transport"), QStringLiteral("tls")}}));
    QVERIFY(
        CallBehaviour::parseSipUrl(QStringLiteral("sips:pbx.example.net;transport=TLS"), &parsed)
            .isEmpty());
    QCOMPARE(parsed.parameters.size(), 1);
}

void TestCallBehaviour::valuesStayData()
{
    // Values that look like code or like the generator's own markers are data in the output.
    OutboundHandlerOptions options;
    options.sipParameters = {{QStringLiteral("x-js"), QStringLiteral("__TM_BEHAVIOUR__\u2028")}};
    CallBehaviour behaviour;
    behaviour.disasterRecoveryUrl = QStringLiteral("https://dr.example.net/__TM_OPTIONS__*/x");
    behaviour.targets = {{QStringLiteral("sip:pbx.example.net;x=*/"), 10, 10}};
    HandlerGenerator generator(options, behaviour);
    const QByteArray outbound = generator.outboundSource();
    QVERIFY2(!outbound.isEmpty(), qPrintable(generator.errorString()));
    QVERIFY(outbound.contains(
        "const OPTIONS = {\"edge\":\"\",\"parameters\":[[\"x-js\",\"__TM_BEHAVIOUR__\\u2028\"]],"));
    QVERIFY(
        outbound.contains("\"disasterRecoveryUrl\":\"https://dr.example.net/__TM_OPTIONS__*/x\""));
    QVERIFY(outbound.contains("\"parameters\":[[\"x\",\"*/\"]]"));
    QVERIFY(!outbound.contains("\u2028"));
    QCOMPARE(outbound.count("const OPTIONS = "), 1);
    QCOMPARE(outbound.count("const BEHAVIOUR = "), 1);
    const QByteArray inbound = generator.inboundSource();
    QVERIFY(
        inbound.contains("\"disasterRecoveryUrl\":\"https://dr.example.net/__TM_OPTIONS__*/x\""));
}

QTEST_GUILESS_MAIN(TestCallBehaviour)
#include "tst_callbehaviour.moc"
