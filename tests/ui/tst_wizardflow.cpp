// The whole wizard on the real engine and its embedded sandbox, with clicks and keys, from
// Connect to Finish: accept the changes to how calls behave, deploy both steps, migrate some
// numbers, revert one, export the audit CSV and read its rows back.
#include "auditrecord.h"
#include "dialogseam.h"
#include "migrationservice.h"
#include "numbertablemodel.h"
#include "wizardharness.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>

namespace {
constexpr int kStepTimeoutMs = 20000;

// RFC 4180: quoted fields, doubled quotes, CRLF records.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
        } else if (c != u'\r') {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}
} // namespace

class TestWizardFlow : public QObject
{
    Q_OBJECT

    // Clicks "Place a test call" on a deploy page and waits for the call's two legs in its
    // recent-calls table (the panel refreshes the table itself).
    static void placeTestCall(WizardHarness &h, const QString &calls)
    {
        auto *place = h.find<QPushButton>(calls + QStringLiteral("TestCallPlace"));
        QVERIFY(place->isVisible());
        QVERIFY(WizardHarness::clickWhenEnabled(place, kStepTimeoutMs));
        auto *table = h.find<QTableWidget>(calls + QStringLiteral("Table"));
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 2, kStepTimeoutMs);
        bool child = false;
        for (int row = 0; row < table->rowCount(); ++row)
            child = child || table->item(row, table->columnCount() - 1)->text().contains(u'↳');
        QVERIFY2(child, "no child leg listed");
        const QString route = h.find<QLabel>(calls + QStringLiteral("TestCallRoute"))->text();
        QVERIFY2(route.contains(QStringLiteral("leg recorded")) ||
                     route.contains(QStringLiteral("legs recorded")),
                 qPrintable(route));
    }

