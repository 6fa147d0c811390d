// Step 4 and the Calls page's acknowledgements (issue 8): the Calls page holds Next until a lost
// setting is acknowledged (steps 1 and 2 apply it); Migrate is not started while a change the
// plan reveals awaits one, and says where to give it; once given it reaches the backend. The plan
// lists what still needs one; a refusal the wizard did not foresee is explained.
#include "demoequivalence.h"
#include "dialogseam.h"
#include "equivalencetablemodel.h"
#include "numbertablemodel.h"
#include "wizardharness.h"

#include <QDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

using Carry = EquivalenceItem::Carry;

namespace {
const QString SymmetricRtp = QStringLiteral("symmetric-rtp");
const QString FaxNumbers = QStringLiteral("fax-numbers");

NumberTableModel *numbers(WizardHarness &h)
{
    return h.wizard->state()->numbers();
}

void check(WizardHarness &h, const QList<int> &rows)
{
    for (int row : rows)
        numbers(h)->setChecked(numbers(h)->rowAt(row).sid, true);
}

bool openNumbers(WizardHarness &h)
{
    return h.driveTo(PageId::Numbers) &&
           QTest::qWaitFor([&h] { return numbers(h)->rowCount() == 12; });
}

// Ticks "I accept this change" for `setting` on the Calls page.
void accept(WizardHarness &h, const QString &setting)
{
    auto *table = h.find<QTableView>(QStringLiteral("equivalenceTable"));
    const int row = qobject_cast<EquivalenceTableModel *>(table->model())->rowOfSetting(setting);
    WizardHarness::clickCheckIndicator(table,
                                       table->model()->index(row, EquivalenceTableModel::Accepted));
}

QLabel *note(WizardHarness &h)
{
    return h.find<QLabel>(QStringLiteral("acknowledgementNote"));
}
} // namespace

class TestAcknowledgements : public QObject
{
    Q_OBJECT
private slots:
    void init() { DialogSeam::clear(); }

    void callsPageWaitsForTheAcknowledgement()
    {
        // Steps 1 and 2 apply the choices (step 2 moves its test number): a lost setting is
        // acknowledged on the Calls page before Next, and step 4 then runs under it.
        WizardHarness h;
        DemoEquivalence::describe(h.backend.trunks[0]);
        h.backend.equivalenceReport = DemoEquivalence::report(h.backend.trunks[0].sid);
        h.backend.needsAcknowledgement = {SymmetricRtp};
        QVERIFY(h.driveTo(PageId::Calls));
        auto *status = h.find<QLabel>(QStringLiteral("callsStatus"));
        QTRY_VERIFY(status->text().startsWith(QStringLiteral("Of ")));
        QVERIFY(!h.nextButton()->isEnabled());
        QVERIFY(status->text().contains(QStringLiteral("for 1 change to go on")));
        accept(h, SymmetricRtp);
        QVERIFY(h.nextButton()->isEnabled());
        QVERIFY(openNumbers(h));
        check(h, {1, 2});
        auto *migrate = h.find<QPushButton>(QStringLiteral("migrateButton"));
        QTRY_VERIFY(migrate->isEnabled());
        QCOMPARE(migrate->toolTip(),
                 QStringLiteral("Shows the plan and asks before changing anything"));
        QVERIFY(!note(h)->text().contains(QStringLiteral("Symmetric RTP")));
        QVERIFY(note(h)->text().contains(QStringLiteral("Fax numbers stay on the trunk")));
        QVERIFY(h.migrateTicked());
        QTRY_COMPARE(numbers(h)->rowAt(2).state, NumberState::Migrated);
        QCOMPARE(h.backend.accepted, QStringList{SymmetricRtp});
        QCOMPARE(numbers(h)->rowAt(1).state, NumberState::Migrated);
    }

    void faxNumbersAloneDoNotHoldTheRunBack()
    {
        WizardHarness h;
        h.backend.equivalenceReport.items = {DemoEquivalence::item(
            FaxNumbers, QStringLiteral("Fax numbers"), Carry::Lost,
            QStringLiteral("Faxes to these numbers stop arriving once they move."))};
        QVERIFY(openNumbers(h));
        check(h, {1});
        QVERIFY(h.find<QPushButton>(QStringLiteral("migrateButton"))->isEnabled());
        QVERIFY(note(h)->isVisible());
        QCOMPARE(note(h)->text(),
                 QStringLiteral("Fax numbers stay on the trunk, each with its reason, until "
                                "\"Fax numbers\" is acknowledged there."));
    }

