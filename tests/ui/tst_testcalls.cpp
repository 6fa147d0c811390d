// Issue 9 §3 in the wizard, on the scripted backend with real clicks and keys: "Place a test
// call" on steps 1 and 2 (only where the backend can place one), its route and the legs it
// refreshes, the fault toggles, and the Verify panel's "same" or differences.
#include "wizardharness.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>

namespace {
TestCallResult scriptedCall()
{
    TestCallResult call;
    CallInfo parent;
    parent.sid = QStringLiteral("CA00000000000000000000000000000009");
    parent.status = QStringLiteral("completed");
    call.legs = {parent, parent};
    call.route = {QStringLiteral("Dial sip:+61255501001@pbx1.acme.example: failed (SIP 408)"),
                  QStringLiteral("Dial sip:+61255501001@pbx2.acme.example: completed (SIP 200)")};
    return call;
}
} // namespace

class TestTestCalls : public QObject
{
    Q_OBJECT
private slots:
    void hiddenWhereNoTestCallCanBePlaced()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Inbound));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("deployInboundButton")));
        QTRY_VERIFY(h.nextButton()->isEnabled());
        QVERIFY(!h.find<QWidget>(QStringLiteral("inboundCallsTestCall"))->isVisible());
    }

    void stepOnePlacesACallFromThePbx()
    {
        WizardHarness h;
        h.backend.testCalls = true;
        h.backend.testCall = scriptedCall();
        QVERIFY(h.driveTo(PageId::Inbound));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("deployInboundButton")));
        QTRY_VERIFY(h.nextButton()->isEnabled());
        QVERIFY(h.find<QWidget>(QStringLiteral("inboundCallsTestCall"))->isVisible());
        // No SIP host to take down on this side: only the handler fault is offered.
        QVERIFY(!h.find<QCheckBox>(QStringLiteral("inboundCallsTestCallHostDown"))->isVisible());
        auto *to = h.find<QLineEdit>(QStringLiteral("inboundCallsTestCallTo"));
        QVERIFY(to->text().endsWith(QLatin1String("@acme-pbx-sydney.sip.twilio.com")));
        // Type the number to dial and press Enter.
        to->selectAll();
        QTest::keyClicks(to, QStringLiteral("sip:+61299990000@acme-pbx-sydney.sip.twilio.com"));
        QTest::keyClick(to, Qt::Key_Return);
        auto *table = h.find<QTableWidget>(QStringLiteral("inboundCallsTable"));
        QTRY_VERIFY(table->rowCount() > 0); // refreshed after the call
        const QString from = h.find<QLineEdit>(QStringLiteral("inboundCallsTestCallFrom"))->text();
        QVERIFY2(from.startsWith(QLatin1String("sip:+")) &&
                     from.endsWith(QLatin1String("@203.0.113.10")),
                 qPrintable(from));
        QVERIFY(h.backend.log.contains(
            QStringLiteral("placeTestCall %1 sip:+61299990000@acme-pbx-sydney.sip.twilio.com")
                .arg(from)));
        const qsizetype placed = h.backend.log.indexOf(QRegularExpression("placeTestCall .*"));
        const qsizetype loaded =
            h.backend.log.lastIndexOf(QRegularExpression("loadRecentCalls .*"));
        QVERIFY(placed >= 0 && loaded > placed);
    }

    void stepTwoShowsTheRouteAndTheFaults()
    {
        WizardHarness h;
        h.backend.testCalls = true;
        h.backend.testCall = scriptedCall();
        QVERIFY(h.driveTo(PageId::Outbound));
        QVERIFY(WizardHarness::clickWhenEnabled(
            h.find<QPushButton>(QStringLiteral("deployOutboundButton")), 5000));
        QTRY_VERIFY(h.nextButton()->isEnabled());
        auto *down = h.find<QCheckBox>(QStringLiteral("outboundCallsTestCallHostDown"));
        QVERIFY(down->isVisible());
        // The trunk's first priority is pbx1 alone; the PBX domain proposed is the same host.
        QVERIFY2(down->text().contains(QStringLiteral("pbx1.acme.example")),
                 qPrintable(down->text()));
        WizardHarness::click(down);
        QTRY_COMPARE(h.backend.lastFaults.downHosts, QStringList{"pbx1.acme.example"});
        QTRY_VERIFY(down->isEnabled());
        WizardHarness::click(
            h.find<QCheckBox>(QStringLiteral("outboundCallsTestCallHandlersFail")));
        QTRY_VERIFY(h.backend.lastFaults.handlersFail);
        QCOMPARE(h.backend.lastFaults.downHosts, QStringList{"pbx1.acme.example"});

        auto *place = h.find<QPushButton>(QStringLiteral("outboundCallsTestCallPlace"));
        QTRY_VERIFY(place->isEnabled());
        WizardHarness::click(place);
        auto *route = h.find<QLabel>(QStringLiteral("outboundCallsTestCallRoute"));
        QTRY_VERIFY2(route->text().contains(QStringLiteral("pbx2.acme.example: completed")),
                     qPrintable(route->text()));
        QVERIFY(route->text().contains(QStringLiteral("2 legs")) &&
                !route->text().contains(QStringLiteral("(s)")));
        QVERIFY(h.backend.log.contains(QStringLiteral("placeTestCall +15005550006 +61255509000")));
    }

    void verifyShowsSameOrEachDifference()
    {
        WizardHarness h;
        NumberVerification number;
        number.sid = QStringLiteral("PN00000000000000000000000000000001");
        number.phoneNumber = QStringLiteral("+61255501001");
        number.moved = true;
        number.route = QStringLiteral("pbx1.acme.example, pbx2.acme.example");
        h.backend.verifyReport.numbers = {number};
        QVERIFY(h.driveTo(PageId::Outbound));
        auto *verify = h.find<QPushButton>(QStringLiteral("outboundVerifyButton"));
        QVERIFY(!verify->isEnabled()); // nothing deployed to verify yet
        QVERIFY(WizardHarness::clickWhenEnabled(
            h.find<QPushButton>(QStringLiteral("deployOutboundButton")), 5000));
        QTRY_VERIFY(verify->isEnabled());
        WizardHarness::click(verify);
        auto *result = h.find<QLabel>(QStringLiteral("outboundVerifyResult"));
        QTRY_VERIFY2(result->text().contains(QStringLiteral("Same routes")),
                     qPrintable(result->text()));
        // Step 2 names its test number (a spare one: it was never on the trunk).
        QVERIFY(h.backend.log.contains(
            QStringLiteral("verify %1 %2")
                .arg(h.backend.trunks.first().sid, h.backend.spareNumbers.first().sid)));

        h.backend.verifyReport.numbers[0].differences = {
            {QStringLiteral("targets"), QStringLiteral("pbx1.acme.example (priority 10)"),
             QStringLiteral("pbx-old.acme.example")}};
        QTRY_VERIFY(verify->isEnabled());
        QTest::keyClick(verify, Qt::Key_Space); // the keyboard works too
        QTRY_VERIFY2(result->text().contains(QStringLiteral("differ")), qPrintable(result->text()));
        QVERIFY(result->text().contains(QStringLiteral("<b>targets</b>")));
        QVERIFY(result->text().contains(QStringLiteral("pbx-old.acme.example")));
        QVERIFY(result->text().contains(QStringLiteral("+61255501001")));
    }
};

QTEST_MAIN(TestTestCalls)
#include "tst_testcalls.moc"
