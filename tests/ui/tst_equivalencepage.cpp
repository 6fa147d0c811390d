// The Calls page (issue 8): the scripted report in the table, acknowledgements ticked by click
// and key (Next held until every change but the fax numbers' is ticked), each choice asking
// again (one request at a time), the caller IDs for calls without a number, the choices sent by
// steps 1 and 2, and the keyboard.
#include "../common/drainevents.h"
#include "demoequivalence.h"
#include "dialogseam.h"
#include "equivalencetablemodel.h"
#include "wizardharness.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>

using Model = EquivalenceTableModel;

namespace {
// The scripted main trunk uses most settings; the report the engine would give for it.
void script(WizardHarness &h)
{
    DemoEquivalence::describe(h.backend.trunks[0]);
    h.backend.equivalenceReport = DemoEquivalence::report(h.backend.trunks.first().sid);
}

QTableView *table(WizardHarness &h)
{
    return h.find<QTableView>(QStringLiteral("equivalenceTable"));
}

int rowOf(WizardHarness &h, const char *setting)
{
    return qobject_cast<Model *>(table(h)->model())->rowOfSetting(QLatin1String(setting));
}

QString cell(WizardHarness &h, const char *setting, int column)
{
    return table(h)->model()->index(rowOf(h, setting), column).data().toString();
}

int requests(WizardHarness &h)
{
    return int(h.backend.log.count(QStringLiteral("equivalence ") + h.backend.trunks[0].sid));
}

// The table is the report of the choices on screen (Next also waits for acknowledgements).
bool current(WizardHarness &h)
{
    return h.find<QLabel>(QStringLiteral("callsStatus"))->text().startsWith(QLatin1String("Of "));
}

bool openCalls(WizardHarness &h)
{
    return h.driveTo(PageId::Calls) && QTest::qWaitFor([&h] { return current(h); });
}
} // namespace

class TestEquivalencePage : public QObject
{
    Q_OBJECT
private slots:
    void init() { DialogSeam::clear(); }

    void showsTheReport()
    {
        WizardHarness h;
        script(h);
        h.backend.delayMs = 100;
        QVERIFY(h.driveTo(PageId::Calls));
        QVERIFY(!h.nextButton()->isEnabled()); // the report is on its way
        auto *status = h.find<QLabel>(QStringLiteral("callsStatus"));
        QCOMPARE(status->text(), QStringLiteral("Working out how calls will behave…"));
        QTRY_VERIFY(current(h));
        QCOMPARE(requests(h), 1);
        QCOMPARE(table(h)->model()->rowCount(), 13);
        QCOMPARE(table(h)->model()->headerData(Model::After, Qt::Horizontal).toString(),
                 QStringLiteral("After the migration"));
        QCOMPARE(cell(h, "recording", Model::Setting), QStringLiteral("Call recording"));
        QCOMPARE(cell(h, "recording", Model::OnTrunk),
                 QStringLiteral("record-from-ringing, trim-silence"));
        QCOMPARE(cell(h, "recording", Model::CallersNotice), QStringLiteral("Nothing"));
        QVERIFY(cell(h, "recording", Model::Accepted).isEmpty());
        QVERIFY(cell(h, "symmetric-rtp", Model::After).startsWith(QStringLiteral("Lost: ")));
        QCOMPARE(cell(h, "symmetric-rtp", Model::Accepted), QStringLiteral("I accept this change"));
        QCOMPARE(status->text(),
                 QStringLiteral("Of 13 settings: 2 kept as on the trunk, 9 carried another way, "
                                "2 lost. Tick \"I accept this change\" for 1 change to go "
                                "on: steps 1 and 2 apply them."));
        QCOMPARE(h.wizard->state()->unacknowledged(),
                 (QStringList{QStringLiteral("symmetric-rtp"), QStringLiteral("fax-numbers")}));
        // Steps 1 and 2 apply the choices: Next waits for every change but the fax numbers'.
        QVERIFY(!h.nextButton()->isEnabled());
        WizardHarness::clickCheckIndicator(
            table(h), table(h)->model()->index(rowOf(h, "symmetric-rtp"), Model::Accepted));
        QVERIFY(h.nextButton()->isEnabled());
        QCOMPARE(status->text(),
                 QStringLiteral("Of 13 settings: 2 kept as on the trunk, 9 carried another way, "
                                "2 lost. Fax numbers stay on the trunk until you accept that "
                                "change, here or before step 4."));
    }

