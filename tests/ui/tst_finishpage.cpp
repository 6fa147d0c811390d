// The Finish page: counts per state, the audit CSV export through the file-dialog seam, and the
// guarded deletion of the emptied trunk.
#include "../common/drainevents.h"
#include "dialogseam.h"
#include "numbertablemodel.h"
#include "wizardharness.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>

namespace {
// Migrates `count` numbers on the Numbers page, then moves on to Finish.
bool finishAfterMigrating(WizardHarness &h, int count)
{
    if (!h.driveTo(PageId::Numbers))
        return false;
    NumberTableModel *numbers = h.wizard->state()->numbers();
    if (!QTest::qWaitFor([numbers] { return numbers->rowCount() == 12; }))
        return false;
    QList<int> rows;
    for (int row = 0; row < count; ++row)
        rows.append(row);
    h.tickNumbers(rows);
    if (count > 0) {
        if (!h.migrateTicked())
            return false;
        if (!QTest::qWaitFor(
                [numbers, count] { return numbers->countInState(NumberState::Migrated) == count; }))
            return false;
    }
    return h.driveTo(PageId::Finish);
}
} // namespace

class TestFinishPage : public QObject
{
    Q_OBJECT
private slots:
    void init() { DialogSeam::clear(); }

    void countsPerState()
    {
        WizardHarness h;
        QVERIFY(finishAfterMigrating(h, 3));
        const QString counts = h.find<QLabel>(QStringLiteral("stateCounts"))->text();
        QVERIFY2(counts.contains(QStringLiteral("Migrated (off the trunk, on the new handler): 3")),
                 qPrintable(counts));
        QVERIFY(counts.contains(QStringLiteral("Total: 12")));
    }

    void exportThroughFileDialog()
    {
        WizardHarness h;
        QVERIFY(finishAfterMigrating(h, 2));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        DialogSeam::setNextFileName(path);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("exportAuditButton")));
        auto *result = h.find<QLabel>(QStringLiteral("exportResult"));
        QTRY_VERIFY(result->text().contains(QStringLiteral("2 rows written")));
        QVERIFY(h.backend.log.contains(QStringLiteral("exportAudit ") + path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 3);
    }

    void cancelledFileDialogExportsNothing()
    {
        WizardHarness h;
        QVERIFY(finishAfterMigrating(h, 0));
        DialogSeam::setNextFileName(QString());
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("exportAuditButton")));
        QTRY_COMPARE(DialogSeam::askedQuestions().size(), 1);
        drainPostedEvents();
        QVERIFY(!h.backend.log.last().startsWith(QStringLiteral("exportAudit")));
    }

    void deletionOnlyForEmptyTrunkAfterTypingItsName()
    {
        WizardHarness h;
        QVERIFY(finishAfterMigrating(h, 11));
        auto *name = h.find<QLineEdit>(QStringLiteral("confirmTrunkNameEdit"));
        auto *remove = h.find<QPushButton>(QStringLiteral("deleteTrunkButton"));
        QVERIFY(!name->isEnabled()); // one number is still on the trunk
        QVERIFY(!remove->isEnabled());

        // Back to the numbers, migrate the last one, and return.
        QTest::mouseClick(h.wizard->button(QWizard::BackButton), Qt::LeftButton);
        QTRY_COMPARE(h.currentPage(), PageId::Numbers);
        NumberTableModel *numbers = h.wizard->state()->numbers();
        QTRY_COMPARE(numbers->rowCount(), 12);
        QTRY_COMPARE(numbers->countInState(NumberState::Migrated), 11);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectNoneButton")));
        h.tickNumbers({11});
        QVERIFY(h.migrateTicked());
        QTRY_COMPARE(numbers->countInState(NumberState::Migrated), 12);
        QVERIFY(h.driveTo(PageId::Finish));

        QVERIFY(name->isEnabled());
        QTest::keyClicks(name, QStringLiteral("Acme PBX"));
        QVERIFY(!remove->isEnabled());
        QTest::keyClicks(name, QStringLiteral(" Sydney"));
        // Deleting the trunk ends revert: said, and confirmed before the button enables.
        QVERIFY(!remove->isEnabled());
        auto *endsRevert = h.find<QCheckBox>(QStringLiteral("endsRevertCheck"));
        QVERIFY(endsRevert->isVisible());
        QVERIFY2(endsRevert->text().contains(QStringLiteral("12 migrated")),
                 qPrintable(endsRevert->text()));
        WizardHarness::click(endsRevert);
        QVERIFY(remove->isEnabled());
        WizardHarness::click(remove);
        auto *result = h.find<QLabel>(QStringLiteral("trunkDeletionResult"));
        QTRY_VERIFY(result->text().contains(QStringLiteral("was deleted")));
        QVERIFY(
            h.backend.log.contains(QStringLiteral("deleteTrunk ") + h.backend.trunks.first().sid));
        QVERIFY(!remove->isEnabled());
        // Verify needs the trunk's route: gone with the trunk, and the panel says so.
        QVERIFY(!h.find<QPushButton>(QStringLiteral("finishVerifyButton"))->isEnabled());
        QVERIFY(h.find<QLabel>(QStringLiteral("finishVerifyResult"))
                    ->text()
                    .contains(QStringLiteral("deleted")));

        // Back on step 4, Revert and Retry are refused with the reason.
        QTest::mouseClick(h.backButton(), Qt::LeftButton);
        QTRY_COMPARE(h.currentPage(), PageId::Numbers);
        h.tickNumbers({3});
        auto *revert = h.find<QPushButton>(QStringLiteral("revertButton"));
        QVERIFY(!revert->isEnabled());
        QVERIFY(revert->toolTip().contains(QStringLiteral("trunk was deleted")));
        QVERIFY(h.find<QLabel>(QStringLiteral("numbersStatus"))
                    ->text()
                    .contains(QStringLiteral("trunk was deleted")));
        auto *view = h.find<QTableView>(QStringLiteral("numbersTable"));
        QMenu *menu = WizardHarness::openContextMenu(view, view->model()->index(3, 1),
                                                     QStringLiteral("numberContextMenu"));
        QVERIFY(menu);
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("revertAction"))->isEnabled());
        menu->close();
    }
};

QTEST_MAIN(TestFinishPage)
#include "tst_finishpage.moc"
