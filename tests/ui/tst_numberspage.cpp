// Step 4: the numbers table, filtering and selection, plan, migrate with progress and Stop,
// revert (button and context menu), retry failed, and errors shown where they happened.
#include "../common/drainevents.h"
#include "dialogseam.h"
#include "numberfilterproxymodel.h"
#include "numbertablemodel.h"
#include "wizardharness.h"

#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

namespace {
NumberTableModel *model(WizardHarness &h)
{
    return h.wizard->state()->numbers();
}

NumberState stateOf(WizardHarness &h, int row)
{
    return model(h)->rowAt(row).state;
}

void check(WizardHarness &h, const QList<int> &rows)
{
    for (int row : rows)
        model(h)->setChecked(model(h)->rowAt(row).sid, true);
}

bool openNumbers(WizardHarness &h)
{
    return h.driveTo(PageId::Numbers) &&
           QTest::qWaitFor([&h] { return model(h)->rowCount() == 12; });
}
} // namespace

class TestNumbersPage : public QObject
{
    Q_OBJECT
private slots:
    void init() { DialogSeam::clear(); }

    void tableListsTheTrunksNumbers()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        QCOMPARE(view->model()->rowCount(), 12);
        QCOMPARE(view->model()->index(0, NumberTableModel::Number).data().toString(),
                 QStringLiteral("+61255501001"));
        QVERIFY(!h.find<QPushButton>(QStringLiteral("migrateButton"))->isEnabled());
    }

    void statusCountsEachState()
    {
        // Step 2 pointed the test number at the handler: it is not "on the trunk" any more.
        WizardHarness h;
        QVERIFY(openNumbers(h));
        auto *status = h.find<QLabel>(QStringLiteral("numbersStatus"));
        QTRY_COMPARE(status->text(), QStringLiteral("12 number(s): 11 on the trunk, 1 migrated."));
        h.backend.failingNumbers.insert(model(h)->rowAt(2).sid);
        check(h, {0, 1, 2});
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("migrateButton")));
        QTRY_VERIFY(status->text().startsWith(QStringLiteral("Done:")));
        QCOMPARE(status->text(),
                 QStringLiteral("Done: 1 migrated, 1 already migrated, 1 failed (see the Last "
                                "error column). Now 9 on the trunk, 2 migrated, 1 failed."));
    }

    void filterAndSelectAllFiltered()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("numberFilterEdit")),
                         QStringLiteral("support"));
        QCOMPARE(view->model()->rowCount(), 2);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectFilteredButton")));
        QCOMPARE(model(h)->checkedCount(), 2);
        auto *migrate = h.find<QPushButton>(QStringLiteral("migrateButton"));
        QVERIFY(migrate->isEnabled());
        QCOMPARE(migrate->text(), QStringLiteral("&Migrate 2 selected"));

        h.find<QLineEdit>(QStringLiteral("numberFilterEdit"))->clear();
        QCOMPARE(view->model()->rowCount(), 12);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectAllButton")));
        QCOMPARE(model(h)->checkedCount(), 12);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectNoneButton")));
        QCOMPARE(model(h)->checkedCount(), 0);
        QVERIFY(!migrate->isEnabled());
    }

    void planListsChanges()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        check(h, {0, 1, 2, 3}); // row 0, step 2's test number, is migrated already
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("planButton")));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = h.wizard->findChild<QDialog *>(QStringLiteral("planDialog"))));
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("planTable"));
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("+61255501002"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("set voice URL"));
        const QString summary = dialog->findChild<QLabel *>(QStringLiteral("planSummary"))->text();
        QVERIFY(summary.contains(QStringLiteral("3 number(s) to migrate")));
        QVERIFY(summary.contains(QStringLiteral("1 already migrated")));
        QCOMPARE(stateOf(h, 1), NumberState::OnTrunk); // a plan changes nothing
        dialog->reject();
    }

    void migrateUpdatesRowsWithProgress()
    {
        WizardHarness h;
        h.backend.delayMs = 20;
        QVERIFY(openNumbers(h));
        check(h, {0, 1, 2, 3});
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("migrateButton")));
        auto *bar = h.find<QProgressBar>(QStringLiteral("numbersProgressBar"));
        QVERIFY(bar->isVisible());
        QVERIFY(!h.nextButton()->isEnabled());
        QTRY_COMPARE(stateOf(h, 0), NumberState::Migrated);
        QTRY_VERIFY(!bar->isVisible());
        for (int row = 0; row < 4; ++row)
            QCOMPARE(stateOf(h, row), NumberState::Migrated);
        QCOMPARE(stateOf(h, 4), NumberState::OnTrunk);
        // Migrated rows leave the selection, so "Migrate selected" offers nothing done twice.
        QCOMPARE(model(h)->checkedCount(), 0);
        QVERIFY(!h.find<QPushButton>(QStringLiteral("migrateButton"))->isEnabled());
        QVERIFY(h.find<QLabel>(QStringLiteral("numbersStatus"))
                    ->text()
                    .contains(QStringLiteral("4 migrated")));
        QVERIFY(h.nextButton()->isEnabled());
    }

    void stopLetsInFlightFinish()
    {
        WizardHarness h;
        h.backend.delayMs = 30;
        QVERIFY(openNumbers(h));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectAllButton")));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("migrateButton")));
        QTRY_COMPARE(stateOf(h, 0), NumberState::Migrated);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("numbersProgressCancel")));
        QCOMPARE(h.backend.cancelCalls, 1);
        auto *status = h.find<QLabel>(QStringLiteral("numbersStatus"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("not started (stopped)")));
        QCOMPARE(stateOf(h, 11), NumberState::OnTrunk);
        QVERIFY(model(h)->countInState(NumberState::Migrated) < 12);
    }

    void failureShownWhereItHappenedAndRetried()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        h.backend.failingNumbers.insert(model(h)->rowAt(1).sid);
        check(h, {0, 1});
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("migrateButton")));
        auto *retry = h.find<QPushButton>(QStringLiteral("retryFailedButton"));
        QTRY_VERIFY(retry->isEnabled());
        QCOMPARE(stateOf(h, 1), NumberState::Failed);
        // The failed number stays selected for another try; the migrated one does not.
        QVERIFY(!model(h)->isChecked(0));
        QVERIFY(model(h)->isChecked(1));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        QVERIFY(view->model()
                    ->index(1, NumberTableModel::LastError)
                    .data()
                    .toString()
                    .contains(QStringLiteral("refused")));
        view->selectRow(1);
        auto *detail = h.find<QLabel>(QStringLiteral("numberErrorDetail"));
        QVERIFY(detail->text().contains(QStringLiteral("+61255501002")));
        QVERIFY(detail->text().contains(
            QStringLiteral("<a href=\"https://www.twilio.com/docs/errors/21210\">")));

        WizardHarness::click(retry);
        QTRY_COMPARE(stateOf(h, 1), NumberState::Migrated);
        QCOMPARE(h.backend.lastSids, QStringList{model(h)->rowAt(1).sid});
        QTRY_VERIFY(!retry->isEnabled());
    }

    void revertAfterConfirmation()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        check(h, {0, 1});
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("migrateButton")));
        QTRY_COMPARE(stateOf(h, 1), NumberState::Migrated);
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        auto *revert = h.find<QPushButton>(QStringLiteral("revertButton"));
        view->selectRow(2); // on the trunk: nothing to revert
        QVERIFY(!revert->isEnabled());
        QTRY_VERIFY(h.nextButton()->isEnabled());
        view->selectRow(0);
        QVERIFY(revert->isEnabled());

        DialogSeam::setNextChoice(1); // "Keep migrated"
        WizardHarness::click(revert);
        QTRY_COMPARE(DialogSeam::askedQuestions().size(), 1);
        QVERIFY(DialogSeam::askedQuestions().first().contains(QStringLiteral("+61255501001")));
        drainPostedEvents();
        QVERIFY(!h.backend.log.last().startsWith(QStringLiteral("revert")));

        DialogSeam::setNextChoice(0); // "Revert"
        WizardHarness::click(revert);
        QTRY_COMPARE(stateOf(h, 0), NumberState::Reverted);
        QCOMPARE(h.backend.lastSids, QStringList{model(h)->rowAt(0).sid});
        QCOMPARE(stateOf(h, 1), NumberState::Migrated);
    }

    void revertFromContextMenu()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        check(h, {3});
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("migrateButton")));
        QTRY_COMPARE(stateOf(h, 3), NumberState::Migrated);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        const QPoint cell = view->visualRect(view->model()->index(3, 1)).center();
        emit view->customContextMenuRequested(cell);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = h.wizard->findChild<QMenu *>(QStringLiteral("numberContextMenu"))));
        auto *action = menu->findChild<QAction *>(QStringLiteral("revertAction"));
        QVERIFY(action && action->isEnabled());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("retryAction"))->isEnabled());
        DialogSeam::setNextChoice(0);
        action->trigger();
        menu->close();
        QTRY_COMPARE(stateOf(h, 3), NumberState::Reverted);
    }
};

QTEST_MAIN(TestNumbersPage)
#include "tst_numberspage.moc"