    void prefilledFromTheTrunk()
    {
        WizardHarness h;
        script(h);
        QVERIFY(openCalls(h));
        QCOMPARE(h.find<QSpinBox>(QStringLiteral("ringTimeSpin"))->value(), 600);
        QCOMPARE(h.find<QSpinBox>(QStringLiteral("longestCallSpin"))->value(), 86400);
        auto *country = h.find<QComboBox>(QStringLiteral("countryCombo"));
        QCOMPARE(country->count(), 8);
        QCOMPARE(country->currentData().toString(), QStringLiteral("AU"));
        for (const char *name :
             {"carryRecordingCheck", "carryTransfersCheck", "carryDisasterRecoveryCheck",
              "carryEmergencyCheck", "carryCallerNameCheck", "disasterRecoveryFallbackCheck"}) {
            auto *box = h.find<QCheckBox>(QLatin1String(name));
            QVERIFY2(box->isVisible() && box->isChecked(), name);
        }
        QVERIFY(!h.find<QLabel>(QStringLiteral("carryNoneLabel"))->isVisible());
        QVERIFY(h.find<QCheckBox>(QStringLiteral("keepOwnFallbackCheck"))->isVisible());
        QCOMPARE(h.backend.lastChoices.country, QStringLiteral("AU"));
        QVERIFY(h.backend.lastChoices.dropped.isEmpty());
        QCOMPARE(h.backend.lastChoices.staleFallback, CallChoices::StaleUrl::Replace);
    }

    void plainTrunkShowsOnlyWhatItUses()
    {
        WizardHarness h; // the scripted trunk as it is: nothing droppable, no country
        QVERIFY(openCalls(h));
        QVERIFY(h.find<QLabel>(QStringLiteral("carryNoneLabel"))->isVisible());
        QVERIFY(!h.find<QCheckBox>(QStringLiteral("carryRecordingCheck"))->isVisible());
        QVERIFY(!h.find<QCheckBox>(QStringLiteral("disasterRecoveryFallbackCheck"))->isVisible());
        QVERIFY(!h.find<QCheckBox>(QStringLiteral("keepOwnFallbackCheck"))->isVisible());
        auto *country = h.find<QComboBox>(QStringLiteral("countryCombo"));
        QCOMPARE(country->count(), 9);
        QCOMPARE(country->currentText(), QStringLiteral("None: E.164 numbers only"));
        QCOMPARE(table(h)->model()->rowCount(), 0);
    }

