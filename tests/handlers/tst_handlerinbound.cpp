// /inboundHandler with the trunk's behaviour: emergency numbers per country (never rejected),
// national and international-prefix numbers read in the chosen country's numbering, withheld
// caller IDs, and the <Dial> attributes. Exact XML, under Node.js and the real twilio package.
#include "handlergenerator.h"
#include "handlerrunner.h"

#include <QTest>

using namespace HandlerTest;

namespace {
const char *const In = "inboundHandler.js";
const QString Rejected = xml(QStringLiteral("<Reject reason=\"rejected\"/>"));

QJsonObject call(const char *to, const char *from)
{
    return ev({{"To", to}, {"From", from}});
}

QString emergency(const char *number, const char *callerId = nullptr)
{
    const QString caller =
        callerId ? QStringLiteral(" callerId=\"%1\"").arg(QLatin1String(callerId)) : QString();
    // Twilio's longest ring and call, whatever the trunk's choices.
    return xml(QStringLiteral("<Dial answerOnBridge=\"true\" timeout=\"600\" timeLimit=\"86400\"%1>"
                              "<Number>%2</Number></Dial>")
                   .arg(caller, QLatin1String(number)));
}

// An ordinary call with the default behaviour's attributes.
QString dial(const char *callerId, const char *number)
{
    return xml(QStringLiteral("<Dial answerOnBridge=\"true\" callerId=\"%1\" timeout=\"600\" "
                              "timeLimit=\"86400\"><Number>%2</Number></Dial>")
                   .arg(QLatin1String(callerId), QLatin1String(number)));
}

CallBehaviour inCountry(const char *country)
{
    CallBehaviour behaviour;
    behaviour.country = QLatin1String(country);
    return behaviour;
}
} // namespace

class TestHandlerInbound : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void emergencyNumbers_data();
    void emergencyNumbers();
    void nationalNumbers_data();
    void nationalNumbers();
    void callerIds_data();
    void callerIds();
};

