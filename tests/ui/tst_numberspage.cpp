// Step 4: the numbers table, filtering and ticking, the plan that confirms a migration, Stop
// and the states it leaves, revert (button and context menu), retry failed, and errors shown
// where they happened — all driven by clicks and keys.
#include "../common/drainevents.h"
#include "dialogseam.h"
#include "numberfilterproxymodel.h"
#include "numberstatetext.h"
#include "numbertablemodel.h"
#include "wizardharness.h"

#include <QAction>
#include <QClipboard>
#include <QDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
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

// Step 2 took the trunk's first number as its test number: one row starts migrated.
bool openNumbers(WizardHarness &h)
{
    h.trunkTestNumber = true;
    const bool opened =
        h.driveTo(PageId::Numbers) && QTest::qWaitFor([&h] { return model(h)->rowCount() == 12; });
    DialogSeam::clear(); // step 2's question about its test number is not this page's
    return opened;
}

QString statusText(WizardHarness &h)
{
    return h.find<QLabel>(QStringLiteral("numbersStatus"))->text();
}

// The number of pixels a cell's text needs, with its check box when it has one.
int neededWidth(const QTableView *view, const QModelIndex &index)
{
    int width = view->fontMetrics().horizontalAdvance(index.data().toString());
    if (index.data(Qt::CheckStateRole).isValid())
        width += view->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, view);
    return width;
}

// Every number, SID and state shown in full (not elided) in the table.
bool columnsReadable(const QTableView *view)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        for (const int column :
             {NumberTableModel::Number, NumberTableModel::Sid, NumberTableModel::State}) {
            const QModelIndex cell = view->model()->index(row, column);
            if (neededWidth(view, cell) > view->columnWidth(column)) {
                qWarning("column %d is %d px, %s needs %d", column, view->columnWidth(column),
                         qPrintable(cell.data().toString()), neededWidth(view, cell));
                return false;
            }
        }
    }
    return true;
}
} // namespace