    void unforeseenRefusalIsExplained()
    {
        // The page knew of nothing to acknowledge; the backend's saved report says otherwise.
        WizardHarness h;
        h.backend.needsAcknowledgement = {QStringLiteral("secure")};
        QVERIFY(openNumbers(h));
        check(h, {1});
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("migrateButton")));
        // The confirmation says why nothing can move and offers no way to start.
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = h.planDialog()) != nullptr);
        auto *blocked = dialog->findChild<QLabel *>(QStringLiteral("planBlocked"));
        QTRY_VERIFY2(blocked->isVisible(), qPrintable(blocked->text()));
        QVERIFY2(blocked->text().contains(QStringLiteral("to be acknowledged")) &&
                     blocked->text().contains(QStringLiteral("secure")),
                 qPrintable(blocked->text()));
        QVERIFY(
            !dialog->findChild<QPushButton *>(QStringLiteral("confirmMigrateButton"))->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(h.planDialog() == nullptr);
        QVERIFY(!h.backend.log.join(u'\n').contains(QStringLiteral("migrate ")));
        QCOMPARE(numbers(h)->rowAt(1).state, NumberState::OnTrunk);
        QVERIFY(h.nextButton()->isEnabled());
    }

    void planShowsWhatStillNeedsAcknowledging()
    {
        WizardHarness h;
        DemoEquivalence::describe(h.backend.trunks[0]);
        h.backend.equivalenceReport = DemoEquivalence::report(h.backend.trunks[0].sid);
        h.backend.needsAcknowledgement = {SymmetricRtp, FaxNumbers};
        QVERIFY(h.driveTo(PageId::Calls));
        QTRY_VERIFY(h.find<QLabel>(QStringLiteral("callsStatus"))->text().startsWith("Of "));
        accept(h, SymmetricRtp);
        QVERIFY(openNumbers(h));
        check(h, {1, 2});
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("planButton")));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = h.wizard->findChild<QDialog *>(QStringLiteral("planDialog"))));
        QCOMPARE(h.backend.accepted, QStringList{SymmetricRtp}); // given before the plan
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("planAcknowledgements"));
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Symmetric RTP"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Yes"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Fax numbers"));
        QCOMPARE(table->item(1, 1)->text(),
                 QStringLiteral("Faxes to these numbers stop arriving once they move."));
        QVERIFY(table->item(1, 2)->text().startsWith(QStringLiteral("Not yet")));
        const QString summary = dialog->findChild<QLabel *>(QStringLiteral("planSummary"))->text();
        QVERIFY(summary.contains(QStringLiteral("1 change to how calls behave not "
                                                "acknowledged yet")));
        QVERIFY(summary.contains(QStringLiteral("Fallback URL: none")));
        dialog->reject();
    }

    void planWithoutChangesToAcknowledge()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        check(h, {1});
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("planButton")));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = h.wizard->findChild<QDialog *>(QStringLiteral("planDialog"))));
        QVERIFY(!dialog->findChild<QTableWidget *>(QStringLiteral("planAcknowledgements"))
                     ->isVisible());
        dialog->reject();
    }

    void planRevealsWhatTheCallsPageDidNotShow()
    {
        // Step 2's saved report asks for more than the Calls page showed (a PBX domain typed
        // there): the plan tells step 4, which then waits too.
        WizardHarness h;
        QVERIFY(openNumbers(h));
        h.backend.equivalenceReport.items = {DemoEquivalence::item(
            QStringLiteral("failover"), QStringLiteral("Origination failover"), Carry::Lost,
            QStringLiteral("Calls fail instead of moving to the next PBX address."))};
        h.backend.needsAcknowledgement = {QStringLiteral("failover")};
        check(h, {1});
        auto *migrate = h.find<QPushButton>(QStringLiteral("migrateButton"));
        QVERIFY(migrate->isEnabled());
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("planButton")));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = h.wizard->findChild<QDialog *>(QStringLiteral("planDialog"))));
        dialog->reject();
        QVERIFY(!migrate->isEnabled());
        QVERIFY(note(h)->text().contains(QStringLiteral("Origination failover")));
    }
};

QTEST_MAIN(TestAcknowledgements)
#include "tst_acknowledgements.moc"