void TestHandlerInbound::initTestCase()
{
    const QString problem = HandlerRunner::checkEnvironment();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestHandlerInbound::emergencyNumbers_data()
{
    addColumns();
    // No country chosen: the caller's own number tells the country.
    HandlerGenerator defaults;
    addRows(
        defaults, QString::fromLatin1(In),
        {
            {"911 from +1", call("sip:911@acme.sip.twilio.com", "sip:+12025550100@pbx"),
             emergency("911", "+12025550100")},
            {"933 from +1", call("sip:933@acme.sip.twilio.com", "+12025550100"),
             emergency("933", "+12025550100")},
            {"000 from +61", call("sip:000@acme.sip.twilio.com", "sip:+61255500000@pbx"),
             emergency("000", "+61255500000")},
            {"112 from +61", call("sip:112@acme.sip.twilio.com;user=phone", "+61255500000"),
             emergency("112", "+61255500000")},
            {"106 from +61", call("tel:106", "+61255500000"), emergency("106", "+61255500000")},
            {"999 from +44", call("sip:999@acme.sip.twilio.com", "sip:+442079460000@pbx"),
             emergency("999", "+442079460000")},
            {"112 from +44", call("sip:112@h", "+442079460000"), emergency("112", "+442079460000")},
            {"111 from +64", call("sip:111@h", "+6493001234"), emergency("111", "+6493001234")},
            {"112 from +353", call("sip:112@h", "+35314567890"), emergency("112", "+35314567890")},
            {"999 from +353", call("sip:999@h", "+35314567890"), emergency("999", "+35314567890")},
            {"112 from +49", call("sip:112@h", "+4930123456"), emergency("112", "+4930123456")},
            {"110 from +49", call("sip:110@h", "+4930123456"), emergency("110", "+4930123456")},
            {"112 from +33", call("sip:112@h", "+33142685300"), emergency("112", "+33142685300")},
            // Caller ID unknown and no country: any country's emergency number is dialled.
            {"000 from an extension", call("sip:000@h", "sip:201@pbx"), emergency("000")},
            {"911 withheld", call("sip:911@h", "sip:anonymous@anonymous.invalid"),
             emergency("911")},
            {"911 no From", ev({{"To", "sip:911@h"}}), emergency("911")},
            // Another country's number is not an emergency number there (Twilio routes by
            // the caller ID's country): an ordinary, unusable number.
            {"911 from +61", call("sip:911@h", "+61255500000"), Rejected},
            {"000 from +1", call("sip:000@h", "+12025550100"), Rejected},
        });
    CallBehaviour au = inCountry("AU");
    au.emergencyCallerId = QStringLiteral("+61255500099");
    HandlerGenerator australia({}, au);
    addRows(
        australia, QString::fromLatin1(In),
        {
            {"AU: 000 from an extension", call("sip:000@h", "sip:201@pbx"),
             emergency("000", "+61255500099")},
            {"AU: 000 withheld", call("sip:000@h", "anonymous"), emergency("000", "+61255500099")},
            {"AU: caller's number first", call("sip:000@h", "+61255500000"),
             emergency("000", "+61255500000")},
            // The chosen country counts as well as the caller's.
            {"AU: 000 from a +1 number", call("sip:000@h", "+12025550100"),
             emergency("000", "+12025550100")},
            {"AU: 911 from an extension", call("sip:911@h", "sip:201@pbx"), Rejected},
        });
}

void TestHandlerInbound::emergencyNumbers()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestHandlerInbound::nationalNumbers_data()
{
    addColumns();
    const char *au = "+61255500000";
    HandlerGenerator australia({}, inCountry("AU"));
    addRows(australia, QString::fromLatin1(In),
            {
                {"AU national", call("sip:0255501299@h", au), dial(au, "+61255501299")},
                {"AU mobile", call("sip:0412345678@h", au), dial(au, "+61412345678")},
                {"AU spaced", call("sip:02%205550%201299@h", au), dial(au, "+61255501299")},
                {"AU 0011", call("sip:0011442079460000@h", au), dial(au, "+442079460000")},
                {"AU 0011 spaced", call("tel:0011 44 20 7946 0000", au), dial(au, "+442079460000")},
                {"AU E.164", call("sip:+442079460000@h", au), dial(au, "+442079460000")},
                {"AU no trunk prefix", call("sip:255501299@h", au), Rejected},
                {"AU too short", call("sip:02@h", au), Rejected},
                {"AU 00 is not its prefix", call("sip:00442079460000@h", au), Rejected},
            });
    const char *us = "+12025550100";
    HandlerGenerator unitedStates({}, inCountry("US"));
    addRows(unitedStates, QString::fromLatin1(In),
            {
                {"US 10 digits", call("sip:2125550123@h", us), dial(us, "+12125550123")},
                {"US 1 + 10 digits", call("sip:12125550123@h", us), dial(us, "+12125550123")},
                {"US separators", call("sip:(212)555-0123@h", us), dial(us, "+12125550123")},
                {"US 011", call("sip:01161255501299@h", us), dial(us, "+61255501299")},
                {"US 7 digits", call("sip:5550123@h", us), Rejected},
                {"US area code 1xx", call("sip:1125550123@h", us), Rejected},
                {"US trunk 0", call("sip:02125550123@h", us), Rejected},
            });
    HandlerGenerator canada({}, inCountry("CA"));
    addRows(canada, QString::fromLatin1(In),
            {{"CA 10 digits", call("sip:4165550123@h", us), dial(us, "+14165550123")},
             {"CA 011", call("sip:011442079460000@h", us), dial(us, "+442079460000")}});
    const char *gb = "+442079460000";
    HandlerGenerator britain({}, inCountry("GB"));
    addRows(britain, QString::fromLatin1(In),
            {{"GB national", call("sip:02079460001@h", gb), dial(gb, "+442079460001")},
             {"GB 00", call("sip:0061255501299@h", gb), dial(gb, "+61255501299")},
             {"GB 0011 is 00 + 11", call("sip:0011255501299@h", gb), dial(gb, "+11255501299")}});
    HandlerGenerator newZealand({}, inCountry("NZ"));
    addRows(newZealand, QString::fromLatin1(In),
            {{"NZ national", call("sip:093001234@h", "+6493001299"),
              dial("+6493001299", "+6493001234")},
             {"NZ 00", call("sip:0061255501299@h", "+6493001299"),
              dial("+6493001299", "+61255501299")}});
    HandlerGenerator ireland({}, inCountry("IE"));
    addRows(ireland, QString::fromLatin1(In),
            {{"IE national", call("sip:014567890@h", "+35314567899"),
              dial("+35314567899", "+35314567890")}});
    HandlerGenerator germany({}, inCountry("DE"));
    addRows(germany, QString::fromLatin1(In),
            {{"DE national", call("sip:030123456@h", "+4930123499"),
              dial("+4930123499", "+4930123456")},
             {"DE 00", call("sip:00442079460000@h", "+4930123499"),
              dial("+4930123499", "+442079460000")}});
    HandlerGenerator france({}, inCountry("FR"));
    addRows(france, QString::fromLatin1(In),
            {{"FR national", call("sip:0142685300@h", "+33142685399"),
              dial("+33142685399", "+33142685300")}});
}

void TestHandlerInbound::nationalNumbers()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestHandlerInbound::callerIds_data()
{
    addColumns();
    const char *to = "sip:+61255501299@acme.sip.twilio.com";
    HandlerGenerator defaults;
    addRows(defaults, QString::fromLatin1(In),
            {
                {"no default: withheld rejected", call(to, "sip:anonymous@anonymous.invalid"),
                 Rejected},
                {"no default: extension rejected", call(to, "sip:201@pbx.example.net"), Rejected},
            });
    CallBehaviour behaviour;
    behaviour.defaultCallerId = QStringLiteral("+61255500001");
    behaviour.recordingMode = QStringLiteral("record-from-ringing");
    behaviour.recordingTrim = QStringLiteral("trim-silence");
    behaviour.transferMode = QStringLiteral("sip-only");
    behaviour.ringTimeoutSeconds = 60;
    behaviour.timeLimitSeconds = 7200;
    HandlerGenerator generator({}, behaviour);
    const QString attributes =
        QStringLiteral(" timeout=\"60\" timeLimit=\"7200\" record=\"record-from-ringing\" "
                       "trim=\"trim-silence\" referUrl=\"referHandler?leg=inbound\"><Number>"
                       "+61255501299</Number></Dial>");
    addRows(generator, QString::fromLatin1(In),
            {
                {"default: withheld", call(to, "sip:anonymous@anonymous.invalid"),
                 xml(QStringLiteral("<Dial answerOnBridge=\"true\" callerId=\"+61255500001\"") +
                     attributes)},
                {"default: no From", ev({{"To", to}}),
                 xml(QStringLiteral("<Dial answerOnBridge=\"true\" callerId=\"+61255500001\"") +
                     attributes)},
                {"own DID wins", call(to, "sip:+61255500000@pbx.example.net"),
                 xml(QStringLiteral("<Dial answerOnBridge=\"true\" callerId=\"+61255500000\"") +
                     attributes)},
                {"bad To still rejected", call("sip:abc@h", "+61255500000"), Rejected},
            });
}

void TestHandlerInbound::callerIds()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestHandlerInbound)
#include "tst_handlerinbound.moc"