private slots:
    void initTestCase()
    {
        // The engine's journal goes under the user's data folder: keep it out of the real one.
        QStandardPaths::setTestModeEnabled(true);
    }

    void connectToFinishOnTheSandbox()
    {
        DialogSeam::clear();
        // A journal of its own: the embedded sandbox starts empty on every run, and so must it.
        QTemporaryDir journal;
        MigrationService service;
        service.setJournalPath(journal.filePath(QStringLiteral("journal.sqlite")));
        WizardHarness h(&service);
        h.timeoutMs = kStepTimeoutMs;

        // Connect (sandbox is the first-run default), trunk, the Calls page with the engine's
        // report (every change accepted, or step 4 would not migrate), steps 1-3.
        QVERIFY(h.driveTo(PageId::Calls));
        QVERIFY(h.acceptAllChanges());
        QVERIFY(!h.wizard->state()->equivalence().items.isEmpty());
        QVERIFY(h.wizard->state()->unacknowledged().isEmpty());
        QVERIFY(h.driveTo(PageId::Inbound));
        QVERIFY(WizardHarness::clickWhenEnabled(
            h.find<QPushButton>(QStringLiteral("deployInboundButton")), kStepTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(h.wizard->state()->hasInbound(), kStepTimeoutMs);
        // Step 1's test call: the PBX calls out through the SIP domain; both legs are listed.
        placeTestCall(h, QStringLiteral("inboundCalls"));
        QVERIFY(h.clickNext());
        QTRY_COMPARE_WITH_TIMEOUT(h.currentPage(), PageId::Outbound, kStepTimeoutMs);
        QVERIFY(WizardHarness::clickWhenEnabled(
            h.find<QPushButton>(QStringLiteral("deployOutboundButton")), kStepTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(h.wizard->state()->hasOutbound(), kStepTimeoutMs);
        // Step 2's test call: a caller rings the test number, which reaches the PBX.
        placeTestCall(h, QStringLiteral("outboundCalls"));
        // With the primary PBX address down the next test call fails over, as the trunk did.
        auto *down = h.find<QCheckBox>(QStringLiteral("outboundCallsTestCallHostDown"));
        QVERIFY(down->isVisible());
        QVERIFY(WizardHarness::clickWhenEnabled(down, kStepTimeoutMs));
        QVERIFY(down->isChecked());
        auto *place = h.find<QPushButton>(QStringLiteral("outboundCallsTestCallPlace"));
        QVERIFY(WizardHarness::clickWhenEnabled(place, kStepTimeoutMs));
        auto *route = h.find<QLabel>(QStringLiteral("outboundCallsTestCallRoute"));
        QTRY_VERIFY2_WITH_TIMEOUT(route->text().count(QStringLiteral("Dial ")) >= 2,
                                  qPrintable(route->text()), kStepTimeoutMs);
        QVERIFY2(route->text().contains(QStringLiteral("failed")), qPrintable(route->text()));
        QVERIFY(WizardHarness::clickWhenEnabled(down, kStepTimeoutMs));
        QVERIFY(!down->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(down->isEnabled(), kStepTimeoutMs); // the faults are off again
        // Verify before step 4: the test number routes as it did on the trunk.
        QVERIFY(WizardHarness::clickWhenEnabled(
            h.find<QPushButton>(QStringLiteral("outboundVerifyButton")), kStepTimeoutMs));
        auto *verified = h.find<QLabel>(QStringLiteral("outboundVerifyResult"));
        QTRY_VERIFY2_WITH_TIMEOUT(verified->text().contains(QStringLiteral("Same routes")),
                                  qPrintable(verified->text()), kStepTimeoutMs);
        QVERIFY(h.driveTo(PageId::Numbers));
        QVERIFY(!h.wizard->state()->outbound().handlerUrl.isEmpty());

        NumberTableModel *numbers = h.wizard->state()->numbers();
        QTRY_VERIFY_WITH_TIMEOUT(numbers->rowCount() >= 3, kStepTimeoutMs);
        const int total = numbers->rowCount();
        // The test number of step 2 may already count as migrated; pick three others.
        QStringList chosen;
        QList<int> tickRows;
        for (int row = 0; row < total && chosen.size() < 3; ++row) {
            if (numbers->rowAt(row).state == NumberState::OnTrunk) {
                chosen.append(numbers->rowAt(row).sid);
                tickRows.append(row);
            }
        }
        QCOMPARE(chosen.size(), 3);
        // Tick them with clicks on their check boxes, then Migrate and confirm the plan.
        h.tickNumbers(tickRows);
        QVERIFY(h.migrateTicked());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QString &sid : chosen) {
                    if (numbers->rowAt(numbers->rowOfSid(sid)).state != NumberState::Migrated)
                        return false;
                }
                return h.nextButton()->isEnabled();
            }(),
            kStepTimeoutMs);

        // Revert the first one: tick it, then the button and its confirmation.
        h.tickNumbers({numbers->rowOfSid(chosen.first())});
        DialogSeam::setNextChoice(0);
        QVERIFY(WizardHarness::clickWhenEnabled(h.find<QPushButton>(QStringLiteral("revertButton")),
                                                kStepTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(numbers->rowAt(numbers->rowOfSid(chosen.first())).state,
                                  NumberState::Reverted, kStepTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(h.nextButton()->isEnabled(), kStepTimeoutMs);

        // The sandbox's fault panel: every write fails (reads still answer, so the plan comes),
        // so the next two numbers fail and stay on the trunk; with the faults off again Retry
        // moves them.
        QList<int> more;
        QStringList failing;
        for (int row = 0; row < total && more.size() < 2; ++row) {
            if (numbers->rowAt(row).state == NumberState::OnTrunk) {
                more.append(row);
                failing.append(numbers->rowAt(row).sid);
            }
        }
        QCOMPARE(more.size(), 2);
        QVERIFY(WizardHarness::clickWhenEnabled(h.wizard->button(QWizard::CustomButton1),
                                                kStepTimeoutMs));
        auto *faults = h.wizard->findChild<QDialog *>(QStringLiteral("sandboxFaultsDialog"));
        QVERIFY(faults);
        auto *failRate = faults->findChild<QDoubleSpinBox *>(QStringLiteral("writeFailRateSpin"));
        QTRY_VERIFY(faults->isVisible());
        QTRY_VERIFY(failRate->isEnabled()); // the sandbox's faults were read
        failRate->setFocus();
        QTest::keyClick(failRate, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(failRate, QStringLiteral("100"));
        QVERIFY(WizardHarness::clickWhenEnabled(
            faults->findChild<QPushButton *>(QStringLiteral("applyFaultsButton")), kStepTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(service.sandbox()->faults().failWrites, 1.0, kStepTimeoutMs);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectNoneButton")));
        h.tickNumbers(more);
        QVERIFY(h.migrateTicked());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QString &sid : failing) {
                    if (numbers->rowAt(numbers->rowOfSid(sid)).state != NumberState::Failed)
                        return false;
                }
                return !service.isBusy();
            }(),
            kStepTimeoutMs);
        for (const QString &sid : failing) {
            const NumberInfo n = numbers->rowAt(numbers->rowOfSid(sid));
            QCOMPARE(n.trunkSid, service.sandbox()->trunkSid()); // still on the trunk
            QVERIFY2(n.lastError.httpStatus >= 500, qPrintable(n.lastError.message));
        }
        QVERIFY(WizardHarness::clickWhenEnabled(
            faults->findChild<QPushButton *>(QStringLiteral("clearFaultsButton")), kStepTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(service.sandbox()->faults().failWrites, 0.0, kStepTimeoutMs);
        QVERIFY(WizardHarness::clickWhenEnabled(
            h.find<QPushButton>(QStringLiteral("retryFailedButton")), kStepTimeoutMs));
        QVERIFY(h.confirmMigration(false));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QString &sid : failing) {
                    if (numbers->rowAt(numbers->rowOfSid(sid)).state != NumberState::Migrated)
                        return false;
                }
                return h.nextButton()->isEnabled();
            }(),
            kStepTimeoutMs);
        faults->hide();

        // Finish: export the audit CSV through the file dialog seam and read it back.
        QVERIFY(h.driveTo(PageId::Finish));
        const QString counts = h.find<QLabel>(QStringLiteral("stateCounts"))->text();
        QVERIFY2(counts.contains(QStringLiteral("1 reverted")), qPrintable(counts));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        DialogSeam::setNextFileName(path);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("exportAuditButton")));
        QTRY_VERIFY_WITH_TIMEOUT(h.find<QLabel>(QStringLiteral("exportResult"))
                                     ->text()
                                     .contains(QStringLiteral("written")),
                                 kStepTimeoutMs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
        QVERIFY(rows.size() > 1);
        QCOMPARE(rows.first(), AuditRecord::columnNames());
        const int numberSidColumn =
            int(AuditRecord::columnNames().indexOf(QStringLiteral("number_sid")));
        const int actionColumn = int(AuditRecord::columnNames().indexOf(QStringLiteral("action")));
        const int outcomeColumn =
            int(AuditRecord::columnNames().indexOf(QStringLiteral("outcome")));
        for (const QString &sid : chosen) {
            QStringList actions;
            for (const QStringList &row : rows) {
                QCOMPARE(row.size(), AuditRecord::columnNames().size());
                if (row.at(numberSidColumn) == sid &&
                    row.at(outcomeColumn) == QStringLiteral("success"))
                    actions.append(row.at(actionColumn));
            }
            QVERIFY2(actions.contains(QStringLiteral("set_voice_url")), qPrintable(sid));
            QVERIFY2(actions.contains(QStringLiteral("remove_from_trunk")), qPrintable(sid));
            // The reverted number has its revert recorded too.
            if (sid == chosen.first())
                QVERIFY2(actions.size() > 2, qPrintable(actions.join(u',')));
        }
    }
};

QTEST_MAIN(TestWizardFlow)
#include "tst_wizardflow.moc"