class TestNumbersPage : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        DialogSeam::clear();
        QGuiApplication::clipboard()->clear();
    }

    void tableListsTheTrunksNumbers()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        QCOMPARE(view->model()->rowCount(), 12);
        QCOMPARE(view->model()->index(0, NumberTableModel::Number).data().toString(),
                 QStringLiteral("+61255501001"));
        QVERIFY(!h.find<QPushButton>(QStringLiteral("migrateButton"))->isEnabled());
        QCOMPARE(h.find<QLabel>(QStringLiteral("numbersShownTicked"))->text(),
                 QStringLiteral("12 shown · 0 ticked"));
        QVERIFY(columnsReadable(view));
    }

    void statusCountsEachState()
    {
        // Step 2 pointed the test number at the handler: it is not "on the trunk" any more.
        WizardHarness h;
        QVERIFY(openNumbers(h));
        QTRY_COMPARE(statusText(h), QStringLiteral("Numbers on the trunk: 12 (11 on the trunk, "
                                                   "1 migrated)."));
        h.backend.failingNumbers.insert(model(h)->rowAt(2).sid);
        h.tickNumbers({1, 2, 3});
        QVERIFY(h.migrateTicked());
        QTRY_VERIFY(statusText(h).startsWith(QStringLiteral("Done:")));
        QCOMPARE(statusText(h),
                 QStringLiteral("Done: 2 migrated, 1 failed (the Failed filter lists them, each "
                                "with its error). Now 8 on the trunk, 3 migrated, 1 failed."));
    }

    void filterTickFilteredAndCount()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        auto *shown = h.find<QLabel>(QStringLiteral("numbersShownTicked"));
        QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("numberFilterEdit")),
                         QStringLiteral("support"));
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(shown->text(), QStringLiteral("2 shown · 0 ticked"));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectFilteredButton")));
        QCOMPARE(model(h)->checkedCount(), 2);
        QCOMPARE(shown->text(), QStringLiteral("2 shown · 2 ticked"));
        auto *migrate = h.find<QPushButton>(QStringLiteral("migrateButton"));
        QVERIFY(migrate->isEnabled());
        QCOMPARE(migrate->text(), QStringLiteral("&Migrate 2 ticked…"));

        h.find<QLineEdit>(QStringLiteral("numberFilterEdit"))->clear();
        QCOMPARE(view->model()->rowCount(), 12);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectAllButton")));
        QCOMPARE(model(h)->checkedCount(), 12);
        // The test number is migrated already: Migrate offers the other eleven.
        QCOMPARE(migrate->text(), QStringLiteral("&Migrate 11 ticked…"));
        QCOMPARE(h.find<QPushButton>(QStringLiteral("revertButton"))->text(),
                 QStringLiteral("&Revert 1 ticked…"));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectNoneButton")));
        QCOMPARE(model(h)->checkedCount(), 0);
        QVERIFY(!migrate->isEnabled());
    }

    void spaceTicksFromAnyColumn()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        view->setFocus();
        QTest::mouseClick(
            view->viewport(), Qt::LeftButton, {},
            view->visualRect(view->model()->index(4, NumberTableModel::State)).center());
        QCOMPARE(view->currentIndex().column(), int(NumberTableModel::State));
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(model(h)->isChecked(4));
        QTest::keyClick(view, Qt::Key_Left);
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(!model(h)->isChecked(4));
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(model(h)->isChecked(5));
        QCOMPARE(model(h)->checkedCount(), 1);
    }

    void columnsSurviveAnEmptyFilterAndPageChanges()
    {
        // An empty filter, Back, Next, then clearing it used to leave "+6…00" and "P…3".
        WizardHarness h;
        QVERIFY(openNumbers(h));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        auto *filter = h.find<QLineEdit>(QStringLiteral("numberFilterEdit"));
        QTest::keyClicks(filter, QStringLiteral("no such number"));
        QCOMPARE(view->model()->rowCount(), 0);
        WizardHarness::click(h.backButton());
        QTRY_COMPARE(h.currentPage(), PageId::Cutover);
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Numbers);
        QTRY_VERIFY(h.nextButton()->isEnabled()); // the listing is back
        filter->selectAll();
        QTest::keyClick(filter, Qt::Key_Backspace);
        QCOMPARE(view->model()->rowCount(), 12);
        QVERIFY(columnsReadable(view));
        // A migrated and a reverted row read in full too.
        h.tickNumbers({0});
        DialogSeam::setNextChoice(0);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("revertButton")));
        QTRY_COMPARE(stateOf(h, 0), NumberState::Reverted);
        QVERIFY(columnsReadable(view));
    }

    void planListsChangesAndChangesNothing()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        h.tickNumbers({0, 1, 2, 3}); // row 0, step 2's test number, is migrated already
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("planButton")));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = h.planDialog()));
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("planTable"));
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("+61255501002"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("set voice URL"));
        const QString summary = dialog->findChild<QLabel *>(QStringLiteral("planSummary"))->text();
        QVERIFY(summary.contains(QStringLiteral("3 numbers to migrate")));
        QVERIFY(summary.contains(QStringLiteral("changed nothing")));
        // Enter in the dialog cancels: a mass change is never the default.
        auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("confirmMigrateButton"));
        QCOMPARE(confirm->text(), QStringLiteral("&Migrate 3 numbers"));
        QVERIFY(!confirm->isDefault());
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(!h.planDialog());
        drainPostedEvents();
        QCOMPARE(stateOf(h, 1), NumberState::OnTrunk);
        QVERIFY(!h.backend.log.contains(QStringLiteral("migrate")));
    }

    void migrateAsksFirstThenUpdatesRowsWithProgress()
    {
        WizardHarness h;
        h.backend.delayMs = 20;
        QVERIFY(openNumbers(h));
        h.tickNumbers({0, 1, 2, 3});
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("migrateButton")));
        QTRY_VERIFY(h.planDialog());
        QCOMPARE(stateOf(h, 1), NumberState::OnTrunk); // nothing moves before the confirmation
        QVERIFY(h.confirmMigration());
        auto *bar = h.find<QProgressBar>(QStringLiteral("numbersProgressBar"));
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(!h.nextButton()->isEnabled());
        QTRY_COMPARE(stateOf(h, 1), NumberState::Migrated);
        QTRY_VERIFY(!bar->isVisible());
        for (int row = 0; row < 4; ++row)
            QCOMPARE(stateOf(h, row), NumberState::Migrated);
        QCOMPARE(stateOf(h, 4), NumberState::OnTrunk);
        // Migrated rows leave the ticks, so Migrate offers nothing done twice.
        QCOMPARE(model(h)->checkedCount(), 0);
        QVERIFY(!h.find<QPushButton>(QStringLiteral("migrateButton"))->isEnabled());
        QVERIFY(statusText(h).contains(QStringLiteral("3 migrated")));
        QVERIFY(h.nextButton()->isEnabled());
    }

    void stopLeavesTrueStates()
    {
        // Stopped between a number's two changes, it is "URL set, still on trunk": counted
        // as such, and revertable.
        WizardHarness h;
        h.backend.delayMs = 30;
        QVERIFY(openNumbers(h));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectAllButton")));
        QVERIFY(h.migrateTicked());
        QTRY_COMPARE(stateOf(h, 1), NumberState::Migrated);
        QCOMPARE(stateOf(h, 2), NumberState::Migrating);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("numbersProgressCancel")));
        QCOMPARE(h.backend.cancelCalls, 1);
        QTRY_VERIFY(statusText(h).startsWith(QStringLiteral("Stopped:")));
        QCOMPARE(stateOf(h, 2), NumberState::UrlSet);
        QCOMPARE(stateOf(h, 11), NumberState::OnTrunk);
        QCOMPARE(statusText(h),
                 QStringLiteral("Stopped: 1 migrated, 10 stopped before finishing (see the State "
                                "column). Now 9 on the trunk, 1 with the new URL but still on the "
                                "trunk, 2 migrated."));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        QCOMPARE(view->model()->index(2, NumberTableModel::State).data().toString(),
                 numberStateText(NumberState::UrlSet));
        // The stopped numbers stay ticked; the URL-set one is what Revert offers.
        auto *revert = h.find<QPushButton>(QStringLiteral("revertButton"));
        QCOMPARE(revert->text(), QStringLiteral("&Revert 1 ticked…"));
        DialogSeam::setNextChoice(0);
        WizardHarness::click(revert);
        QTRY_COMPARE(stateOf(h, 2), NumberState::Reverted);
        QCOMPARE(h.backend.lastSids, QStringList{model(h)->rowAt(2).sid});
        // The plan afterwards does not claim nothing happened.
        QVERIFY(WizardHarness::clickWhenEnabled(h.find<QPushButton>(QStringLiteral("planButton")),
                                                5000));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = h.planDialog()));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("planSummary"))
                     ->text()
                     .contains(QStringLiteral("Nothing has been changed")));
        dialog->reject();
    }

    void failureShownWhereItHappenedAndRetried()
    {
        WizardHarness h;
        h.backend.numberError.requestId = QStringLiteral("RQ0123456789abcdef0123456789abcdef");
        QVERIFY(openNumbers(h));
        h.backend.failingNumbers.insert(model(h)->rowAt(1).sid);
        h.tickNumbers({1, 2});
        QVERIFY(h.migrateTicked());
        auto *retry = h.find<QPushButton>(QStringLiteral("retryFailedButton"));
        QTRY_VERIFY(retry->isEnabled());
        QCOMPARE(retry->text(), QStringLiteral("Re&try 1 failed…"));
        QCOMPARE(stateOf(h, 1), NumberState::Failed);
        // The failed number stays ticked for another try; the migrated one does not.
        QVERIFY(model(h)->isChecked(1));
        QVERIFY(!model(h)->isChecked(2));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        const QModelIndex error = view->model()->index(1, NumberTableModel::LastError);
        // The whole error, as support asks for it: message, code, HTTP status, request id.
        QCOMPARE(error.data().toString(),
                 QStringLiteral("Twilio refused the new voice URL. (Twilio error 21210 · HTTP 400 "
                                "· request RQ0123456789abcdef0123456789abcdef)"));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(error).center());
        auto *detail = h.find<QLabel>(QStringLiteral("numberErrorDetail"));
        QVERIFY(detail->text().contains(QStringLiteral("+61255501002")));
        QVERIFY(detail->text().contains(
            QStringLiteral("<a href=\"https://www.twilio.com/docs/errors/21210\">")));

        // Copyable from its context menu.
        QMenu *menu =
            WizardHarness::openContextMenu(view, error, QStringLiteral("numberContextMenu"));
        QVERIFY(menu);
        auto *copy = menu->findChild<QAction *>(QStringLiteral("copyErrorAction"));
        QVERIFY(copy && copy->isEnabled());
        copy->trigger();
        menu->close();
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY(copied.contains(QStringLiteral("Twilio refused the new voice URL.")));
        QVERIFY(copied.contains(QStringLiteral("RQ0123456789abcdef0123456789abcdef")));
        QVERIFY(copied.contains(QStringLiteral("https://www.twilio.com/docs/errors/21210")));

        // Retry shows the plan for the failed number and migrates it once confirmed.
        WizardHarness::click(retry);
        QVERIFY(h.confirmMigration());
        QTRY_COMPARE(stateOf(h, 1), NumberState::Migrated);
        QCOMPARE(h.backend.lastSids, QStringList{model(h)->rowAt(1).sid});
        QTRY_VERIFY(!retry->isEnabled());
    }

    void revertTickedAfterConfirmation()
    {
        WizardHarness h;
        QVERIFY(openNumbers(h));
        h.tickNumbers({1});
        QVERIFY(h.migrateTicked());
        QTRY_COMPARE(stateOf(h, 1), NumberState::Migrated);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        auto *revert = h.find<QPushButton>(QStringLiteral("revertButton"));
        h.tickNumbers({2}); // on the trunk: nothing to revert
        QVERIFY(!revert->isEnabled());
        h.tickNumbers({0});
        QVERIFY(revert->isEnabled());
        QCOMPARE(revert->text(), QStringLiteral("&Revert 1 ticked…"));

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
        h.tickNumbers({3});
        QVERIFY(h.migrateTicked());
        QTRY_COMPARE(stateOf(h, 3), NumberState::Migrated);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        QMenu *menu = WizardHarness::openContextMenu(view, view->model()->index(3, 1),
                                                     QStringLiteral("numberContextMenu"));
        QVERIFY(menu);
        auto *action = menu->findChild<QAction *>(QStringLiteral("revertAction"));
        QVERIFY(action && action->isEnabled());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("retryAction"))->isEnabled());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("copyErrorAction"))->isEnabled());
        DialogSeam::setNextChoice(0);
        action->trigger();
        menu->close();
        QTRY_COMPARE(stateOf(h, 3), NumberState::Reverted);
    }
};

QTEST_MAIN(TestNumbersPage)
#include "tst_numberspage.moc"