    void tickingAcknowledgesTheChange()
    {
        WizardHarness h;
        script(h);
        QVERIFY(openCalls(h));
        auto *model = table(h)->model();
        const QModelIndex rtp = model->index(rowOf(h, "symmetric-rtp"), Model::Accepted);
        WizardHarness::clickCheckIndicator(table(h), rtp);
        QCOMPARE(rtp.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QCOMPARE(h.wizard->state()->accepted(), QStringList{QStringLiteral("symmetric-rtp")});
        QCOMPARE(h.wizard->state()->unacknowledged(), QStringList{QStringLiteral("fax-numbers")});
        QVERIFY(h.find<QLabel>(QStringLiteral("callsStatus"))
                    ->text()
                    .contains(QStringLiteral("Fax numbers stay on the trunk until")));
        QVERIFY(h.nextButton()->isEnabled()); // the fax numbers' can wait until step 4

        // The keyboard: Space on the current acknowledgement cell.
        const QModelIndex fax = model->index(rowOf(h, "fax-numbers"), Model::Accepted);
        table(h)->setFocus();
        table(h)->setCurrentIndex(fax);
        QTest::keyClick(table(h), Qt::Key_Space);
        QCOMPARE(h.wizard->state()->accepted(),
                 (QStringList{QStringLiteral("symmetric-rtp"), QStringLiteral("fax-numbers")}));
        QVERIFY(h.find<QLabel>(QStringLiteral("callsStatus"))
                    ->text()
                    .endsWith(QStringLiteral("Every change that needs it is acknowledged.")));

        // A second click withdraws it; rows that need none have no check box.
        WizardHarness::clickCheckIndicator(table(h), rtp);
        QCOMPARE(h.wizard->state()->accepted(), QStringList{QStringLiteral("fax-numbers")});
        const QModelIndex recording = model->index(rowOf(h, "recording"), Model::Accepted);
        WizardHarness::clickCheckIndicator(table(h), recording);
        QVERIFY(!recording.data(Qt::CheckStateRole).isValid());
        QCOMPARE(h.wizard->state()->accepted(), QStringList{QStringLiteral("fax-numbers")});
        QCOMPARE(requests(h), 1); // ticking is not a choice: nothing is asked again
    }

    void eachChoiceAsksAgain()
    {
        WizardHarness h;
        script(h);
        QVERIFY(openCalls(h));
        QCOMPARE(requests(h), 1);

        auto *url = h.find<QLineEdit>(QStringLiteral("fallbackUrlEdit"));
        QTest::keyClicks(url, QStringLiteral("https://fallback.acme.example/voice"));
        QVERIFY(!current(h)); // until the report of these choices is in
        QTRY_COMPARE(h.backend.lastChoices.fallbackUrl,
                     QStringLiteral("https://fallback.acme.example/voice"));
        QTRY_VERIFY(current(h));
        QCOMPARE(requests(h), 2); // typing a URL asks once, not once per key

        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("carryRecordingCheck")));
        QTRY_COMPARE(h.backend.lastChoices.dropped, QStringList{QStringLiteral("recording")});
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("keepOwnFallbackCheck")));
        QTRY_COMPARE(h.backend.lastChoices.staleFallback, CallChoices::StaleUrl::Keep);
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("keepStatusCallbacksCheck")));
        QTRY_COMPARE(h.backend.lastChoices.staleStatusCallback, CallChoices::StaleUrl::Keep);

        auto *ring = h.find<QSpinBox>(QStringLiteral("ringTimeSpin"));
        ring->setFocus();
        QTest::keyClick(ring, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(ring, QStringLiteral("30"));
        QTRY_COMPARE(h.backend.lastChoices.ringTimeoutSeconds, 30);
        auto *longest = h.find<QSpinBox>(QStringLiteral("longestCallSpin"));
        longest->setFocus();
        QTest::keyClick(longest, Qt::Key_Down); // one step: a minute less
        QTRY_COMPARE(h.backend.lastChoices.timeLimitSeconds, 86400 - 60);

        auto *country = h.find<QComboBox>(QStringLiteral("countryCombo"));
        country->setFocus();
        QTest::keyClick(country, Qt::Key_Down);
        QTRY_COMPARE(h.backend.lastChoices.country, QStringLiteral("NZ"));

        // Without the trunk's disaster-recovery URL carried, it cannot be the fallback either.
        auto *dr = h.find<QCheckBox>(QStringLiteral("disasterRecoveryFallbackCheck"));
        QVERIFY(dr->isEnabled());
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("carryDisasterRecoveryCheck")));
        QVERIFY(!dr->isEnabled());
        QTRY_COMPARE(
            h.backend.lastChoices.dropped,
            (QStringList{QStringLiteral("recording"), QStringLiteral("disaster-recovery")}));
        QTRY_VERIFY(current(h));
        // The wizard keeps them for steps 1 and 2.
        QCOMPARE(h.wizard->state()->calls().ringTimeoutSeconds, 30);
        QCOMPARE(h.wizard->state()->calls().country, QStringLiteral("NZ"));
    }

    void callerIdsForCallsWithoutANumber()
    {
        WizardHarness h;
        script(h);
        QVERIFY(openCalls(h));
        const int before = requests(h);
        auto *callerId = h.find<QLineEdit>(QStringLiteral("defaultCallerIdEdit"));
        QTest::keyClicks(callerId, QStringLiteral("0255501000"));
        QVERIFY(h.find<QLabel>(QStringLiteral("defaultCallerIdEditMessage"))->isVisible());
        QCOMPARE(h.find<QLabel>(QStringLiteral("callsStatus"))->text(),
                 QStringLiteral("Correct the marked field to see how calls will behave."));
        callerId->clear();
        QTest::keyClicks(callerId, QStringLiteral("+61255501000"));
        QTRY_COMPARE(h.backend.lastChoices.defaultCallerId, QStringLiteral("+61255501000"));
        QTRY_VERIFY(current(h));
        QCOMPARE(requests(h), before + 1); // the bad number asked nothing

        // Only the trunk's numbers with an emergency address are offered.
        auto *emergency = h.find<QComboBox>(QStringLiteral("emergencyCallerCombo"));
        QCOMPARE(emergency->count(), 2);
        emergency->setFocus();
        QTest::keyClick(emergency, Qt::Key_Down);
        QTRY_COMPARE(h.backend.lastChoices.emergencyCallerSid,
                     QStringLiteral("PN00000000000000000000000000000001"));
        // Emergency calling left behind: no emergency caller to name.
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("carryEmergencyCheck")));
        QVERIFY(!emergency->isEnabled());
        QTRY_VERIFY(h.backend.lastChoices.emergencyCallerSid.isEmpty());
        QTRY_VERIFY(current(h));
        QCOMPARE(h.wizard->state()->calls().defaultCallerId, QStringLiteral("+61255501000"));
    }

    void badFallbackUrlAsksNothing()
    {
        WizardHarness h;
        QVERIFY(openCalls(h));
        const int before = requests(h);
        auto *url = h.find<QLineEdit>(QStringLiteral("fallbackUrlEdit"));
        QTest::keyClicks(url, QStringLiteral("http://fallback.acme.example/voice"));
        QVERIFY(h.find<QLabel>(QStringLiteral("fallbackUrlEditMessage"))->isVisible());
        QVERIFY(!h.nextButton()->isEnabled());
        QVERIFY(!h.find<QPushButton>(QStringLiteral("updateReportButton"))->isEnabled());
        url->clear();
        QTest::keyClicks(url, QStringLiteral("https://acme-4821.twil.io/fallback"));
        QVERIFY(h.find<QLabel>(QStringLiteral("fallbackUrlEditMessage"))
                    ->text()
                    .contains(QStringLiteral("outside Twilio Functions")));
        QTest::qWait(400); // past the pause after typing
        QCOMPARE(requests(h), before);
        url->clear(); // none is a choice too
        QTRY_VERIFY(current(h));
        QCOMPARE(requests(h), before + 1);
    }

    void oneRequestAtATime()
    {
        WizardHarness h;
        script(h);
        h.backend.delayMs = 600;
        QVERIFY(openCalls(h));
        auto *ring = h.find<QSpinBox>(QStringLiteral("ringTimeSpin"));
        ring->setFocus();
        QTest::keyClick(ring, Qt::Key_Down);
        QTRY_COMPARE(h.backend.lastChoices.ringTimeoutSeconds, 599); // asked; running now
        QVERIFY(h.backend.isBusy());
        QVERIFY(!h.find<QPushButton>(QStringLiteral("updateReportButton"))->isEnabled());
        QTest::keyClick(ring, Qt::Key_Down);
        QTest::qWait(350); // the pause is over while the first request still runs
        QCOMPARE(h.backend.lastChoices.ringTimeoutSeconds, 599);
        // The newest choices are asked for once the running request ends.
        QTRY_COMPARE(h.backend.lastChoices.ringTimeoutSeconds, 598);
        QTRY_VERIFY(current(h));
        QVERIFY(h.find<QLabel>(QStringLiteral("callsError"))->text().isEmpty());
        QCOMPARE(requests(h), 3);
    }

    void failureOffersUpdate()
    {
        WizardHarness h;
        h.backend.failNext.insert(
            MigrationBackend::Operation::Equivalence,
            ScriptedBackend::error(404, 20404, QStringLiteral("The trunk was not found.")));
        QVERIFY(h.driveTo(PageId::Calls));
        auto *error = h.find<QLabel>(QStringLiteral("callsError"));
        QTRY_VERIFY(error->text().contains(QStringLiteral("The trunk was not found.")));
        QVERIFY(!h.nextButton()->isEnabled());
        auto *update = h.find<QPushButton>(QStringLiteral("updateReportButton"));
        QVERIFY(update->isEnabled());
        WizardHarness::click(update);
        QTRY_VERIFY(current(h));
        QVERIFY(error->text().isEmpty());
    }

    void stepsOneAndTwoSendTheChoices()
    {
        WizardHarness h;
        script(h);
        QVERIFY(openCalls(h));
        QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("fallbackUrlEdit")),
                         QStringLiteral("https://fallback.acme.example/voice"));
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("carryCallerNameCheck")));
        WizardHarness::clickCheckIndicator(
            table(h), table(h)->model()->index(rowOf(h, "symmetric-rtp"), Model::Accepted));
        QVERIFY(h.driveTo(PageId::Cutover));

        for (const CallChoices *sent :
             {&h.backend.lastInbound.calls, &h.backend.lastOutbound.calls}) {
            QCOMPARE(sent->fallbackUrl, QStringLiteral("https://fallback.acme.example/voice"));
            QCOMPARE(sent->dropped, QStringList{QStringLiteral("caller-name")});
            QCOMPARE(sent->country, QStringLiteral("AU"));
            QCOMPARE(sent->accepted, QStringList{QStringLiteral("symmetric-rtp")});
            QVERIFY(sent->pbxDomain.isEmpty()); // step 2's own option
        }
        // TLS stays the steps' own, explicit choice.
        QCOMPARE(h.backend.lastInbound.secureMedia, std::optional<bool>(false));
        QCOMPARE(h.backend.lastOutbound.secure, std::optional<bool>(false));
    }

    void backAfterStepTwoAsksWithItsPbxDomain()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Outbound));
        auto *domain = h.find<QLineEdit>(QStringLiteral("pbxDomainEdit"));
        domain->clear();
        QTest::keyClicks(domain, QStringLiteral("sbc.acme.example"));
        auto *deploy = h.find<QPushButton>(QStringLiteral("deployOutboundButton"));
        QTRY_VERIFY(deploy->isEnabled());
        WizardHarness::click(deploy);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        for (int i = 0; i < 2; ++i)
            WizardHarness::click(h.backButton());
        QCOMPARE(h.currentPage(), PageId::Calls);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        // The report step 2 saved was made with its PBX domain: so is this one.
        QCOMPARE(h.backend.lastChoices.pbxDomain, QStringLiteral("sbc.acme.example"));
        QVERIFY(h.find<QLabel>(QStringLiteral("callsRedeployNote"))->isVisible());
    }

    void newTrunkStartsAfresh()
    {
        WizardHarness h;
        script(h);
        QVERIFY(openCalls(h));
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("carryRecordingCheck")));
        WizardHarness::clickCheckIndicator(
            table(h), table(h)->model()->index(rowOf(h, "fax-numbers"), Model::Accepted));
        QTRY_VERIFY(current(h));
        WizardHarness::click(h.backButton());
        auto *trunks = h.find<QTableWidget>(QStringLiteral("trunkTable"));
        QTRY_COMPARE(trunks->rowCount(), 2);
        trunks->selectRow(1);
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Calls);
        QTRY_VERIFY(current(h));
        QVERIFY(h.wizard->state()->accepted().isEmpty());
        QVERIFY(h.wizard->state()->calls().dropped.isEmpty());
        QCOMPARE(h.backend.log.last(), QStringLiteral("equivalence ") + h.backend.trunks.at(1).sid);
    }

    void keyboardReachesEveryControl()
    {
        WizardHarness h;
        script(h);
        QVERIFY(openCalls(h));
        QApplication::setActiveWindow(h.wizard);
        auto *url = h.find<QLineEdit>(QStringLiteral("fallbackUrlEdit"));
        url->setFocus();
        QTRY_VERIFY(url->hasFocus());
        const QStringList expected{QStringLiteral("disasterRecoveryFallbackCheck"),
                                   QStringLiteral("keepOwnFallbackCheck"),
                                   QStringLiteral("keepStatusCallbacksCheck"),
                                   QStringLiteral("ringTimeSpin"),
                                   QStringLiteral("longestCallSpin"),
                                   QStringLiteral("countryCombo"),
                                   QStringLiteral("defaultCallerIdEdit"),
                                   QStringLiteral("emergencyCallerCombo"),
                                   QStringLiteral("carryRecordingCheck"),
                                   QStringLiteral("carryTransfersCheck"),
                                   QStringLiteral("carryDisasterRecoveryCheck"),
                                   QStringLiteral("carryEmergencyCheck"),
                                   QStringLiteral("carryCallerNameCheck"),
                                   QStringLiteral("equivalenceTable"),
                                   QStringLiteral("updateReportButton")};
        for (const QString &name : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), name);
        }
        // Mnemonics: each label's buddy, each check box's own.
        const QPair<Qt::Key, const char *> mnemonics[] = {
            {Qt::Key_F, "fallbackUrlEdit"},     {Qt::Key_R, "ringTimeSpin"},
            {Qt::Key_L, "longestCallSpin"},     {Qt::Key_C, "countryCombo"},
            {Qt::Key_W, "equivalenceTable"},    {Qt::Key_E, "carryRecordingCheck"},
            {Qt::Key_I, "defaultCallerIdEdit"}, {Qt::Key_G, "emergencyCallerCombo"}};
        for (const auto &mnemonic : mnemonics) {
            QTest::keyClick(h.wizard, mnemonic.first, Qt::AltModifier);
            QTRY_COMPARE(QApplication::focusWidget()->objectName(), QLatin1String(mnemonic.second));
        }
    }
};

QTEST_MAIN(TestEquivalencePage)
#include "tst_equivalencepage.moc"
